"""Plain records the knowledge store returns (what the core sees of the knowledge)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

DEFAULT_LANGUAGE = "en"

# Text people read, by language code; "en" is always there (the build checks it).
Texts = Mapping[str, str]


def pick(texts: Texts, lang: str) -> str:
    """The text in ``lang``, or in English when that language has none yet."""
    return texts.get(lang) or texts[DEFAULT_LANGUAGE]


def ordinal(number: int) -> str:
    """Return ``194th``, ``191st``, ``192nd``, ``193rd`` (General Court sessions)."""
    suffix = (
        "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number}{suffix}"


_DAY = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$")


@dataclass(frozen=True)
class Day:
    """A date as precise as its source: a day ("June 27, 2019") or only a month ("June 2023")."""

    year: int
    month: int
    day: int | None = None

    def __post_init__(self) -> None:
        # Raises ValueError for an impossible date, month or day.
        date(self.year, self.month, self.day or 1)

    @classmethod
    def parse(cls, value: str | date) -> Day:
        """Read ``2019-06-27``, ``2023-06`` or a ``date``."""
        if isinstance(value, date):
            return cls(value.year, value.month, value.day)
        match = _DAY.match(value)
        if match is None:
            raise ValueError(f"expected YYYY-MM-DD or YYYY-MM, not {value!r}")
        year, month, day = match.groups()
        return cls(int(year), int(month), int(day) if day else None)

    def isoformat(self) -> str:
        month = f"{self.year:04d}-{self.month:02d}"
        return month if self.day is None else f"{month}-{self.day:02d}"

    @property
    def key(self) -> tuple[int, int, int]:
        """Sort key; a month sorts before the days of that month."""
        return (self.year, self.month, self.day or 0)


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
class Source:
    """A source behind a fact, labelled for people: "ACLU of Massachusetts", "Press release"."""

    url: str
    publisher: str
    kind: str
    primary: bool = False  # the measure's own text or official record


@dataclass(frozen=True)
class MeasureState:
    """Where a measure stands, as reviewed: data, never read from a word of its title."""

    # in_force | in_force_until_condition | repealed | replaced | partly_repealed | expired
    # | pending | not_enacted | unknown (unknown only for unverified measures, never stated)
    kind: str
    date: Day | None = None  # when it was repealed, replaced or expired
    by: Texts | None = None  # what repealed or replaced it
    until: Texts | None = None  # in_force_until_condition: the condition that ends it
    now: str | None = None  # partly_repealed: the classification in force since


@dataclass(frozen=True)
class Measure:
    """A ban, moratorium, limit, oversight rule or bill, with its reviewed text and sources."""

    id: str  # "somerville-ban-2019", "ma-c6-s220"
    place_id: str  # the place it applies to; a state measure uses the state's id ("ma")
    level: str  # "city" | "town" | "county" | "state"
    what: str  # ban | moratorium | limited | oversight | bill: the one classification
    binds: tuple[str, ...]  # "all_municipal_agencies", "law_enforcement", "schools", ...
    state: MeasureState
    title: Texts
    headline: Texts  # may hold {adopted}, {effective}, {state_date}
    scope_line: Texts
    forbids: Texts
    confidence: str  # "confirmed" | "likely" | "unverified": unverified is never stated
    checked: date  # when a person last checked the text against the sources
    sources_through: Day | None  # the newest source behind the stated status
    sources: tuple[Source, ...]  # primary sources first
    adopted: date | None = None
    effective: date | None = None
    instrument: str = ""
    research_scope: str = ""  # the research notes' scope, not shown to residents
    notes: str = ""
    exceptions: Texts | None = None
    caveat: Texts | None = None  # what an in-force measure does not cover, in one line
    state_line: Texts | None = None  # one line when the measure is a town's state context
    # Bills (Massachusetts state level): General Court session, bill numbers, committee.
    session: str | None = None  # "194th"
    bills: tuple[str, ...] = ()  # ("H.1946", "S.1053")
    committee: str | None = None
    introduced: date | None = None  # bills: the date filed


@dataclass(frozen=True)
class Coverage:
    """How far our records of a state's municipal measures go ("no ban found ... as of")."""

    state: str  # "MA"
    sources_through: Day
    checked: date
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class Bill:
    """The statewide bill the scripts ask a legislator to support, in their chamber."""

    chamber: str  # "senate" | "house"
    number: str  # "S.1053"
    url: str


@dataclass(frozen=True)
class Session:
    """The General Court session of bills.yaml, and the bills it carries."""

    number: int  # 194
    start: date
    end: date  # the day the next General Court is sworn in: from then on the bills are dead
    title: str  # the bills' long title
    short_title: str  # how a script names them, at most once
    committee: str
    bills: tuple[Bill, ...] = field(default_factory=tuple)
    # Translations of title, short_title and committee: {"es": {"short_title": ...}}.
    texts: Mapping[str, Mapping[str, str]] = field(default_factory=dict)

    def text(self, name: str, lang: str) -> str:
        """``title``, ``short_title`` or ``committee`` in ``lang`` (English when missing)."""
        found = self.texts.get(lang, {}).get(name)
        return found or str(getattr(self, name))

    def ended(self, today: date) -> bool:
        """Whether the session is over on ``today`` (its bills are no longer pending)."""
        return today >= self.end

    def bill(self, chamber: str) -> Bill:
        return next(b for b in self.bills if b.chamber == chamber)
