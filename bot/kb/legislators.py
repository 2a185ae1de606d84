"""Legislators, districts, call scripts and bills: YAML models, validation and tables.

Two sections live here:

* :data:`LEGISLATORS_SECTION` reads ``legislators.yaml`` (the 200 seats of the General Court,
  written by :mod:`bot.kb.openstates`) and ``districts.yaml`` (each municipality's Senate and House
  districts with, in a split town, the wards and precincts of each district). It writes the tables
  ``legislators``, ``district_municipalities``, ``precincts`` and ``legislative_towns``.
* :data:`SCRIPTS_SECTION` reads ``scripts.yaml`` (call, voicemail and email templates, each
  checked as Telegram HTML, and the sources their claims rest on) and ``bills.yaml`` (the current
  session, the day it ends, its bill numbers). It writes ``call_scripts``, ``script_pieces``,
  ``session`` and ``bills``. Their ``translations`` (the same texts in other languages) are
  checked like the English, with the English placeholders, and kept on the loaded models.

A precinct label is ``"W-P"`` in a town with wards (Boston ward 21 precinct 1 is ``"21-1"``) and
``"P"`` in a town without (``"3"``, ``"13A"``).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Annotated, Literal

import sqlite_utils
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from bot.kb.errors import KnowledgeError
from bot.kb.html import check_template, placeholders
from bot.kb.section import entry_label, read_yaml, require_unique, validate_entries
from bot.kb.slug import slug

Chamber = Literal["senate", "house"]
CHAMBERS: tuple[Chamber, ...] = ("senate", "house")
# The script a resident gets follows where their town stands (bot.kb.standing): a town whose
# measure is not in force, or that has only an oversight rule, gets "no ban on record".
Situation = Literal["ban", "moratorium", "limited", "no_ban_on_record"]
SITUATIONS: tuple[Situation, ...] = ("ban", "moratorium", "limited", "no_ban_on_record")
SCRIPT_KINDS = ("call", "voicemail", "email_subject", "email_body")

PHONE = r"^\d{3}-\d{3}-\d{4}( ext\. \d+)?$"

# Placeholders a template may use; anything else fails the build, so a rendered script can
# never show "{nmae}" to a resident.
SCRIPT_PLACEHOLDERS = frozenset(
    {
        "title",
        "name",
        "town",
        "intro",
        "signature",
        "bill",
        "house_bill",
        "senate_bill",
        "bill_title",
        "short_title",
        "committee",
        "session",
    }
)
# Values that stand for the placeholders while a template is checked as Telegram HTML.
SCRIPT_SAMPLES = {"intro": "My name is Ana and I'm", "signature": "Ana\nA constituent in Adams"}
PIECE_PLACEHOLDERS = {
    "intro_named": frozenset({"first_name", "town"}),
    "intro_anonymous": frozenset({"town"}),
    "signature_named": frozenset({"first_name", "town"}),
    "signature_anonymous": frozenset({"town"}),
}


def sitting_names(db: sqlite_utils.Database) -> list[str]:
    """The full names of the sitting legislators (vacant seats left out); none in a knowledge
    base built without them."""
    if "legislators" not in db.table_names():
        return []
    return [row["name"] for row in db.query("SELECT name FROM legislators WHERE vacant = 0")]


def seat_key(chamber: str, district: str) -> str:
    """Return a short, stable key for a seat, small enough for callback data."""
    return hashlib.sha1(f"{chamber}:{district}".encode()).hexdigest()[:8]


def precinct_label(ward: str, precinct: str) -> str:
    """Return ``"W-P"`` or ``"P"``."""
    return f"{ward}-{precinct}" if ward else precinct


def split_label(label: str) -> tuple[str, str]:
    """Return (ward, precinct) of a label; ward is ``""`` in a town without wards."""
    ward, _, precinct = label.rpartition("-")
    return ward, precinct


# --- legislators.yaml and districts.yaml -------------------------------------------------------


class LegislatorEntry(BaseModel):
    """One seat: its member's contacts, or a vacancy."""

    model_config = ConfigDict(extra="forbid")

    chamber: Chamber
    district: str = Field(min_length=1)
    vacant: bool = False
    name: str | None = None
    party: str | None = None
    email: str | None = Field(default=None, pattern=r"^[^@\s]+@[^@\s]+\.[a-z]+$")
    phone: str | None = Field(default=None, pattern=PHONE)
    room: str | None = None
    district_office: str | None = None
    district_phone: str | None = Field(default=None, pattern=PHONE)
    profile_url: str | None = Field(default=None, pattern=r"^https://")
    openstates_id: str | None = Field(default=None, pattern=r"^ocd-person/")
    confirmed: date

    @model_validator(mode="after")
    def _member_or_vacancy(self) -> LegislatorEntry:
        if self.vacant and self.name is not None:
            raise ValueError("a vacant seat has no name")
        if not self.vacant and not self.name:
            raise ValueError("name is required unless the seat is vacant")
        return self


