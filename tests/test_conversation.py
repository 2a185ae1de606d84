"""The resident's conversation core, called directly (no Telegram)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.core import callbacks
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


def test_a_typo_d_town_gets_its_ban_with_date_scope_caveat_statewide_source_and_as_of(
    conversation: Conversation,
) -> None:
    text = only_text(conversation.text(USER, "is it banned in sommerville?"))
    assert "<b>Somerville, MA</b> bans government use of face surveillance" in text
    assert "June 27, 2019" in text
    assert "Scope:" in text
    assert "does not stop the State Police, the RMV or federal agencies" in text
    assert "M.G.L. c.6 §220" in text and "H.1946 / S.1053" in text
    assert '<a href="http' in text
    assert "Our records as of November 26, 2026" in text


def test_a_town_with_no_measure_says_no_ban_found_in_our_records_with_a_date(
    conversation: Conversation,
) -> None:
    text = only_text(conversation.text(USER, "Pittsfield"))
    assert "no ban on government face surveillance found in our records (as of" in text
    assert "ban nothing" not in text
    assert "bans government" not in text


def test_an_unverified_measure_is_never_stated_as_fact(conversation: Conversation) -> None:
    text = only_text(conversation.text(USER, "Arlington"))
    assert "no ban on government face surveillance found in our records" in text
    assert "unconfirmed reports" in text
    assert "Warrant Article 13" not in text


def test_a_likely_oversight_rule_is_mentioned_as_reported_not_as_a_ban(
    conversation: Conversation,
) -> None:
    text = only_text(conversation.text(USER, "Lawrence"))
    assert "no ban on government face surveillance found in our records" in text
    assert "surveillance-oversight rule (reported" in text


def test_every_answer_offers_legislators_alerts_share_and_sources(
    conversation: Conversation,
) -> None:
    reply = conversation.text(USER, "02143")[0]
    buttons = [b for row in reply.buttons for b in row]
    assert [b.data for b in buttons if b.data] == [
        "leg:somerville",
        "alr:sub:somerville",
        "src:somerville",
    ]
    share = next(b for b in buttons if b.url)
    assert "t.me%2FPauseBot%3Fstart%3Dtown-somerville" in share.url


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
        ("what are the bills", "H.1946"),
        ("what can I do?", "Call or email your state legislators"),
        ("which towns ban it", "<b>Somerville</b>: June 27, 2019"),
    ],
)
def test_common_questions_are_answered_from_the_faq_with_sources(
    conversation: Conversation, question: str, expected: str
) -> None:
    text = only_text(conversation.text(USER, question))
    assert expected in text
    assert "Source:" in text and "as of" in text


def test_a_place_inside_a_question_wins_over_the_faq(conversation: Conversation) -> None:
    assert "<b>Worcester, MA</b> bans" in only_text(
        conversation.text(USER, "is it banned in Worcester?")
    )


def test_chatter_gets_a_helpful_reply_with_examples(conversation: Conversation) -> None:
    text = only_text(conversation.text(USER, "hello there"))
    assert "ZIP code" in text and "<i>Cambridge</i>" in text


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
    assert "has expired" in text
    assert "binds only" not in text


def test_a_state_is_named_without_a_state_code(conversation: Conversation) -> None:
    assert only_text(conversation.text(USER, "Vermont")).startswith("<b>Vermont</b> has a")
