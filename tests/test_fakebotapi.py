"""The fake Bot API speaks enough Telegram for the real python-telegram-bot to run against it."""

from __future__ import annotations

import asyncio
import datetime as dtm
import threading
import time
from collections.abc import AsyncIterator

import httpx
import pytest
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TimedOut
from telegram.ext import (
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)
from telegram.request import HTTPXRequest

from tests.conftest import TOKEN, app_builder, running_application
from tests.fakebotapi import FakeBotAPI

Context = ContextTypes.DEFAULT_TYPE


@pytest.fixture
async def bot(fake_api: FakeBotAPI) -> AsyncIterator[Bot]:
    """A plain PTB Bot talking to the fake server."""
    async with Bot(TOKEN, base_url=fake_api.base_url) as bot:
        yield bot


async def echo(update: Update, context: Context) -> None:
    """Reply with the same text."""
    message = update.effective_message
    if message is None or message.text is None:
        return
    await message.reply_text(message.text)


# -- the real Application ------------------------------------------------------------------


async def test_an_echo_application_answers_pushed_texts(fake_api: FakeBotAPI) -> None:
    app = app_builder(fake_api).build()
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, echo))
    async with running_application(app):
        fake_api.push_text(101, "hello")
        fake_api.push_text(202, "ciao", first_name="Bea")
        await fake_api.wait_for("sendMessage", count=2)
    assert fake_api.texts(101) == ["hello"]
    assert fake_api.texts(202) == ["ciao"]
    assert fake_api.pending_updates() == 0


async def test_a_command_handler_receives_deep_link_args(fake_api: FakeBotAPI) -> None:
    seen: list[list[str]] = []

    async def start(update: Update, context: Context) -> None:
        seen.append(list(context.args or []))
        assert update.effective_message is not None
        await update.effective_message.reply_text("welcome")

    app = app_builder(fake_api).build()
    app.add_handler(CommandHandler("start", start))
    async with running_application(app):
        fake_api.push_text(7, "/start town-cambridge")
        fake_api.push_text(7, f"/start@{(await app.bot.get_me()).username}")
        await fake_api.wait_for("sendMessage", count=2)
    assert seen == [["town-cambridge"], []]


async def test_a_callback_query_round_trip(fake_api: FakeBotAPI) -> None:
    async def menu(update: Update, context: Context) -> None:
        assert update.effective_message is not None
        keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("Sources", callback_data="src:x")]])
        await update.effective_message.reply_text("Pick one", reply_markup=keyboard)

    async def pressed(update: Update, context: Context) -> None:
        query = update.callback_query
        assert query is not None
        await query.answer()
        await query.edit_message_text(f"You picked {query.data}")

    app = app_builder(fake_api).build()
    app.add_handler(CommandHandler("menu", menu))
    app.add_handler(CallbackQueryHandler(pressed, pattern=r"^src:"))
    async with running_application(app):
        fake_api.push_text(9, "/menu")
        (sent,) = await fake_api.wait_for("sendMessage")
        assert sent.params["reply_markup"]["inline_keyboard"][0][0]["callback_data"] == "src:x"
        menu_message = fake_api.last_message(9)
        assert menu_message is not None and menu_message["text"] == "Pick one"
        message_id = menu_message["message_id"]
        query_id = fake_api.push_callback(9, "src:x", message_id)
        (answer,) = await fake_api.wait_for("answerCallbackQuery")
        (edit,) = await fake_api.wait_for("editMessageText")
    assert answer.params["callback_query_id"] == query_id
    assert edit.params["message_id"] == message_id
    assert edit.params["text"] == "You picked src:x"


async def test_the_application_stops_quickly_while_long_polling(fake_api: FakeBotAPI) -> None:
    app = app_builder(fake_api).build()
    async with running_application(app):
        await fake_api.wait_for("getUpdates")
        started = time.monotonic()
    assert time.monotonic() - started < 1.5


# -- long polling --------------------------------------------------------------------------


async def test_get_updates_returns_as_soon_as_an_update_is_pushed(
    fake_api: FakeBotAPI, bot: Bot
) -> None:
    asyncio.get_running_loop().call_later(0.1, fake_api.push_text, 1, "late")
    started = time.monotonic()
    updates = await bot.get_updates(timeout=dtm.timedelta(seconds=5))
    assert time.monotonic() - started < 1.0
    assert [u.message.text for u in updates if u.message] == ["late"]


async def test_get_updates_honours_offset_limit_and_timeout(
    fake_api: FakeBotAPI, bot: Bot
) -> None:
    ids = [fake_api.push_text(1, f"m{n}") for n in range(5)]
    assert [u.update_id for u in await bot.get_updates(limit=2)] == ids[:2]
    assert [u.update_id for u in await bot.get_updates(offset=ids[3])] == ids[3:]
    assert await bot.get_updates(offset=ids[4] + 1) == ()
    started = time.monotonic()
    assert await bot.get_updates(offset=ids[4] + 1, timeout=dtm.timedelta(seconds=0.3)) == ()
    assert 0.25 < time.monotonic() - started < 1.5


