"""Residents' alerts through the real python-telegram-bot Application, over HTTP to a fake Bot
API on 127.0.0.1: the answer's button, /mydata, STOP, /forget, and a chat that blocked the bot."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import time
from pathlib import Path
from typing import Any

import pytest
from telegram.ext import Application

from bot.channels.tg.app import build_application
from bot.services import Services, open_services
from bot.storage import subscribers
from tests.conftest import running_application
from tests.fakebotapi import FakeBotAPI
from tests.support import bot_settings

CHAT = 3001
NEVER_QUIET = (time(0, 0), time(0, 0))  # start == end: no quiet hours, whatever the test's time


@pytest.fixture
async def bot(fake_api: FakeBotAPI, tmp_path: Path) -> AsyncIterator[tuple[FakeBotAPI, Services]]:
    settings = bot_settings(fake_api.base_url, tmp_path, quiet_hours=NEVER_QUIET)
    services = open_services(settings)
    app: Application = build_application(services)  # type: ignore[type-arg]
    async with running_application(app):
        yield fake_api, services
    services.close()


async def reply_to(api: FakeBotAPI, text: str, chat: int = CHAT) -> dict[str, Any]:
    before = len(api.calls_of("sendMessage"))
    api.push_text(chat, text)
    calls = await api.wait_for("sendMessage", count=before + 1, timeout=10)
    return calls[-1].params


async def press(api: FakeBotAPI, data: str, method: str = "sendMessage") -> dict[str, Any]:
    """Press the button with ``data`` on the bot's latest message; return the bot's answer."""
    message = api.last_message(CHAT)
    assert message is not None
    offered = [
        b.get("callback_data")
        for row in (message.get("reply_markup") or {}).get("inline_keyboard", [])
        for b in row
    ]
    assert data in offered, offered
    before = len(api.calls_of(method))
    query_id = api.push_callback(CHAT, data, message["message_id"])
    await api.wait_for("answerCallbackQuery", lambda p: p["callback_query_id"] == query_id)
    calls = await api.wait_for(method, count=before + 1, timeout=10)
    return calls[-1].params


async def test_a_resident_subscribes_from_the_answer_sees_it_in_mydata_and_stops(
    bot: Any,
) -> None:
    api, services = bot
    answer = await reply_to(api, "sommerville")
    assert "<b>Somerville, MA</b> bans" in answer["text"]

    confirmed = await press(api, "alr:sub:somerville")

    assert "alerts for <b>Somerville, MA</b>" in confirmed["text"]
    assert "STOP" in confirmed["text"]
    stored = subscribers.get(services.state, CHAT)
    assert stored is not None and (stored.place_id, stored.language) == ("somerville", "en")

    mydata = await reply_to(api, "/mydata")
    assert f"Chat id: {CHAT}" in mydata["text"] and "Town: Somerville" in mydata["text"]

    stopped = await reply_to(api, "STOP")
    assert "no more alerts" in stopped["text"]
    assert subscribers.get(services.state, CHAT) is None
    assert "weren't subscribed" in (await reply_to(api, "stop"))["text"]


async def test_subscribe_command_then_forget_with_its_button_erases_everything(bot: Any) -> None:
    api, services = bot
    assert "<b>Cambridge, MA</b>" in (await reply_to(api, "/subscribe Cambridge"))["text"]
    assert subscribers.get(services.state, CHAT) is not None

    question = await reply_to(api, "/forget")
    assert "cannot be undone" in question["text"]
    assert subscribers.get(services.state, CHAT) is not None

    erased = await press(api, "alr:forget:yes", method="editMessageText")

    assert "Erased" in erased["text"]
    assert subscribers.mydata(services.state, CHAT) == {}
    assert "We hold nothing about you" in (await reply_to(api, "/mydata"))["text"]


async def test_unsubscribe_command_stops_alerts(bot: Any) -> None:
    api, services = bot
    await reply_to(api, "/subscribe 02143")
    assert subscribers.get(services.state, CHAT) is not None
    assert "no more alerts" in (await reply_to(api, "/unsubscribe"))["text"]
    assert subscribers.get(services.state, CHAT) is None


async def test_a_subscriber_who_blocked_the_bot_is_unsubscribed_when_a_reply_fails(
    bot: Any,
) -> None:
    api, services = bot
    await reply_to(api, "/subscribe Somerville")
    other = CHAT + 1
    api.push_text(other, "/subscribe Somerville")
    await api.wait_for("sendMessage", lambda p: p["chat_id"] == other)
    api.block(CHAT)
    before = len(api.calls_of("sendMessage"))

    api.push_text(CHAT, "boston")
    await api.wait_for("sendMessage", count=before + 1)
    for _ in range(100):
        if subscribers.get(services.state, CHAT) is None:
            break
        await asyncio.sleep(0.02)

    assert subscribers.get(services.state, CHAT) is None
    assert subscribers.get(services.state, other) is not None
    await asyncio.sleep(0.2)  # the general error handler would try "something went wrong" now
    assert len(api.calls_of("sendMessage")) == before + 1
