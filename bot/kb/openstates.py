"""Refresh ``knowledge/legislators.yaml`` from a checkout of the Open States ``people`` repo.

Reads ``data/ma/legislature/*.yml`` (one file per person) and the ``ma: vacancies`` list of
``settings.yml``. A seat is held by the person whose role in it is current on ``today``; a seat
with no such person is vacant, whatever ``vacant_until`` says (those dates are often past).
Seats are the union of the previous file's seats, the members' seats and the listed vacancies,
so a departure leaves a vacancy rather than a missing seat.

The ``confirmed`` date of a record is kept from the previous file while the record's content is
unchanged, and becomes ``today`` when anything in it changes. The first import took it from the
date Open States last changed the member's file (``scripts/import_legislators.py``). Running the
refresh twice on the same data therefore writes the same bytes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from bot.kb.errors import KnowledgeError
from bot.kb.legislators import LegislatorEntry

LEGISLATURE_DIR = Path("data/ma/legislature")
PROFILE_URL = "https://malegislature.gov/Legislators/Profile/{code}"
ROLE_CHAMBERS = {"upper": "senate", "lower": "house"}
CHAMBER_NAMES = {"senate": "Senate", "house": "House"}
FIELDS = (
    "name",
    "party",
    "email",
    "phone",
    "room",
    "district_office",
    "district_phone",
    "profile_url",
    "openstates_id",
)
ORDINALS = (
    "First",
    "Second",
    "Third",
    "Fourth",
    "Fifth",
    "Sixth",
    "Seventh",
    "Eighth",
    "Ninth",
    "Tenth",
    "Eleventh",
    "Twelfth",
)

HEADER = """\
# The seats of the Massachusetts General Court: one record per seat, vacancies as vacancies.
# Source: Open States people data (https://github.com/openstates/people, CC0).
# Generated: do not edit by hand. Refresh with `python -m bot kb refresh-legislators PATH`.
# `confirmed` is the date the record was last seen to change: kept while a refresh finds the
# same content, set to the refresh date when anything in the record changes.
"""


@dataclass(frozen=True)
class Refresh:
    """The result of a refresh: the new file's text and what changed, one line per change."""

    text: str
    changes: tuple[str, ...]
    members: int
    vacancies: int

    def report(self) -> str:
        head = (
            f"{self.members + self.vacancies} seats: {self.members} members, "
            f"{self.vacancies} vacant; "
        )
        if not self.changes:
            return head + "no changes."
        count = len(self.changes)
        return head + f"{count} change{'s' if count != 1 else ''}:\n" + "\n".join(self.changes)


def read_people(people_dir: Path, today: date) -> list[LegislatorEntry]:
    """Return the seats Open States knows: current members and listed vacancies.

    ``confirmed`` is set to ``today``; :func:`refresh` replaces it by the kept date.
    """
    folder = people_dir / LEGISLATURE_DIR
    files = sorted(folder.glob("*.yml"))
    if not files:
        raise KnowledgeError(str(folder), None, None, "no member files (*.yml) found")
    seats: dict[tuple[str, str], tuple[str, LegislatorEntry]] = {}
    for path in files:
        person = _read(path)
        role = _current_role(person, today)
        if role is None:
            continue
        entry = _entry(path, person, role, today)
        key = (entry.chamber, entry.district)
        if key in seats:
            other = seats[key][0]
            raise KnowledgeError(path.name, entry.district, "roles", f"seat also held in {other}")
        seats[key] = (path.name, entry)
    settings = _read(people_dir / "settings.yml")
    ma = settings.get("ma") or {}
    for vacancy in ma.get("vacancies") or []:
        chamber = ROLE_CHAMBERS.get(str(vacancy.get("chamber")))
        district = str(vacancy.get("district", ""))
        if chamber is None or not district:
            raise KnowledgeError("settings.yml", f"ma vacancy {vacancy}", "chamber", "unreadable")
        # A member file for the seat wins: the special election has been held.
        seats.setdefault(
            (chamber, district),
            ("settings.yml", _vacancy(chamber, district, today)),
        )
    return sorted((entry for _, entry in seats.values()), key=seat_order)


