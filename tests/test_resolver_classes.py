"""Classes of resolver error found on the fifth and sixth blind tables (issue 8), each tried
on examples of its own, on the real knowledge: the table's messages are in
tests/test_resolver_blind.py."""

from __future__ import annotations

import random
import string

import pytest
from rapidfuzz.distance import OSA

from bot.core.resolver import Outcome, Resolver
from bot.core.typos import TypoIndex


@pytest.fixture(scope="module")
def resolver() -> Resolver:
    return Resolver.from_knowledge()


def _answer(resolver: Resolver, text: str) -> str | None:
    result = resolver.resolve(text)
    return result.place.id if result.outcome is Outcome.MATCH and result.place else None


def _asked(resolver: Resolver, text: str) -> set[str]:
    result = resolver.resolve(text)
    assert result.outcome is Outcome.AMBIGUOUS, (text, result)
    return {p.id for p in result.candidates}


def _offered(resolver: Resolver, text: str) -> set[str]:
    """The towns answered or asked about (never nothing)."""
    result = resolver.resolve(text)
    assert result.outcome is not Outcome.NONE, (text, result)
    return {p.id for p in result.candidates}


@pytest.mark.parametrize(
    "text",
    [
        "my neighbor's cat is named Dudley",
        "a dog called Sherborn",
        "my coworker sharon says hi",
        "her name is Lynn",
        "Hudson is my son's middle name",
        "Lenox and I went to the hearing",
        "me and Milton are volunteering",
        "mi hijo Salem quiere ayudar",
    ],
)
def test_a_town_name_used_for_a_person_or_a_pet_is_no_town(resolver: Resolver, text: str) -> None:
    assert resolver.resolve(text).outcome is Outcome.NONE, text


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("I live in Lynn and I want to help", "lynn"),
        ("my friend in Wendell told me about you", "wendell"),
    ],
)
def test_the_person_rules_leave_a_place_after_in_alone(
    resolver: Resolver, text: str, place: str
) -> None:
    assert _answer(resolver, text) == place


def test_a_town_moved_away_from_is_not_home(resolver: Resolver) -> None:
    assert resolver.resolve("we moved from Lowell to Paris last year").outcome is Outcome.NONE
    assert _answer(resolver, "we moved from Lowell to Dracut") == "dracut"


def test_two_towns_beside_a_border_word_are_asked_about(resolver: Resolver) -> None:
    assert _asked(resolver, "I live on the Lynn Saugus line") >= {"lynn", "saugus"}
    assert _asked(resolver, "we're right at the arlington/lexington border") >= {
        "arlington",
        "lexington",
    }
    assert resolver.resolve("take the orange line").outcome is Outcome.NONE


def test_two_towns_named_are_asked_about_the_writers_home_first(resolver: Resolver) -> None:
    def order(text: str) -> list[str]:
        result = resolver.resolve(text)
        assert result.outcome is Outcome.AMBIGUOUS, (text, result)
        return [p.id for p in result.candidates]

    assert order("my sister lives in Dedham and I live in Norwood")[:2] == ["norwood", "dedham"]
    assert order("mis padres viven en Lowell y yo en Lawrence")[:2] == ["lawrence", "lowell"]
    assert order("I live in Norwood and my sister lives in Dedham")[:2] == ["norwood", "dedham"]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("estudio en la universidad de Harvard", "cambridge"),
        ("trabalho no hospital de Baystate Franklin", "greenfield"),
    ],
)
def test_an_institution_named_the_spanish_or_portuguese_way_is_its_landmark(
    resolver: Resolver, text: str, place: str
) -> None:
    assert _answer(resolver, text) == place


def test_a_university_of_a_town_is_not_the_town_after_de(resolver: Resolver) -> None:
    assert _answer(resolver, "universidad de Harvard") != "harvard"


def test_a_name_dictated_in_two_words_whose_tail_is_a_town_asks(resolver: Resolver) -> None:
    # "glo chester": Gloucester said as two words; Chester is a town too.
    asked = _asked(resolver, "i live in glo chester ma")
    assert {"gloucester", "chester"} <= asked


def test_a_typo_of_the_boro_spelling_is_a_typo_of_the_borough_town(resolver: Resolver) -> None:
    assert _answer(resolver, "foxborro") == "foxborough"
    assert _answer(resolver, "is it banned in marlborro") == "marlborough"


def test_letters_left_out_compete_with_a_nearer_village(resolver: Resolver) -> None:
    # "easthamptn": Easthampton with letters left out, and no village nearer: the town.
    assert _answer(resolver, "easthamptn") == "easthampton"
    # One letter from North Acton (a village) by a changed letter, one from Northampton by a
    # letter left out: the town.
    assert _answer(resolver, "northamton") == "northampton"
    # Two letters left out of Easthampton, one changed letter from East Acton: ask.
    assert {"easthampton", "acton"} <= _asked(resolver, "eastamton")


@pytest.mark.parametrize("text", ["the marblehead brewing co", "a salem pizza place"])
def test_a_town_name_before_a_business_word_is_the_business(resolver: Resolver, text: str) -> None:
    assert resolver.resolve(text).outcome is Outcome.NONE, text


def test_a_health_system_with_several_hospitals_asks_which(resolver: Resolver) -> None:
    assert {"springfield", "greenfield"} <= _asked(resolver, "i work at baystate")
    assert _answer(resolver, "baystate noble") == "westfield"


def test_the_port_is_cambridges_neighbourhood_or_newburyport(resolver: Resolver) -> None:
    assert {"cambridge", "newburyport"} <= _asked(resolver, "i live in the port")
    assert _answer(resolver, "the port, cambridge") == "cambridge"


def test_a_street_named_with_a_town_is_that_towns_street(resolver: Resolver) -> None:
    # Commonwealth Avenue runs through Boston and Newton, but streets of that name are
    # everywhere: the town named with it says which.
    assert {"boston", "newton"} <= _asked(resolver, "we're on comm ave")
    assert _answer(resolver, "12 commonwealth ave, attleboro") == "attleboro"
    assert _answer(resolver, "88 mass ave arlington") == "arlington"


def test_institution_kinds_between_the_noun_and_the_name_are_read_the_english_way(
    resolver: Resolver,
) -> None:
    assert _answer(resolver, "mi hija nació en el hospital general de massachusetts") == "boston"
    assert _answer(resolver, "aeroporto logan") == "boston"


def test_a_route_number_before_a_town_that_is_a_word_is_an_address(resolver: Resolver) -> None:
    assert _answer(resolver, "on rte 2 orange near the diner") == "orange"


def test_a_common_word_alone_completes_only_to_a_towns_own_name(resolver: Resolver) -> None:
    assert resolver.resolve("cool").outcome is Outcome.NONE  # Coolidge Corner, Coolidge Sq
    assert {"millbury", "millis", "millville"} <= _asked(resolver, "mill")


def test_a_zip_whose_two_sources_disagree_on_its_town_asks(resolver: Resolver) -> None:
    # 01731: Bedford by Census land share (51%), Lincoln by the MassGIS/HERE ZIP polygon.
    assert {"bedford", "lincoln"} <= _asked(resolver, "my zip is 01731")


def test_a_typos_rival_by_sound_is_another_towns_name_not_a_neighbourhoods(
    resolver: Resolver,
) -> None:
    assert _answer(resolver, "billerca") == "billerica"  # not Bell Rock (Malden)
    assert {"lawrence"} <= _asked(resolver, "lorence")  # Florence, or Lawrence: ask


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("I live in a small town called Sharon", "sharon"),
        ("moro numa cidade chamada Lowell", "lowell"),
    ],
)
def test_a_town_called_by_its_name_is_that_town(resolver: Resolver, text: str, place: str) -> None:
    # "called" and "named" make a person's name only when a person or pet is called so.
    assert _answer(resolver, text) == place


def test_indexing_a_prefix_loses_no_name_within_reach(resolver: Resolver) -> None:
    """The typo index holds only the first letters of each name; every name within reach is
    still found, as a scan of all of them finds it: for edits made at random to real names,
    shifts across the prefix's end included."""
    rng = random.Random(5)
    keys = resolver._compact_keys
    index = TypoIndex(keys, depth=2, prefix=4)  # a short prefix: many edits cross its end
    for key in rng.sample(keys, 400):
        word = list(key)
        for _ in range(rng.randint(1, 2)):
            at = rng.randrange(len(word))
            edit = rng.choice(("delete", "insert", "replace", "swap"))
            if edit == "delete" and len(word) > 1:
                del word[at]
            elif edit == "insert":
                word.insert(at, rng.choice(string.ascii_lowercase))
            elif edit == "replace":
                word[at] = rng.choice(string.ascii_lowercase)
            elif at + 1 < len(word):
                word[at], word[at + 1] = word[at + 1], word[at]
        query = "".join(word)
        for reach in (1, 2):
            scan = [(OSA.distance(query, k), i) for i, k in enumerate(keys)]
            assert index.within(query, reach) == sorted(x for x in scan if x[0] <= reach)


@pytest.mark.parametrize(
    "text",
    [
        "ipswich clams are worth the drive",
        "nantucket nectars in the fridge",
        "wellfleet oyster season is here",
        "boston legal reruns all weekend",
        "we watched manchester by the sea last night",
        "the band boston is underrated",
        "shipping up to boston on repeat",
        "this sitcom set in nowhere has a character named lowell",
        "i revere my grandmother",
        "we revere the bill of rights",
        "revere ware pots",
        "put your john hancock on the petition",
    ],
)
def test_a_dish_a_title_a_brand_or_a_verb_is_no_town(resolver: Resolver, text: str) -> None:
    assert resolver.resolve(text).outcome is Outcome.NONE, text


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("I live in Wellfleet, oysters are the best", "wellfleet"),
        ("movie night in amherst", "amherst"),
        ("my band plays in worcester, do they ban it", "worcester"),
        ("i'm moving to boston next month", "boston"),
        ("we're headed to salem for the hearing", "salem"),
        ("tôi sống ở Lowell", "lowell"),
        ("revere", "revere"),
        ("i revere", "revere"),
        ("revere ma", "revere"),
        ("boston public library", "boston"),
    ],
)
def test_a_place_word_or_a_move_keeps_the_town(resolver: Resolver, text: str, place: str) -> None:
    assert _answer(resolver, text) == place


@pytest.mark.parametrize(
    "text",
    [
        "lowell? no i meant lower, autocorrect",
        "natick? nope i meant nautical",
        "warde 3",
        "wardd 12",
        "collecting wellfleet pottery bowls",
    ],
)
def test_a_name_taken_back_or_a_misspelt_ward_is_no_town(resolver: Resolver, text: str) -> None:
    assert resolver.resolve(text).outcome is Outcome.NONE, text


@pytest.mark.parametrize(
    ("text", "towns"),
    [
        ("moving from lowell to dracut in june", {"lowell", "dracut"}),
        ("moro em framingham ou ashland, fica bem na divisa", {"framingham", "ashland"}),
        ("somerv or medfo? one of em", {"somerville", "medford"}),
    ],
)
def test_a_move_to_come_or_two_names_either_side_of_a_comma_are_asked_about(
    resolver: Resolver, text: str, towns: set[str]
) -> None:
    assert towns <= _asked(resolver, text)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("we moved from lowell to dracut last year", "dracut"),
        ("boston? no i meant brockton", "brockton"),
        ("12 Lowell St. Reading MA", "reading"),
    ],
)
def test_a_move_made_or_a_name_corrected_answers_the_new_one(
    resolver: Resolver, text: str, place: str
) -> None:
    assert _answer(resolver, text) == place


@pytest.mark.parametrize(
    ("text", "towns"),
    [
        ("hadl", {"hadley", "south-hadley"}),
        ("attleb", {"attleboro", "north-attleborough"}),
        ("i live in brookfi", {"brookfield", "north-brookfield", "east-brookfield"}),
    ],
)
def test_a_cut_off_name_is_completed_after_generic_first_words_too(
    resolver: Resolver, text: str, towns: set[str]
) -> None:
    assert towns <= _asked(resolver, text)


def test_a_cut_off_name_found_only_after_generic_words_is_that_name(resolver: Resolver) -> None:
    assert _answer(resolver, "barringt") == "great-barrington"


@pytest.mark.parametrize("text", ["reading it now", "orange it now", "athol fugard's new play"])
def test_a_common_word_opening_before_an_object_or_a_writer_is_no_town(
    resolver: Resolver, text: str
) -> None:
    assert resolver.resolve(text).outcome is Outcome.NONE, text


@pytest.mark.parametrize(
    ("text", "towns"),
    [
        ("salem and lowell", {"salem", "lowell"}),
        ("is it banned in reading or wakefield", {"reading", "wakefield"}),
        ("lowell e salem", {"lowell", "salem"}),
    ],
)
def test_a_common_word_name_joined_to_a_town_is_a_town_too(
    resolver: Resolver, text: str, towns: set[str]
) -> None:
    assert towns <= _asked(resolver, text)


def test_two_names_at_a_corner_are_streets(resolver: Resolver) -> None:
    assert _answer(resolver, "corner of lincoln and concord in lowell") == "lowell"


@pytest.mark.parametrize(
    ("text", "towns"),
    [
        ("salem or lynn tbh", {"salem", "lynn"}),
        ("quincy or braintree btw", {"quincy", "braintree"}),
    ],
)
def test_a_chat_abbreviation_after_a_name_says_nothing_of_it(
    resolver: Resolver, text: str, towns: set[str]
) -> None:
    assert towns <= _asked(resolver, text)


@pytest.mark.parametrize(("text", "place"), [("newbury idk", "newbury"), ("lee btw", "lee")])
def test_a_name_before_a_chat_abbreviation_is_the_town(
    resolver: Resolver, text: str, place: str
) -> None:
    assert _answer(resolver, text) == place


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("nor wood in", "norwood"),  # the whole message, though it ends with "in"
        ("may than", "methuen"),  # one sound-code edit, spelt alike
        ("ducks bury", "duxbury"),  # the same sound code, spelt unlike (0.6)
        ("glue chester", "gloucester"),  # "chester" is a town, and a word here
        ("bill rick ah lol", "billerica"),  # "lol" is no piece
        ("wells fleet on the cape", "wellfleet"),  # nor is "on the cape"
    ],
)
def test_a_name_dictated_in_ordinary_words_is_asked_about(
    resolver: Resolver, text: str, place: str
) -> None:
    assert place in _asked(resolver, text)


@pytest.mark.parametrize("text", ["hold on", "hang on", "see ya", "que es esto", "keep going"])
def test_a_conversational_phrase_that_sounds_like_a_town_is_none(
    resolver: Resolver, text: str
) -> None:
    assert resolver.resolve(text).outcome is Outcome.NONE, text


@pytest.mark.parametrize("text", ["tufts", "i go to tufts, i live on campus"])
def test_a_landmark_that_is_a_word_and_spans_towns_is_asked_about_alone_or_gone_to(
    resolver: Resolver, text: str
) -> None:
    assert _asked(resolver, text) == {"medford", "somerville"}


@pytest.mark.parametrize("text", ["tufts of grass", "i go to church"])
def test_a_landmark_word_otherwise_is_a_word(resolver: Resolver, text: str) -> None:
    assert resolver.resolve(text).outcome is Outcome.NONE, text


@pytest.mark.parametrize(
    "text", ["southern mass", "midnight mass", "i live in southeastern ma", "i live in south ma"]
)
def test_a_common_word_before_ma_is_no_typo_or_cut_off_name(resolver: Resolver, text: str) -> None:
    assert resolver.resolve(text).outcome is Outcome.NONE, text


def test_a_common_word_before_ma_that_sounds_like_a_town_is_asked_about(
    resolver: Resolver,
) -> None:
    assert _asked(resolver, "gardener ma") == {"gardner"}


@pytest.mark.parametrize("text", ["manchester airport", "brighton high school"])
def test_an_alias_that_is_also_a_place_elsewhere_before_a_structure_word_is_not_the_town(
    resolver: Resolver, text: str
) -> None:
    assert resolver.resolve(text).outcome is Outcome.NONE, text


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("01002 amherst", "amherst"),  # a town that is a word, in the ZIP's towns
        ("zip is 01060 florence", "northampton"),
        ("14 elm st apt 2 orange", "orange"),  # a town that is a word, ending an address
        ("232 main st 2nd floor hudson ma 01749", "hudson"),
    ],
)
def test_a_town_that_is_a_word_counts_beside_its_zip_or_ending_an_address(
    resolver: Resolver, text: str, place: str
) -> None:
    assert _answer(resolver, text) == place


def test_a_word_town_after_a_street_number_mid_sentence_is_still_a_word(
    resolver: Resolver,
) -> None:
    assert resolver.resolve("i read 3 books on main street reading").outcome is Outcome.NONE


def test_a_cut_off_name_is_asked_with_a_city_elsewhere_that_has_a_measure(
    resolver: Resolver,
) -> None:
    assert _asked(resolver, "pitts") == {"pittsfield", "pittsburgh-pa"}
    assert _answer(resolver, "pittsf") == "pittsfield"
    assert _answer(resolver, "pitts ma") == "pittsfield"  # "MA" says which


@pytest.mark.parametrize(
    ("text", "place"),
    [("the florence section", "northampton"), ("bradford neighborhood", "haverhill")],
)
def test_a_village_that_is_a_word_or_a_first_name_counts_before_section(
    resolver: Resolver, text: str, place: str
) -> None:
    assert _answer(resolver, text) == place


def test_filler_words_that_spell_a_town_are_asked_about(resolver: Resolver) -> None:
    assert _asked(resolver, "we live in and over") == {"andover"}
    assert resolver.resolve("over and over").outcome is Outcome.NONE


def test_a_landmark_taken_back_with_its_town_is_no_place(resolver: Resolver) -> None:
    text = "fenway park in boston? no i meant the one in my town"
    assert resolver.resolve(text).outcome is Outcome.NONE
    assert _answer(resolver, "i go to berklee in boston") == "boston"
    # The name meant, after the correction, is not taken back with it.
    assert _answer(resolver, "salem? no i meant north andover") == "north-andover"


def test_two_letters_off_a_nickname_is_no_typo_of_it(resolver: Resolver) -> None:
    # "Chucktown" (Charlestown) is two letters from Ashland's "Clocktown"; nicknames rhyme.
    assert resolver.resolve("chucktown").outcome is Outcome.NONE
    assert _answer(resolver, "clocktwn") == "ashland"  # one letter off is still a typo


@pytest.mark.parametrize(
    ("text", "towns"),
    [("newtown or needam?", {"newton", "needham"}), ("natick or newtown", {"natick", "newton"})],
)
def test_an_ordinary_word_offered_as_the_other_choice_may_be_a_misspelt_town(
    resolver: Resolver, text: str, towns: set[str]
) -> None:
    assert _asked(resolver, text) == towns


def test_a_name_offered_as_the_other_choice_is_no_typo_of_another(resolver: Resolver) -> None:
    assert _answer(resolver, "boston or whatever") == "boston"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("is hull included?", "hull"),
        ("does lee have a ban", "lee"),
        ("is orange covered", "orange"),
    ],
)
def test_a_town_that_is_a_word_asked_about_is_the_town(
    resolver: Resolver, text: str, place: str
) -> None:
    assert _answer(resolver, text) == place


@pytest.mark.parametrize("text", ["is bill covered", "is my ward included", "am i covered"])
def test_the_subject_asked_about_is_no_town(resolver: Resolver, text: str) -> None:
    assert resolver.resolve(text).outcome is Outcome.NONE, text


def test_one_ordinary_word_spelt_as_a_town_sounds_is_asked_about(resolver: Resolver) -> None:
    assert _asked(resolver, "beverley") == {"beverly"}
    for text in ("lester", "london", "hello"):  # less alike, or another code
        assert resolver.resolve(text).outcome is Outcome.NONE, text


@pytest.mark.parametrize(
    "text",
    [
        "went to dartmouth college, live in vermont",
        "driving to manchester airport in new hampshire",
        "orange county california",
    ],
)
def test_a_state_beside_another_name_is_its_setting_not_the_place(
    resolver: Resolver, text: str
) -> None:
    assert resolver.resolve(text).outcome is Outcome.NONE, text


def test_a_state_asked_about_is_the_state(resolver: Resolver) -> None:
    assert _answer(resolver, "is it banned in vermont") == "vt"


@pytest.mark.parametrize("text", ["that song is stuck in my head", "merci beaucoup"])
def test_ordinary_words_after_a_determiner_or_a_thanks_are_no_dictated_name(
    resolver: Resolver, text: str
) -> None:
    assert resolver.resolve(text).outcome is Outcome.NONE, text


def test_a_first_vowel_sounds_like_any_other(resolver: Resolver) -> None:
    assert _asked(resolver, "irving ma") == {"erving"}  # Metaphone keeps the first vowel


@pytest.mark.parametrize("text", ["mèsi anpil", "obrigada", "good morning"])
def test_small_talk_alone_names_no_place(resolver: Resolver, text: str) -> None:
    assert resolver.resolve(text).outcome is Outcome.NONE, text


def test_a_misspelt_town_beside_a_name_of_no_one_place_is_found(resolver: Resolver) -> None:
    text = "worcestor cops put cameras all over downtown"
    assert _answer(resolver, text) == "worcester"
    assert resolver.resolve("aretha franklin on the radio").outcome is Outcome.NONE


def test_a_mountain_climbed_is_no_town(resolver: Resolver) -> None:
    assert resolver.resolve("we climbed mt washington").outcome is Outcome.NONE
    assert _answer(resolver, "hiking in mount washington") == "mount-washington"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("im in lowell, in the north end", "lowell"),  # many towns have a North End
        ("moro em lowell no south end", "lowell"),
        ("the north end, boston", "boston"),
        ("rte 20 charlton next to the dunkin", "charlton"),  # a route and a town: an address
        ("sudbury center. nice place", "sudbury"),  # a full stop ends the name
    ],
)
def test_a_generic_quarter_defers_to_the_town_and_an_address_keeps_its_town(
    resolver: Resolver, text: str, place: str
) -> None:
    assert _answer(resolver, text) == place


@pytest.mark.parametrize(
    ("text", "place"),
    [("sit chew ate", "scituate"), ("sitch you it", "scituate"), ("wuss tah", "worcester")],
)
def test_a_name_spelt_as_residents_say_it_is_asked_about(
    resolver: Resolver, text: str, place: str
) -> None:
    # Heard against pronunciation guides' respellings ("SITCH-oo-it"), never read as a name.
    assert place in _asked(resolver, text)
    assert resolver.resolve("sitch-oo-it").outcome is not Outcome.MATCH


@pytest.mark.parametrize(("text", "place"), [("hunting", "huntington"), ("temple", "templeton")])
def test_a_common_word_alone_that_is_most_of_one_towns_name_is_asked_about(
    resolver: Resolver, text: str, place: str
) -> None:
    result = resolver.resolve(text)
    assert result.outcome is Outcome.AMBIGUOUS and [p.id for p in result.candidates] == [place]
    for word in ("little", "bright"):  # less of the name, or no town's own name
        assert resolver.resolve(word).outcome is Outcome.NONE, word


@pytest.mark.parametrize(
    "text",
    [
        "i need ham for the sandwiches",  # ordinary words spelling Needham, mid-sentence
        "stuck on route 128",  # the highway, not Route 128 station
        "aunt florence says hi",  # a first name that is also a village
        "lincoln my neighbor says hi",  # a name, then who they are
        "time to take acton now",  # a verb's object: the writer means action
    ],
)
def test_a_town_in_ordinary_words_a_route_or_a_person_is_no_town(
    resolver: Resolver, text: str
) -> None:
    assert resolver.resolve(text).outcome is Outcome.NONE, text


@pytest.mark.parametrize(
    ("text", "place"),
    [("i live in brain tree", "braintree"), ("i live in spencer, my neighbor too", "spencer")],
)
def test_the_same_words_after_a_place_word_are_the_town(
    resolver: Resolver, text: str, place: str
) -> None:
    assert _answer(resolver, text) == place


@pytest.mark.parametrize(
    "text",
    ["staying in worcester but the english one this term", "lowell is my brother, he says hi"],
)
def test_a_town_said_to_be_another_countrys_or_a_relative_is_no_town(
    resolver: Resolver, text: str
) -> None:
    assert resolver.resolve(text).outcome is Outcome.NONE, text


@pytest.mark.parametrize(
    ("text", "place"),
    [("cambridge, not the english one", "cambridge"), ("lowell is my home", "lowell")],
)
def test_the_home_town_said_so_is_the_town(resolver: Resolver, text: str, place: str) -> None:
    assert _answer(resolver, text) == place


@pytest.mark.parametrize("text", ["the hass avocados were good", "went to marlb yesterday"])
def test_letters_inside_a_sentence_are_no_cut_off_name(resolver: Resolver, text: str) -> None:
    # A name is cut off where the typing stopped, not in the middle of a sentence.
    assert resolver.resolve(text).outcome is not Outcome.MATCH, text


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("somervi", "somerville"),
        ("i live in tewks, mass", "tewksbury"),
        ("medf or medw", "medford"),
        ("i live in chelms and work nights", "chelmsford"),
    ],
)
def test_a_name_cut_off_at_the_end_a_comma_an_or_or_after_in_still_completes(
    resolver: Resolver, text: str, place: str
) -> None:
    result = resolver.resolve(text)
    assert place in {p.id for p in result.candidates}, (text, result)


