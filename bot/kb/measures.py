"""Queries on the measures, the coverage dates and the session: the only SQL that reads them.

Functions take a connection to the knowledge database, so the broadcast segments (which hold a
bare connection) and :class:`bot.kb.store.KnowledgeStore` share them.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from datetime import date
from typing import Any

from bot.kb.models import Bill, Coverage, Day, Measure, MeasureState, Session, Source, ordinal
from bot.kb.standing import Standing, classify

# Newest first by the date it was adopted, or filed for a bill; undated measures last.
_NEWEST_FIRST = "coalesce(adopted, introduced) IS NULL, coalesce(adopted, introduced) DESC, id"


def rows(conn: sqlite3.Connection, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
    cursor = conn.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def measures_for(conn: sqlite3.Connection, place_id: str) -> list[Measure]:
    """The measures of one place, newest first."""
    found = rows(
        conn, f"SELECT * FROM measures WHERE place_id = ? ORDER BY {_NEWEST_FIRST}", [place_id]
    )
    return [measure(r) for r in found]


def statewide(conn: sqlite3.Connection, state: str) -> list[Measure]:
    """State-level measures of ``state``: laws first, then bills, each newest first."""
    found = rows(
        conn,
        "SELECT * FROM measures WHERE place_id = ? AND level = 'state'"
        f" ORDER BY what = 'bill', {_NEWEST_FIRST}",
        [state.lower()],
    )
    return [measure(r) for r in found]


def standing(conn: sqlite3.Connection, place_id: str) -> Standing:
    """Where one place stands (see :func:`bot.kb.standing.classify`)."""
    return classify(measures_for(conn, place_id))


def standings(conn: sqlite3.Connection) -> dict[str, Standing]:
    """Where every place with a measure stands; a place not listed stands at "none"."""
    by_place: dict[str, list[Measure]] = {}
    for r in rows(conn, f"SELECT * FROM measures ORDER BY place_id, {_NEWEST_FIRST}"):
        by_place.setdefault(r["place_id"], []).append(measure(r))
    return {place_id: classify(found) for place_id, found in by_place.items()}


def coverage(conn: sqlite3.Connection, state: str) -> Coverage | None:
    """How far our records of ``state``'s municipal measures go, or None if we keep none."""
    found = rows(conn, "SELECT * FROM coverage WHERE state = ?", [state.upper()])
    if not found:
        return None
    r = found[0]
    return Coverage(
        state=r["state"],
        sources_through=Day.parse(r["sources_through"]),
        checked=date.fromisoformat(r["checked"]),
        sources=_sources(r["sources"]),
    )


def session(conn: sqlite3.Connection) -> Session:
    """The General Court session of bills.yaml and its bill in each chamber."""
    found = rows(conn, "SELECT * FROM session")
    r = found[0]
    bills = tuple(
        Bill(b["chamber"], b["number"], b["url"])
        for b in rows(conn, "SELECT chamber, number, url FROM bills ORDER BY chamber")
    )
    return Session(
        number=r["number"],
        start=date.fromisoformat(r["start"]),
        end=date.fromisoformat(r["end"]),
        title=r["title"],
        short_title=r["short_title"],
        committee=r["committee"],
        bills=bills,
        texts=json.loads(r["texts"]) if r.get("texts") else {},
    )


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _sources(text: str) -> tuple[Source, ...]:
    return tuple(Source(**s) for s in json.loads(text))


def measure(r: dict[str, Any]) -> Measure:
    """A measure from its row in the ``measures`` table."""
    texts = json.loads(r["texts"])
    state = json.loads(r["state"])
    return Measure(
        id=r["id"],
        place_id=r["place_id"],
        level=r["level"],
        what=r["what"],
        binds=tuple(json.loads(r["binds"])),
        state=MeasureState(
            kind=state["kind"],
            date=Day.parse(state["date"]) if state.get("date") else None,
            by=state.get("by"),
            until=state.get("until"),
            now=state.get("now"),
        ),
        title=texts["title"],
        headline=texts["headline"],
        scope_line=texts["scope_line"],
        forbids=texts["forbids"],
        exceptions=texts.get("exceptions"),
        caveat=texts.get("caveat"),
        state_line=texts.get("state_line"),
        confidence=r["confidence"],
        checked=date.fromisoformat(r["checked"]),
        sources_through=Day.parse(r["sources_through"]) if r["sources_through"] else None,
        sources=_sources(r["sources"]),
        adopted=_date(r["adopted"]),
        effective=_date(r["effective"]),
        introduced=_date(r["introduced"]),
        instrument=r["instrument"],
        research_scope=r["research_scope"],
        notes=r["notes"],
        session=r["session"],
        bills=tuple(json.loads(r["bills"])),
        committee=r["committee"],
    )


def session_findings(conn: sqlite3.Connection, today: date) -> list[str]:
    """What to update once the session of bills.yaml has ended: one line per file, else none.

    From the session's end the bot stops calling its bills pending; the knowledge must then name
    the new session and bills before the scripts can ask for them again.
    """
    current = session(conn)
    if not current.ended(today):
        return []
    name = f"the {ordinal(current.number)} General Court"
    numbers = [b.number for b in current.bills]
    findings = [
        f"bills.yaml: {name} ended on {current.end}; set the new session, its session_end and "
        "the new bill numbers"
    ]
    for r in rows(
        conn, "SELECT id FROM measures WHERE what = 'bill' AND state LIKE ?", ['%"pending"%']
    ):
        findings.append(
            f"measures.yaml: {r['id']} is still pending; review its state in "
            "scripts/reviews/measures.yaml, add the new bills to facts, and rerun "
            "scripts/import_knowledge.py"
        )
    for r in rows(conn, "SELECT id, answer FROM faq ORDER BY id"):
        named = [n for n in numbers if n in r["answer"]]
        if named:
            findings.append(f"faq.yaml: {r['id']} names {', '.join(named)} of {name}")
    return findings
