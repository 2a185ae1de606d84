"""Find the place a resident means, or say honestly that we are not sure.

A confident wrong town is the worst answer this bot can give, so the resolver works in tiers and
only the first tiers may answer with confidence:

1. ZIP codes (five digits, ZIP+4, or four digits when the leading zero was dropped). A ZIP that
   covers several municipalities is a question, whatever the land shares say.
2. Exact names and aliases, after normalisation, anywhere in the message, longest first: "North
   Adams" is found before "Adams" can be, "New Bedford" before "Bedford". An alias marked low or
   ambiguous in the knowledge base is a question. A state qualifier after the name ("Lowell, MA",
   "Portland, Maine", "Springfield, IL") narrows to that state; a qualifier for another state never
   falls back to the Massachusetts town.
3. Fuzzy matching of what is left once the filler words are gone ("is it banned in", "I live in"),
   with a cutoff for a confident match, a lower one for a question, and a margin between the two
   best places (see the constants below).

Names that are ordinary words ("Reading", "Orange", "Hull") count inside a sentence only after a
place word ("in", "from", ...), so "I'm reading about bans" is not a question about Reading.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from rapidfuzz import fuzz, process

from bot.core.normalize import canonical, compact, fold
from bot.kb.models import Alias, Place, ZipArea

# Thresholds are rapidfuzz ``fuzz.ratio`` scores (normalised Indel similarity, 0-100) over the
# canonical key, and over the same key without spaces. They were chosen on the development table
# in tests/data/resolver_eval.yaml: the one-letter typos residents make in names of 6+ letters
# score 90-96 ("sommerville" 95, "worchester" 95, "springfeild" 91), while the nearest *other*
# municipality to a correct name scores at most 89 (e.g. "medfield"/"medford" 80,
# "weston"/"easton" 83, "holden"/"holland" 77). 90 with a margin of 6 therefore keeps every
# real-name pair apart, and 80 is where a wrong-but-close place still deserves a question.
MATCH_SCORE = 90.0
ASK_SCORE = 80.0
MARGIN = 6.0
# Below five letters one typo is a large fraction of the word; such fragments are only asked about.
MIN_FUZZY_LENGTH = 5
MAX_CANDIDATES = 5
MAX_SPAN_WORDS = 4

STRONG_CONFIDENCE = frozenset({"high", "medium"})

STATE_NAMES = {
    "alabama": "AL", "alaska": "AK", "arizona": "AZ", "arkansas": "AR", "california": "CA",
    "colorado": "CO", "connecticut": "CT", "delaware": "DE", "florida": "FL", "georgia": "GA",
    "hawaii": "HI", "idaho": "ID", "illinois": "IL", "indiana": "IN", "iowa": "IA",
    "kansas": "KS", "kentucky": "KY", "louisiana": "LA", "maine": "ME", "maryland": "MD",
    "massachusetts": "MA", "mass": "MA", "michigan": "MI", "minnesota": "MN",
    "mississippi": "MS", "missouri": "MO", "montana": "MT", "nebraska": "NE", "nevada": "NV",
    "new hampshire": "NH", "new jersey": "NJ", "new mexico": "NM", "new york": "NY",
    "north carolina": "NC", "north dakota": "ND", "ohio": "OH", "oklahoma": "OK",
    "oregon": "OR", "pennsylvania": "PA", "rhode island": "RI", "south carolina": "SC",
    "south dakota": "SD", "tennessee": "TN", "texas": "TX", "utah": "UT", "vermont": "VT",
    "virginia": "VA", "washington": "WA", "west virginia": "WV", "wisconsin": "WI",
    "wyoming": "WY", "calif": "CA", "penn": "PA", "wash": "WA", "wisc": "WI", "minn": "MN",
    "conn": "CT", "dc": "DC", "d c": "DC",
}  # fmt: skip
STATE_CODES = frozenset(
    {code.lower() for code in STATE_NAMES.values()}
    | {"ak", "al", "ar", "az", "ga", "hi", "ia", "id", "ks", "ky", "la", "md", "mi", "mo", "ne"}
)
# Qualifiers that mean "not in the United States": never a Massachusetts town.
FOREIGN = frozenset(
    "uk england britain scotland wales ireland canada ontario quebec australia france germany "
    "spain portugal brazil mexico india china japan italy netherlands jamaica".split()
)

# Words that carry no place: greetings, the question itself, the topic, "I live in".
FILLER = frozenset(
    """
    a about after all also am an and any anything are area around as at be been before but by
    can check city code community could currently did do does dont for from get got has have
    hello help hey hi how i id if im in info information is isnt it its just know let like live
    lived lives living located look looking me moved my near neighborhood new_here now of on or
    our please postal question regarding resident right s still stay staying tell thank thanks
    that the their there theres this to town township us use used using village want wanted was
    we were what whats where which who will with would yes yet you your zip zipcode
    ban bans banned banning ban's allowed allow legal illegal law laws ordinance bylaw rule rules
    face faces facial recognition surveillance surveil tech technology software camera cameras
    police government gov status measure measures policy policies moratorium
    massachusetts mass ma usa america state commonwealth county
    ok okay yeah yep nope no not sure hmm lol thx ty pls plz
    """.split()
)
# Words that point at a place: after one of them an ordinary-word name counts as a place.
CUES = frozenset("in from at near of about for around outside inside".split())
# Municipality names that are ordinary English words, or names of other states and countries.
COMMON_WORD_NAMES = frozenset(
    """
    reading orange hull ware florida washington wales holland canton franklin dover essex
    chester hancock lincoln clinton warren monroe peru savoy hudson douglas carver sharon
    heath gill avon lee otis rowe athol berlin concord lexington harvard milton mansfield
    sutton grafton plainfield boxford bolton dalton hanover hampden sandwich falmouth
    middlefield newbury salem manchester bristol princeton charlton russell granby becket
    """.split()
)
# Bare names that are also a US state or a country: confirm before answering.
WORLD_NAMES = frozenset({"florida", "washington", "peru", "wales", "holland", "berlin"})

_ZIP = re.compile(r"(?<!\d)(\d{5})(?:-\d{4})?(?!\d)")
_SHORT_ZIP = re.compile(r"(?<!\d)(\d{4})(?:-\d{4})?(?!\d)")


class Outcome(StrEnum):
    MATCH = "match"
    AMBIGUOUS = "ambiguous"
    NONE = "none"


@dataclass(frozen=True)
class Resolution:
    """What the resolver concluded, and why (``reason`` is for logs and tests, not people)."""

    outcome: Outcome
    place: Place | None = None
    candidates: tuple[Place, ...] = ()
    reason: str = ""


@dataclass(frozen=True)
class _Entry:
    place_id: str
    strong: bool  # a name, or an alias of high/medium confidence
    others: tuple[str, ...] = ()  # other places a weak alias may mean


@dataclass
class _Hit:
    start: int
    end: int
    place_ids: list[str]
    kind: str  # "strong" | "weak" (alias to ask about) | "word" (ordinary-word name, no cue)
    words: tuple[str, ...]


class Resolver:
    """Resolve free text to a place. Build once; :meth:`resolve` is pure and fast."""

    def __init__(
        self, places: Iterable[Place], aliases: Iterable[Alias], zips: Iterable[ZipArea]
    ) -> None:
        self.places = {place.id: place for place in places}
        self._exact: dict[str, list[_Entry]] = defaultdict(list)
        self._compact: dict[str, list[_Entry]] = defaultdict(list)
        for place in self.places.values():
            if place.kind == "state" and place.state == "MA":
                continue  # the Commonwealth is context for every answer, not a place to pick
            self._add(place.name, _Entry(place.id, True))
            if place.kind == "county" and place.name.lower().endswith(" county"):
                self._add(place.name[: -len(" county")] + " county", _Entry(place.id, True))
        for alias in aliases:
            if alias.place_id not in self.places:
                continue
            strong = alias.confidence in STRONG_CONFIDENCE
            self._add(alias.alias, _Entry(alias.place_id, strong, tuple(alias.other_place_ids)))
        self._zips: dict[str, list[ZipArea]] = defaultdict(list)
        for area in zips:
            if area.place_id in self.places:
                self._zips[area.zip].append(area)
        for areas in self._zips.values():
            areas.sort(key=lambda a: (not a.primary, -(a.land_share or 0.0)))
        self._keys = list(self._exact)
        self._key_places = [self._entry_places(self._exact[key]) for key in self._keys]
        self._compact_keys = [compact(key) for key in self._keys]

    def _add(self, name: str, entry: _Entry) -> None:
        key = canonical(fold(name).split())
        if key and entry not in self._exact[key]:
            self._exact[key].append(entry)
        ckey = compact(key)
        if ckey and entry not in self._compact[ckey]:
            self._compact[ckey].append(entry)

    def _entry_places(self, entries: Sequence[_Entry]) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for entry in entries:
            seen[entry.place_id] = None
        return tuple(seen)

    @classmethod
    def from_store(cls, store: object) -> Resolver:
        """Build from a :class:`bot.kb.store.KnowledgeStore`."""
        return cls(store.places(), store.aliases(), store.zips())  # type: ignore[attr-defined]

    @classmethod
    def from_knowledge(
        cls, knowledge_dir: Path | None = None, db_path: Path | None = None
    ) -> Resolver:
        """Build from the project's knowledge files (building the database when needed)."""
        from bot.config import Settings
        from bot.kb.store import KnowledgeStore

        settings = Settings.from_env(dotenv=False)
        store = KnowledgeStore.open(
            knowledge_dir or settings.knowledge_dir, db_path or settings.knowledge_db_path
        )
        try:
            return cls.from_store(store)
        finally:
            store.close()

    # -- resolution -----------------------------------------------------------------------

    def resolve(self, text: str) -> Resolution:
        """Resolve one message."""
        text = text[:500]  # a place name is short; a 4,000-character paste is not a town
        by_zip = self._resolve_zip(text)
        words = fold(text).split()
        if not words:
            return by_zip or Resolution(Outcome.NONE, reason="empty")
        hits, consumed, foreign = self._exact_hits(words)
        if by_zip is not None:
            return self._combine_zip(by_zip, hits)
        if hits:
            return self._from_hits(hits, words)
        if foreign:
            return Resolution(Outcome.NONE, reason="qualified-elsewhere")
        return self._fuzzy(words, consumed)

    # ZIP codes ---------------------------------------------------------------------------

    def _resolve_zip(self, text: str) -> Resolution | None:
        codes = _ZIP.findall(text)
        if not codes:
            # A dropped leading zero ("2139") only counts when the message is little more than it.
            short = _SHORT_ZIP.findall(text)
            rest = fold(_SHORT_ZIP.sub(" ", text)).split()
            if short and all(word in FILLER for word in rest):
                codes = ["0" + code for code in short]
        if not codes:
            return None
        places: list[Place] = []
        for code in dict.fromkeys(codes):
            for area in self._zips.get(code, []):
                place = self.places[area.place_id]
                if place not in places:
                    places.append(place)
        if not places:
            return Resolution(Outcome.NONE, reason="unknown-zip")
        if len(places) == 1:
            return Resolution(Outcome.MATCH, places[0], (places[0],), reason="zip")
        return Resolution(
            Outcome.AMBIGUOUS, None, tuple(places[:MAX_CANDIDATES]), reason="zip-several-towns"
        )

    def _combine_zip(self, by_zip: Resolution, hits: list[_Hit]) -> Resolution:
        named = {pid for hit in hits if hit.kind != "word" for pid in hit.place_ids}
        if by_zip.outcome is Outcome.NONE:
            return by_zip
        in_zip = [place for place in by_zip.candidates if place.id in named]
        if len(in_zip) == 1:
            return Resolution(Outcome.MATCH, in_zip[0], (in_zip[0],), reason="zip+name")
        if by_zip.place is not None and named and by_zip.place.id not in named:
            both = (by_zip.place, *(self.places[pid] for pid in sorted(named)))
            return Resolution(Outcome.AMBIGUOUS, None, both[:MAX_CANDIDATES], "zip-vs-name")
        return by_zip

    # Exact names and aliases -------------------------------------------------------------

    def _exact_hits(self, words: list[str]) -> tuple[list[_Hit], set[int], bool]:
        """Find names anywhere in the words, longest first; apply state qualifiers."""
        hits: list[_Hit] = []
        consumed: set[int] = set()
        foreign = False
        n = len(words)
        for length in range(min(MAX_SPAN_WORDS, n), 0, -1):
            for start in range(0, n - length + 1):
                end = start + length
                if any(i in consumed for i in range(start, end)):
                    continue
                span = words[start:end]
                key = canonical(span)
                entries = self._exact.get(key) or (
                    self._compact.get(compact(key)) if length > 1 else None
                )
                if not entries:
                    continue
                state, qualifier_len = _qualifier(words, end)
                place_ids = list(self._entry_places(entries))
                weak = any(not entry.strong for entry in entries)
                kind = "weak" if weak else "strong"
                if length == 1 and state is None and not self._counts_as_place(words, start):
                    kind = "word"
                if weak:
                    for entry in entries:
                        place_ids.extend(p for p in entry.others if p in self.places)
                    place_ids = list(dict.fromkeys(place_ids))
                if state is not None:
                    place_ids = [p for p in place_ids if self.places[p].state == state]
                    consumed.update(range(end, end + qualifier_len))
                    if not place_ids:
                        consumed.update(range(start, end))
                        foreign = True
                        continue
                consumed.update(range(start, end))
                hits.append(_Hit(start, end, place_ids, kind, tuple(span)))
        return hits, consumed, foreign

    def _counts_as_place(self, words: list[str], start: int) -> bool:
        """An ordinary-word name counts alone, after a cue ("in Reading"), or leading a question"""
        word = words[start]
        if word not in COMMON_WORD_NAMES or len(words) == 1:
            return True
        if start > 0 and words[start - 1] in CUES:
            return True
        return start == 0 and all(w in FILLER for w in words[1:])

    def _from_hits(self, hits: list[_Hit], words: list[str]) -> Resolution:
        named = [hit for hit in hits if hit.kind != "word"] or hits
        place_ids = list(dict.fromkeys(pid for hit in named for pid in hit.place_ids))
        places = [self.places[pid] for pid in place_ids]
        if len(places) == 1 and all(hit.kind == "strong" for hit in named):
            place = places[0]
            if len(words) == 1 and words[0] in WORLD_NAMES:
                return Resolution(Outcome.AMBIGUOUS, None, (place,), reason="world-name")
            if place.state != "MA":
                near = self._near_massachusetts(named[0].words)
                if near:
                    return Resolution(
                        Outcome.AMBIGUOUS, None, (place, *near), reason="elsewhere-or-near-ma"
                    )
            return Resolution(Outcome.MATCH, place, (place,), reason="exact")
        kinds = {hit.kind for hit in named}
        reason = "weak-alias" if "weak" in kinds else "word" if "word" in kinds else "several"
        # Massachusetts first: the bot's residents are here.
        places.sort(key=lambda p: p.state != "MA")
        return Resolution(Outcome.AMBIGUOUS, None, tuple(places[:MAX_CANDIDATES]), reason)

    def _near_massachusetts(self, words: tuple[str, ...]) -> tuple[Place, ...]:
        key = canonical(words)
        found = process.extract(
            key, self._keys, scorer=fuzz.ratio, score_cutoff=MATCH_SCORE, limit=MAX_CANDIDATES
        )
        near: list[Place] = []
        for _, _, index in found:
            for pid in self._key_places[index]:
                place = self.places[pid]
                if place.state == "MA" and place not in near:
                    near.append(place)
        return tuple(near)

    # Fuzzy -------------------------------------------------------------------------------

    def _fuzzy(self, words: list[str], consumed: set[int]) -> Resolution:
        scores: dict[str, tuple[float, bool]] = {}  # place id -> (best score, via weak alias)
        for run in _content_runs(words, consumed):
            for length in range(min(MAX_SPAN_WORDS, len(run)), 0, -1):
                for start in range(0, len(run) - length + 1):
                    key = canonical(run[start : start + length])
                    if len(compact(key)) >= MIN_FUZZY_LENGTH:
                        self._score_span(key, scores)
        if not scores:
            return Resolution(Outcome.NONE, reason="no-place-words")
        ranked = sorted(scores.items(), key=lambda item: -item[1][0])
        best_id, (best, weak) = ranked[0]
        second = ranked[1][1][0] if len(ranked) > 1 else 0.0
        if best >= MATCH_SCORE and best - second >= MARGIN and not weak:
            place = self.places[best_id]
            return Resolution(Outcome.MATCH, place, (place,), reason="fuzzy")
        floor = max(ASK_SCORE, best - MARGIN)
        close = [self.places[pid] for pid, (score, _) in ranked if score >= floor]
        return Resolution(
            Outcome.AMBIGUOUS, None, tuple(close[:MAX_CANDIDATES]), reason="fuzzy-close"
        )

    def _score_span(self, key: str, scores: dict[str, tuple[float, bool]]) -> None:
        for query, choices in ((key, self._keys), (compact(key), self._compact_keys)):
            found = process.extract(
                query, choices, scorer=fuzz.ratio, score_cutoff=ASK_SCORE, limit=8
            )
            for _, score, index in found:
                entries = self._exact[self._keys[index]]
                for pid in self._key_places[index]:
                    weak = any(e.place_id == pid and not e.strong for e in entries)
                    if score > scores.get(pid, (0.0, False))[0]:
                        scores[pid] = (score, weak)


def _qualifier(words: list[str], at: int) -> tuple[str | None, int]:
    """Return the state a qualifier at ``words[at:]`` names, and how many words it takes."""
    for length in (2, 1):
        chunk = " ".join(words[at : at + length])
        if len(chunk.split()) != length:
            continue
        if chunk in STATE_NAMES:
            return STATE_NAMES[chunk], length
        if length == 1 and chunk in STATE_CODES:
            return chunk.upper(), 1
        if length == 1 and chunk in FOREIGN:
            return "XX", 1
    return None, 0


def _content_runs(words: list[str], consumed: set[int]) -> list[list[str]]:
    runs: list[list[str]] = []
    current: list[str] = []
    for index, word in enumerate(words):
        if index in consumed or word in FILLER or word.isdigit():
            if current:
                runs.append(current)
            current = []
        else:
            current.append(word)
    if current:
        runs.append(current)
    return runs