class DistrictPart(BaseModel):
    """A district covering a town, with its precinct labels when the town is split."""

    model_config = ConfigDict(extra="forbid")

    district: str = Field(min_length=1)
    precincts: list[str] | None = None


class TownEntry(BaseModel):
    """A municipality and the districts that cover it."""

    model_config = ConfigDict(extra="forbid")

    municipality: str = Field(min_length=1)
    county: str
    kind: Literal["city", "town"]
    precincts: list[str] = Field(min_length=1)
    senate: list[DistrictPart] = Field(min_length=1)
    house: list[DistrictPart] = Field(min_length=1)

    @property
    def place_id(self) -> str:
        return slug(self.municipality)


@dataclass(frozen=True)
class LegislatorsData:
    legislators: list[LegislatorEntry]
    towns: list[TownEntry]


class LegislatorsSection:
    """``legislators.yaml`` + ``districts.yaml``."""

    name = "legislators"
    files = ("legislators.yaml", "districts.yaml")

    def load(self, knowledge_dir: Path) -> LegislatorsData:
        shown, raw = read_yaml(knowledge_dir, "legislators.yaml")
        legislators = validate_entries(shown, raw, LegislatorEntry, entry_label("district"))
        require_unique(
            shown,
            (
                (f"#{i + 1} ({e.district})", f"{e.chamber}:{e.district}")
                for i, e in enumerate(legislators)
            ),
            "district",
        )
        seats: set[tuple[str, str]] = {(e.chamber, e.district) for e in legislators}
        keys = [
            (f"{e.chamber} {e.district}", seat_key(e.chamber, e.district)) for e in legislators
        ]
        require_unique(shown, keys, "district (seat key collision)")

        dshown, draw = read_yaml(knowledge_dir, "districts.yaml")
        towns = validate_entries(dshown, draw, TownEntry, entry_label("municipality"))
        require_unique(
            dshown,
            ((f"#{i + 1} ({t.municipality})", t.place_id) for i, t in enumerate(towns)),
            "municipality",
        )
        covered: set[tuple[str, str]] = set()
        for index, town in enumerate(towns):
            label = f"#{index + 1} ({town.municipality})"
            _check_town(dshown, label, town, seats)
            covered.update((c, p.district) for c in CHAMBERS for p in getattr(town, c))
        for chamber, district in sorted(seats - covered):
            raise KnowledgeError(
                shown, f"{chamber} {district}", "district", "no municipality in districts.yaml"
            )
        return LegislatorsData(legislators, towns)

    def write(self, db: sqlite_utils.Database, data: LegislatorsData) -> None:
        db.table("legislators").insert_all(
            (
                {
                    "chamber": e.chamber,
                    "district": e.district,
                    "name": e.name,
                    "party": e.party,
                    "email": e.email,
                    "phone": e.phone,
                    "room": e.room,
                    "district_office": e.district_office,
                    "district_phone": e.district_phone,
                    "profile_url": e.profile_url,
                    "vacant": int(e.vacant),
                    "confirmed": e.confirmed.isoformat(),
                    "openstates_id": e.openstates_id,
                }
                for e in data.legislators
            ),
            pk=("chamber", "district"),
            columns=_LEGISLATOR_COLUMNS,
        )
        towns, parts, precincts = [], [], []
        for town in data.towns:
            towns.append(
                {
                    "place_id": town.place_id,
                    "name": town.municipality,
                    "county": town.county,
                    "kind": town.kind,
                }
            )
            home: dict[str, dict[str, str]] = {c: {} for c in CHAMBERS}
            for chamber in CHAMBERS:
                districts: list[DistrictPart] = getattr(town, chamber)
                for part in districts:
                    labels = part.precincts if len(districts) > 1 else None
                    parts.append(
                        {
                            "chamber": chamber,
                            "district": part.district,
                            "place_id": town.place_id,
                            "whole": int(labels is None),
                            "wards_precincts": json.dumps(labels) if labels else None,
                        }
                    )
                    for label in labels or town.precincts:
                        home[chamber][label] = part.district
            for label in town.precincts:
                ward, precinct = split_label(label)
                precincts.append(
                    {
                        "place_id": town.place_id,
                        "ward": ward,
                        "precinct": precinct,
                        "house_district": home["house"][label],
                        "senate_district": home["senate"][label],
                    }
                )
        db.table("legislative_towns").insert_all(towns, pk="place_id")
        db.table("district_municipalities").insert_all(
            parts, pk=("chamber", "district", "place_id"), columns=_PART_COLUMNS
        )
        db.table("precincts").insert_all(precincts, pk=("place_id", "ward", "precinct"))
        db.table("district_municipalities").create_index(["place_id"], if_not_exists=True)


