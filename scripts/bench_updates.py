"""Measure updates per second through the full bot and through a bare echo bot, same server.

Each run starts the fake Bot API (tests/fakebotapi.py) in its own process, as Telegram's server
is: it does not take CPU time from the bot being measured. The server queues N text updates at
once and times, on its own clock, from the push to the N-th reply. Median of several runs for:

- echo: a bare python-telegram-bot Application with one MessageHandler that echoes the text,
  configured like the full bot (``CONCURRENT_UPDATES`` at a time), and the same with PTB's
  default sequential handling;
- full: the campaign bot from ``bot.channels.tg.app.build_application`` answering what
  residents send (a town, a ZIP, a question, a deep link).

    python scripts/bench_updates.py [-n 2000] [--runs 5] [--latency 0.05]

``--latency`` delays every API response like a round trip to Telegram; that is where concurrent
handling pays off. The full bot's pacer is set far above Telegram's limits (the fake server does
not enforce them) so that handling, not the 30 messages/s a real bot may send, is measured.
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # for ``tests.*`` when run as a plain script

from telegram import Update  # noqa: E402
from telegram.ext import (  # noqa: E402
    Application,
    ApplicationBuilder,
    ContextTypes,
    MessageHandler,
    filters,
)

from bot.channels.tg.app import CONCURRENT_UPDATES  # noqa: E402
from tests.conftest import TOKEN, running_application  # noqa: E402

CHATS = 500  # spread over many chats, as real traffic is
FULL_BOT_TEXTS = ("Cambridge", "02143", "is Springfield covered?", "/start town-somerville")
Builder = Callable[[str, Path, ExitStack], Application]


async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Reply with the same text."""
    message = update.effective_message
    if message is None or message.text is None:
        return
    await message.reply_text(message.text)


def echo_builder(concurrent: bool) -> Builder:
    def build(base_url: str, workdir: Path, cleanup: ExitStack) -> Application:
        app = (
            ApplicationBuilder()
            .token(TOKEN)
            .base_url(base_url)
            .concurrent_updates(CONCURRENT_UPDATES if concurrent else False)
            .connection_pool_size(CONCURRENT_UPDATES if concurrent else 256)
            .build()
        )
        app.add_handler(MessageHandler(filters.TEXT, echo))
        return app

    return build


def build_full_bot(base_url: str, workdir: Path, cleanup: ExitStack) -> Application:
    """Build the campaign bot; its knowledge database is copied in, not rebuilt per run."""
    from bot.channels.tg.app import build_application
    from bot.config import Settings
    from bot.services import open_services
    from tests.support import built_knowledge

    settings = Settings(
        token=TOKEN,
        api_base_url=base_url,
        db_path=workdir / "bot.sqlite3",
        flood_messages=1_000_000,  # measure handling, not the per-user flood guard
        broadcast_rate=1000.0,
        per_chat_rate=100.0,
    )
    shutil.copyfile(built_knowledge(), settings.knowledge_db_path)
    services = open_services(settings)
    cleanup.callback(services.close)
    app: Application = build_application(services)
    return app


@contextmanager
def server_process(latency: float) -> Iterator[str]:
    """Run the fake Bot API in a child process; yield its base URL."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.fakebotapi", "--port", str(port), "--latency", str(latency)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                httpx.get(f"http://127.0.0.1:{port}/fake/stats", timeout=1)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
        yield f"http://127.0.0.1:{port}/bot"
    finally:
        child.terminate()
        child.wait(timeout=10)


async def one_run(build: Builder, texts: tuple[str, ...], n: int, latency: float) -> float:
    """Updates per second for one fresh server and Application (0 when replies were missing)."""
    with (
        tempfile.TemporaryDirectory() as tmp,
        server_process(latency) as base_url,
        ExitStack() as cleanup,
    ):
        control = base_url.removesuffix("/bot") + "/fake"
        app = build(base_url, Path(tmp), cleanup)
        async with running_application(app), httpx.AsyncClient(timeout=10) as client:
            body = {"n": n, "texts": list(texts), "chats": CHATS, "first_chat": 1000}
            await client.post(f"{control}/push_many", json=body)
            deadline = time.monotonic() + max(60.0, n / 10)
            while time.monotonic() < deadline:
                result = (await client.get(f"{control}/throughput", params={"n": n})).json()
                if result["elapsed"] is not None:
                    return n / float(result["elapsed"])
                await asyncio.sleep(0.05)
    return 0.0


async def measure(
    name: str, build: Builder, texts: tuple[str, ...], args: argparse.Namespace
) -> float:
    rates = []
    for run in range(args.runs):
        rate = await one_run(build, texts, args.n, args.latency)
        print(f"  {name} run {run + 1}: {rate:8.0f} updates/s", flush=True)
        rates.append(rate)
    median = statistics.median(rates)
    print(f"{name}: median {median:.0f} updates/s", flush=True)
    return median


async def main_async(args: argparse.Namespace) -> None:
    print(
        f"{args.n} updates per run over {CHATS} chats, median of {args.runs} runs, "
        f"{args.latency * 1000:.0f} ms added to every API response; server in its own process."
    )
    echo_concurrent = await measure("echo (concurrent)", echo_builder(True), ("hello",), args)
    echo_sequential = await measure("echo (sequential)", echo_builder(False), ("hello",), args)
    full = await measure("full bot", build_full_bot, FULL_BOT_TEXTS, args)
    print(f"ratio full/echo, same configuration (concurrent): {full / echo_concurrent:.2f}")
    print(f"ratio full/echo, PTB's default sequential echo:   {full / echo_sequential:.2f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=2000, help="updates per run")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--latency", type=float, default=0.0, help="seconds per API response")
    asyncio.run(main_async(parser.parse_args()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
