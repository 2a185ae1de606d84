"""Build the knowledge database from YAML: validate everything, write a new file, swap it in.

A failed build raises :class:`bot.kb.errors.KnowledgeError` (a bad file), ``OSError`` or
``sqlite3.Error`` (a full disk) and leaves the previous database untouched, so a running bot
keeps answering from it. The new file is written beside the target under a temporary name with
the builder's pid, checked, flushed to disk and renamed over the target; temporary files that a
killed build left behind are removed by the next build.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import sqlite3
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlite_utils

from bot.kb.errors import KnowledgeError
from bot.kb.section import Section
from bot.kb.sections import DEFAULT_SECTIONS
from bot.processes import process_exists

logger = logging.getLogger(__name__)


def build(
    knowledge_dir: Path, db_path: Path, sections: Sequence[Section] = DEFAULT_SECTIONS
) -> None:
    """Validate every section, then write a fresh database and atomically replace ``db_path``."""
    loaded: list[tuple[Section, Any]] = [(s, s.load(knowledge_dir)) for s in sections]
    db_path.parent.mkdir(parents=True, exist_ok=True)
    remove_leftovers(db_path)
    # Same folder as the target, so that os.replace is a rename on one file system.
    tmp = _temporary(db_path, os.getpid())
    tmp.unlink(missing_ok=True)
    try:
        db = sqlite_utils.Database(tmp)
        try:
            # Nobody reads the file before it is renamed, and a killed build's file is thrown
            # away: no rollback journal to leave behind, and one flush at the end instead of
            # one per table.
            db.execute("PRAGMA journal_mode = OFF")
            db.execute("PRAGMA synchronous = OFF")
            db.table("meta").create({"key": str, "value": str}, pk="key")
            for section, data in loaded:
                section.write(db, data)
            # Written last: a database with a build date is a finished build.
            db.table("meta").insert(
                {"key": "built_at", "value": datetime.now(UTC).isoformat(timespec="seconds")}
            )
            problem = _damage(db.conn)
        finally:
            db.close()
        if problem is not None:
            raise KnowledgeError(str(db_path), None, None, f"the new build is damaged: {problem}")
        _flush(tmp)
        os.replace(tmp, db_path)
        _flush(db_path.parent)
    except BaseException:
        for leftover in (tmp, tmp.with_name(tmp.name + "-journal")):
            with contextlib.suppress(OSError):
                leftover.unlink()
        raise
    logger.info("Built the knowledge database %s", db_path)


def needs_build(knowledge_dir: Path, db_path: Path) -> bool:
    """Whether the database is missing or older than any YAML file under ``knowledge_dir``."""
    try:
        built = db_path.stat().st_mtime_ns
    except FileNotFoundError:
        return True
    newest = max((p.stat().st_mtime_ns for p in knowledge_dir.rglob("*.yaml")), default=0)
    return newest > built


def ensure_built(
    knowledge_dir: Path, db_path: Path, sections: Sequence[Section] = DEFAULT_SECTIONS
) -> bool:
    """Build when needed; return whether it rebuilt. Raises KnowledgeError on a bad file."""
    if not needs_build(knowledge_dir, db_path):
        return False
    build(knowledge_dir, db_path, sections)
    return True


def damage(db_path: Path) -> str | None:
    """Say what is wrong with a built database, or None if it opens and passes its checks."""
    try:
        conn = sqlite3.connect(db_path.resolve().as_uri() + "?mode=ro", uri=True)
    except sqlite3.Error as exc:
        return str(exc)
    try:
        return _damage(conn)
    finally:
        conn.close()


def _damage(conn: sqlite3.Connection) -> str | None:
    try:
        verdict = str(conn.execute("PRAGMA integrity_check").fetchone()[0])
        if verdict != "ok":
            return verdict
        row = conn.execute("SELECT value FROM meta WHERE key = 'built_at'").fetchone()
    except sqlite3.Error as exc:  # not a database, or not one of ours
        return str(exc)
    return None if row is not None else "no build date: the build never finished"


def remove_leftovers(db_path: Path) -> list[Path]:
    """Delete the temporary files killed builds left beside ``db_path``; return them.

    The files of a build still running (its pid exists) are kept.
    """
    pattern = re.compile(rf"\.{re.escape(db_path.name)}\.(\d+)\.tmp(-journal)?")
    removed = []
    for path in db_path.parent.iterdir():
        match = pattern.fullmatch(path.name)
        if match and not process_exists(int(match.group(1))):
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
            removed.append(path)
    if removed:
        logger.info("Removed %d file(s) left by an interrupted build", len(removed))
    return removed


def _temporary(db_path: Path, pid: int) -> Path:
    return db_path.with_name(f".{db_path.name}.{pid}.tmp")


def _flush(path: Path) -> None:
    """Write a file's (or a folder's) data to disk, so that a rename survives a power cut."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
