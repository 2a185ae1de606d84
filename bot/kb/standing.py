"""What a place's measures mean: the one decision that answers, segments, stats and scripts ask.

A place stands under a ban, a moratorium, a limit, an oversight rule, or none, and that measure is
in force or no longer is. The decision reads only reviewed data (a measure's ``what`` and its
state), never a word in a title, and never counts an unverified measure.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from bot.kb.models import Measure

Kind = Literal["ban", "moratorium", "limited", "oversight", "none"]
KINDS: tuple[Kind, ...] = ("ban", "moratorium", "limited", "oversight", "none")
# The strongest measure in force answers "is it banned here?".
_RANK = {"ban": 0, "moratorium": 1, "limited": 2, "oversight": 3}
IN_FORCE_STATES = frozenset({"in_force", "in_force_until_condition"})
ENDED_STATES = frozenset({"repealed", "replaced", "expired"})


@dataclass(frozen=True)
class Standing:
    """Where a place stands, and the measure that decides it."""

    kind: Kind
    in_force: bool
    measure: Measure | None  # None when kind is "none"
    unverified: tuple[Measure, ...] = ()  # reports we hold but never state

    @property
    def prohibits(self) -> bool:
        """A ban or moratorium is in force: the local government may not use it."""
        return self.in_force and self.kind in {"ban", "moratorium"}

    @property
    def label(self) -> str:
        """``ban``, ``moratorium``, ... for an in-force measure; ``none`` otherwise."""
        return self.kind if self.in_force else "none"


def stated(measures: Sequence[Measure]) -> list[Measure]:
    """The measures we may state as fact: never the unverified ones."""
    return [m for m in measures if m.confidence != "unverified"]


def effect(measure: Measure) -> tuple[Kind, bool] | None:
    """What one measure means now: its kind and whether it is in force; None for a bill."""
    if measure.what == "bill" or measure.state.kind == "unknown":
        return None
    if measure.state.kind in IN_FORCE_STATES:
        return _kind(measure.what), True
    if measure.state.kind == "partly_repealed" and measure.state.now is not None:
        return _kind(measure.state.now), True
    if measure.state.kind in ENDED_STATES or measure.state.kind == "partly_repealed":
        return _kind(measure.what), False
    return None


def classify(measures: Sequence[Measure]) -> Standing:
    """Where a place stands, given all its measures (bills and unverified ones are set aside)."""
    unverified = tuple(m for m in measures if m.confidence == "unverified")
    candidates = []
    for measure in stated(measures):
        found = effect(measure)
        if found is not None:
            candidates.append((found, measure))
    in_force = [(kind, m) for (kind, active), m in candidates if active]
    if in_force:
        kind, measure = min(in_force, key=lambda pair: _RANK[pair[0]])
        return Standing(kind, True, measure, unverified)
    if candidates:
        # The measure that ended last tells what the place had.
        (kind, _), measure = max(candidates, key=lambda pair: _ended_key(pair[1]))
        return Standing(kind, False, measure, unverified)
    return Standing("none", False, None, unverified)


def _kind(what: str) -> Kind:
    if what not in _RANK:
        raise ValueError(f"not a measure kind: {what!r}")
    return what  # type: ignore[return-value]


def _ended_key(measure: Measure) -> tuple[int, int, int]:
    if measure.state.date is not None:
        return measure.state.date.key
    adopted = measure.adopted
    return (adopted.year, adopted.month, adopted.day) if adopted else (0, 0, 0)
