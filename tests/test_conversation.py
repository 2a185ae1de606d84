"""The resident's conversation core, called directly (no Telegram)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import date

import pytest

from bot.broadcast import telegram_html
from bot.core import callbacks
from bot.core.answers import SCREEN_CHARS, Answers, visible_length
from bot.core.context import UserContext
from bot.core.conversation import Conversation
from bot.services import Services, open_services
from tests.support import make_settings

USER = UserContext(chat_id=42, user_id=42, first_name="Ana")


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    svc = open_services(make_settings(tmp_path_factory.mktemp("conv")), bot_username="PauseBot")
    yield svc
    svc.close()


@pytest.fixture
def conversation(services: Services) -> Conversation:
    return services.conversation


def only_text(replies: list) -> str:
    assert len(replies) == 1
    return replies[0].text


def test_a_typo_d_town_gets_its_ban_with_date_caveat_state_line_and_as_of_on_one_screen(
    conversation: Conversation,
) -> None:
    text = only_text(conversation.text(USER, "is it banned in sommerville?"))
    assert text.startswith("<b>Somerville, MA</b> bans its own city agencies, police included")
    assert "(ordinance of June 27, 2019)" in text
    assert "not the State Police, the RMV, the FBI or private businesses" in text
    assert (
        "State law only regulates police face searches; a bill to go further is pending in "
        "committee (as of July 9, 2025)." in text
    )
    assert text.endswith("<i>Our records as of June 2023.</i>")
    assert "2026" not in text  # never the import or build date
    assert visible_length(text) <= SCREEN_CHARS


def test_a_town_with_no_measure_says_no_ban_found_in_our_records_with_a_date(
    conversation: Conversation,
) -> None:
    text = only_text(conversation.text(USER, "Pittsfield"))
    assert "no ban on government face surveillance found in our records (as of June 2023)" in text
    assert "bans " not in text and "has no ban" not in text


def test_an_unverified_measure_is_never_stated_as_fact(conversation: Conversation) -> None:
    text = only_text(conversation.text(USER, "Arlington"))
    assert "no ban on government face surveillance found in our records" in text
    assert "unconfirmed reports" in text
    assert "Warrant Article" not in text and "Select Board" not in text


def test_a_likely_oversight_rule_carries_a_caution_and_is_not_a_ban(
    conversation: Conversation,
) -> None:
    text = only_text(conversation.text(USER, "Lawrence"))
    assert "has no face surveillance ban in our records" in text
    assert "⚠️ Not fully confirmed" in text


@pytest.mark.parametrize("place_id", ["pittsburgh-pa", "wa", "co", "md", "mt", "springfield"])
def test_a_confirmed_measure_is_not_hedged(conversation: Conversation, place_id: str) -> None:
    text = only_text(conversation.callback(USER, f"pick:{place_id}"))
    assert "⚠️" not in text and "reported" not in text and "not confirmed" not in text


def test_every_answer_offers_legislators_alerts_map_details_state_law_sources_and_share(
    conversation: Conversation,
) -> None:
    reply = conversation.text(USER, "02143")[0]
    buttons = [b for row in reply.buttons for b in row]
    assert [b.data for b in buttons if b.data] == [
        "leg:somerville",
        "alr:sub:somerville",
        "map:somerville",
        "det:somerville",
        "law:somerville",
        "src:somerville",
    ]
    share = next(b for b in buttons if b.url)
    assert "t.me%2FPauseBot%3Fstart%3Dtown-somerville" in share.url


def test_every_place_answer_fits_one_screen_with_dates_in_the_one_format(
    services: Services,
) -> None:
    answers = services.conversation.answers
    for place in services.resolver.places.values():
        text = answers.place(place).text
        assert visible_length(text) <= SCREEN_CHARS, (place.id, visible_length(text))
        assert not re.search(r"\b\d{4}-\d{2}", text), place.id
        assert telegram_html.validate(text) == [], place.id


def test_details_say_who_a_measure_binds_what_it_forbids_exceptions_and_state(
    conversation: Conversation,
) -> None:
    [portland] = conversation.callback(USER, "det:portland-or")
    assert "<b>Who it binds:</b> Every City of Portland bureau" in portland.text
    assert "Ordinance 190114" in portland.text and "January 1, 2021" in portland.text
    assert "<b>Exceptions:</b> For businesses" in portland.text
    [orleans] = conversation.callback(USER, "det:new-orleans-la")
    assert "<b>Status:</b> partly repealed on July 21, 2022 by an ordinance" in orleans.text
    [springfield] = conversation.callback(USER, "det:springfield")
    assert "in force until the City Council approves police rules" in springfield.text
    assert "we found no such approval" in springfield.text


def test_the_state_law_button_shows_the_law_and_the_bills(conversation: Conversation) -> None:
    [law] = conversation.callback(USER, "law:cambridge")
    assert "M.G.L. c.6 §220" in law.text and "in force since July 1, 2021" in law.text
    assert "pending in the Joint Committee on the Judiciary (as of July 9, 2025)" in law.text
    assert 'href="https://malegislature.gov/Bills/194/H1946"' in law.text


def test_sources_are_labelled_primary_first_and_each_address_once(
    conversation: Conversation,
) -> None:
    [reply] = conversation.callback(USER, "src:boston")
    urls = re.findall(r'href="([^"]+)"', reply.text)
    assert len(urls) == len(set(urls))
    first = reply.text.split("\n")[3]
    assert first.startswith("• <a href=") and ">City of Boston</a>, City Code §16-62" in first
    assert "ACLU of Massachusetts</a>, Press release" in reply.text
    assert "iceloungemedia" not in reply.text and "citizenportal" not in reply.text


def test_an_ambiguous_name_asks_with_a_button_per_candidate_and_none_of_these(
    conversation: Conversation,
) -> None:
    reply = conversation.text(USER, "Portland")[0]
    data = [b.data for row in reply.buttons for b in row]
    assert reply.text == "Did you mean one of these?"
    assert set(data) == {"pick:portland-me", "pick:portland-or", "pick:-"}


def test_pressing_a_candidate_edits_the_question_into_the_answer(
    conversation: Conversation,
) -> None:
    reply = only_text_reply = conversation.callback(USER, "pick:portland-me")[0]
    assert reply.edit is True
    assert "<b>Portland, ME</b> bans" in only_text_reply.text
    assert "RMV" not in reply.text  # the Massachusetts caveat is not for Maine


def test_a_deep_link_answers_for_its_town_at_once(conversation: Conversation) -> None:
    text = only_text(conversation.start(USER, "town-cambridge"))
    assert "<b>Cambridge, MA</b> bans" in text


def test_an_unknown_deep_link_falls_back_to_the_welcome(conversation: Conversation) -> None:
    assert "Type your <b>town</b>" in only_text(conversation.start(USER, "town-atlantis"))


@pytest.mark.parametrize(
    "question, expected",
    [
        ("what is face surveillance?", "<b>Face surveillance</b> is"),
        ("why ban it", "NIST"),
        ("what does the state law do?", "<b>no statewide ban</b>"),
        ("what are the bills", "pending in the Joint Committee on the Judiciary (as of July"),
        ("what can I do?", "Call or email your state legislators"),
        ("which towns ban it", "<b>Somerville</b>: ban, June 27, 2019"),
        ("which towns ban it", "<b>Springfield</b>: moratorium, February 24, 2020"),
    ],
)
def test_common_questions_are_answered_from_the_faq_with_labelled_sources(
    conversation: Conversation, question: str, expected: str
) -> None:
    text = only_text(conversation.text(USER, question))
    assert expected in text
    assert "Sources: <a href=" in text and "Checked against these sources on" in text


def test_a_place_inside_a_question_wins_over_the_faq(conversation: Conversation) -> None:
    assert "<b>Worcester, MA</b> bans" in only_text(
        conversation.text(USER, "is it banned in Worcester?")
    )


def test_chatter_gets_a_helpful_reply_with_examples(conversation: Conversation) -> None:
    text = only_text(conversation.text(USER, "what a lovely day it is"))
    assert "ZIP code" in text and "<i>Cambridge</i>" in text


@pytest.mark.parametrize(
    ("greeting", "lang"),
    [("hi", "en"), ("Hello there!", "en"), ("hola", "es"), ("Oi, boa tarde", "pt")],
)
def test_a_greeting_gets_the_welcome_in_its_language(
    conversation: Conversation, greeting: str, lang: str
) -> None:
    speaker = replace(USER, language=lang)
    assert only_text(conversation.text(USER, greeting)).startswith(
        only_text(conversation.start(speaker))
    )


@pytest.mark.parametrize(
    ("words", "lang"),
    [("help", "en"), ("menu", "en"), ("start over", "en"), ("ayuda", "es"), ("ajuda", "pt")],
)
def test_help_without_a_slash_gets_help_in_its_language(
    conversation: Conversation, words: str, lang: str
) -> None:
    speaker = replace(USER, language=lang)
    assert only_text(conversation.text(USER, words)).startswith(
        only_text(conversation.help(speaker))
    )


def test_thanks_get_a_short_reply(conversation: Conversation) -> None:
    assert "You're welcome" in only_text(conversation.text(USER, "thanks!"))


@pytest.mark.parametrize(
    "payload, name",
    [
        ("town-Somerville", "Somerville"),
        ("town-jamaica-plain", "Boston"),
        ("TOWN-BROOKLINE", "Brookline"),
    ],
)
def test_deep_links_ignore_case_and_take_any_name_of_the_place(
    conversation: Conversation, payload: str, name: str
) -> None:
    assert f"<b>{name}, MA</b>" in only_text(conversation.start(USER, payload))


def test_a_village_mostly_in_one_town_offers_the_others(conversation: Conversation) -> None:
    [reply] = conversation.text(USER, "02128")
    labels = [button.label for row in reply.buttons for button in row]
    assert "<b>Boston, MA</b>" in reply.text
    assert "Not in Boston, MA? Winthrop" in labels


def test_an_unknown_zip_says_so(conversation: Conversation) -> None:
    assert "90210" in only_text(conversation.text(USER, "90210"))


@pytest.mark.parametrize(
    "data", ["pick:atlantis", "leg:", "zzz:1", "", "src:", "pick:a:b", "x" * 64]
)
def test_forged_or_stale_buttons_get_a_polite_reply(conversation: Conversation, data: str) -> None:
    text = only_text(conversation.callback(USER, data))
    assert text


def test_every_callback_the_core_emits_fits_telegrams_64_bytes(conversation: Conversation) -> None:
    for query in ["Manchester-by-the-Sea", "Portland", "chestnut hill", "01002"]:
        for reply in conversation.text(USER, query):
            for row in reply.buttons:
                for button in row:
                    assert (
                        button.data is None
                        or len(button.data.encode()) <= callbacks.MAX_CALLBACK_BYTES
                    )


def test_an_expired_measure_is_told_as_expired_without_the_in_force_caveat(
    conversation: Conversation,
) -> None:
    text = only_text(conversation.text(USER, "Baltimore"))
    assert "expired in December 2022" in text
    assert "ℹ️" not in text


def test_a_state_is_named_without_a_state_code(conversation: Conversation) -> None:
    assert only_text(conversation.text(USER, "Vermont")).startswith("<b>Vermont</b> law")


def at(services: Services, day: date) -> Conversation:
    """The conversation as it answers on ``day``."""
    answers = Answers(services.knowledge, services.catalog, today=lambda: day)
    faq = services.conversation.faq
    return Conversation(services.resolver, answers, faq, services.catalog)


@pytest.mark.parametrize("day", [date(2026, 12, 1), date(2027, 1, 5)])
def test_before_the_session_ends_the_bills_are_pending(services: Services, day: date) -> None:
    conversation = at(services, day)
    assert "is pending in committee" in only_text(conversation.text(USER, "Pittsfield"))
    assert "pending in the Joint" in only_text(conversation.text(USER, "what are the bills"))


@pytest.mark.parametrize("day", [date(2027, 1, 6), date(2027, 3, 1)])
def test_after_the_session_ends_the_bills_are_no_longer_called_pending(
    services: Services, day: date
) -> None:
    conversation = at(services, day)
    text = only_text(conversation.text(USER, "Pittsfield"))
    assert "pending" not in text
    assert (
        "The 194th General Court has ended; the campaign will share the new bill numbers" in text
    )
    assert visible_length(text) <= SCREEN_CHARS
    bills = only_text(conversation.text(USER, "what are the bills"))
    assert "pending" not in bills and "ended on January 6, 2027" in bills
    [law] = conversation.callback(USER, "law:pittsfield")
    assert "pending" not in law.text and "ended on January 6, 2027" in law.text
