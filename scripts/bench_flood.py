"""Measure how long ordinary residents wait while many chats flood the bot.

Thirty chats each send 10 messages a second for 16 s while six residents each ask for a town
every 2 s. The fake Bot API runs in its own process and enforces Telegram's limits (30
messages/s overall, one a second per chat, 429 beyond); it pushes the traffic on its own clock
and records when each update was queued and each reply delivered. The bot runs as
``python -m bot`` in its own process with its default settings (the flood gate's 5 messages in
3 s, 30 messages/s).

For each resident's question: the time from the push to its reply (the k-th reply in a
resident's chat answers their k-th question). A question still unanswered 30 s after the
traffic ends counts as never answered (shown as inf). Also: the most replies any one flooding
chat got. The current checkout and a baseline commit (default: where this branch left main)
are measured in the same run, alternately; each line is the median over the runs.

    python scripts/bench_flood.py [--runs 3] [--baseline REF] [--no-baseline]

Targets (issue 13): residents' p95 under 3 s, at most 20 replies per flooding chat.
"""

from __future__ import annotations

import argparse
import math
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # for ``scripts.*`` and ``tests.*`` as a plain script

from scripts import benchproc  # noqa: E402

FLOODERS = 30
FLOOD_EVERY = 0.1  # 10 messages a second
RESIDENTS = 6
RESIDENT_EVERY = 2.0
DURATION = 16.0
DRAIN = 30.0  # after the traffic: how long an unanswered question may still be answered
FIRST_FLOODER = 5000
FIRST_RESIDENT = 7000
RESIDENT_TEXTS = ["Cambridge", "02143", "Northampton", "is Springfield covered?"]


@dataclass
class Run:
    latencies: list[float]  # one per resident question; inf when never answered
    flooder_replies: list[int]

    def pct(self, q: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, math.ceil(q * len(ordered)) - 1)]


def streams() -> list[dict[str, object]]:
    flood = [
        {
            "chat_id": FIRST_FLOODER + i,
            "texts": ["boston"],
            "every": FLOOD_EVERY,
            "count": round(DURATION / FLOOD_EVERY),
            "delay": i * FLOOD_EVERY / FLOODERS,  # spread the first messages over 0.1 s
        }
        for i in range(FLOODERS)
    ]
    residents = [
        {
            "chat_id": FIRST_RESIDENT + i,
            "texts": RESIDENT_TEXTS[i % len(RESIDENT_TEXTS) :] + RESIDENT_TEXTS,
            "every": RESIDENT_EVERY,
            "count": round(DURATION / RESIDENT_EVERY),
            "delay": 0.5 + i * RESIDENT_EVERY / RESIDENTS,
        }
        for i in range(RESIDENTS)
    ]
    return flood + residents


def one_run(tree: Path) -> Run:
    with (
        benchproc.workdir() as tmp,
        benchproc.fake_server(rate=30.0) as control,
        benchproc.bot_process(tree, control, Path(tmp)),
    ):
        benchproc.post(control, "push_streams", {"streams": streams()})
        asked = RESIDENTS * round(DURATION / RESIDENT_EVERY)
        deadline = time.monotonic() + DURATION + 1 + DRAIN
        time.sleep(DURATION + 1)
        while time.monotonic() < deadline:
            sent = benchproc.get(control, "sent")
            answered = sum(1 for c in sent if c["params"]["chat_id"] >= FIRST_RESIDENT)
            if answered >= asked:
                break
            time.sleep(1.0)
        pushes = benchproc.get(control, "pushes")
        sent = benchproc.get(control, "sent")
    latencies: list[float] = []
    for i in range(RESIDENTS):
        chat = FIRST_RESIDENT + i
        asked_at = sorted(p["at"] for p in pushes if p["chat_id"] == chat)
        replied_at = sorted(c["at"] for c in sent if c["params"]["chat_id"] == chat)
        for k, at in enumerate(asked_at):
            latencies.append(replied_at[k] - at if k < len(replied_at) else math.inf)
    flooder_replies = [
        sum(1 for c in sent if c["params"]["chat_id"] == FIRST_FLOODER + i)
        for i in range(FLOODERS)
    ]
    return Run(latencies, flooder_replies)


def show(name: str, runs: list[Run]) -> str:
    p50 = statistics.median(r.pct(0.5) for r in runs)
    p95 = statistics.median(r.pct(0.95) for r in runs)
    worst = statistics.median(max(r.latencies) for r in runs)
    most = statistics.median(max(r.flooder_replies) for r in runs)
    unanswered = statistics.median(sum(math.isinf(x) for x in r.latencies) for r in runs)
    return (
        f"{name:>9}: residents p50 {p50:6.2f} s  p95 {p95:6.2f} s  max {worst:6.2f} s  "
        f"unanswered {unanswered:.0f}/{len(runs[0].latencies)}  "
        f"most replies to one flooder {most:.0f}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--baseline", help="git ref of the baseline (default: merge base)")
    parser.add_argument("--no-baseline", action="store_true")
    args = parser.parse_args()
    baseline = None if args.no_baseline else (args.baseline or benchproc.merge_base())
    print(
        f"{FLOODERS} chats x {1 / FLOOD_EVERY:.0f} msg/s and {RESIDENTS} residents every "
        f"{RESIDENT_EVERY:.0f} s for {DURATION:.0f} s, 30 msg/s enforced; "
        f"median of {args.runs} runs" + (f"; baseline {baseline[:12]}" if baseline else ""),
        flush=True,
    )
    results: dict[str, list[Run]] = {"current": [], "baseline": []}
    with benchproc.source_tree(baseline) as old:
        for run in range(args.runs):
            variants = [("current", ROOT)] + ([("baseline", old)] if baseline else [])
            for name, tree in variants:
                result = one_run(tree)
                results[name].append(result)
                print(f"  run {run + 1} {show(name, [result])}", flush=True)
    for name, runs in results.items():
        if runs:
            print(show(name, runs))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
