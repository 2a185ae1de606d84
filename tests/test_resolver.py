"""The resolver's rules, class by class, on a small knowledge base written as code."""

from __future__ import annotations

import pytest

from bot.core.normalize import canonical, fold
from bot.core.resolver import Outcome, Resolver
from bot.core.typos import PhoneticIndex, PrefixIndex, TypoIndex, slip, sound
from bot.core.vocabulary import Vocabulary
from bot.kb.landmarks import Landmark
from bot.kb.models import Alias, Place, ZipArea


def town(name: str, state: str = "MA", kind: str = "town", population: int = 0) -> Place:
    slug = name.lower().replace(" ", "-")
    place_id = slug if state == "MA" else f"{slug}-{state.lower()}"
    return Place(place_id, name, state, kind, None, None, population)


TOWNS = [
    "Adams", "North Adams", "Newton", "Newbury", "Newburyport", "Needham", "Dedham", "Reading",
    "Hull", "Worcester", "Webster", "Ware", "Warren", "Barre", "Gill", "Lee", "Cambridge",
    "Harvard", "Somerville", "Springfield", "West Springfield", "Boston", "Winthrop", "Wareham",
    "Brookline", "Medford", "Quincy", "Florida", "Amherst", "Pelham", "Shutesbury", "Falmouth",
    "Gosnold", "Framingham", "Dedham", "Holyoke", "Chelsea", "Lawrence", "Northampton", "Goshen",
]  # fmt: skip
COMMON = (
    "the a was is my what whats of ward bill hearing street main reading hear heath hill full "
    "stop spring onset news about i it in at on to and for work student status precinct law "
    "florida brighton salen logan quincy jones boston cream pie dead ham holy oak dictionary "
    "have good one"
).split()
ELSEWHERE = [
    ("England", "GB", "country"),
    ("UK", "GB", "country"),
    ("Canada", "CA", "country"),
    ("Iowa", "IA", "us_state"),
    ("Maine", "ME", "us_state"),
    ("Oregon", "OR", "us_state"),
    ("Florida", "FL", "us_state"),
    ("Ontario", "ON", "province"),
    ("Toronto", "CA", "city"),
    ("Brooklyn", "US-NY", "city"),
    ("Windsor", "CA", "city"),
    ("Lincolnshire", "GB", "region"),
    ("London", "GB", "city"),
]


@pytest.fixture(scope="module")
def resolver() -> Resolver:
    places = [town(n, population=100 - i) for i, n in enumerate(TOWNS)]
    places += [
        town("Portland", "ME", "city"),
        town("Portland", "OR", "city"),
        Place("me", "Maine", "ME", "state", None),
    ]
    aliases = [
        Alias("Chestnut Hill", "brookline", "village", "ambiguous", ("newton", "boston")),
        Alias("Auburndale", "newton", "village", "high"),
        Alias("Woods Hole", "falmouth", "village", "high", ("gosnold",)),
        Alias("Woods Hole", "gosnold", "village", "low", ("falmouth",)),
        Alias("Hampton", "newbury", "village", "low"),
        Alias("Onset", "wareham", "village", "high"),
        Alias("Brighton", "boston", "neighborhood", "high"),
        Alias("Beantown", "boston", "nickname", "high"),
        Alias("波士顿", "boston", "chinese", "high"),
        Alias("Florence", "northampton", "village", "high"),
    ]
    zips = [
        ZipArea("02458", "newton", True, 100.0),
        ZipArea("02128", "boston", True, 94.0),
        ZipArea("02128", "winthrop", False, 6.0),
        ZipArea("01002", "amherst", True, 50.0),
        ZipArea("01002", "pelham", False, 43.0),
        ZipArea("01002", "shutesbury", False, 7.0),
        ZipArea("02543", "falmouth", True, 15.0),
        ZipArea("02543", "gosnold", False, 85.0),
    ]
    landmarks = [
        Landmark("Harvard Square", ("cambridge",), "square"),
        Landmark("Fenway Park", ("boston",), "stadium"),
        Landmark("Tufts University", ("medford", "somerville"), "university"),
        Landmark("Logan", ("boston",), "airport"),
    ]
    vocabulary = Vocabulary.build(COMMON, ELSEWHERE)
    return Resolver(places, aliases, zips, landmarks, vocabulary)


