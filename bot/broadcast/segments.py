"""Who receives a broadcast: ``KEY=VALUE`` segments resolved against subscribers and knowledge.

Keys: ``town`` (name or place id), ``senate`` / ``house`` (a district, e.g. "Second
Middlesex"), ``legislator`` (a name: that legislator's district), ``status`` (where the town
stands, as the answers say it, from :mod:`bot.kb.standing`: ``ban``, ``moratorium``, ``limited``
or ``oversight`` in force; ``no-ban``: no ban or moratorium in force), ``language`` (a code such
as ``en``), ``volunteer`` (``yes``: residents who said they would help organize in their town;
``no``: the others) and ``all`` (everyone; only on its own). Different keys narrow the
audience (AND); the same key repeated widens it (OR): ``town=Somerville town=Cambridge
status=ban``.

We store a subscriber's town, not their precinct, so a district segment reaches every
subscriber whose town touches the district, including parts of split towns that lie in another
district: :attr:`Audience.split_towns` names them and the preview says so.
"""

from __future__ import annotations

import re
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from bot.kb import measures, queries
from bot.kb.standing import KINDS
from bot.storage.broadcasts import shown

KEYS = ("town", "senate", "house", "legislator", "status", "language", "volunteer", "all")
# Ordinals as people type them; districts are written out in the knowledge ("Second Middlesex").
_ORDINALS = {
    "1st": "first",
    "2nd": "second",
    "3rd": "third",
    "4th": "fourth",
    "5th": "fifth",
    "6th": "sixth",
    "7th": "seventh",
    "8th": "eighth",
    "9th": "ninth",
    "10th": "tenth",
    "11th": "eleventh",
    "12th": "twelfth",
    "13th": "thirteenth",
    "14th": "fourteenth",
    "15th": "fifteenth",
    "16th": "sixteenth",
    "17th": "seventeenth",
    "18th": "eighteenth",
    "19th": "nineteenth",
}
STATUSES = ("ban", "moratorium", "limited", "oversight", "no-ban")


class SegmentError(ValueError):
    """A segment does not parse or names nothing we know."""


@dataclass(frozen=True)
class Segment:
    """One ``KEY=VALUE`` condition."""

    key: str
    value: str

    def __str__(self) -> str:
        return self.key if self.key == "all" else f"{self.key}={self.value}"


@dataclass(frozen=True)
class Audience:
    """The chat ids a broadcast goes to, and what an organizer should know about them."""

    chat_ids: tuple[int, ...]
    segments: tuple[Segment, ...]
    split_towns: tuple[str, ...] = ()  # names of split towns reached by a district segment
    by_place: dict[str, int] = field(default_factory=dict)

    def preview(self) -> str:
        """Describe the audience for the organizer before they confirm (plain text)."""
        what = " and ".join(_describe(self.segments)) or "everyone"
        lines = [f"{len(self.chat_ids)} subscriber(s): {what}."]
        if self.split_towns:
            towns = ", ".join(self.split_towns)
            lines.append(
                f"Split between districts: {towns}. We store towns, not precincts, so every "
                "subscriber in these towns is included, also those living in another district."
            )
        return "\n".join(lines)


def parse(items: Iterable[str]) -> tuple[Segment, ...]:
    """Parse ``KEY=VALUE`` strings (``all`` alone); raise SegmentError naming the bad one."""
    segments = []
    for item in items:
        key, sep, value = item.partition("=")
        key, value = key.strip().lower(), value.strip()
        if key == "all" and not value:
            segments.append(Segment("all", ""))
            continue
        if key not in KEYS or key == "all":
            raise SegmentError(f"unknown segment {item!r}; keys: {', '.join(KEYS)}")
        if not sep or not value:
            raise SegmentError(f"segment {item!r} needs a value: {key}=...")
        if key == "status" and value.lower() not in STATUSES:
            raise SegmentError(f"status must be one of {', '.join(STATUSES)}, not {value!r}")
        if key == "volunteer" and value.lower() not in ("yes", "no"):
            raise SegmentError(f"volunteer must be yes or no, not {value!r}")
        lowered = key in ("status", "language", "volunteer")
        segments.append(Segment(key, value.lower() if lowered else value))
    if not segments:
        raise SegmentError("say who receives it: a segment such as town=Somerville, or all")
    if any(s.key == "all" for s in segments) and len(segments) > 1:
        raise SegmentError("all cannot be combined with other segments")
    return tuple(dict.fromkeys(segments))


