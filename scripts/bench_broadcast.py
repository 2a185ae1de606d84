"""Benchmark the broadcast engine against the fake Bot API enforcing Telegram's limits.

Scenarios, each against a fresh fake server (a subprocess, ``python -m tests.fakebotapi``) and a
fresh state database holding one queued broadcast to 10,000 subscribers:

- ``idle``: residents' reply latency with nothing else sent (the baseline);
- ``free``: the engine at 30/s for a fixed window (``--window``, 20 s by default: the whole
  10,000 would take 5.5 minutes) with the server enforcing 30/s overall and 1/s per chat, while
  a resident sends a message every 200 ms through the same pacer at reply priority;
- ``aiolimiter``: the same broadcast and replies through python-telegram-bot's AIORateLimiter
  (what the pacer replaces), for comparison;
- ``paid``: the limit raised to 1,000/s (server and pacer), the whole 10,000.

Throughput is measured on the server: delivered broadcast messages over the time between the
first and the last one. Run: ``python scripts/bench_broadcast.py [--runs 3] [--window 20]``.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("PTB_TIMEDELTA", "true")

from telegram import Bot  # noqa: E402
from telegram.error import RetryAfter  # noqa: E402
from telegram.ext import AIORateLimiter, ExtBot  # noqa: E402
from telegram.request import HTTPXRequest  # noqa: E402

from bot.broadcast.engine import DEFAULT_WORKERS, PAID_WORKERS, Engine  # noqa: E402
from bot.broadcast.pacer import Pacer  # noqa: E402
from bot.channels.tg.ratelimit import PacedRateLimiter  # noqa: E402
from bot.channels.tg.sender import TelegramSender  # noqa: E402
from bot.storage import broadcasts  # noqa: E402
from bot.storage.db import connect, write_tx  # noqa: E402

TOKEN = "123456:BENCH-TOKEN"
AUDIENCE = 10_000
FIRST_CHAT = 1_000_000
RESIDENT_CHAT = 50_000_000  # replies go to chats outside the audience
REPLY_EVERY = 0.2  # seconds between residents' messages
TEXT = "<b>Hearing Tuesday</b>: ask your senator to <i>press pause</i> on face surveillance."


@contextlib.contextmanager
def fake_server(rate: float) -> Iterator[str]:
    """Run ``python -m tests.fakebotapi`` enforcing ``rate``; yield its base URL."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [sys.executable, "-m", "tests.fakebotapi", "--port", str(port), "--rate", str(rate)]
    proc = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        proc.stdout.readline()  # "fake Bot API at ..." once it listens
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        if proc.stdout is not None:
            proc.stdout.close()


def server_json(root: str, action: str) -> Any:
    with urllib.request.urlopen(f"{root}/fake/{action}", timeout=30) as response:
        return json.load(response)


def make_db(path: Path) -> int:
    """Create 10,000 subscribers and one queued broadcast to them; return its id."""
    conn = connect(path)
    with write_tx(conn):
        conn.executemany(
            "INSERT INTO subscribers (chat_id, place_id, language, created) VALUES (?, ?, ?, ?)",
            ((FIRST_CHAT + i, "somerville", "en", "2025-01-01") for i in range(AUDIENCE)),
        )
    bid = broadcasts.create_broadcast(conn, TEXT, ["all"], actor=None)
    broadcasts.enqueue(conn, bid, range(FIRST_CHAT, FIRST_CHAT + AUDIENCE))
    conn.close()
    return bid


