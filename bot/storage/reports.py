"""Residents' reports that their town passed a ban: the organizers' queue.

A report holds the town (a place id), an optional link, the day it was made and its status, and
nothing else: no chat id, no user id, no text the resident typed besides the link, which must be
an http(s) URL. Organizers accept or dismiss each one; an accepted report gives the YAML stanza a
person checks and adds to ``knowledge/`` (nothing is published automatically).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

from bot.storage.db import register_schema, write_tx

SCHEMA = """
CREATE TABLE IF NOT EXISTS ban_reports (
    id INTEGER PRIMARY KEY,
    place_id TEXT NOT NULL,
    link TEXT,
    reported TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'accepted', 'dismissed'))
)
"""
register_schema(SCHEMA)

STATUSES = ("new", "accepted", "dismissed")
MAX_LINK_CHARS = 500  # a news story's URL fits; a pasted page does not


@dataclass(frozen=True)
class Report:
    """One report: which town, the resident's link if any, when, and where it stands."""

    id: int
    place_id: str
    link: str | None
    reported: str  # ISO date, day precision on purpose
    status: str  # new | accepted | dismissed


class ReportError(ValueError):
    """A report cannot be stored or decided; the message says why."""


def clean_link(text: str) -> str | None:
    """Return ``text`` as an http(s) URL, or None if it is not one.

    One token of printable characters, an ``http`` or ``https`` scheme and a host with a dot:
    ``https://www.town.gov/news``. Anything else (a sentence, ``javascript:``, a bare word) is
    refused, so the queue never holds what a resident wrote about themselves.
    """
    link = text.strip()
    if not link or len(link) > MAX_LINK_CHARS or any(ch.isspace() for ch in link):
        return None
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in link):
        return None
    try:
        parts = urlsplit(link)
        host = parts.hostname or ""
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or "." not in host or parts.username:
        return None
    return link


def add(
    conn: sqlite3.Connection, place_id: str, link: str | None, today: date | None = None
) -> int:
    """Store a report; return its id. A link that is not an http(s) URL is refused."""
    if link is not None and clean_link(link) is None:
        raise ReportError("the link must be an http(s) URL")
    with write_tx(conn):
        cursor = conn.execute(
            "INSERT INTO ban_reports (place_id, link, reported) VALUES (?, ?, ?)",
            (place_id, link.strip() if link else None, (today or date.today()).isoformat()),
        )
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def get(conn: sqlite3.Connection, report_id: int) -> Report | None:
    row = conn.execute(
        "SELECT id, place_id, link, reported, status FROM ban_reports WHERE id = ?", (report_id,)
    ).fetchone()
    return Report(*row) if row is not None else None


def listing(conn: sqlite3.Connection, status: str | None = "new") -> list[Report]:
    """Reports with ``status`` (every report when None), oldest first."""
    sql = "SELECT id, place_id, link, reported, status FROM ban_reports"
    params: tuple[str, ...] = ()
    if status is not None:
        sql += " WHERE status = ?"
        params = (status,)
    return [Report(*row) for row in conn.execute(sql + " ORDER BY id", params)]


def decide(conn: sqlite3.Connection, report_id: int, status: str) -> Report:
    """Accept or dismiss a waiting report; raise ReportError if it is not waiting."""
    if status not in ("accepted", "dismissed"):
        raise ReportError(f"a report is accepted or dismissed, not {status!r}")
    with write_tx(conn):
        cursor = conn.execute(
            "UPDATE ban_reports SET status = ? WHERE id = ? AND status = 'new'",
            (status, report_id),
        )
    report = get(conn, report_id)
    if report is None:
        raise ReportError(f"no report #{report_id}")
    if cursor.rowcount == 0:
        raise ReportError(f"report #{report_id} is already {report.status}")
    return report
