"""Build the knowledge database from YAML: validate everything, write a new file, swap it in.

A failed build raises :class:`bot.kb.errors.KnowledgeError` and leaves the previous database
untouched, so a running bot keeps answering from it.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlite_utils

from bot.kb.section import Section
from bot.kb.sections import DEFAULT_SECTIONS

logger = logging.getLogger(__name__)


def build(
    knowledge_dir: Path, db_path: Path, sections: Sequence[Section] = DEFAULT_SECTIONS
) -> None:
    """Validate every section, then write a fresh database and atomically replace ``db_path``."""
    loaded: list[tuple[Section, Any]] = [(s, s.load(knowledge_dir)) for s in sections]
    db_path.parent.mkdir(parents=True, exist_ok=True)
    # Same folder as the target, so that os.replace is a rename on one file system.
    tmp = db_path.with_name(f".{db_path.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    try:
        db = sqlite_utils.Database(tmp)
        try:
            db.table("meta").create({"key": str, "value": str}, pk="key")
            db.table("meta").insert(
                {"key": "built_at", "value": datetime.now(UTC).isoformat(timespec="seconds")}
            )
            for section, data in loaded:
                section.write(db, data)
        finally:
            db.close()
        os.replace(tmp, db_path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
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
