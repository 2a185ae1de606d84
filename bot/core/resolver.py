"""Find the place a resident means, or say honestly that we are not sure.

A confident wrong town is the worst answer this bot can give, so the resolver works in tiers and
only evidence that leaves one place standing answers with confidence:

1. ZIP codes (five digits, ZIP+4, or four digits when the leading zero was dropped). A ZIP that
   covers several municipalities is a question, whatever the land shares say.
2. A state qualifier at the end ("Lowell, MA", "Portland, Maine", "Springfield, IL") narrows every
   later tier to that state; a qualifier for another state or country never falls back to the
   Massachusetts town.
3. Exact names, official styles ("Town of Amherst") and aliases, after normalisation, anywhere in
   the message, longest first: "North Adams" is found before "Adams" can be. An alias marked low
   or ambiguous is a question; so is a place the message is only *near* ("north of Boston") or a
   name made of generic words ("West Side"). A county ("Essex County") or an institution
   ("Dartmouth College") is not where someone lives.
4. Typos, by edit distance (optimal string alignment: a swap of two letters is one edit) over what
   is left once the filler words are gone ("is it banned in", "I live in"). See the constants.

Names that are ordinary words ("Reading", "Orange", "Sharon") count inside a sentence only after a
place word ("in", "from", ...): "I was reading about bans" asks rather than answers for Reading.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from bot.core.normalize import canonical, compact, fold
from bot.core.typos import TypoIndex, slip
from bot.kb.models import Alias, Place, ZipArea

# Edits allowed for a typo, by the length of what was typed (letters, no spaces). Chosen on
# tests/data/resolver_eval.yaml: its single-typo queries of 4-7 letters are all one edit from
# their town and its two-typo queries are all 8+ letters ("tewksbery", "provincetwon"); a third
# edit, or a second one below 8 letters, reached other towns and words ("madison" -> Marion,
# "chapter" -> Chester) more often than the intended town. A match also needs the best place to
# be the only one at that distance (Needham/Dedham for "nedham" is a question).
SHORT_WORD = 5  # up to this length one edit must look like a slip of the finger (typos.slip)
LONG_WORD = 8  # from this length two edits are a typo, not another word
MIN_FUZZY_LENGTH = 4  # "hul", "lyn": too little to guess from
MAX_CANDIDATES = 5
MAX_SPAN_WORDS = 4
# The typo index stores every name with up to two letters deleted while the knowledge is small
# (1,250 names: 70,000 variants); past this many names it stores one deletion, which still finds
# every one-edit typo and the two-edit ones that do not remove two letters of the name.
FULL_INDEX_MAX_NAMES = 5_000

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
    "wyoming": "WY", "calif": "CA", "penn": "PA", "wisc": "WI", "minn": "MN", "conn": "CT",
}  # fmt: skip
# Two-letter codes count only as the last word after a name ("portland or"), never after a
# filler word or inside a sentence, where "or", "me", "in", "hi" are English.
STATE_CODES = frozenset(
    "al ak az ar ca co ct de dc fl ga hi id il in ia ks ky la me md ma mi mn ms mo mt ne nv nh "
    "nj nm ny nc nd oh ok or pa ri sc sd tn tx ut vt va wa wv wi wy".split()
)
# Qualifiers that mean "not in the United States".
FOREIGN = frozenset(
    "uk england britain scotland wales ireland canada ontario quebec australia france germany "
    "spain portugal brazil mexico india china japan italy netherlands jamaica haiti europe".split()
)
OUTSIDE = "XX"  # the "state" of a foreign qualifier: no place matches it

# Words that carry no place: greetings, the question itself, the topic, "I live in".
FILLER = frozenset(
    """
    a about after all also am an and any anything are area around as at be been before but by
    can check city code community could currently did do does dont for from get got has have
    hello help hey hi how i id if im in info information is isnt it its just know let like live
    lived lives living located look looking me moved my near neighborhood now of on or our
    please postal question regarding resident right still stay staying tell thank thanks that
    the their there theres this to town township us use used using village want wanted was we
    were what whats where which who will with would yes yet you your zip zipcode
    ban bans banned banning allowed allow legal illegal law laws ordinance bylaw rule rules
    face faces facial recognition surveillance surveil tech technology software camera cameras
    police government gov status measure measures policy policies moratorium
    massachusetts mass ma usa america state commonwealth
    ok okay yeah yep nope no not sure hmm lol thx ty pls plz
    """.split()
)
# Words that point at a place: after one of them an ordinary-word name counts as a place.
# Not "at": "a student at Harvard" names a university, not the town of Harvard.
CUES = frozenset("in from of about for to into".split())
# Well-known places outside Massachusetts within two edits of a Massachusetts name
# ("Brooklyn" and Brookline): never read as a typo.
ELSEWHERE = frozenset(
    "brooklyn manhattan bronx nyc chicago seattle providence hartford nashua albany".split()
)
# Words that say the resident is somewhere else than the place named: ask, don't answer.
NEAR = frozenset("near outside around by nearby close beside".split())
DIRECTIONS = frozenset({"north", "south", "east", "west"})
# A name followed by one of these is an institution, not where someone lives.
INSTITUTIONS = frozenset("college university univ school hospital airport mall station".split())
COUNTY_WORDS = frozenset({"county", "cty", "co"})
# Regions: several municipalities, never one.
REGIONS = frozenset(
    {
        "berkshires", "the berkshires", "cape cod", "the cape", "south shore", "north shore",
        "metrowest", "metro west", "pioneer valley", "western mass", "western massachusetts",
        "central mass", "central massachusetts", "merrimack valley", "greater boston",
        "the islands", "south coast", "north of boston",
    }
)  # fmt: skip
# Words that make up place names everywhere ("West Side", "North End", "Center"): a name made
# only of them could be anywhere, so it is asked about, and never guessed from a typo.
GENERIC_WORDS = frozenset(
    """
    north south east west new old great little upper lower center centre central village
    falls port field ville hill hills side end beach river lake pond mount mountain downtown
    uptown midtown square corner corners highlands heights plain plains park harbor island
    """.split()
)
# Municipality names that are also ordinary words or first names.
COMMON_WORD_NAMES = frozenset(
    """
    reading orange hull ware florida washington wales holland canton franklin dover essex
    chester hancock lincoln clinton warren monroe peru savoy hudson douglas carver sharon heath
    gill lee otis rowe berlin concord lexington harvard milton mansfield sutton grafton
    sandwich salem manchester bristol plymouth chatham oxford leicester winchester milford
    sterling stow shirley beverly dennis marion norfolk russell granby hamilton dudley holden
    princeton windsor amherst wellesley brewster
    """.split()
)

_ZIP = re.compile(r"(?<!\d)(\d{5})(?:-\d{4})?(?!\d)")
_SHORT_ZIP = re.compile(r"(?<!\d)(\d{4})(?:-\d{4})?(?!\d)")
# Massachusetts ZIP codes: 010-027, and Andover's IRS ZIPs 05501 and 05544.
_MA_ZIP_PREFIXES = (*(f"{n:03d}" for n in range(10, 28)), "055")
_ZIP_WORDS = FILLER | {"zip", "zipcode", "postal", "code"}


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
    place_ids: list[str]
    kind: str  # "strong" | "weak" (ask) | "word" (ordinary-word name without a cue: ask)
    words: tuple[str, ...]
    qualified: bool = False


class Resolver:
    """Resolve free text to a place. Build once; :meth:`resolve` is pure."""

    def __init__(
        self, places: Iterable[Place], aliases: Iterable[Alias], zips: Iterable[ZipArea]
    ) -> None:
        self.places = {place.id: place for place in places}
        self._exact: dict[str, list[_Entry]] = defaultdict(list)
        for place in self.places.values():
            if place.kind == "state" and place.state == "MA":
                continue  # the Commonwealth is the context of every answer, not a place to pick
            self._add(place.name, _Entry(place.id, True))
            if place.official_style:
                self._add(place.official_style, _Entry(place.id, True))
        for alias in aliases:
            if alias.place_id in self.places:
                strong = alias.confidence in STRONG_CONFIDENCE
                others = tuple(p for p in alias.other_place_ids if p in self.places)
                self._add(alias.alias, _Entry(alias.place_id, strong, others))
        # "Barrington" for Great Barrington: the rest of a name after its generic first words.
        # Asked about, never answered, and only when no place has that name itself.
        self._tails: dict[str, list[str]] = defaultdict(list)
        for key, entries in self._exact.items():
            words = key.split()
            if len(words) > 1 and words[0] in GENERIC_WORDS:
                tail = " ".join(w for w in words if w not in GENERIC_WORDS)
                if tail and tail != key:
                    self._tails[tail].extend(e.place_id for e in entries if e.strong)
        self._compact_exact: dict[str, str] = {}
        for key in self._exact:
            self._compact_exact.setdefault(compact(key), key)
        self._keys = list(self._exact)
        self._compact_keys = [compact(key) for key in self._keys]
        depth = 2 if len(self._keys) <= FULL_INDEX_MAX_NAMES else 1
        self._typos = TypoIndex(self._compact_keys, depth)
        self._zips: dict[str, list[ZipArea]] = defaultdict(list)
        for area in zips:
            if area.place_id in self.places:
                self._zips[area.zip].append(area)
        for areas in self._zips.values():
            areas.sort(key=lambda a: (not a.primary, -(a.land_share or 0.0)))

    def _add(self, name: str, entry: _Entry) -> None:
        key = canonical(fold(name).split())
        if key and entry not in self._exact[key]:
            self._exact[key].append(entry)

    @classmethod
    def from_store(cls, store: Any) -> Resolver:
        """Build from a :class:`bot.kb.store.KnowledgeStore`."""
        return cls(store.places(), store.aliases(), store.zips())

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
        text = text[:500]  # a place is named early; a 4,000-character paste is not a town
        words = fold(text).split()
        by_zip = self._resolve_zip(text, words)
        words, state = self._strip_qualifier(words)
        if " ".join(w for w in words if w not in FILLER) in REGIONS:
            return Resolution(Outcome.NONE, reason="region")
        hits, consumed, excluded = self._exact_hits(words, state)
        if by_zip is not None:
            return self._combine_zip(by_zip, hits)
        if hits:
            return self._from_hits(hits)
        if state == OUTSIDE or (excluded and state != "MA") or ELSEWHERE.intersection(words):
            return Resolution(Outcome.NONE, reason="elsewhere")
        return self._fuzzy(words, consumed, state)

    def _allowed(self, place_id: str, state: str | None) -> bool:
        return state is None or self.places[place_id].state == state

    # ZIP codes ---------------------------------------------------------------------------

    def _resolve_zip(self, text: str, words: list[str]) -> Resolution | None:
        codes = _ZIP.findall(text)
        if not codes and all(w in _ZIP_WORDS or w.isdigit() for w in words):
            # A dropped leading zero ("2139"), only when the message is little more than it,
            # and not a year ("2020") unless it says ZIP.
            said_zip = any(w in {"zip", "zipcode", "postal"} for w in words)
            codes = [
                "0" + code
                for code in _SHORT_ZIP.findall(text)
                if said_zip or not 1900 <= int(code) <= 2099
            ]
        if not codes:
            return None
        places: list[Place] = []
        for code in dict.fromkeys(codes):
            if not code.startswith(_MA_ZIP_PREFIXES):
                continue
            for area in self._zips.get(code, []):
                place = self.places[area.place_id]
                if place not in places:
                    places.append(place)
        if not places:
            return Resolution(Outcome.NONE, reason="unknown-zip")
        if len(places) == 1:
            return Resolution(Outcome.MATCH, places[0], (places[0],), reason="zip")
        # Every town of the ZIP is offered: a resident knows which one they live in.
        return Resolution(Outcome.AMBIGUOUS, None, tuple(places), reason="zip-several-towns")

    def _combine_zip(self, by_zip: Resolution, hits: list[_Hit]) -> Resolution:
        named = {pid for hit in hits if hit.kind == "strong" for pid in hit.place_ids}
        if by_zip.outcome is Outcome.NONE or not named:
            return by_zip
        in_zip = [place for place in by_zip.candidates if place.id in named]
        if len(in_zip) == 1:
            return Resolution(Outcome.MATCH, in_zip[0], (in_zip[0],), reason="zip+name")
        both = (*by_zip.candidates, *(self.places[p] for p in sorted(named)))
        unique = tuple(dict.fromkeys(both))
        return Resolution(Outcome.AMBIGUOUS, None, unique[:MAX_CANDIDATES], reason="zip-vs-name")

    # State qualifiers --------------------------------------------------------------------

    def _strip_qualifier(self, words: list[str]) -> tuple[list[str], str | None]:
        """Remove a trailing state or country ("..., MA", "... Maine") and return its code."""
        for length in (2, 1):
            if len(words) <= length:
                continue
            tail = " ".join(words[-length:])
            state = STATE_NAMES.get(tail)
            if state is None and length == 1:
                if tail in FOREIGN:
                    state = OUTSIDE
                elif tail in STATE_CODES and words[-2] not in FILLER:  # not "check it for me"
                    state = tail.upper()
            if state is None:
                continue
            # "Mount Washington", "Town of Washington": the last word belongs to a name.
            for span in range(length + 1, min(MAX_SPAN_WORDS, len(words)) + 1):
                if canonical(words[-span:]) in self._exact:
                    return words, None
            return words[:-length], state
        return words, None

    # Exact names and aliases -------------------------------------------------------------

    def _exact_hits(
        self, words: list[str], state: str | None
    ) -> tuple[list[_Hit], set[int], bool]:
        """Find names anywhere in the words, longest first."""
        hits: list[_Hit] = []
        consumed: set[int] = set()
        excluded = False
        n = len(words)
        for length in range(min(MAX_SPAN_WORDS, n), 0, -1):
            for start in range(0, n - length + 1):
                end = start + length
                if any(i in consumed for i in range(start, end)):
                    continue
                key = self._exact_key(words[start:end])
                if key is None:
                    tail = self._tails.get(canonical(words[start:end]))
                    if tail and self._tail_allowed(tail, state):
                        hits.append(_Hit(list(dict.fromkeys(tail)), "weak", ()))
                        consumed.update(range(start, end))
                    continue
                hit = self._hit(words, start, end, self._exact[key], state)
                if hit is None:
                    excluded = True
                    if state == "MA":
                        continue  # "Berkeley, MA": let the typo tier look in Massachusetts
                else:
                    hits.append(hit)
                consumed.update(range(start, end))
        return hits, consumed, excluded

    def _tail_allowed(self, place_ids: list[str], state: str | None) -> bool:
        return any(self._allowed(p, state) for p in place_ids)

    def _exact_key(self, span: list[str]) -> str | None:
        """The name key a span spells: exactly, or with its spaces misplaced.

        "newbury port" is Newburyport; "south hampton" (one letter off once the space is gone)
        is Southampton, found here before the single word "hampton" can claim the span.
        """
        key = canonical(span)
        if key in self._exact:
            return key
        if len(span) == 1:
            return None
        squeezed = compact(key)
        if squeezed in self._compact_exact:
            return self._compact_exact[squeezed]
        if len(squeezed) < LONG_WORD or any(w in FILLER or w in GENERIC_WORDS for w in span[-1:]):
            return None
        found = self._typos.within(squeezed, 1)
        if len(found) == 1:
            return self._keys[found[0][1]]
        return None

    def _hit(
        self, words: list[str], start: int, end: int, entries: list[_Entry], state: str | None
    ) -> _Hit | None:
        """Judge one exact name in its context; None when the context rules it out."""
        weak = any(not entry.strong for entry in entries)
        place_ids = [entry.place_id for entry in entries]
        if weak:
            place_ids += [p for entry in entries for p in entry.others]
        after = words[end] if end < len(words) else None
        # A full state name right after the place, inside a sentence: "Portland Maine is it ...".
        inline = STATE_NAMES.get(" ".join(words[end : end + 2])) or STATE_NAMES.get(after or "")
        if state is None and inline is not None:
            state = inline
        if after in INSTITUTIONS:
            return None  # "Dartmouth College", "Boston University": not where someone lives
        if after in COUNTY_WORDS:
            place_ids = [p for p in place_ids if self.places[p].kind == "county"]
        place_ids = [p for p in dict.fromkeys(place_ids) if self._allowed(p, state)]
        if not place_ids:
            return None
        kind = "weak" if weak else "strong"
        before = words[start - 1] if start > 0 else None
        before2 = words[start - 2] if start > 1 else None
        generic = all(word in GENERIC_WORDS for word in words[start:end])
        if generic or before in NEAR or (before == "of" and before2 in DIRECTIONS):
            kind = "weak"
        elif end - start == 1 and not self._counts_as_place(words, start):
            kind = "word"
        return _Hit(place_ids, kind, tuple(words[start:end]), state is not None)

    def _counts_as_place(self, words: list[str], start: int) -> bool:
        """An ordinary-word name counts alone, after a cue ("in Reading") or leading a question"""
        if words[start] not in COMMON_WORD_NAMES or len(words) == 1:
            return True
        if start > 0 and words[start - 1] in CUES:
            return True
        return start == 0 and all(w in FILLER for w in words[1:])

    def _from_hits(self, hits: list[_Hit]) -> Resolution:
        named = [hit for hit in hits if hit.kind != "word"] or hits
        place_ids = list(dict.fromkeys(pid for hit in named for pid in hit.place_ids))
        places = [self.places[pid] for pid in place_ids]
        if len(places) == 1 and all(hit.kind == "strong" for hit in named):
            place = places[0]
            if place.state != "MA" and not named[0].qualified:
                # "Berkeley" is a Californian city and one letter from Berkley, MA.
                near = self._near_massachusetts(named[0].words)
                if near:
                    return Resolution(Outcome.AMBIGUOUS, None, (place, *near), "elsewhere-or-ma")
            return Resolution(Outcome.MATCH, place, (place,), reason="exact")
        kinds = {hit.kind for hit in named}
        reason = "weak" if "weak" in kinds else "word" if "word" in kinds else "several"
        places.sort(key=lambda p: p.state != "MA")  # residents are in Massachusetts
        return Resolution(Outcome.AMBIGUOUS, None, tuple(places[:MAX_CANDIDATES]), reason)

    def _near_massachusetts(self, words: tuple[str, ...]) -> tuple[Place, ...]:
        found = self._typos.within(compact(canonical(words)), 1)
        near = [
            self.places[entry.place_id]
            for _, index in found
            for entry in self._exact[self._keys[index]]
            if self.places[entry.place_id].state == "MA"
        ]
        return tuple(dict.fromkeys(near))

    # Typos -------------------------------------------------------------------------------

    def _fuzzy(self, words: list[str], consumed: set[int], state: str | None) -> Resolution:
        best: dict[str, tuple[int, bool, bool]] = {}  # place -> (edits, confident, weak)
        for run in _content_runs(words, consumed):
            covered: set[int] = set()
            for length in range(min(MAX_SPAN_WORDS, len(run)), 0, -1):
                for start in range(0, len(run) - length + 1):
                    if covered.intersection(range(start, start + length)):
                        continue
                    if self._score_span(run[start : start + length], state, best):
                        covered.update(range(start, start + length))
        if not any(confident for _, confident, _ in best.values()):
            return Resolution(Outcome.NONE, reason="nothing-close")
        ranked = sorted(best.items(), key=lambda item: (item[1][0], not item[1][1]))
        place_id, (edits, _, weak) = ranked[0]
        runner_up = ranked[1][1][0] if len(ranked) > 1 else None
        if not weak and (runner_up is None or runner_up > edits):
            place = self.places[place_id]
            return Resolution(Outcome.MATCH, place, (place,), reason="typo")
        close = [self.places[pid] for pid, (e, _, _) in ranked if e <= edits]
        return Resolution(Outcome.AMBIGUOUS, None, tuple(close[:MAX_CANDIDATES]), "typo-close")

    def _score_span(
        self, span: list[str], state: str | None, best: dict[str, tuple[int, bool, bool]]
    ) -> bool:
        """Record places within reach of a span; return whether one was a confident typo."""
        query = compact(canonical(span))
        length = len(query)
        if length < MIN_FUZZY_LENGTH or all(word in GENERIC_WORDS for word in span):
            return False
        reach = 2 if length >= LONG_WORD else 1
        any_confident = False
        for edits, index in self._typos.within(query, reach):
            key = self._compact_keys[index]
            # A short word one edit from a name that is not a finger slip ("stop" and Stow)
            # only competes with a slip; it is never an answer of its own.
            confident = length > SHORT_WORD or slip(query, key)
            for entry in self._exact[self._keys[index]]:
                if not self._allowed(entry.place_id, state):
                    continue
                places = (entry.place_id,) if entry.strong else (entry.place_id, *entry.others)
                for pid in places:
                    previous = best.get(pid)
                    if previous is None or (edits, not confident) < (previous[0], not previous[1]):
                        best[pid] = (edits, confident, not entry.strong)
                any_confident |= confident
        return any_confident


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