@pytest.mark.parametrize(
    ("text", "place"), [("stone um", "stoneham"), ("i live in walt um", "waltham")]
)
def test_a_ham_said_um_is_asked_about_never_answered(
    resolver: Resolver, text: str, place: str
) -> None:
    assert resolver.resolve(text).outcome is Outcome.AMBIGUOUS
    assert place in _asked(resolver, text)


def test_a_whole_name_in_pieces_beats_a_longer_one_it_begins(resolver: Resolver) -> None:
    # "east ham" spells Eastham; it also begins "East Hampton" (Easthampton).
    assert _answer(resolver, "east ham") == "eastham"


@pytest.mark.parametrize(
    "text",
    [
        "we want a new town hall",  # ordinary words after "a", though "New Town" is a village
        "shirley is being so dramatic",  # a name that is also a person's, doing what people do
        "spencer texted us",
        "the dover in that tv show",  # a title's town
    ],
)
def test_a_thing_a_person_or_a_title_is_no_town(resolver: Resolver, text: str) -> None:
    assert resolver.resolve(text).outcome is Outcome.NONE, text


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("worcester wants to ban it", "worcester"),  # the town acting, not "Worcester ..." a name
        ("revere already bans it", "revere"),
        ("randolph is being sued", "randolph"),  # a town can be
        ("i live in shirley", "shirley"),
    ],
)
def test_a_town_acting_is_the_town(resolver: Resolver, text: str, place: str) -> None:
    assert _answer(resolver, text) == place


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("flying from norwood airport", "norwood"),  # Norwood Memorial Airport, said short
        ("provincetown airport", "provincetown"),
        ("12 union sq boston", "boston"),  # a house number: a street named after the square
        ("south end", "boston"),  # a generic name of one place, as all the message says
    ],
)
def test_an_airport_said_short_an_address_and_a_quarter_alone(
    resolver: Resolver, text: str, place: str
) -> None:
    assert _answer(resolver, text) == place


@pytest.mark.parametrize("text", ["manchester airport", "the south end of town", "west side"])
def test_another_airport_and_a_described_side_of_town_are_no_town(
    resolver: Resolver, text: str
) -> None:
    assert resolver.resolve(text).outcome is Outcome.NONE, text


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("the face surveillance bill died on beacon hill", None),  # the legislature
        ("lawmakers on beacon hill keep stalling", None),
        ("i live on beacon hill, any news on the bill?", "boston"),  # a home
        ("beacon hill, is there a hearing", "boston"),  # where the writer is, said first
        ("that bill is stuck on beacon hill, i live in lowell", "lowell"),
    ],
)
def test_beacon_hill_in_talk_of_bills_is_the_legislature(
    resolver: Resolver, text: str, place: str | None
) -> None:
    assert _answer(resolver, text) == place


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("went to the university of vermont in burlington", None),  # Vermont's Burlington
        ("burlington", "burlington"),
        ("kendall T stop", "cambridge"),  # a station, said as riders say it
        ("wollaston red line station", "quincy"),
        ("washington square", None),  # a square in many towns, Brookline's a neighbourhood
        ("washington square brookline", "brookline"),
        ("i take barre classes", None),  # a class, not the town
        ("i take pottery classes in barre", "barre"),
    ],
)
def test_another_states_city_a_station_said_short_a_common_square_and_a_class(
    resolver: Resolver, text: str, place: str | None
) -> None:
    assert _answer(resolver, text) == place


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("moving to ACK in june", "nantucket"),  # a short nickname after a move
        ("is avon one of the towns that banned it", "avon"),  # a question about a town
        ("tôi ở worcester", "worcester"),  # Vietnamese "ở" (in)
    ],
)
def test_a_name_that_is_a_word_counts_where_a_resident_would_mean_it(
    resolver: Resolver, text: str, place: str
) -> None:
    assert _answer(resolver, text) == place


@pytest.mark.parametrize(
    "text", ["logan, can you help", "reservoir", "is reading fun", "ack sorry wrong chat"]
)
def test_a_word_or_a_person_spoken_to_stays_a_word(resolver: Resolver, text: str) -> None:
    assert resolver.resolve(text).outcome is Outcome.NONE, text


@pytest.mark.parametrize(
    ("text", "place"), [("magnolia", "gloucester"), ("magnolia, by the harbor", "gloucester")]
)
def test_a_village_whose_name_is_a_word_alone_is_confirmed_never_answered(
    resolver: Resolver, text: str, place: str
) -> None:
    assert _asked(resolver, text) == {place}


@pytest.mark.parametrize("text", ["i think magnolia is important", "the onset of it"])
def test_a_village_whose_name_is_a_word_inside_a_sentence_is_a_word(
    resolver: Resolver, text: str
) -> None:
    assert resolver.resolve(text).outcome is Outcome.NONE, text


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("we pahk by hahvahd yahd", "cambridge"),  # a Boston accent: the r put back
        ("i live in stone em", "stoneham"),  # -ham said "em"
        ("lyn ma", "lynn"),  # a short name sounded out, with "MA"
        ("jil mass", "gill"),
    ],
)
def test_accents_and_short_names_sounded_out_are_asked_about(
    resolver: Resolver, text: str, place: str
) -> None:
    assert place in _asked(resolver, text)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("my kid goes to princeton university in princeton", None),  # a school we do not know
        ("my daughter is at smith college in northampton", "northampton"),  # one we know
        ("tufts campus", {"medford", "somerville"}),  # a campus: its landmark, asked
    ],
)
def test_a_schools_town_is_the_schools(
    resolver: Resolver, text: str, place: str | set[str] | None
) -> None:
    if isinstance(place, set):
        assert _asked(resolver, text) == place
    else:
        assert _answer(resolver, text) == place


@pytest.mark.parametrize(
    ("text", "place", "others"),
    [
        ("tanglewood", "lenox", {"stockbridge"}),  # mostly in one town: answered, others offered
        ("alewife", "cambridge", {"arlington", "somerville"}),
        ("is westover air reserve base covered", "chicopee", {"ludlow"}),
    ],
)
def test_a_landmark_mostly_in_one_town_answers_it_and_offers_the_others(
    resolver: Resolver, text: str, place: str, others: set[str]
) -> None:
    result = resolver.resolve(text)
    assert result.place is not None and result.place.id == place
    assert {p.id for p in result.alternatives} == others


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("heath st station", "boston"),  # St is Street after a name's first word
        ("meet me at the park st stop", "boston"),  # a stop whose station we know
        ("shrewsbury st", None),  # a street in many towns, not Worcester's quarter
        ("bus stop", None),
        # riders' words for a station: "train station", "commuter rail (station)"
        ("south acton commuter rail station", "acton"),
        ("ashland train station", "ashland"),
        ("forge park commuter rail", "franklin"),  # a station named for no town
        ("the readville train", "boston"),
        # a town's name before "commuter rail" is its line, whose riders live all along it
        ("i take the worcester commuter rail", None),
        ("ashland commuter rail", None),
        ("i take the commuter rail", None),
    ],
)
def test_street_abbreviations_and_stops_name_stations(
    resolver: Resolver, text: str, place: str | None
) -> None:
    assert _answer(resolver, text) == place


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("we live right by logan", "boston"),  # near a landmark is where it is
        ("i go to mount holyoke", "south-hadley"),  # the college, not the mountain
        ("parking near the mount holyoke campus", "south-hadley"),  # a campus is a college's
        ("mount everett", "mount-washington"),
        ("mwen se moun everett", "everett"),  # no landmark from a typo ("moun": a person)
    ],
)
def test_landmarks_near_gone_to_and_never_guessed(
    resolver: Resolver, text: str, place: str
) -> None:
    assert _answer(resolver, text) == place


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("we are in the port, near central square", "cambridge"),  # the one place both mean
        ("ob, on the vineyard", "oak-bluffs"),  # a short nickname inside the island named
        ("ack native", "nantucket"),  # a short nickname with what a resident is
        ("heading home to ack", "nantucket"),
    ],
)
def test_names_that_agree_and_short_nicknames_in_context(
    resolver: Resolver, text: str, place: str
) -> None:
    assert _answer(resolver, text) == place


def test_a_low_name_of_one_place_does_not_pick_among_anothers(resolver: Resolver) -> None:
    # Chestnut Hill is in three towns; "the reservoir" (low, Brookline) says too little.
    assert len(_asked(resolver, "chestnut hill by the reservoir")) == 3


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("we live in conquered mass", "concord"),  # a word with a town's long sound code, MA
        ("sit you it", "scituate"),  # "t" + "you" said "ch": sit-chew-it
        ("joliok", "holyoke"),  # a Spanish "j" for "h"
    ],
)
def test_more_sounds_residents_type_are_asked_about(
    resolver: Resolver, text: str, place: str
) -> None:
    assert place in _asked(resolver, text)


def test_a_word_with_a_towns_long_sound_code_needs_ma(resolver: Resolver) -> None:
    assert resolver.resolve("conquered").outcome is Outcome.NONE


@pytest.mark.parametrize(
    ("text", "place"),
    [("haver", "haverhill"), ("chico", "chicopee"), ("lowe", "lowell")],
)
def test_a_common_word_that_is_much_of_one_towns_name_is_confirmed(
    resolver: Resolver, text: str, place: str
) -> None:
    assert _asked(resolver, text) == {place}


def test_a_name_cut_off_before_a_state_abbreviation_is_still_cut_off(resolver: Resolver) -> None:
    # "wash" is Washington state's short form, but "mount" alone names nothing there.
    assert _answer(resolver, "mount wash") == "mount-washington"
    assert resolver.resolve("springfeild wash").outcome is Outcome.NONE  # a typo, then WA


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("we are in lowell, highlands area", "lowell"),  # Highlands (Scotland) is no region here
        ("manomet, down the hill from the school", "plymouth"),  # nor Down (Ireland)
        ("north end, near the old church", "boston"),  # a quarter said first, then a comma
        ("salem st north end", "boston"),  # a quarter after a street
    ],
)
def test_words_that_name_foreign_provinces_and_a_quarter_said_first(
    resolver: Resolver, text: str, place: str
) -> None:
    assert _answer(resolver, text) == place


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("bedford falls, as in the film", None),  # a film's town
        ("the leyden jar demo in class", None),  # a thing named after a place
        ("movie night in amherst this friday", "amherst"),  # a film shown in a real town
        ("my mom kept every westport catalog", None),  # a catalogue named for a town
        ("we argued about hull nets all night", None),  # a thing, and "about" its topic
        ("what about hull", "hull"),  # "about" alone still asks about the town
        ("the sears catalog in lowell", "lowell"),
    ],
)
def test_a_films_town_and_a_thing_named_for_a_town_are_no_town(
    resolver: Resolver, text: str, place: str | None
) -> None:
    assert _answer(resolver, text) == place


@pytest.mark.parametrize(
    "text",
    [
        "my grandson Sherborn",  # a relative's name
        "my stepdad Sherborn",
        "the mailman wendell",  # someone by their work
        "Sherborn my roommate is out",  # who the name is, after it
        "mi abuela florence",  # Spanish and Portuguese
        "o vizinho Hudson",
    ],
)
def test_a_relative_or_someone_in_a_role_named_like_a_town_is_no_town(
    resolver: Resolver, text: str
) -> None:
    assert resolver.resolve(text).outcome is Outcome.NONE, text


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("king's lynn", None),  # cities elsewhere whose names hold one of ours
        ("we visited milton keynes", None),
        ("i live in beverly hills", None),
        ("waltham abbey", None),
        ("my grandmother lives in lowell", "lowell"),  # a relative who lives in a town
        ("great barrington", "great-barrington"),  # ours, with "great"
    ],
)
def test_a_city_elsewhere_whose_name_holds_ours_is_not_the_town(
    resolver: Resolver, text: str, place: str | None
) -> None:
    assert _answer(resolver, text) == place


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("springfield, the one in missouri", None),  # the namesake meant, said after it
        ("moro em worcester mas o de inglaterra", None),
        ("vivo en salem pero el de oregon", None),
        ("springfield not the one in illinois", "springfield"),  # ours, said so
        ("i live in springfield, the one in massachusetts", "springfield"),
    ],
)
def test_the_one_in_a_region_after_a_name_is_the_namesake(
    resolver: Resolver, text: str, place: str | None
) -> None:
    assert _answer(resolver, text) == place


@pytest.mark.parametrize(
    "text",
    [
        "a poem by walt whitman",  # a person called by a nickname, then a surname like a town
        "ask jenn lowell about the flyers",
        "mikey sharon is running the table",
    ],
)
def test_a_nickname_before_a_town_name_is_a_person(resolver: Resolver, text: str) -> None:
    assert resolver.resolve(text).outcome is Outcome.NONE, text


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("i live in mit ton", {"milton", "cambridge"}),  # MIT, or Milton said in two pieces?
        ("mit ford", {"milford", "cambridge"}),
    ],
)
def test_a_short_landmark_and_the_next_word_that_spell_a_town_ask(
    resolver: Resolver, text: str, asked: set[str]
) -> None:
    assert asked <= _asked(resolver, text)


def test_a_short_landmark_before_an_ordinary_word_is_the_landmark(resolver: Resolver) -> None:
    assert _answer(resolver, "pem exhibit this weekend") == "salem"


def test_a_word_and_a_city_elsewhere_heard_as_one_of_our_names_ask(resolver: Resolver) -> None:
    # Great Barrington dictated in two words, not Barrington, Rhode Island
    assert _asked(resolver, "grayt barrington") == {"great-barrington"}
    assert resolver.resolve("my cousin lives in barrington").outcome is Outcome.NONE


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("lapolis nan Boston itilize kamera?", "boston"),  # Haitian Creole "nan": in
        ("mwen pa konnen si gen lwa nan Milton", "milton"),  # not the first name Nan
    ],
)
def test_haitian_creole_nan_is_in(resolver: Resolver, text: str, place: str) -> None:
    assert _answer(resolver, text) == place


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("washington, the tiny town near becket", "washington"),  # the town, not the state
        ("florida, the little town", "florida"),
        ("springfield, the city in illinois", None),  # a namesake's region still counts
    ],
)
def test_the_town_after_a_name_is_the_massachusetts_town(
    resolver: Resolver, text: str, place: str | None
) -> None:
    assert _answer(resolver, text) == place


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("my sister lives in portland in oregon", "portland-or"),  # the state says which
        ("moro em portland no oregon", "portland-or"),
    ],
)
def test_a_place_elsewhere_named_with_its_state_after_in_is_that_place(
    resolver: Resolver, text: str, place: str
) -> None:
    assert _answer(resolver, text) == place


def test_a_cut_off_name_after_another_word_is_asked_not_answered(resolver: Resolver) -> None:
    # "tall annis": perhaps Annisquam cut off, perhaps a name dictated in pieces
    result = resolver.resolve("tall annis")
    assert result.outcome is Outcome.AMBIGUOUS, result
    assert _answer(resolver, "i live in somervil") == "somerville"  # after a cue: answered


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("our city is reading", "reading"),  # a town that is a word, named as the town
        ("minha cidade é orange", "orange"),  # "é" (is) is dropped when folding
        ("mi pueblo es sharon", "sharon"),
        ("canvassed in hatchville, hudson said no", "falmouth"),  # said: nothing taken back
        ("acton? no i meant action", None),  # taken back
    ],
)
def test_a_town_named_as_the_town_counts_and_said_is_not_taking_back(
    resolver: Resolver, text: str, place: str | None
) -> None:
    assert _answer(resolver, text) == place


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("northeastern alumni night", {"boston"}),  # a university called by its first word
        ("brandeis students want a forum", {"waltham"}),
        ("the tufts dorms", {"medford", "somerville"}),  # a campus across a line: asked
    ],
)
def test_a_college_before_students_or_campus_is_the_college(
    resolver: Resolver, text: str, asked: set[str]
) -> None:
    result = resolver.resolve(text)
    found = {p.id for p in result.candidates} or ({result.place.id} if result.place else set())
    assert found == asked, (text, result)


def test_a_square_before_the_t_is_its_station(resolver: Resolver) -> None:
    assert _answer(resolver, "meet me at the central square T") == "cambridge"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("the lowell line was late again", None),  # a rail line named for a town
        ("i live on the arlington lexington line", None),  # a border of two towns: asked
        ("worcester was a great show", None),  # a show named for a town
        ("show me worcester", "worcester"),
    ],
)
def test_a_rail_line_or_a_show_named_for_a_town_is_not_the_town(
    resolver: Resolver, text: str, place: str | None
) -> None:
    assert _answer(resolver, text) == place


def test_a_town_before_another_towns_landmark_asks_about_both(resolver: Resolver) -> None:
    # "Lowell Union Hospital": perhaps that town's own, not the Union Hospital of Lynn
    assert {"lowell", "lynn"} <= _asked(resolver, "lowell union hospital")


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("dover-sherborn", {"dover", "sherborn"}),  # a regional district: both towns
        ("dennis-yarmouth regional", {"dennis", "yarmouth"}),  # not a person named Dennis
        ("lincoln-sudbury", {"lincoln", "sudbury"}),
        # a regional district (schools.yaml, from DESE) without its hyphen: not "dover" the
        # word, "Lincoln" the president or "Dennis" a first name before the other town
        ("my kid goes to dover sherborn", {"dover", "sherborn"}),
        ("lincoln sudbury high", {"lincoln", "sudbury"}),
        ("hamilton wenham regional high", {"hamilton", "wenham"}),
        ("manchester essex", {"manchester-by-the-sea", "essex"}),
        ("spencer east brookfield schools", {"spencer", "east-brookfield"}),
    ],
)
def test_two_towns_joined_by_a_hyphen_are_asked_about(
    resolver: Resolver, text: str, asked: set[str]
) -> None:
    assert _asked(resolver, text) == asked


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("dr sutton says the clinic is open", None),  # a title before a name: a person
        ("senator warren spoke", None),
        ("we met mayor lowell", None),
        ("12 commonwealth dr braintree", "braintree"),  # after a street, "dr" is a drive
    ],
)
def test_a_title_before_a_town_name_is_a_person(
    resolver: Resolver, text: str, place: str | None
) -> None:
    assert _answer(resolver, text) == place


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("45 waverly st, framingham", "framingham"),  # a street, not Waverley (Belmont) misspelt
        ("we're on whitmann rd, lowell", "lowell"),  # not Whitman misspelt
        ("i live on cambrige st", None),  # a street named for a town is not the town
    ],
)
def test_a_word_before_a_road_word_is_the_roads_name_not_a_typo(
    resolver: Resolver, text: str, place: str | None
) -> None:
    assert _answer(resolver, text) == place


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("we live on lincoln near the school", None),  # a home "on" a name: a street
        ("my apartment on washington", None),
        ("moved into a condo on boylston, emerson college", "boston"),
        ("we live on nantucket all year", "nantucket"),  # an island is lived on
        ("i live on nahant", "nahant"),
        ("i live on salem st in medford", "medford"),
    ],
)
def test_a_home_on_a_town_name_is_on_a_street(
    resolver: Resolver, text: str, place: str | None
) -> None:
    assert _answer(resolver, text) == place


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("bu sta dretu?", None),  # Kriolu: "bu" is "you", not Boston University
        ("undi bu ta mora?", None),
        ("N kre sabi mas", None),
        ("N ta mora na Brockton", "brockton"),  # a town is a town in any language
        ("my cousin goes to bu", "boston"),
    ],
)
def test_kriolu_words_are_not_names(resolver: Resolver, text: str, place: str | None) -> None:
    assert _answer(resolver, text) == place
    if place is None:
        assert resolver.resolve(text).outcome is Outcome.NONE, text


@pytest.mark.parametrize(
    "text",
    [
        "president lincoln freed the slaves",
        "can you ask milton about the meeting",
        "tell sharon i said thanks",
        "grandma left me a lenox vase",
        "she collects lenox figurines",
    ],
)
def test_a_person_or_a_thing_named_like_a_town_is_no_town(resolver: Resolver, text: str) -> None:
    assert _answer(resolver, text) is None, text


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("endicott station", "dedham"),
        ("endicott college", "beverly"),
        ("wonderland on the blue line", "revere"),
        ("the food court in quincy market", "boston"),
        ("quincy market food court", "boston"),
        ("clark u", "worcester"),
        ("i went to suffolk univ", "boston"),
        ("picking my mom up out of logan tonight", "boston"),
        ("headed to gillette for the game", "foxborough"),
    ],
)
def test_landmarks_by_the_names_people_use(resolver: Resolver, text: str, place: str) -> None:
    assert _answer(resolver, text) == place


def test_a_stations_short_name_is_not_the_start_of_a_landmark_elsewhere(
    resolver: Resolver,
) -> None:
    # "Endicott" begins Endicott College (Beverly): not Endicott station's (Dedham) short name.
    assert _answer(resolver, "endicott") != "dedham"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("the bradford section of haverhill", "haverhill"),
        ("we're in the lowell neighborhood in lawrence", "lawrence"),  # a section's name
        ("the quincy part of braintree", "braintree"),
    ],
)
def test_a_section_of_the_town_named_next_is_in_that_town(
    resolver: Resolver, text: str, place: str
) -> None:
    assert _answer(resolver, text) == place


def test_pieces_one_letter_from_a_name_are_asked_about(resolver: Resolver) -> None:
    assert _asked(resolver, "edger town") == {"edgartown"}


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("i live in edger town", "edgartown"),  # after "in": one letter from one name
        ("we moved to lowel ma", "lowell"),
        ("bostn ma", "boston"),
    ],
)
def test_a_slip_where_a_town_goes_is_that_town(resolver: Resolver, text: str, place: str) -> None:
    assert _answer(resolver, text) == place


@pytest.mark.parametrize("text", ["gardener ma", "i live in salam"])
def test_a_word_spelt_right_where_a_town_goes_is_only_asked_about(
    resolver: Resolver, text: str
) -> None:
    assert resolver.resolve(text).outcome is Outcome.AMBIGUOUS, text


@pytest.mark.parametrize("text", ["wicked pissah dude", "pissah bot lol", "statie"])
def test_boston_english_is_ordinary_words(resolver: Resolver, text: str) -> None:
    assert resolver.resolve(text).outcome is Outcome.NONE, text


def test_a_university_elsewhere_is_its_city(resolver: Resolver) -> None:
    assert _answer(resolver, "my sister is at uc berkeley") == "berkeley-ca"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("is lee on the list?", "lee"),  # asked about
        ("hull, plymouth county", "hull"),  # a town followed by its own county
        ("ware (hampshire county)", "ware"),
        ("lee, berkshire county", "lee"),  # the Massachusetts county, not the English one
        ("springfieldmass", "springfield"),  # glued to the state
        ("we live in lowellma", "lowell"),
        ("mieszkam w chicopee", "chicopee"),  # Polish "w" is "in", not "West"
        ("harvard ave stop", "boston"),  # a station by its street word as riders write it
        ("blue hill ave station", "boston"),
        ("grew up in southy", "boston"),
    ],
)
def test_short_names_confirmed_by_what_follows_them(
    resolver: Resolver, text: str, place: str
) -> None:
    assert _answer(resolver, text) == place


@pytest.mark.parametrize(
    "text",
    [
        "chelsea clinton spoke at the rally",  # a first name that is a town, then a surname
        "dr j erving",  # a title and an initial before a surname
        "montague pei",  # Prince Edward Island
        "bonjou mesi anpil",  # Haitian Creole: hello, thanks a lot
    ],
)
def test_people_provinces_and_creole_words_are_no_town(resolver: Resolver, text: str) -> None:
    assert _answer(resolver, text) is None, text


def test_initials_are_not_guessed_from_a_typo(resolver: Resolver) -> None:
    # "S.F." is read "south f": "southe" is one letter from it, and is Southie's typo instead.
    result = resolver.resolve("southe")
    offered = {p.id for p in result.candidates} | ({result.place.id} if result.place else set())
    assert "san-francisco-ca" not in offered


def test_two_towns_after_a_cue_are_still_two_towns(resolver: Resolver) -> None:
    assert _asked(resolver, "i work in the lowell lawrence area") >= {"lowell", "lawrence"}


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("i live in reading, not pennsylvania", "reading"),  # a state said not to be meant
        ("lee native here", "lee"),  # a short town name before "native", "resident"
        ("warren residents should call", "warren"),
        ("m rete nan Lowell ak pitit mwen", "lowell"),  # Haitian Creole "ak" (and) is no Alaska
        ("i live in canton, coffee here is good", "canton"),  # a comma ends the name
        ("bostonians deserve better", "boston"),  # a demonym
    ],
)
def test_what_says_a_name_is_ours(resolver: Resolver, text: str, place: str) -> None:
    assert _answer(resolver, text) == place


@pytest.mark.parametrize(
    "text",
    [
        "newton abbot, devon",  # a name of ours and one more word, placed abroad
        "dinner at lenox kitchen",  # a restaurant named for a town
        "santa cruz de tenerife",  # a city elsewhere that begins with a name we know
    ],
)
def test_places_and_restaurants_named_after_ours_are_not_ours(
    resolver: Resolver, text: str
) -> None:
    assert _answer(resolver, text) is None, text


