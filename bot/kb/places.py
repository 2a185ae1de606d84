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
from bot.kb.html import check_template, placeholders
from bot.kb.models import DEFAULT_LANGUAGE, Day
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


# The one vocabulary of classifications, states and who a measure binds (see knowledge/README.md).
WHAT = Literal["ban", "moratorium", "limited", "oversight", "bill"]
STATE_KINDS = Literal[
    "in_force",
    "in_force_until_condition",
    "repealed",
    "replaced",
    "partly_repealed",
    "expired",
    "pending",
    "not_enacted",
    "unknown",
]
BINDS = Literal[
    "all_municipal_agencies",
    "county_agencies",
    "local_police",
    "law_enforcement",
    "state_and_local_agencies",
    "schools",
    "body_cameras",
    "private_businesses",
]
# Placeholders a measure's text may use: the place's name ("Somerville, MA") and the measure's
# own dates, filled in the one date format.
DATE_PLACEHOLDERS = ("adopted", "effective", "state_date")
TEXT_PLACEHOLDERS = ("place", *DATE_PLACEHOLDERS)
# Resident-facing text fields of a measure, every one checked as Telegram HTML at build.
TEXT_FIELDS = ("title", "headline", "state_line", "scope_line", "forbids", "exceptions", "caveat")


def _check_day(value: date | str) -> date | str:
    Day.parse(value)  # raises ValueError naming the expected forms
    return value


def _needs_english(value: dict[str, str]) -> dict[str, str]:
    if DEFAULT_LANGUAGE not in value:
        raise ValueError(f"needs the text in {DEFAULT_LANGUAGE!r}")
    return value


DayValue = Annotated[date | str, AfterValidator(_check_day)]
Lang = Annotated[str, StringConstraints(pattern=r"^[a-z]{2}$")]
Localized = Annotated[dict[Lang, Text], AfterValidator(_needs_english)]


class SourceEntry(_Entry):
    url: Url
    publisher: Text
    kind: Text
    primary: bool = False


class StateEntry(_Entry):
    kind: STATE_KINDS
    date: DayValue | None = None
    by: Localized | None = None
    until: Localized | None = None
    now: Literal["ban", "moratorium", "limited", "oversight"] | None = None


class MeasureEntry(_Entry):
    id: Slug
    place: Slug
    level: Literal["city", "town", "county", "state"]
    what: WHAT
    binds: Annotated[list[BINDS], Field(min_length=1)]
    state: StateEntry
    title: Localized
    headline: Localized
    state_line: Localized | None = None
    scope_line: Localized
    forbids: Localized
    exceptions: Localized | None = None
    caveat: Localized | None = None
    adopted: date | None
    effective: date | None
    introduced: date | None = None
    instrument: Text
    session: Text | None = None
    bills: list[Annotated[str, StringConstraints(pattern=r"^[HS]\.[0-9]+$")]] = []
    committee: Text | None = None
    confidence: Literal["confirmed", "likely", "unverified"]
    checked: date
    sources_through: DayValue | None
    sources: Annotated[list[SourceEntry], Field(min_length=1)]
    research_scope: Text
    notes: str = ""


class CoverageEntry(_Entry):
    state: StateCode
    sources_through: DayValue
    checked: date
    note: Text
    sources: Annotated[list[SourceEntry], Field(min_length=1)]


@dataclass(frozen=True)
class PlacesData:
    """The validated content of the four files."""

    places: list[PlaceEntry]
    aliases: list[AliasEntry]
    zips: list[ZipEntry]
    measures: list[MeasureEntry]
    coverage: list[CoverageEntry]


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
        measures, coverage = self._measures(knowledge_dir, known)
        return PlacesData(
            places=places,
            aliases=self._aliases(knowledge_dir, known),
            zips=self._zips(knowledge_dir, known),
            measures=measures,
            coverage=coverage,
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

    def _measures(
        self, knowledge_dir: Path, known: set[str]
    ) -> tuple[list[MeasureEntry], list[CoverageEntry]]:
        shown, raw = _read(knowledge_dir, MEASURES_FILE)
        if not isinstance(raw, dict) or set(raw) != {"coverage", "measures"}:
            raise KnowledgeError(shown, None, None, "expected the keys 'coverage' and 'measures'")
        coverage = validate_entries(shown, raw["coverage"], CoverageEntry, entry_label("state"))
        require_unique(
            shown, ((f"coverage #{i + 1}", c.state) for i, c in enumerate(coverage)), "state"
        )
        label = entry_label("id")
        measures = validate_entries(shown, raw["measures"], MeasureEntry, label)
        for index, measure in enumerate(measures):
            where = label(index, raw["measures"][index])
            _require_place(shown, where, "place", measure.place, known)
            _check_measure(shown, where, measure)
        require_unique(
            shown,
            ((label(i, raw["measures"][i]), m.id) for i, m in enumerate(measures)),
            "id",
        )
        return measures, coverage

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
                "level": str,
                "what": str,
                "binds": str,
                "state": str,
                "texts": str,
                "adopted": str,
                "effective": str,
                "introduced": str,
                "instrument": str,
                "session": str,
                "bills": str,
                "committee": str,
                "confidence": str,
                "checked": str,
                "sources_through": str,
                "sources": str,
                "research_scope": str,
                "notes": str,
            },
            pk="id",
        )
        db.table("measures").insert_all(_measure_row(m) for m in data.measures)
        db.table("coverage").create(
            {"state": str, "sources_through": str, "checked": str, "sources": str}, pk="state"
        )
        db.table("coverage").insert_all(
            {
                "state": c.state,
                "sources_through": Day.parse(c.sources_through).isoformat(),
                "checked": c.checked.isoformat(),
                "sources": json.dumps([s.model_dump() for s in c.sources]),
            }
            for c in data.coverage
        )
        db.table("aliases").create_index(["alias"])
        db.table("aliases").create_index(["place_id"])
        db.table("zips").create_index(["zip"])
        db.table("zips").create_index(["place_id"])
        db.table("measures").create_index(["place_id"])
        db.table("places").create_index(["state", "kind"])


