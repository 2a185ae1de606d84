"""A misspelt name qualified as somewhere else is that other place (issue 8, the real knowledge):
found on the fifth blind table, where "brattleboro vt" answered Attleboro."""

from __future__ import annotations

import pytest

from bot.core.resolver import Outcome, Resolver


@pytest.fixture(scope="module")
def resolver() -> Resolver:
    return Resolver.from_knowledge()


@pytest.mark.parametrize(
    "text",
    ["brattleboro vt", "cambrige england", "sprngfield il", "glouster uk", "wooster ohio"],
)
def test_a_misspelt_name_qualified_as_somewhere_else_is_never_a_massachusetts_town(
    resolver: Resolver, text: str
) -> None:
    result = resolver.resolve(text)
    # "elsewhere": a Massachusetts name was near and set aside; "nothing-close": none was
    # within reach of the qualified state's names. Either way no Massachusetts town.
    assert result.outcome is Outcome.NONE and result.place is None
    assert result.reason in {"elsewhere", "nothing-close"}


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("cambrige, ma", "cambridge"),
        ("springfeld massachusetts", "springfield"),
        ("portlnd maine", "portland-me"),
    ],
)
def test_a_misspelt_name_qualified_as_its_own_state_still_answers(
    resolver: Resolver, text: str, place: str
) -> None:
    result = resolver.resolve(text)
    assert result.outcome is Outcome.MATCH and result.place is not None
    assert result.place.id == place


@pytest.mark.parametrize(
    "text",
    ["i live in brattleboro", "weare", "gilford", "brockport", "i grew up in bennington"],
)
def test_a_town_just_over_the_line_is_no_massachusetts_town(resolver: Resolver, text: str) -> None:
    """Towns of 5,000 people and more in the states next door (Brattleboro had been
    Attleboro; Weare, Gilford and Brockport Ware, Milford and Rockport)."""
    result = resolver.resolve(text)
    assert result.outcome is Outcome.NONE and result.place is None


@pytest.mark.parametrize("text", ["somers", "i live in somers"])
def test_a_cut_off_name_with_an_s_after_it_asks_about_both_towns(
    resolver: Resolver, text: str
) -> None:
    """ "somers": Somerset cut off, or "somer" of Somerville and an "s" (four writers meant
    both); asked, not answered."""
    result = resolver.resolve(text)
    assert result.outcome is Outcome.AMBIGUOUS
    assert {p.id for p in result.candidates} == {"somerset", "somerville"}


@pytest.mark.parametrize(
    "text", ["Ipswich, Queensland", "ipswich qld", "brighton, victoria", "richmond nsw"]
)
def test_a_town_of_an_australian_state_is_no_massachusetts_town(
    resolver: Resolver, text: str
) -> None:
    assert resolver.resolve(text).outcome is Outcome.NONE


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # a county abroad carries its country's code, which is no abbreviation of its own:
        # "ie" (Ireland's) is "that is", "au" (Australia's) is French
        ("i live in boston ie the city", "boston"),
        ("j'habite a lowell au massachusetts", "lowell"),
    ],
)
def test_a_countrys_code_after_a_town_is_no_qualifier(
    resolver: Resolver, text: str, place: str
) -> None:
    result = resolver.resolve(text)
    assert result.outcome is Outcome.MATCH and result.place is not None
    assert result.place.id == place