def test_a_bridge_between_two_towns_asks(resolver: Resolver) -> None:
    assert _asked(resolver, "stuck on the tobin bridge") == {"boston", "chelsea"}


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("my kid plays for agawam high", "agawam"),  # a town's own high school
        ("west springfield high school graduate", "west-springfield"),
        ("newton south high", "newton"),
    ],
)
def test_a_towns_own_high_school_is_in_the_town(resolver: Resolver, text: str, place: str) -> None:
    assert _answer(resolver, text) == place


def test_a_high_school_of_a_name_we_do_not_know_is_no_town(resolver: Resolver) -> None:
    # Lincoln has no high school of its own (Lincoln-Sudbury is in Sudbury): another state's.
    assert _answer(resolver, "i went to lincoln high school") is None


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("meet me at hingham station", "hingham"),  # a town's own station
        ("i park at worcester station", "worcester"),
        ("my zip is o2143", "somerville"),  # the letter O for the ZIP's zero
        ("42 boston post rd w, marlborough", "marlborough"),  # a comma ends "W"
        ("mass ave arlington", "arlington"),  # a US city of one of our names is ours here
        ("framingham union hospital", "framingham"),  # not Lynn's Union Hospital
        ("game at bowditch field", "framingham"),
    ],
)
def test_stations_zips_and_hospitals_said_as_residents_say_them(
    resolver: Resolver, text: str, place: str
) -> None:
    assert _answer(resolver, text) == place


@pytest.mark.parametrize(
    "text",
    [
        "i ride the greenbush line",  # a rail line named for a village
        "wwward 3",  # a ward, a letter held down
        "just look it up in webster",  # a dictionary
        "the gardner is coming friday",  # someone
        "roxbury chicago",  # a city of another state after a name of ours
    ],
)
def test_lines_wards_books_people_and_cities_elsewhere_are_no_town(
    resolver: Resolver, text: str
) -> None:
    assert _answer(resolver, text) is None, text


# Words that end or link a phrase in the rules that look past a name: qualifiers ("in Ohio",
# "the one in"), cues, articles, codes, a lone letter. Strung together at random after and
# around names, none may make the resolver fail: "¿somerville o no?" once read past the end.
_TRICKY = (
    "o no in the one but de en em na nan of from ma mass county co station line on at , ? "
    "somerville springfield lee ware hull boston salem berkshire franklin new w n st ave "
    "not near by the a i live ak bu 02143 o2150 ward 3 precinct"
).split()


def test_no_string_of_tricky_words_makes_the_resolver_fail(resolver: Resolver) -> None:
    rng = random.Random(42)
    for _ in range(4000):
        words = [rng.choice(_TRICKY) for _ in range(rng.randint(1, 7))]
        text = " ".join(words).replace(" ,", ",").replace(" ?", "?")
        result = resolver.resolve(text)  # must not raise
        assert result.outcome in set(Outcome), text


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("west holyoke", "holyoke"),
        ("west fitchburg", "fitchburg"),
        ("i live in south sudbury", "sudbury"),
    ],
)
def test_a_direction_before_a_town_with_no_such_name_elsewhere_is_that_town(
    resolver: Resolver, text: str, place: str
) -> None:
    # A part of the town (16 blind-table rows expected it answered, none asked): no place
    # elsewhere has the whole name, among every one GeoNames lists down to 500 people.
    assert _answer(resolver, text) == place


@pytest.mark.parametrize("text", ["north conway", "west orange", "west chester", "south orange"])
def test_a_direction_before_a_town_that_names_a_place_elsewhere_is_not_ours(
    resolver: Resolver, text: str
) -> None:
    # North Conway, New Hampshire; West Orange and South Orange, New Jersey; West Chester, PA.
    assert resolver.resolve(text).outcome is Outcome.NONE


def test_a_former_name_is_the_town_that_bore_it(resolver: Resolver) -> None:
    # North Bridgewater was Brockton's name until 1874, not a part of Bridgewater.
    assert _answer(resolver, "north bridgewater") == "brockton"
    assert _answer(resolver, "I live in what was once called South Danvers") == "peabody"


def test_a_direction_before_a_name_elsewhere_is_that_place(resolver: Resolver) -> None:
    assert _answer(resolver, "south portland") is None


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("я живу в Бостоне", "boston"),  # Russian: in Boston
        ("мы живем в Спрингфилде", "springfield"),
        ("живу в Нью-Бедфорде", "new-bedford"),  # "Нью" is New, not a word of its own
        ("Броктон", "brockton"),
    ],
)
def test_names_in_cyrillic_letters_are_read(resolver: Resolver, text: str, place: str) -> None:
    assert _answer(resolver, text) == place


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("мы переехали в Кембридж", "cambridge"),  # Russian, a name GeoNames gives
        ("работаю в Лоуэлле, живу в Лоуэлле", "lowell"),  # with its case ending
        ("أعيش في كامبريدج", "cambridge"),  # Arabic
        ("ببوسطن", "boston"),  # Arabic "in" written onto the name
        ("ローウェルに住んでいます", "lowell"),  # Japanese: no spaces between words
        ("저는 우스터에 살아요", "worcester"),  # Korean, with its particle
        ("저는 퀸시에 살아요", "quincy"),  # a Korean name of two syllables
        ("मैं बोस्टन में रहता हूँ", "boston"),  # Hindi
    ],
)
def test_names_in_other_scripts_are_read(resolver: Resolver, text: str, place: str) -> None:
    assert _answer(resolver, text) == place


@pytest.mark.parametrize("text", ["я живу в Бруклине", "мы из Бруклина"])
def test_a_name_in_other_letters_only_close_to_a_town_is_asked_about(
    resolver: Resolver, text: str
) -> None:
    # "Бруклин" is Brooklyn, a letter or two from Brookline written in Latin letters.
    assert resolver.resolve(text).outcome is not Outcome.MATCH, text


def test_a_name_inside_a_longer_word_of_another_script_is_not_read(resolver: Resolver) -> None:
    # "Бостонский" (Bostonian) carries an ending longer than a case's; "Салемов" is no Salem.
    assert _answer(resolver, "бостонскийский") is None


@pytest.mark.parametrize("text", ["Где находится мэрия?", "спасибо большое", "Кто мой сенатор?"])
def test_other_words_in_cyrillic_letters_are_not_heard_as_names(
    resolver: Resolver, text: str
) -> None:
    assert resolver.resolve(text).outcome is Outcome.NONE, text


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("northampton proibiu?", "northampton"),  # a Portuguese verb of what a town does
        ("springfield tiene prohibicion?", "springfield"),
        ("we go to boston for work", "boston"),  # a city gone to, though Boston College exists
    ],
)
def test_what_a_town_does_in_other_languages(resolver: Resolver, text: str, place: str) -> None:
    assert _answer(resolver, text) == place


def test_a_small_town_gone_to_asks_about_the_university_named_for_it(
    resolver: Resolver,
) -> None:
    assert _asked(resolver, "my daughter goes to harvard") >= {"harvard", "cambridge"}


@pytest.mark.parametrize(
    "text",
    [
        "we're at 700 boylston near the library",  # a house number, then its street
        "ware did you find the link",  # "where", misspelt, opening a question
        "reading up on it now",  # a verb
    ],
)
def test_house_numbers_questions_and_verbs_are_no_town(resolver: Resolver, text: str) -> None:
    assert _answer(resolver, text) is None, text


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("45 elm st apt 3 northampton", "northampton"),  # an apartment number, then the town
        ("po box 12 wellfleet", "wellfleet"),
        ("in 2020 boston banned it", "boston"),  # a year is no house number
        ("rte 9 framingham", "framingham"),
        ("m ap viv Everett ak pitit mwen", "everett"),  # Haitian Creole: I live in Everett
    ],
)
def test_numbers_that_are_no_house_number_and_creole_living(
    resolver: Resolver, text: str, place: str
) -> None:
    assert _answer(resolver, text) == place


@pytest.mark.parametrize(
    ("text", "place"),
    [("reading ward 2 precinct 3", "reading"), ("orange pct 1", "orange"), ("lee w1 p1", "lee")],
)
def test_a_town_that_is_a_word_before_its_ward_is_the_town(
    resolver: Resolver, text: str, place: str
) -> None:
    assert _answer(resolver, text) == place


@pytest.mark.parametrize(
    ("text", "place"),
    [("22 elm street comma reading comma mass", "reading"), ("i live in dover comma ma", "dover")],
)
def test_a_dictated_comma_is_a_comma(resolver: Resolver, text: str, place: str) -> None:
    assert _answer(resolver, text) == place


@pytest.mark.parametrize("text", ["oxford comma", "do you use the oxford comma", "a comma"])
def test_the_word_comma_as_a_noun_adds_no_place(resolver: Resolver, text: str) -> None:
    assert _answer(resolver, text) is None


@pytest.mark.parametrize(
    ("text", "place"), [("hamden ma", "hampden"), ("merrimack, mass", "merrimac")]
)
def test_a_name_of_elsewhere_said_to_be_in_massachusetts_is_a_misspelt_town(
    resolver: Resolver, text: str, place: str
) -> None:
    result = resolver.resolve(text)
    assert place in {p.id for p in result.candidates}, (text, result)


@pytest.mark.parametrize("text", ["hamden ct", "merrimack nh", "hamden"])
def test_a_name_of_elsewhere_without_massachusetts_stays_elsewhere(
    resolver: Resolver, text: str
) -> None:
    assert resolver.resolve(text).outcome is Outcome.NONE, text


@pytest.mark.parametrize("text", ["dobry wieczór", "danke schön"])
def test_common_words_of_french_german_italian_and_polish_are_not_heard_as_towns(
    resolver: Resolver, text: str
) -> None:
    # "dobry" had been heard as Dover, "danke" as Worcester or Stoughton.
    assert resolver.resolve(text).outcome is Outcome.NONE, text


def test_a_town_misspelt_in_polish_is_still_read(resolver: Resolver) -> None:
    assert _answer(resolver, "mieszkam w bostonie") == "boston"


@pytest.mark.parametrize(("text", "place"), [("eske Lowell gen yon lwa?", "lowell")])
def test_haitian_gen_after_a_town_is_has(resolver: Resolver, text: str, place: str) -> None:
    assert _answer(resolver, text) == place


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("we moved from lowell to somerville last year", "somerville"),
        ("moved from portland me to medford this spring", "medford"),
    ],
)
def test_a_town_moved_to_before_a_time_word_is_the_new_home(
    resolver: Resolver, text: str, place: str
) -> None:
    # "Somerville last ..." had read as the first word of another name, and Lowell, moved
    # away from, was answered instead.
    assert _answer(resolver, text) == place


@pytest.mark.parametrize("text", ["i moved from lowell to reading last week"])
def test_a_town_moved_away_from_is_never_the_answer(resolver: Resolver, text: str) -> None:
    assert _answer(resolver, text) != "lowell"


@pytest.mark.parametrize("text", ["ベンジャミン・フランクリンは発明家", "リビアのニュース"])
def test_a_person_or_a_country_in_kana_is_no_town(resolver: Resolver, text: str) -> None:
    # Benjamin Franklin (a dot between given name and surname); Libya, a name GeoNames gives
    # Revere by mistake.
    assert _answer(resolver, text) is None


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("j'habite à Reading depuis 2019", "reading"),  # French: I live in, since
        ("nous vivons à Lowell dans le Massachusetts", "lowell"),
        ("tôi chuyển từ Quincy đến Malden năm ngoái", "malden"),  # Vietnamese: moved from, to
    ],
)
def test_french_and_vietnamese_ways_of_saying_where_one_lives(
    resolver: Resolver, text: str, place: str
) -> None:
    assert _answer(resolver, text) == place


@pytest.mark.parametrize(
    "text", ["who runs this bot", "is the bot run by volunteers", "assalamu alaikum", "shukran"]
)
def test_the_bot_itself_and_arabic_greetings_are_no_town(resolver: Resolver, text: str) -> None:
    # "bot run" had been heard as Bourne, "salam alaikum" as Oakham.
    assert resolver.resolve(text).outcome is Outcome.NONE, text


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("nattleboro", "north-attleborough"),
        ("wspringfield", "west-springfield"),
        ("nadams ma", "north-adams"),
    ],
)
def test_a_directions_initial_glued_to_a_name_is_the_direction(
    resolver: Resolver, text: str, place: str
) -> None:
    # "nattleboro" had answered Attleboro, one letter away.
    assert _answer(resolver, text) == place


def test_a_country_named_in_kriolu_is_elsewhere(resolver: Resolver) -> None:
    # "I was born in Santa Cruz, Cape Verde": not Santa Cruz, California.
    assert resolver.resolve("N nasi na Santa Cruz, Kabu Verdi").outcome is Outcome.NONE


@pytest.mark.parametrize(
    ("text", "place"), [("randolf, mass", "randolph"), ("from randolf", "randolph")]
)
def test_an_f_for_ph_where_a_town_goes_is_one_slip(
    resolver: Resolver, text: str, place: str
) -> None:
    assert _answer(resolver, text) == place


@pytest.mark.parametrize("text", ["hyde park ave", "i live on dorchester ave", "dot ave"])
def test_a_street_named_for_a_section_with_no_town_is_asked_about(
    resolver: Resolver, text: str
) -> None:
    # Most likely Boston's, but a street alone names no town: a confirmation, not an answer.
    assert _asked(resolver, text) == {"boston"}


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("dorchester ave in southie", "boston"),
        ("dot ave, dorchester", "boston"),
        ("tatnuck sq", "worcester"),
    ],
)
def test_a_section_street_with_its_town_or_a_square_is_answered(
    resolver: Resolver, text: str, place: str
) -> None:
    assert _answer(resolver, text) == place


def test_two_towns_joined_as_a_stations_name_are_asked_about(resolver: Resolver) -> None:
    # "Hamilton/Wenham station" is in Hamilton; "hamilton-wenham" alone is two towns (the
    # regional school district), not the station's short name.
    assert _asked(resolver, "hamilton-wenham") >= {"hamilton", "wenham"}
    assert _answer(resolver, "hamilton/wenham station") == "hamilton"


@pytest.mark.parametrize("text", ["pittsburg kansas", "pittsburg, ks"])
def test_a_misspelt_place_elsewhere_qualified_by_another_state_is_none(
    resolver: Resolver, text: str
) -> None:
    # Pittsburg, Kansas is not Pittsburgh, Pennsylvania (a place the bot knows).
    assert resolver.resolve(text).outcome is Outcome.NONE, text


@pytest.mark.parametrize(
    ("text", "towns"),
    [
        ("the bridgewaters", {"bridgewater", "east-bridgewater", "west-bridgewater"}),
        (
            "the brookfields?",
            {"brookfield", "east-brookfield", "north-brookfield", "west-brookfield"},
        ),
    ],
)
def test_a_towns_name_in_the_plural_asks_about_the_towns_that_share_it(
    resolver: Resolver, text: str, towns: set[str]
) -> None:
    assert _asked(resolver, text) == towns


def test_a_plural_that_is_no_family_of_towns_is_no_town(resolver: Resolver) -> None:
    assert _answer(resolver, "fig newtons") is None
    newtons = resolver.resolve("the newtons")  # Newton has no namesakes to ask about
    assert newtons.outcome is not Outcome.AMBIGUOUS or len(newtons.candidates) < 2


@pytest.mark.parametrize(
    ("text", "place"),
    [("i take classes at bunker hill cc", "boston"), ("quinsigamond cc", "worcester")],
)
def test_a_community_college_called_cc_is_the_college(
    resolver: Resolver, text: str, place: str
) -> None:
    assert _answer(resolver, text) == place


def test_a_name_said_in_two_words_beside_a_cut_off_name_asks_both(resolver: Resolver) -> None:
    # "hi annis": Hyannis dictated, or Annisquam cut off.
    assert _asked(resolver, "hi annis") >= {"barnstable", "gloucester"}
    assert _answer(resolver, "north and") == "north-andover"  # a direction, then cut off


@pytest.mark.parametrize(
    "text",
    ["my grandfather's name was randolph", "lee was my uncle's name", "florence was my aunt"],
)
def test_a_name_someone_had_is_no_town(resolver: Resolver, text: str) -> None:
    assert _answer(resolver, text) is None


@pytest.mark.parametrize(
    "text",
    [
        "the harwich mariners won last night",
        "bourne braves tickets",
        "an insurance quote from plymouth rock insurance",
        "baldwin apples",
    ],
)
def test_a_team_an_insurer_or_an_apple_named_for_a_place_is_no_town(
    resolver: Resolver, text: str
) -> None:
    assert _answer(resolver, text) is None


def test_a_town_named_before_its_team_with_a_place_word_is_the_town(resolver: Resolver) -> None:
    assert _answer(resolver, "i live in harwich, mariners game tonight") == "harwich"


@pytest.mark.parametrize(
    ("text", "towns"),
    [
        ("northbr", {"northbridge", "north-brookfield"}),
        ("westbr", {"west-bridgewater", "west-brookfield"}),
    ],
)
def test_a_direction_glued_to_a_cut_off_name_asks_both_readings(
    resolver: Resolver, text: str, towns: set[str]
) -> None:
    assert _asked(resolver, text) >= towns


def test_a_glued_direction_does_not_reach_a_neighbourhood(resolver: Resolver) -> None:
    # "southbo" is Southborough cut off; South Boston is no town's own name.
    assert _answer(resolver, "southbo") == "southborough"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("w spfld", "west-springfield"),
        ("i live in w spfld", "west-springfield"),
        ("e bridgewtr", "east-bridgewater"),
        ("spfld", "springfield"),
    ],
)
def test_the_postal_services_shortened_words_read_as_the_name(
    resolver: Resolver, text: str, place: str
) -> None:
    assert _answer(resolver, text) == place


@pytest.mark.parametrize(
    "text",
    [
        "waltham forest london",
        "i live in waltham forest london",
        "bedford falls from its a wonderful life",
        "georgetown law grad",
        "she is a suffolk law student",
        "the duke of bedford",
        "the earl of sandwich",
        "dover of england",
    ],
)
def test_a_longer_name_a_title_or_a_place_abroad_is_no_town(resolver: Resolver, text: str) -> None:
    assert _answer(resolver, text) is None


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("does the somerville law cover police", "somerville"),
        ("turners falls", "montague"),
        ("town of lee", "lee"),
    ],
)
def test_the_town_stays_the_town_beside_those_words(
    resolver: Resolver, text: str, place: str
) -> None:
    assert _answer(resolver, text) == place


def test_a_town_and_um_may_be_wareham_dictated(resolver: Resolver) -> None:
    assert _asked(resolver, "ware um") == {"ware", "wareham"}
    assert _answer(resolver, "ware") == "ware"


@pytest.mark.parametrize(
    "text",
    ["¿tiene chelsea una prohibición de reconocimiento facial?", "tiene boston una prohibicion"],
)
def test_a_function_word_is_no_city_abroad(resolver: Resolver, text: str) -> None:
    # Brazil has cities called Una and Se; in a Spanish sentence they are "a" and "if".
    assert _answer(resolver, text) in {"chelsea", "boston"}


@pytest.mark.parametrize(
    "text", ["salamat", "asante sana", "spasibo", "namaste", "no sé", "ciao", "toda raba"]
)
def test_hello_and_thanks_in_other_languages_are_no_place(resolver: Resolver, text: str) -> None:
    assert resolver.resolve(text).outcome is Outcome.NONE


def test_ordinary_words_after_my_or_our_are_no_post_office_name(resolver: Resolver) -> None:
    # New Town is a post office box name in Newton (low confidence).
    assert resolver.resolve("what is the rule in our new town").outcome is Outcome.NONE
    assert _asked(resolver, "the irish riviera") >= {"scituate"}  # a nickname takes "the"


def test_a_name_dictated_in_pieces_that_end_in_a_short_town_asks_both(resolver: Resolver) -> None:
    assert _asked(resolver, "be ver lee mass") == {"beverly", "lee"}
    assert _answer(resolver, "is lee banned") == "lee"
    assert _answer(resolver, "hi lee ma") == "lee"


@pytest.mark.parametrize(
    "text",
    [
        "framingham earl norfolk england",
        "Romeo is a Montague",
        "a fig newton",
        "plymouth rock hens lay brown eggs",
    ],
)
def test_a_place_abroad_a_family_a_cookie_or_a_breed_is_no_town(
    resolver: Resolver, text: str
) -> None:
    assert _answer(resolver, text) is None


def test_plymouth_rock_is_still_plymouths(resolver: Resolver) -> None:
    assert _answer(resolver, "i live near plymouth rock") == "plymouth"


@pytest.mark.parametrize(
    ("text", "towns"),
    [
        ("moving from quincy to plymouth next month", {"quincy", "plymouth"}),
        ("me voy a mudar de lynn a salem", {"lynn", "salem"}),
    ],
)
def test_a_move_still_to_come_asks_about_both_ends(
    resolver: Resolver, text: str, towns: set[str]
) -> None:
    assert _asked(resolver, text) == towns


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("je vis à worcester mdr", "worcester"),
        ("main shrewsbury mein rehta hu", "shrewsbury"),
        ("wats up w westfield ma", "westfield"),
        ("waverley st framingham", "framingham"),
        ("framingham, waverley st", "framingham"),
    ],
)
def test_the_town_is_found_beside_these(resolver: Resolver, text: str, place: str) -> None:
    assert _answer(resolver, text) == place


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Нидхэме", "needham"),  # Russian, Нидхэм-е: no list holds it
        ("Πίμποντι", "peabody"),  # Greek: ΜΠ is B, ΝΤ is D
        ("저는 캠브리지에 가요", "cambridge"),  # Korean (I go to Cambridge): L read as R
        ("Мы переехали из Бостона в Нидхэм в прошлом году", "needham"),  # moved from Boston
        ("Я живу в Бруклине", "brookline"),  # Brooklyn, New York, as likely
        ("श्रूज़बरी", "shrewsbury"),  # Hindi: ज़ is Z, श्र SHR
    ],
)
def test_a_town_written_as_it_sounds_in_another_alphabet_is_asked_about(
    resolver: Resolver, text: str, place: str
) -> None:
    found = resolver.resolve(text)
    assert found.outcome is Outcome.AMBIGUOUS  # asked, never answered
    assert place in {p.id for p in found.candidates}
    if "Бостона" in text:
        assert "boston" not in {p.id for p in found.candidates}


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("אני גר בניוטון", "newton"),  # Hebrew, with ב (in) written on
        ("Я живу в Фалмуте", "falmouth"),  # Russian: Т for TH, the case ending -е
        ("Я працюю в Чатемі", "chatham"),  # Ukrainian: the ending -і, Т for TH
        ("Живим у Јармуту", "yarmouth"),  # Serbian: Ј is Y
        ("Работя в Нантъкет", "nantucket"),  # Bulgarian: Ъ is a vowel
        ("Պելմոնթ", "belmont"),  # Western Armenian: Պ is B
        ("Ուոթըրթաուն", "watertown"),  # Armenian: ՈՒ is W before a vowel, -թաուն -town
        ("работаю в Провинстауне на лето", "provincetown"),  # Russian -таун: -town
        ("أنا من لويل", "lowell"),  # Arabic: و and ي read as vowels
        ("живу в Хайаннисе", "barnstable"),  # a village of one town: Hyannis
    ],
)
def test_a_town_spelt_letter_for_letter_in_another_alphabet_is_that_town(
    resolver: Resolver, text: str, place: str
) -> None:
    """Read back in Latin letters as near as SCRIPT_MATCH to one town's own name, and to no
    other's, the name is that town: answered, not asked."""
    found = resolver.resolve(text)
    assert (found.outcome, found.place and found.place.id) == (Outcome.MATCH, place)


@pytest.mark.parametrize(
    "text",
    [
        "Ζω στην Αθήνα",
        "где находится мэрия",
        "привет",
        "שלום",  # shalom, not Salem: a common word of Hebrew
        "الله يعطيك العافية",  # Arabic nouns with their article are no town's name
        "Merhaba, nasılsın",  # Turkish
        "Labas, kaip sekasi?",  # Lithuanian
    ],
)
def test_ordinary_words_of_another_alphabet_are_heard_as_no_town(
    resolver: Resolver, text: str
) -> None:
    assert resolver.resolve(text).outcome is Outcome.NONE


def test_from_in_russian_without_a_move_is_home(resolver: Resolver) -> None:
    assert _answer(resolver, "Я из Бостона") == "boston"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("tôi ở Malden, cảm ơn", "malden"),  # "on" (Ontario) is a word here
        ("Cho hỏi Springfield có cấm camera nhận diện không", "springfield"),
        ("tôi mới chuyển từ Boston về Randolph năm ngoái", "randolph"),
        ("j'aime le jus d'orange", None),  # the French elision is a word of its own
        ("j'habite à Lowell", "lowell"),
        ("lawrence of arabia is a long movie", None),
        ("i live in lawrence of course", "lawrence"),
        ("city of lawrence", "lawrence"),
    ],
)
def test_words_of_other_languages_and_epithets_beside_a_town(
    resolver: Resolver, text: str, expected: str | None
) -> None:
    assert _answer(resolver, text) == expected