_LEGISLATOR_COLUMNS = {
    "name": str,
    "party": str,
    "email": str,
    "phone": str,
    "room": str,
    "district_office": str,
    "district_phone": str,
    "profile_url": str,
    "openstates_id": str,
}
_PART_COLUMNS = {"wards_precincts": str}


def _check_town(shown: str, label: str, town: TownEntry, seats: set[tuple[str, str]]) -> None:
    all_labels = set(town.precincts)
    if len(all_labels) != len(town.precincts):
        raise KnowledgeError(shown, label, "precincts", "a precinct is listed twice")
    for chamber in CHAMBERS:
        parts: list[DistrictPart] = getattr(town, chamber)
        seen: set[str] = set()
        for i, part in enumerate(parts):
            field = f"{chamber}.{i}"
            if (chamber, part.district) not in seats:
                raise KnowledgeError(
                    shown, label, field + ".district", f"{part.district!r} not in legislators.yaml"
                )
            if len(parts) == 1:
                if part.precincts is not None:
                    raise KnowledgeError(
                        shown, label, field + ".precincts", "only one district: list no precincts"
                    )
                continue
            if not part.precincts:
                raise KnowledgeError(
                    shown,
                    label,
                    field + ".precincts",
                    "a split town lists each district's precincts",
                )
            unknown = set(part.precincts) - all_labels
            if unknown:
                raise KnowledgeError(
                    shown, label, field + ".precincts", f"unknown precinct {sorted(unknown)[0]!r}"
                )
            twice = seen & set(part.precincts)
            if twice:
                raise KnowledgeError(
                    shown, label, field + ".precincts", f"{sorted(twice)[0]!r} in two districts"
                )
            seen.update(part.precincts)
        if len(parts) > 1 and seen != all_labels:
            missing = sorted(all_labels - seen)[0]
            raise KnowledgeError(shown, label, chamber, f"precinct {missing!r} has no district")


# --- scripts.yaml and bills.yaml ---------------------------------------------------------------


class ScriptSource(BaseModel):
    """A source behind a claim of the scripts, labelled for people."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    url: str = Field(pattern=r"^https?://\S+$")
    publisher: str = Field(min_length=1)
    kind: str = Field(min_length=1)


Lang = Annotated[str, StringConstraints(pattern=r"^[a-z]{2}$")]


class ScriptText(BaseModel):
    """A script's words in one more language."""

    model_config = ConfigDict(extra="forbid")

    call: str = Field(min_length=1)
    voicemail: str = Field(min_length=1)
    email_subject: str = Field(min_length=1)
    email_body: str = Field(min_length=1)


