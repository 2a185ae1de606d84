"""Typos: which names are within a few edits of a word, and which edits are finger slips."""

from __future__ import annotations

from collections import defaultdict

from rapidfuzz.distance import OSA

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
    variants finds every candidate, which optimal string alignment then verifies.
    """

    def __init__(self, keys: list[str], depth: int) -> None:
        self.keys = keys
        self.depth = depth
        self.variants: dict[str, list[int]] = defaultdict(list)
        for index, key in enumerate(keys):
            for variant in _deletions(key, depth):
                self.variants[variant].append(index)

    def within(self, query: str, reach: int) -> list[tuple[int, int]]:
        """(edits, key index) of every key within ``reach`` edits, closest first."""
        seen: set[int] = set()
        for variant in _deletions(query, reach):
            seen.update(self.variants.get(variant, ()))
        found = []
        for index in seen:
            edits = OSA.distance(query, self.keys[index], score_cutoff=reach)
            if edits <= reach:
                found.append((edits, index))
        found.sort()
        return found


def _deletions(word: str, depth: int) -> set[str]:
    """The word with up to ``depth`` letters deleted (the word itself included)."""
    found = {word}
    frontier = {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1 :] for w in frontier for i in range(len(w))}
        found |= frontier
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