def _iso(value: date | str | None) -> str | None:
    return Day.parse(value).isoformat() if value is not None else None


def _measure_row(m: MeasureEntry) -> dict[str, object]:
    texts = {name: getattr(m, name) for name in TEXT_FIELDS if getattr(m, name) is not None}
    state = m.state.model_dump(exclude_none=True)
    if m.state.date is not None:
        state["date"] = _iso(m.state.date)
    return {
        "id": m.id,
        "place_id": m.place,
        "level": m.level,
        "what": m.what,
        "binds": json.dumps(m.binds),
        "state": json.dumps(state),
        "texts": json.dumps(texts, ensure_ascii=False),
        "adopted": _iso(m.adopted),
        "effective": _iso(m.effective),
        "introduced": _iso(m.introduced),
        "instrument": m.instrument,
        "session": m.session,
        "bills": json.dumps(m.bills),
        "committee": m.committee,
        "confidence": m.confidence,
        "checked": m.checked.isoformat(),
        "sources_through": _iso(m.sources_through),
        "sources": json.dumps([s.model_dump() for s in m.sources], ensure_ascii=False),
        "research_scope": m.research_scope,
        "notes": m.notes,
    }


def _check_measure(shown: str, where: str, m: MeasureEntry) -> None:
    """The rules a measure's state and text must keep, so no answer says more than it does."""

    def fail(field: str, message: str) -> KnowledgeError:
        return KnowledgeError(shown, where, field, message)

    state = m.state
    stated = m.confidence != "unverified"
    needs = {
        "in_force_until_condition": ("until",),
        "repealed": ("by",),
        "replaced": ("date", "by"),
        "partly_repealed": ("date", "by", "now"),
        "expired": ("date",),
    }
    for name in needs.get(state.kind, ()):
        if getattr(state, name) is None:
            raise fail(f"state.{name}", f"a {state.kind} measure needs its {name}")
    if state.kind == "unknown" and stated:
        raise fail("state.kind", "only an unverified measure may have an unknown state")
    bill_states = {"pending", "not_enacted", "unknown"}
    if m.what == "bill" and state.kind not in bill_states:
        raise fail("state.kind", f"a bill is pending, not_enacted or unknown, not {state.kind}")
    if m.what != "bill" and state.kind in {"pending", "not_enacted"}:
        raise fail("state.kind", f"only a bill can be {state.kind}")
    if stated and m.sources_through is None:
        raise fail("sources_through", "a stated measure needs the date of its newest source")
    in_force = state.kind in {"in_force", "in_force_until_condition"}
    if stated and in_force and m.what in {"ban", "moratorium"} and m.caveat is None:
        raise fail(
            "caveat", "a ban or moratorium in force says in one line what it does not cover"
        )
    if stated and m.level == "state" and m.what != "bill" and m.state_line is None:
        raise fail("state_line", "a state law needs the line shown under its towns' answers")
    dates = {"adopted": m.adopted, "effective": m.effective, "state_date": state.date}
    for name in TEXT_FIELDS:
        texts = getattr(m, name)
        for lang, text in (texts or {}).items():
            check_template(shown, where, f"{name}.{lang}", text, TEXT_PLACEHOLDERS)
            for used in placeholders(shown, where, f"{name}.{lang}", text):
                if used in dates and dates[used] is None:
                    raise fail(f"{name}.{lang}", f"{{{used}}} but the measure has no {used}")
    for kind in ("by", "until"):
        for lang, text in (getattr(state, kind) or {}).items():
            check_template(shown, where, f"state.{kind}.{lang}", text)
    seen: set[str] = set()
    labels: set[tuple[str, str]] = set()
    for index, source in enumerate(m.sources):
        if source.url in seen:
            raise fail(f"sources.{index}", f"{source.url} is listed twice")
        if (source.publisher, source.kind) in labels:
            raise fail(f"sources.{index}.kind", "two sources share publisher and kind")
        seen.add(source.url)
        labels.add((source.publisher, source.kind))
    primary = [s.primary for s in m.sources]
    if primary != sorted(primary, reverse=True):
        raise fail("sources", "list primary sources first")


def _require_place(shown: str, entry: str, field: str, place_id: str, known: set[str]) -> None:
    if place_id not in known:
        raise KnowledgeError(
            shown, entry, field, f"unknown place {place_id!r} (not in places.yaml)"
        )


SECTION = PlacesSection()
