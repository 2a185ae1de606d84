"""Copy the state database while the bot runs, with SQLite's online backup API.

The copy is one consistent snapshot (in WAL mode the bot keeps writing meanwhile), written
beside the target under a temporary name, switched out of WAL mode so that it is one
self-contained file, checked with ``PRAGMA integrity_check`` and only then given its name.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path

from bot.storage.db import BUSY_TIMEOUT_MS


class BackupError(Exception):
    """The backup could not be made; the message names the file."""


def backup_database(source: Path, target: Path) -> int:
    """Copy the database at ``source`` to the new file ``target``; return its size in bytes."""
    if not source.is_file():
        raise BackupError(f"{source}: no state database to back up")
    if target.exists():
        raise BackupError(f"{target}: already exists; choose a new name")
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        # mode=rw: never create an empty database where the real one should be.
        uri = source.resolve().as_uri() + "?mode=rw"
        with (
            contextlib.closing(
                sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
            ) as src,
            contextlib.closing(sqlite3.connect(tmp)) as dst,
        ):
            src.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE")
            verdict = str(dst.execute("PRAGMA integrity_check").fetchone()[0])
        if verdict != "ok":
            raise BackupError(f"{source}: the copy fails its integrity check ({verdict})")
        with tmp.open("rb") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except sqlite3.Error as exc:
        raise BackupError(f"{source}: cannot back it up ({exc})") from None
    except OSError as exc:
        raise BackupError(f"{exc.filename or target}: cannot write it ({exc.strerror})") from None
    finally:
        for leftover in (tmp, tmp.with_name(tmp.name + "-journal")):
            leftover.unlink(missing_ok=True)
    return target.stat().st_size
