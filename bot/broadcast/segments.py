"""Who receives a broadcast: ``KEY=VALUE`` segments resolved against subscribers and knowledge.

Keys: ``town`` (name or place id), ``senate`` / ``house`` (a district, e.g. "Second
Middlesex"), ``legislator`` (a name: that legislator's district), ``status`` (``ban``: the
town has a ban or moratorium in force, not unverified; ``no-ban``: it has none), ``language``
(a code such as ``en``), ``volunteer`` (``yes``: residents who said they would help organize in
their town; ``no``: the others) and ``all`` (everyone; only on its own). Different keys narrow the
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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

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
BAN_MEASURES = ("ban", "moratorium")


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
        if key == "status" and value.lower() not in ("ban", "no-ban"):
            raise SegmentError(f"status must be ban or no-ban, not {value!r}")
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
        banned = {
            row[0]
            for row in kb.execute(
                "SELECT DISTINCT place_id FROM measures WHERE measure IN (?, ?)"
                " AND status = 'in_force' AND confidence != 'unverified'",
                BAN_MEASURES,
            )
        }
        if value == "ban":
            return banned, set()
        everyone = {row[0] for row in state.execute("SELECT DISTINCT place_id FROM subscribers")}
        return everyone - banned, set()
    if key == "legislator":
        chamber, district = _legislator(kb, value)
    else:
        chamber, district = key, _district(kb, key, value)
    rows = kb.execute(
        "SELECT place_id, whole FROM district_municipalities WHERE chamber = ? AND district = ?",
        (chamber, district),
    ).fetchall()
    return {r[0] for r in rows}, {r[0] for r in rows if not r[1]}


def _town(kb: sqlite3.Connection, value: str) -> str:
    rows = kb.execute(
        "SELECT id FROM places WHERE id = ? OR lower(name) = lower(?)"
        " ORDER BY id = ? DESC, state != 'MA'",
        (value, value, value),
    ).fetchall()
    if not rows:
        raise SegmentError(f"unknown town {value!r}")
    return str(rows[0][0])


def _normalize_district(text: str) -> str:
    words = re.sub(r"\s+", " ", text.strip().lower()).split(" ")
    return " ".join(_ORDINALS.get(w, w) for w in words)


def _district(kb: sqlite3.Connection, chamber: str, value: str) -> str:
    wanted = _normalize_district(value)
    for (district,) in kb.execute(
        "SELECT DISTINCT district FROM district_municipalities WHERE chamber = ?", (chamber,)
    ):
        if _normalize_district(district) == wanted:
            return str(district)
    raise SegmentError(f"unknown {chamber} district {value!r}")


def _legislator(kb: sqlite3.Connection, value: str) -> tuple[str, str]:
    rows = kb.execute(
        "SELECT chamber, district, name FROM legislators WHERE lower(name) = lower(?)", (value,)
    ).fetchall()
    if not rows:
        rows = kb.execute(
            "SELECT chamber, district, name FROM legislators WHERE lower(name) LIKE ?",
            (f"%{value.lower()}%",),
        ).fetchall()
    if not rows:
        raise SegmentError(f"no legislator named {value!r}")
    if len(rows) > 1:
        names = ", ".join(sorted(r[2] for r in rows))
        raise SegmentError(f"{value!r} matches several legislators: {names}")
    return str(rows[0][0]), str(rows[0][1])


def _name(kb: sqlite3.Connection, place_id: str) -> str:
    row = kb.execute("SELECT name FROM places WHERE id = ?", (place_id,)).fetchone()
    return str(row[0]) if row else place_id


def _describe(segments: Sequence[Segment]) -> list[str]:
    by_key: dict[str, list[str]] = defaultdict(list)
    for segment in segments:
        if segment.key != "all":
            by_key[segment.key].append(segment.value)
    return [f"{key} {' or '.join(values)}" for key, values in by_key.items()]