async def test_get_updates_filters_by_allowed_updates(fake_api: FakeBotAPI, bot: Bot) -> None:
    fake_api.push_text(1, "text")
    query_id = fake_api.push_callback(1, "alr:on", 1)
    updates = await bot.get_updates(allowed_updates=["callback_query"])
    assert [u.callback_query.id for u in updates if u.callback_query] == [query_id]
    assert len(updates) == 1


async def test_media_updates_parse_in_ptb(fake_api: FakeBotAPI, bot: Bot) -> None:
    fake_api.push_sticker(1)
    fake_api.push_photo(1, caption="look")
    fake_api.push_voice(1)
    raw_id = fake_api.push_update({"edited_message": {"message_id": 1, "date": 0, "text": "x"}})
    updates = await bot.get_updates(allowed_updates=["message"])
    messages = [u.message for u in updates if u.message]
    assert filters.Sticker.ALL.check_update(updates[0])
    assert messages[1].caption == "look" and messages[1].photo
    assert messages[2].voice is not None
    assert raw_id not in [u.update_id for u in updates]


# -- methods and recording -----------------------------------------------------------------


async def test_send_message_returns_a_full_message_with_ids_per_chat(
    fake_api: FakeBotAPI, bot: Bot
) -> None:
    first = await bot.send_message(5, "one", parse_mode=ParseMode.HTML)
    second = await bot.send_message(5, "<b>two</b>", parse_mode=ParseMode.HTML)
    other = await bot.send_message(6, "three")
    assert (first.message_id, second.message_id, other.message_id) == (1, 2, 1)
    assert first.from_user is not None and first.from_user.id == bot.id
    assert first.chat.type == "private"
    edited = await bot.edit_message_text("uno", chat_id=5, message_id=1)
    assert isinstance(edited, type(first)) and edited.text == "uno"
    assert [call.params["text"] for call in fake_api.sent(5)] == ["one", "<b>two</b>", "uno"]


async def test_it_rejects_what_telegram_rejects(fake_api: FakeBotAPI, bot: Bot) -> None:
    with pytest.raises(BadRequest, match=r"(?i)unsupported start tag"):
        await bot.send_message(1, "a <tag> b", parse_mode=ParseMode.HTML)
    with pytest.raises(BadRequest, match=r"(?i)too long"):
        await bot.send_message(1, "x" * 4097)
    button = InlineKeyboardButton("b", callback_data="x" * 65)
    with pytest.raises(BadRequest, match=r"(?i)button_data_invalid"):
        await bot.send_message(1, "x", reply_markup=InlineKeyboardMarkup([[button]]))
    await bot.send_message(1, "same")
    with pytest.raises(BadRequest, match=r"(?i)not modified"):
        await bot.edit_message_text("same", chat_id=1, message_id=1)
    assert fake_api.texts(1) == ["same"]


async def test_commands_webhook_and_unknown_methods(fake_api: FakeBotAPI, bot: Bot) -> None:
    await bot.set_my_commands([("start", "Start"), ("help", "Help")])
    assert [c.command for c in await bot.get_my_commands()] == ["start", "help"]
    await bot.delete_my_commands()
    assert await bot.get_my_commands() == ()
    await bot.set_webhook("https://example.org/hook")
    assert (await bot.get_webhook_info()).url == "https://example.org/hook"
    await bot.delete_webhook()
    assert await bot.do_api_request("someFutureMethod", api_kwargs={"n": 1}) is True
    assert fake_api.calls_of("someFutureMethod")[0].params == {"n": 1}


async def test_it_accepts_json_bodies_and_get(fake_api: FakeBotAPI) -> None:
    async with httpx.AsyncClient(base_url=fake_api.base_url + "TOKEN/") as client:
        posted = await client.post("sendMessage", json={"chat_id": 3, "text": "123"})
        got = await client.get("sendChatAction", params={"chat_id": 3, "action": "typing"})
    assert posted.json()["result"]["text"] == "123"
    assert got.json() == {"ok": True, "result": True}
    assert fake_api.calls_of("sendChatAction")[0].params == {"chat_id": 3, "action": "typing"}


# -- faults --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "error", "match"),
    [
        ("403", Forbidden, "blocked by the user"),
        ("400", BadRequest, "not found"),
        ("500", NetworkError, "Internal Server Error"),
        ("reset", NetworkError, "disconnected"),
    ],
)
async def test_each_fault_kind_reaches_ptb_as_its_exception(
    fake_api: FakeBotAPI, bot: Bot, kind: str, error: type[Exception], match: str
) -> None:
    fake_api.fail_next("sendMessage", kind)
    with pytest.raises(error, match=match):
        await bot.send_message(1, "x")
    await bot.send_message(1, "after")
    assert fake_api.texts(1) == ["after"]
    assert fake_api.stats[kind] == 1