def outcome(resolver: Resolver, text: str) -> tuple[str, str | None, tuple[str, ...]]:
    result = resolver.resolve(text)
    return (
        result.outcome.value,
        result.place.id if result.place else None,
        tuple(p.id for p in result.candidates),
    )


def test_folding_drops_case_accents_and_punctuation() -> None:
    assert fold("  Méthuen,  MA!! ") == "methuen ma"
    assert fold("O'Brien’s") == "obriens"


def test_abbreviations_and_boro_spellings_share_a_key() -> None:
    assert canonical(fold("N. Adams").split()) == "north adams"
    assert canonical(["marlboro"]) == "marlborough"
    assert canonical(["mt", "washington"]) == "mount washington"


def test_the_longest_name_wins_north_adams_is_not_adams(resolver: Resolver) -> None:
    assert outcome(resolver, "north adams")[1] == "north-adams"
    assert outcome(resolver, "adams")[1] == "adams"


def test_a_one_letter_typo_matches_only_when_one_town_is_that_close(resolver: Resolver) -> None:
    assert outcome(resolver, "newtonn")[1] == "newton"
    assert outcome(resolver, "nedham")[0] == "ambiguous"  # Needham and Dedham


# 1. Ordinary words are never towns ---------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "ward",
        "ward 19 precinct 5",
        "w19 p5",
        "what's my ward?",
        "my ward is 3",
        "bill",
        "what's the status of the bill",
        "main street",
        "I hear you",
        "stop",
        "full",
    ],
)
def test_an_ordinary_word_is_never_a_typo_of_a_town(resolver: Resolver, text: str) -> None:
    assert outcome(resolver, text)[0] == "none"


@pytest.mark.parametrize(
    "text, place",
    [("Ware", "ware"), ("in Gill", "gill"), ("Lee, MA", "lee"), ("is it banned in ware?", "ware")],
)
def test_a_short_town_typed_alone_or_asked_about_still_matches(
    resolver: Resolver, text: str, place: str
) -> None:
    assert outcome(resolver, text)[:2] == ("match", place)


def test_a_common_word_that_is_a_town_name_needs_a_cue_in_a_sentence(resolver: Resolver) -> None:
    assert outcome(resolver, "I was reading about bans")[0] == "none"
    assert outcome(resolver, "is it banned in reading")[1] == "reading"
    assert outcome(resolver, "I'm a student at Reading")[0] == "none"  # "at" is no cue
    assert outcome(resolver, "hull")[1] == "hull"


def test_a_village_name_that_is_an_ordinary_word_needs_a_cue_alone_it_is_confirmed(
    resolver: Resolver,
) -> None:
    # A word, so never an answer alone (the 20,000-word property); asked as a confirmation.
    assert outcome(resolver, "onset")[0] == "ambiguous"
    assert [p.id for p in resolver.resolve("onset").candidates] == ["wareham"]
    assert outcome(resolver, "the onset of the ban")[0] == "none"
    assert outcome(resolver, "onset of symptoms")[0] == "none"
    assert outcome(resolver, "I live in Onset")[1] == "wareham"
    assert outcome(resolver, "Onset, MA")[1] == "wareham"


def test_a_name_that_is_also_a_state_counts_only_alone_or_with_ma(resolver: Resolver) -> None:
    assert outcome(resolver, "Florida")[1] == "florida"
    assert outcome(resolver, "Florida, MA")[1] == "florida"
    assert outcome(resolver, "I just moved from Florida")[0] == "none"


