"""``python -m bot reports [show|accept|dismiss ID]``: residents' reports that a town passed a ban.

A report holds a town, an optional link and a date; organizers accept or dismiss it. An accepted
report's ``show`` prints the YAML stanza to add to ``knowledge/measures.yaml`` after checking it:
nothing is published automatically.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from datetime import date

from bot.cli.common import CliError, open_knowledge_for_names, open_state
from bot.cli.stats import place_namer
from bot.config import Settings
from bot.core.local_action import stanza
from bot.storage import reports


def register(commands: argparse._SubParsersAction) -> None:
    """Add ``reports`` and its actions."""
    parser = commands.add_parser(
        "reports",
        help="residents' reports that their town passed a ban (organizers' queue)",
        description=__doc__,
    )
    parser.add_argument("--all", action="store_true", help="list decided reports too")
    parser.set_defaults(handler=list_)
    actions = parser.add_subparsers(title="actions", metavar="ACTION")
    show_ = actions.add_parser(
        "show", help="one report; an accepted one as the YAML stanza", description=show.__doc__
    )
    show_.add_argument("id", type=int, help="the report's number")
    show_.set_defaults(handler=show)
    for name, handler in (("accept", accept), ("dismiss", dismiss)):
        action = actions.add_parser(name, help=handler.__doc__, description=handler.__doc__)
        action.add_argument("id", type=int, help="the report's number")
        action.set_defaults(handler=handler)


def list_(settings: Settings, args: argparse.Namespace) -> int:
    """List the waiting reports, oldest first (``--all``: every report)."""
    conn = open_state(settings)
    kb = open_knowledge_for_names(settings)
    name = place_namer(kb)
    try:
        found = reports.listing(conn, None if args.all else "new")
        if not found:
            print("No reports." if args.all else "No reports waiting.")
        for report in found:
            town = (name(report.place_id) if name else None) or report.place_id
            link = report.link or "(no link)"
            print(f"#{report.id}  {report.reported}  {report.status:<9}  {town}  {link}")
    finally:
        conn.close()
        if kb is not None:
            kb.close()
    return 0


def show(settings: Settings, args: argparse.Namespace) -> int:
    """Print one report; an accepted report as the stanza to check and add to knowledge/."""
    conn = open_state(settings)
    kb = open_knowledge_for_names(settings)
    try:
        report = _get(conn, args.id)
        place = kb.place(report.place_id) if kb is not None else None
    finally:
        conn.close()
        if kb is not None:
            kb.close()
    if report.status != "accepted":
        town = place.name if place is not None else report.place_id
        print(f"#{report.id}  {report.reported}  {report.status}  {town}  {report.link or ''}")
        print(
            f"Report #{report.id} is {report.status}: accept it first"
            f" (python -m bot reports accept {report.id}) to get its stanza.",
            file=sys.stderr,
        )
        return 0
    print(stanza(report, place, date.today()))
    print(
        "Check the stanza against its link and fill in what it asks, then add it to"
        " knowledge/measures.yaml (and to the shared facts/bans.yaml) and commit. It stays"
        " unverified, and unstated, until you raise its confidence.",
        file=sys.stderr,
    )
    return 0


def accept(settings: Settings, args: argparse.Namespace) -> int:
    """Accept a waiting report (its stanza: reports show ID)."""
    return _decide(settings, args.id, "accepted")


def dismiss(settings: Settings, args: argparse.Namespace) -> int:
    """Dismiss a waiting report."""
    return _decide(settings, args.id, "dismissed")


def _decide(settings: Settings, report_id: int, status: str) -> int:
    conn = open_state(settings)
    try:
        reports.decide(conn, report_id, status)
    except reports.ReportError as exc:
        raise CliError(str(exc)) from None
    finally:
        conn.close()
    print(f"Report #{report_id} {status}.")
    if status == "accepted":
        print(f"Its stanza for knowledge/: python -m bot reports show {report_id}")
    return 0


def _get(conn: sqlite3.Connection, report_id: int) -> reports.Report:
    report = reports.get(conn, report_id)
    if report is None:
        raise CliError(f"no report #{report_id}")
    return report
