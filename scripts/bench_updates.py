"""Measure updates per second through python-telegram-bot against the fake Bot API.

Pushes N text updates at once to a running Application (long polling, default sequential
update handling) and times until N replies are recorded, from the first push to the server's
arrival time of the last reply. Median of several runs, for a bare echo bot and, once
``bot.channels.tg.app.build_application`` exists, for the full bot; prints the ratio.

    python scripts/bench_updates.py [-n 2000] [--runs 5] [--latency 0.05]

With no latency, sequential handling wins: on 127.0.0.1 a request costs only CPU, and
concurrent handlers just add contention. ``--latency`` makes every API response wait, as a
real round trip to Telegram does, which is where ``concurrent_updates`` pays off.

The server runs in its own thread and event loop but shares the process (and the GIL) with the
bot, so absolute numbers understate a bot talking to Telegram; the ratio is the useful figure.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # for ``tests.*`` when run as a plain script

from telegram import Update  # noqa: E402
from telegram.ext import Application, ContextTypes, MessageHandler, filters  # noqa: E402

from tests.conftest import TOKEN, app_builder, running_application  # noqa: E402
from tests.fakebotapi import FakeBotAPI  # noqa: E402

# Spread over many chats so that the full bot's per-chat flood control is not what is measured.
CHATS = 500
# What residents typically send: a town, a ZIP, a question, a deep link.
FULL_BOT_TEXTS = ("Cambridge", "02143", "is Springfield covered?", "/start town-somerville")
Builder = Callable[[FakeBotAPI, Path, ExitStack], Application]


async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Reply with the same text."""
    message = update.effective_message
    if message is None or message.text is None:
        return
    await message.reply_text(message.text)


def build_echo_bot(api: FakeBotAPI, workdir: Path, cleanup: ExitStack) -> Application:
    """Build a bare PTB echo bot."""
    app = app_builder(api).build()
    app.add_handler(MessageHandler(filters.TEXT, echo))
    return app


def build_full_bot(api: FakeBotAPI, workdir: Path, cleanup: ExitStack) -> Application:
    """Build the campaign bot against ``api``; adjust here when the factory's inputs change.

    ``workdir`` is a fresh temporary directory; register closers on ``cleanup``.
    """
    from bot.channels.tg.app import build_application
    from bot.config import Settings

    settings = Settings(
        token=TOKEN,
        api_base_url=api.base_url,
        db_path=workdir / "bot.sqlite3",
        flood_messages=1_000_000,  # measure handling, not the per-user flood guard
    )
    try:
        from bot.services import open_services
    except ImportError:  # the factory as first planned: (settings, knowledge, state)
        from bot.kb.store import KnowledgeStore
        from bot.storage.db import connect

        knowledge = KnowledgeStore.open(settings.knowledge_dir, settings.knowledge_db_path)
        cleanup.callback(knowledge.close)
        state = connect(settings.db_path)
        cleanup.callback(state.close)
        planned: Any = build_application  # typed for whichever signature is on disk
        return planned(settings, knowledge, state)
    services = open_services(settings)
    cleanup.callback(services.close)
    app: Application = build_application(services)
    return app


def build_echo_bot_concurrent(api: FakeBotAPI, workdir: Path, cleanup: ExitStack) -> Application:
    """Build the echo bot with concurrent update handling, as the full bot may use."""
    app = app_builder(api).concurrent_updates(True).build()
    app.add_handler(MessageHandler(filters.TEXT, echo))
    return app


async def one_run(
    build: Builder, texts: tuple[str, ...], n: int, latency: float = 0.0
) -> tuple[float, int]:
    """Return (updates per second, replies seen) for one fresh server and Application."""
    with (
        tempfile.TemporaryDirectory() as tmp,
        FakeBotAPI.in_thread(latency=latency) as api,
        ExitStack() as cleanup,
    ):
        app = build(api, Path(tmp), cleanup)
        async with running_application(app):
            await api.wait_for("getUpdates")
            started = time.monotonic()
            for i in range(n):
                api.push_text(1_000 + i % CHATS, texts[i % len(texts)])
            deadline = started + max(60.0, n / 20)
            # Polling a counter costs the bot's loop less than wait_for's wake-up per reply.
            while api.stats["sent"] < n and time.monotonic() < deadline:  # noqa: ASYNC110
                await asyncio.sleep(0.005)
            replies = api.sent()
        if len(replies) < n:
            return n / (time.monotonic() - started) if replies else 0.0, len(replies)
        return n / (replies[n - 1].at - started), len(replies)


async def measure(
    name: str, build: Builder, texts: tuple[str, ...], n: int, runs: int, latency: float = 0.0
) -> float:
    """Print every run and return the median updates per second."""
    rates = []
    for run in range(runs):
        rate, replies = await one_run(build, texts, n, latency)
        note = "" if replies >= n else f" (only {replies} replies: incomplete, rate is a floor)"
        print(f"  {name} run {run + 1}: {rate:8.0f} updates/s{note}", flush=True)
        rates.append(rate)
    median = statistics.median(rates)
    print(f"{name}: median {median:.0f} updates/s over {runs} runs of {n}", flush=True)
    return median


def full_bot_available() -> str | None:
    """Return why the full bot cannot be benchmarked, or None when it can."""
    try:
        from bot.channels.tg.app import build_application  # noqa: F401
    except ImportError as exc:
        return str(exc)
    return None


async def main_async(n: int, runs: int, latency: float = 0.0) -> None:
    print(
        f"Pushing {n} updates per run over {CHATS} chats; median of {runs} runs; "
        f"{latency * 1000:.0f} ms added to every API response."
    )
    echo_rate = await measure("echo", build_echo_bot, ("hello",), n, runs, latency)
    concurrent_rate = await measure(
        "echo, concurrent_updates", build_echo_bot_concurrent, ("hello",), n, runs, latency
    )
    missing = full_bot_available()
    if missing is not None:
        print(f"full bot: not available yet ({missing}); echo only.")
        return
    full_rate = await measure("full", build_full_bot, FULL_BOT_TEXTS, n, runs, latency)
    print(f"ratio full/echo: {full_rate / echo_rate:.2f}")
    print(f"ratio full/echo with concurrent_updates: {full_rate / concurrent_rate:.2f}")


def main(argv: list[str] | None = None) -> None:
    """Parse arguments and run the benchmark."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=2000, help="updates per run (default 2000)")
    parser.add_argument("--runs", type=int, default=5, help="runs per bot (default 5)")
    parser.add_argument(
        "--latency",
        type=float,
        default=0.0,
        help="seconds the fake API waits before answering, like Telegram's round trip (0.05)",
    )
    args: Any = parser.parse_args(argv)
    asyncio.run(main_async(args.n, args.runs, args.latency))


if __name__ == "__main__":
    main()