# 2. A town name inside a longer name is another place ---------------------------------------


@pytest.mark.parametrize(
    "text", ["Cambridge Street", "cambridge st", "Springfield Mall", "Boston University"]
)
def test_a_town_name_beside_a_street_or_institution_word_is_not_the_town(
    resolver: Resolver, text: str
) -> None:
    assert outcome(resolver, text)[0] == "none"


def test_a_known_landmark_resolves_to_its_host_town(resolver: Resolver) -> None:
    assert outcome(resolver, "Harvard Square")[:2] == ("match", "cambridge")
    assert outcome(resolver, "near Boston")[0] != "match"  # near a town: somewhere else
    assert outcome(resolver, "I live near Fenway Park")[:2] == ("match", "boston")
    assert outcome(resolver, "I work at Fenway Park")[:2] == ("match", "boston")
    assert outcome(resolver, "Tufts University") == ("ambiguous", None, ("medford", "somerville"))


def test_a_landmark_that_is_an_ordinary_word_needs_a_cue(resolver: Resolver) -> None:
    assert outcome(resolver, "logan")[0] == "none"
    assert outcome(resolver, "I work at Logan")[1] == "boston"


def test_the_town_after_a_street_is_the_town(resolver: Resolver) -> None:
    assert outcome(resolver, "I live on Cambridge St in Somerville")[1] == "somerville"
    assert outcome(resolver, "12 Worcester Street, Reading MA")[1] == "reading"


def test_a_town_name_that_begins_another_name_is_not_the_town(resolver: Resolver) -> None:
    assert outcome(resolver, "quincy jones is a legend")[0] == "none"
    assert outcome(resolver, "boston cream pie")[0] == "none"
    assert outcome(resolver, "quincy police use it?")[1] == "quincy"
    assert outcome(resolver, "is it banned in quincy jones")[1] == "quincy"  # after a cue


def test_a_town_name_after_a_first_name_is_a_person() -> None:
    vocabulary = Vocabulary.build([], [], ["michael", "maria", "kate"])
    resolver = Resolver([town("Bolton"), town("Lowell"), town("Upton")], [], [], (), vocabulary)
    assert resolver.resolve("michael bolton").outcome is Outcome.NONE
    assert resolver.resolve("kate upton is funny").outcome is Outcome.NONE
    assert resolver.resolve("Maria, Lowell").place == town("Lowell")  # a signature


def test_a_past_or_negated_place_gives_way_to_the_one_where_they_live(
    resolver: Resolver,
) -> None:
    text = "we used to live in Newton but now we live in Needham"
    assert outcome(resolver, text)[:2] == ("match", "needham")
    # Two towns and no past: a question, the writer's home first.
    work_and_home = outcome(resolver, "I work in Cambridge but I live in Somerville")
    assert work_and_home[0] == "ambiguous" and work_and_home[2][:2] == ("somerville", "cambridge")


def test_a_state_after_a_place_elsewhere_is_its_qualifier(resolver: Resolver) -> None:
    assert outcome(resolver, "Toronto Maine")[0] != "match"


def test_a_zip_said_digit_by_digit(resolver: Resolver) -> None:
    assert outcome(resolver, "zero two one two eight")[1] == "boston"
    assert outcome(resolver, "my zip is 0 2 4 5 8")[1] == "newton"


def test_a_town_named_and_another_misspelt_asks_about_both(resolver: Resolver) -> None:
    found = outcome(resolver, "newtn or newbury idk")
    assert found[0] == "ambiguous" and {"newton", "newbury"} <= set(found[2])


def test_a_possessive_is_a_person_or_a_business(resolver: Resolver) -> None:
    assert outcome(resolver, "webster's dictionary")[0] == "none"
    assert outcome(resolver, "websters")[1] == "webster"  # a typo, without the apostrophe


