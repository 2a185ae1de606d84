"""Latency of a pin lookup (GeoIndex.locate) against a naive linear scan, in the same run.

Random pins over Massachusetts' bounding box (about half land in a town, the rest sea or a
neighbour state) plus pins far away; p50 and p99 per lookup, the median over several runs.
The baseline tests every polygon in turn (no R-tree, no prepared geometry) for the same answer.

    python scripts/bench_geo.py [--runs 5] [--pins 5000]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import shapely

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot import DEFAULT_KNOWLEDGE_DIR  # noqa: E402
from bot.geo.index import NEAR_LINE_M, GeoIndex, to_metres  # noqa: E402


def pins(count: int, seed: int = 10) -> list[tuple[float, float]]:
    rng = random.Random(seed)
    inside = [(rng.uniform(41.2, 42.9), rng.uniform(-73.5, -69.9)) for _ in range(count)]
    far = [(rng.uniform(25, 49), rng.uniform(-125, -67)) for _ in range(count // 10)]
    return inside + far


def naive(index: GeoIndex) -> Callable[[float, float], object]:
    """Every polygon of every layer, in turn: contains, then distance for the near ones."""
    layers = [
        (layer.names, [shapely.from_wkb(shapely.to_wkb(g)) for g in layer.geometries])
        for layer in (index.towns, index.house, index.senate)
    ]

    def locate(lat: float, lon: float) -> object:
        point = shapely.Point(*to_metres(lon, lat))
        answer = []
        for names, shapes in layers:
            inside = [n for n, s in zip(names, shapes, strict=True) if s.contains(point)]
            near = [
                n for n, s in zip(names, shapes, strict=True) if s.distance(point) <= NEAR_LINE_M
            ]
            answer.append((inside, near))
        return answer

    return locate


def percentiles(samples: list[int]) -> tuple[float, float]:
    ordered = sorted(samples)
    return ordered[len(ordered) // 2] / 1e3, ordered[int(len(ordered) * 0.99)] / 1e3


def measure(
    locate: Callable[[float, float], object],
    points: list[tuple[float, float]],
    runs: int,
    clock: Callable[[], int] = time.perf_counter_ns,
) -> tuple[float, float]:
    """Median over ``runs`` of p50 and p99, in microseconds, by ``clock``."""
    p50s, p99s = [], []
    for _ in range(runs):
        samples = []
        for lat, lon in points:
            start = clock()
            locate(lat, lon)
            samples.append(clock() - start)
        p50, p99 = percentiles(samples)
        p50s.append(p50)
        p99s.append(p99)
    return statistics.median(p50s), statistics.median(p99s)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--pins", type=int, default=5000)
    args = parser.parse_args()
    start = time.perf_counter()
    index = GeoIndex.load(DEFAULT_KNOWLEDGE_DIR)
    print(f"load: {(time.perf_counter() - start) * 1e3:.0f} ms")
    points = pins(args.pins)
    found = sum(index.locate(lat, lon).inside for lat, lon in points)
    print(f"{len(points)} pins, {found} in a Massachusetts town; {args.runs} runs, medians")
    p50, p99 = measure(index.locate, points, args.runs)
    # CPU time of this thread: what a lookup costs when other processes are not competing for
    # the two cores (wall-clock tails here are mostly time spent descheduled).
    c50, c99 = measure(index.locate, points, args.runs, time.thread_time_ns)
    baseline_points = points[: max(200, len(points) // 20)]
    b50, b99 = measure(naive(index), baseline_points, args.runs)
    i50, i99 = measure(index.locate, baseline_points, args.runs)
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"GeoIndex.locate  wall p50 {p50:8.1f} us   p99 {p99:8.1f} us")
    print(f"GeoIndex.locate  CPU  p50 {c50:8.1f} us   p99 {c99:8.1f} us")
    print(
        f"naive scan       wall p50 {b50:8.1f} us   p99 {b99:8.1f} us   (n={len(baseline_points)})"
    )
    print(f"ratio on the same pins (wall): p50 {b50 / i50:.0f}x, p99 {b99 / i99:.0f}x faster")
    return 0


if __name__ == "__main__":
    sys.exit(main())
