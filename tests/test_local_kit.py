"""The local kit's texts: every municipality's route in every language, within the limits, each
form its own route, and only what the facts allow (likely cautioned, unverified left out)."""

from __future__ import annotations

import dataclasses
import re
import statistics
from collections.abc import Iterator

import pytest

from bot import DEFAULT_KNOWLEDGE_DIR
from bot.broadcast.telegram_html import validate, visible_length, visible_text
from bot.core.i18n import Catalog
from bot.core.local_action import ban_in_force, pending_bills
from bot.core.local_kit import MAX_MESSAGE_CHARS, MAX_SCREEN_CHARS, LocalKit
from bot.kb import local_action as facts
from bot.kb.models import Place
from bot.kb.store import KnowledgeStore
from tests.support import built_knowledge

# A large count of neighbours: the route must still fit (the line is dropped only beyond it).
MANY = 9_999


@pytest.fixture(scope="module")
def store() -> Iterator[KnowledgeStore]:
    kb = KnowledgeStore.open_existing(built_knowledge())
    yield kb
    kb.close()


@pytest.fixture(scope="module")
def kit(store: KnowledgeStore) -> LocalKit:
    return make_kit(store, facts.read(store.db))


def make_kit(store: KnowledgeStore, knowledge: facts.LocalKnowledge) -> LocalKit:
    places = {p.id: p for p in store.places()}
    return LocalKit(
        knowledge,
        Catalog.load(DEFAULT_KNOWLEDGE_DIR),
        places,
        lambda place_id: ban_in_force(store, place_id),
        pending_bills(store),
    )


def no_ban_places(kit: LocalKit, store: KnowledgeStore) -> list[Place]:
    return [p for p in store.places() if kit.form(p) is not None and not ban_in_force(store, p.id)]


def place(kit: LocalKit, place_id: str) -> Place:
    return kit.places[place_id]


def with_confidence(kit: LocalKit, route: str, confidence: str) -> LocalKit:
    routes = dict(kit.knowledge.routes)
    routes[route] = dataclasses.replace(routes[route], confidence=confidence)
    return dataclasses.replace(kit, knowledge=dataclasses.replace(kit.knowledge, routes=routes))


def test_343_municipalities_have_no_ban_and_get_the_kit(
    kit: LocalKit, store: KnowledgeStore
) -> None:
    places = no_ban_places(kit, store)
    assert len(places) == 343
    forms = [kit.form(p) for p in places]
    assert (forms.count("open_town_meeting"), forms.count("representative_town_meeting")) == (
        259,
        32,  # Brookline has its ban
    )
    assert forms.count("council") == 52  # 59 less the seven city bans


def test_every_route_letter_and_petition_fits_in_every_language(
    kit: LocalKit, store: KnowledgeStore
) -> None:
    lengths: dict[str, list[int]] = {}
    for lang in kit.catalog.languages:
        for town in no_ban_places(kit, store):
            for neighbours in (0, MANY):
                route = kit.route(town, lang, neighbours)
                assert validate(route) == [], (town.id, lang)
                assert visible_length(route) <= MAX_SCREEN_CHARS, (town.id, lang, route)
                if neighbours and lang == "en":  # the optional line fits every town
                    assert f"{MANY} residents of" in route, town.id
                if lang == "en":
                    lengths.setdefault(f"{kit.form(town)}/{neighbours}", []).append(
                        visible_length(route)
                    )
            sources = kit.sources(town, lang)
            assert validate(sources) == [] and visible_length(sources) <= MAX_SCREEN_CHARS
            assert kit.proof(town, lang), town.id
            intro, letter = kit.letter(town, lang)
            assert validate(intro) == [] and visible_length(intro) <= MAX_SCREEN_CHARS
            assert validate(letter) == [] and len(letter) <= MAX_MESSAGE_CHARS
            petition = kit.petition(town, lang)
            if kit.is_town_meeting(town):
                assert petition is not None
                assert validate(petition[0]) == [] and visible_length(petition[0]) <= 600
                assert validate(petition[1]) == [] and len(petition[1]) <= MAX_MESSAGE_CHARS
            else:
                assert petition is None
    # The numbers of the report: characters of the route over the 343, by form of government.
    for key, values in sorted(lengths.items()):
        print(key, len(values), min(values), statistics.median(values), max(values))


def test_the_neighbours_line_shows_from_five_and_fits_even_the_longest_name(kit: LocalKit) -> None:
    town = place(kit, "manchester-by-the-sea")
    assert "residents of" not in kit.route(town, "en", 4)
    route = kit.route(town, "en", MANY)
    assert "👥 9999 residents of Manchester-by-the-Sea get alerts from us." in route
    assert visible_length(route) <= MAX_SCREEN_CHARS


