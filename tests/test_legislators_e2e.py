"""From a town answer to a call script and "how did it go?", through the real Application and
the fake Bot API over HTTP."""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from telegram.ext import Application

from bot.channels.tg.app import build_application
from bot.services import open_services
from tests.conftest import running_application
from tests.fakebotapi import FakeBotAPI
from tests.support import bot_settings, callback_data

CHAT = 2002


@pytest.fixture
async def api(fake_api: FakeBotAPI, tmp_path: Path) -> AsyncIterator[FakeBotAPI]:
    settings = bot_settings(fake_api.base_url, tmp_path)
    services = open_services(settings)
    app: Application = build_application(services)  # type: ignore[type-arg]
    fake_api.db_path = settings.db_path  # type: ignore[attr-defined]
    async with running_application(app):
        yield fake_api
    services.close()


async def next_message(api: FakeBotAPI, count: int) -> dict[str, Any]:
    calls = await api.wait_for(
        "sendMessage", lambda p: p["chat_id"] == CHAT, count=count, timeout=10
    )
    return calls[-1].params


async def message_with(api: FakeBotAPI, needle: str, in_buttons: bool = False) -> dict[str, Any]:
    """The first message sent or edited into CHAT whose text (or buttons) contain ``needle``."""

    def found(params: dict[str, Any]) -> bool:
        where = str(params.get("reply_markup")) if in_buttons else params["text"]
        return params["chat_id"] == CHAT and needle in where

    for method in ("sendMessage", "editMessageText"):
        try:
            calls = await api.wait_for(method, found, timeout=5)
        except TimeoutError:
            continue
        return calls[0].params
    raise AssertionError(f"no message with {needle!r}: {api.texts(CHAT)}")


async def press(api: FakeBotAPI, data: str) -> str:
    message_id = api.last_message(CHAT)["message_id"]  # type: ignore[index]
    query_id = api.push_callback(CHAT, data, message_id)
    await api.wait_for("answerCallbackQuery", lambda p: p["callback_query_id"] == query_id)
    return query_id


async def test_a_resident_goes_from_answer_to_script_to_an_anonymous_outcome(
    api: FakeBotAPI,
) -> None:
    api.push_text(CHAT, "Lee")
    answer = await next_message(api, 1)
    await press(api, callback_data(answer)["📞 Contact my legislators"])
    members = await next_message(api, 2)
    assert "Senator Paul Mark" in members["text"] and "+1 617-722-1625" in members["text"]
    assert "as of" in members["text"]
    call_script = next(
        d for label, d in callback_data(members).items() if label.startswith("📞 Call")
    )
    await press(api, call_script)
    script = await message_with(api, "out:", in_buttons=True)
    assert "Lee" in script["text"]
    outcome = next(
        data
        for row in script["reply_markup"]["inline_keyboard"]
        for b in row
        if (data := b.get("callback_data", "")).startswith("out:t:")
    )
    await press(api, outcome)
    thanks = await message_with(api, "counts.")
    assert "<b>Next:</b> call Representative Leigh Davis (1 of 2 done)" in thanks["text"]
    after = [b for row in thanks["reply_markup"]["inline_keyboard"] for b in row]
    assert after[0]["text"] == "📞 Next: Representative Leigh Davis"
    await press(api, after[0]["callback_data"])
    await message_with(api, "📞 <b>Representative Leigh Davis</b>: +1 617-722-2400")
    db = sqlite3.connect(api.db_path)  # type: ignore[attr-defined]
    rows = db.execute("SELECT * FROM call_outcomes").fetchall()
    columns = [c[1] for c in db.execute("PRAGMA table_info(call_outcomes)")]
    assert len(rows) == 1 and rows[0][columns.index("count")] == 1
    assert all(str(CHAT) not in str(value) for value in rows[0])


async def test_a_split_town_asks_for_the_ward_and_offers_i_dont_know(api: FakeBotAPI) -> None:
    api.push_text(CHAT, "/legislators Boston")
    question = await next_message(api, 2)  # after the offer to share a location
    labels = callback_data(question)
    assert any("don't know" in label for label in labels)
    await press(api, next(d for label, d in labels.items() if "don't know" in label))
    everyone = await message_with(api, "Which wards each one covers")
    assert "Senate" in everyone["text"] and "ward" in everyone["text"]
