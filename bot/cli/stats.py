"""``python -m bot stats``: subscribers, broadcasts and calls, small counts hidden;
``stats --local``: where to organize next."""

from __future__ import annotations

import argparse
import sqlite3
from collections.abc import Callable
from datetime import date
from pathlib import Path

from bot.broadcast import segments
from bot.cli.common import (
    CliError,
    open_knowledge,
    open_knowledge_for_names,
    open_state,
    write_file,
)
from bot.config import Settings
from bot.core.local_action import TownRank, ban_in_force, rank_towns
from bot.kb import local_action as local_facts
from bot.kb.store import KnowledgeStore
from bot.storage import broadcasts, subscribers
from bot.storage.outcomes import outcome_totals


def register(commands: argparse._SubParsersAction) -> None:
    """Add ``stats``."""
    parser = commands.add_parser(
        "stats", help="subscribers and broadcasts (small counts hidden)", description=stats.__doc__
    )
    parser.add_argument(
        "--local",
        action="store_true",
        help="rank the towns without a ban by volunteers and subscribers: where to organize next",
    )
    parser.add_argument(
        "--chart",
        type=Path,
        metavar="FILE.png",
        help="also write the chart: subscribers, calls and emails by week, busiest districts",
    )
    parser.set_defaults(handler=stats)


def stats(settings: Settings, args: argparse.Namespace) -> int:
    """Print subscribers by town, broadcast outcomes and calls, counts under 5 shown as "<5"."""
    if args.local:
        return local(settings)
    conn = open_state(settings)
    kb = open_knowledge_for_names(settings)
    try:
        print(stats_report(conn, kb))
        if args.chart is not None:
            write_chart(conn, args.chart)
    finally:
        conn.close()
        if kb is not None:
            kb.close()
    return 0


def stats_report(conn: sqlite3.Connection, kb: KnowledgeStore | None) -> str:
    """Subscribers by town and status, broadcasts and calls, as text ("<5" under 5)."""
    data = broadcasts.stats(conn)
    parts = [broadcasts.format_stats(data, place_namer(kb))]
    if kb is not None:  # by the same classification the answers and segments use
        parts.append(segments.format_by_status(segments.by_status(data.by_place, kb.db.conn)))
    parts.append(format_calls(outcome_totals(conn)))
    return "\n".join(parts)


def write_chart(conn: sqlite3.Connection, path: Path) -> None:
    """Write the organizers' chart (PNG) to ``path``."""
    from bot.pictures.service import stats_chart

    if path.suffix.lower() != ".png":
        raise CliError(f"{path}: the chart is a PNG; name the file .png")
    png = stats_chart(conn, date.today())
    write_file(path, png)
    print(f"chart written to {path}")


def place_namer(kb: KnowledgeStore | None) -> Callable[[str], str | None] | None:
    """Return a function from place id to the place's name (None without a knowledge base)."""
    if kb is None:
        return None

    def name(place_id: str) -> str | None:
        place = kb.place(place_id)
        return place.name if place else None

    return name


def format_calls(totals: dict[tuple[str, str, str], int]) -> str:
    """Calls and emails residents reported, by outcome and by seat; counts under 5 as "<5"."""
    by_outcome: dict[str, int] = {}
    by_seat: dict[str, int] = {}
    for (chamber, district, outcome), n in totals.items():
        by_outcome[outcome] = by_outcome.get(outcome, 0) + n
        seat = f"{chamber.title()} {district}"
        by_seat[seat] = by_seat.get(seat, 0) + n
    lines = [f"Calls and emails reported: {broadcasts.shown(sum(by_outcome.values()))}"]
    lines += [f"  {outcome}: {broadcasts.shown(n)}" for outcome, n in sorted(by_outcome.items())]
    if by_seat:
        lines.append("By legislator's seat:")
        lines += [f"  {seat}: {broadcasts.shown(n)}" for seat, n in sorted(by_seat.items())]
    return "\n".join(lines)


def local(settings: Settings) -> int:
    """Print the municipalities with no ban by volunteers, then subscribers ("<5" under 5)."""
    conn = open_state(settings)
    kb = open_knowledge(settings)
    try:
        ranked = rank_towns(
            subscribers.local_counts(conn),
            local_facts.read(kb.db).forms,
            lambda place_id: ban_in_force(kb, place_id),
        )
        print(format_local(ranked, place_namer(kb)))
    finally:
        conn.close()
        kb.close()
    return 0


def format_local(
    ranked: list[TownRank], place_name: Callable[[str], str | None] | None = None
) -> str:
    """The ranking as a table; counts under 5 as "<5"."""
    lines = [
        "Where to organize next: towns with no ban, by residents who would help organize, then"
        ' by subscribers (counts under 5 shown as "<5"; form of government from 2019-20 data).'
    ]
    if not ranked:
        lines.append("  No subscribers in a town without a ban yet.")
        return "\n".join(lines)
    names = {
        r.place_id: (place_name(r.place_id) if place_name else None) or r.place_id for r in ranked
    }
    width = max(len("town"), *(len(n) for n in names.values()))
    lines.append(
        f"  {'rank':>4}  {'town':<{width}}  {'form':<27}  {'volunteers':>10}  subscribers"
    )
    for rank, row in enumerate(ranked, 1):
        form = row.form.replace("_", " ")
        lines.append(
            f"  {rank:>4}  {names[row.place_id]:<{width}}  {form:<27}"
            f"  {broadcasts.shown(row.volunteers):>10}  {broadcasts.shown(row.subscribers):>11}"
        )
    return "\n".join(lines)