def test_open_town_meeting_gives_the_warrant_article_route(kit: LocalKit) -> None:
    route = visible_text(kit.route(place(kit, "andover"), "en"))
    assert route.startswith("🏛 Bring a ban to Andover · open town meeting")
    assert "10 registered voters can put a bylaw on the annual town meeting's warrant" in route
    assert "Special meeting: 100, or 10% if fewer." in route
    assert "the clerk or registrars certify them" in route
    assert "The select board sets the deadline" in route
    assert "The Attorney General reviews bylaws." in route
    assert "Every voter may vote at town meeting." in route
    assert "Ask the town clerk for it and the petition form" in route
    assert "to check our 2019-20 form-of-government data" in route
    assert "council" not in route.lower()


def test_representative_town_meeting_names_the_elected_members(kit: LocalKit) -> None:
    route = visible_text(kit.route(place(kit, "arlington"), "en"))
    assert "· representative town meeting" in route
    assert "10 registered voters can put a bylaw" in route
    assert "Only elected members vote; the clerk lists them." in route
    assert "Every voter may vote" not in route


def test_council_towns_get_the_ordinance_route(kit: LocalKit) -> None:
    route = visible_text(kit.route(place(kit, "lowell"), "en"))
    assert route.startswith("🏛 Bring a ban to Lowell · city council")
    assert "Ask a councillor to file an ordinance" in route
    assert "A council committee holds a hearing" in route
    assert "the mayor, if there is one, signs or vetoes" in route
    assert "Ask the city clerk" in route and "2019-20" in route
    assert "warrant" not in route and "Attorney General" not in route
    # The city known as the Town of Amherst: a council, and its clerk is the town clerk.
    amherst = visible_text(kit.route(place(kit, "amherst"), "en"))
    assert "· town council" in amherst and "Ask the town clerk how to file" in amherst


def test_the_three_forms_give_three_different_routes(kit: LocalKit) -> None:
    def steps(place_id: str) -> str:
        text = visible_text(kit.route(place(kit, place_id), "en"))
        return "\n".join(line for line in text.splitlines() if re.match(r"\d\. ", line))

    assert len({steps("andover"), steps("arlington"), steps("lowell")}) == 3


def test_a_charter_petition_right_is_said_with_its_caution(kit: LocalKit) -> None:
    route = visible_text(kit.route(place(kit, "melrose"), "en"))
    assert (
        "📜 Melrose's charter: 50 voters can petition for a public hearing and council action"
        " within 6 weeks. (⚠️ single source)" in route
    )
    methuen = visible_text(kit.route(place(kit, "methuen"), "en"))
    assert "150 voters can petition for a public hearing and a vote within 3 months" in methuen
    assert "📜" not in visible_text(kit.route(place(kit, "lowell"), "en"))


def test_an_unverified_charter_right_is_never_said(kit: LocalKit) -> None:
    petitions = dict(kit.knowledge.charter_petitions)
    petitions["lowell"] = dataclasses.replace(petitions["somerville"], place_id="lowell")
    unverified = dataclasses.replace(
        kit, knowledge=dataclasses.replace(kit.knowledge, charter_petitions=petitions)
    )
    assert "📜" not in unverified.route(place(kit, "lowell"), "en")
    assert "charter" not in unverified.sources(place(kit, "lowell"), "en")


def test_a_likely_fact_carries_a_caution_and_an_unverified_one_is_left_out(
    kit: LocalKit,
) -> None:
    andover = place(kit, "andover")
    likely = with_confidence(kit, facts.ATTORNEY_GENERAL, "likely").route(andover, "en")
    assert "The Attorney General reviews bylaws. (⚠️ single source)" in likely
    unverified = with_confidence(kit, facts.ATTORNEY_GENERAL, "unverified")
    route = unverified.route(andover, "en")
    assert "Attorney General" not in route
    assert "Attorney General" not in unverified.sources(andover, "en")
    special = with_confidence(kit, facts.SPECIAL_ARTICLE, "unverified").route(andover, "en")
    assert "Special meeting" not in special and "annual town meeting's warrant" in special


def test_without_the_warrant_fact_there_is_no_petition_and_the_steps_renumber(
    kit: LocalKit,
) -> None:
    unverified = with_confidence(kit, facts.ANNUAL_ARTICLE, "unverified")
    andover = place(kit, "andover")
    assert unverified.petition(andover, "en") is None
    route = visible_text(unverified.route(andover, "en"))
    assert "registered voters can put" not in route
    assert route.splitlines()[1].startswith("1. Special meeting")
    assert "3. " not in route