def test_a_comma_ends_a_rail_lines_name(resolver: Resolver) -> None:
    assert _asked(resolver, "caller said medford or malden, line was bad") == {"medford", "malden"}
    assert _answer(resolver, "i take the haverhill line") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("teaneck new jersey", "teaneck-nj"),  # a state right after the name, not "Jersey"
        ("shelbourne falls", None),  # misspelt Shelburne Falls: asked, as before
        ("bedford falls", None),
    ],
)
def test_a_qualifier_right_after_the_name_comes_first(
    resolver: Resolver, text: str, expected: str | None
) -> None:
    assert _answer(resolver, text) == expected


def test_a_hyphened_name_in_cyrillic_is_heard_whole(resolver: Resolver) -> None:
    # Норт is North, so the name read in Latin letters is North Adams with a case ending:
    # answered (asked, before "Nort" was read as North), never Adams.
    result = resolver.resolve("живу в Норт-Адамсе")
    assert {p.id for p in result.candidates} == {"north-adams"}


@pytest.mark.parametrize(
    ("text", "towns"),
    [
        ("med", {"medfield", "medford", "medway"}),
        ("wal", {"wales", "walpole", "waltham"}),
        ("hop", {"hopedale", "hopkinton"}),  # a word, but the first letters of two towns
        ("wob", {"woburn"}),  # a confirmation
    ],
)
def test_three_letters_alone_ask_about_the_towns_they_begin(
    resolver: Resolver, text: str, towns: set[str]
) -> None:
    assert _asked(resolver, text) == towns


@pytest.mark.parametrize("text", ["low", "yes", "lol", "new", "idk", "pit", "nan"])
def test_three_letters_that_are_a_word_of_one_town_or_none_are_no_question(
    resolver: Resolver, text: str
) -> None:
    assert resolver.resolve(text).outcome is Outcome.NONE


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("my nantucket reds are in the wash", None),  # trousers
        ("an article in harvard business review", None),
        ("i moved to 40 school st in malden from medford", "malden"),
        ("i moved from medford to malden", "malden"),
        ("Oi, tudu dretu?", None),  # Kriolu: hi, all good?
    ],
)
def test_products_journals_and_where_a_move_began(
    resolver: Resolver, text: str, expected: str | None
) -> None:
    assert _answer(resolver, text) == expected
    if expected is None:
        assert resolver.resolve(text).outcome is Outcome.NONE


def test_devens_by_any_name_is_asked_about(resolver: Resolver) -> None:
    assert _asked(resolver, "fort devens") == {"ayer", "harvard", "shirley"}
    assert _asked(resolver, "ft devens") == {"ayer", "harvard", "shirley"}


def test_a_piece_before_a_misspelt_name_may_make_another(resolver: Resolver) -> None:
    assert _asked(resolver, "la verett") == {"leverett", "everett"}
    assert _answer(resolver, "evrett") == "everett"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("kwinsy", "quincy"),  # "qu" spelt "kw"
        ("hubbard's town", "hubbardston"),  # a possessive that is half a town's name
        ("i live in conquered", "concord"),  # one word after "in", a long code the same
    ],
)
def test_sounds_like_spellings_are_asked_about(resolver: Resolver, text: str, place: str) -> None:
    assert place in _asked(resolver, text)


@pytest.mark.parametrize("text", ["webster's dictionary", "spencer's gifts", "i live in peace"])
def test_possessives_and_ordinary_words_stay_no_town(resolver: Resolver, text: str) -> None:
    assert resolver.resolve(text).outcome is Outcome.NONE


def test_a_letter_typed_last_is_the_names_next_letter(resolver: Resolver) -> None:
    found = resolver.resolve("west s")
    assert {"west-springfield", "west-stockbridge"} <= {p.id for p in found.candidates}
    # towns whose own name was cut off come before a village's town (West Somerville)
    assert [p.id for p in found.candidates][:2] == ["west-springfield", "west-stockbridge"]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("я живу во Фрамингеме", "framingham"),  # -ham written -гем
        ("Я живу в Плимуте, Массачусетс", "plymouth"),  # a final TH written Т
        ("أنا من ريفير", "revere"),  # Arabic writes few vowels: the sound code alone
        ("أنا ساكن في إيفريت", "everett"),
    ],
)
def test_other_alphabets_written_as_those_languages_write_english_names(
    resolver: Resolver, text: str, place: str
) -> None:
    """Answered when spelt as near as SCRIPT_MATCH, else asked: never another town."""
    found = resolver.resolve(text)
    assert found.outcome in (Outcome.AMBIGUOUS, Outcome.MATCH)
    assert place in {p.id for p in found.candidates}


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("near kripalu", "stockbridge"),
        ("by skaket beach", "orleans"),
        ("i work at the mall at whitney field", "leominster"),
        ("chelsea soldiers home", "chelsea"),
        ("mccann tech", "north-adams"),
        ("ruggles", "boston"),  # the station keeps its short name
    ],
)
def test_landmarks_of_the_second_list(resolver: Resolver, text: str, place: str) -> None:
    assert _answer(resolver, text) == place


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("mike milbury on the hockey broadcast", None),  # a surname, not misspelt Millbury
        ("bill erica", "billerica"),  # a first name that is a piece of a dictated name
        ("emerson lake and palmer", None),  # a band
        ("i need a new boston fern for my porch", None),  # a plant, not New Boston
        ("me llamo chelsea", None),  # my name is Chelsea
        ("i'm on boylston", None),  # a street
        ("boston's ban", "boston"),  # a place's own ban
        ("newton's laws of motion", None),
        ("medfield schools", "medfield"),  # the town's own schools
        ("reading public schools", "reading"),
        ("newton school committee", "newton"),
        ("ward 3 pct 2 springfield", "springfield"),
        ("amherst district 3 precinct 2", "amherst"),
        ("peabody award winner", None),
        ("berkeley heights nj", None),
    ],
)
def test_held_out_tables_77_and_80_87_classes(
    resolver: Resolver, text: str, expected: str | None
) -> None:
    assert _answer(resolver, text) == expected


@pytest.mark.parametrize(
    ("text", "towns"),
    [
        ("dighton-rehoboth regional high school", {"dighton", "rehoboth"}),
        ("dover-sherborn middle school", {"dover", "sherborn"}),
        ("somerset berkley regional", {"somerset", "berkley"}),
        ("sout", {"southampton", "southborough", "southbridge", "southwick", "south-hadley"}),
    ],
)
def test_districts_of_two_towns_and_long_cut_offs_ask(
    resolver: Resolver, text: str, towns: set[str]
) -> None:
    assert _asked(resolver, text) == towns


@pytest.mark.parametrize(
    "text", ["i summer in kennebunkport maine", "belfast maine", "bennington vermont"]
)
def test_a_town_of_another_state_we_do_not_know_is_no_place(resolver: Resolver, text: str) -> None:
    assert resolver.resolve(text).outcome is Outcome.NONE


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("is it banned in maine", "me"),
        ("maine", "me"),
        ("southern maine", "me"),
        ("portland maine", "portland-me"),
    ],
)
def test_a_state_asked_about_is_still_that_state(
    resolver: Resolver, text: str, place: str
) -> None:
    assert _answer(resolver, text) == place


@pytest.mark.parametrize(
    ("text", "place"), [("मेरा घर एक्टन में है", "acton"), ("मैं वॉल्थम में रहता हूँ", "waltham")]
)
def test_indic_scripts_imply_their_vowels_so_are_heard_by_sound(
    resolver: Resolver, text: str, place: str
) -> None:
    # one town only: asked, or answered when spelt as near as SCRIPT_MATCH ("वॉल्थम")
    assert _offered(resolver, text) == {place}


@pytest.mark.parametrize("text", ["नमस्ते", "मुझे नहीं पता", "क्या पुलिस कैमरे इस्तेमाल करती है"])
def test_indic_words_that_are_no_name_stay_none(resolver: Resolver, text: str) -> None:
    assert resolver.resolve(text).outcome is Outcome.NONE


def test_the_real_knowledge_keeps_the_full_typo_index(resolver: Resolver) -> None:
    # Past FULL_INDEX_MAX_NAMES the index keeps one deletion only, and "glouster" (two
    # letters dropped from Gloucester) would no longer be found: the landmarks of 2026-12-02
    # took the names past the old bound of 5,000.
    from bot.core.resolver import FULL_INDEX_MAX_NAMES

    assert len(resolver._keys) <= FULL_INDEX_MAX_NAMES
    assert _answer(resolver, "glouster") == "gloucester"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("polisia pode uza bu kara?", None),  # Kriolu: "bu" is "your", not BU
        ("my kid is spencer", None),
        ("la barre de recherche ne marche pas", None),  # the search bar
        ("vivo en la barre", "barre"),
        ("do gill nets count as surveillance lol", None),
        ("blackstone the investment firm", None),
        ("shrewsbury st worcester, the restaurant strip", "worcester"),
        ("im in waltham forest in london", None),
        ("bonjour, je suis à Amherst pour mes études", "amherst"),
        ("my zipp is 01420? no wait 01453", "leominster"),  # the ZIP corrected
        ("moved lynn to peabody", "peabody"),
    ],
)
def test_held_out_tables_88_95_classes(
    resolver: Resolver, text: str, expected: str | None
) -> None:
    assert _answer(resolver, text) == expected


def test_two_zips_with_no_correction_ask_and_fal_asks_both_towns(resolver: Resolver) -> None:
    assert _asked(resolver, "01420 or 01453") == {"fitchburg", "leominster"}
    assert _asked(resolver, "fal") == {"falmouth", "fall-river"}


def test_two_towns_joined_by_and_are_both_asked_about(resolver: Resolver) -> None:
    text = "im between medford and somerville trying to decide where to rent"
    assert _asked(resolver, text) == {"medford", "somerville"}
    assert resolver.resolve("bill gill and lee went fishing").outcome is Outcome.NONE


def test_noble_and_greenough_is_the_school_in_dedham(resolver: Resolver) -> None:
    assert _answer(resolver, "noble and greenough") == "dedham"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a first name greeted, thanked or given: someone, not the town
        ("hi im chelsea", None),
        ("bye lynn", None),
        ("thank you everett", None),
        ("hello this is warren", None),
        ("hi, i'm in chelsea", "chelsea"),
        ("thanks! i live in lynn", "lynn"),
        ("im chelsea", "chelsea"),
        # a county's name in a legislative district's
        ("2nd hampden rep district", None),
        ("my rep is in the 2nd hampden", None),
        ("worcester and middlesex senate district", None),
        ("berkshire hampden franklin and hampshire district", None),
        ("i live in worcester, in the 12th worcester district", "worcester"),
        ("i live in worcester and work in middlesex", "worcester"),
        ("amherst district 3 precinct 2", "amherst"),
        # people, brands and stations named like towns
        ("robert e lee statue debate", None),
        ("i do pure barre on tuesdays", None),
        ("the land of goshen in the bible", None),
        ("saw it on boston 25 news", None),
        ("i live in goshen", "goshen"),
    ],
)
def test_held_out_tables_104_111_classes(
    resolver: Resolver, text: str, expected: str | None
) -> None:
    assert _answer(resolver, text) == expected


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("pittsf police have new cameras on north st", {"pittsfield"}),
        ("does provinc have a ban", {"provincetown"}),
        ("marbleh resident asking about the police", {"marblehead"}),
        ("i just moved to springf and want to know", {"springfield", "west-springfield"}),
    ],
)
def test_a_name_cut_off_inside_a_sentence_is_confirmed(
    resolver: Resolver, text: str, asked: set[str]
) -> None:
    """A word of no language that begins a town's name, where nothing else was heard."""
    assert _asked(resolver, text) == asked


def test_a_cut_off_word_inside_a_sentence_never_outweighs_a_name_heard(
    resolver: Resolver,
) -> None:
    assert _answer(resolver, "belcher town") == "belchertown"
    assert _answer(resolver, "is lowel on the list") == "lowell"
    assert _answer(resolver, "the cohasset") == "cohasset"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("my son got into princeton", None),  # the university in New Jersey
        ("i live in princeton", "princeton"),
        ("i got into boston around noon", "boston"),
        ("swansea city lost again", None),
        ("i live in swansea", "swansea"),
        ("my english essay on holden caulfield", None),
        ("hatfield and mccoy feud", None),
        ("the nantucket sleigh ride was a whaling thing", None),
    ],
)
def test_colleges_got_into_and_famous_names_are_no_town(
    resolver: Resolver, text: str, expected: str | None
) -> None:
    assert _answer(resolver, text) == expected


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("bill rica mass is my town", {"billerica"}),
        ("mash pea massachusetts on the cape", {"mashpee"}),
        ("i live in pits field period", {"pittsfield"}),
    ],
)
def test_pieces_dictated_before_mass_or_a_period_inside_a_message(
    resolver: Resolver, text: str, asked: set[str]
) -> None:
    assert _asked(resolver, text) == asked


@pytest.mark.parametrize("text", ["critical mass is coming", "i went to mass on sunday"])
def test_mass_itself_ends_no_pieces_of_ordinary_words(resolver: Resolver, text: str) -> None:
    assert _answer(resolver, text) is None
    assert not resolver.resolve(text).candidates


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("egremont ma (closer to hillsdale ny than anything)", "egremont"),
        ("feeding hills, right by suffield ct", "agawam"),
        ("hamden ma", "hampden"),  # said to be ours: the misspelt town
    ],
)
def test_a_word_before_another_states_code_is_that_states_town(
    resolver: Resolver, text: str, expected: str
) -> None:
    """Hillsdale NY and Suffield CT are no misspelt Hinsdale and Sheffield."""
    assert _answer(resolver, text) == expected


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("espringfil", {"springfield"}),  # an "e" before "s" and a consonant; "-fil"
        ("vivo en espringfil", {"springfield"}),
        ("uestfil", {"westfield"}),  # "u" for "w"
        ("sprinfeel", {"springfield"}),
    ],
)
def test_names_said_with_a_spanish_accent_are_asked_about(
    resolver: Resolver, text: str, asked: set[str]
) -> None:
    assert _asked(resolver, text) == asked


@pytest.mark.parametrize("text", ["estoy en casa", "mi perfil", "espero que si", "uno dos"])
def test_spanish_words_are_not_respelt_as_names(resolver: Resolver, text: str) -> None:
    assert resolver.resolve(text).outcome is Outcome.NONE


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("walpole was prime minister", None),  # a surname with the office its bearer held
        ("adams was the second president", None),
        ("revere was a silversmith", None),
        ("everett is an orator", None),
        ("i live in adams, was the mayor there", "adams"),  # after "in": the town
        ("boston was the first city to ban it", "boston"),
    ],
)
def test_a_surname_with_an_office_is_a_person(
    resolver: Resolver, text: str, place: str | None
) -> None:
    assert _answer(resolver, text) == place


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("thomas crane library", "quincy"),  # the Thomas Crane Public Library
        ("i went to the bacon library", "natick"),  # the Bacon Free Library
        ("the library", None),
        ("public library", None),
    ],
)
def test_a_library_is_named_without_its_public_or_free(
    resolver: Resolver, text: str, place: str | None
) -> None:
    assert _answer(resolver, text) == place


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        # the writer lives outside Massachusetts: a town of ours named for another reason
        # is asked about, never answered
        ("amherst college grad living in denver", {"amherst"}),
        ("amherst college grad, live in vermont now", {"amherst"}),
        ("i work in boston but live in nashua", {"boston"}),
        ("my daughter lives in boston, i live in phoenix", {"boston"}),
    ],
)
def test_a_town_named_by_someone_who_lives_elsewhere_is_asked_about(
    resolver: Resolver, text: str, asked: set[str]
) -> None:
    assert _asked(resolver, text) == asked


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("my parents live in denver, i live in quincy", "quincy"),  # the writer's own home
        ("my parents live in denver, is it banned in boston", "boston"),  # theirs, not mine
        ("i grew up in springfield but now i live in portland maine", "portland-me"),
        ("vivo en el pueblo de ware", "ware"),  # "Pueblo" is a word here, not Colorado's
        ("i live on boston rd in billerica", "billerica"),
    ],
)
def test_someone_elses_home_elsewhere_leaves_the_answer(
    resolver: Resolver, text: str, place: str
) -> None:
    assert _answer(resolver, text) == place


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("randolph the cat threw up", None),  # a pet's name
        ("i live in randolph the dog park is nice", "randolph"),
        ("the house of hanover", None),  # a royal house
        ("house of seven gables", "salem"),
        ("j'habite à manchester dans le new hampshire", None),  # French "in the" + a state
        ("j'habite à lowell dans le massachusetts", "lowell"),
        ("my old doctor, dr. chester, retired", None),  # "dr" after a word for a person
        ("12 commonwealth dr braintree", "braintree"),  # after a house number, a drive
    ],
)
def test_held_out_tables_120_127_classes(resolver: Resolver, text: str, place: str | None) -> None:
    assert _answer(resolver, text) == place


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("chesher", {"chester", "cheshire"}),  # one letter from Chester, said as Cheshire is
        ("i live in chesher", {"chester", "cheshire"}),
    ],
)
def test_a_typo_that_sounds_like_another_town_asks_about_both(
    resolver: Resolver, text: str, asked: set[str]
) -> None:
    assert _asked(resolver, text) == asked


@pytest.mark.parametrize(("text", "place"), [("tauton", "taunton"), ("lowll", "lowell")])
def test_a_typo_whose_sound_twin_looks_nothing_like_it_is_answered(
    resolver: Resolver, text: str, place: str
) -> None:
    assert _answer(resolver, text) == place


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # Spanish and Portuguese put the thing first: "juice of Orange" names no home.
        ("suco de orange pras crianças", None),
        ("quiero jugo de orange", None),
        ("vendo productos de avon", None),
        ("perfume avon barato", None),
        ("la primera ley de newton", None),
        ("o elevador da otis parou", None),
        ("torço pro chelsea desde criança", None),
        ("una pistola springfield", None),
        ("la policía de lowell", "lowell"),  # police is no thing: the town's police
        ("soy de orange", "orange"),
        ("la ciudad de newton", "newton"),
        # Characters live where their show puts them.
        ("the simpsons live in springfield", None),
        ("los simpsons viven en springfield", None),
        # A name, a comma and the role of the person it is.
        ("Reading, our campaign organizer, called me", None),
        ("gardner, the city", "gardner"),
        # Digits for letters, a letter held down.
        ("n4t1ck", "natick"),
        ("s0m3rv1ll3 ma", "somerville"),
        ("natickkkkk", "natick"),
        ("w19 p5", None),
        # A direction after the name, in Spanish or Portuguese.
        ("brookfield del oeste", "west-brookfield"),
        ("moro em brookfield do norte", "north-brookfield"),
        # A village answered for one town, offered for others, then one of those others.
        ("elmwood, holyoke", "holyoke"),
        # Letters of languages the sound tiers cannot read; a name spelt out still counts.
        ("Medaase paa", None),
        ("Ɛte sɛn?", None),
        ("Mirëdita, jetoj në Lowell", "lowell"),
        # Caribbean Spanish words are words.
        ("wepa", None),
        # A street of many towns names none of them alone.
        ("i live on shrewsbury street", None),
        ("shrewsbury street worcester", "worcester"),
        ("mill city mass", "lowell"),
    ],
)
def test_held_out_tables_128_135_classes(resolver: Resolver, text: str, place: str | None) -> None:
    assert _answer(resolver, text) == place


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("mill city", {"lowell", "minneapolis-mn"}),  # Lowell's nickname and Minneapolis's
        ("quinsi", {"worcester", "quincy"}),  # Quinsigamond cut off, or Quincy as it sounds
        ("i live in dancers ma", {"danvers"}),  # autocorrect turned Danvers into a word
        ("taunting ma", {"taunton"}),
        ("moro em ropedeil", {"hopedale"}),  # a Brazilian's R is an H; -eil is -ale
        ("samerviu", {"somerville"}),
        ("xelsi", {"chelsea"}),
        ("oakdale", {"west-boylston", "holyoke"}),  # a village and a neighbourhood
    ],
)
def test_held_out_tables_128_135_questions(resolver: Resolver, text: str, asked: set[str]) -> None:
    assert _asked(resolver, text) == asked


@pytest.mark.parametrize("text", ["Madison, MA", "thanks ma", "love you ma"])
def test_an_ordinary_word_before_ma_is_asked_about_only_when_it_is_no_name(
    resolver: Resolver, text: str
) -> None:
    assert resolver.resolve(text).outcome is Outcome.NONE


# Classes read from tables 46-135 after round I was scored (before round J was written down).


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Ich komme aus Holden", "holden"),  # German "aus" (from)
        ("jam nga Holden", "holden"),  # Albanian "nga" (from)
        ("mwen soti Holden", "holden"),  # Haitian Creole "soti" (from)
        ("abito a Holden", "holden"),  # Italian "abito" (I live)
        ("Μένω στο Holden", "holden"),  # Greek, read in Latin letters: "meno sto"
        ("me firi Holden", "holden"),  # Twi "firi" (from)
        ("Ghana nanso mete Sharon seesei", "sharon"),  # Twi "mete" (I live): without it, none
    ],
)
def test_a_name_that_is_a_word_counts_after_a_place_word_of_other_languages(
    resolver: Resolver, text: str, place: str
) -> None:
    assert _answer(resolver, text) == place


@pytest.mark.parametrize(
    "text", ["medaase", "barev", "salamu", "chúc ngủ ngon", "faleminderit", "kaise ho"]
)
def test_greetings_and_thanks_of_other_languages_name_no_town(
    resolver: Resolver, text: str
) -> None:
    assert resolver.resolve(text).outcome is Outcome.NONE


@pytest.mark.parametrize(
    "text",
    [
        "la reconnaissance faciale est interdite?",
        "are shotspotter mics legal",
        "lapolis ka itilize rekonesans vizaj?",
    ],
)
def test_the_subject_in_french_and_creole_is_not_a_town_heard(
    resolver: Resolver, text: str
) -> None:
    assert resolver.resolve(text).outcome is Outcome.NONE


def test_a_name_that_is_a_thing_after_a_or_an_is_the_thing(resolver: Resolver) -> None:
    assert resolver.resolve("i just had a sandwich").outcome is Outcome.NONE
    assert resolver.resolve("she wants an orange").outcome is Outcome.NONE
    assert _answer(resolver, "i live in sandwich") == "sandwich"
    assert _answer(resolver, "i live in a town called sandwich") == "sandwich"


def test_a_street_word_before_a_comma_does_not_make_the_next_town_a_street(
    resolver: Resolver,
) -> None:
    assert _answer(resolver, "Main Avenue, Braintree") == "braintree"
    assert _answer(resolver, "12 Salem Avenue, Lynn") == "lynn"
    assert resolver.resolve("calle Haverhill").outcome is Outcome.NONE  # a street


def test_a_word_after_the_town_of_a_letter_from_a_town_is_asked_about(
    resolver: Resolver,
) -> None:
    assert _asked(resolver, "the city of maiden") == {"malden"}
    assert _asked(resolver, "la ciudad de maiden") == {"malden"}
    assert resolver.resolve("city of angels").outcome is Outcome.NONE
    assert _answer(resolver, "the town of warren") == "warren"


def test_a_word_cut_off_after_i_live_in_asks_its_completions(resolver: Resolver) -> None:
    assert _asked(resolver, "we live in marsh") == {"marshfield"}
    assert {"rockland", "rockport"} <= _asked(resolver, "my sister lives in rock")
    assert resolver.resolve("we live in peace").outcome is Outcome.NONE
    assert resolver.resolve("i love rock").outcome is Outcome.NONE  # not where anyone lives


def test_a_follow_up_and_a_name_is_that_town(resolver: Resolver) -> None:
    assert _answer(resolver, "and lee?") == "lee"
    assert _answer(resolver, "y essex?") == "essex"
    assert resolver.resolve("bill and lee went fishing").outcome is Outcome.NONE


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("moro na cidade das bruxas", "salem"),
        ("a cidade dos sapatos", "brockton"),
        ("vivo en la ciudad ballenera", "new-bedford"),
        ("la ciudad de las siete colinas", "worcester"),
        ("cidade do papel", "holyoke"),
    ],
)
def test_a_nickname_said_in_spanish_or_portuguese_is_the_english_one(
    resolver: Resolver, text: str, place: str
) -> None:
    assert _answer(resolver, text) == place


@pytest.mark.parametrize(
    "text", ["vivo en la ciudad de la plata", "cidade de natal", "la ciudad del pecado"]
)
def test_a_romance_city_phrase_that_is_no_nickname_of_ours_is_no_town(
    resolver: Resolver, text: str
) -> None:
    assert resolver.resolve(text).outcome is Outcome.NONE


def test_a_neighbourhood_placed_in_a_city_elsewhere_is_not_ours(resolver: Resolver) -> None:
    assert resolver.resolve("jamaica plain in new york").outcome is Outcome.NONE
    assert resolver.resolve("back bay in vancouver canada").outcome is Outcome.NONE
    assert _answer(resolver, "i live in the back bay of boston") == "boston"
    assert _answer(resolver, "i live in boston in ma") == "boston"


