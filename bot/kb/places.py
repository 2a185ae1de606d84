"""The places section: municipalities and other places, aliases, ZIP codes and measures.

Reads ``places.yaml``, ``aliases.yaml``, ``zips.yaml`` and ``measures.yaml``; every error names
the file, the entry and the field in one line.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal

import sqlite_utils
import yaml
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
)

from bot.kb.errors import KnowledgeError
from bot.kb.section import entry_label, read_yaml, require_unique, validate_entries
from bot.kb.slug import is_slug, slug

PLACES_FILE = "places.yaml"
ALIASES_FILE = "aliases.yaml"
ZIPS_FILE = "zips.yaml"
MEASURES_FILE = "measures.yaml"


class _Loader(yaml.SafeLoader):
    """Keep an impossible date (``2019-13-45``) as text, so validation names its entry and field.

    PyYAML's safe loader raises a bare ValueError on such a date, with no line or entry.
    """

    def construct_yaml_timestamp(self, node: Any) -> Any:
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError:
            return self.construct_scalar(node)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_yaml_timestamp)


def _read(knowledge_dir: Path, name: str) -> tuple[str, Any]:
    """Like :func:`bot.kb.section.read_yaml`, which reports a missing file or a syntax error."""
    try:
        text = (knowledge_dir / name).read_text(encoding="utf-8")
        return f"{knowledge_dir.name}/{name}", yaml.load(text, Loader=_Loader)
    except (OSError, yaml.YAMLError):
        return read_yaml(knowledge_dir, name)


def _check_slug(value: str) -> str:
    if not is_slug(value):
        raise ValueError(f"not a place id (lowercase letters, digits and '-'): {value!r}")
    return value


Slug = Annotated[str, AfterValidator(_check_slug)]
Text = Annotated[str, StringConstraints(min_length=1)]
Url = Annotated[str, StringConstraints(pattern=r"^https?://\S+$")]
StateCode = Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]
ZipCode = Annotated[str, StringConstraints(pattern=r"^[0-9]{5}$")]
Share = Annotated[float, Field(ge=0, le=100)]


class _Entry(BaseModel):
    # strict: a date must be a YAML date, a ZIP a quoted string, a population a number.
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class PlaceEntry(_Entry):
    id: Slug
    name: Text
    state: StateCode
    kind: Literal["city", "town", "county", "state"]
    county: Text | None
    official_style: Text | None = None
    population: Annotated[int, Field(ge=0)] | None = None
    source: Text


class AliasEntry(_Entry):
    alias: Text
    town: Slug
    kind: Literal["village", "neighborhood", "former_name", "spelling", "abbreviation"]
    confidence: Literal["high", "medium", "low", "ambiguous"]
    others: list[Slug] = []
    source: Text


class ZipEntry(_Entry):
    zip: ZipCode
    primary: Slug | None
    areas: Annotated[dict[Slug, Share | None], Field(min_length=1)]
    source: Text

    @field_validator("zip", mode="before")
    @classmethod
    def _quoted(cls, value: Any) -> Any:
        if isinstance(value, int):
            # Unquoted, YAML reads 01001 as the octal number 513.
            raise ValueError('write the ZIP in quotes, like "01001"')
        return value


class MeasureEntry(_Entry):
    id: Slug
    place: Slug
    title: Text
    level: Literal["city", "town", "county", "state"]
    measure: Literal["ban", "moratorium", "restriction", "repealed", "pending"]
    status: Literal["in_force", "expired", "repealed", "not_enacted", "pending", "unknown"]
    scope: Text
    adopted: date | None
    effective: date | None
    introduced: date | None = None
    ended: date | None = None
    instrument: Text
    session: Text | None = None
    bills: list[Annotated[str, StringConstraints(pattern=r"^[HS]\.[0-9]+$")]] = []
    committee: Text | None = None
    sources: Annotated[list[Url], Field(min_length=1)]
    confidence: Literal["confirmed", "likely", "unverified"]
    notes: str = ""
    as_of: date


@dataclass(frozen=True)
class PlacesData:
    """The validated content of the four files."""

    places: list[PlaceEntry]
    aliases: list[AliasEntry]
    zips: list[ZipEntry]
    measures: list[MeasureEntry]


def expected_id(place: PlaceEntry) -> str:
    """The id convention: ``cambridge``; elsewhere ``portland-me``; a state ``me``."""
    if place.kind == "state":
        return place.state.lower()
    if place.state == "MA":
        return slug(place.name)
    return f"{slug(place.name)}-{place.state.lower()}"


class PlacesSection:
    """Places, aliases, ZIP codes and measures."""

    name: str = "places"
    files: tuple[str, ...] = (PLACES_FILE, ALIASES_FILE, ZIPS_FILE, MEASURES_FILE)

    def load(self, knowledge_dir: Path) -> PlacesData:
        places = self._places(knowledge_dir)
        known = {place.id for place in places}
        return PlacesData(
            places=places,
            aliases=self._aliases(knowledge_dir, known),
            zips=self._zips(knowledge_dir, known),
            measures=self._measures(knowledge_dir, known),
        )

    def _places(self, knowledge_dir: Path) -> list[PlaceEntry]:
        shown, raw = _read(knowledge_dir, PLACES_FILE)
        label = entry_label("id")
        places = validate_entries(shown, raw, PlaceEntry, label)
        labels = [label(i, r) for i, r in enumerate(raw)]
        require_unique(shown, ((labels[i], p.id) for i, p in enumerate(places)), "id")
        require_unique(
            shown, ((labels[i], f"{p.name}, {p.state}") for i, p in enumerate(places)), "name"
        )
        for index, place in enumerate(places):
            if place.id != expected_id(place):
                raise KnowledgeError(
                    shown, labels[index], "id", f"expected {expected_id(place)!r} for this place"
                )
        return places

    def _aliases(self, knowledge_dir: Path, known: set[str]) -> list[AliasEntry]:
        shown, raw = _read(knowledge_dir, ALIASES_FILE)
        label = entry_label("alias")
        aliases = validate_entries(shown, raw, AliasEntry, label)
        for index, alias in enumerate(aliases):
            _require_place(shown, label(index, raw[index]), "town", alias.town, known)
            for position, other in enumerate(alias.others):
                _require_place(shown, label(index, raw[index]), f"others.{position}", other, known)
        require_unique(
            shown,
            ((label(i, raw[i]), f"{a.alias.lower()} -> {a.town}") for i, a in enumerate(aliases)),
            "alias",
        )
        return aliases

    def _zips(self, knowledge_dir: Path, known: set[str]) -> list[ZipEntry]:
        shown, raw = _read(knowledge_dir, ZIPS_FILE)
        label = entry_label("zip")
        zips = validate_entries(shown, raw, ZipEntry, label)
        for index, entry in enumerate(zips):
            where = label(index, raw[index])
            for place_id in entry.areas:
                _require_place(shown, where, f"areas.{place_id}", place_id, known)
            if entry.primary is not None and entry.primary not in entry.areas:
                raise KnowledgeError(
                    shown, where, "primary", f"{entry.primary!r} is not one of the areas"
                )
        require_unique(shown, ((label(i, raw[i]), z.zip) for i, z in enumerate(zips)), "zip")
        return zips

    def _measures(self, knowledge_dir: Path, known: set[str]) -> list[MeasureEntry]:
        shown, raw = _read(knowledge_dir, MEASURES_FILE)
        label = entry_label("id")
        measures = validate_entries(shown, raw, MeasureEntry, label)
        for index, measure in enumerate(measures):
            _require_place(shown, label(index, raw[index]), "place", measure.place, known)
        require_unique(shown, ((label(i, raw[i]), m.id) for i, m in enumerate(measures)), "id")
        return measures

    def write(self, db: sqlite_utils.Database, data: PlacesData) -> None:
        db.table("places").create(
            {
                "id": str,
                "name": str,
                "state": str,
                "kind": str,
                "county": str,
                "official_style": str,
                "population": int,
                "source": str,
            },
            pk="id",
        )
        db.table("places").insert_all(p.model_dump() for p in data.places)
        db.table("aliases").create(
            {
                "alias": str,
                "place_id": str,
                "kind": str,
                "confidence": str,
                "other_place_ids": str,
                "source": str,
            }
        )
        db.table("aliases").insert_all(
            {
                "alias": a.alias,
                "place_id": a.town,
                "kind": a.kind,
                "confidence": a.confidence,
                "other_place_ids": json.dumps(a.others),
                "source": a.source,
            }
            for a in data.aliases
        )
        db.table("zips").create(
            {"zip": str, "place_id": str, "is_primary": int, "land_share": float}
        )
        db.table("zips").insert_all(
            {
                "zip": z.zip,
                "place_id": place_id,
                "is_primary": int(place_id == z.primary),
                "land_share": share,
            }
            for z in data.zips
            for place_id, share in z.areas.items()
        )
        db.table("measures").create(
            {
                "id": str,
                "place_id": str,
                "title": str,
                "level": str,
                "measure": str,
                "status": str,
                "scope": str,
                "adopted": str,
                "effective": str,
                "instrument": str,
                "sources": str,
                "confidence": str,
                "notes": str,
                "as_of": str,
                "session": str,
                "bills": str,
                "committee": str,
                "introduced": str,
                "ended": str,
            },
            pk="id",
        )
        db.table("measures").insert_all(_measure_row(m) for m in data.measures)
        db.table("aliases").create_index(["alias"])
        db.table("aliases").create_index(["place_id"])
        db.table("zips").create_index(["zip"])
        db.table("zips").create_index(["place_id"])
        db.table("measures").create_index(["place_id"])
        db.table("places").create_index(["state", "kind"])
        if data.measures:
            as_of = min(m.as_of for m in data.measures)
            db.table("meta").upsert({"key": "as_of", "value": as_of.isoformat()}, pk="key")


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _measure_row(m: MeasureEntry) -> dict[str, object]:
    return {
        "id": m.id,
        "place_id": m.place,
        "title": m.title,
        "level": m.level,
        "measure": m.measure,
        "status": m.status,
        "scope": m.scope,
        "adopted": _iso(m.adopted),
        "effective": _iso(m.effective),
        "instrument": m.instrument,
        "sources": json.dumps(m.sources),
        "confidence": m.confidence,
        "notes": m.notes,
        "as_of": m.as_of.isoformat(),
        "session": m.session,
        "bills": json.dumps(m.bills),
        "committee": m.committee,
        "introduced": _iso(m.introduced),
        "ended": _iso(m.ended),
    }


def _require_place(shown: str, entry: str, field: str, place_id: str, known: set[str]) -> None:
    if place_id not in known:
        raise KnowledgeError(
            shown, entry, field, f"unknown place {place_id!r} (not in places.yaml)"
        )


SECTION = PlacesSection()
