"""The built knowledge database: opening it (rebuilt when stale or damaged) and its queries."""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import sqlite_utils

from bot.kb import measures
from bot.kb.build import build, damage, needs_build
from bot.kb.errors import KnowledgeError
from bot.kb.models import Alias, Coverage, Measure, Place, Session, ZipArea
from bot.kb.section import Section
from bot.kb.sections import DEFAULT_SECTIONS
from bot.kb.standing import Standing

logger = logging.getLogger(__name__)

_PLACE_COLUMNS = "id, name, state, kind, county, official_style, population"


class KnowledgeStore:
    """The knowledge database, opened read-only; ``db`` is there for other sections' queries."""

    def __init__(self, db: sqlite_utils.Database, path: Path) -> None:
        self.db = db
        self.path = path

    @classmethod
    def open(
        cls,
        knowledge_dir: Path,
        db_path: Path,
        sections: Sequence[Section] = DEFAULT_SECTIONS,
    ) -> KnowledgeStore:
        """Open the database read-only, rebuilding it first when it is missing, older than a
        YAML file, or damaged (it fails to open or fails its integrity check).

        When the rebuild fails (a bad edit, a full disk) and the previous database is good, that
        one is served and the failure logged. Raises KnowledgeError when no good database is
        left to serve.
        """
        stale = needs_build(knowledge_dir, db_path)
        problem = None if stale else damage(db_path)
        if problem is not None:
            logger.warning(
                "Knowledge database %s is damaged (%s): rebuilding it from the YAML",
                db_path,
                problem,
            )
        if stale or problem is not None:
            try:
                build(knowledge_dir, db_path, sections)
            except (KnowledgeError, OSError, sqlite3.Error) as exc:
                previous = problem or (damage(db_path) if db_path.exists() else None)
                if previous is not None:
                    raise KnowledgeError(
                        str(db_path),
                        None,
                        None,
                        f"damaged ({previous}) and rebuilding it failed: {exc}",
                    ) from exc
                if not db_path.exists():
                    if isinstance(exc, KnowledgeError):
                        raise
                    raise KnowledgeError(
                        str(db_path), None, None, f"cannot be built: {exc}"
                    ) from exc
                logger.error(
                    "Knowledge not rebuilt (%s); serving the previous database %s", exc, db_path
                )
        return cls.open_existing(db_path)

    @classmethod
    def open_existing(cls, db_path: Path) -> KnowledgeStore:
        """Open an already built database read-only, without checking the YAML."""
        if not db_path.is_file():
            raise KnowledgeError(str(db_path), None, None, "knowledge database not built")
        uri = db_path.resolve().as_uri() + "?mode=ro"
        conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
        return cls(sqlite_utils.Database(conn), db_path)

    def close(self) -> None:
        self.db.close()

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        cursor = self.db.execute(sql, params)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def places(self) -> list[Place]:
        """Every place, Massachusetts first, by id."""
        rows = self._rows(f"SELECT {_PLACE_COLUMNS} FROM places ORDER BY state != 'MA', state, id")
        return [Place(**row) for row in rows]

    def place(self, place_id: str) -> Place | None:
        rows = self._rows(f"SELECT {_PLACE_COLUMNS} FROM places WHERE id = ?", [place_id])
        return Place(**rows[0]) if rows else None

    def places_named(self, text: str) -> list[Place]:
        """The places ``text`` names exactly: an id, or a name in any case ("Portland, ME" too).

        A Massachusetts place wins over others of the same name (the campaign's state); more
        than one result is ambiguous, none unknown.
        """
        text = text.strip()
        rows = self._rows(f"SELECT {_PLACE_COLUMNS} FROM places WHERE id = ?", [text])
        if not rows:
            name, _, state = text.rpartition(",")
            if name and len(state.strip()) == 2:
                rows = self._rows(
                    f"SELECT {_PLACE_COLUMNS} FROM places WHERE lower(name) = lower(?)"
                    " AND state = upper(?) ORDER BY id",
                    [name.strip(), state.strip()],
                )
            else:
                rows = self._rows(
                    f"SELECT {_PLACE_COLUMNS} FROM places WHERE lower(name) = lower(?)"
                    " ORDER BY id",
                    [text],
                )
        places = [Place(**row) for row in rows]
        in_massachusetts = [p for p in places if p.state == "MA"]
        return in_massachusetts if len(in_massachusetts) == 1 else places

    def aliases(self) -> list[Alias]:
        rows = self._rows(
            "SELECT alias, place_id, kind, confidence, other_place_ids FROM aliases"
            " ORDER BY alias, place_id"
        )
        return [
            Alias(
                alias=r["alias"],
                place_id=r["place_id"],
                kind=r["kind"],
                confidence=r["confidence"],
                other_place_ids=tuple(json.loads(r["other_place_ids"])),
            )
            for r in rows
        ]

    def zips(self) -> list[ZipArea]:
        rows = self._rows(
            "SELECT zip, place_id, is_primary, land_share FROM zips"
            " ORDER BY zip, is_primary DESC, land_share IS NULL, land_share DESC, place_id"
        )
        return [
            ZipArea(r["zip"], r["place_id"], bool(r["is_primary"]), r["land_share"]) for r in rows
        ]

    def measures_for(self, place_id: str) -> list[Measure]:
        """The measures of one place, newest first."""
        return measures.measures_for(self.db.conn, place_id)

    def statewide(self, state: str = "MA") -> list[Measure]:
        """State-level measures of ``state``: laws first, then bills, each newest first.

        ``statewide("MA")`` lists c.6 s.220, then the bills by session, current one first.
        """
        return measures.statewide(self.db.conn, state)

    def standing(self, place_id: str) -> Standing:
        """Where a place stands: ban, moratorium, limited, oversight or none, in force or not."""
        return measures.standing(self.db.conn, place_id)

    def standings(self) -> dict[str, Standing]:
        """Where every place with a measure stands (a place not listed stands at "none")."""
        return measures.standings(self.db.conn)

    def coverage(self, state: str = "MA") -> Coverage | None:
        """How far our records of a state's municipal measures go ("no ban found as of")."""
        return measures.coverage(self.db.conn, state)

    def session(self) -> Session:
        """The General Court session of bills.yaml and its bills."""
        return measures.session(self.db.conn)

    @property
    def built_at(self) -> str:
        rows = self._rows("SELECT value FROM meta WHERE key = 'built_at'")
        return str(rows[0]["value"]) if rows else ""