def test_a_village_mostly_in_one_town_answers_it_and_offers_the_other(
    resolver: Resolver,
) -> None:
    # The real knowledge's case of tests/test_resolver.py's Woods Hole (a synthetic base).
    result = resolver.resolve("caryville")
    assert result.outcome is Outcome.MATCH and result.place is not None
    assert result.place.id == "bellingham"
    assert [p.id for p in result.alternatives] == ["franklin"]


@pytest.mark.parametrize(
    "text", ["quiero un atol de elote", "que chapin mas chingon", "tuanis mae", "mi brete"]
)
def test_central_american_spanish_words_are_words(resolver: Resolver, text: str) -> None:
    assert resolver.resolve(text).outcome is Outcome.NONE


def test_a_central_american_word_after_i_live_in_is_still_asked_about(
    resolver: Resolver,
) -> None:
    assert _asked(resolver, "i live in atol") == {"athol"}
    assert _answer(resolver, "vivo en athol") == "athol"


@pytest.mark.parametrize("text", ["wo bu zhidao", "bu hao yisi", "wo bu xihuan jiankong"])
def test_pinyin_bu_is_not_boston_university(resolver: Resolver, text: str) -> None:
    assert resolver.resolve(text).outcome is Outcome.NONE


def test_bu_is_still_boston_university_in_english(resolver: Resolver) -> None:
    assert _answer(resolver, "i go to bu") == "boston"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Toi song o Malden, co cam khong?", "malden"),  # "co" (has) is no Colorado
        ("toi song o thanh pho quincy", "quincy"),  # "thanh pho": city
        ("nha toi o lowell nhe", "lowell"),
    ],
)
def test_vietnamese_typed_without_marks_names_its_town(
    resolver: Resolver, text: str, place: str
) -> None:
    assert _answer(resolver, text) == place


def test_co_after_a_town_elsewhere_is_still_colorado(resolver: Resolver) -> None:
    assert resolver.resolve("i live in boulder co").outcome is Outcome.NONE
    assert resolver.resolve("my cousin lives in malden co").outcome is not Outcome.MATCH


def test_an_n_before_b_written_as_haitian_creole_does_is_heard_as_an_m(
    resolver: Resolver,
) -> None:
    assert _asked(resolver, "m rete Kanbrij") == {"cambridge"}


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("https://www.lowellma.gov/1234/City-Council", "lowell"),  # a town's own site
        ("see cityofsalem.us for the agenda", "salem"),
        ("www.masslive.com/news/2020/01/springfield-pauses-face-surveillance.html", "springfield"),
        ("Natick bans face surveillance", "natick"),  # a headline: the town acting
    ],
)
def test_a_pasted_link_says_its_words(resolver: Resolver, text: str, place: str) -> None:
    assert _answer(resolver, text) == place


@pytest.mark.parametrize(
    "text", ["it was on boston.com", "go to mass.gov", "email jane.doe@worcester.edu"]
)
def test_a_news_site_or_an_email_address_names_no_town(resolver: Resolver, text: str) -> None:
    assert resolver.resolve(text).outcome is Outcome.NONE


@pytest.mark.parametrize(
    "text", ["kayaking the deerfield river", "fishing on the taunton river", "sudbury river"]
)
def test_a_river_named_for_a_town_is_no_town(resolver: Resolver, text: str) -> None:
    assert resolver.resolve(text).outcome is Outcome.NONE


def test_a_town_on_a_river_named_for_another_is_the_town(resolver: Resolver) -> None:
    assert _answer(resolver, "i live on the deerfield river in charlemont") == "charlemont"
    assert _answer(resolver, "i live in fall river") == "fall-river"


@pytest.mark.parametrize("text", ["borren mis datos porfa", "apaguem meus dados"])
def test_asking_to_delete_in_spanish_or_portuguese_names_no_town(
    resolver: Resolver, text: str
) -> None:
    assert resolver.resolve(text).outcome is Outcome.NONE


# Classes read on round J (tables 136-143) after it was scored held out.


@pytest.mark.parametrize(
    "text",
    [
        "malden, netherlands",  # a country our list lacked
        "vivo en chelsea, londres",  # a city under its Spanish name
        "San Miguel, El Salvador y San Francisco Gotera",
        "Windsor, Ontario. Not the other Windsor",  # a name said again after its place
        "Salem, Oregon - my aunt's salem",  # the same after a US state
        "arsenal vs chelsea tonight",  # a team against a team
        "el partido del chelsea",
        "los celtics de boston ganaron",
        "un paquete de marlboro",
        "platos lenox para la boda",
        "wayland compositor crashed again",
        "la señora lynn llamó",
        "shirley is my lab partner",
        "randolph and ashley are coming over",
    ],
)
def test_round_j_things_people_and_places_elsewhere_are_no_town(
    resolver: Resolver, text: str
) -> None:
    assert resolver.resolve(text).outcome is Outcome.NONE, text


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Mwen te demenaje soti Lynn pou Randolph ane pase", "randolph"),  # a Kreyol move
        ("m rete nouvo bedfòd", "new-bedford"),  # Kreyol "nouvo" (new)
        ("tôi ở Holyoke, gần sông Connecticut", "holyoke"),  # the river, not the state
        ("Town: Lancaster   State: MA", "lancaster"),  # a form: spaces end a name
        ("Quincy\nSent from my iPhone", "quincy"),
        ("essex, is there a ban?", "essex"),  # a name, then a question about it
        ("quincy souple", "quincy"),  # Kreyol "please"
    ],
)
def test_round_j_places_said_the_ways_residents_say_them(
    resolver: Resolver, text: str, place: str
) -> None:
    assert _answer(resolver, text) == place


def test_chinese_work_and_live_in_latin_letters_names_the_home(resolver: Resolver) -> None:
    # "I work in Burlington, live in Newton": Newton, as English says it, asked or answered.
    result = resolver.resolve("我在Burlington上班，住在Newton")
    assert result.outcome is not Outcome.NONE
    assert "newton" in {p.id for p in result.candidates}
    assert _answer(resolver, "我住在Newton") == "newton"


def test_a_name_then_a_question_about_no_ban_stays_a_word(resolver: Resolver) -> None:
    assert resolver.resolve("reading, the bill is confusing").outcome is Outcome.NONE
    assert resolver.resolve("Florida, is there a ban there?").outcome is Outcome.NONE


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("voice to text: chick a pee", {"chicopee"}),  # a label, then what was heard
        ("dictated: hole yoke mass", {"holyoke"}),
    ],
)
def test_a_dictation_label_leaves_what_was_heard(
    resolver: Resolver, text: str, asked: set[str]
) -> None:
    assert asked <= _asked(resolver, text) | {_answer(resolver, text)}


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("market basket hq", "tewksbury"),  # "HQ" is "headquarters"
        ("vamos al estadio gillette", "foxborough"),  # Spanish names the kind first
        ("tôi dọn từ Lowell qua Malden", "malden"),  # a Vietnamese move
        ("worc (sorry phone)", "worcester"),  # a parenthesis ends a cut-off name
    ],
)
def test_round_j_more_ways_of_saying_a_place(resolver: Resolver, text: str, place: str) -> None:
    assert _answer(resolver, text) == place


@pytest.mark.parametrize(
    "text", ["los angeles chinatown", "Cap-Haïtien", "precinto dos", "lincoln-douglas format"]
)
def test_round_j_more_that_names_no_town_of_ours(resolver: Resolver, text: str) -> None:
    assert resolver.resolve(text).outcome is not Outcome.MATCH or (
        resolver.resolve(text).place is not None and resolver.resolve(text).place.state != "MA"  # type: ignore[union-attr]
    )


@pytest.mark.parametrize(
    "text",
    [
        "is it legal heah",  # "heah" (here) is no typo of Heath
        "wheah do i sign up",  # where, not Ware as it sounds
        "can i get a numbah to call",
        "do the stoahs scan faces",
        "who ovahsees the polise camras",  # misspelt words of the subject
        "wats the diffrence between a ban and a pause",
        "whos on the comittee",
        "privacy polisy?",
        "i dont no ware to begin",  # "dont no" is "don't know"
    ],
)
def test_round_k_common_words_as_said_or_misspelt_are_no_towns(
    resolver: Resolver, text: str
) -> None:
    assert resolver.resolve(text).outcome is Outcome.NONE


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("hyannis heah", "barnstable"),
        ("mattapan heah, any ban?", "boston"),
        ("minneapolis heah", "minneapolis-mn"),
        ("in greenfield heah", "greenfield"),
        ("livin in lowell", "lowell"),  # a dropped "g"
        ("tauntin", "taunton"),  # ...but a name said so stays the name
    ],
)
def test_round_k_a_place_beside_words_as_said(resolver: Resolver, text: str, place: str) -> None:
    assert _answer(resolver, text) == place


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("wooster", {"worcester"}),  # sounds like Worcester; "rooster" sounds otherwise
        ("lestah", {"leicester"}),  # Lester is a name: not rewritten as a word
        ("gloster", {"gloucester"}),  # "glister" is further than Gloucester as it is said
        ("movin to salem from beverly", {"salem", "beverly"}),  # a move still to come
    ],
)
def test_round_k_names_said_as_heard_are_still_asked(
    resolver: Resolver, text: str, asked: set[str]
) -> None:
    assert asked <= _asked(resolver, text) | {_answer(resolver, text)}


@pytest.mark.parametrize(
    "text",
    [
        "nantucket nectahs are the best",  # a product, as a Boston accent says it
        "the greater springfield area",  # a region around a city, many towns
        "greater new bedford",
        "ya tebe ne veryu, Ньютон, Канзас",  # a Russian state name after the name
        "Конкорд, Калифорния",
        "Спрингфилд, Иллинойс",
        "santa cruz das flores",  # the Azores' Santa Cruz, not California's
        "sou de vila franca do campo",
        "brighton and hove",
        "bu e bo?",  # Kriolu "are you", not BU
        "waan ka xumahay",  # Somali, not Waban
        "shukran ya akhi",
        "orkun chreun bong",  # Khmer: thank you, brother
        "long beach california cambodia town",  # the nickname beside another state
    ],
)
def test_round_k_no_town_of_ours(resolver: Resolver, text: str) -> None:
    result = resolver.resolve(text)
    assert result.outcome is Outcome.NONE or all(p.state != "MA" for p in result.candidates), (
        result
    )


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("zhivu v Vest Springfilde", "west-springfield"),  # Russian "Vest": West
        ("knhom nov Lowell bong", "lowell"),  # Khmer: I live in Lowell, brother
        ("i moved from texas to the whaling city", "new-bedford"),  # moved from: not beside
        ("christmas city usa", "taunton"),  # the USA is no other state
        ("Ньютон, Массачусетс", "newton"),
    ],
)
def test_round_k_places_named_beside_other_languages(
    resolver: Resolver, text: str, place: str
) -> None:
    assert _answer(resolver, text) == place


def test_round_k_a_cyrillic_name_after_a_hyphen_is_a_longer_name(resolver: Resolver) -> None:
    # "Ист-Лонгмидоу" is East Longmeadow: never Longmeadow, its last part
    result = resolver.resolve("я живу в Ист-Лонгмидоу")
    assert "longmeadow" not in {p.id for p in result.candidates}
    assert "east-longmeadow" in {p.id for p in result.candidates}
    assert "boston" in _offered(resolver, "я живу в Брайтоне")


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("czy w Holyoke jest zakaz?", "holyoke"),  # Polish "w": in, not West
        ("je reste à Fitchburg maintenant", "fitchburg"),  # French "à": in, not "a"
        ("Est-ce que Lowell utilise ça?", "lowell"),  # "ça" is no California
        ("Je demeure à Gardner, rue Central", "gardner"),  # a street after "rue"
        ("nous avons déménagé de Lowell à Dracut", "dracut"),  # a move made
        ("j'habite à Worcester, pas en Angleterre", "worcester"),  # "pas": ours, said so
        ("patuxet", "plymouth"),  # a town's Native name
        ("wessagusset", "weymouth"),
        ("shrewsbury high school", "shrewsbury"),  # DESE's "Shrewsbury Sr High"
        ("my kid is at waltham high", "waltham"),
    ],
)
def test_round_l_places_in_french_polish_and_old_names(
    resolver: Resolver, text: str, place: str
) -> None:
    assert _answer(resolver, text) == place


@pytest.mark.parametrize(
    "text",
    [
        "Cambridge, Angleterre",  # French names of England, Scotland, Wales
        "comté de Worcester",  # a county, not the city
        "condado de Essex",
        "ma voisine Florence m'a appelée",  # a person, French
        "mon chum Lawrence",
        "la vaisselle Lenox de ma mère",  # a product, French
        "westboro baptist church",  # in Topeka, Kansas
        "MIT license",
        "bellingham, washington state",
    ],
)
def test_round_l_no_town_of_ours(resolver: Resolver, text: str) -> None:
    assert resolver.resolve(text).outcome is Outcome.NONE


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("entre Lowell et Dracut", {"lowell", "dracut"}),  # French "et": both asked
        ("मेरा घर बर्लिंगटन में है", {"burlington"}),  # Hindi, the nasal mark read as "n"
        ("હું ક્વિન્સીમાં રહું છું", {"quincy"}),  # Gujarati, an ending written on
        ("naumkeag", {"stockbridge", "salem"}),  # the Choate estate, and Salem's Native name
    ],
)
def test_round_l_questions(resolver: Resolver, text: str, asked: set[str]) -> None:
    # one town spelt letter for letter in another alphabet is answered (SCRIPT_MATCH)
    assert asked <= (_asked(resolver, text) if len(asked) > 1 else _offered(resolver, text))


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("niu bedford", "new-bedford"),  # "new" as a Brazilian spells it
        ("noo bedfid", "new-bedford"),  # ...and as Boston says it
        ("昆西 Hancock街", "quincy"),  # a street in Latin letters, "street" in Chinese
    ],
)
def test_round_m_places(resolver: Resolver, text: str, place: str) -> None:
    assert _answer(resolver, text) == place


@pytest.mark.parametrize(
    "text",
    [
        "ware u at",  # where are you, texted
        "ware are you",
        "I grew up in Salem, Tamil Nadu",  # India's states say where a name is
        "i paid with braintree checkout",  # a payments company
        "my auntie florence",
        "ich bin neu hier und suche eine wohnung",  # German "neu" (new), not NEU
    ],
)
def test_round_m_no_town_of_ours(resolver: Resolver, text: str) -> None:
    assert resolver.resolve(text).outcome is Outcome.NONE


def test_a_word_village_alone_is_only_confirmed(resolver: Resolver) -> None:
    # "onset" is one of the 20,000 most frequent English words: 43 blind-table rows expected
    # Onset, Wareham, but a common word alone never answers (issue 8); it is confirmed.
    assert _asked(resolver, "onset") == {"wareham"}


@pytest.mark.parametrize(
    "text",
    [
        "everett the bartender",  # a first name before "the" and a trade: a person
        "chef randolph on the haitian radio",
        "spencer my lab partner ghosted me",  # "my" and a person's word after the name
        "the methuen treaty",  # a treaty, a basket, a drink named for a town
        "bought a nantucket basket for my mom",
        "athol brose is a scottish drink",
        "acushnet titleist golf balls",  # the Acushnet Company's brand
        "reading the rules now",  # "-ing" before a determiner: a verb
        "worcester and middlesex senator cosponsored?",  # a Senate district's name
        "im from falmouth, trelawny",  # Falmouth, Jamaica: a parish of Jamaica after it
        "montego bay",
        "bourj hammoud",
        "my postal code at home in kyiv is 01001",  # a code said of a city elsewhere
        "ocean city maryland",  # "City" before a state: a place of that state
        "oxford comma",  # not a dictated comma
    ],
)
def test_round_n_no_town_of_ours(resolver: Resolver, text: str) -> None:
    assert resolver.resolve(text).outcome is Outcome.NONE


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("gill period", "gill"),  # punctuation dictated as words
        ("lee comma m a", "lee"),  # ...and MA spelt out
        ("windsor m a", "windsor"),
        ("is it banned in quincy question mark", "quincy"),
        ("cathedral of the holy cross", "boston"),  # not the College of the Holy Cross
        ("london 02139", None),  # a ZIP said beside a city elsewhere is not ours
        ("I moved from London to 02139", "cambridge"),  # ...but a move to it is
        ("334 main st great barrington 01230", "great-barrington"),  # Barrington is ours here
        ("teacher at a school in 01060", "northampton"),  # "in" is no Indiana
    ],
)
def test_round_n_places(resolver: Resolver, text: str, place: str | None) -> None:
    assert _answer(resolver, text) == place


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("is somerville part of boston or its own thing", {"somerville", "boston"}),
        ("holbrook/randolph station", {"holbrook", "randolph"}),  # at the town line
        ("e-hamp", {"easthampton"}),  # a direction before "Hamp" begins Easthampton
        ("east hamp", {"easthampton"}),
    ],
)
def test_round_n_questions(resolver: Resolver, text: str, asked: set[str]) -> None:
    assert asked <= _asked(resolver, text)
    assert "northampton" not in _asked(resolver, text)


@pytest.mark.parametrize(
    "text",
    [
        "mi primo vive en Reading, Pensilvania",  # US states in Spanish and Portuguese
        "Lancaster, Pensilvania",
        "ipswich town are flying",  # English football clubs
        "hull city",
        "leicester city",
        "plymouth argyle fans",
        "me da's named after quincy adams",
        "pulling Commonwealth v. Adams for the motion",  # a case caption's party
        "opposing counsel is Attorney Randolph",
        "my helper randolph is late again",
        "la doctora Chelsea me recetó la pastilla",
        "Melquisedec rey de Salem, Génesis 14",  # a title of a place, in Spanish too
        "un billete de Franklin de cien",  # a banknote, a wall, a cat, a watch
        "el muro de berlin",
        "el gato de cheshire del cuento de Alicia",
        "my grandpa's waltham watch",
        "2301CV01013 continued to next month",  # a docket number, not ZIP 01013
        "波士顿龙虾多少钱一斤",  # Boston lobster
        "剑桥词典查一下",  # the Cambridge dictionary
        "大波士顿地区",  # Greater Boston
        "李 lee 先生",  # Mr Lee
        "is reading better than nothing",
    ],
)
def test_round_o_no_town_of_ours(resolver: Resolver, text: str) -> None:
    assert resolver.resolve(text).outcome is Outcome.NONE


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("ipswich town meeting", "ipswich"),  # the town's own meeting, not the club
        ("zipcode02601", "barnstable"),  # a ZIP glued to "zip" or "MA" is still one
        ("MA02139", "cambridge"),
        ("我住在大波士顿地区的牛顿", "newton"),
    ],
)
def test_round_o_places(resolver: Resolver, text: str, place: str) -> None:
    assert _answer(resolver, text) == place


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("is chatham stricter than orleans about cameras", {"chatham", "orleans"}),
        ("is reading safer than lowell", {"reading", "lowell"}),
        ("clearing the museum of freedom in concord in fallout 4", {"concord"}),  # a game
        ("quiero estudiar en harvard algun dia", {"harvard"}),  # the university, asked
    ],
)
def test_round_o_questions(resolver: Resolver, text: str, asked: set[str]) -> None:
    assert asked <= _asked(resolver, text)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("fall ri", "fall-river"),  # "ri" goes on Fall River's name: not Rhode Island
        ("Táim i mBostún", "boston"),  # Irish "i" eclipses the name's first letter
        ("hearing is at Quincy District Court", "quincy"),  # a court named for its town
        ("01742 (concord irl not the fallout one)", "concord"),  # the game, said not meant
    ],
)
def test_round_o_more_places(resolver: Resolver, text: str, place: str) -> None:
    assert _answer(resolver, text) == place


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("guesfil", "westfield"),  # Spanish GU for W
        ("gualtam", "waltham"),
        ("freminjam", "framingham"),  # J for the H of -ham
        ("sauzbrich", "southbridge"),  # Z for TH, -brich for -bridge
        ("queimbrich", "cambridge"),  # QU for K
    ],
)
def test_english_names_as_spanish_speakers_spell_them_are_asked_about(
    resolver: Resolver, text: str, place: str
) -> None:
    assert place in _asked(resolver, text)


@pytest.mark.parametrize(
    "text",
    ["warwick ri", "are the cameras at the masjid parking lot legal", "N kre djuda", "sláinte"],
)
def test_round_o_still_no_town(resolver: Resolver, text: str) -> None:
    assert resolver.resolve(text).outcome is Outcome.NONE


@pytest.mark.parametrize(
    "text",
    [
        "silver spring maryland",  # a place of the state: Spring before it
        "iska warran",  # Somali: how are you
        "needham rockets won!!",  # high-school teams
        "go falmouth clippers",
        "dalton the new nail tech",  # a trade a few words after "the"
        "a lynn da igreja",  # Portuguese: an article before a woman's name
        "aula de barre hj cedo",  # a barre class
        "vou fazer a prova de inglês de cambridge",  # the Cambridge English exam
        "uai sô",  # Minas Gerais
    ],
)
def test_round_p_no_town_of_ours(resolver: Resolver, text: str) -> None:
    assert resolver.resolve(text).outcome is Outcome.NONE


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("abito a Revere da quarant'anni", "revere"),  # Italian: living in Revere for 40 years
        ("म सोमरभिलमा बस्छु", "somerville"),  # Nepali: भ for V, the ending -मा
        ("एभरेटमा के छ नियम?", "everett"),
        ("म फ्रेमिङ्घममा बस्छु", "framingham"),  # no vowel written before the last M
    ],
)
def test_round_p_places(resolver: Resolver, text: str, place: str) -> None:
    assert _answer(resolver, text) == place


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("wellesley vs needham thanksgiving game", {"wellesley", "needham"}),
        ("चेल्सीमा जान्छु", {"chelsea"}),  # Nepali "I go to Chelsea": च is CH; asked
    ],
)
def test_round_p_questions(resolver: Resolver, text: str, asked: set[str]) -> None:
    assert asked <= _asked(resolver, text)


@pytest.mark.parametrize(
    "text",
    [
        "i served on the uss springfield",
        "F/V Provincetown Pride is tied up for the winter",
        "i crew on the 'Marblehead' this trip",
        "the boat's name is the miss gloucester",
        "the trawler nantucket came in light",
    ],
)
def test_a_ship_or_boat_named_for_a_town_is_not_the_town(resolver: Resolver, text: str) -> None:
    assert resolver.resolve(text).outcome is Outcome.NONE


def test_a_town_in_quotes_without_a_vessel_is_still_the_town(resolver: Resolver) -> None:
    assert _answer(resolver, "i live in 'marblehead'") == "marblehead"
    assert _answer(resolver, "i miss gloucester") == "gloucester"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("앤도버에 살아요", "andover"),  # Korean: I live in Andover
        ("ベルモントに住んでいます", "belmont"),  # Japanese: I live in Belmont
        ("я живу в Нидхэме", "needham"),  # Russian: I live in Needham
        ("Μένω στο Πίμποντι", "peabody"),  # Greek: I live in Peabody
        ("저는 캠브리지에 살아요", "cambridge"),  # Korean: I live in Cambridge
        ("मैं श्रूज़बरी में रहता हूँ", "shrewsbury"),  # Hindi: I live in Shrewsbury
    ],
)
def test_a_name_in_another_script_beside_i_live_is_answered(  # one town it sounds like
    resolver: Resolver, text: str, place: str
) -> None:
    assert _answer(resolver, text) == place


def test_a_name_in_another_script_without_a_cue_is_only_asked(resolver: Resolver) -> None:
    assert _asked(resolver, "앤도버") == {"andover"}
    assert _answer(resolver, "Я живу в Бруклине") is None  # Brooklyn, New York


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("visiting salem this weekend, any face recognition ban there?", "salem"),
        ("Nous visitons Concord demain", "concord"),
        ("m ap vizite Salem jodi a", "salem"),
        ("precinct 2 lexington", "lexington"),
        ("home port is chatham, that's where i live too", "chatham"),
        ("is essex bannd??", "essex"),
    ],
)
def test_a_common_word_town_after_a_visit_a_precinct_or_before_where_i_live(
    resolver: Resolver, text: str, place: str
) -> None:
    assert _answer(resolver, text) == place


def test_visit_before_an_ordinary_word_is_no_town(resolver: Resolver) -> None:
    assert _answer(resolver, "visiting hours at the hospital") is None


def test_a_cut_off_name_is_not_a_letter_swapped_other_town(resolver: Resolver) -> None:
    # "north broo" begins North Brookfield; a swap away it spells Northboro: asked, both in.
    assert {"north-brookfield", "northborough"} <= _asked(resolver, "north broo")
    assert _answer(resolver, "lake vill") == "lakeville"  # cut from the same town: answered


def test_a_typo_that_drops_letters_of_another_town_asks_both(resolver: Resolver) -> None:
    # Two edits from Norton, and Northampton with t, h and p left out.
    assert _asked(resolver, "noramton") == {"norton", "northampton"}
    assert _answer(resolver, "sommervile") == "somerville"


