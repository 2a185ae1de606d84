"""The map's costs, each against a baseline measured in the same run.

1. Drawing: ``render_map`` from scratch (the baseline) against ``cached_map`` when the PNG is
   already on disk (key hashing plus one file read).
2. Sending, through the real Application over HTTP to the fake Bot API on 127.0.0.1: a ``/map``
   whose map is new (drawn on the core threads and uploaded: the baseline) against a ``/map``
   after the first upload (sent by Telegram's ``file_id``). Times run from the update's push to
   the ``sendPhoto`` request's arrival.

    python scripts/bench_map.py [--runs 5]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("PTB_TIMEDELTA", "true")

from bot import DEFAULT_KNOWLEDGE_DIR  # noqa: E402
from bot.config import Settings  # noqa: E402
from bot.geo import load_towns  # noqa: E402
from bot.kb.store import KnowledgeStore  # noqa: E402
from bot.pictures.cache import PictureCache  # noqa: E402
from bot.pictures.map import cached_map, categories_from, render_map  # noqa: E402

AS_OF = "June 2023"
NOTE = "Sources: the campaign's reviewed records of local measures; town lines: MassGIS."


def drawing(folder: Path, runs: int) -> None:
    start = time.perf_counter()
    towns = load_towns(DEFAULT_KNOWLEDGE_DIR)
    print(f"load town shapes: {(time.perf_counter() - start) * 1e3:.0f} ms")
    store = KnowledgeStore.open(DEFAULT_KNOWLEDGE_DIR, folder / "bench.knowledge.sqlite3")
    categories = categories_from(store.standings())
    store.close()
    cold = []
    for i in range(runs):
        start = time.perf_counter()
        png = render_map(towns, categories, AS_OF, NOTE, highlight="worcester")
        cold.append(time.perf_counter() - start)
        if i == 0:
            print(f"first render (imports matplotlib): {cold[0] * 1e3:.0f} ms, {len(png):,} B")
    cache = PictureCache(folder / "pictures")
    cached_map(cache, towns, categories, AS_OF, NOTE, highlight="worcester")
    warm = []
    for _ in range(runs * 20):
        start = time.perf_counter()
        cached_map(cache, towns, categories, AS_OF, NOTE, highlight="worcester")
        warm.append(time.perf_counter() - start)
    cold_ms, warm_ms = statistics.median(cold) * 1e3, statistics.median(warm) * 1e3
    print(f"render (baseline) median {cold_ms:9.1f} ms over {runs} runs")
    print(f"cached fetch      median {warm_ms:9.3f} ms over {len(warm)} fetches")
    print(f"ratio: a cached fetch is {cold_ms / warm_ms:,.0f}x faster than drawing")


async def sending(folder: Path, runs: int) -> None:
    from bot.channels.tg.app import build_application
    from bot.services import open_services
    from tests.conftest import running_application
    from tests.fakebotapi import FakeBotAPI

    async with FakeBotAPI() as api:
        settings = Settings(
            token="123456:BENCH",
            api_base_url=api.base_url,
            db_path=folder / "bot.sqlite3",
            per_chat_rate=100.0,
            broadcast_rate=1000.0,
            flood_messages=1000,
        )
        services = open_services(settings)
        application = build_application(services)
        chat = 1000

        async def one_map() -> tuple[float, bool]:
            nonlocal chat
            chat += 1
            before = len(api.calls_of("sendPhoto"))
            start = time.monotonic()
            api.push_text(chat, "/map")
            [call] = (await api.wait_for("sendPhoto", count=before + 1, timeout=120))[before:]
            for _ in range(20_000):  # until the bot has read Telegram's answer
                if services.pictures.cache.file_ids:
                    break
                await asyncio.sleep(0.005)
            return call.at - start, isinstance(call.params["photo"], dict)

        async with running_application(application):
            await one_map()  # imports matplotlib, loads the shapes: not what is measured
            cold, warm = [], []
            for _ in range(runs):
                services.pictures.cache.file_ids.clear()
                shutil.rmtree(services.pictures.cache.folder, ignore_errors=True)
                seconds, uploaded = await one_map()
                assert uploaded, "a new map is uploaded"
                cold.append(seconds)
            for _ in range(runs * 4):
                seconds, uploaded = await one_map()
                assert not uploaded, "a known map is sent by file_id"
                warm.append(seconds)
        services.close()
    cold_ms, warm_ms = statistics.median(cold) * 1e3, statistics.median(warm) * 1e3
    print(f"/map, new map (draw + upload, baseline) median {cold_ms:8.1f} ms over {runs} runs")
    print(f"/map, sent by file_id                   median {warm_ms:8.1f} ms over {len(warm)}")
    print(f"ratio: a cached send is {cold_ms / warm_ms:,.0f}x faster than a first send")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        drawing(Path(name), args.runs)
    with tempfile.TemporaryDirectory() as name:
        asyncio.run(sending(Path(name), args.runs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