def test_the_proof_line_is_the_nearest_ban_of_the_same_form(kit: LocalKit) -> None:
    def proof(place_id: str) -> str:
        return visible_text(kit.proof(place(kit, place_id), "en"))

    assert proof("lowell") == "✅ Somerville's ban passed the council 11-0 (2019)."  # Middlesex
    assert proof("amherst") == "✅ Northampton's ban passed the council 9-0 (2019)."  # Hampshire
    assert proof("chicopee") == "✅ Springfield's moratorium passed the council 11-2 (2020)."
    assert proof("chelsea") == "✅ Boston's ban passed the council unanimously (2020)."
    assert proof("fitchburg") == "✅ Worcester's ban passed the council unanimously (2021)."
    assert proof("salem") == "✅ Somerville's ban passed the council 11-0 (2019)."  # the first
    assert proof("arlington") == "✅ Brookline's warrant article passed town meeting 179-8 (2019)."
    assert proof("andover") == proof("arlington")  # no open town meeting has done it yet


def test_the_sources_name_the_statute_the_case_and_the_directory(kit: LocalKit) -> None:
    text = kit.sources(place(kit, "andover"), "en")
    assert "malegislature.gov/Laws/GeneralLaws/PartI/TitleVII/Chapter39/Section10" in text
    assert "Brookline, 2019" in text and "brookline.wickedlocal.com" in text
    assert "Form of government, 2019-2020 directory" in text
    assert "mma.org/resource/form-of-government" in text
    melrose = kit.sources(place(kit, "melrose"), "en")
    assert "Melrose's charter" in melrose and "ecode360.com" in melrose


def test_the_letter_names_the_town_the_board_and_the_statewide_caveat(kit: LocalKit) -> None:
    intro, letter = kit.letter(place(kit, "andover"), "en")
    assert "The bot sends nothing" in intro
    assert letter.startswith("To the Select Board of Andover,")
    assert "warrant article for a general bylaw" in letter
    assert (
        "8 Massachusetts municipalities already ban or pause their own government's use of face"
        " surveillance: Somerville, Brookline, Northampton, Cambridge, Springfield, Boston,"
        " Easthampton and Worcester." in letter
    )
    assert "which town meeting passed 179-8 in December 2019" in letter
    assert "A local ban binds only Andover's own agencies" in letter
    assert "State Police, RMV or federal face searches" in letter
    assert "H.1946 / S.1053" in letter
    assert letter.endswith("[Your street address], Andover")


def test_the_council_letter_goes_to_the_council_with_sample_testimony(kit: LocalKit) -> None:
    intro, letter = kit.letter(place(kit, "lowell"), "en")
    assert letter.startswith("To the members of the Lowell City Council,")
    assert "file, or to support, an ordinance" in letter
    assert "Somerville's council passed its ban 11-0 in June 2019." in letter
    assert 'href="https://data.aclum.org/2020/06/11/' in intro
    _, amherst = kit.letter(place(kit, "amherst"), "en")
    assert amherst.startswith("To the members of the Amherst Town Council,")


def test_the_petition_has_the_article_and_the_lines_the_clerk_needs(kit: LocalKit) -> None:
    found = kit.petition(place(kit, "west-stockbridge"), "en")
    assert found is not None
    intro, petition = found
    assert "not a model bylaw: we have none on record" in intro
    assert "Only certified names count" in intro
    assert "registered voters of West Stockbridge" in petition
    assert "(M.G.L. c.39 §10)" in petition
    assert "prohibiting the Town of West Stockbridge" in petition
    assert petition.count("Printed name:") == petition.count("Street address:") == 15
    assert petition.count("Signature:") == 15


def test_no_model_bylaw_is_claimed(kit: LocalKit, store: KnowledgeStore) -> None:
    model = kit.knowledge.materials.get("aclum_model_bylaw")
    assert model is not None and model.confidence == "unverified" and model.url is None
    for town in no_ban_places(kit, store)[:40]:
        found = kit.petition(town, "en")
        texts = [*kit.letter(town, "en"), *(found or ())]
        for text in texts:
            lowered = text.lower()
            assert "model bylaw" not in lowered or "not a model bylaw" in lowered
            assert "aclu model" not in lowered


def test_place_names_are_escaped(kit: LocalKit) -> None:
    odd = dataclasses.replace(place(kit, "andover"), name="A & <B>")
    assert "A &amp; &lt;B&gt;" in kit.route(odd, "en")
    assert validate(kit.letter(odd, "en")[1]) == []
