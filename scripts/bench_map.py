"""Time to draw the map (cold) against fetching it from the cache (warm), in the same run.

Cold: ``render_map`` from scratch, including matplotlib's first import in the first run.
Cached: ``cached_map`` when the PNG is already on disk (key hashing plus one file read).

    python scripts/bench_map.py [--runs 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot import DEFAULT_KNOWLEDGE_DIR  # noqa: E402
from bot.geo import load_towns  # noqa: E402
from bot.pictures.cache import PictureCache  # noqa: E402
from bot.pictures.map import cached_map, placeholder_categories, render_map  # noqa: E402

AS_OF = "26 November 2026"
NOTE = "Sources: city and town records compiled by the campaign; town lines: MassGIS."


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    start = time.perf_counter()
    towns = load_towns(DEFAULT_KNOWLEDGE_DIR)
    print(f"load town shapes: {(time.perf_counter() - start) * 1e3:.0f} ms")
    categories = placeholder_categories(DEFAULT_KNOWLEDGE_DIR)
    cold = []
    for i in range(args.runs):
        start = time.perf_counter()
        png = render_map(towns, categories, AS_OF, NOTE, highlight="worcester")
        cold.append(time.perf_counter() - start)
        if i == 0:
            print(f"first render (imports matplotlib): {cold[0] * 1e3:.0f} ms, {len(png):,} B")
    with tempfile.TemporaryDirectory() as folder:
        cache = PictureCache(Path(folder))
        cached_map(cache, towns, categories, AS_OF, NOTE, highlight="worcester")
        warm = []
        for _ in range(args.runs * 20):
            start = time.perf_counter()
            cached_map(cache, towns, categories, AS_OF, NOTE, highlight="worcester")
            warm.append(time.perf_counter() - start)
    cold_ms, warm_ms = statistics.median(cold) * 1e3, statistics.median(warm) * 1e3
    print(f"render (cold)  median {cold_ms:9.1f} ms over {args.runs} runs")
    print(f"cached fetch   median {warm_ms:9.3f} ms over {len(warm)} fetches")
    print(f"ratio: a cached fetch is {cold_ms / warm_ms:,.0f}x faster")
    return 0


if __name__ == "__main__":
    sys.exit(main())
