"""Organizers' /broadcast through the real python-telegram-bot Application, over HTTP to a fake
Bot API on 127.0.0.1: refusals, forged buttons, delivery with progress, blocked recipients,
resuming at start and holding for quiet hours."""

from __future__ import annotations

import asyncio
import logging
from collections import Counter
from collections.abc import AsyncIterator
from datetime import time
from pathlib import Path
from typing import Any

import pytest
from telegram.ext import Application

from bot.channels.tg import organizer
from bot.channels.tg.app import build_application
from bot.config import Settings
from bot.services import Services, open_services
from bot.storage import broadcasts, subscribers
from tests.conftest import running_application
from tests.fakebotapi import BOT_USERNAME, FakeBotAPI
from tests.support import TOKEN, make_settings

ORG = 9001
OTHER_ORG = 9002
RESIDENT = 3001
SOMERVILLE = [2001, 2002, 2003]
CAMBRIDGE = [2101, 2102]
NEVER_QUIET = (time(0, 0), time(0, 0))  # start == end: no quiet hours, whatever the test's time
ALWAYS_QUIET = (time(0, 0), time(23, 59, 59))
QUIET_MOMENT = 0.15  # seconds without a new message: the bot has finished answering
ALERT = "<b>Hearing Tuesday</b>: ask your senator to <i>press pause</i> &amp; ban it"
STOP_LINE = "\n\n<i>Reply STOP to end these alerts.</i>"


def settings_for(api: FakeBotAPI, folder: Path, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "token": TOKEN,
        "api_base_url": api.base_url,
        "organizer_ids": frozenset({ORG, OTHER_ORG}),
        "broadcast_rate": 1000,
        "per_chat_rate": 100,
        "flood_messages": 50,
        "quiet_hours": NEVER_QUIET,
    }
    values.update(overrides)
    return make_settings(folder, **values)


def subscribe_residents(services: Services) -> None:
    for chat_id in SOMERVILLE:
        subscribers.subscribe(services.state, chat_id, "somerville", "en")
    for chat_id in CAMBRIDGE:
        subscribers.subscribe(services.state, chat_id, "cambridge", "en")


@pytest.fixture
async def bot(fake_api: FakeBotAPI, tmp_path: Path) -> AsyncIterator[tuple[FakeBotAPI, Services]]:
    services = open_services(settings_for(fake_api, tmp_path))
    subscribe_residents(services)
    app: Application = build_application(services)  # type: ignore[type-arg]
    async with running_application(app):
        yield fake_api, services
        await organizer.stop_deliveries(app)
    services.close()


async def settle(api: FakeBotAPI, chat: int, before: int, answers: int = 1) -> None:
    """Wait for ``answers`` new messages (or edits) in ``chat``, then for a quiet moment.

    Counting the answers a step is known to give, rather than trusting the quiet moment alone,
    keeps a slow machine (a pause between a preview and its summary) from ending the wait early.
    """
    for _ in range(1000):
        if len(api.sent(chat)) >= before + answers:
            break
        await asyncio.sleep(0.01)
    seen = -1
    while seen != len(api.sent(chat)):
        seen = len(api.sent(chat))
        await asyncio.sleep(QUIET_MOMENT)


async def say(api: FakeBotAPI, chat: int, text: str, answers: int = 1) -> dict[str, Any]:
    """Send ``text`` from ``chat``; return the bot's last message once it has answered."""
    before = len(api.sent(chat))
    api.push_text(chat, text)
    await settle(api, chat, before, answers)
    return api.sent(chat)[-1].params


def offered(message: dict[str, Any]) -> list[str]:
    markup = message.get("reply_markup") or {}
    return [b["callback_data"] for row in markup.get("inline_keyboard", []) for b in row]


async def press(api: FakeBotAPI, chat: int, data: str) -> None:
    """Press a button (any data: forged ones too) on the bot's latest message; await the answer."""
    last = api.last_message(chat)
    assert last is not None
    before = len(api.sent(chat))
    query_id = api.push_callback(chat, data, last["message_id"])
    await api.wait_for("answerCallbackQuery", lambda p: p["callback_query_id"] == query_id)
    await settle(api, chat, before)


def deliveries(api: FakeBotAPI) -> Counter[int]:
    residents = set(SOMERVILLE) | set(CAMBRIDGE)
    return Counter(
        int(c.params["chat_id"]) for c in api.sent() if int(c.params["chat_id"]) in residents
    )