def test_saint_after_a_town_is_no_street(resolver: Resolver) -> None:
    assert _answer(resolver, "the holyoke st patrick's parade") == "holyoke"
    assert _answer(resolver, "12 holyoke st") is None  # a Holyoke Street, anywhere


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Мы живём в Западном Спрингфилде", "west-springfield"),
        ("Северный Андовер", "north-andover"),
        ("Я живу в Южном Хадли", "south-hadley"),
    ],
)
def test_a_direction_said_in_cyrillic_is_part_of_the_name(
    resolver: Resolver, text: str, place: str
) -> None:
    # Before, the adjective was dropped: "Северный Андовер" (North Andover) answered Andover.
    assert _answer(resolver, text) == place


def test_sights_next_door_are_not_our_landmarks(resolver: Resolver) -> None:
    assert resolver.resolve("mystic seaport").outcome is Outcome.NONE  # Mystic, Connecticut
    assert _answer(resolver, "seaport") == "boston"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("i work at westover with the 439th", "chicopee"),  # Westover Air Reserve Base
        ("shakespeare and company theatre", "lenox"),  # not Norwell's Company Theatre
        ("16 acres section", "springfield"),
        ("the jeremiah burke", "boston"),
    ],
)
def test_round_q_landmarks_and_local_names(resolver: Resolver, text: str, place: str) -> None:
    assert _answer(resolver, text) == place


@pytest.mark.parametrize(
    "text",
    [
        "qualified expert on the m1903 springfield back in basic",  # a rifle's model
        "my springfield armory pistol",  # the maker's product, not the historic site
        "fishing in nantucket sound all week",  # the water, not the island
    ],
)
def test_rifles_and_waters_named_for_towns_are_not_the_towns(
    resolver: Resolver, text: str
) -> None:
    assert resolver.resolve(text).outcome is Outcome.NONE


def test_a_college_with_branch_campuses_offers_them(resolver: Resolver) -> None:
    found = resolver.resolve("bristol community college")
    assert found.place is not None and found.place.id == "fall-river"  # the main campus
    assert {p.id for p in found.alternatives} == {"new-bedford", "attleboro", "taunton"}


def test_a_neighbourhood_of_two_cities_answers_the_known_one_and_offers_the_other(
    resolver: Resolver,
) -> None:
    found = resolver.resolve("north end")
    assert found.place is not None and found.place.id == "boston"
    assert [p.id for p in found.alternatives] == ["springfield"]  # "Not in Springfield?"
    assert _answer(resolver, "the north end of springfield") == "springfield"


@pytest.mark.parametrize(
    ("text", "place"),
    [("seeramu", "salem"), ("worusamu", "waltham"), ("rekishinton", "lexington")],
)
def test_japanese_romaji_of_a_town_is_asked_about(
    resolver: Resolver, text: str, place: str
) -> None:
    assert _asked(resolver, text) == {place}


@pytest.mark.parametrize("text", ["dhanyavaad", "nha fidju e ka sidadon, e ta kore perigu?"])
def test_other_languages_words_are_not_romaji(resolver: Resolver, text: str) -> None:
    assert resolver.resolve(text).outcome is Outcome.NONE


def test_a_bay_with_the_state_of_the_sea_is_the_water(resolver: Resolver) -> None:
    assert resolver.resolve("buzzards bay is rough today").outcome is Outcome.NONE
    assert _answer(resolver, "i live in buzzards bay") == "bourne"  # the village


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("நான் ஷ்ரூஸ்பரியில் வசிக்கிறேன்", "shrewsbury"),  # Tamil: -iyil, P for B
        ("నేను వాల్తమ్‌లో ఉంటాను", "waltham"),  # Telugu: TH written T, -lo
        ("હું એક્ટનમાં રહું છું", "acton"),  # Gujarati: -mam, "I live"
    ],
)
def test_south_and_west_indian_scripts_read_as_english_names_are(
    resolver: Resolver, text: str, place: str
) -> None:
    assert _answer(resolver, text) == place


@pytest.mark.parametrize("text", ["வணக்கம்", "நன்றி", "ధన్యవాదాలు"])  # hello, thanks
def test_greetings_in_indian_scripts_name_no_town(resolver: Resolver, text: str) -> None:
    assert resolver.resolve(text).outcome is Outcome.NONE


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("ζω στο Γουόρτσεστερ", "worcester"),  # W written ΓΟΥ, C written ΤΣ
        ("Πίμποντι Μασαχουσέτη", "peabody"),  # "Massachusetts" in Greek: answered
    ],
)
def test_greek_spellings_of_english_names(resolver: Resolver, text: str, place: str) -> None:
    assert _answer(resolver, text) == place


@pytest.mark.parametrize("text", ["Καλημέρα", "Ευχαριστώ πολύ", "Μένω στην Αθήνα"])
def test_greek_words_and_athens_name_no_town_here(resolver: Resolver, text: str) -> None:
    assert resolver.resolve(text).outcome is Outcome.NONE


@pytest.mark.parametrize(
    "text",
    ["Chelsea a gagné au foot", "o chelsea perdeu 2x1 ontem", "chelsea won 3-0"],
)
def test_a_teams_result_is_no_town(resolver: Resolver, text: str) -> None:
    assert resolver.resolve(text).outcome is Outcome.NONE


def test_a_town_with_a_result_after_a_cue_is_the_town(resolver: Resolver) -> None:
    assert _answer(resolver, "i live in chelsea, we won the game") == "chelsea"


def test_a_name_called_a_surname_is_a_familys(resolver: Resolver) -> None:
    assert resolver.resolve("acton is a common surname in england").outcome is Outcome.NONE
    assert _answer(resolver, "acton is a nice town") == "acton"


@pytest.mark.parametrize(
    "text",
    [
        "patrick swayze played dalton in road house",  # a role
        "the movie is set in gloucester",  # a story's setting
    ],
)
def test_a_role_or_a_setting_is_no_home(resolver: Resolver, text: str) -> None:
    assert resolver.resolve(text).outcome is Outcome.NONE


def test_playing_or_setting_up_in_a_town_is_the_town(resolver: Resolver) -> None:
    assert _answer(resolver, "the band played in dalton last night") == "dalton"
    assert _answer(resolver, "we set up in salem") == "salem"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("jeo neun lexington e sarayo", "lexington"),  # Korean, romanized: I live in
        ("watashi wa newton ni sunde imasu", "newton"),  # Japanese, romanized: I live in
    ],
)
def test_romanized_korean_and_japanese_live_in_after_a_name(
    resolver: Resolver, text: str, place: str
) -> None:
    assert _answer(resolver, text) == place


@pytest.mark.parametrize(
    "text",
    [
        "toronto chinatown",  # a city elsewhere before a neighbourhood's name
        "toronto's chinatown",
        "philly chinatown",  # a city's everyday name (knowledge/world.yaml)
        "westminster ca little saigon",  # after a town and a state's code
    ],
)
def test_a_neighbourhood_of_a_city_elsewhere_is_no_town(resolver: Resolver, text: str) -> None:
    assert resolver.resolve(text).outcome is Outcome.NONE


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("main st in hyannis", "barnstable"),  # "in" is no state code here
        ("tôi sống ở Dorchester", "boston"),
        ("london lowell", "lowell"),  # a town's own name is not set aside
        ("falmouth rd hyannis", "barnstable"),  # "rd" is a road, not a code
        ("i work in boston in chinatown", "boston"),
    ],
)
def test_a_neighbourhood_after_a_word_or_a_code_is_ours(
    resolver: Resolver, text: str, place: str
) -> None:
    assert _answer(resolver, text) == place


@pytest.mark.parametrize(
    "text",
    [
        "my editor randolph wants 600 words by five",  # a person, after a role
        "my koumbaros everett is bringing the lamb",  # Greek: best man
        "AP style says no oxford comma",  # a comma named for a town ("no" is no cue)
        "berkley fishing line",  # a brand of tackle
        "man u vs chelsea",  # a club against a club
        "昆士蘭",  # Queensland, though 昆士 is Quincy
        "劍橋英文字典",  # the Cambridge English dictionary
    ],
)
def test_a_person_a_thing_or_a_team_named_like_a_town(resolver: Resolver, text: str) -> None:
    assert resolver.resolve(text).outcome is Outcome.NONE


def test_fishing_in_a_town_is_the_town(resolver: Resolver) -> None:
    assert _answer(resolver, "fishing in berkley") == "berkley"
    assert _answer(resolver, "berkley fishing spots") == "berkley"


@pytest.mark.parametrize("text", ["sare", "lede?", "qare"])
def test_a_short_word_a_first_letter_or_an_added_letter_off_is_no_town(
    resolver: Resolver, text: str
) -> None:
    # "sare" (Hindi: all) is a letter from Ware, its first; "lede" a letter more than Lee
    assert resolver.resolve(text).outcome is Outcome.NONE


@pytest.mark.parametrize(
    ("text", "place"),
    [("wsre", "ware"), ("lynm", "lynn"), ("leee", "lee"), ("hulll", "hull")],
)
def test_a_short_names_slips_inside_still_match(resolver: Resolver, text: str, place: str) -> None:
    assert _answer(resolver, text) == place


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("state st newbury port", "newburyport"),  # a town's name and more: one name
        ("22 maple ave spring field", "springfield"),  # after a street, pieces of a name
        ("beacon st brook line", "brookline"),
    ],
)
def test_a_name_in_pieces_after_a_street_or_a_towns_name(
    resolver: Resolver, text: str, place: str
) -> None:
    assert _answer(resolver, text) == place


def test_ordinary_words_in_pieces_are_still_no_town(resolver: Resolver) -> None:
    assert resolver.resolve("i need ham for the sandwiches").outcome is Outcome.NONE


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("ζω στο Νιου Μπέντφορντ", "new-bedford"),  # Greek "New", written apart
        ("μένω στο Τσέλμσφορντ", "chelmsford"),  # ΤΣ for CH
        ("είμαστε στο Ναντάκετ για το καλοκαίρι", "nantucket"),  # ΝΤ for NT inside a word
    ],
)
def test_greek_new_ch_and_nt_spellings(resolver: Resolver, text: str, place: str) -> None:
    assert _answer(resolver, text) == place


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("foxbourgh", "foxborough"),  # -bourgh for -borough
        ("tyngsbourgh", "tyngsborough"),
        ("randolf", "randolph"),  # PH written F
        ("braintre", "braintree"),  # cut off: Braintree, not New Braintree by its last word
        ("has essex done anything on face surveillance", "essex"),  # asked about
        ("華埠", "boston"),  # Chinatown, in Cantonese usage
    ],
)
def test_spellings_cut_offs_and_questions_about_a_town(
    resolver: Resolver, text: str, place: str
) -> None:
    assert _answer(resolver, text) == place


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("நான் வால்தம்ல இருக்கேன்", "waltham"),  # Tamil -ல (in), vowel unwritten
        ("என் வீடு நேட்டிக்ல இருக்கு", "natick"),  # Tamil: my house is in
        ("मी वॉल्थममध्ये राहतो", "waltham"),  # Marathi -मध्ये
        ("আমি ওয়ালথামে থাকি", "waltham"),  # Bengali ওয় for W, -এ
        ("અમે શ્રૂઝબરીમાં રહીએ છીએ", "shrewsbury"),  # Gujarati ઝ for Z, -માં
        ("మేము ష్రూస్\u200cబరీ లో ఉంటాము", "shrewsbury"),  # a zero-width non-joiner inside
        ("ನಾನು ಬರ್ಲಿಂಗ್ಟನ್\u200cನಲ್ಲಿ ಇರುತ್ತೇನೆ", "burlington"),  # Kannada -ನಲ್ಲಿ
    ],
)
def test_a_name_with_an_indic_ending_written_on(resolver: Resolver, text: str, place: str) -> None:
    assert _answer(resolver, text) == place


def test_two_for_to_after_a_verb_of_going(resolver: Resolver) -> None:
    assert _answer(resolver, "i go 2 northeastern") == "boston"
    assert _answer(resolver, "moved 2 lowell") == "lowell"
    assert resolver.resolve("we go 2 times a week").outcome is Outcome.NONE


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("lennox ma", "lenox"),
        ("Hannover MA", "hanover"),
        ("monterrey ma", "monterey"),
    ],
)
def test_a_name_with_a_letter_doubled_before_ma(resolver: Resolver, text: str, place: str) -> None:
    # a name or a foreign word, one letter doubled or undoubled from a town's, said in MA
    assert _answer(resolver, text) == place


@pytest.mark.parametrize("text", ["monsoon ma", "beckett mass", "denis ma"])
def test_everyday_english_doubled_from_a_town_is_never_a_typo(
    resolver: Resolver, text: str
) -> None:
    # among the 20,000 most frequent English words (the issue's property test)
    assert resolver.resolve(text).outcome is not Outcome.MATCH


def test_a_name_doubled_without_ma_or_an_ordinary_word_is_not_answered(
    resolver: Resolver,
) -> None:
    assert resolver.resolve("lennox").outcome is not Outcome.MATCH
    assert resolver.resolve("my friend lennox").outcome is Outcome.NONE
    assert resolver.resolve("gardener ma").outcome is not Outcome.MATCH


def test_a_landmark_misspelt_as_residents_do(resolver: Resolver) -> None:
    assert _answer(resolver, "near gilette stadium") == "foxborough"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("somerville la", "somerville"),  # Cantonese or Tamil, no Somerville in Louisiana
        ("住 randolph ga", "randolph"),  # Cantonese "ga", no Randolph in Georgia
        ("revere ok", "revere"),
    ],
)
def test_a_code_that_is_a_word_after_a_town_no_state_shares(
    resolver: Resolver, text: str, place: str
) -> None:
    assert _answer(resolver, text) == place


@pytest.mark.parametrize("text", ["franklin la", "springfield ga", "salem or", "athol id"])
def test_a_code_after_a_town_another_state_shares_is_that_states(
    resolver: Resolver, text: str
) -> None:
    # knowledge/world.yaml's namesakes: Franklin, Louisiana; Springfield, Georgia; ...
    assert resolver.resolve(text).outcome is Outcome.NONE


def test_namesakes_are_no_places_elsewhere_of_their_own(resolver: Resolver) -> None:
    assert "OR" in resolver.vocabulary.namesakes["salem"]
    assert _answer(resolver, "salem") == "salem"  # a namesake is no qualifier alone


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("they put creepy cameras all over the natick mall, is that legal", "natick"),
        ("Èske Cambridge entèdi rekonesans figi?", "cambridge"),  # figi: face, not Fiji
        ("Lapolis Randolph itilize kamera sa yo?", "randolph"),  # the police of Randolph
        ("my kid goes to josiah quincy school", "boston"),  # in Chinatown, not Quincy
    ],
)
def test_a_landmark_or_a_town_said_before_words_that_are_no_person(
    resolver: Resolver, text: str, place: str
) -> None:
    assert _answer(resolver, text) == place


def test_the_one_word_name_before_is_is_still_someone(resolver: Resolver) -> None:
    assert resolver.resolve("the gardner is coming tuesday").outcome is Outcome.NONE


@pytest.mark.parametrize("text", ["ti kaneis?", "xronia polla", "accha", "naaku ardham kaaledu"])
def test_greek_hindi_and_telugu_small_talk_in_latin_letters_names_no_town(
    resolver: Resolver, text: str
) -> None:
    # "ti kaneis" had been asked as Quincy by its sound, "accha" as Fairhaven
    assert resolver.resolve(text).outcome is Outcome.NONE


@pytest.mark.parametrize(
    ("text", "place"),
    [("mera ghar lexington mein hai", "lexington"), ("acton wale batao, yahan ban hai?", "acton")],
)
def test_hindi_in_and_of_after_a_town(resolver: Resolver, text: str, place: str) -> None:
    assert _answer(resolver, text) == place


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Мы живём в Needham, тут есть запрет?", "needham"),  # в (in) before a Latin name
        ("Скажите про Natick", "natick"),  # про (about)
        ("Я из Amherst", "amherst"),  # из (from), nothing else said
        ("Ми у Ludlow", "ludlow"),  # Ukrainian у (in)
        ("Мы переехали из Salem в Beverly", "beverly"),  # a move made
    ],
)
def test_a_russian_or_ukrainian_preposition_before_a_latin_name(
    resolver: Resolver, text: str, place: str
) -> None:
    assert _answer(resolver, text) == place


@pytest.mark.parametrize(
    "text",
    [
        "warren 씨한테 물어봤어요",  # Mr. Warren
        "dudley 선생님이 알려줬어요",  # teacher Dudley
        "carver 라는 친구가 있어요",  # a friend called Carver
        "orange 먹었어요",  # ate an orange
        "avon 제품 좋아요",  # a brand's products, not the town
    ],
)
def test_korean_after_a_latin_name_makes_it_a_person_or_a_thing(
    resolver: Resolver, text: str
) -> None:
    assert resolver.resolve(text).outcome is not Outcome.MATCH


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("wpi 다녀요", "worcester"),  # attends WPI
        ("작년에 medford 에서 arlington 으로 이사했어요", "arlington"),  # moved, last year
        ("carver 라는 동네에 살아요", "carver"),  # a neighbourhood called Carver: a place
    ],
)
def test_korean_after_a_latin_name_says_a_school_a_move_or_a_place(
    resolver: Resolver, text: str, place: str
) -> None:
    assert _answer(resolver, text) == place


def test_a_korean_loanword_for_a_thing_is_asked_not_answered(resolver: Resolver) -> None:
    assert resolver.resolve("점심은 샌드위치").outcome is not Outcome.MATCH
    assert _answer(resolver, "샌드위치에 살아요") == "sandwich"


@pytest.mark.parametrize(
    "text",
    [
        "check the meaning, look up quorum in webster",
        "look that up in websters",
        "compré unas Marlboro",  # some (Marlboros)
        "mi abuelo fumaba salem",  # smoked
        "salem cigarettes taste awful",
        "lowell beat lawrence 35-0 thanksgiving morning",  # a team, a score
        "we crushed andover 42 7",
        "warren my landlord says the cameras are legal",  # who Warren is
        "the nurse, dr lincoln, said so",  # a doctor after a person's word
    ],
)
def test_a_dictionary_a_brand_a_team_or_a_person_named_like_a_town(
    resolver: Resolver, text: str
) -> None:
    assert resolver.resolve(text).outcome is not Outcome.MATCH


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("i live in lowell, we beat them 3 2", "lowell"),  # the town, then the game
        ("i live in wales. wales MA, not the country", "wales"),  # the name said again
        ("mwen rete randolph wi", "randolph"),  # Haitian "wi" (yes), not Wisconsin
        ("szukam mieszkania w Worcester", "worcester"),  # Polish "w" (in)
        ("franklin county fair", "greenfield"),
    ],
)
def test_a_town_said_with_words_that_are_no_qualifier(
    resolver: Resolver, text: str, place: str
) -> None:
    assert _answer(resolver, text) == place


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("ვცხოვრობ ბოსტონში", "boston"),  # Georgian: I live in Boston (-ში written on)
        ("ლოუელში ვცხოვრობ", "lowell"),
        ("gamarjoba, lowell-shi vcxovrob", "lowell"),  # the same in Latin letters
    ],
)
def test_a_georgian_case_ending_written_onto_a_name(
    resolver: Resolver, text: str, place: str
) -> None:
    assert _answer(resolver, text) == place


@pytest.mark.parametrize(
    ("text", "place"),
    [("ya zhivu v kembridzh", "cambridge"), ("khaverkhil", "haverhill")],
)
def test_a_name_spelt_as_cyrillic_is_romanized_is_asked(
    resolver: Resolver, text: str, place: str
) -> None:
    found = resolver.resolve(text)
    assert found.outcome is Outcome.AMBIGUOUS
    assert place in [p.id for p in found.candidates]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("is it banned in salem fr", "salem"),
        ("lowkey scared for lynn tho", "lynn"),
        ("quincy sry typing fast", "quincy"),
        ("natick obvi", "natick"),
    ],
)
def test_chat_slang_after_a_town_is_no_part_of_a_name(
    resolver: Resolver, text: str, place: str
) -> None:
    assert _answer(resolver, text) == place


def test_a_town_sounded_out_then_ma_and_a_comma(resolver: Resolver) -> None:
    found = resolver.resolve("lester ma, my mom lives out there")
    assert found.outcome is Outcome.AMBIGUOUS
    assert [p.id for p in found.candidates] == ["leicester"]


@pytest.mark.parametrize(
    "text",
    [
        "ሰላም ወንድሜ",  # Amharic: hello, my brother
        "Я не знаю свой район",  # свой (one's own) reads "svoy", a letter from Savoy
        "간호사 선생님",  # Korean: nurse; its sound had been heard as Quincy
    ],
)
def test_common_words_of_other_scripts_are_no_town_heard(resolver: Resolver, text: str) -> None:
    assert resolver.resolve(text).outcome is Outcome.NONE


def test_a_typo_in_latin_letters_among_cyrillic_words_is_still_asked(resolver: Resolver) -> None:
    found = resolver.resolve("я живу в Brooklnie")
    assert "brookline" in [p.id for p in found.candidates]


def test_a_korean_school_of_several_words_attended(resolver: Resolver) -> None:
    assert _answer(resolver, "딸이 mount holyoke college 에 다녀요") == "south-hadley"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("jewelry city born and raised", "attleboro"),
        ("the jewelry capital of the world", "attleboro"),
        ("holy cross crusaders fan living on campus", "worcester"),  # the campus, not the team
    ],
)
def test_a_nickname_or_a_colleges_campus(resolver: Resolver, text: str, place: str) -> None:
    assert _answer(resolver, text) == place


@pytest.mark.parametrize("text", ["did you catch the revs game", "celts by 20 tonight"])
def test_a_teams_short_name_is_no_town_heard(resolver: Resolver, text: str) -> None:
    assert resolver.resolve(text).outcome is Outcome.NONE


@pytest.mark.parametrize(
    ("text", "place"), [("plimuff", "plymouth"), ("i live in falmuff", "falmouth")]
)
def test_a_final_th_said_as_f_is_asked(resolver: Resolver, text: str, place: str) -> None:
    found = resolver.resolve(text)
    assert found.outcome is Outcome.AMBIGUOUS
    assert place in [p.id for p in found.candidates]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("my kid plays for bishop feehan", "attleboro"),  # a school's short name
        ("mom is at wing hospital", "palmer"),  # its former name
        ("dinner at the hu ke lau", "chicopee"),
        ("volunteering at pine street inn", "boston"),
    ],
)
def test_landmarks_by_the_names_residents_use(resolver: Resolver, text: str, place: str) -> None:
    assert _answer(resolver, text) == place


@pytest.mark.parametrize(
    ("text", "place"), [("我家在春田", "springfield"), ("麻省春田市", "springfield")]
)
def test_springfield_by_its_chinese_calque(resolver: Resolver, text: str, place: str) -> None:
    assert _answer(resolver, text) == place


@pytest.mark.parametrize("text", ["春田さんに聞きました", "春田花花同學會"])
def test_a_chinese_or_japanese_name_before_an_honorific_or_in_a_title(
    resolver: Resolver, text: str
) -> None:
    assert resolver.resolve(text).outcome is Outcome.NONE


@pytest.mark.parametrize(
    ("text", "place"), [("យើងរស់នៅឡូវែល", "lowell"), ("ខ្ញុំធ្វើការបូស្តុន", "boston")]
)
def test_a_name_among_khmer_words_written_without_spaces_is_asked(
    resolver: Resolver, text: str, place: str
) -> None:
    found = resolver.resolve(text)
    assert found.outcome is Outcome.AMBIGUOUS
    assert place in [p.id for p in found.candidates]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("mai lowell mein rehti hun", "lowell"),  # Hindi "I", not the name Mai
        ("ami everett e thaki", "everett"),  # Bengali "I", not the name Ami
        ("pehle quincy mein the, ab braintree shift ho gaye", "braintree"),  # "before", "now"
        ("ami kaj kori boston e, ami malden e thaki", None),  # work and home: asked
        ("walaal, waxaan ku noolahay chelsea", "chelsea"),  # Somali
        ("ab revere iye zneber", "revere"),  # Tigrinya "in ... I live"
        ("ene malden enoralehu", "malden"),  # Amharic "I live"
    ],
)
def test_hindi_bengali_somali_and_ethiopian_words_in_latin_letters(
    resolver: Resolver, text: str, place: str | None
) -> None:
    found = resolver.resolve(text)
    if place is None:
        assert found.outcome is Outcome.AMBIGUOUS
        assert {p.id for p in found.candidates} == {"boston", "malden"}
        assert found.candidates[0].id == "malden"  # home first
    else:
        assert _answer(resolver, text) == place


@pytest.mark.parametrize(
    "text", ["dono jagah camera wale log", "yekenyeley walaal", "shukriya yaar, ho gaya"]
)
def test_everyday_words_of_those_languages_name_nothing(resolver: Resolver, text: str) -> None:
    assert resolver.resolve(text).outcome is Outcome.NONE


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("እኔ በኤቨረት እኖራለሁ", "everett"),  # Amharic "in" written onto the name, "I live"
        ("ቤተሰቤ ኩዊንሲ ይኖራሉ", "quincy"),  # "my family lives": QU written KUW
        ("ኣብ ዎርሴስተር ይነብሩ", "worcester"),  # Tigrinya: "live" is no Newbury
    ],
)
def test_amharic_and_tigrinya_said_where_one_lives(
    resolver: Resolver, text: str, place: str
) -> None:
    assert _answer(resolver, text) == place


