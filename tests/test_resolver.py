"""The resolver's rules on a small knowledge base written as code."""

from __future__ import annotations

import pytest

from bot.core.normalize import canonical, fold
from bot.core.resolver import Outcome, Resolver
from bot.core.typos import TypoIndex, slip
from bot.kb.models import Alias, Place, ZipArea


def town(name: str, state: str = "MA", kind: str = "town") -> Place:
    slug = name.lower().replace(" ", "-")
    return Place(slug if state == "MA" else f"{slug}-{state.lower()}", name, state, kind, None)


@pytest.fixture(scope="module")
def resolver() -> Resolver:
    places = [
        town(n)
        for n in [
            "Adams",
            "North Adams",
            "Newton",
            "Newbury",
            "Needham",
            "Dedham",
            "Reading",
            "Hull",
            "Worcester",
        ]
    ]
    places += [
        town("Portland", "ME", "city"),
        town("Portland", "OR", "city"),
        Place("me", "Maine", "ME", "state", None),
    ]
    aliases = [
        Alias("Chestnut Hill", "newton", "village", "low", ("boston",)),
        Alias("Auburndale", "newton", "village", "high"),
    ]
    zips = [
        ZipArea("02458", "newton", True, 100.0),
        ZipArea("01950", "newbury", True, 60.0),
        ZipArea("01950", "needham", False, 40.0),
    ]
    return Resolver(places, aliases, zips)


def outcome(resolver: Resolver, text: str) -> tuple[str, str | None, tuple[str, ...]]:
    result = resolver.resolve(text)
    return (
        result.outcome.value,
        result.place.id if result.place else None,
        tuple(p.id for p in result.candidates),
    )


def test_folding_drops_case_accents_and_punctuation() -> None:
    assert fold("  Nörth-Adams, MA!! ") == "north adams ma"


def test_abbreviations_and_boro_spellings_share_a_key() -> None:
    assert canonical(["n", "adams"]) == canonical(["north", "adams"])
    assert canonical(["marlboro"]) == "marlborough"
    assert canonical(["mt", "washington"]) == "mount washington"


def test_the_longest_name_wins_north_adams_is_not_adams(resolver: Resolver) -> None:
    assert outcome(resolver, "I live in North Adams")[1] == "north-adams"
    assert outcome(resolver, "no adams")[1] == "north-adams"


def test_a_one_letter_typo_matches_only_when_one_town_is_that_close(resolver: Resolver) -> None:
    assert outcome(resolver, "newtn") == ("match", "newton", ("newton",))
    assert outcome(resolver, "nedham")[0] == "ambiguous"  # Needham and Dedham


def test_a_weak_alias_asks(resolver: Resolver) -> None:
    assert outcome(resolver, "chestnut hill")[0] == "ambiguous"


def test_a_qualifier_for_another_state_never_falls_back_to_massachusetts(
    resolver: Resolver,
) -> None:
    assert outcome(resolver, "Worcester, England")[0] == "none"
    assert outcome(resolver, "Newton, IA")[0] == "none"
    assert outcome(resolver, "Portland, Maine")[1] == "portland-me"
    assert outcome(resolver, "Portland")[0] == "ambiguous"


def test_an_ordinary_word_name_needs_a_cue_in_a_sentence(resolver: Resolver) -> None:
    assert outcome(resolver, "I was reading about bans")[0] == "ambiguous"
    assert outcome(resolver, "is it banned in reading")[1] == "reading"
    assert outcome(resolver, "hull")[1] == "hull"


def test_a_zip_covering_several_towns_asks_about_all_of_them(resolver: Resolver) -> None:
    assert outcome(resolver, "01950") == ("ambiguous", None, ("newbury", "needham"))
    assert outcome(resolver, "02458-1234")[1] == "newton"
    assert outcome(resolver, "2458")[1] == "newton"
    assert outcome(resolver, "2020")[0] == "none"  # a year, not ZIP 02020


@pytest.mark.parametrize("text", ["", "new", "north", "hi", "ok", "thanks", "🙂", "?" * 4000])
def test_fragments_and_chatter_are_never_a_match(resolver: Resolver, text: str) -> None:
    assert outcome(resolver, text)[0] != Outcome.MATCH.value


def test_the_typo_index_finds_every_key_within_reach() -> None:
    keys = ["worcester", "dorchester", "newton", "newbury"]
    index = TypoIndex(keys, depth=2)
    assert sorted(keys[i] for _, i in index.within("worchester", 1)) == ["dorchester", "worcester"]
    assert [keys[i] for _, i in index.within("nwtn", 2)] == ["newton"]
    assert index.within("boston", 2) == []


@pytest.mark.parametrize(
    "typed, name, expected",
    [
        ("lynm", "lynn", True),
        ("lwoell", "lowell", True),
        ("lowel", "lowell", True),
        ("full", "hull", False),
        ("stop", "stow", False),
    ],
)
def test_a_slip_of_the_finger_is_a_swap_an_omission_or_a_neighbouring_key(
    typed: str, name: str, expected: bool
) -> None:
    assert slip(typed, name) is expected


def test_well_known_places_elsewhere_are_not_read_as_typos() -> None:
    brookline = Resolver([town("Brookline")], [], [])
    assert brookline.resolve("Brooklyn").outcome is Outcome.NONE
    assert brookline.resolve("brooklin").place == town("Brookline")


def test_at_a_name_is_not_a_cue_for_an_ordinary_word_name(resolver: Resolver) -> None:
    assert outcome(resolver, "I'm a student at Reading")[0] == "ambiguous"