class ScriptEntry(BaseModel):
    """The call, voicemail and email for one situation and chamber (or both chambers)."""

    model_config = ConfigDict(extra="forbid")

    situation: Situation
    chamber: Literal["senate", "house", "both"]
    sources: list[str] = Field(min_length=1)  # ids of `sources`: what its claims rest on
    call: str = Field(min_length=1)
    voicemail: str = Field(min_length=1)
    email_subject: str = Field(min_length=1)
    email_body: str = Field(min_length=1)
    translations: dict[Lang, ScriptText] = {}

    @property
    def chambers(self) -> tuple[Chamber, ...]:
        return CHAMBERS if self.chamber == "both" else (self.chamber,)


class PiecesText(BaseModel):
    """How the resident introduces and signs: with the first name they gave, or without."""

    model_config = ConfigDict(extra="forbid")

    intro_named: str
    intro_anonymous: str
    signature_named: str
    signature_anonymous: str


class ScriptPieces(PiecesText):
    translations: dict[Lang, PiecesText] = {}


class BillEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")

    chamber: Chamber
    number: str = Field(pattern=r"^[HS]\.\d+$")
    url: str = Field(pattern=r"^https://")


class SessionText(BaseModel):
    """How a script names the bills and their committee in one more language."""

    model_config = ConfigDict(extra="forbid")

    short_title: str = Field(min_length=1)
    committee: str = Field(min_length=1)


class BillsFile(BaseModel):
    """The statewide bill the scripts ask for, in the current session, and when it ends."""

    model_config = ConfigDict(extra="forbid")

    session: int = Field(ge=190)
    session_start: date
    session_end: date
    title: str = Field(min_length=1)
    short_title: str = Field(min_length=1)
    committee: str = Field(min_length=1)
    bills: list[BillEntry]
    translations: dict[Lang, SessionText] = {}

    @model_validator(mode="after")
    def _ends_after_it_starts(self) -> BillsFile:
        if self.session_end <= self.session_start:
            raise ValueError("session_end must come after session_start")
        return self


@dataclass(frozen=True)
class ScriptsData:
    pieces: ScriptPieces
    scripts: list[ScriptEntry]
    bills: BillsFile