async def draft_for_somerville(api: FakeBotAPI, chat: int = ORG) -> int:
    """Walk /broadcast up to the preview; return the draft id the Send button carries."""
    assert "Send the text of the alert" in (await say(api, chat, "/broadcast"))["text"]
    audience = await say(api, chat, ALERT)
    assert "Who should receive it?" in audience["text"]
    await press(api, chat, "bc:a:town")
    assert "Type the town" in api.sent(chat)[-1].params["text"]
    summary = await say(api, chat, "Somerville", answers=2)  # the preview, then the summary
    preview = api.sent(chat)[-2].params
    assert preview["text"] == ALERT and preview["parse_mode"] == "HTML"
    assert "3 subscriber(s): town Somerville" in summary["text"]
    send = [d for d in offered(summary) if d.startswith("bc:ok:")]
    assert len(send) == 1
    return int(send[0].split(":")[2])


async def test_an_organizers_broadcast_reaches_each_subscriber_of_the_town_once(
    bot: Any,
) -> None:
    api, services = bot
    bid = await draft_for_somerville(api)
    assert deliveries(api) == Counter()

    await press(api, ORG, f"bc:ok:{bid}")
    report = await api.wait_for(
        "sendMessage", lambda p: p["chat_id"] == ORG and "done</b>" in p["text"], timeout=10
    )

    assert deliveries(api) == Counter(SOMERVILLE)
    assert all(api.texts(chat_id) == [ALERT + STOP_LINE] for chat_id in SOMERVILLE)
    assert (
        f"Alert #{bid} done" in report[0].params["text"] and "sent 3" in report[0].params["text"]
    )
    queued = [c for c in api.sent(ORG) if "queued for 3 subscriber(s)" in c.params["text"]]
    assert queued and queued[0].method == "editMessageText"
    posted = [c for c in api.sent(ORG) if c.params["text"].startswith(f"📤 Alert #{bid}:")]
    assert posted[0].method == "sendMessage" and "remaining 3 of 3" in posted[0].params["text"]
    edits = [c for c in posted if c.method == "editMessageText"]
    assert edits and "sent 3, blocked 0, failed 0, remaining 0 of 3" in edits[-1].params["text"]
    stored = broadcasts.get_broadcast(services.state, bid)
    assert stored is not None and (stored.state, stored.sent) == ("done", 3)

    await press(api, ORG, f"bc:ok:{bid}")  # the same button again: already sent
    assert "not waiting for your confirmation" in api.sent(ORG)[-1].params["text"]
    assert deliveries(api) == Counter(SOMERVILLE)


async def test_a_non_organizers_broadcast_and_buttons_are_refused_and_logged_without_ids(
    bot: Any, caplog: pytest.LogCaptureFixture
) -> None:
    api, services = bot
    bid = await draft_for_somerville(api)
    caplog.set_level(logging.INFO, logger="bot.core.organizer_flow")

    refused = await say(api, RESIDENT, "/broadcast")
    assert "only for the campaign's organizers" in refused["text"]
    await say(api, RESIDENT, "/help")
    await press(api, RESIDENT, f"bc:ok:{bid}")
    assert "only for the campaign's organizers" in api.sent(RESIDENT)[-1].params["text"]

    assert deliveries(api) == Counter()
    stored = broadcasts.get_broadcast(services.state, bid)
    assert stored is not None and stored.state == "draft"
    logged = [r.getMessage() for r in caplog.records if "Refused" in r.getMessage()]
    assert len(logged) == 2
    assert not any(str(RESIDENT) in line or "Hearing" in line for line in logged)


async def test_an_organizers_messages_in_a_group_never_become_the_alert(bot: Any) -> None:
    api, services = bot
    group = -9100
    assert "Send the text of the alert" in (await say(api, ORG, "/broadcast"))["text"]

    api.push_text(group, f"@{BOT_USERNAME} {ALERT}", user_id=ORG)
    api.push_text(group, "Somerville", user_id=ORG)
    api.push_text(group, "/broadcast", user_id=ORG)
    await settle(api, group, 0)

    in_group = api.sent(group)
    assert len(in_group) == 2  # the mention and the command; the plain text is not for us
    assert all("private chats only" in c.params["text"] for c in in_group)
    assert not any(c.params.get("reply_markup") for c in in_group)  # no audience picker
    assert broadcasts.get_broadcast(services.state, 1) is None
    audience = await say(api, ORG, ALERT)  # the private chat still waits for the text
    assert "Who should receive it?" in audience["text"]