def resolve(
    state: sqlite3.Connection,
    kb: sqlite3.Connection | None,
    segments: Sequence[Segment],
) -> Audience:
    """Compute the audience from the subscribers (state DB) and the knowledge DB."""
    by_key: dict[str, list[str]] = defaultdict(list)
    for segment in segments:
        by_key[segment.key].append(segment.value)
    places: set[str] | None = None  # None: no place condition
    split: set[str] = set()
    for key in ("town", "senate", "house", "legislator", "status"):
        if key not in by_key:
            continue
        if kb is None:
            raise SegmentError(f"{key}= needs the knowledge database")
        allowed: set[str] = set()
        for value in by_key[key]:
            found, split_here = _places(state, kb, key, value)
            allowed |= found
            split |= split_here
        places = allowed if places is None else places & allowed
    sql = "SELECT chat_id, place_id FROM subscribers"
    where: list[str] = []
    params: list[str | int] = []
    if "language" in by_key:
        marks = ",".join("?" * len(by_key["language"]))
        where.append(f"lower(language) IN ({marks})")
        params.extend(by_key["language"])
    if "volunteer" in by_key:
        marks = ",".join("?" * len(by_key["volunteer"]))
        where.append(f"volunteer IN ({marks})")
        params.extend(int(value == "yes") for value in by_key["volunteer"])
    if where:
        sql += " WHERE " + " AND ".join(where)
    rows = state.execute(sql + " ORDER BY chat_id", params).fetchall()
    chosen = [(c, p) for c, p in rows if places is None or p in places]
    counts: dict[str, int] = defaultdict(int)
    for _, place_id in chosen:
        counts[place_id] += 1
    reached_split = sorted(_name(kb, p) for p in split if p in counts) if kb else []
    return Audience(
        chat_ids=tuple(c for c, _ in chosen),
        segments=tuple(segments),
        split_towns=tuple(reached_split),
        by_place=dict(counts),
    )


def _places(
    state: sqlite3.Connection, kb: sqlite3.Connection, key: str, value: str
) -> tuple[set[str], set[str]]:
    """Return the place ids a segment allows and those of them split by a district line."""
    if key == "town":
        return {_town(kb, value)}, set()
    if key == "status":
        standings = measures.standings(kb)
        if value == "no-ban":
            protected = {p for p, s in standings.items() if s.prohibits}
            everyone = {
                row[0] for row in state.execute("SELECT DISTINCT place_id FROM subscribers")
            }
            return everyone - protected, set()
        return {p for p, s in standings.items() if s.in_force and s.kind == value}, set()
    if key == "legislator":
        chamber, district = _legislator(kb, value)
    else:
        chamber, district = key, _district(kb, key, value)
    covered = queries.district_places(kb, chamber, district)
    return {p for p, _ in covered}, {p for p, whole in covered if not whole}


def _town(kb: sqlite3.Connection, value: str) -> str:
    found = queries.find_place(kb, value)
    if found is None:
        raise SegmentError(f"unknown town {value!r}")
    return found


def _normalize_district(text: str) -> str:
    words = re.sub(r"\s+", " ", text.strip().lower()).split(" ")
    return " ".join(_ORDINALS.get(w, w) for w in words)


def _district(kb: sqlite3.Connection, chamber: str, value: str) -> str:
    wanted = _normalize_district(value)
    for district in queries.districts(kb, chamber):
        if _normalize_district(district) == wanted:
            return district
    raise SegmentError(f"unknown {chamber} district {value!r}")


def _legislator(kb: sqlite3.Connection, value: str) -> tuple[str, str]:
    rows = queries.legislator_seats(kb, value)
    if not rows:
        raise SegmentError(f"no legislator named {value!r}")
    if len(rows) > 1:
        names = ", ".join(sorted(r[2] for r in rows))
        raise SegmentError(f"{value!r} matches several legislators: {names}")
    return rows[0][0], rows[0][1]


def _name(kb: sqlite3.Connection, place_id: str) -> str:
    return queries.place_name(kb, place_id) or place_id


def by_status(by_place: Mapping[str, int], kb: sqlite3.Connection) -> dict[str, int]:
    """Subscribers by where their town stands, as the answers say it: ban, moratorium, ...

    A town whose measure is no longer in force, or that has none, counts as "none".
    """
    standings = measures.standings(kb)
    counts: dict[str, int] = dict.fromkeys(KINDS, 0)
    for place_id, n in by_place.items():
        standing = standings.get(place_id)
        counts[standing.label if standing else "none"] += n
    return counts


def format_by_status(counts: Mapping[str, int]) -> str:
    """The counts of :func:`by_status` for ``python -m bot stats``, small ones hidden."""
    lines = ["Subscribers by where their town stands:"]
    lines += [f"  {kind}: {shown(n)}" for kind, n in counts.items()]
    return "\n".join(lines)


def _describe(segments: Sequence[Segment]) -> list[str]:
    by_key: dict[str, list[str]] = defaultdict(list)
    for segment in segments:
        if segment.key != "all":
            by_key[segment.key].append(segment.value)
    return [f"{key} {' or '.join(values)}" for key, values in by_key.items()]