def refresh(people_dir: Path, previous: Path | None, today: date) -> Refresh:
    """Merge Open States data into the previous ``legislators.yaml`` (if any)."""
    fresh = {(e.chamber, e.district): e for e in read_people(people_dir, today)}
    old = {(e.chamber, e.district): e for e in load_file(previous)} if previous else {}
    merged: list[LegislatorEntry] = []
    changes: list[str] = []
    for key in sorted(fresh.keys() | old.keys(), key=lambda k: seat_order(k)):
        before = old.get(key)
        after = fresh.get(key) or _vacancy(*key, today)
        if before is not None and _content(before) == _content(after):
            after = after.model_copy(update={"confirmed": before.confirmed})
        else:
            changes.extend(_describe(key, before, after))
        merged.append(after)
    vacancies = sum(e.vacant for e in merged)
    return Refresh(dump(merged), tuple(changes), len(merged) - vacancies, vacancies)


def load_file(path: Path) -> list[LegislatorEntry]:
    """Read a ``legislators.yaml``; a missing file is an empty list."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    except FileNotFoundError:
        return []
    result = []
    for index, item in enumerate(raw):
        try:
            result.append(LegislatorEntry.model_validate(item))
        except ValidationError as exc:
            error = exc.errors()[0]
            field = ".".join(str(p) for p in error["loc"]) or None
            raise KnowledgeError(path.name, f"#{index + 1}", field, error["msg"]) from None
    return result


def dump(entries: list[LegislatorEntry]) -> str:
    """Return the YAML text of ``legislators.yaml`` (header comment, one mapping per seat)."""
    records = [_record(e) for e in sorted(entries, key=seat_order)]
    body = yaml.dump(records, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=99)
    return HEADER + body


class _Dumper(yaml.SafeDumper):
    """Write shared values (two seats confirmed the same day) in full, never as &anchors."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def seat_order(seat: LegislatorEntry | tuple[str, str]) -> tuple[int, str, int, str]:
    """Sort Senate before House, then by county words, then by ordinal: 2nd before 10th."""
    chamber, district = (seat.chamber, seat.district) if not isinstance(seat, tuple) else seat
    rank = 0 if chamber == "senate" else 1
    match = re.match(r"^(\d+)(?:st|nd|rd|th) (.+)$", district)
    if match:
        return rank, match.group(2), int(match.group(1)), district
    first, _, rest = district.partition(" ")
    if first in ORDINALS and rest:
        return rank, rest, ORDINALS.index(first) + 1, district
    return rank, district, 0, district


def seat_name(chamber: str, district: str) -> str:
    return f"{CHAMBER_NAMES.get(chamber, chamber)} {district}"


def _record(entry: LegislatorEntry) -> dict[str, Any]:
    record: dict[str, Any] = {"chamber": entry.chamber, "district": entry.district}
    if entry.vacant:
        record["vacant"] = True
    for field in FIELDS:
        value = getattr(entry, field)
        if value is not None:
            record[field] = value
    record["confirmed"] = entry.confirmed
    return record


def _content(entry: LegislatorEntry) -> dict[str, Any]:
    record = _record(entry)
    del record["confirmed"]
    return record


def _describe(
    key: tuple[str, str], before: LegislatorEntry | None, after: LegislatorEntry
) -> list[str]:
    seat = seat_name(*key)
    if after.vacant:
        if before is None:
            return [f"new seat, vacant: {seat}"]
        return [f"departure: {before.name} ({seat}); seat now vacant"]
    if before is None:
        return [f"new seat: {seat}: {after.name} ({after.party})"]
    if before.vacant or before.openstates_id != after.openstates_id:
        left = "vacancy" if before.vacant else before.name
        return [f"new member: {after.name} ({after.party}) in {seat}, was {left}"]
    changed = [
        f"{field} {getattr(before, field) or '-'} -> {getattr(after, field) or '-'}"
        for field in FIELDS
        if getattr(before, field) != getattr(after, field)
    ]
    return [f"changed: {after.name} ({seat}): " + "; ".join(changed)]