class ScriptsSection:
    """``scripts.yaml`` + ``bills.yaml``."""

    name = "scripts"
    files = ("scripts.yaml", "bills.yaml")

    def load(self, knowledge_dir: Path) -> ScriptsData:
        shown, raw = read_yaml(knowledge_dir, "scripts.yaml")
        if not isinstance(raw, dict):
            raise KnowledgeError(shown, None, None, "expected 'sources', 'pieces' and 'scripts'")
        unknown = set(raw) - {"sources", "pieces", "scripts"}
        if unknown:
            raise KnowledgeError(shown, None, sorted(unknown)[0], "unknown key")
        sources = validate_entries(shown, raw.get("sources"), ScriptSource, entry_label("id"))
        require_unique(shown, ((f"source {s.id}", s.id) for s in sources), "sources")
        pieces = validate_entries(shown, [raw.get("pieces")], ScriptPieces, lambda i, r: "pieces")
        label = entry_label("situation")
        scripts = validate_entries(shown, raw.get("scripts"), ScriptEntry, label)
        for name, allowed in PIECE_PLACEHOLDERS.items():
            check_template(shown, "pieces", name, getattr(pieces[0], name), allowed)
            for lang, piece in pieces[0].translations.items():
                _check_translation(
                    shown,
                    "pieces",
                    f"translations.{lang}.{name}",
                    getattr(piece, name),
                    getattr(pieces[0], name),
                    allowed,
                )
        known = {s.id for s in sources}
        seen: dict[tuple[str, str], str] = {}
        for index, entry in enumerate(scripts):
            where = f"#{index + 1} ({entry.situation}, {entry.chamber})"
            for position, source in enumerate(entry.sources):
                if source not in known:
                    raise KnowledgeError(
                        shown, where, f"sources.{position}", f"unknown source {source!r}"
                    )
            for kind in SCRIPT_KINDS:
                check_template(
                    shown, where, kind, getattr(entry, kind), SCRIPT_PLACEHOLDERS, SCRIPT_SAMPLES
                )
                for lang, words in entry.translations.items():
                    _check_translation(
                        shown,
                        where,
                        f"translations.{lang}.{kind}",
                        getattr(words, kind),
                        getattr(entry, kind),
                        SCRIPT_PLACEHOLDERS,
                        SCRIPT_SAMPLES,
                    )
            for chamber in entry.chambers:
                if (entry.situation, chamber) in seen:
                    raise KnowledgeError(shown, where, "chamber", "situation and chamber repeated")
                seen[(entry.situation, chamber)] = where
        for situation in SITUATIONS:
            for chamber in CHAMBERS:
                if (situation, chamber) not in seen:
                    raise KnowledgeError(
                        shown, None, "scripts", f"no script for situation {situation}, {chamber}"
                    )

        bshown, braw = read_yaml(knowledge_dir, "bills.yaml")
        bills = validate_entries(bshown, [braw], BillsFile, lambda i, r: "bills")[0]
        chambers = sorted(b.chamber for b in bills.bills)
        if chambers != sorted(CHAMBERS):
            raise KnowledgeError(bshown, None, "bills", "list one bill per chamber")
        return ScriptsData(pieces[0], scripts, bills)

    def write(self, db: sqlite_utils.Database, data: ScriptsData) -> None:
        # One row per language: English ("en") and each translation.
        db.table("call_scripts").insert_all(
            (
                {
                    "situation": e.situation,
                    "chamber": chamber,
                    "kind": kind,
                    "language": lang,
                    "template": getattr(words, kind),
                }
                for e in data.scripts
                for lang, words in (("en", e), *e.translations.items())
                for chamber in e.chambers
                for kind in SCRIPT_KINDS
            ),
            pk=("situation", "chamber", "kind", "language"),
        )
        pieces = data.pieces
        db.table("script_pieces").insert_all(
            (
                {"name": name, "language": lang, "template": text}
                for lang, words in (("en", pieces), *pieces.translations.items())
                for name, text in words.model_dump(exclude={"translations"}).items()
            ),
            pk=("name", "language"),
        )
        session = data.bills
        db.table("session").insert(
            {
                "number": session.session,
                "start": session.session_start.isoformat(),
                "end": session.session_end.isoformat(),
                "title": session.title,
                "short_title": session.short_title,
                "committee": session.committee,
                # How other languages name the bills: {"es": {"short_title": ..., ...}}.
                "texts": json.dumps(
                    {lang: words.model_dump() for lang, words in session.translations.items()},
                    ensure_ascii=False,
                ),
            },
            pk="number",
        )
        # The session's columns stay on each bill too: `python -m bot kb check` reads them.
        db.table("bills").insert_all(
            (
                {
                    "chamber": b.chamber,
                    "number": b.number,
                    "url": b.url,
                    "title": session.title,
                    "committee": session.committee,
                    "session": session.session,
                    "session_start": session.session_start.isoformat(),
                }
                for b in session.bills
            ),
            pk="chamber",
        )


def _check_translation(
    shown: str,
    where: str,
    field: str,
    text: str,
    english: str,
    allowed: frozenset[str],
    samples: dict[str, str] | None = None,
) -> None:
    check_template(shown, where, field, text, allowed, samples)
    if set(placeholders(shown, where, field, text)) != set(
        placeholders(shown, where, field, english)
    ):
        raise KnowledgeError(shown, where, field, "placeholders differ from English")


def script_templates(
    conn: sqlite3.Connection, lang: str = "en"
) -> tuple[dict[tuple[str, str, str], str], dict[str, str]]:
    """The script templates by (situation, chamber, kind), and the intro and signature pieces,
    in ``lang``: its own text where it has one, English elsewhere."""
    templates = {
        (s, c, k): t
        for s, c, k, t in conn.execute(
            "SELECT situation, chamber, kind, template FROM call_scripts WHERE language = ?",
            (lang,),
        )
    }
    for s, c, k, t in conn.execute(
        "SELECT situation, chamber, kind, template FROM call_scripts WHERE language = 'en'"
    ):
        templates.setdefault((s, c, k), t)
    pieces = dict(
        conn.execute(
            "SELECT name, template FROM script_pieces WHERE language = ?", (lang,)
        ).fetchall()
    )
    for name, t in conn.execute("SELECT name, template FROM script_pieces WHERE language = 'en'"):
        pieces.setdefault(name, t)
    return templates, pieces


LEGISLATORS_SECTION = LegislatorsSection()
SCRIPTS_SECTION = ScriptsSection()
