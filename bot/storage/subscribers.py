"""Alert subscribers: who opted in, for which town, in which language. Nothing else.

A subscriber row holds the chat id, the place id, the language, the day it was created and
``volunteer``: whether the resident said they would help organize in their town (a flag on the
subscription, set only by their "I'd help organize" button, cleared when they move town). The
chat id is personal data: :func:`mydata` shows and :func:`forget` erases everything the state
database holds about one chat. Both find it by convention rather than by a list kept by hand:
every table that stores a chat id names the column ``chat_id`` (or ``..._chat_id``); an
organizer's Telegram user id (the same number as their private chat id) is stored only in
``audit.actor`` and, hashed, in ``broadcasts.created_by_hash``. :func:`forget` also empties the
write-ahead log and :func:`bot.storage.db.connect` turns ``secure_delete`` on, so that no file of
the database keeps erased rows.
"""

from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, TextIO

from bot.storage.db import register_migration, register_schema, write_tx

SCHEMA = """
CREATE TABLE IF NOT EXISTS subscribers (
    chat_id INTEGER PRIMARY KEY,
    place_id TEXT NOT NULL,
    language TEXT NOT NULL,
    created TEXT NOT NULL,
    volunteer INTEGER NOT NULL DEFAULT 0 CHECK (volunteer IN (0, 1))
);
CREATE INDEX IF NOT EXISTS subscribers_place ON subscribers (place_id)
"""
register_schema(SCHEMA)


def add_volunteer_column(conn: sqlite3.Connection) -> None:
    """Give a database made before the volunteer flag its column (every row: not a volunteer)."""
    columns = {row[1] for row in conn.execute("PRAGMA table_info(subscribers)")}
    if "volunteer" not in columns:
        conn.execute(
            "ALTER TABLE subscribers ADD COLUMN"
            " volunteer INTEGER NOT NULL DEFAULT 0 CHECK (volunteer IN (0, 1))"
        )


register_migration(add_volunteer_column)


def add_district_columns(conn: sqlite3.Connection) -> None:
    """The House and Senate districts a subscriber chose to keep (never a precinct)."""
    columns = {row[1] for row in conn.execute("PRAGMA table_info(subscribers)")}
    for column in ("senate", "house"):
        if column not in columns:
            conn.execute(f"ALTER TABLE subscribers ADD COLUMN {column} TEXT")


register_migration(add_district_columns)

logger = logging.getLogger(__name__)

# Telegram: chat ids "have at most 52 significant bits"; a larger number is not one, and one of
# 2**63 or more does not even fit SQLite's 64-bit INTEGER.
MAX_CHAT_ID = 2**52

# Turns a town name or place id into a place id; raises ValueError saying why it cannot.
PlaceFinder = Callable[[str], str]


@dataclass(frozen=True)
class Subscriber:
    """One opted-in chat."""

    chat_id: int
    place_id: str
    language: str
    created: str  # ISO date, day precision on purpose
    volunteer: bool = False  # would help organize in their town
    senate: str | None = None  # the Senate district, kept only if the resident chose to
    house: str | None = None  # the House district, likewise