# 3. Other countries and cities --------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Cambridge, England",
        "Worcester UK",
        "cambridge in england",
        "Newton, IA",
        "Windsor, Ontario",
        "Boston, Canada",
        "Toronto",
        "I live in Toronto",
        "boston lincolnshire",
        "chelsea, london",
        "worcester in the uk",
    ],
)
def test_a_place_in_another_state_or_country_is_never_the_massachusetts_town(
    resolver: Resolver, text: str
) -> None:
    assert outcome(resolver, text)[0] == "none"


def test_a_qualifier_names_the_place_elsewhere_when_we_know_it(resolver: Resolver) -> None:
    assert outcome(resolver, "Portland, Maine")[1] == "portland-me"
    assert outcome(resolver, "portland or")[1] == "portland-or"
    assert outcome(resolver, "Portland")[0] == "ambiguous"


def test_another_town_in_the_message_still_counts(resolver: Resolver) -> None:
    text = "I'm from Cambridge, England but I live in Somerville now"
    assert outcome(resolver, text)[:2] == ("match", "somerville")


def test_a_place_elsewhere_is_never_read_as_a_typo() -> None:
    vocabulary = Vocabulary.build([], [("Brooklyn", "US-NY", "city")])
    brookline = Resolver([town("Brookline")], [], [], (), vocabulary)
    assert brookline.resolve("Brooklyn").outcome is Outcome.NONE
    assert brookline.resolve("brooklin").place == town("Brookline")


# 4. Truncations ----------------------------------------------------------------------------


def test_a_truncation_with_one_completion_is_that_town(resolver: Resolver) -> None:
    assert outcome(resolver, "somervil")[:2] == ("match", "somerville")
    assert outcome(resolver, "is it banned in fram")[:2] == ("match", "framingham")


def test_a_truncation_with_several_completions_asks(resolver: Resolver) -> None:
    found = outcome(resolver, "newbur")
    assert found[0] == "ambiguous" and set(found[2]) == {"newbury", "newburyport"}


def test_a_cut_off_name_never_matches_a_town_a_few_edits_away(resolver: Resolver) -> None:
    found = outcome(resolver, "warre")  # cut from Warren, or one letter from Ware and Barre
    assert found[0] == "ambiguous" and {"warren", "ware"} <= set(found[2])


def test_a_common_word_does_not_complete_to_a_town(resolver: Resolver) -> None:
    # Alone, a word may be a cut-off name: a question, never an answer. In a sentence, a word.
    found = outcome(resolver, "spring")  # Springfield, or West Springfield
    assert found[0] == "ambiguous" and set(found[2]) == {"springfield", "west-springfield"}
    assert outcome(resolver, "i want to spring into action")[0] == "none"


def test_a_name_cut_after_its_first_word_keeps_the_space(resolver: Resolver) -> None:
    assert outcome(resolver, "north a")[:2] == ("match", "north-adams")  # not Northampton
    assert outcome(resolver, "west spr")[:2] == ("match", "west-springfield")


# 5. Local names ----------------------------------------------------------------------------


def test_nicknames_and_chinese_names_resolve(resolver: Resolver) -> None:
    assert outcome(resolver, "beantown")[1] == "boston"
    assert outcome(resolver, "我住在波士顿")[1] == "boston"
    assert outcome(resolver, "我住在英国波士顿")[0] == "none"  # Boston in England
    assert outcome(resolver, "brighton")[1] == "boston"


# 6. Sounds-like spellings ------------------------------------------------------------------


def test_a_sounds_like_spelling_only_asks(resolver: Resolver) -> None:
    result = resolver.resolve("wooster")
    assert result.outcome is Outcome.AMBIGUOUS
    assert "worcester" in {p.id for p in result.candidates}
    assert result.reason == "sounds-like"


