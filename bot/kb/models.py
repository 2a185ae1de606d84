"""Plain records the knowledge store returns (what the core sees of the knowledge)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Place:
    """A municipality of Massachusetts, or a place elsewhere that has a measure on record."""

    id: str  # "cambridge", "north-adams"; outside MA: "portland-me", "king-county-wa"
    name: str  # "Cambridge", "Manchester-by-the-Sea"
    state: str  # two-letter code: "MA", "ME"
    kind: str  # "city" | "town" | "county" | "state"
    county: str | None  # "Middlesex" (no "County" suffix); None for a county or state
    official_style: str | None = None  # "City of Cambridge", "Town of Amherst"
    population: int | None = None  # 2020 census, MA only


@dataclass(frozen=True)
class Alias:
    """Another name people use for a place: village, neighbourhood, former name, spelling."""

    alias: str  # as written: "Jamaica Plain", "Gay Head", "Foxboro", "Mt Washington"
    place_id: str
    kind: str  # "village" | "neighborhood" | "former_name" | "spelling" | "abbreviation"
    confidence: str  # "high" | "medium" | "low" | "ambiguous"; low/ambiguous means ask
    other_place_ids: tuple[str, ...] = ()  # other places the same alias may mean


@dataclass(frozen=True)
class ZipArea:
    """One municipality a ZIP code covers."""

    zip: str  # five digits, "02143"
    place_id: str
    primary: bool  # the likely primary municipality for this ZIP
    land_share: float | None  # percent of the ZIP's land in this municipality


@dataclass(frozen=True)
class Measure:
    """A ban, moratorium, restriction, law or bill on government face surveillance."""

    id: str  # "somerville-ban-2019", "ma-c6-s220"
    place_id: str  # the place it applies to; a state measure uses the state's id ("ma")
    title: str
    level: str  # "city" | "town" | "county" | "state"
    measure: str  # "ban" | "moratorium" | "restriction" | "repealed" | "pending"
    status: str  # "in_force" | "expired" | "repealed" | "not_enacted" | "pending" | "unknown"
    scope: str
    adopted: date | None
    effective: date | None
    instrument: str
    sources: tuple[str, ...]
    confidence: str  # "confirmed" | "likely" | "unverified"
    notes: str
    as_of: date  # the date these records were last checked
    # Bills (Massachusetts state level): General Court session, bill numbers, committee.
    session: str | None = None  # "194th"
    bills: tuple[str, ...] = ()  # ("H.1946", "S.1053")
    committee: str | None = None
    introduced: date | None = None  # bills: the date filed
    ended: date | None = None  # the date it expired or was repealed
