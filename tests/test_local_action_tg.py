"""The local kit through the real python-telegram-bot Application, over HTTP to a fake Bot API
on 127.0.0.1: a no-ban answer -> "Bring a ban" -> letter -> "I'd help organize" -> /mydata ->
/forget, the local questions, and the organizers' /reports."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import time
from pathlib import Path
from typing import Any

import pytest
from telegram.ext import Application

from bot.channels.tg.app import build_application
from bot.services import Services, open_services
from bot.storage import reports, subscribers
from tests.conftest import running_application
from tests.fakebotapi import FakeBotAPI
from tests.support import bot_settings

CHAT = 3101
ORGANIZER = 9001
NEVER_QUIET = (time(0, 0), time(0, 0))


@pytest.fixture
async def bot(fake_api: FakeBotAPI, tmp_path: Path) -> AsyncIterator[tuple[FakeBotAPI, Services]]:
    settings = bot_settings(
        fake_api.base_url,
        tmp_path,
        quiet_hours=NEVER_QUIET,
        organizer_ids=frozenset({ORGANIZER}),
    )
    services = open_services(settings)
    app: Application = build_application(services)  # type: ignore[type-arg]
    async with running_application(app):
        yield fake_api, services
    services.close()


async def reply_to(
    api: FakeBotAPI, text: str, chat: int = CHAT, count: int = 1
) -> list[dict[str, Any]]:
    before = len(api.calls_of("sendMessage"))
    api.push_text(chat, text)
    calls = await api.wait_for("sendMessage", count=before + count, timeout=10)
    return [call.params for call in calls[before:]]


async def press(
    api: FakeBotAPI,
    data: str,
    method: str = "sendMessage",
    count: int = 1,
    chat: int = CHAT,
    forge: bool = False,
) -> list[dict[str, Any]]:
    """Press ``data`` on the bot's latest message in the chat (``forge``: even if not offered)."""
    message = api.last_message(chat)
    assert message is not None
    offered = [
        b.get("callback_data")
        for row in (message.get("reply_markup") or {}).get("inline_keyboard", [])
        for b in row
    ]
    assert forge or data in offered, offered
    before = len(api.calls_of(method))
    query_id = api.push_callback(chat, data, message["message_id"])
    await api.wait_for("answerCallbackQuery", lambda p: p["callback_query_id"] == query_id)
    calls = await api.wait_for(method, count=before + count, timeout=10)
    return [call.params for call in calls[before:]]


def buttons(params: dict[str, Any]) -> list[str]:
    markup = params.get("reply_markup") or {}
    return [b["callback_data"] for row in markup.get("inline_keyboard", []) for b in row]


async def test_from_a_no_ban_answer_to_a_letter_a_volunteer_and_forget(bot: Any) -> None:
    api, services = bot
    (answer,) = await reply_to(api, "Andover")
    assert "<b>Andover, MA</b>: no ban" in answer["text"]
    # The answer's layout is another engineer's: press the kit's button as the answer will carry
    # it (LocalActionFlow.buttons gives exactly this data).
    rows = services.local_action.buttons(services.resolver.places["andover"], "en")
    assert rows[0][0].data == "loc:r:andover"

    (route,) = await press(api, "loc:r:andover", forge=True)
    assert route["text"].startswith("🏛 <b>Bring a ban to Andover</b> · open town meeting")
    assert route["parse_mode"] == "HTML"
    assert buttons(route) == ["loc:l:andover", "loc:p:andover", "loc:v:andover", "loc:s:andover"]

    intro, letter = await press(api, "loc:l:andover", count=2)
    assert "The bot sends nothing" in intro["text"]
    assert letter["text"].startswith("To the Select Board of Andover,")
    assert "A local ban binds only Andover's own agencies" in letter["text"]

    (volunteer,) = await press(api, "loc:v:andover")
    assert "you'd help organize in <b>Andover</b>" in volunteer["text"]
    stored = subscribers.get(services.state, CHAT)
    assert stored is not None and (stored.place_id, stored.volunteer) == ("andover", True)

    (mydata,) = await reply_to(api, "/mydata")
    assert f"Chat id: {CHAT}" in mydata["text"]
    assert "Would help organize in Andover: yes" in mydata["text"]

    (question,) = await reply_to(api, "/forget")
    assert "cannot be undone" in question["text"]
    (erased,) = await press(api, "alr:forget:yes", method="editMessageText")
    assert "Erased" in erased["text"]
    assert subscribers.get(services.state, CHAT) is None
    assert subscribers.mydata(services.state, CHAT) == {}
    (nothing,) = await reply_to(api, "/mydata")
    assert "We hold nothing about you" in nothing["text"]


async def test_a_local_question_is_answered_with_the_route(bot: Any) -> None:
    api, _ = bot
    (asked,) = await reply_to(api, "how do we get a ban in our town?")
    assert "I couldn't find a Massachusetts town" not in asked["text"]
    assert "Which Massachusetts city or town" in asked["text"]
    (route,) = await reply_to(api, "lowell")
    assert route["text"].startswith("🏛 <b>Bring a ban to Lowell</b> · city council")
    (councillor,) = await reply_to(api, "who is my city councilor in Lowell?")
    assert councillor["text"] == route["text"]


async def test_a_report_reaches_organizers_only(bot: Any) -> None:
    api, services = bot
    await reply_to(api, "Andover")
    (ask,) = await press(api, "loc:b:andover", forge=True)
    assert buttons(ask) == ["loc:bn:andover", "loc:bx"]
    (thanks,) = await reply_to(api, "https://example.org/andover-votes-a-ban")
    assert "with the campaign's organizers" in thanks["text"]
    (report,) = reports.listing(services.state)
    assert report.link == "https://example.org/andover-votes-a-ban"

    (refused,) = await reply_to(api, "/reports")
    assert refused["text"] == "Sorry, reports are for the campaign's organizers."

    (queue,) = await reply_to(api, "/reports", chat=ORGANIZER)
    assert "#1 <b>Andover</b>" in queue["text"] and "andover-votes-a-ban" in queue["text"]
    assert buttons(queue) == ["rep:a:1", "rep:d:1"]
    (accepted,) = await press(api, "rep:a:1", chat=ORGANIZER)
    assert "<pre>- id: andover-ban-" in accepted["text"]
    assert reports.get(services.state, 1).status == "accepted"  # type: ignore[union-attr]