@pytest.mark.parametrize("forged", ["bc:ok:999", "bc:ok:{bid}x", "bc:ok:-1", "bc:ok:{other}"])
async def test_a_forged_confirmation_is_refused_and_nothing_is_sent(bot: Any, forged: str) -> None:
    api, services = bot
    bid = await draft_for_somerville(api)
    other = broadcasts.create_broadcast(services.state, ALERT, ["all"], actor=OTHER_ORG)

    await press(api, ORG, forged.format(bid=bid, other=other))

    assert "not waiting for your confirmation" in api.sent(ORG)[-1].params["text"]
    assert deliveries(api) == Counter()
    for draft in (bid, other):
        stored = broadcasts.get_broadcast(services.state, draft)
        assert stored is not None and stored.state == "draft"
    assert services.state.execute("SELECT count(*) FROM outbox").fetchone()[0] == 0


async def test_a_cancelled_draft_cannot_be_confirmed(bot: Any) -> None:
    api, _ = bot
    bid = await draft_for_somerville(api)
    await press(api, ORG, f"bc:no:{bid}")
    assert "Cancelled" in api.sent(ORG)[-1].params["text"]
    await press(api, ORG, f"bc:ok:{bid}")
    assert "not waiting for your confirmation" in api.sent(ORG)[-1].params["text"]
    assert deliveries(api) == Counter()


async def test_invalid_html_is_listed_before_anything_else(bot: Any) -> None:
    api, services = bot
    await say(api, ORG, "/broadcast")
    problems = await say(api, ORG, "<b>Hearing <blink>Tuesday</b> & more")
    assert "Telegram would refuse this text" in problems["text"]
    assert "&lt;blink&gt;" in problems["text"] and "bare &#x27;&amp;&#x27;" in problems["text"]
    assert services.state.execute("SELECT count(*) FROM broadcasts").fetchone()[0] == 0


async def test_a_typed_segment_and_a_blocked_subscriber(bot: Any) -> None:
    api, services = bot
    api.block(CAMBRIDGE[0])
    await say(api, ORG, "/broadcast")
    await say(api, ORG, ALERT)
    summary = await say(api, ORG, "town=Cambridge\nlanguage=en", answers=2)
    assert "2 subscriber(s)" in summary["text"]
    bid = int(next(d for d in offered(summary) if d.startswith("bc:ok:")).split(":")[2])

    await press(api, ORG, f"bc:ok:{bid}")
    report = await api.wait_for(
        "sendMessage", lambda p: p["chat_id"] == ORG and "done</b>" in p["text"], timeout=10
    )

    assert "sent 1, blocked 1 (unsubscribed)" in report[0].params["text"]
    assert deliveries(api) == Counter([CAMBRIDGE[1]])
    assert subscribers.get(services.state, CAMBRIDGE[0]) is None
    assert subscribers.get(services.state, CAMBRIDGE[1]) is not None


async def test_an_unfinished_broadcast_resumes_when_the_bot_starts(
    fake_api: FakeBotAPI, tmp_path: Path
) -> None:
    services = open_services(settings_for(fake_api, tmp_path))
    subscribe_residents(services)
    bid = broadcasts.create_broadcast(services.state, ALERT, ["town=Cambridge"], actor=ORG)
    broadcasts.enqueue(services.state, bid, CAMBRIDGE)
    app: Application = build_application(services)  # type: ignore[type-arg]
    async with running_application(app):
        report = await fake_api.wait_for(
            "sendMessage", lambda p: p["chat_id"] == ORG and "done</b>" in p["text"], timeout=10
        )
    services.close()
    assert "sent 2" in report[0].params["text"]
    assert deliveries(fake_api) == Counter(CAMBRIDGE)


async def test_a_broadcast_in_quiet_hours_says_when_it_will_start_and_waits(
    fake_api: FakeBotAPI, tmp_path: Path
) -> None:
    services = open_services(settings_for(fake_api, tmp_path, quiet_hours=ALWAYS_QUIET))
    subscribe_residents(services)
    app: Application = build_application(services)  # type: ignore[type-arg]
    async with running_application(app):
        bid = await draft_for_somerville(fake_api)
        assert "It will start at" in fake_api.sent(ORG)[-1].params["text"]
        await press(fake_api, ORG, f"bc:ok:{bid}")
        held = await fake_api.wait_for(
            "sendMessage", lambda p: p["chat_id"] == ORG and p["text"].startswith("🕘")
        )
        assert f"Alert #{bid} will start at" in held[0].params["text"]
        await organizer.stop_deliveries(app)
    stored = broadcasts.get_broadcast(services.state, bid)
    services.close()
    assert deliveries(fake_api) == Counter()
    assert stored is not None and stored.state == "queued"  # resumed at the next start
