"""Organizer broadcasts, their outbox (one row per recipient) and the audit log.

A broadcast moves ``draft -> queued -> sending -> done`` (or ``cancelled``). :func:`enqueue`
snapshots the audience into the outbox once, in one transaction; from then on the outbox is the
truth about who has been served, and :mod:`bot.broadcast.engine` resumes from it after a crash.
An outbox row moves ``pending -> sending -> sent | blocked | failed``; ``sending`` is committed
before the message leaves (see the engine's docstring for what a row left in ``sending`` means).
A broadcast is ``done`` only when every row is sent or blocked: one with failed rows stays
``sending``, and the next delivery of it (:func:`start_sending`) retries them.

One delivery engine per broadcast: an engine holds the broadcast's *lease* (a row in
``broadcast_leases``) while it delivers, renews it every third of :data:`LEASE_SECONDS`, and
every write it makes checks that it still holds it (:class:`LeaseLost` otherwise). Another
process waits until the lease is released or expires, or takes it at once when the holder is a
process on this machine that no longer exists (killed: its pid is gone).

A broadcast has one text per language (English always: it is the text of a language without
one). The English text is ``broadcasts.text``, the others are in ``broadcast_texts``; the outbox
records, for each recipient, the language of the text it gets (chosen from the subscriber's
language when the audience is snapshotted), so a resumed delivery sends each recipient the same
text as the first attempt would have.

The audit log records who did what (the organizer's Telegram user id: organizers consent to
this), the segments and the size of the audience, never the recipients' chat ids.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import socket
import sqlite3
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from bot.processes import process_exists
from bot.storage.db import register_migration, register_schema, write_tx
from bot.storage.subscribers import actor_hash

SCHEMA = """
CREATE TABLE IF NOT EXISTS broadcasts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created TEXT NOT NULL,
    created_by_hash TEXT,
    text TEXT NOT NULL,
    text_sha256 TEXT NOT NULL,
    segments TEXT NOT NULL DEFAULT '[]',
    urgent INTEGER NOT NULL DEFAULT 0,
    scheduled_for TEXT,
    state TEXT NOT NULL DEFAULT 'draft'
        CHECK (state IN ('draft', 'queued', 'sending', 'done', 'cancelled')),
    audience INTEGER NOT NULL DEFAULT 0,
    sent INTEGER NOT NULL DEFAULT 0,
    blocked INTEGER NOT NULL DEFAULT 0,
    failed INTEGER NOT NULL DEFAULT 0,
    finished TEXT
);
CREATE INDEX IF NOT EXISTS broadcasts_state ON broadcasts (state);
CREATE TABLE IF NOT EXISTS outbox (
    broadcast_id INTEGER NOT NULL REFERENCES broadcasts (id),
    chat_id INTEGER NOT NULL,
    state TEXT NOT NULL DEFAULT 'pending'
        CHECK (state IN ('pending', 'sending', 'sent', 'blocked', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    message_id INTEGER,
    updated TEXT NOT NULL,
    PRIMARY KEY (broadcast_id, chat_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS outbox_state ON outbox (broadcast_id, state);
CREATE INDEX IF NOT EXISTS outbox_chat ON outbox (chat_id);
CREATE TABLE IF NOT EXISTS broadcast_leases (
    broadcast_id INTEGER PRIMARY KEY REFERENCES broadcasts (id),
    owner TEXT NOT NULL,
    expires REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS broadcast_texts (
    broadcast_id INTEGER NOT NULL REFERENCES broadcasts (id),
    language TEXT NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (broadcast_id, language)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    actor INTEGER,
    action TEXT NOT NULL,
    broadcast_id INTEGER,
    audience TEXT,
    counts TEXT,
    text_sha256 TEXT
)
"""
register_schema(SCHEMA)

ENGLISH = "en"  # every broadcast has an English text: what a language without its own gets


def add_outbox_language(conn: sqlite3.Connection) -> None:
    """The language of the text each recipient gets (older rows: English, all they had)."""
    columns = {row[1] for row in conn.execute("PRAGMA table_info(outbox)")}
    if "language" not in columns:
        conn.execute("ALTER TABLE outbox ADD COLUMN language TEXT NOT NULL DEFAULT 'en'")


register_migration(add_outbox_language)

UNFINISHED_STATES = ("queued", "sending")
SMALL_COUNT = 5  # counts under this are shown as "<5" so no one can be singled out
# A renewal waits up to db.BUSY_TIMEOUT_MS (10 s) for the write lock; renewing every 10 s,
# a holder survives two slow renewals in a row before another process may take over.
LEASE_SECONDS = 30.0


class BroadcastStateError(ValueError):
    """The broadcast is not in a state that allows the operation."""


class LeaseLost(BroadcastStateError):
    """Another engine took over this broadcast's delivery: stop without writing."""


@dataclass(frozen=True)
class Broadcast:
    """One broadcast as stored."""

    id: int
    created: str
    created_by_hash: str | None
    text: str
    text_sha256: str
    segments: tuple[str, ...]
    urgent: bool
    scheduled_for: str | None
    state: str
    audience: int
    sent: int
    blocked: int
    failed: int
    finished: str | None


@dataclass(frozen=True)
class Counts:
    """Where a broadcast stands; ``remaining`` counts pending and in-flight recipients."""

    sent: int
    blocked: int
    failed: int
    remaining: int

    @property
    def total(self) -> int:
        return self.sent + self.blocked + self.failed + self.remaining

    @property
    def complete(self) -> bool:
        """Whether every recipient is served: sent, or blocked (and unsubscribed)."""
        return self.failed == 0 and self.remaining == 0


@dataclass(frozen=True)
class Stats:
    """Raw numbers for :func:`format_stats`."""

    subscribers: int
    by_place: dict[str, int]
    broadcasts: dict[str, int]  # state -> count
    outcomes: dict[str, int]  # sent/blocked/failed over every finished broadcast


def now_iso() -> str:
    """Return the current UTC time, ISO 8601 with seconds."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def text_sha256(text: str | Mapping[str, str]) -> str:
    """Return the hash that identifies a broadcast's text (for resuming and the audit log).

    An English text alone hashes as itself; texts in several languages hash together, so the
    same texts find the same broadcast again.
    """
    if not isinstance(text, str):
        if set(text) == {ENGLISH}:
            text = text[ENGLISH]
        else:
            text = json.dumps(dict(sorted(text.items())), ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


def texts(conn: sqlite3.Connection, broadcast_id: int) -> dict[str, str]:
    """Every text of a broadcast by language, English included."""
    found = {
        lang: text
        for lang, text in conn.execute(
            "SELECT language, text FROM broadcast_texts WHERE broadcast_id = ?", (broadcast_id,)
        )
    }
    row = conn.execute("SELECT text FROM broadcasts WHERE id = ?", (broadcast_id,)).fetchone()
    if row is not None:
        found[ENGLISH] = row["text"]
    return found


def recipient_language(conn: sqlite3.Connection, broadcast_id: int, chat_id: int) -> str:
    """The language of the text the outbox says this recipient gets."""
    row = conn.execute(
        "SELECT language FROM outbox WHERE broadcast_id = ? AND chat_id = ?",
        (broadcast_id, chat_id),
    ).fetchone()
    return str(row["language"]) if row is not None else ENGLISH


def languages_of(conn: sqlite3.Connection, chat_ids: Iterable[int]) -> dict[str, int]:
    """How many of these subscribers read each language (for a preview)."""
    counts: dict[str, int] = {}
    for chunk in _chunks(sorted(set(chat_ids))):
        marks = ", ".join("?" * len(chunk))
        for lang, n in conn.execute(
            f"SELECT language, count(*) FROM subscribers WHERE chat_id IN ({marks})"
            " GROUP BY language",
            chunk,
        ):
            counts[lang] = counts.get(lang, 0) + n
    return dict(sorted(counts.items()))


def _chunks(ids: Sequence[int], size: int = 500) -> Iterable[Sequence[int]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def _audit(
    conn: sqlite3.Connection,
    action: str,
    actor: int | None,
    broadcast_id: int | None,
    *,
    audience: Any = None,
    counts: Any = None,
    sha: str | None = None,
) -> None:
    conn.execute(
        "INSERT INTO audit (at, actor, action, broadcast_id, audience, counts, text_sha256)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            now_iso(),
            actor,
            action,
            broadcast_id,
            None if audience is None else json.dumps(audience),
            None if counts is None else json.dumps(counts),
            sha,
        ),
    )


def _broadcast(row: sqlite3.Row) -> Broadcast:
    return Broadcast(
        id=row["id"],
        created=row["created"],
        created_by_hash=row["created_by_hash"],
        text=row["text"],
        text_sha256=row["text_sha256"],
        segments=tuple(json.loads(row["segments"])),
        urgent=bool(row["urgent"]),
        scheduled_for=row["scheduled_for"],
        state=row["state"],
        audience=row["audience"],
        sent=row["sent"],
        blocked=row["blocked"],
        failed=row["failed"],
        finished=row["finished"],
    )


def create_broadcast(
    conn: sqlite3.Connection,
    text: str | Mapping[str, str],
    segments: Sequence[object],
    actor: int | None,
    urgent: bool = False,
    scheduled_for: datetime | str | None = None,
) -> int:
    """Store a draft broadcast; return its id. ``actor`` is the organizer's user id (None: CLI).

    ``text`` is the English text, or the texts by language (English required).
    ``segments`` are stored as their text (``town=Somerville``), for the audit log and resuming.
    """
    by_language = {ENGLISH: text} if isinstance(text, str) else dict(text)
    if ENGLISH not in by_language:
        raise ValueError("a broadcast needs an English text")
    text = by_language[ENGLISH]
    labels = [str(segment) for segment in segments]
    sha = text_sha256(by_language)
    if isinstance(scheduled_for, datetime):
        scheduled_for = scheduled_for.isoformat(timespec="seconds")
    with write_tx(conn):
        cursor = conn.execute(
            "INSERT INTO broadcasts (created, created_by_hash, text, text_sha256, segments,"
            " urgent, scheduled_for) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                now_iso(),
                None if actor is None else actor_hash(actor),
                text,
                sha,
                json.dumps(labels),
                int(urgent),
                scheduled_for,
            ),
        )
        broadcast_id = int(cursor.lastrowid or 0)
        conn.executemany(
            "INSERT INTO broadcast_texts (broadcast_id, language, text) VALUES (?, ?, ?)",
            ((broadcast_id, lang, body) for lang, body in by_language.items() if lang != ENGLISH),
        )
        _audit(conn, "create", actor, broadcast_id, audience=labels, sha=sha)
    return broadcast_id


def enqueue(
    conn: sqlite3.Connection,
    broadcast_id: int,
    chat_ids: Iterable[int],
    actor: int | None = None,
) -> int:
    """Snapshot the audience into the outbox and queue the broadcast; return its size.

    Allowed once, on a draft: the audience never changes afterwards, nor the text each
    recipient gets (its subscriber's language if the broadcast has a text in it, else English).
    """
    ids = sorted(set(chat_ids))
    stamp = now_iso()
    with write_tx(conn):
        row = conn.execute(
            "SELECT state, segments, text_sha256 FROM broadcasts WHERE id = ?", (broadcast_id,)
        ).fetchone()
        if row is None:
            raise BroadcastStateError(f"no broadcast {broadcast_id}")
        if row["state"] != "draft":
            raise BroadcastStateError(f"broadcast {broadcast_id} is already {row['state']}")
        written = set(texts(conn, broadcast_id))
        spoken = _subscriber_languages(conn, ids)
        conn.executemany(
            "INSERT OR IGNORE INTO outbox (broadcast_id, chat_id, updated, language)"
            " VALUES (?, ?, ?, ?)",
            (
                (broadcast_id, chat_id, stamp, lang if lang in written else ENGLISH)
                for chat_id in ids
                for lang in (spoken.get(chat_id, ENGLISH),)
            ),
        )
        conn.execute(
            "UPDATE broadcasts SET state = 'queued', audience = ? WHERE id = ?",
            (len(ids), broadcast_id),
        )
        audience = {"segments": json.loads(row["segments"]), "size": len(ids)}
        _audit(conn, "enqueue", actor, broadcast_id, audience=audience, sha=row["text_sha256"])
    return len(ids)


def _subscriber_languages(conn: sqlite3.Connection, ids: Sequence[int]) -> dict[int, str]:
    found: dict[int, str] = {}
    for chunk in _chunks(ids):
        marks = ", ".join("?" * len(chunk))
        found.update(
            conn.execute(
                f"SELECT chat_id, language FROM subscribers WHERE chat_id IN ({marks})", chunk
            ).fetchall()
        )
    return found


def get_broadcast(conn: sqlite3.Connection, broadcast_id: int) -> Broadcast | None:
    """Return one broadcast."""
    row = conn.execute("SELECT * FROM broadcasts WHERE id = ?", (broadcast_id,)).fetchone()
    return _broadcast(row) if row is not None else None


def unfinished(conn: sqlite3.Connection) -> list[Broadcast]:
    """Return queued or interrupted broadcasts, oldest first: the ones to (re)start."""
    rows = conn.execute(
        "SELECT * FROM broadcasts WHERE state IN ('queued', 'sending') ORDER BY id"
    ).fetchall()
    return [_broadcast(row) for row in rows]


def find_resumable(
    conn: sqlite3.Connection, sha: str, segments: Sequence[object]
) -> Broadcast | None:
    """Return the newest unfinished (or never queued) broadcast with this text and audience."""
    rows = conn.execute(
        "SELECT * FROM broadcasts WHERE text_sha256 = ? AND segments = ?"
        " AND state IN ('draft', 'queued', 'sending') ORDER BY id DESC",
        (sha, json.dumps([str(segment) for segment in segments])),
    ).fetchall()
    return _broadcast(rows[0]) if rows else None


def progress(conn: sqlite3.Connection, broadcast_id: int) -> Counts:
    """Count the outbox rows of a broadcast by outcome."""
    found = dict(
        conn.execute(
            "SELECT state, count(*) FROM outbox WHERE broadcast_id = ? GROUP BY state",
            (broadcast_id,),
        ).fetchall()
    )
    return Counts(
        sent=found.get("sent", 0),
        blocked=found.get("blocked", 0),
        failed=found.get("failed", 0),
        remaining=found.get("pending", 0) + found.get("sending", 0),
    )


def start_sending(
    conn: sqlite3.Connection, broadcast_id: int, *, owner: str | None = None
) -> list[int]:
    """Mark an unfinished broadcast as sending; return the chats whose rows were left ``sending``.

    Those rows were interrupted between "about to send" and "sent": they go back to pending
    (the engine's duplicate-window policy) and their number is audited. Failed rows go back to
    pending too, with their attempts reset: this delivery retries them. ``owner`` must hold the
    lease (None: no lease is checked, for tests and tools).
    """
    with write_tx(conn):
        _check_lease(conn, broadcast_id, owner)
        row = conn.execute(
            "SELECT state, text_sha256 FROM broadcasts WHERE id = ?", (broadcast_id,)
        ).fetchone()
        if row is None or row["state"] not in UNFINISHED_STATES:
            state = None if row is None else row["state"]
            raise BroadcastStateError(f"broadcast {broadcast_id} cannot be sent (state {state})")
        interrupted = [
            chat_id
            for (chat_id,) in conn.execute(
                "SELECT chat_id FROM outbox WHERE broadcast_id = ? AND state = 'sending'",
                (broadcast_id,),
            )
        ]
        stamp = now_iso()
        conn.execute(
            "UPDATE outbox SET state = 'pending', last_error = 'interrupted while sending',"
            " updated = ? WHERE broadcast_id = ? AND state = 'sending'",
            (stamp, broadcast_id),
        )
        retried = conn.execute(
            "UPDATE outbox SET state = 'pending', attempts = 0, updated = ?"
            " WHERE broadcast_id = ? AND state = 'failed'",
            (stamp, broadcast_id),
        ).rowcount
        conn.execute("UPDATE broadcasts SET state = 'sending' WHERE id = ?", (broadcast_id,))
        action = "resume" if row["state"] == "sending" else "start"
        counts = (
            {"interrupted": len(interrupted), "retried": retried} if action == "resume" else None
        )
        _audit(conn, action, None, broadcast_id, counts=counts, sha=row["text_sha256"])
    return interrupted


def pending(conn: sqlite3.Connection, broadcast_id: int) -> list[tuple[int, int]]:
    """Return (chat_id, attempts) of the rows still to send, in chat id order."""
    rows = conn.execute(
        "SELECT chat_id, attempts FROM outbox WHERE broadcast_id = ? AND state = 'pending'"
        " ORDER BY chat_id",
        (broadcast_id,),
    )
    return [(chat_id, attempts) for chat_id, attempts in rows]


def mark_sending(
    conn: sqlite3.Connection, broadcast_id: int, chat_id: int, *, owner: str | None = None
) -> bool:
    """Commit "about to send" for one recipient; False if the row is gone or not pending.

    A chat that unsubscribed after the audience was snapshotted is dropped from the outbox
    here: opting out must hold for a broadcast already under way. Raises :class:`LeaseLost`
    when ``owner`` no longer holds the lease.
    """
    with write_tx(conn):
        _check_lease(conn, broadcast_id, owner)
        subscribed = conn.execute(
            "SELECT 1 FROM subscribers WHERE chat_id = ?", (chat_id,)
        ).fetchone()
        if subscribed is None:
            conn.execute(
                "DELETE FROM outbox WHERE broadcast_id = ? AND chat_id = ? AND state = 'pending'",
                (broadcast_id, chat_id),
            )
            return False
        cursor = conn.execute(
            "UPDATE outbox SET state = 'sending', attempts = attempts + 1, updated = ?"
            " WHERE broadcast_id = ? AND chat_id = ? AND state = 'pending'",
            (now_iso(), broadcast_id, chat_id),
        )
    return cursor.rowcount == 1


def mark_done(
    conn: sqlite3.Connection,
    broadcast_id: int,
    chat_id: int,
    state: str,
    *,
    message_id: int | None = None,
    error: str | None = None,
    extra: Callable[[sqlite3.Connection], None] | None = None,
    owner: str | None = None,
) -> None:
    """Record a recipient's outcome (``sent``, ``blocked``, ``failed`` or back to ``pending``).

    ``extra`` runs in the same transaction (the engine unsubscribes a blocked chat with it).
    Raises :class:`LeaseLost`, writing nothing, when ``owner`` no longer holds the lease.
    """
    with write_tx(conn):
        _check_lease(conn, broadcast_id, owner)
        conn.execute(
            "UPDATE outbox SET state = ?, message_id = coalesce(?, message_id),"
            " last_error = ?, updated = ? WHERE broadcast_id = ? AND chat_id = ?",
            (state, message_id, error, now_iso(), broadcast_id, chat_id),
        )
        if extra is not None:
            extra(conn)


def finish(conn: sqlite3.Connection, broadcast_id: int, *, owner: str | None = None) -> Counts:
    """Store the final counts: ``done`` when they are complete, else keep it for a retry.

    Audited once: ``done``, or ``incomplete`` with the counts. Raises :class:`LeaseLost` when
    ``owner`` no longer holds the lease, and :class:`BroadcastStateError` when the broadcast is
    not being sent (finished or cancelled meanwhile).
    """
    with write_tx(conn):
        _check_lease(conn, broadcast_id, owner)
        row = conn.execute(
            "SELECT state, text_sha256 FROM broadcasts WHERE id = ?", (broadcast_id,)
        ).fetchone()
        if row is None or row["state"] != "sending":
            state = None if row is None else row["state"]
            raise BroadcastStateError(f"broadcast {broadcast_id} is not being sent ({state})")
        counts = progress(conn, broadcast_id)
        totals = {"sent": counts.sent, "blocked": counts.blocked, "failed": counts.failed}
        if counts.complete:
            conn.execute(
                "UPDATE broadcasts SET state = 'done', sent = ?, blocked = ?, failed = ?,"
                " finished = ? WHERE id = ?",
                (counts.sent, counts.blocked, counts.failed, now_iso(), broadcast_id),
            )
            _audit(conn, "done", None, broadcast_id, counts=totals, sha=row["text_sha256"])
        else:
            totals["remaining"] = counts.remaining
            _audit(conn, "incomplete", None, broadcast_id, counts=totals, sha=row["text_sha256"])
    return counts


def cancel(conn: sqlite3.Connection, broadcast_id: int, actor: int | None) -> bool:
    """Cancel a broadcast that is not finished; its pending rows are never sent."""
    with write_tx(conn):
        cursor = conn.execute(
            "UPDATE broadcasts SET state = 'cancelled', finished = ?"
            " WHERE id = ? AND state IN ('draft', 'queued', 'sending')",
            (now_iso(), broadcast_id),
        )
        if cursor.rowcount:
            _audit(conn, "cancel", actor, broadcast_id, counts=None)
    return cursor.rowcount > 0


def is_cancelled(conn: sqlite3.Connection, broadcast_id: int) -> bool:
    """Return True if the broadcast was cancelled (checked by the engine as it goes)."""
    row = conn.execute("SELECT state FROM broadcasts WHERE id = ?", (broadcast_id,)).fetchone()
    return row is None or row["state"] == "cancelled"


# -- the delivery lease ---------------------------------------------------------------------


def new_owner() -> str:
    """Return a lease owner name for one engine: ``host:pid:random``."""
    return f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(4)}"


def take_lease(
    conn: sqlite3.Connection,
    broadcast_id: int,
    owner: str,
    seconds: float = LEASE_SECONDS,
    *,
    now: float | None = None,
) -> bool:
    """Take (or renew) the delivery lease; False while another live engine holds it.

    A lease is free when nobody holds it, when it expired, or when its holder is a process of
    this machine that is gone. There is none to take for a broadcast that is not unfinished.
    """
    moment = time.time() if now is None else now
    with write_tx(conn):
        state = conn.execute(
            "SELECT state FROM broadcasts WHERE id = ?", (broadcast_id,)
        ).fetchone()
        if state is None or state["state"] not in UNFINISHED_STATES:
            return False
        row = conn.execute(
            "SELECT owner, expires FROM broadcast_leases WHERE broadcast_id = ?",
            (broadcast_id,),
        ).fetchone()
        held = row is not None and row["owner"] != owner
        if held and row["expires"] > moment and _alive(row["owner"]):
            return False
        conn.execute(
            "INSERT INTO broadcast_leases (broadcast_id, owner, expires) VALUES (?, ?, ?)"
            " ON CONFLICT (broadcast_id) DO UPDATE SET"
            " owner = excluded.owner, expires = excluded.expires",
            (broadcast_id, owner, moment + seconds),
        )
    return True


def renew_lease(
    conn: sqlite3.Connection,
    broadcast_id: int,
    owner: str,
    seconds: float = LEASE_SECONDS,
    *,
    now: float | None = None,
) -> bool:
    """Extend a lease ``owner`` holds; False if another engine has taken it over."""
    moment = time.time() if now is None else now
    with write_tx(conn):
        cursor = conn.execute(
            "UPDATE broadcast_leases SET expires = ? WHERE broadcast_id = ? AND owner = ?",
            (moment + seconds, broadcast_id, owner),
        )
    return cursor.rowcount == 1


def release_lease(conn: sqlite3.Connection, broadcast_id: int, owner: str) -> None:
    """Give the lease up (only if ``owner`` still holds it)."""
    with write_tx(conn):
        conn.execute(
            "DELETE FROM broadcast_leases WHERE broadcast_id = ? AND owner = ?",
            (broadcast_id, owner),
        )


def lease_holder(
    conn: sqlite3.Connection, broadcast_id: int, *, now: float | None = None
) -> str | None:
    """Return who holds a live lease on the broadcast, or None when it is free."""
    row = conn.execute(
        "SELECT owner, expires FROM broadcast_leases WHERE broadcast_id = ?", (broadcast_id,)
    ).fetchone()
    moment = time.time() if now is None else now
    if row is None or row["expires"] <= moment or not _alive(row["owner"]):
        return None
    return str(row["owner"])


def _check_lease(conn: sqlite3.Connection, broadcast_id: int, owner: str | None) -> None:
    if owner is None:
        return
    row = conn.execute(
        "SELECT owner FROM broadcast_leases WHERE broadcast_id = ?", (broadcast_id,)
    ).fetchone()
    if row is None or row["owner"] != owner:
        raise LeaseLost(f"broadcast {broadcast_id} is being delivered by another process")


def _alive(owner: str) -> bool:
    """Whether a lease holder may still be running: False only for a gone local process."""
    host, _, rest = owner.partition(":")
    pid_text = rest.partition(":")[0]
    if host != socket.gethostname() or not pid_text.isdigit():
        return True
    return process_exists(int(pid_text))


# -- statistics -----------------------------------------------------------------------------


def stats(conn: sqlite3.Connection) -> Stats:
    """Return subscribers by place, broadcasts by state and their outcomes (exact numbers)."""
    by_place = {
        place: n
        for place, n in conn.execute(
            "SELECT place_id, count(*) FROM subscribers GROUP BY place_id ORDER BY 2 DESC, 1"
        )
    }
    broadcasts = dict(conn.execute("SELECT state, count(*) FROM broadcasts GROUP BY state"))
    outcomes = dict(
        conn.execute(
            "SELECT state, count(*) FROM outbox WHERE state IN ('sent', 'blocked', 'failed')"
            " GROUP BY state"
        )
    )
    return Stats(sum(by_place.values()), by_place, broadcasts, outcomes)


def shown(n: int) -> str:
    """Return a count for people: small numbers hidden as "<5"."""
    return f"<{SMALL_COUNT}" if 0 < n < SMALL_COUNT else str(n)


def format_stats(data: Stats, place_name: Callable[[str], str | None] | None = None) -> str:
    """Render :class:`Stats` as plain text, with every count under 5 shown as "<5"."""
    lines = [f"Subscribers: {shown(data.subscribers)}"]
    for place_id, n in data.by_place.items():
        name = (place_name(place_id) if place_name else None) or place_id
        lines.append(f"  {name}: {shown(n)}")
    lines.append("Broadcasts:")
    for state in ("draft", "queued", "sending", "done", "cancelled"):
        if data.broadcasts.get(state):
            lines.append(f"  {state}: {shown(data.broadcasts[state])}")
    lines.append("Deliveries:")
    for state in ("sent", "blocked", "failed"):
        lines.append(f"  {state}: {shown(data.outcomes.get(state, 0))}")
    return "\n".join(lines)
