"""Command-line functions for legislators, wired into ``python -m bot`` by the CLI module."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import sqlite_utils

from bot.core.call_scripts import ordinal
from bot.core.legislators import Directory, Member
from bot.kb.models import Place
from bot.kb.openstates import refresh, seat_name

DEFAULT_MAX_AGE_DAYS = 180


def legislators_json(
    conn: sqlite3.Connection | sqlite_utils.Database,
    place: Place | str,
    ward: str | None = None,
    precinct: str | None = None,
) -> dict[str, Any]:
    """Return a place's legislators as plain data, narrowed to one precinct when given.

    Raises LookupError for a place that is not a Massachusetts municipality and
    ``bot.core.legislators.UnknownPrecinct`` for a ward/precinct the town does not have.
    """
    directory = Directory(conn)
    place_id = place if isinstance(place, str) else place.id
    lookup = directory.lookup(place_id, ward, precinct)
    if lookup is None:
        raise LookupError(f"no Massachusetts municipality {place_id!r}")
    shown: dict[str, str | None]
    if isinstance(place, Place):
        shown = {"name": place.name, "state": place.state, "kind": place.kind}
        shown["county"] = place.county
    else:
        town = lookup.town
        shown = {"name": town.name, "state": "MA", "kind": town.kind, "county": town.county}
    return {
        "place": shown,
        "split": lookup.split,
        "senate": [_member(m) for m in lookup.senate],
        "house": [_member(m) for m in lookup.house],
        "as_of": lookup.as_of.isoformat(),
    }


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


def kb_check(
    conn: sqlite3.Connection | sqlite_utils.Database,
    today: date,
    max_age_days: int = DEFAULT_MAX_AGE_DAYS,
) -> list[str]:
    """Return findings: records confirmed too long ago, data from before the current session."""
    directory = Directory(conn)
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
    db = conn.conn if isinstance(conn, sqlite_utils.Database) else conn
    for chamber, bill, session in db.execute("SELECT chamber, number, session FROM bills"):
        if session != number:
            findings.append(
                f"bills.yaml: {bill} ({chamber}) is from the {ordinal(session)} General Court; "
                f"the {ordinal(number)} began on {start}"
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


def _member(member: Member) -> dict[str, Any]:
    return {
        "name": member.name,
        "party": member.party,
        "district": member.district,
        "phone": member.phone,
        "email": member.email,
        "vacant": member.vacant,
        "wards_precincts": list(member.wards_precincts) if member.wards_precincts else None,
    }