@pytest.mark.parametrize(
    "text, place", [("woostah", "worcester"), ("dead ham", "dedham"), ("holy oak", "holyoke")]
)
def test_a_dictated_or_accented_name_is_asked_about(
    resolver: Resolver, text: str, place: str
) -> None:
    result = resolver.resolve(text)
    assert result.outcome is Outcome.AMBIGUOUS
    assert place in {p.id for p in result.candidates}


def test_ordinary_words_that_only_roughly_sound_like_a_town_are_not_asked_about(
    resolver: Resolver,
) -> None:
    assert outcome(resolver, "have a good one")[0] == "none"  # Goshen, roughly


def test_a_typo_that_sounds_like_another_town_asks_about_both(resolver: Resolver) -> None:
    found = outcome(resolver, "lorence")  # one letter from Florence, sounds like Lawrence
    assert found[0] == "ambiguous" and {"northampton", "lawrence"} <= set(found[2])


def test_metaphone_codes_collapse_doubled_letters() -> None:
    assert sound("worcester") == "WRSTR"
    assert sound("wooster") == "WSTR"
    index = PhoneticIndex({0: "worcester", 1: "webster", 2: "boston"})
    assert [i for i, _, _ in index.sounding_like("wooster")][:2] == [0, 1]


# 7. Lopsided villages and ZIPs -------------------------------------------------------------


def test_a_village_mostly_in_one_town_answers_it_and_offers_the_others(
    resolver: Resolver,
) -> None:
    result = resolver.resolve("woods hole")
    assert result.outcome is Outcome.MATCH and result.place is not None
    assert result.place.id == "falmouth"
    assert [p.id for p in result.alternatives] == ["gosnold"]


def test_a_village_in_several_towns_asks(resolver: Resolver) -> None:
    found = outcome(resolver, "chestnut hill")
    assert found[0] == "ambiguous" and set(found[2]) == {"brookline", "newton", "boston"}


def test_a_zip_mostly_in_one_town_answers_it_and_offers_the_others(resolver: Resolver) -> None:
    result = resolver.resolve("02128")
    assert result.place is not None and result.place.id == "boston"
    assert [p.id for p in result.alternatives] == ["winthrop"]


def test_a_zip_not_mostly_in_its_primary_town_asks(resolver: Resolver) -> None:
    assert outcome(resolver, "01002") == ("ambiguous", None, ("amherst", "pelham", "shutesbury"))
    assert outcome(resolver, "02543")[0] == "ambiguous"  # Falmouth is primary with 15%
    assert outcome(resolver, "02458-1234")[1] == "newton"
    assert outcome(resolver, "2458")[1] == "newton"
    assert outcome(resolver, "2020")[0] == "none"  # a year, not ZIP 02020


def test_a_question_never_offers_a_single_place(resolver: Resolver) -> None:
    assert outcome(resolver, "hampton")[0] == "none"  # a low alias of one town only


# Chatter, and the index structures ---------------------------------------------------------


@pytest.mark.parametrize("text", ["", "new", "north", "hi", "ok", "thanks", "🙂", "?" * 4000])
def test_fragments_and_chatter_are_never_a_match(resolver: Resolver, text: str) -> None:
    assert outcome(resolver, text)[0] != Outcome.MATCH.value


def test_the_typo_index_finds_every_key_within_reach() -> None:
    keys = ["worcester", "dorchester", "newton", "newbury"]
    index = TypoIndex(keys, depth=2)
    assert sorted(keys[i] for _, i in index.within("worchester", 1)) == ["dorchester", "worcester"]
    assert [keys[i] for _, i in index.within("nwtn", 2)] == ["newton"]
    assert index.within("boston", 2) == []


def test_the_prefix_index_finds_longer_names_only() -> None:
    index = PrefixIndex({0: "newbury", 1: "newburyport", 2: "newton"})
    assert sorted(index.starting_with("newbur")) == [0, 1]
    assert index.starting_with("newbury") == [1]
    assert index.starting_with("boston") == []


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
