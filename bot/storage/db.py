"""The resident/organizer state database: one SQLite file in WAL mode, one writer at a time.

Measured here: sqlite-utils ``with db.atomic(): table.upsert()`` from several connections fails at
once with "database is locked" despite a timeout, while plain statements and ``BEGIN IMMEDIATE``
wait for the lock. Every write transaction therefore goes through :func:`write_tx`.

Each storage module registers its ``CREATE TABLE IF NOT EXISTS`` statements with
:func:`register_schema`, and what an existing database needs to catch up (a new column) with
:func:`register_migration`; :func:`connect` applies all of them.

The bot calls the storage from several threads (never from its event loop), through one
connection. A connection has one transaction at a time, so :class:`StateConnection` holds a
lock for each statement and for the whole of a :func:`write_tx`: a thread's statements never
land inside another thread's transaction, and two threads never open one each. Each statement
also runs to its end under that lock (its rows are read at once): a half-read SELECT keeps a read
snapshot open on the shared connection, and when another process has written since, the next
``BEGIN IMMEDIATE`` on it fails at once with "database is locked" instead of waiting.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

_SCHEMAS: list[str] = []
_MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = []

# How long a statement waits for another process's write lock before "database is locked".
# Longer than any write of ours takes, and than the 10 s a stuck writer is tested with.
BUSY_TIMEOUT_MS = 30_000


class ReadCursor(sqlite3.Cursor):
    """A cursor that reads all its rows when it executes, so that no statement stays open.

    ``lastrowid``, ``rowcount`` and ``description`` are the sqlite3 cursor's own.
    """

    _rows: list[Any]

    def execute(self, sql: str, parameters: Any = (), /) -> ReadCursor:
        super().execute(sql, parameters)
        self._rows = super().fetchall()
        self._rows.reverse()  # popped from the end, in order
        return self

    def executemany(self, sql: str, parameters: Iterable[Any], /) -> ReadCursor:
        super().executemany(sql, parameters)
        self._rows = []
        return self

    def fetchone(self) -> Any:
        return self._rows.pop() if self._rows else None

    def fetchmany(self, size: int | None = None) -> list[Any]:
        count = self.arraysize if size is None else size
        return [self._rows.pop() for _ in range(min(count, len(self._rows)))]

    def fetchall(self) -> list[Any]:
        rows, self._rows = self._rows[::-1], []
        return rows

    def __iter__(self) -> ReadCursor:
        return self

    def __next__(self) -> Any:
        if not self._rows:
            raise StopIteration
        return self._rows.pop()


class StateConnection(sqlite3.Connection):
    """A connection safe to share between threads: statements and transactions are serialized."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lock = threading.RLock()

    def execute(self, sql: str, parameters: Any = (), /) -> sqlite3.Cursor:
        with self.lock:
            return self.cursor(ReadCursor).execute(sql, parameters)

    def executemany(self, sql: str, parameters: Iterable[Any], /) -> sqlite3.Cursor:
        with self.lock:
            return self.cursor(ReadCursor).executemany(sql, parameters)

    def executescript(self, sql_script: str, /) -> sqlite3.Cursor:
        with self.lock:
            return super().executescript(sql_script)


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
    conn = sqlite3.connect(
        str(path),
        isolation_level=None,
        check_same_thread=False,
        timeout=BUSY_TIMEOUT_MS / 1000,
        factory=StateConnection,
    )
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
    """Run a write transaction that takes the lock up front (BEGIN IMMEDIATE).

    On a :class:`StateConnection` other threads wait until it ends (commit or rollback).
    """
    lock = conn.lock if isinstance(conn, StateConnection) else contextlib.nullcontext()
    with lock:
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        else:
            conn.execute("COMMIT")