async def test_a_429_carries_retry_after(fake_api: FakeBotAPI, bot: Bot) -> None:
    fake_api.fail_next("sendMessage", "429", retry_after=7)
    with pytest.raises(RetryAfter) as caught:
        await bot.send_message(1, "x")
    assert caught.value.retry_after == dtm.timedelta(seconds=7)
    assert fake_api.stats["429"] == 1


async def test_a_timeout_fault_times_the_client_out(fake_api: FakeBotAPI) -> None:
    fake_api.fail_next("sendMessage", "timeout", delay=3)
    request = HTTPXRequest(read_timeout=0.2)
    async with Bot(TOKEN, base_url=fake_api.base_url, request=request) as bot:
        with pytest.raises(TimedOut):
            await bot.send_message(1, "x")
    assert fake_api.sent() == []


async def test_faults_can_target_one_chat_and_a_count(fake_api: FakeBotAPI, bot: Bot) -> None:
    fake_api.fail_next("sendMessage", "403", count=2, chat_id=2)
    await bot.send_message(1, "fine")
    for _ in range(2):
        with pytest.raises(Forbidden):
            await bot.send_message(2, "x")
    await bot.send_message(2, "now fine")
    assert fake_api.texts() == ["fine", "now fine"]


async def test_a_blocked_chat_stays_blocked(fake_api: FakeBotAPI, bot: Bot) -> None:
    fake_api.block(4)
    for _ in range(3):
        with pytest.raises(Forbidden):
            await bot.send_message(4, "x")


async def test_random_faults_repeat_with_the_same_seed(fake_api: FakeBotAPI, bot: Bot) -> None:
    async def outcomes() -> list[str]:
        result = []
        for n in range(40):
            try:
                await bot.send_message(n + 1, "x")
                result.append("ok")
            except RetryAfter:
                result.append("429")
            except NetworkError:
                result.append("500")
        return result

    fake_api.random_faults({"429": 0.2, "500": 0.2}, seed=3)
    first = await outcomes()
    fake_api.random_faults({"429": 0.2, "500": 0.2}, seed=3)
    assert await outcomes() == first
    assert {"ok", "429", "500"} <= set(first)
    fake_api.clear_faults()
    await bot.send_message(1, "x")


# -- rate limits ---------------------------------------------------------------------------


async def test_the_per_chat_rate_limit_returns_429() -> None:
    async with (
        FakeBotAPI(rate_limit=True) as api,
        Bot(TOKEN, base_url=api.base_url) as bot,
    ):
        await bot.send_message(1, "first")
        await bot.send_message(2, "another chat is fine")
        with pytest.raises(RetryAfter) as caught:
            await bot.send_message(1, "too soon")
    assert caught.value.retry_after == dtm.timedelta(seconds=1)
    assert api.stats["429"] == api.stats["rate_limited"] == 1
    assert api.texts() == ["first", "another chat is fine"]


async def test_the_global_rate_limit_returns_429() -> None:
    async with (
        FakeBotAPI(rate_limit=True, global_rate=5) as api,
        Bot(TOKEN, base_url=api.base_url) as bot,
    ):
        for chat in range(5):
            await bot.send_message(chat + 1, "x")
        with pytest.raises(RetryAfter):
            await bot.send_message(99, "sixth in a second")
    assert len(api.sent()) == 5


# -- running in a thread -------------------------------------------------------------------


def test_in_thread_serves_blocking_clients() -> None:
    with FakeBotAPI.in_thread() as api:

        def client() -> None:
            with httpx.Client() as http:
                http.post(f"{api.base_url}{TOKEN}/sendMessage", data={"chat_id": 8, "text": "a"})

        thread = threading.Thread(target=client)
        thread.start()
        (call,) = api.wait_for_blocking("sendMessage", lambda p: p["chat_id"] == 8, timeout=5)
        thread.join()
    assert call.params["text"] == "a"


async def test_in_thread_drives_an_application_in_the_test_loop() -> None:
    with FakeBotAPI.in_thread() as api:
        app = app_builder(api).build()
        app.add_handler(MessageHandler(filters.TEXT, echo))
        async with running_application(app):
            api.push_text(11, "over threads")
            await api.wait_for("sendMessage")
    assert api.texts(11) == ["over threads"]


async def test_wait_for_names_what_it_saw_when_it_times_out(fake_api: FakeBotAPI) -> None:
    with pytest.raises(TimeoutError, match="got 0"):
        await fake_api.wait_for("sendMessage", timeout=0.05)


async def test_latency_delays_every_answer_but_not_the_long_poll() -> None:
    async with FakeBotAPI(latency=0.2) as api, Bot(TOKEN, base_url=api.base_url) as bot:
        started = time.monotonic()
        await bot.send_message(1, "x")
        assert time.monotonic() - started >= 0.2
        api.push_text(1, "hi")
        started = time.monotonic()
        await bot.get_updates()
        assert time.monotonic() - started < 0.2
