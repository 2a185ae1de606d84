"""The local names section: landmarks, and the names residents use for their town.

- ``landmarks.yaml`` (by hand): universities, hospitals, stadiums, squares, markets and other
  well-known places, each with the municipality that hosts it (or, for a name that spans
  several, all of them: the bot asks) and a source. "Harvard Square" is in Cambridge, not in the
  town of Harvard.
- ``local_names.yaml`` (by hand) and ``chinese_names.yaml`` (generated from GeoNames by
  scripts/import_vocabulary.py): nicknames, squares, neighbourhoods and names in other
  languages, in the format of aliases.yaml, each with a source.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Literal

import sqlite_utils
from pydantic import AfterValidator, BaseModel, ConfigDict, StringConstraints, model_validator

from bot.kb.errors import KnowledgeError
from bot.kb.models import Alias
from bot.kb.section import entry_label, read_yaml, validate_entries
from bot.kb.slug import is_slug

LANDMARKS_FILE = "landmarks.yaml"
LOCAL_NAMES_FILES = ("local_names.yaml", "chinese_names.yaml")
PLACES_FILE = "places.yaml"


def _check_slug(value: str) -> str:
    if not is_slug(value):
        raise ValueError(f"not a place id (lowercase letters, digits and '-'): {value!r}")
    return value


Slug = Annotated[str, AfterValidator(_check_slug)]
Text = Annotated[str, StringConstraints(min_length=1)]
Url = Annotated[str, StringConstraints(pattern=r"^https?://\S+$")]


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class LandmarkEntry(_Entry):
    name: Text
    also: list[Text] = []
    place: Slug | None = None
    also_in: list[Slug] = []  # with ``place``: mostly there, partly in these ("Not in X?")
    places: list[Slug] = []
    kind: Literal[
        "university", "college", "school", "hospital", "stadium", "arena", "airport", "square",
        "market", "mall", "tourist_site", "museum", "park", "beach", "station", "base", "street",
        "other",
    ]  # fmt: skip
    source: Url
    note: str = ""

    @model_validator(mode="after")
    def _one_host(self) -> LandmarkEntry:
        if (self.place is None) == (not self.places):
            raise ValueError("give either place (one host) or places (several)")
        if self.places and len(self.places) < 2:
            raise ValueError("places lists several hosts; use place for one")
        if self.also_in and self.place is None:
            raise ValueError("also_in goes with place (the main host), not with places")
        return self

    @property
    def hosts(self) -> list[str]:
        return [self.place, *self.also_in] if self.place is not None else list(self.places)


class LocalNameEntry(_Entry):
    alias: Text
    town: Slug
    others: list[Slug] = []
    kind: Literal["nickname", "neighborhood", "square", "chinese", "vietnamese", "other_language",
                  "spelling", "pronunciation"]  # fmt: skip
    confidence: Literal["high", "medium", "low", "ambiguous"]
    source: Url
    note: str = ""


@dataclass(frozen=True)
class Landmark:
    """A landmark's name (or another form of it) and the municipalities that host it."""

    name: str
    place_ids: tuple[str, ...]
    kind: str
    main_host: bool = False  # the first host holds most of it: answered, others offered


@dataclass(frozen=True)
class LocalNamesData:
    landmarks: list[LandmarkEntry]
    names: list[LocalNameEntry]


class LocalNamesSection:
    """Landmarks and local names."""

    name: str = "local names"
    files: tuple[str, ...] = (LANDMARKS_FILE, *LOCAL_NAMES_FILES)

    def load(self, knowledge_dir: Path) -> LocalNamesData:
        known = _place_ids(knowledge_dir)
        shown, raw = read_yaml(knowledge_dir, LANDMARKS_FILE)
        label = entry_label("name")
        landmarks = validate_entries(shown, raw, LandmarkEntry, label)
        seen: dict[str, str] = {}
        for index, landmark in enumerate(landmarks):
            where = label(index, raw[index])
            for position, host in enumerate(landmark.hosts):
                if landmark.place is None:
                    field = f"places.{position}"
                else:
                    field = "place" if position == 0 else f"also_in.{position - 1}"
                _require_place(shown, where, field, host, known)
            for name in (landmark.name, *landmark.also):
                key = " ".join(name.lower().split())
                if key in seen:
                    raise KnowledgeError(shown, where, "name", f"{name!r} also at {seen[key]}")
                seen[key] = where
        names: list[LocalNameEntry] = []
        for file in LOCAL_NAMES_FILES:
            shown, raw = read_yaml(knowledge_dir, file)
            label = entry_label("alias")
            entries = validate_entries(shown, raw or [], LocalNameEntry, label)
            for index, entry in enumerate(entries):
                where = label(index, raw[index])
                _require_place(shown, where, "town", entry.town, known)
                for position, other in enumerate(entry.others):
                    _require_place(shown, where, f"others.{position}", other, known)
            names.extend(entries)
        return LocalNamesData(landmarks, names)

    def write(self, db: sqlite_utils.Database, data: LocalNamesData) -> None:
        db.table("landmarks").create(
            {"name": str, "place_ids": str, "main_host": int, "kind": str, "source": str}
        )
        db.table("landmarks").insert_all(
            {
                "name": name,
                "place_ids": json.dumps(landmark.hosts),
                "main_host": int(landmark.place is not None),
                "kind": landmark.kind,
                "source": landmark.source,
            }
            for landmark in data.landmarks
            for name in (landmark.name, *landmark.also)
        )
        db.table("local_names").create(
            {
                "alias": str,
                "place_id": str,
                "kind": str,
                "confidence": str,
                "other_place_ids": str,
                "source": str,
            }
        )
        db.table("local_names").insert_all(
            {
                "alias": n.alias,
                "place_id": n.town,
                "kind": n.kind,
                "confidence": n.confidence,
                "other_place_ids": json.dumps(n.others),
                "source": n.source,
            }
            for n in data.names
        )


def _place_ids(knowledge_dir: Path) -> set[str]:
    _, raw = read_yaml(knowledge_dir, PLACES_FILE)
    return {entry["id"] for entry in raw or [] if isinstance(entry, dict) and "id" in entry}


def _require_place(shown: str, entry: str, field: str, place_id: str, known: set[str]) -> None:
    if place_id not in known:
        message = f"unknown place {place_id!r} (not in places.yaml)"
        raise KnowledgeError(shown, entry, field, message)


def landmarks(db: sqlite_utils.Database) -> list[Landmark]:
    """Every landmark name with its hosts."""
    rows = db.execute(
        "SELECT name, place_ids, kind, main_host FROM landmarks ORDER BY rowid"
    ).fetchall()
    return [
        Landmark(name, tuple(json.loads(ids)), kind, bool(main)) for name, ids, kind, main in rows
    ]


def local_names(db: sqlite_utils.Database) -> list[Alias]:
    """Every local name, as aliases the resolver reads like the others."""
    rows = db.execute(
        "SELECT alias, place_id, kind, confidence, other_place_ids FROM local_names ORDER BY rowid"
    ).fetchall()
    return [Alias(a, p, k, c, tuple(json.loads(o))) for a, p, k, c, o in rows]


SECTION = LocalNamesSection()
