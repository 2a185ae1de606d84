"""Read a ward and precinct typed as text: "ward 19 precinct 5", "w19 p5", "Ward 3, Pct 2".

A resident of a split town asked for their ward often types it instead of pressing a button.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.core.normalize import fold

_NUMBER = r"(\d{1,2}[a-z]?)"
_WARD = r"(?:ward|wd|w|distrito|bairro|barrio)"
_PRECINCT = r"(?:precinct|precint|precinc|pct|prct|prec|p|precinto|recinto|secao|seccion)"
# "ward 19 precinct 5", "w19p5", "ward 3 pct 2", "19-5" only after a ward word.
# "ward is 3", "ward no 3", "ward number 3", "ward #3" (the # is gone once folded).
_IS = r"\s*(?:(?:is|es|e|no|number|num|nr|numero)\s*)?"
_BOTH = re.compile(
    rf"\b{_WARD}{_IS}{_NUMBER}\s*(?:and\s*|y\s*)?(?:the\s*)?{_PRECINCT}{_IS}{_NUMBER}\b"
)
_DASHED = re.compile(rf"\b{_WARD}{_IS}{_NUMBER}\s*-\s*{_NUMBER}\b")
_WARD_ONLY = re.compile(rf"\b{_WARD}{_IS}{_NUMBER}\b")
_PRECINCT_ONLY = re.compile(rf"\b{_PRECINCT}{_IS}{_NUMBER}\b")


@dataclass(frozen=True)
class WardPrecinct:
    """What was typed: a ward, a precinct, or both (as the knowledge writes them: "19", "5")."""

    ward: str | None
    precinct: str | None


def parse_ward_precinct(text: str) -> WardPrecinct | None:
    """The ward and precinct in a message, or None when it names neither with a number."""
    folded = fold(text[:200])
    # Folding drops the dash of "19-5"; read it from the lowercased text instead.
    raw = text[:200].lower()
    for source in (folded, raw):
        found = _BOTH.search(source) or _DASHED.search(source)
        if found:
            return WardPrecinct(_clean(found.group(1)), _clean(found.group(2)))
    ward = _WARD_ONLY.search(folded)
    precinct = _PRECINCT_ONLY.search(folded)
    if ward is None and precinct is None:
        return None
    return WardPrecinct(
        _clean(ward.group(1)) if ward else None,
        _clean(precinct.group(1)) if precinct else None,
    )


def _clean(label: str) -> str:
    """ "05" -> "5", "3a" -> "3A": the knowledge's spelling of ward and precinct labels."""
    digits = label.rstrip("abcdefghijklmnopqrstuvwxyz")
    return str(int(digits)) + label[len(digits) :].upper()
