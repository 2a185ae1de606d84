"""Near names: within a few edits, beginning with what was typed, or sounding alike."""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from itertools import combinations

import jellyfish
from rapidfuzz import process
from rapidfuzz.distance import OSA, Indel

_KEYBOARD = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_KEY_POSITION = {
    key: (row, col + 0.5 * row)
    for row, keys in enumerate(_KEYBOARD)
    for col, key in enumerate(keys)
}


class TypoIndex:
    """Names within a few edits of a word, found without scanning every name.

    A symmetric-deletion index (the idea of SymSpell): two words within ``d`` edits share a
    variant with at most ``d`` letters deleted from each, so looking up the query's deletion
    variants finds every candidate, which optimal string alignment then verifies. As in
    SymSpell, only the first ``prefix`` letters are indexed: their prefixes, too, share a
    variant (an edit that shifts the rest is met by deleting the last letter on the other
    side). With SymSpell's own prefix of 7, an 11-letter word has 29 variants to look up
    instead of 67, and the few more candidates they bring are verified in one C call.
    """

    def __init__(
        self,
        keys: list[str],
        depth: int,
        spellings: dict[int, list[str]] | None = None,
        prefix: int = 7,
    ) -> None:
        """``spellings`` gives a key's other spellings, reached as the key itself
        (Attleboro for "attleborough": "attleborro" is one edit from it, three from the key)."""
        self.keys = keys
        self.prefix = prefix
        self.depth = depth
        self.spellings = {index: [keys[index]] for index in range(len(keys))}
        for index, others in (spellings or {}).items():
            self.spellings[index].extend(others)
        self.shortest = [min(map(len, self.spellings[i])) for i in range(len(keys))]
        self.longest = [max(map(len, self.spellings[i])) for i in range(len(keys))]
        self.variants: dict[str, list[int]] = defaultdict(list)
        for index, texts in self.spellings.items():
            for variant in {v for text in texts for v in _deletions(text[: self.prefix], depth)}:
                self.variants[variant].append(index)

    def within(self, query: str, reach: int) -> list[tuple[int, int]]:
        """(edits, key index) of every key within ``reach`` edits, closest first."""
        # The lookups and the union run in C: this loop is the resolver's hottest.
        hits = map(self.variants.get, _deletions(query[: self.prefix], reach))
        seen: set[int] = set().union(*filter(None, hits))
        # A name more than ``reach`` letters longer or shorter cannot be within reach.
        length = len(query)
        seen = {i for i in seen if self.shortest[i] - reach <= length <= self.longest[i] + reach}
        if not seen:
            return []
        owners = [index for index in seen for _ in self.spellings[index]]
        texts = [text for index in seen for text in self.spellings[index]]
        best: dict[int, int] = {}
        # Verified in one call: a prefix shared by many names ("northha") brings dozens.
        for _, edits, at in process.extract(
            query, texts, scorer=OSA.distance, score_cutoff=reach, limit=None
        ):
            index = owners[at]
            best[index] = min(edits, best.get(index, edits))
        return sorted((edits, index) for index, edits in best.items())


def _deletions(word: str, depth: int) -> list[str]:
    """The word with up to ``depth`` letters deleted (the word itself included); a word with a
    doubled letter gives some variants twice. (The letters kept, in order, are combinations
    of the word's: built in C, twice as fast as slicing.)"""
    found = [word]
    for deleted in range(1, min(depth, len(word)) + 1):
        found += map("".join, combinations(word, len(word) - deleted))
    return found


def slip(typed: str, name: str) -> bool:
    """Whether one edit turning ``name`` into ``typed`` looks like a slip of the finger.

    A swap of neighbours, a letter left out, a doubled letter, or a neighbouring key: for short
    words only these count, so "full" is not read as Hull (f and h are not neighbours).
    """
    if len(typed) == len(name):
        diff = [i for i, (a, b) in enumerate(zip(typed, name, strict=True)) if a != b]
        if len(diff) == 2:
            return diff[1] == diff[0] + 1  # a swap
        return len(diff) == 1 and _neighbours(typed[diff[0]], name[diff[0]])
    if len(typed) + 1 == len(name):
        return True  # a letter left out
    if len(typed) == len(name) + 1:
        pairs = enumerate(zip(typed, name, strict=False))
        i = next((i for i, (a, b) in pairs if a != b), len(name))
        extra = typed[i]
        around = typed[max(0, i - 1) : i] + typed[i + 1 : i + 2]
        return any(extra == c or _neighbours(extra, c) for c in around)
    return False


def _neighbours(a: str, b: str) -> bool:
    pa, pb = _KEY_POSITION.get(a), _KEY_POSITION.get(b)
    if pa is None or pb is None:
        return False
    return abs(pa[0] - pb[0]) <= 1 and abs(pa[1] - pb[1]) <= 1.0


class PrefixIndex:
    """Names that begin with what was typed: a truncation completes to them."""

    def __init__(self, keys: dict[int, str]) -> None:
        self._sorted = sorted((key, index) for index, key in keys.items())
        self._keys = [key for key, _ in self._sorted]

    def starting_with(self, query: str) -> list[int]:
        """Indices of every name longer than ``query`` that begins with it."""
        found = []
        position = bisect_left(self._keys, query)
        while position < len(self._keys) and self._keys[position].startswith(query):
            key, index = self._sorted[position]
            if key != query:
                found.append(index)
            position += 1
        return found


class PhoneticIndex:
    """Names that sound alike, by their Metaphone code ("quinsee" and Quincy: KNS).

    Codes are compared with doubled letters collapsed (Worcester's WRSSTR is WRSTR), so that
    "wooster" (WSTR) is one edit from it: a sounds-like spelling is offered the names whose code
    is the same or one edit away, the most similar spellings first.
    """

    def __init__(self, keys: dict[int, str]) -> None:
        self._names = keys
        codes: dict[str, list[int]] = defaultdict(list)
        for index, key in keys.items():
            codes[sound(key)].append(index)
        self._codes = dict(codes)
        self._code_list = list(self._codes)
        self._code_index = TypoIndex(self._code_list, 1)

    def sounding_like(
        self, query: str, same_only: bool = False, min_code: int = 3
    ) -> list[tuple[int, bool, float]]:
        """(name index, same code?, spelling similarity 0-1) of the names that sound like it.

        Same code first, then one code-edit away (unless ``same_only``); each group by
        similarity of spelling. Codes shorter than ``min_code`` say too little.
        """
        code = sound(query)
        if len(code) < min_code:
            return []
        same = self._codes.get(code, [])
        near: list[int] = []
        for edits, index in [] if same_only else self._code_index.within(code, 1):
            other = self._code_list[index]
            # The first sound must agree: "xyzzyville" is not Fayville, whatever the suffix.
            if edits == 1 and other[:1] == code[:1]:
                near.extend(self._codes[other])
        found = [(i, True, _similarity(query, self._names[i])) for i in same]
        found += [(i, False, _similarity(query, self._names[i])) for i in near]
        return sorted(found, key=lambda item: (not item[1], -item[2]))


def _similarity(a: str, b: str) -> float:
    return float(Indel.normalized_similarity(a, b))


def sound(word: str) -> str:
    """The Metaphone code of a word (jellyfish), doubled letters collapsed, and a first vowel
    written "A": Metaphone keeps the vowel a word begins with, and "irving" sounds as
    Erving does."""
    code = str(jellyfish.metaphone(word))
    if code[:1] in _VOWELS:
        code = "A" + code[1:]
    return "".join(ch for i, ch in enumerate(code) if i == 0 or ch != code[i - 1])


_VOWELS = frozenset("AEIOU")
