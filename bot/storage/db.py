"""The resident/organizer state database: one SQLite file in WAL mode, one writer at a time.

Measured here: sqlite-utils ``with db.atomic(): table.upsert()`` from several connections fails at
once with "database is locked" despite a timeout, while plain statements and ``BEGIN IMMEDIATE``
wait for the lock. Every write transaction therefore goes through :func:`write_tx`.

Each storage module registers its ``CREATE TABLE IF NOT EXISTS`` statements with
:func:`register_schema`, and what an existing database needs to catch up (a new column) with
:func:`register_migration`; :func:`connect` applies all of them.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

_SCHEMAS: list[str] = []
_MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = []

BUSY_TIMEOUT_MS = 10_000


def register_schema(sql: str) -> None:
    """Add DDL (idempotent statements) that every connection applies on open."""
    if sql not in _SCHEMAS:
        _SCHEMAS.append(sql)


def register_migration(migrate: Callable[[sqlite3.Connection], None]) -> None:
    """Add a function that brings an older database up to date; it must be idempotent."""
    if migrate not in _MIGRATIONS:
        _MIGRATIONS.append(migrate)


def connect(path: str | Path) -> sqlite3.Connection:
    """Open the state database in autocommit mode with WAL and a busy timeout."""
    if str(path) != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False, timeout=10)
    conn.row_factory = sqlite3.Row
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA secure_delete = ON")  # erased rows are zeroed, not left in free space
    # Import the storage modules so their schemas are registered before the first use.
    from bot.storage import schema  # noqa: F401

    with write_tx(conn):
        for script in _SCHEMAS:
            for statement in _split(script):
                conn.execute(statement)
        for migrate in _MIGRATIONS:
            migrate(conn)
    return conn


def _split(script: str) -> list[str]:
    return [s.strip() for s in script.split(";") if s.strip()]


@contextmanager
def write_tx(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """Run a write transaction that takes the lock up front (BEGIN IMMEDIATE)."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    else:
        conn.execute("COMMIT")