def server_rate(root: str) -> dict[str, Any]:
    """Measure on the server: broadcast and total messages per second, and 429s.

    Rates are taken between the first and the last broadcast message; the total counts every
    sendMessage (broadcast and replies) that arrived in that span. Calls answered 429 are
    recorded too, so with 429s the rates are upper bounds.
    """
    stats = server_json(root, "stats")
    calls = [c for c in server_json(root, "calls") if c["method"] == "sendMessage"]
    bulk = sorted(c["at"] for c in calls if int(c["params"]["chat_id"]) < RESIDENT_CHAT)
    if len(bulk) < 2:
        return {"rate": float("nan"), "total_rate": float("nan"), "429": stats.get("429", 0)}
    first, last = bulk[0], bulk[-1]
    total = sum(1 for c in calls if first <= c["at"] <= last)
    return {
        "rate": (len(bulk) - 1) / (last - first),
        "total_rate": (total - 1) / (last - first),
        "delivered": len(bulk) - stats.get("429", 0),
        "429": stats.get("429", 0),
    }


def summary(measured: dict[str, Any], limit: float, latencies: Any) -> dict[str, Any]:
    done, unfinished = latencies
    return {
        **measured,
        "fraction": measured["rate"] / limit,
        "total_fraction": measured["total_rate"] / limit,
        "reply_p50_ms": percentile(done, 50),
        "reply_p99_ms": percentile(done, 99),
        "replies": len(done),
        "reply_stuck_ms": unfinished,
    }


async def resident(
    send: Callable[[int], Awaitable[object]], stop: asyncio.Event
) -> tuple[list[float], float | None]:
    """Send a message every REPLY_EVERY seconds until ``stop``.

    Return the latencies in ms, and how long the reply in flight at ``stop`` had waited (a
    reply stuck behind a queue never completes within the window).
    """
    latencies: list[float] = []
    i = 0
    while not stop.is_set():
        started = time.perf_counter()
        reply = asyncio.ensure_future(send(RESIDENT_CHAT + i))
        stopping = asyncio.ensure_future(stop.wait())
        await asyncio.wait({reply, stopping}, return_when=asyncio.FIRST_COMPLETED)
        stopping.cancel()
        if not reply.done():
            reply.cancel()
            await asyncio.gather(reply, return_exceptions=True)
            return latencies, (time.perf_counter() - started) * 1000
        with contextlib.suppress(RetryAfter):
            reply.result()
            latencies.append((time.perf_counter() - started) * 1000)
        i += 1
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), REPLY_EVERY)
    return latencies, None


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


async def scenario_paced(
    root: str, db: Path, bid: int, rate: float, window: float | None, with_replies: bool
) -> dict[str, Any]:
    conn = connect(db)
    pacer = Pacer(rate=rate)
    workers = PAID_WORKERS if rate > 30 else DEFAULT_WORKERS
    plain = Bot(TOKEN, base_url=f"{root}/bot", request=HTTPXRequest(workers + 4))
    app_bot = ExtBot(
        TOKEN,
        base_url=f"{root}/bot",
        request=HTTPXRequest(connection_pool_size=8),
        rate_limiter=PacedRateLimiter(pacer),
    )
    async with plain, app_bot:
        engine = Engine(conn, TelegramSender(plain), pacer, workers=workers, quiet_hours=None)
        stop = asyncio.Event()
        replies = (
            asyncio.create_task(resident(lambda c: app_bot.send_message(c, "Thanks!"), stop))
            if with_replies
            else None
        )
        run = asyncio.create_task(engine.run(bid))
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(asyncio.shield(run), window)
        run.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await run
        stop.set()
        latencies = await replies if replies else ([], None)
    conn.close()
    return summary(server_rate(root), rate, latencies)


async def scenario_idle(root: str, seconds: float) -> dict[str, Any]:
    pacer = Pacer(rate=30.0)
    app_bot = ExtBot(
        TOKEN, base_url=f"{root}/bot", request=HTTPXRequest(), rate_limiter=PacedRateLimiter(pacer)
    )
    async with app_bot:
        stop = asyncio.Event()
        task = asyncio.create_task(resident(lambda c: app_bot.send_message(c, "Thanks!"), stop))
        await asyncio.sleep(seconds)
        stop.set()
        done, _ = await task
    return {
        "reply_p50_ms": percentile(done, 50),
        "reply_p99_ms": percentile(done, 99),
        "replies": len(done),
    }