@dataclass
class ImportReport:
    """What :func:`import_jsonl` did; ``rejected`` holds (line number, reason)."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[tuple[int, str]] = field(default_factory=list)


def subscribe(
    conn: sqlite3.Connection,
    chat_id: int,
    place_id: str,
    language: str,
    today: date | None = None,
) -> bool:
    """Subscribe a chat (or change its town/language); return True if it is new."""
    created = (today or date.today()).isoformat()
    with write_tx(conn):
        exists = conn.execute("SELECT 1 FROM subscribers WHERE chat_id = ?", (chat_id,)).fetchone()
        conn.execute(
            "INSERT INTO subscribers (chat_id, place_id, language, created) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (chat_id) DO UPDATE SET"
            " place_id = excluded.place_id, language = excluded.language,"
            # "I'd help organize in Lowell" says nothing about the next town.
            " volunteer = CASE WHEN place_id = excluded.place_id THEN volunteer ELSE 0 END,"
            # and its districts say nothing of the next town's.
            " senate = CASE WHEN place_id = excluded.place_id THEN senate ELSE NULL END,"
            " house = CASE WHEN place_id = excluded.place_id THEN house ELSE NULL END",
            (chat_id, place_id, language, created),
        )
    return exists is None


def volunteer(
    conn: sqlite3.Connection,
    chat_id: int,
    place_id: str,
    language: str,
    today: date | None = None,
) -> Subscriber | None:
    """Record that the chat would help organize in a town (subscribing it to the town's alerts
    if needed); return the subscription as it was before, if any."""
    created = (today or date.today()).isoformat()
    with write_tx(conn):
        before = get(conn, chat_id)
        conn.execute(
            "INSERT INTO subscribers (chat_id, place_id, language, created, volunteer)"
            " VALUES (?, ?, ?, ?, 1) ON CONFLICT (chat_id) DO UPDATE SET"
            " place_id = excluded.place_id, language = excluded.language, volunteer = 1,"
            " senate = CASE WHEN place_id = excluded.place_id THEN senate ELSE NULL END,"
            " house = CASE WHEN place_id = excluded.place_id THEN house ELSE NULL END",
            (chat_id, place_id, language, created),
        )
    return before


def stop_volunteering(conn: sqlite3.Connection, chat_id: int) -> bool:
    """Clear the chat's volunteer flag, keeping its alerts; return True if it was set."""
    with write_tx(conn):
        cursor = conn.execute(
            "UPDATE subscribers SET volunteer = 0 WHERE chat_id = ? AND volunteer = 1",
            (chat_id,),
        )
    return cursor.rowcount > 0


def unsubscribe(conn: sqlite3.Connection, chat_id: int) -> bool:
    """Remove a chat's subscription; return True if there was one."""
    with write_tx(conn):
        cursor = conn.execute("DELETE FROM subscribers WHERE chat_id = ?", (chat_id,))
    return cursor.rowcount > 0


def get(conn: sqlite3.Connection, chat_id: int) -> Subscriber | None:
    """Return the chat's subscription, if any."""
    row = conn.execute(
        "SELECT chat_id, place_id, language, created, volunteer, senate, house"
        " FROM subscribers WHERE chat_id = ?",
        (chat_id,),
    ).fetchone()
    if row is None:
        return None
    return Subscriber(row[0], row[1], row[2], row[3], bool(row[4]), row[5], row[6])


def set_language(conn: sqlite3.Connection, chat_id: int, language: str) -> bool:
    """Change a subscriber's language (their alerts follow it); False if the chat is not one."""
    with write_tx(conn):
        done = conn.execute(
            "UPDATE subscribers SET language = ? WHERE chat_id = ?", (language, chat_id)
        )
    return done.rowcount > 0


def keep_districts(
    conn: sqlite3.Connection, chat_id: int, senate: str | None, house: str | None
) -> bool:
    """Keep the districts of a subscriber who asked for it; False if the chat is not one."""
    with write_tx(conn):
        done = conn.execute(
            "UPDATE subscribers SET senate = ?, house = ? WHERE chat_id = ?",
            (senate, house, chat_id),
        )
    return done.rowcount > 0


def count_by_place(conn: sqlite3.Connection) -> dict[str, int]:
    """Return the number of subscribers per place id, largest first."""
    rows = conn.execute(
        "SELECT place_id, count(*) FROM subscribers GROUP BY place_id ORDER BY 2 DESC, 1"
    )
    return {place_id: n for place_id, n in rows}


def count_at(conn: sqlite3.Connection, place_id: str) -> int:
    """Return the number of subscribers in one place."""
    row = conn.execute("SELECT count(*) FROM subscribers WHERE place_id = ?", (place_id,))
    return int(row.fetchone()[0])


def weekly_totals(conn: sqlite3.Connection, today: date, weeks: int) -> list[tuple[date, int]]:
    """Subscribers at the end of each of the last ``weeks`` weeks (Mondays, oldest first).

    Counted from today's subscribers by the day each joined: one who left is not counted.
    """
    monday = today - timedelta(days=today.weekday())
    starts = [monday - timedelta(weeks=n) for n in range(weeks - 1, -1, -1)]
    out = []
    for start in starts:
        end = min(start + timedelta(days=6), today).isoformat()
        row = conn.execute("SELECT count(*) FROM subscribers WHERE created <= ?", (end,))
        out.append((start, int(row.fetchone()[0])))
    return out


