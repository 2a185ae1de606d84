"""Who represents a place: its state senator(s) and representative(s), from the knowledge DB.

The legislator tables' only SQL: :class:`Directory` and the records it returns.

In a split town every member of each chamber is a candidate until the resident gives a ward and
precinct; each candidate carries the precinct labels its district covers in the town.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass
from datetime import date
from typing import Any

import sqlite_utils

from bot.kb.legislators import precinct_label, seat_key


class UnknownPrecinct(LookupError):
    """The ward and precinct given are not a precinct of the town."""


@dataclass(frozen=True)
class Town:
    place_id: str
    name: str
    county: str
    kind: str


@dataclass(frozen=True)
class Member:
    """A seat and, unless ``vacant``, the member who holds it."""

    chamber: str  # "senate" | "house"
    district: str
    name: str | None
    party: str | None
    email: str | None
    phone: str | None
    room: str | None
    district_office: str | None
    district_phone: str | None
    profile_url: str | None
    vacant: bool
    confirmed: date
    openstates_id: str | None
    wards_precincts: tuple[str, ...] | None = None  # what the district covers in a split town

    @property
    def key(self) -> str:
        """A short stable id of the seat, for callback data."""
        return seat_key(self.chamber, self.district)


@dataclass(frozen=True)
class Lookup:
    """The legislators of a town, or of one precinct of it."""

    town: Town
    senate: tuple[Member, ...]
    house: tuple[Member, ...]
    split: bool  # the town has more than one district in a chamber
    ward: str | None = None
    precinct: str | None = None

    @property
    def narrowed(self) -> bool:
        return self.precinct is not None

    @property
    def members(self) -> tuple[Member, ...]:
        return self.senate + self.house

    @property
    def as_of(self) -> date:
        """The oldest confirmation date among the seats shown."""
        return min(m.confirmed for m in self.members)


class Directory:
    """Read-only queries on the knowledge DB's legislator tables."""

    def __init__(self, db: sqlite3.Connection | sqlite_utils.Database) -> None:
        self.conn: sqlite3.Connection = db.conn if isinstance(db, sqlite_utils.Database) else db

    def town(self, place_id: str) -> Town | None:
        rows = self._rows(
            "SELECT place_id, name, county, kind FROM legislative_towns WHERE place_id = ?",
            place_id,
        )
        return Town(**rows[0]) if rows else None

    def towns(self) -> list[Town]:
        return [Town(**r) for r in self._rows("SELECT * FROM legislative_towns ORDER BY name")]

    def lookup(
        self, place_id: str, ward: str | None = None, precinct: str | None = None
    ) -> Lookup | None:
        """Return the town's legislators, narrowed to one precinct when ``precinct`` is given.

        Returns None for a place that is not a Massachusetts municipality; raises
        :class:`UnknownPrecinct` when the ward and precinct are not one of the town's.
        """
        town = self.town(place_id)
        if town is None:
            return None
        rows = self._rows(
            "SELECT l.*, d.wards_precincts AS covers FROM district_municipalities d"
            " JOIN legislators l ON l.chamber = d.chamber AND l.district = d.district"
            " WHERE d.place_id = ?",
            place_id,
        )
        members = {"senate": [], "house": []}  # type: dict[str, list[Member]]
        for row in rows:
            members[row["chamber"]].append(_member(row))
        for found in members.values():
            found.sort(key=lambda m: _district_order(m.district))
        split = any(len(found) > 1 for found in members.values())
        if precinct is None:
            return Lookup(town, tuple(members["senate"]), tuple(members["house"]), split)
        ward = ward or ""
        homes = self._rows(
            "SELECT house_district, senate_district FROM precincts"
            " WHERE place_id = ? AND ward = ? AND precinct = ?",
            place_id,
            ward,
            precinct,
        )
        if not homes:
            raise UnknownPrecinct(f"{town.name} has no precinct {precinct_label(ward, precinct)}")
        home = homes[0]
        return Lookup(
            town,
            tuple(m for m in members["senate"] if m.district == home["senate_district"]),
            tuple(m for m in members["house"] if m.district == home["house_district"]),
            split,
            ward,
            precinct,
        )

    def wards(self, place_id: str) -> list[str]:
        """Return the town's wards in natural order; empty for a town without wards."""
        rows = self._rows(
            "SELECT DISTINCT ward FROM precincts WHERE place_id = ? AND ward != ''", place_id
        )
        return sorted((r["ward"] for r in rows), key=natural_key)

    def precincts(self, place_id: str, ward: str = "") -> list[str]:
        """Return the precincts of a ward (or of a town without wards) in natural order."""
        rows = self._rows(
            "SELECT precinct FROM precincts WHERE place_id = ? AND ward = ?", place_id, ward
        )
        return sorted((r["precinct"] for r in rows), key=natural_key)

    def member(self, key: str) -> Member | None:
        """Return the seat whose :attr:`Member.key` is ``key``."""
        for row in self._rows("SELECT * FROM legislators"):
            if seat_key(row["chamber"], row["district"]) == key:
                return _member(row)
        return None

    def all_members(self) -> list[Member]:
        return [_member(r) for r in self._rows("SELECT * FROM legislators")]

    def _rows(self, sql: str, *params: Any) -> list[dict[str, Any]]:
        cursor = self.conn.execute(sql, params)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def natural_key(label: str) -> list[tuple[int, int, str]]:
    """Sort "2" before "10" and "6" before "6A"."""
    return [(0, int(t), "") if t.isdigit() else (1, 0, t) for t in re.findall(r"\d+|\D+", label)]


def _district_order(district: str) -> list[tuple[int, int, str]]:
    return natural_key(district)


def _member(row: dict[str, Any]) -> Member:
    covers = row.get("covers")
    return Member(
        chamber=row["chamber"],
        district=row["district"],
        name=row["name"],
        party=row["party"],
        email=row["email"],
        phone=row["phone"],
        room=row["room"],
        district_office=row["district_office"],
        district_phone=row["district_phone"],
        profile_url=row["profile_url"],
        vacant=bool(row["vacant"]),
        confirmed=date.fromisoformat(row["confirmed"]),
        openstates_id=row["openstates_id"],
        wards_precincts=tuple(json.loads(covers)) if covers else None,
    )