@pytest.mark.parametrize(
    "text",
    [
        "we should revere the people who fought for this",
        "you must stow your bags",
        "he carried a springfield m1a",
        "chelsea and her dad dropped off cookies",
        "sharon and his brother came by",
    ],
)
def test_a_verb_a_rifle_or_a_person_named_like_a_town(resolver: Resolver, text: str) -> None:
    assert resolver.resolve(text).outcome is Outcome.NONE


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("salem police drones", "salem"),  # a common-word town, then its own police
        ("concord town meeting vote on cameras", "concord"),
        ("who represents sharon in the state house", "sharon"),
        ("reading state rep email", "reading"),  # not a "Reading State" university
        ("who is lexington's state rep", "lexington"),  # a possessive, then its officer
        ("mam sklep w Ludlow", "ludlow"),  # Polish "w" (in) after "I have a shop"
    ],
)
def test_a_towns_own_bodies_and_officers(resolver: Resolver, text: str, place: str) -> None:
    assert _answer(resolver, text) == place


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("my daughter goes to m i t", "cambridge"),
        ("interview at W.P.I. tomorrow", "worcester"),
    ],
)
def test_a_landmarks_initials_spelt_out(resolver: Resolver, text: str, place: str) -> None:
    assert _answer(resolver, text) == place


@pytest.mark.parametrize(
    "text",
    [
        "newton's laws of motion",  # a possessive before no officer of a town
        "they're out of boston lettuce again",
        "cite it in harvard referencing style",
        "the newburyport branch of the rockport line is slow",
        "i take the orange line to work",
        "el tren de lowell va lleno",
        "caught stripers fishing buzzards bay",
        "melrose in the scottish borders is lovely",
        "nashua nh, 10 minutes from tyngsborough",
        "剑桥大学的图书馆",  # the University of Cambridge, in England
        "阿灵顿国家公墓在哪里",  # Arlington National Cemetery, Virginia
        "我是切尔西球迷",  # a Chelsea (football) fan
        "sandwich 三明治 recipe",
        "bạn tên Florence hả",  # Vietnamese "named Florence"
        "bộ đội để nhận diện",  # "để": "đ" folds to "d", no East
    ],
)
def test_things_named_like_towns_and_places_elsewhere(resolver: Resolver, text: str) -> None:
    assert resolver.resolve(text).outcome is Outcome.NONE


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("năm sau mình sẽ chuyển từ Quincy đến Braintree", {"quincy", "braintree"}),
        ("mwen te rete Randolph, kounye a mwen nan Brockton", None),
    ],
)
def test_a_move_not_yet_made_or_a_past_home(
    resolver: Resolver, text: str, places: set[str] | None
) -> None:
    found = resolver.resolve(text)
    if places is None:
        assert found.outcome is Outcome.MATCH and found.place is not None
        assert found.place.id == "brockton"
    else:
        assert found.outcome is Outcome.AMBIGUOUS
        assert {p.id for p in found.candidates} == places


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("what precinct is lexington in", "lexington"),  # a question's last "in": no Indiana
        ("did salem have one", "salem"),  # one ban, asked after talk of bans
        ("lavoro nel North End", "boston"),  # Italian "nel" (in the)
        ("main lowell mein hoon, dracut nahi", "lowell"),  # Hindi "nahi" (not) after a name
        ("o salem co luat nay khong", "salem"),  # Vietnamese without its marks
        ("bà hỏi Malden có luật không", "malden"),  # "hỏi" (asks) is no piece of Holden
    ],
)
def test_questions_and_pointers_in_several_languages(
    resolver: Resolver, text: str, place: str
) -> None:
    assert _answer(resolver, text) == place


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("我住在福克斯堡", "foxborough"),
        ("霍普金頓有禁令嗎", "hopkinton"),
        ("我们搬到了梅尔罗斯", "melrose"),
        ("亚特柏罗市", "attleboro"),
    ],
)
def test_chinese_names_of_more_towns(resolver: Resolver, text: str, place: str) -> None:
    assert _answer(resolver, text) == place


@pytest.mark.parametrize(
    ("text", "place"),
    [("where ma", "ware"), ("im in lorenz mass", "lawrence"), ("leigh massachusetts", "lee")],
)
def test_ordinary_words_said_as_a_town_before_mass_are_asked(
    resolver: Resolver, text: str, place: str
) -> None:
    found = resolver.resolve(text)
    assert found.outcome is Outcome.AMBIGUOUS
    assert place in [p.id for p in found.candidates]


@pytest.mark.parametrize("text", ["hello ma", "thanks ma, love you"])
def test_a_word_to_ones_mother_is_no_town(resolver: Resolver, text: str) -> None:
    assert resolver.resolve(text).outcome is Outcome.NONE


@pytest.mark.parametrize(
    "text",
    ["ኣብ ሊን ንነብር", "ቤተሰቤ ሊን ውስጥ ይኖራሉ"],  # Tigrinya "we live in Lynn"; Amharic "my family"
)
def test_a_short_name_placed_by_an_ethiopic_preposition(resolver: Resolver, text: str) -> None:
    assert _answer(resolver, text) == "lynn"


@pytest.mark.parametrize(("text", "place"), [("niu dun", "newton"), ("kun xi", "quincy")])
def test_a_name_in_spaced_pinyin_syllables_is_asked(
    resolver: Resolver, text: str, place: str
) -> None:
    found = resolver.resolve(text)
    assert found.outcome is Outcome.AMBIGUOUS
    assert place in [p.id for p in found.candidates]


@pytest.mark.parametrize("text", ["chao ban", "ward eight", "peace out"])
def test_short_english_or_vietnamese_words_are_no_pinyin_name(
    resolver: Resolver, text: str
) -> None:
    assert resolver.resolve(text).outcome is Outcome.NONE


@pytest.mark.parametrize(("text", "place"), [("mình ở Quincy nè", "quincy"), ("lincoln ne", None)])
def test_vietnamese_ne_after_a_name_is_no_nebraska(
    resolver: Resolver, text: str, place: str | None
) -> None:
    found = resolver.resolve(text)
    if place is None:
        assert found.outcome is Outcome.NONE  # Lincoln, Nebraska
    else:
        assert _answer(resolver, text) == place


@pytest.mark.parametrize(
    "text",
    [
        "do cops need a warrent to scan faces",  # warrant, not Warren
        "my chat is monitered right",  # monitored, not Monterey
        "are they readin my messages",  # reading, said as it sounds
    ],
)
def test_an_everyday_word_misspelt_in_a_sentence_is_no_town(resolver: Resolver, text: str) -> None:
    assert resolver.resolve(text).outcome is not Outcome.MATCH


@pytest.mark.parametrize(
    ("text", "place"), [("warrent", "warren"), ("i live in warrent", "warren")]
)
def test_the_same_misspelling_alone_or_after_in_is_the_town(
    resolver: Resolver, text: str, place: str
) -> None:
    assert _answer(resolver, text) == place


@pytest.mark.parametrize(
    ("text", "place"),
    [("that movie was so mid", None), ("i live in so mid", "middleborough")],
)
def test_two_words_cut_off_inside_a_sentence_are_words(
    resolver: Resolver, text: str, place: str | None
) -> None:
    if place is None:
        assert resolver.resolve(text).outcome is Outcome.NONE
    else:
        assert _answer(resolver, text) == place  # South Middleborough cut off after "in"


@pytest.mark.parametrize(("text", "place"), [("on hanover", None), ("on boylston", None)])
def test_on_a_town_name_alone_is_a_street(resolver: Resolver, text: str, place: None) -> None:
    assert resolver.resolve(text).outcome is Outcome.NONE


def test_on_an_island_is_the_island(resolver: Resolver) -> None:
    assert _answer(resolver, "i live on nantucket") == "nantucket"


@pytest.mark.parametrize("text", ["my gardner is late today", "our everett was great"])
def test_a_town_name_after_my_doing_something_is_a_person(resolver: Resolver, text: str) -> None:
    assert resolver.resolve(text).outcome is Outcome.NONE


@pytest.mark.parametrize("text", ["everett perdió anoche 2-1", "brockton won last night 28-14"])
def test_a_team_and_its_score_a_few_words_apart_is_no_town(resolver: Resolver, text: str) -> None:
    assert resolver.resolve(text).outcome is Outcome.NONE


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("ابني سالم بيحب البوت", None),  # "my son Salim loves the bot"
        ("رح استنى لين يخلص", None),  # "I'll wait until he finishes"
        ("عايش في لين", "lynn"),  # "living in Lynn"
        ("هل مدينة سالم فيها حظر؟", "salem"),  # "does the city of Salem have a ban?"
        ("ساكنة في نيو بيدفورد", "new-bedford"),  # New Bedford, its "New" written apart
        ("ساكنين في دورتشستر", "boston"),  # Dorchester, its CH written تش
    ],
)
def test_arabic_names_that_are_words_need_a_place_word(
    resolver: Resolver, text: str, place: str | None
) -> None:
    if place is None:
        assert resolver.resolve(text).outcome is Outcome.NONE
    else:
        assert _answer(resolver, text) == place


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("jestem z Gill", "gill"),  # Polish "I am from Gill"
        ("jestem z Lee", "lee"),
        ("przeprowadziliśmy się z Lowell do Dracut", "dracut"),  # a move made: the new home
    ],
)
def test_polish_w_and_z_are_in_and_from(resolver: Resolver, text: str, place: str) -> None:
    assert _answer(resolver, text) == place


def test_a_polish_move_still_to_come_asks_both(resolver: Resolver) -> None:
    found = resolver.resolve("chcemy się przeprowadzić z Lowell do Dracut")
    assert found.outcome is Outcome.AMBIGUOUS
    assert {p.id for p in found.candidates} == {"lowell", "dracut"}


def test_arabizi_fi_is_in(resolver: Resolver) -> None:
    assert _answer(resolver, "sakna fi lowell men zaman") == "lowell"  # living in Lowell long


def test_a_name_typed_small_after_russian_in_is_read(resolver: Resolver) -> None:
    found = resolver.resolve("переехали во фрамингем")  # "moved to Framingham"
    assert "framingham" in [p.id for p in found.candidates]


@pytest.mark.parametrize(
    "text",
    [
        "has jehlen cosponsored it",  # was Holden or Hawley, heard
        "senator montano",  # was Montana, misspelt
        "did worrell vote for it",  # was Warren or Ware
        "senator xiarhos",  # was Chelsea, heard as romanized Chinese
        "rep crighton",
    ],
)
def test_a_legislators_surname_is_no_town(resolver: Resolver, text: str) -> None:
    assert resolver.resolve(text).outcome is Outcome.NONE


def test_the_legislators_surnames_come_from_the_knowledge(resolver: Resolver) -> None:
    assert {"jehlen", "comerford", "garabedian"} <= resolver.vocabulary.lawmakers


@pytest.mark.parametrize(
    ("text", "place"), [("czikopi mass", "chicopee"), ("szrusbery", "shrewsbury")]
)
def test_a_name_spelt_by_polish_ear_is_asked(resolver: Resolver, text: str, place: str) -> None:
    found = resolver.resolve(text)
    assert found.outcome is Outcome.AMBIGUOUS
    assert place in [p.id for p in found.candidates]


def test_a_polish_sentence_is_not_respelt(resolver: Resolver) -> None:
    assert resolver.resolve("moja wnuczka mi pomogła").outcome is Outcome.NONE


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("the state house", "boston"),  # the building, all the message says
        ("lunch near the ludlow mills complex", "ludlow"),
        ("high rock reservation", "lynn"),
        ("we went to the mgm casino", "springfield"),
    ],
)
def test_more_landmarks_residents_name(resolver: Resolver, text: str, place: str) -> None:
    assert _answer(resolver, text) == place


@pytest.mark.parametrize(
    "text", ["can i testify at the state house", "who do i call at the state house"]
)
def test_the_state_house_in_a_sentence_is_the_legislature(resolver: Resolver, text: str) -> None:
    assert resolver.resolve(text).outcome is Outcome.NONE


@pytest.mark.parametrize(
    ("text", "home"),
    [
        ("i work in boston but live in xyzzyq", None),  # a home we cannot read
        ("work in lowell, live in dracutt", "dracut"),  # a home misspelt
        ("i work in boston but live in cambrige", "cambridge"),
    ],
)
def test_a_town_of_work_is_not_the_answer_when_home_is_said_unread(
    resolver: Resolver, text: str, home: str | None
) -> None:
    found = resolver.resolve(text)
    assert found.outcome is Outcome.AMBIGUOUS
    if home is not None:
        assert found.candidates[0].id == home  # the home first, the town of work after


@pytest.mark.parametrize(
    ("text", "place"), [("bu gece toplantı var mı", None), ("i go to bu", "boston")]
)
def test_bu_among_words_of_no_english_is_no_university(
    resolver: Resolver, text: str, place: str | None
) -> None:
    if place is None:
        assert resolver.resolve(text).outcome is Outcome.NONE  # Turkish: "is there a meeting
    else:  # tonight?"
        assert _answer(resolver, text) == place


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("μετακόμισα από το Lowell στο Dracut", "dracut"),  # Greek: I moved
        ("u transferuam nga Lowell në Dracut", "dracut"),  # Albanian: we moved
    ],
)
def test_a_move_made_in_greek_or_albanian_answers_the_new_home(
    resolver: Resolver, text: str, place: str
) -> None:
    assert _answer(resolver, text) == place


@pytest.mark.parametrize(
    "text", ["θα μετακομίσουμε από το Lowell στο Dracut", "do të zhvendosemi nga Lowell në Dracut"]
)
def test_a_move_to_come_in_greek_or_albanian_asks_both(resolver: Resolver, text: str) -> None:
    found = resolver.resolve(text)
    assert found.outcome is Outcome.AMBIGUOUS
    assert {p.id for p in found.candidates} == {"lowell", "dracut"}


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("몰든에서 퀸시로 이사 왔어요", "quincy"),  # Korean: came, moving, from Malden to Quincy
        ("ボストンからクインシーに引っ越しました", "quincy"),  # Japanese: moved from Boston
    ],
)
def test_a_move_made_in_korean_or_japanese_answers_the_new_home(
    resolver: Resolver, text: str, place: str
) -> None:
    assert _answer(resolver, text) == place


def test_a_move_to_come_in_korean_asks_both(resolver: Resolver) -> None:
    found = resolver.resolve("몰든에서 퀸시로 이사할 거예요")  # "we will move"
    assert found.outcome is Outcome.AMBIGUOUS


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("hum log pichle saal lowell se westford shift ho gaye", "westford"),  # moved
        ("hum log gill se hain", "gill"),  # "we are from Gill"
    ],
)
def test_hindi_in_latin_letters_from_and_moves(resolver: Resolver, text: str, place: str) -> None:
    assert _answer(resolver, text) == place


def test_a_hindi_move_to_come_asks_both(resolver: Resolver) -> None:
    found = resolver.resolve("hum agle mahine lowell se westford shift honge")  # next month
    assert found.outcome is Outcome.AMBIGUOUS
    assert {p.id for p in found.candidates} == {"lowell", "westford"}


def test_asking_someone_named_like_a_town_in_hindi_is_no_town(resolver: Resolver) -> None:
    assert resolver.resolve("randolph se pucho, woh jaanta hai").outcome is Outcome.NONE


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("drop off 495 exit 23 marlborough", "marlborough"),  # an exit number, no house's
        ("pickup at logan terminal e", "boston"),  # Logan Airport's terminals
    ],
)
def test_a_drivers_exits_and_terminals(resolver: Resolver, text: str, place: str) -> None:
    assert _answer(resolver, text) == place


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Westfield, no, West Springfield", "west-springfield"),
        ("I live in Westfield... correction, West Springfield", "west-springfield"),
        ("Newton—oops, Needham", "needham"),
        ("I live in Westfield, or rather West Springfield", "west-springfield"),
    ],
)
def test_a_name_corrected_by_the_next_is_taken_back(
    resolver: Resolver, text: str, place: str
) -> None:
    assert _answer(resolver, text) == place


def test_two_towns_joined_by_or_are_no_correction(resolver: Resolver) -> None:
    assert resolver.resolve("lynn or saugus").outcome is Outcome.AMBIGUOUS


def test_a_town_written_as_it_is_said_in_another_script_is_heard(resolver: Resolver) -> None:
    assert _answer(resolver, "हम वूस्टर में रहते हैं") == "worcester"  # Hindi: we live in
    found = resolver.resolve("लेस्टर")  # Leicester as said (LESS-ter), alone: asked
    assert found.outcome is Outcome.AMBIGUOUS
    assert "leicester" in [p.id for p in found.candidates]


def test_a_tamil_greeting_is_heard_as_no_town(resolver: Resolver) -> None:
    assert resolver.resolve("வணக்கம், உதவி வேண்டும்").outcome is Outcome.NONE


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("ساكنين في جامايكا بلين", None),  # "we live in Jamaica Plain": its P written ب
        ("انا ساكن في بلين", "lynn"),  # "I live in in-Lynn": a place word written onto it
    ],
)
def test_an_arabic_plain_after_a_name_is_no_lynn(
    resolver: Resolver, text: str, place: str | None
) -> None:
    if place is None:
        assert resolver.resolve(text).outcome is not Outcome.MATCH
    else:
        assert _answer(resolver, text) == place


def test_a_town_moved_from_in_korean_is_never_the_answer(resolver: Resolver) -> None:
    # "last year we moved from Lexington to Burlington": the new home heard only by sound
    found = resolver.resolve("지난달에 렉싱턴에서 벌링턴으로 이사했어요")
    assert found.outcome is Outcome.AMBIGUOUS
    assert "burlington" in [p.id for p in found.candidates]
    assert _answer(resolver, "작년에 몰든에서 퀸시로 이사했어요") == "quincy"


@pytest.mark.parametrize(
    "text",
    [
        "paged dr newton at three, no answer",
        "emailed dr quincy twice",
        "appointment with dr lowell tomorrow",
        "thanks lynn for the help",
        "thank you everett for answering",
        "the san francisco giants lost again",
        "watching the pittsburgh penguins",
        "meet at the corner of main st and lowell",
        "intersection of route 9 and newton",
    ],
)
def test_a_person_a_team_or_a_cross_street_is_no_town(resolver: Resolver, text: str) -> None:
    assert resolver.resolve(text).outcome is not Outcome.MATCH


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("i live on wooded dr bedford", "bedford"),  # a drive, then its town
        ("crosby dr bedford", "bedford"),
        ("thanks boston for the ban", "boston"),
        ("boston post rd e, marlborough", "marlborough"),
        ("i live in san francisco", "san-francisco-ca"),
        ("corner of main st and elm in lowell", "lowell"),
    ],
)
def test_a_drive_or_a_town_after_a_corner_still_answers(
    resolver: Resolver, text: str, place: str
) -> None:
    assert _answer(resolver, text) == place


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("म बर्लिङ्टनमा बस्छु", "burlington"),  # Nepali: I live in Burlington
        ("मैं न्यूटन में रहती हूँ", "newton"),  # Hindi: I live in Newton
        ("நான் நியூட்டன்ல இருக்கேன்", "newton"),  # Tamil: I'm in Newton
        ("ہم سمرویل میں رہتے ہیں", "somerville"),  # Urdu: we live in Somerville
        ("2019년에 퀸시에서 니덤으로 이사했어요", "needham"),  # Korean: moved to Needham
    ],
)
def test_a_name_in_a_script_of_unwritten_vowels_is_asked_by_its_consonants(
    resolver: Resolver, text: str, place: str
) -> None:
    found = resolver.resolve(text)
    assert found.outcome is Outcome.AMBIGUOUS  # heard by its sound: asked, never answered
    assert place in [p.id for p in found.candidates]


@pytest.mark.parametrize(
    "text",
    [
        "कृपया मेरी मदद करें",  # Hindi: please help me
        "नेपालीमा जवाफ दिनुहोस्",  # Nepali: answer in Nepali (placed, yet no town)
        "இந்த சட்டம் என்ன சொல்லுது?",  # Tamil: what does this law say?
        "بدي امسح معلوماتي",  # Arabic: I want to erase my data
    ],
)
def test_an_ordinary_sentence_of_those_scripts_names_no_town(
    resolver: Resolver, text: str
) -> None:
    assert resolver.resolve(text).outcome is Outcome.NONE


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("캠브리지 살고 있어요", "cambridge"),  # before the verb for living: a name
        ("애쉴랜드 살고 있어요", "ashland"),  # 쉬 is an English SH
        ("메드포드는 어때요?", "medford"),
    ],
)
def test_a_korean_name_before_living_or_a_particle_is_heard(
    resolver: Resolver, text: str, place: str
) -> None:
    assert place in [p.id for p in resolver.resolve(text).candidates]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("douleuo sti vostoni", "boston"),  # Βοστώνη, Boston's Greek name, in Latin letters
        ("i mitera mou menei sto tselsi", "chelsea"),  # Τσέλσι
        ("zoume sto mprokton", "brockton"),  # Μπρόκτον
    ],
)
def test_a_greek_name_typed_in_latin_letters_is_the_town(
    resolver: Resolver, text: str, place: str
) -> None:
    assert _answer(resolver, text) == place


def test_an_english_name_spelt_as_greek_writes_it_is_asked(resolver: Resolver) -> None:
    found = resolver.resolve("mpentfornt")  # Μπέντφορντ: Bedford, with no Greek name on record
    assert found.outcome is Outcome.AMBIGUOUS
    assert [p.id for p in found.candidates] == ["bedford"]
    assert resolver.resolve("kalimera, ti kaneis?").outcome is Outcome.NONE


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("boston eseo salayo", "boston"),  # Korean in Latin letters: I live in Boston
        ("lowell zaiju desu", "lowell"),  # Japanese in Latin letters: I live in Lowell
        ("medford imnida", "medford"),  # Korean: it is Medford
    ],
)
def test_a_town_among_korean_or_japanese_in_latin_letters_is_the_town(
    resolver: Resolver, text: str, place: str
) -> None:
    assert _answer(resolver, text) == place


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("metakomisame apo to Medford sto Malden", "malden"),  # Greeklish: we moved
        ("Metakomisa apo tin Boston sto Quincy", "quincy"),
    ],
)
def test_a_move_made_in_greeklish_answers_the_new_home(
    resolver: Resolver, text: str, place: str
) -> None:
    assert _answer(resolver, text) == place


def test_a_move_to_come_in_greeklish_asks_both(resolver: Resolver) -> None:
    found = resolver.resolve("tha metakomisoume apo to Lynn sto Saugus")
    assert {p.id for p in found.candidates} == {"lynn", "saugus"}
    assert found.outcome is Outcome.AMBIGUOUS


@pytest.mark.parametrize(
    "text",
    [
        "to nomosxedio perase i oxi?",  # Greeklish: did the bill pass or not?
        "thelo na grapso sto vouleuti",  # I want to write to the MP
        "nuk kuptoj, me falni",  # Albanian: I don't understand, sorry
    ],
)
def test_greek_and_albanian_in_latin_letters_name_no_town(resolver: Resolver, text: str) -> None:
    assert resolver.resolve(text).outcome is Outcome.NONE


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("we visited the Armenian Museum", "watertown"),  # its name said short
        ("St. Vasilios Greek Church", "peabody"),
    ],
)
def test_a_landmark_said_by_its_short_name(resolver: Resolver, text: str, place: str) -> None:
    assert _answer(resolver, text) == place


def test_ne_after_a_town_nebraska_has_not_is_a_word(resolver: Resolver) -> None:
    # Korean 네 (yes), Albanian "ne" (in): Nebraska has no Chicopee; it has a Lincoln
    assert _answer(resolver, "chicopee ne") == "chicopee"
    assert resolver.resolve("lincoln ne").outcome is Outcome.NONE


@pytest.mark.parametrize(
    "text",
    [
        "오사카에서 왔어요",  # Korean: I came from Osaka
        "사진이 업로드된 거예요?",  # was the photo uploaded? (a verb, not a name heard)
    ],
)
def test_a_city_of_asia_or_a_korean_verb_is_no_town_heard(resolver: Resolver, text: str) -> None:
    assert resolver.resolve(text).outcome is Outcome.NONE


@pytest.mark.parametrize(("text", "place"), [("ミルトンです", "milton"), ("アクトン", "acton")])
def test_a_town_in_katakana_spelt_out_is_the_town(
    resolver: Resolver, text: str, place: str
) -> None:
    # katakana's added vowels taken off, the name is spelt letter for letter, as in Hangul
    assert _answer(resolver, text) == place


@pytest.mark.parametrize("text", ["i'm from what are town", "we are in what are town mass"])
def test_ordinary_words_dictated_with_a_towns_long_sound_are_asked(
    resolver: Resolver, text: str
) -> None:
    found = resolver.resolve(text)  # WTRTN, Watertown's own sound code
    assert found.outcome is Outcome.AMBIGUOUS
    assert [p.id for p in found.candidates] == ["watertown"]
    assert resolver.resolve("what are town rules").outcome is Outcome.NONE


