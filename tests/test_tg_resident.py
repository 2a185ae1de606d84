"""The resident's conversation through the real python-telegram-bot Application, over HTTP to a
fake Bot API on 127.0.0.1."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from telegram.ext import Application

from bot.channels.tg.app import COMMANDS, build_application
from bot.services import Services, open_services
from tests.conftest import running_application
from tests.fakebotapi import FakeBotAPI
from tests.support import TOKEN, bot_settings, make_settings, run_cli

CHAT = 1001


@pytest.fixture
async def bot(fake_api: FakeBotAPI, tmp_path: Path) -> AsyncIterator[tuple[FakeBotAPI, Services]]:
    services = open_services(bot_settings(fake_api.base_url, tmp_path))
    app: Application = build_application(services)  # type: ignore[type-arg]
    async with running_application(app):
        yield fake_api, services
    services.close()


async def reply_to(api: FakeBotAPI, text: str, chat: int = CHAT) -> dict[str, Any]:
    before = len(api.sent(chat))
    api.push_text(chat, text)
    calls = await api.wait_for(
        "sendMessage", lambda p: p["chat_id"] == chat, count=before + 1, timeout=10
    )
    return calls[-1].params


def buttons(params: dict[str, Any]) -> list[dict[str, Any]]:
    markup = params.get("reply_markup") or {}
    return [button for row in markup.get("inline_keyboard", []) for button in row]


async def test_start_welcomes_and_registers_the_command_menu(bot: Any) -> None:
    api, _ = bot
    params = await reply_to(api, "/start")
    assert "type your <b>town</b>" in params["text"].lower() or "Type your" in params["text"]
    assert "/privacy" in params["text"]
    assert params["parse_mode"] == "HTML"
    menus = await api.wait_for("setMyCommands", count=3)
    assert [c["command"] for c in menus[0].params["commands"]] == list(COMMANDS)
    # The same menu for Telegrams set to Spanish and to Portuguese, in their language.
    by_language = {m.params.get("language_code"): m.params["commands"] for m in menus[1:]}
    assert set(by_language) == {"es", "pt"}
    assert [c["command"] for c in by_language["es"]] == list(COMMANDS)


async def test_a_typo_d_town_is_answered_with_its_ban_and_next_steps(bot: Any) -> None:
    api, _ = bot
    params = await reply_to(api, "sommerville")
    assert "<b>Somerville, MA</b> bans" in params["text"]
    data = [b.get("callback_data") for b in buttons(params)]
    assert "leg:somerville" in data and "src:somerville" in data
    share = [b["url"] for b in buttons(params) if "url" in b]
    assert share and "start%3Dtown-somerville" in share[0]


async def test_a_zip_code_is_answered(bot: Any) -> None:
    api, _ = bot
    assert "<b>Cambridge, MA</b> bans" in (await reply_to(api, "02139"))["text"]


async def test_a_town_inside_a_sentence_is_answered(bot: Any) -> None:
    api, _ = bot
    params = await reply_to(api, "I live in Jamaica Plain, is face surveillance banned?")
    assert "<b>Boston, MA</b> bans" in params["text"]


async def test_an_ambiguous_name_asks_and_a_button_press_edits_the_answer_in_place(
    bot: Any,
) -> None:
    api, _ = bot
    question = await reply_to(api, "Portland")
    assert question["text"] == "Did you mean one of these?"
    message_id = api.last_message(CHAT)["message_id"]  # type: ignore[index]
    query_id = api.push_callback(CHAT, "pick:portland-me", message_id)
    answered = await api.wait_for(
        "answerCallbackQuery", lambda p: p["callback_query_id"] == query_id
    )
    assert answered
    edit = await api.wait_for("editMessageText", lambda p: p["message_id"] == message_id)
    assert "<b>Portland, ME</b> bans" in edit[0].params["text"]


async def test_a_deep_link_answers_for_its_town(bot: Any) -> None:
    api, _ = bot
    assert (
        "<b>Northampton, MA</b> bans" in (await reply_to(api, "/start town-northampton"))["text"]
    )


async def test_a_common_question_is_answered_from_the_faq(bot: Any) -> None:
    api, _ = bot
    assert "NIST" in (await reply_to(api, "why ban it?"))["text"]


async def test_a_sticker_gets_i_read_text_only(bot: Any) -> None:
    api, _ = bot
    api.push_sticker(CHAT)
    calls = await api.wait_for("sendMessage", lambda p: p["chat_id"] == CHAT)
    assert "I read text only" in calls[0].params["text"]


async def test_a_4000_character_message_gets_a_polite_answer(bot: Any) -> None:
    api, _ = bot
    params = await reply_to(api, "blah " * 800)
    assert "couldn't find a Massachusetts town" in params["text"]


async def test_emoji_only_text_gets_a_polite_answer(bot: Any) -> None:
    api, _ = bot
    params = await reply_to(api, "🤔🙈🎉")
    assert "couldn't find a Massachusetts town" in params["text"]


@pytest.mark.parametrize(
    "data, expected",
    [("leg:../../etc/passwd", "couldn't follow that button"), ("zzz:1", "no longer valid")],
)
async def test_a_forged_callback_is_answered_and_ignored_politely(
    bot: Any, data: str, expected: str
) -> None:
    api, _ = bot
    await reply_to(api, "/help")
    message_id = api.last_message(CHAT)["message_id"]  # type: ignore[index]
    query_id = api.push_callback(CHAT, data, message_id)
    await api.wait_for("answerCallbackQuery", lambda p: p["callback_query_id"] == query_id)
    calls = await api.wait_for("sendMessage", lambda p: p["chat_id"] == CHAT, count=2)
    assert expected in calls[-1].params["text"]
    assert not api.calls_of("editMessageText")


async def test_a_flood_gets_one_slow_down_and_other_users_are_not_slowed(
    fake_api: FakeBotAPI, tmp_path: Path
) -> None:
    settings = bot_settings(fake_api.base_url, tmp_path, flood_messages=3, flood_seconds=60)
    services = open_services(settings)
    app: Application = build_application(services)  # type: ignore[type-arg]
    async with running_application(app):
        for _ in range(8):
            fake_api.push_text(CHAT, "boston")
        await reply_to(fake_api, "cambridge", chat=CHAT + 1)
        await fake_api.wait_for("sendMessage", lambda p: p["chat_id"] == CHAT, count=4)
        texts = [c.params["text"] for c in fake_api.sent(CHAT)]
    services.close()
    assert len(texts) == 4, texts
    assert sum("quickly" in text for text in texts) == 1


async def test_a_failing_handler_is_logged_without_the_text_and_the_user_is_told(
    bot: Any, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    api, services = bot

    def explode(user: Any, text: str) -> list[Any]:
        raise RuntimeError("boom")

    monkeypatch.setattr(services.conversation, "text", explode)
    with caplog.at_level("INFO"):
        params = await reply_to(api, "my secret street address")
    assert "something went wrong" in params["text"]
    assert "Handler failed" in caplog.text
    assert "secret street" not in caplog.text
    assert str(CHAT) not in caplog.text


def test_webhook_mode_runs_ptbs_run_webhook_when_webhook_url_is_set(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    seen: dict[str, Any] = {}

    def fake_run_webhook(self: Application, **kwargs: Any) -> None:  # type: ignore[type-arg]
        seen.update(kwargs)

    monkeypatch.setattr(Application, "run_webhook", fake_run_webhook)
    settings = make_settings(
        tmp_path,
        token=TOKEN,
        webhook_url="https://bot.example.org/telegram",
        webhook_port=8443,
        webhook_secret="s3cret",
    )
    assert run_cli(settings, "run") == 0
    assert seen["webhook_url"] == "https://bot.example.org/telegram"
    assert seen["port"] == 8443 and seen["secret_token"] == "s3cret"


async def test_a_photo_caption_is_read_as_a_message(bot: Any) -> None:
    api, _ = bot
    before = len(api.sent(CHAT))
    api.push_photo(CHAT, caption="this camera is on my street in Somerville")
    calls = await api.wait_for(
        "sendMessage", lambda p: p["chat_id"] == CHAT, count=before + 1, timeout=10
    )
    assert "<b>Somerville, MA</b> bans" in calls[-1].params["text"]


async def test_a_double_tap_on_a_button_does_its_work_once(bot: Any) -> None:
    api, _ = bot
    answer = await reply_to(api, "Lee")
    message_id = api.last_message(CHAT)["message_id"]  # type: ignore[index]
    before = len(api.sent(CHAT))
    first = api.push_callback(CHAT, "leg:lee", message_id)
    second = api.push_callback(CHAT, "leg:lee", message_id)
    for query in (first, second):
        await api.wait_for("answerCallbackQuery", lambda p, q=query: p["callback_query_id"] == q)
    await api.wait_for("sendMessage", lambda p: p["chat_id"] == CHAT, count=before + 1)
    api.push_text(CHAT, "hi")  # a marker: everything before it has been handled
    await api.wait_for("sendMessage", lambda p: p["chat_id"] == CHAT, count=before + 2)
    texts = [t for t in api.texts(CHAT)[before:] if "Your state legislators for Lee" in t]
    assert len(texts) == 1, texts
    assert answer["text"]
