"""Aggregate call and email outcomes: a count per seat, outcome and day, nothing about who.

The table holds no chat id, user id or time of day, so a row can never be tied to a resident.
"""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta

from bot.storage.db import register_schema, write_tx

OUTCOMES = ("talked", "voicemail", "no_answer", "emailed")

SCHEMA = """
CREATE TABLE IF NOT EXISTS call_outcomes (
    day TEXT NOT NULL,
    chamber TEXT NOT NULL,
    district TEXT NOT NULL,
    outcome TEXT NOT NULL,
    count INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (day, chamber, district, outcome)
)
"""

register_schema(SCHEMA)


def record_outcome(
    conn: sqlite3.Connection, chamber: str, district: str, outcome: str, day: date
) -> None:
    """Add one to the count of ``outcome`` for the seat on ``day``."""
    if outcome not in OUTCOMES:
        raise ValueError(f"unknown outcome {outcome!r}")
    with write_tx(conn):
        conn.execute(
            "INSERT INTO call_outcomes (day, chamber, district, outcome, count)"
            " VALUES (?, ?, ?, ?, 1)"
            " ON CONFLICT (day, chamber, district, outcome) DO UPDATE SET count = count + 1",
            (day.isoformat(), chamber, district, outcome),
        )


def outcome_totals(
    conn: sqlite3.Connection, since: date | None = None
) -> dict[tuple[str, str, str], int]:
    """Return {(chamber, district, outcome): count} summed over days from ``since`` on."""
    rows = conn.execute(
        "SELECT chamber, district, outcome, SUM(count) FROM call_outcomes"
        " WHERE day >= ? GROUP BY chamber, district, outcome",
        ((since or date.min).isoformat(),),
    ).fetchall()
    return {(r[0], r[1], r[2]): int(r[3]) for r in rows}


CALLS = ("talked", "voicemail", "no_answer")


def seat_week(
    conn: sqlite3.Connection, chamber: str, district: str, today: date, kind: str = "called"
) -> int:
    """Reports for one seat over the seven days up to ``today``: calls, or emails."""
    outcomes = CALLS if kind == "called" else ("emailed",)
    since = (today - timedelta(days=6)).isoformat()
    marks = ", ".join("?" for _ in outcomes)
    row = conn.execute(
        "SELECT COALESCE(SUM(count), 0) FROM call_outcomes"
        f" WHERE chamber = ? AND district = ? AND day >= ? AND outcome IN ({marks})",
        (chamber, district, since, *outcomes),
    ).fetchone()
    return int(row[0])