def test_tamil_in_latin_letters_names_no_town(resolver: Resolver) -> None:
    # "what does your bot do?": everyday Tamil words are no names heard by their sound
    assert resolver.resolve("ungal bot enna pannum?").outcome is Outcome.NONE
    assert _answer(resolver, "enga veedu palmer la irukku") == "palmer"  # our home is in Palmer


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Reading-Nord", "north-reading"),  # French: the direction after the name
        ("j'habite à Brookfield-Est", "east-brookfield"),
        ("Bridgewater Ouest", "west-bridgewater"),
        ("Worcester-Nord", "worcester"),  # no North Worcester: the city
        ("Boston-Sud", "boston"),  # South Boston, a neighbourhood
        ("vivo a Springfield Ovest", "west-springfield"),  # Italian
    ],
)
def test_a_direction_after_the_name_as_french_and_italian_say_it(
    resolver: Resolver, text: str, place: str
) -> None:
    assert _answer(resolver, text) == place


def test_french_est_after_a_name_is_still_a_verb(resolver: Resolver) -> None:
    assert _answer(resolver, "Longmeadow est ma ville") == "longmeadow"  # is my town


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("I-P-S-W-I-C-H", "ipswich"),
        ("i live in s t o u g h t o n", "stoughton"),  # "s t" had read as a station
        ("my town is D.E.D.H.A.M.", "dedham"),
        ("S-O-U-T-H H-A-D-L-E-Y", "south-hadley"),
    ],
)
def test_a_name_spelt_out_a_letter_at_a_time(resolver: Resolver, text: str, place: str) -> None:
    assert _answer(resolver, text) == place


@pytest.mark.parametrize(
    "text",
    [
        "Springfield, Virginie",
        "Burlington, Caroline du Nord",
        "Westminster, Californie",
    ],
)
def test_a_us_state_named_in_french_is_elsewhere(resolver: Resolver, text: str) -> None:
    assert resolver.resolve(text).outcome is Outcome.NONE


@pytest.mark.parametrize(
    "text",
    [
        "le sourire du chat du Cheshire",  # the Cheshire cat's grin
        "un sofá Chesterfield",
        "los hermanos Dalton",  # a family
        "mis rockport me quedan grandes",  # my Rockports (shoes) are too big
        "chelsea are winning",  # a club, as British English says it
        "chelsea town got relegated",
        "liverpool over chelsea any day",
        "wayland vs xorg benchmarks",
        "newton laws of motion quiz",
        "Norton el de la tienda me lo dijo",  # Spanish: Norton, the one from the shop
    ],
)
def test_a_namesake_thing_team_or_person_is_no_town(resolver: Resolver, text: str) -> None:
    assert resolver.resolve(text).outcome is Outcome.NONE


def test_a_town_near_a_namesake_word_is_still_the_town(resolver: Resolver) -> None:
    assert _answer(resolver, "i live in lee, jeans are cheap here") == "lee"
    assert _answer(resolver, "Ipswich town meeting is tonight") == "ipswich"
    assert _answer(resolver, "vivo en Lawrence el de la barbería") == "lawrence"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("tulihamia Lynn kutoka Salem", "lynn"),  # Swahili: we moved to Lynn from Salem
        ("ninaishi Revere lakini kazi yangu iko Boston", "revere"),  # I live in Revere, work in
        ("ninakaa Lowell karibu na shule", "lowell"),  # I stay in Lowell near the school
        ("Waxaan ku noolahay Lowell laakiin shaqadaydu waa Boston", "lowell"),  # Somali
        ("म Worcester मा काम गर्छु र Shrewsbury मा बस्छु", "shrewsbury"),  # Nepali: I work in
        ("Ani Quincy keessa jiraadha", "quincy"),  # Oromo: I live in Quincy
        ("Kei cu Lynn ah ka um", "lynn"),  # Hakha Chin: I live in Lynn
    ],
)
def test_living_working_and_moving_said_in_east_african_and_nepali_languages(
    resolver: Resolver, text: str, place: str
) -> None:
    found = resolver.resolve(text)
    assert found.candidates and found.candidates[0].id == place, found
    assert found.outcome in {Outcome.MATCH, Outcome.AMBIGUOUS}


def test_a_move_to_come_said_in_swahili_asks_about_both(resolver: Resolver) -> None:
    found = resolver.resolve("tunataka kuhamia Medford kutoka Malden")  # we want to move
    assert found.outcome is Outcome.AMBIGUOUS
    assert {p.id for p in found.candidates} == {"medford", "malden"}


@pytest.mark.parametrize(
    "text", ["akkam jirta obboleessa", "tapadh leat a-rithist", "Mbote na bino"]
)
def test_greetings_of_more_languages_name_no_town(resolver: Resolver, text: str) -> None:
    assert resolver.resolve(text).outcome is Outcome.NONE


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("ME LIVE D-E-D-H-A-M", "dedham"),  # ASL gloss, the name fingerspelt
        ("TOWN MINE LEE", "lee"),
        ("FINISH MOVE FROM QUINCY TO BRAINTREE", "braintree"),  # FINISH: done
        ("i live ack island", "nantucket"),  # the "in" left out
    ],
)
def test_asl_gloss_and_a_left_out_in(resolver: Resolver, text: str, place: str) -> None:
    assert _answer(resolver, text) == place


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("i live in Salem *Salisbury sorry", "salisbury"),
        ("i live in Reading *North Reading", "north-reading"),
        ("we're in Amesbury *Amherst, autocorrect", "amherst"),
    ],
)
def test_a_starred_correction_answers(resolver: Resolver, text: str, place: str) -> None:
    assert _answer(resolver, text) == place


@pytest.mark.parametrize(
    "text",
    [
        "የፊት መለያ ቴክኖሎጂ ምንድን ነው?",  # what is face recognition technology? (was asked: Mendon)
        "ካሜራ እንዴት ይሰራል",  # how does a camera work?
    ],
)
def test_everyday_amharic_words_name_no_town(resolver: Resolver, text: str) -> None:
    assert resolver.resolve(text).outcome is Outcome.NONE


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("ሎውል ውስጥ እኖራለሁ", "lowell"),  # Amharic: I live in Lowell, ል read with its vowel
        ("ከ Lynn ወደ Salem ተዛወርኩ", "salem"),  # Amharic: I moved from Lynn to Salem
    ],
)
def test_a_town_in_ethiopic_script_and_a_move_said_in_amharic(
    resolver: Resolver, text: str, place: str
) -> None:
    assert _answer(resolver, text) == place


@pytest.mark.parametrize(("text", "zip_town"), [("०१८५२", "lowell"), ("۰۱۹۷۰", "salem")])
def test_a_zip_in_another_scripts_digits(resolver: Resolver, text: str, zip_town: str) -> None:
    assert _answer(resolver, text) == zip_town


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("je travaille à l'aéroport Logan", "boston"),  # French names the institution first
        ("on va au stade Gillette", "foxborough"),
        ("my son goes to the Learning Center for the Deaf", "framingham"),
    ],
)
def test_french_institutions_and_schools_for_the_deaf(
    resolver: Resolver, text: str, place: str
) -> None:
    assert _answer(resolver, text) == place


def test_a_direction_after_a_boro_spelt_name(resolver: Resolver) -> None:
    # "Attleboro" is the "-boro" spelling of Attleborough: North Attleborough's
    assert _answer(resolver, "Attleboro Norte") == "north-attleborough"


@pytest.mark.parametrize("text", ["metwin", "lives in metwen"])
def test_a_th_said_as_t_is_asked(resolver: Resolver, text: str) -> None:
    found = resolver.resolve(text)  # Methuen, its TH said T
    assert found.outcome is Outcome.AMBIGUOUS
    assert "methuen" in {p.id for p in found.candidates}


def test_a_name_beside_words_of_computers_is_software(resolver: Resolver) -> None:
    assert resolver.resolve("my laptop runs norton").outcome is Outcome.NONE  # antivirus
    assert _answer(resolver, "my laptop was stolen in norton") == "norton"


def test_high_said_for_hy_offers_the_joined_name(resolver: Resolver) -> None:
    found = resolver.resolve("high annis ma")  # Hyannis (Barnstable), or Annisquam cut off
    assert "barnstable" in {p.id for p in found.candidates}
    assert found.outcome is Outcome.AMBIGUOUS


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Salem'den geldim", "salem"),  # Turkish: I came from Salem (was Framingham)
        ("Framingham'dayız", "framingham"),  # we are in Framingham
        ("Lynn'deyim", "lynn"),  # I am in Lynn
        ("Ez li Lowellê dijîm", "lowell"),  # Kurdish: I live in Lowell
        ("mi live inna di Woo", "worcester"),  # Jamaican: in the Woo
        ("mi move from Lynn go Salem", "salem"),  # a move made, "go" for to
        ("abitavo a Malden, adesso mi sono trasferito a Melrose", "melrose"),  # Italian
        ("man too Lynn zendegi mikonam", "lynn"),  # Persian in Latin letters
        ("man ahle Salem hastam", "salem"),  # I am from Salem
    ],
)
def test_living_and_moving_said_in_turkish_kurdish_patois_italian_and_persian(
    resolver: Resolver, text: str, place: str
) -> None:
    assert _answer(resolver, text) == place


def test_tagalog_home_after_where_one_is_from(resolver: Resolver) -> None:
    found = resolver.resolve(
        "taga-Salem po ako pero nakatira ako sa Lynn"
    )  # from Salem, live in Lynn
    assert found.candidates and {p.id for p in found.candidates} >= {"lynn", "salem"}
    assert (
        resolver.resolve("pagod na ako sa shift").outcome is Outcome.NONE
    )  # tired from the shift


@pytest.mark.parametrize(
    "text", ["Dover, Del.", "Newton, Kan.", "Concord, N.H. —", "Lincoln, Neb.", "forza Lynn"]
)
def test_ap_state_abbreviations_and_cheers_name_no_town(resolver: Resolver, text: str) -> None:
    assert resolver.resolve(text).outcome is Outcome.NONE


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("WORCESTER, Mass. —", "worcester"),
        ("my great-grandmother was born in West Needham", "wellesley"),  # its name to 1881
        ("buried at Quabbin Park Cemetery", "ware"),  # not Quabbin Park (Belchertown)
    ],
)
def test_datelines_former_names_and_a_cemetery(resolver: Resolver, text: str, place: str) -> None:
    assert _answer(resolver, text) == place


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("אנחנו גרים בברוקליין", "brookline"),  # Hebrew: we live in Brookline
        ("היא גרה בניו בדפורד", "new-bedford"),  # New written apart (was nothing)
        ("הם גרים בנורת' רידינג", "north-reading"),  # North with a geresh
        ("אני מפול ריבר במקור", "fall-river"),  # from Fall River (was Revere)
        ("אני גר בשרוסברי", "shrewsbury"),
        ("הוא גר בצ'למספורד", "chelmsford"),  # צ׳ is CH (was Otis)
        ("न्यू बेडफोर्डमा बस्छु", "new-bedford"),  # Nepali, New written apart (was Bedford)
        ("म वेस्ट बोइल्स्टनमा बस्छु", "west-boylston"),
    ],
)
def test_a_town_in_hebrew_letters_and_a_first_word_written_apart(
    resolver: Resolver, text: str, place: str
) -> None:
    assert _answer(resolver, text) == place


def test_brooklyn_in_hebrew_is_no_brookline(resolver: Resolver) -> None:
    assert resolver.resolve("ברוקלין, ניו יורק").outcome is Outcome.NONE


@pytest.mark.parametrize(("text", "place"), [("lowell po", "lowell"), ("amherst po", "amherst")])
def test_tagalogs_particle_of_respect_after_a_name(
    resolver: Resolver, text: str, place: str
) -> None:
    assert _answer(resolver, text) == place


def test_a_town_said_as_heard_before_tagalog_words_is_asked(resolver: Resolver) -> None:
    found = resolver.resolve("taga-medfud po ako")  # I am from Medford
    assert found.outcome is Outcome.AMBIGUOUS
    assert "medford" in {p.id for p in found.candidates}


@pytest.mark.parametrize("text", ["سلام، شكرا", "سلام، آیا این قانون است؟"])
def test_arabic_punctuation_is_no_part_of_a_word(resolver: Resolver, text: str) -> None:
    assert resolver.resolve(text).outcome is Outcome.NONE  # "سلام،" (hello,) had been Salem


def test_the_fairbanks_house_by_its_own_name(resolver: Resolver) -> None:
    assert _answer(resolver, "we toured the Fairbanks House") == "dedham"


def test_a_ward_numbered_in_words_is_no_town_heard(resolver: Resolver) -> None:
    assert resolver.resolve("i think im in ward ten").outcome is Outcome.NONE  # not Warren


def test_everyday_kurdish_and_turkish_words(resolver: Resolver) -> None:
    assert resolver.resolve("spas heval").outcome is Outcome.NONE  # Kurdish: thanks, friend
    assert _answer(resolver, "Lowell belediyesi") == "lowell"  # Turkish: Lowell's municipality


@pytest.mark.parametrize("text", ["vamos pa gillette el domingo", "on est proche du Gillette"])
def test_spoken_spanish_pa_and_french_proche_du_before_a_landmark(
    resolver: Resolver, text: str
) -> None:
    assert _answer(resolver, text) == "foxborough"  # "pa" for "para"; "du" for "de le"


@pytest.mark.parametrize(
    ("text", "place"),
    [("Lee a interdit les caméras?", "lee"), ("ici c'est Cambridge", "cambridge")],
)
def test_french_has_done_and_c_est(resolver: Resolver, text: str, place: str) -> None:
    assert _answer(resolver, text) == place  # "a interdit": has banned; "c'est": it is


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("it's Longmeadow", "longmeadow"),
        ("its Brookfield", "brookfield"),
        ("is Bridgewater", "bridgewater"),
    ],
)
def test_its_before_a_name_is_no_east(resolver: Resolver, text: str, place: str) -> None:
    assert _answer(resolver, text) == place  # not "East Longmeadow?" heard in "it's"


@pytest.mark.parametrize(
    ("text", "towns"),
    [
        ("працюю в Бостоні, а живемо в Мілтоні", {"boston", "milton"}),
        ("я работаю в Бостоне, живу в Брейнтри", {"boston", "braintree"}),
        ("переїжджаємо з Вустера до Шрусбері", {"worcester", "shrewsbury"}),
    ],
)
def test_a_second_town_heard_in_cyrillic_is_asked_about(
    resolver: Resolver, text: str, towns: set[str]
) -> None:
    # one town known by its Cyrillic name, another only by its sound: both asked about
    found = resolver.resolve(text)
    assert found.outcome is Outcome.AMBIGUOUS
    assert towns <= {p.id for p in found.candidates}


@pytest.mark.parametrize(
    "text",
    [
        "Спрингфилд, Иллинойс",
        "Ворчестер, Великобритания",
        "Вустер, Англія",
        "Конкорд, Нью-Гемпшир",
        "Берлін, Німеччина",
        "Салем, Орегон",
    ],
)
def test_a_name_of_ours_beside_a_state_or_country_in_cyrillic_is_elsewhere(
    resolver: Resolver, text: str
) -> None:
    assert resolver.resolve(text).outcome is Outcome.NONE


@pytest.mark.parametrize(
    "text",
    [
        "памятник президенту Адамсу",
        "Квинси Джонс продюсер",
        "первый закон Ньютона",
        "щеня бостон-тер'єра",
        "тарілки Lenox",
    ],
)
def test_a_towns_name_without_a_preposition_in_russian_or_ukrainian_is_asked(
    resolver: Resolver, text: str
) -> None:
    # a place takes a preposition ("в Ньютоні"); a name after a noun is a person's or a thing's
    assert resolver.resolve(text).outcome is not Outcome.MATCH


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("я живу в Брайтоне, это Бостон", "boston"),
        ("живу у вест-спрингфилде", "west-springfield"),
        ("Вустер, Массачусетс", "worcester"),
        ("місто Вустер", "worcester"),
    ],
)
def test_a_place_in_cyrillic_with_its_preposition_or_state_is_answered(
    resolver: Resolver, text: str, place: str
) -> None:
    assert _answer(resolver, text) == place


def test_a_town_one_is_from_originally_is_not_the_home(resolver: Resolver) -> None:
    # "from Peabody originally": no longer there; the town lived in now is asked about
    assert "danvers" in _asked(resolver, "we are from Peabody originally but live in Danvers")


@pytest.mark.parametrize(
    "text",
    ["Everett is baking the cake", "chelsea was driving us home", "Florence is babysitting"],
)
def test_a_first_name_doing_what_only_people_do(resolver: Resolver, text: str) -> None:
    assert resolver.resolve(text).outcome is Outcome.NONE


@pytest.mark.parametrize(
    "text", ["Viele Grüße mit den besten Wünschen", "was ist mit der Abstimmung los?"]
)
def test_german_mit_before_an_article_is_no_mit(resolver: Resolver, text: str) -> None:
    assert resolver.resolve(text).outcome is Outcome.NONE  # "with", not the institute


def test_mit_in_capitals_is_still_the_institute(resolver: Resolver) -> None:
    assert _answer(resolver, "ich arbeite am MIT") == "cambridge"


@pytest.mark.parametrize("text", ["Lowell oder Dracut", "Quincy und Braintree"])
def test_two_towns_joined_by_a_german_or_nordic_and_or_or(resolver: Resolver, text: str) -> None:
    assert len(_asked(resolver, text)) == 2


def test_new_spelt_nio_before_a_name(resolver: Resolver) -> None:
    assert _answer(resolver, "vivo en nio bedford") == "new-bedford"


def test_a_town_named_person_then_her_role_in_spanish(resolver: Resolver) -> None:
    assert resolver.resolve("florence la enfermera").outcome is Outcome.NONE


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("jeg bor i Arlington nå", "arlington"),  # Norwegian: I live in
        ("jag bor i Reading", "reading"),  # Swedish
        ("ég bý í Salem", "salem"),  # Icelandic
        ("wir sind von Dover nach Sharon gezogen", "sharon"),  # German: moved from, to
        ("vi flyttede fra Hull til Milton", "milton"),  # Danish: moved from, to
    ],
)
def test_living_and_moves_in_german_and_the_nordic_languages(
    resolver: Resolver, text: str, place: str
) -> None:
    assert _answer(resolver, text) == place


def test_a_move_to_come_in_german_names_both(resolver: Resolver) -> None:
    assert _asked(resolver, "wir ziehen bald von Dover nach Sharon") == {"dover", "sharon"}


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("the twon of Reading", "reading"),
        ("we came fron Salem", "salem"),
        ("is Lee bannd?", "lee"),
    ],
)
def test_a_word_that_says_a_place_follows_typed_a_key_off(
    resolver: Resolver, text: str, place: str
) -> None:
    assert _answer(resolver, text) == place


def test_a_towns_beginning_is_no_misspelt_from(resolver: Resolver) -> None:
    assert _answer(resolver, "live in fram") == "framingham"  # not "from"


@pytest.mark.parametrize(
    "text",
    [
        "брат живе в Агавамі, а ми в Спрінгфілді",
        "друзі в Метьюені, а ми у Лоуренсі",
        "з Ладлоу у Спрінгфілд наступного року",
    ],
)
def test_an_ask_already_made_is_kept_when_a_name_is_heard_in_cyrillic(
    resolver: Resolver, text: str
) -> None:
    # two towns asked about already, one heard again in script: the ask stands, no error
    assert resolver.resolve(text).outcome is Outcome.AMBIGUOUS


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("живемо у Вінчестері", "winchester"),  # a W written В
        ("Вестпорт", "westport"),
        ("Квінзі Массачусетс", "quincy"),  # a QU written КВ
    ],
)
def test_w_and_qu_as_ukrainian_writes_them(resolver: Resolver, text: str, place: str) -> None:
    assert _answer(resolver, text) == place


def test_a_w_written_v_is_asked_when_only_heard(resolver: Resolver) -> None:
    assert _asked(resolver, "Вейленд") == {"wayland"}


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("singing beahc", "manchester-by-the-sea"),  # beach
        ("wachusett mountian", "princeton"),  # mountain
        ("bunker hill monumnet", "boston"),  # monument
    ],
)
def test_an_ordinary_word_of_a_landmark_a_key_off_beside_its_other_word(
    resolver: Resolver, text: str, place: str
) -> None:
    assert _answer(resolver, text) == place


@pytest.mark.parametrize(
    ("text", "place"),
    [("tanglewodo", None), ("herman melvilles arrowhead", "pittsfield")],  # Melville's house
)
def test_a_landmarks_own_word_is_not_guessed_nor_a_name_mended(
    resolver: Resolver, text: str, place: str | None
) -> None:
    assert _answer(resolver, text) == place


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("we live in Winnisimet", "chelsea"),
        ("Okammakemesit", "marlborough"),
        ("hassanamessit", "grafton"),
        ("Mishawum", "boston"),
    ],
)
def test_the_native_name_of_a_town(resolver: Resolver, text: str, place: str) -> None:
    assert _answer(resolver, text) == place


@pytest.mark.parametrize(
    ("text", "towns"),
    [("Punkapoag", {"canton", "stoughton"}), ("Magunkaquog", {"hopkinton", "ashland"})],
)
def test_a_native_name_now_in_two_towns_is_asked(
    resolver: Resolver, text: str, towns: set[str]
) -> None:
    assert _asked(resolver, text) == towns


def test_a_high_school_said_without_school(resolver: Resolver) -> None:
    assert _answer(resolver, "my son goes to algonquin regional high") == "northborough"


@pytest.mark.parametrize(
    "text",
    [
        "we support swansea",  # Swansea City
        "hull city vs carlisle",
        "northampton town go promote this season",
    ],
)
def test_english_clubs_named_like_our_towns(resolver: Resolver, text: str) -> None:
    assert resolver.resolve(text).outcome is Outcome.NONE


@pytest.mark.parametrize("text", ["rep farley is on the committee", "txt chelsea back"])
def test_a_legislator_or_someone_texted_is_a_person(resolver: Resolver, text: str) -> None:
    assert resolver.resolve(text).outcome is Outcome.NONE


def test_pidgin_name_na_is_a_name(resolver: Resolver) -> None:
    assert resolver.resolve("my pastor name na Milton").outcome is Outcome.NONE


@pytest.mark.parametrize(
    "text",
    ["Cambridge, Anglia", "Sunderland, Anglia", "casa lui Adams", "repollo de Savoy"],
)
def test_a_country_in_romanian_a_persons_lui_and_savoy_cabbage(
    resolver: Resolver, text: str
) -> None:
    assert resolver.resolve(text).outcome is Outcome.NONE


def test_a_romanian_county_before_its_name(resolver: Resolver) -> None:
    assert _answer(resolver, "judetul Hampden") is None  # the county, not the town


@pytest.mark.parametrize(
    "text",
    [
        "mount washington has the worst weather, the observatory says",  # New Hampshire's peak
        "dropping a load at the hub then heading home",  # a freight hub
    ],
)
def test_a_name_of_ours_another_thing_has_told_by_its_words(resolver: Resolver, text: str) -> None:
    assert resolver.resolve(text).outcome is Outcome.NONE


def test_mount_washington_the_town_is_still_answered(resolver: Resolver) -> None:
    assert _answer(resolver, "i live in mount washington ma") == "mount-washington"


@pytest.mark.parametrize(
    "text",
    [
        "wetin dem dey do for there",  # Pidgin: what are they doing there
        "abeg no wahala",
        "care este legea pentru camere?",  # Romanian: what is the law for cameras
    ],
)
def test_pidgin_and_romanian_everyday_words_are_no_town(resolver: Resolver, text: str) -> None:
    assert resolver.resolve(text).outcome is Outcome.NONE


@pytest.mark.parametrize(("text", "place"), [("situate", "scituate"), ("dracu", "dracut")])
def test_a_romanian_word_that_is_a_name_typed_is_still_read(
    resolver: Resolver, text: str, place: str
) -> None:
    found = resolver.resolve(text)
    assert place in {p.id for p in found.candidates}


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Haverhill, Merrimack Valley", "haverhill"),  # not Merrimack, New Hampshire
        ("gardner central mass", "gardner"),  # not Central, Hong Kong
        ("Ware, the 413", "ware"),  # the area code as a region
        ("Ludlow proper", "ludlow"),
    ],
)
def test_a_town_with_a_region_of_ours_after_it(resolver: Resolver, text: str, place: str) -> None:
    assert _answer(resolver, text) == place


@pytest.mark.parametrize(
    ("text", "place"),
    [("natick plaza eastbound", "natick"), ("10-4 ware ma", "ware")],
)
def test_a_pike_plaza_and_a_cb_code_before_a_town(
    resolver: Resolver, text: str, place: str
) -> None:
    assert _answer(resolver, text) == place


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("locuim in Quincy de 3 ani", "quincy"),  # Romanian: for three years, not Delaware
        ("Medford, nu stiu exact", "medford"),  # Romanian "nu", not Nunavut
    ],
)
def test_a_state_code_that_is_a_word_before_a_number_not_a_zip(
    resolver: Resolver, text: str, place: str
) -> None:
    assert _answer(resolver, text) == place


def test_a_state_code_before_a_zip_still_places_a_town_elsewhere(resolver: Resolver) -> None:
    assert _answer(resolver, "Dover DE 19901") is None


def test_a_memory_brand_named_like_a_town(resolver: Resolver) -> None:
    assert resolver.resolve("card Kingston de 128 GB").outcome is Outcome.NONE
