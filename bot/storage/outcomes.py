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


def week_start(day: date) -> date:
    """The Monday a day's week starts on (the chart's weeks)."""
    return day - timedelta(days=day.weekday())


def weekly_outcomes(
    conn: sqlite3.Connection, today: date, weeks: int
) -> tuple[list[tuple[date, int]], list[tuple[date, int]]]:
    """Calls and emails reported in each of the last ``weeks`` weeks (Mondays), oldest first."""
    starts = [week_start(today) - timedelta(weeks=n) for n in range(weeks - 1, -1, -1)]
    calls = dict.fromkeys(starts, 0)
    emails = dict.fromkeys(starts, 0)
    rows = conn.execute(
        "SELECT day, outcome, SUM(count) FROM call_outcomes WHERE day >= ? AND day <= ?"
        " GROUP BY day, outcome",
        (starts[0].isoformat(), today.isoformat()),
    ).fetchall()
    for day, outcome, n in rows:
        week = week_start(date.fromisoformat(day))
        (emails if outcome == "emailed" else calls)[week] += int(n)
    return list(calls.items()), list(emails.items())


def busiest_seats(conn: sqlite3.Connection, today: date) -> list[tuple[str, str, int]]:
    """(chamber, district, calls) over the seven days up to ``today``, most calls first."""
    since = (today - timedelta(days=6)).isoformat()
    marks = ", ".join("?" for _ in CALLS)
    rows = conn.execute(
        "SELECT chamber, district, SUM(count) AS n FROM call_outcomes"
        f" WHERE day >= ? AND day <= ? AND outcome IN ({marks})"
        " GROUP BY chamber, district ORDER BY n DESC, chamber, district",
        (since, today.isoformat(), *CALLS),
    ).fetchall()
    return [(str(r[0]), str(r[1]), int(r[2])) for r in rows]
