"""Measure the bot's memory as ever more distinct users write to it.

100,000 users (one chat each) send one message each, in batches of 1,000; after each batch is
answered the bot process's resident set size (RSS, from /proc) is read. The fake Bot API runs
in its own process and enforces no limits; the bot runs as ``python -m bot`` with its pacer
far above Telegram's limits, so the run takes minutes, not hours. Memory per user must not
grow: after a warm-up of 10,000 users, RSS should stay flat.

    python scripts/bench_memory.py [--users 100000] [--warmup 10000] [--baseline REF]

The current checkout is measured, and, with ``--baseline REF`` (``merge-base``: where this
branch left main), that commit in the same run.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # for ``scripts.*`` and ``tests.*`` as a plain script

from scripts import benchproc  # noqa: E402

BATCH = 1000
FIRST_CHAT = 1_000_000
TEXTS = ["Cambridge", "02143", "is Springfield covered?", "Northampton"]
FAST = {"BROADCAST_RATE": "1000", "PER_CHAT_RATE": "100"}


def measure(name: str, tree: Path, users: int, warmup: int) -> tuple[float, float]:
    """Return RSS (MB) after ``warmup`` users and after all of them."""
    at_warmup = 0.0
    with (
        benchproc.workdir() as tmp,
        benchproc.fake_server() as control,
        benchproc.bot_process(tree, control, Path(tmp), FAST) as bot,
    ):
        start = time.monotonic()
        print(f"  {name}: {0:>7} users  RSS {benchproc.rss_mb(bot.pid):6.1f} MB", flush=True)
        for done in range(BATCH, users + 1, BATCH):
            body = {"n": BATCH, "texts": TEXTS, "chats": BATCH, "first_chat": FIRST_CHAT + done}
            benchproc.post(control, "push_many", body)
            deadline = time.monotonic() + 120
            while benchproc.get(control, "stats").get("sent", 0) < done:
                if time.monotonic() > deadline or bot.poll() is not None:
                    raise RuntimeError(f"{name}: replies stopped at {done - BATCH} users")
                time.sleep(0.05)
            rss = benchproc.rss_mb(bot.pid)
            if done == warmup:
                at_warmup = rss
            if done % (10 * BATCH) == 0:
                rate = done / (time.monotonic() - start)
                print(
                    f"  {name}: {done:>7} users  RSS {rss:6.1f} MB  ({rate:.0f} users/s)",
                    flush=True,
                )
        return at_warmup, rss


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=100_000)
    parser.add_argument("--warmup", type=int, default=10_000)
    parser.add_argument("--baseline", help="git ref to measure too ('merge-base' for the default)")
    args = parser.parse_args()
    baseline = benchproc.merge_base() if args.baseline == "merge-base" else args.baseline
    results = {"current": measure("current", ROOT, args.users, args.warmup)}
    if baseline:
        with benchproc.source_tree(baseline) as old:
            results["baseline"] = measure("baseline", old, args.users, args.warmup)
    for name, (warm, end) in results.items():
        per_10k = (end - warm) / max(1, (args.users - args.warmup) / 10_000)
        print(
            f"{name:>9}: RSS {warm:6.1f} MB after {args.warmup} users, {end:6.1f} MB after "
            f"{args.users}: {end - warm:+.1f} MB ({per_10k:+.2f} MB per 10,000 users)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
