"""Write the pictures of issue 12 into a folder, to look at them: map, flyer QR codes, chart.

    python scripts/demo_pictures.py OUT_DIR [--town somerville] [--bot PressPauseBot]

The map's categories come from the one classification (``bot.kb.standing``) over the committed
knowledge; the chart's numbers are made up. The bot's own commands write the same pictures:
``python -m bot map``, ``python -m bot qr`` and ``python -m bot stats --chart``.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot import DEFAULT_KNOWLEDGE_DIR  # noqa: E402
from bot.geo import load_towns  # noqa: E402
from bot.kb.store import KnowledgeStore  # noqa: E402
from bot.pictures.charts import render_stats_chart  # noqa: E402
from bot.pictures.map import categories_from, render_map  # noqa: E402
from bot.pictures.qr import qr_svg, town_link, write_flyer_codes  # noqa: E402

CALL_TO_ACTION = "Scan to see what your town has on record, and ask it to press pause."


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--town", default="somerville")
    parser.add_argument("--bot", default="PressPauseBot")
    parser.add_argument("--all-towns", action="store_true", help="a QR code for all 351 towns")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    towns = load_towns(DEFAULT_KNOWLEDGE_DIR)
    shape = towns.by_id()[args.town]
    store = KnowledgeStore.open(DEFAULT_KNOWLEDGE_DIR, args.out / "demo.knowledge.sqlite3")
    categories = categories_from(store.standings())
    store.close()
    (args.out / "demo.knowledge.sqlite3").unlink()
    note = "Sources: city and town records compiled by the campaign; town lines: MassGIS."
    (args.out / "map.png").write_bytes(render_map(towns, categories, "26 November 2026", note))
    (args.out / f"map-{args.town}.png").write_bytes(
        render_map(towns, categories, "26 November 2026", note, highlight=args.town)
    )
    chosen = towns.shapes if args.all_towns else [shape]
    write_flyer_codes(args.out / "qr", [(t.id, t.name) for t in chosen], args.bot, CALL_TO_ACTION)
    svg = qr_svg(town_link(args.bot, shape.id), shape.name, CALL_TO_ACTION)
    (args.out / "qr" / f"town-{shape.id}.svg").write_text(svg, encoding="utf-8")
    weeks = [date(2026, 10, 5) + timedelta(weeks=i) for i in range(8)]
    chart = render_stats_chart(
        list(zip(weeks, [3, 8, 15, 40, 62, 80, 95, 120], strict=True)),
        list(zip(weeks, [0, 2, 6, 11, 4, 20, 33, 27], strict=True)),
        list(zip(weeks, [1, 0, 3, 7, 9, 12, 3, 15], strict=True)),
        [("26th Middlesex", 12), ("3rd Suffolk", 9), ("9th Hampden", 5), ("1st Worcester", 3)],
    )
    (args.out / "stats.png").write_bytes(chart)
    print(f"wrote {sorted(p.name for p in args.out.rglob('*.*'))} to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