def _read(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise KnowledgeError(str(path), None, None, "file is missing") from None
    except yaml.YAMLError as exc:
        raise KnowledgeError(path.name, None, None, f"YAML syntax error: {exc}") from None
    if not isinstance(data, dict):
        raise KnowledgeError(path.name, None, None, "expected a mapping")
    return data


def _as_date(value: object) -> date | None:
    if isinstance(value, date):
        return value
    if not value:
        return None
    text = str(value)
    # Open States allows partial dates ("2023", "2023-01").
    parts = [*text.split("-"), "01", "01"][:3]
    try:
        return date(int(parts[0]), int(parts[1]), int(parts[2]))
    except ValueError:
        return None


def _current_role(person: dict[str, Any], today: date) -> dict[str, Any] | None:
    for role in person.get("roles") or []:
        if role.get("type") not in ROLE_CHAMBERS:
            continue
        if "state:ma" not in str(role.get("jurisdiction", "")):
            continue
        start = _as_date(role.get("start_date"))
        end = _as_date(role.get("end_date"))
        if (start is None or start <= today) and (end is None or today < end):
            return dict(role)
    return None


def _entry(
    path: Path, person: dict[str, Any], role: dict[str, Any], today: date
) -> LegislatorEntry:
    offices = person.get("offices") or []
    capitol: dict[str, Any] = next(
        (o for o in offices if o.get("classification") == "capitol"), {}
    )
    # "district-mail" (a P.O. box) when there is no "district" office.
    local = [o for o in offices if str(o.get("classification", "")).startswith("district")]
    district: dict[str, Any] = min(
        local, key=lambda o: o.get("classification") != "district", default={}
    )
    room = re.search(r"\bRoom\s+([\w-]+)", str(capitol.get("address", "")))
    email = person.get("email") or next((o["email"] for o in offices if o.get("email")), None)
    record = {
        "chamber": ROLE_CHAMBERS[role["type"]],
        "district": str(role["district"]),
        "name": person.get("name"),
        "party": _party(person),
        "email": email,
        "phone": _phone(capitol.get("voice")),
        "room": room.group(1) if room else None,
        "district_office": _address(district.get("address")),
        "district_phone": _phone(district.get("voice")),
        "profile_url": _profile(person),
        "openstates_id": person.get("id"),
        "confirmed": today,
    }
    try:
        return LegislatorEntry.model_validate(record)
    except ValidationError as exc:
        error = exc.errors()[0]
        field = ".".join(str(p) for p in error["loc"]) or None
        raise KnowledgeError(path.name, person.get("name"), field, error["msg"]) from None


def _vacancy(chamber: str, district: str, today: date) -> LegislatorEntry:
    return LegislatorEntry.model_validate(
        {"chamber": chamber, "district": district, "vacant": True, "confirmed": today}
    )


def _party(person: dict[str, Any]) -> str | None:
    current = [p["name"] for p in person.get("party") or [] if not p.get("end_date")]
    return current[-1] if current else None


def _phone(value: object) -> str | None:
    number, _, extension = str(value or "").lower().partition("ext")
    digits = re.sub(r"\D", "", number)
    if len(digits) == 11 and digits.startswith("1"):
        digits = digits[1:]
    if len(digits) != 10:
        return None
    ext = re.sub(r"\D", "", extension)
    return f"{digits[:3]}-{digits[3:6]}-{digits[6:]}" + (f" ext. {ext}" if ext else "")


def _address(value: object) -> str | None:
    text = " ".join(str(value or "").split())
    # Some files hold only "MA" for a district office: no address is better than that.
    return text if re.search(r"\d", text) else None


def _profile(person: dict[str, Any]) -> str | None:
    code = (person.get("extras") or {}).get("member code")
    if code:
        return PROFILE_URL.format(code=code)
    links = [str(link.get("url", "")) for link in person.get("links") or []]
    profiles = [url for url in links if "/Legislators/Profile/" in url]
    return next(iter(profiles or links), None)