def local_counts(conn: sqlite3.Connection) -> dict[str, tuple[int, int]]:
    """Return (subscribers, volunteers) per place id."""
    rows = conn.execute(
        "SELECT place_id, count(*), sum(volunteer) FROM subscribers GROUP BY place_id"
    )
    return {place_id: (n, int(v or 0)) for place_id, n, v in rows}


# -- personal data --------------------------------------------------------------------------


def actor_hash(user_id: int) -> str:
    """Return the pseudonym stored for an organizer in ``broadcasts.created_by_hash``."""
    return hashlib.sha256(f"organizer:{user_id}".encode()).hexdigest()


def _chat_columns(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    tables = [
        name
        for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            " ORDER BY name"
        )
    ]
    found = []
    for table in tables:
        for column in conn.execute(f"PRAGMA table_info({_quote(table)})"):
            name = column["name"]
            if name == "chat_id" or name.endswith("_chat_id"):
                found.append((table, name))
    return found


def _columns(conn: sqlite3.Connection, table: str) -> set[str]:
    return {row["name"] for row in conn.execute(f"PRAGMA table_info({_quote(table)})")}


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def mydata(conn: sqlite3.Connection, chat_id: int) -> dict[str, list[dict[str, Any]]]:
    """Return every row the state database holds about a chat, grouped by table."""
    result: dict[str, list[dict[str, Any]]] = {}
    for table, column in _chat_columns(conn):
        rows = conn.execute(
            f"SELECT * FROM {_quote(table)} WHERE {_quote(column)} = ?", (chat_id,)
        ).fetchall()
        if rows:
            result.setdefault(table, []).extend(dict(row) for row in rows)
    if "actor" in _columns(conn, "audit"):
        rows = conn.execute("SELECT * FROM audit WHERE actor = ?", (chat_id,)).fetchall()
        if rows:
            result["audit"] = [dict(row) for row in rows]
    if "created_by_hash" in _columns(conn, "broadcasts"):
        rows = conn.execute(
            "SELECT id, created, state FROM broadcasts WHERE created_by_hash = ?",
            (actor_hash(chat_id),),
        ).fetchall()
        if rows:
            result["broadcasts"] = [dict(row) for row in rows]
    return result


def forget(conn: sqlite3.Connection, chat_id: int) -> int:
    """Erase every mention of a chat id from the state database; return the rows touched.

    Rows keyed by the chat (subscription, outbox entries, anything else with a ``chat_id``
    column) are deleted. An organizer's audit entries and broadcasts are kept, for the
    campaign's record, with the organizer's id and pseudonym removed.
    """
    touched = 0
    with write_tx(conn):
        for table, column in _chat_columns(conn):
            cursor = conn.execute(
                f"DELETE FROM {_quote(table)} WHERE {_quote(column)} = ?", (chat_id,)
            )
            touched += cursor.rowcount
        if "actor" in _columns(conn, "audit"):
            cursor = conn.execute("UPDATE audit SET actor = NULL WHERE actor = ?", (chat_id,))
            touched += cursor.rowcount
        if "created_by_hash" in _columns(conn, "broadcasts"):
            cursor = conn.execute(
                "UPDATE broadcasts SET created_by_hash = NULL WHERE created_by_hash = ?",
                (actor_hash(chat_id),),
            )
            touched += cursor.rowcount
    # The WAL still holds the pages as they were before the erasure (SQLite empties it only
    # when the last connection closes): copy the new pages into the database and truncate the
    # WAL, so that the chat id is gone from every file at once.
    busy, _, _ = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    if busy:
        logger.warning("Erased a chat, but a reader kept the WAL from being emptied")
    return touched


# -- export and import ----------------------------------------------------------------------


