"""``python -m bot kb build|check|refresh-legislators``: maintain the knowledge base."""

from __future__ import annotations

import argparse
import sqlite3
from datetime import date, timedelta
from pathlib import Path

import sqlite_utils

from bot.cli.common import CliError, open_knowledge
from bot.config import Settings
from bot.core.call_scripts import ScriptBook, ordinal
from bot.core.legislators import Directory
from bot.kb.openstates import refresh, seat_name

DEFAULT_MAX_AGE_DAYS = 180


def register(commands: argparse._SubParsersAction) -> None:
    """Add ``kb`` and its three actions."""
    kb = commands.add_parser("kb", help="knowledge base maintenance", description=__doc__)
    actions = kb.add_subparsers(title="actions", metavar="ACTION", required=True)
    build = actions.add_parser(
        "build", help="validate the YAML and rebuild the database", description=kb_build.__doc__
    )
    build.set_defaults(handler=kb_build)
    check = actions.add_parser("check", help="report stale data", description=kb_check.__doc__)
    check.add_argument(
        "--max-age-days",
        type=int,
        default=DEFAULT_MAX_AGE_DAYS,
        help=f"a record confirmed longer ago is stale (default {DEFAULT_MAX_AGE_DAYS})",
    )
    check.add_argument(
        "--today", type=date.fromisoformat, help="check as on this day (YYYY-MM-DD), for tests"
    )
    check.set_defaults(handler=kb_check)
    refresh_parser = actions.add_parser(
        "refresh-legislators",
        help="rewrite legislators.yaml from an Open States checkout",
        description=kb_refresh_legislators.__doc__,
    )
    refresh_parser.add_argument(
        "path", type=Path, help="a checkout of github.com/openstates/people"
    )
    refresh_parser.add_argument(
        "--dry-run", action="store_true", help="print the changes, write nothing"
    )
    refresh_parser.set_defaults(handler=kb_refresh_legislators)


def kb_build(settings: Settings, args: argparse.Namespace) -> int:
    """Validate every knowledge file and rebuild the database; the old one stays on an error."""
    from bot.kb.build import build

    build(settings.knowledge_dir, settings.knowledge_db_path)
    print(f"Built {settings.knowledge_db_path}")
    return 0


def kb_check(settings: Settings, args: argparse.Namespace) -> int:
    """List stale records, the files to update once the session has ended, and every message
    a language lacks or whose placeholders differ from English; exit 1 when there are any."""
    from bot.kb.measures import session_findings
    from bot.kb.messages import translation_findings

    translations = translation_findings(settings.knowledge_dir)
    store = open_knowledge(settings)
    today = args.today or date.today()
    try:
        findings = translations + stale_records(store.db, today, args.max_age_days)
        findings += session_findings(store.db.conn, today)
    finally:
        store.close()
    for finding in findings:
        print(finding)
    print(f"{len(findings)} finding(s)")
    return 1 if findings else 0


def kb_refresh_legislators(settings: Settings, args: argparse.Namespace) -> int:
    """Rewrite legislators.yaml from an Open States ``people`` checkout; print what changed."""
    try:
        print(refresh_legislators(args.path, settings.knowledge_dir, dry_run=args.dry_run))
    except OSError as exc:
        raise CliError(f"{exc.filename or args.path}: {exc.strerror or exc}") from None
    return 0


def refresh_legislators(
    path: Path, knowledge_dir: Path, today: date | None = None, dry_run: bool = False
) -> str:
    """Rewrite ``knowledge_dir/legislators.yaml`` from an Open States people checkout.

    Returns the report: seat counts and one line per change.
    """
    target = knowledge_dir / "legislators.yaml"
    result = refresh(path, target, today or date.today())
    if not dry_run and (not target.exists() or target.read_text(encoding="utf-8") != result.text):
        target.write_text(result.text, encoding="utf-8")
    return result.report()


def stale_records(
    db: sqlite3.Connection | sqlite_utils.Database,
    today: date,
    max_age_days: int = DEFAULT_MAX_AGE_DAYS,
) -> list[str]:
    """Return findings: records confirmed too long ago, data from before the current session."""
    directory = Directory(db)
    start = session_start(today)
    number = session_number(start.year)
    oldest = today - timedelta(days=max_age_days)
    findings = []
    for member in sorted(directory.all_members(), key=lambda m: (m.confirmed, m.chamber)):
        who = seat_name(member.chamber, member.district)
        who += " (vacant)" if member.vacant else f" ({member.name})"
        if member.confirmed < start:
            findings.append(
                f"legislators.yaml: {who} last confirmed {member.confirmed}, before the "
                f"{ordinal(number)} General Court began on {start}"
            )
        elif member.confirmed < oldest:
            findings.append(
                f"legislators.yaml: {who} last confirmed {member.confirmed}, "
                f"more than {max_age_days} days ago"
            )
    session = ScriptBook.from_db(db).session
    if session.number != number:
        for bill in session.bills:
            findings.append(
                f"bills.yaml: {bill.number} ({bill.chamber}) is from the "
                f"{ordinal(session.number)} General Court; the {ordinal(number)} began on {start}"
            )
    return findings


def session_start(today: date) -> date:
    """Return the first day of the two-year session running on ``today``.

    Sessions begin on the first Wednesday of January of odd years (2027-01-06: the 195th).
    """
    year = today.year if today.year % 2 == 1 else today.year - 1
    start = _first_wednesday(year)
    if today < start:
        start = _first_wednesday(year - 2)
    return start


def session_number(start_year: int) -> int:
    """Return the General Court's number: 2025 -> 194, 2027 -> 195."""
    return (start_year - 1637) // 2


def _first_wednesday(year: int) -> date:
    first = date(year, 1, 1)
    return first + timedelta(days=(2 - first.weekday()) % 7)
