"""Lookups on a bare knowledge connection, for code that holds one (the broadcast segments).

The only SQL outside the sections' own modules that reads places, districts and legislators;
where a place stands comes from :func:`bot.kb.measures.standings`.
"""

from __future__ import annotations

import sqlite3


def find_place(conn: sqlite3.Connection, value: str) -> str | None:
    """The id of the place named or identified by ``value`` (Massachusetts first), or None."""
    row = conn.execute(
        "SELECT id FROM places WHERE id = ? OR lower(name) = lower(?)"
        " ORDER BY id = ? DESC, state != 'MA' LIMIT 1",
        (value, value, value),
    ).fetchone()
    return str(row[0]) if row else None


def place_name(conn: sqlite3.Connection, place_id: str) -> str | None:
    row = conn.execute("SELECT name FROM places WHERE id = ?", (place_id,)).fetchone()
    return str(row[0]) if row else None


def districts(conn: sqlite3.Connection, chamber: str) -> list[str]:
    """Every district of a chamber that covers a municipality."""
    rows = conn.execute(
        "SELECT DISTINCT district FROM district_municipalities WHERE chamber = ?", (chamber,)
    )
    return [str(r[0]) for r in rows]


def district_places(
    conn: sqlite3.Connection, chamber: str, district: str
) -> list[tuple[str, bool]]:
    """The places a district covers, each with whether it covers the whole place."""
    rows = conn.execute(
        "SELECT place_id, whole FROM district_municipalities WHERE chamber = ? AND district = ?",
        (chamber, district),
    )
    return [(str(r[0]), bool(r[1])) for r in rows]


def legislator_seats(conn: sqlite3.Connection, name: str) -> list[tuple[str, str, str]]:
    """(chamber, district, name) of the legislators named ``name``, else whose name contains it."""
    rows = conn.execute(
        "SELECT chamber, district, name FROM legislators WHERE lower(name) = lower(?)", (name,)
    ).fetchall()
    if not rows:
        rows = conn.execute(
            "SELECT chamber, district, name FROM legislators WHERE lower(name) LIKE ?",
            (f"%{name.lower()}%",),
        ).fetchall()
    return [(str(c), str(d), str(n)) for c, d, n in rows]