def export_jsonl(
    conn: sqlite3.Connection,
    out: TextIO,
    place_name: Callable[[str], str | None] | None = None,
) -> int:
    """Write one JSON object per subscriber; return how many.

    ``town`` is the municipality's name as ``place_name`` gives it (the place id when it gives
    nothing); ``place_id`` is written too, so a file can be re-imported without the names.
    ``volunteer: true`` is written for a resident who would help organize in their town.
    """
    n = 0
    for row in conn.execute(
        "SELECT chat_id, place_id, language, created, volunteer FROM subscribers ORDER BY chat_id"
    ):
        town = (place_name(row["place_id"]) if place_name else None) or row["place_id"]
        record = {
            "chat_id": row["chat_id"],
            "town": town,
            "place_id": row["place_id"],
            "language": row["language"],
            "created": row["created"],
        }
        if row["volunteer"]:
            record["volunteer"] = True
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        n += 1
    return n


def import_jsonl(
    conn: sqlite3.Connection,
    lines: Iterable[str | bytes],
    find_place: PlaceFinder,
    languages: Collection[str],
    today: date | None = None,
) -> ImportReport:
    """Add or update subscribers from JSON lines; idempotent; report rejected lines.

    A line names its place by ``place_id`` or ``town``, which ``find_place`` turns into a place
    id (raising ValueError with the reason when it cannot). ``language`` must be one of
    ``languages``; a line without ``created`` takes ``today``; ``volunteer`` (true or false) is
    optional, false when missing. An existing subscriber keeps the earlier ``created`` date. A
    bad line is reported and the others are imported.
    """
    day = (today or date.today()).isoformat()
    report = ImportReport()
    parsed: list[Subscriber] = []
    for number, line in enumerate(lines, start=1):
        try:
            text = line.decode("utf-8") if isinstance(line, bytes) else line
        except UnicodeDecodeError:
            report.rejected.append((number, "not UTF-8 text"))
            continue
        if not text.strip():
            continue
        try:
            parsed.append(_parse_line(text, find_place, languages, day))
        except ValueError as exc:
            report.rejected.append((number, str(exc)))
    with write_tx(conn):
        for sub in parsed:
            old = conn.execute(
                "SELECT place_id, language, created, volunteer FROM subscribers WHERE chat_id = ?",
                (sub.chat_id,),
            ).fetchone()
            if old is None:
                report.added += 1
            elif (old["place_id"], old["language"], bool(old["volunteer"])) == (
                sub.place_id,
                sub.language,
                sub.volunteer,
            ) and old["created"] <= sub.created:
                report.unchanged += 1
                continue
            else:
                report.updated += 1
            conn.execute(
                "INSERT INTO subscribers (chat_id, place_id, language, created, volunteer)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT (chat_id) DO UPDATE SET"
                " place_id = excluded.place_id, language = excluded.language,"
                " created = min(created, excluded.created), volunteer = excluded.volunteer",
                (sub.chat_id, sub.place_id, sub.language, sub.created, int(sub.volunteer)),
            )
    return report


def _parse_line(
    line: str, find_place: PlaceFinder, languages: Collection[str], today: str
) -> Subscriber:
    try:
        record = json.loads(line)
    except ValueError:
        raise ValueError("not valid JSON") from None
    if not isinstance(record, dict):
        raise ValueError("expected a JSON object")
    chat_id = _chat_id(record.get("chat_id"))
    where = record.get("place_id") or record.get("town")
    if not isinstance(where, str) or not where.strip():
        raise ValueError("town is missing")
    place_id = find_place(where.strip())
    language = record.get("language")
    known = {code.lower(): code for code in languages}
    if not isinstance(language, str) or language.strip().lower() not in known:
        shown = language if isinstance(language, str) else json.dumps(language)
        raise ValueError(f"language {shown!r} is not one of {', '.join(sorted(languages))}")
    volunteer = record.get("volunteer", False)
    if not isinstance(volunteer, bool):
        raise ValueError("volunteer must be true or false")
    created = record.get("created")
    day = today
    if created is not None:
        try:
            day = date.fromisoformat(str(created)[:10]).isoformat()
        except ValueError:
            raise ValueError("created must be an ISO date (YYYY-MM-DD)") from None
    return Subscriber(chat_id, place_id, known[language.strip().lower()], day, volunteer)


def _chat_id(value: object) -> int:
    """A Telegram chat id: a whole number (or its digits as a string) of at most 52 bits."""
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        value = int(value.strip())
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError("chat_id must be a whole number")
    if value == 0 or abs(value) >= MAX_CHAT_ID:
        raise ValueError(f"chat_id {value} is not a Telegram chat id")
    return value