async def scenario_aiolimiter(root: str, window: float) -> dict[str, Any]:
    """Queue the whole broadcast on PTB's AIORateLimiter, as a naive bot would."""
    limiter = AIORateLimiter(overall_max_rate=30, overall_time_period=1, max_retries=3)
    bot = ExtBot(
        TOKEN,
        base_url=f"{root}/bot",
        request=HTTPXRequest(connection_pool_size=64),
        rate_limiter=limiter,
    )
    async with bot:

        async def one(chat_id: int) -> None:
            with contextlib.suppress(Exception):
                await bot.send_message(chat_id, TEXT, parse_mode="HTML")

        sends = [asyncio.create_task(one(FIRST_CHAT + i)) for i in range(AUDIENCE)]
        stop = asyncio.Event()
        replies = asyncio.create_task(resident(lambda c: bot.send_message(c, "Thanks!"), stop))
        await asyncio.sleep(window)
        stop.set()
        latencies = await replies
        for task in sends:
            task.cancel()
        await asyncio.gather(*sends, return_exceptions=True)
    return summary(server_rate(root), 30.0, latencies)


def run_once(window: float, tmp: Path, skip_baseline: bool) -> dict[str, dict[str, Any]]:
    results: dict[str, dict[str, Any]] = {}
    template = tmp / "template.sqlite3"
    if not template.exists():
        make_db(template)

    def fresh(name: str) -> tuple[Path, int]:
        path = tmp / f"{name}-{time.monotonic_ns()}.sqlite3"
        src = connect(template)
        src.execute("VACUUM INTO ?", (str(path),))
        src.close()
        return path, 1

    with fake_server(30) as root:
        results["idle"] = asyncio.run(scenario_idle(root, 5))
    with fake_server(30) as root:
        db, bid = fresh("solo")
        results["free-solo"] = asyncio.run(scenario_paced(root, db, bid, 30.0, window, False))
    with fake_server(30) as root:
        db, bid = fresh("free")
        results["free+reply"] = asyncio.run(scenario_paced(root, db, bid, 30.0, window, True))
    if not skip_baseline:
        with fake_server(30) as root:
            results["aiolimiter"] = asyncio.run(scenario_aiolimiter(root, window))
    with fake_server(1000) as root:
        db, bid = fresh("paid")
        results["paid"] = asyncio.run(scenario_paced(root, db, bid, 1000.0, None, True))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--window", type=float, default=20.0, help="seconds of the 30/s run")
    parser.add_argument("--no-baseline", action="store_true", help="skip AIORateLimiter")
    args = parser.parse_args()
    runs = []
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(args.runs):
            result = run_once(args.window, Path(tmp), args.no_baseline)
            runs.append(result)
            print(f"run {i + 1}: {json.dumps(result, default=lambda v: round(v, 3))}", flush=True)
    print("\nmedian of", args.runs, "run(s):")
    print(
        f"{'scenario':<12}{'bcast/s':>9}{'of limit':>9}{'all/s':>8}{'of limit':>9}"
        f"{'429s':>6}{'reply p50':>11}{'reply p99':>11}{'replies':>8}{'stuck':>10}"
    )
    for name in runs[0]:

        def med(key: str, name: str = name) -> float:
            values = [r[name].get(key) for r in runs]
            numbers = [v for v in values if v is not None]
            return statistics.median(numbers) if numbers else float("nan")

        print(
            f"{name:<12}{med('rate'):>9.2f}{med('fraction'):>9.3f}{med('total_rate'):>8.2f}"
            f"{med('total_fraction'):>9.3f}{med('429'):>6.0f}{med('reply_p50_ms'):>9.1f}ms"
            f"{med('reply_p99_ms'):>9.1f}ms{med('replies'):>8.0f}{med('reply_stuck_ms'):>8.0f}ms"
        )


if __name__ == "__main__":
    main()
