"""Pictures over HTTP through the real Application and the fake Bot API: /map and its button
(uploaded once, then sent by file_id), organizers' /qr and /stats, inline sharing."""

from __future__ import annotations

import asyncio
import io
from collections.abc import AsyncIterator, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import zxingcpp
from PIL import Image
from telegram.ext import Application

from bot.channels.tg.app import build_application
from bot.services import Services, open_services
from bot.storage import subscribers
from bot.storage.outcomes import record_outcome
from tests.conftest import running_application
from tests.fakebotapi import BOT_USERNAME, FakeBotAPI
from tests.support import bot_settings, inline_buttons

ORG = 9001
RESIDENT = 3001
OTHER = 3002


@pytest.fixture
async def bot(fake_api: FakeBotAPI, tmp_path: Path) -> AsyncIterator[tuple[FakeBotAPI, Services]]:
    services = open_services(bot_settings(fake_api.base_url, tmp_path, organizer_ids={ORG}))
    app: Application = build_application(services)  # type: ignore[type-arg]
    async with running_application(app):
        yield fake_api, services
    services.close()


def image(api: FakeBotAPI, call: Any) -> Image.Image:
    """The picture a sendPhoto/sendDocument call carried, as the fake server stored it."""
    sent = api.last_message(int(call.params["chat_id"]))
    assert sent is not None
    file = sent["photo"][-1] if "photo" in sent else sent["document"]
    return Image.open(io.BytesIO(api.uploads[file["file_id"]]))


async def test_map_uploads_once_then_sends_the_file_id(bot: Any) -> None:
    api, _ = bot
    api.push_text(RESIDENT, "/map")
    first = (await api.wait_for("sendPhoto", timeout=60))[0]
    assert isinstance(first.params["photo"], dict)  # an upload
    assert "351 cities and towns" in first.params["caption"]
    picture = image(api, first)
    assert picture.width >= 1200

    api.push_text(OTHER, "/map")
    second = (await api.wait_for("sendPhoto", count=2, timeout=60))[1]
    photo = api.last_message(RESIDENT)
    assert photo is not None
    assert second.params["photo"] == photo["photo"][-1]["file_id"]  # a file_id, no upload
    assert len(api.files_sent()) == 2


async def test_concurrent_requests_for_a_new_map_upload_it_once(bot: Any) -> None:
    api, _ = bot
    chats = [4001, 4002, 4003, 4004]
    for chat in chats:
        api.push_text(chat, "/map")
    calls = await api.wait_for("sendPhoto", count=len(chats), timeout=90)
    uploads = [c for c in calls if isinstance(c.params["photo"], dict)]
    assert len(uploads) == 1
    assert {int(c.params["chat_id"]) for c in calls} == set(chats)


async def test_the_map_button_under_an_answer_outlines_that_town(bot: Any) -> None:
    api, _ = bot
    api.push_text(RESIDENT, "Pittsfield")
    answer = (await api.wait_for("sendMessage", lambda p: p["chat_id"] == RESIDENT))[0]
    data = [b["callback_data"] for b in inline_buttons(answer.params) if "callback_data" in b]
    assert "map:pittsfield" in data
    label = next(
        b["text"]
        for b in inline_buttons(answer.params)
        if b.get("callback_data") == "map:pittsfield"
    )
    assert label == "🗺 Map"
    last = api.last_message(RESIDENT)
    assert last is not None
    api.push_callback(RESIDENT, "map:pittsfield", last["message_id"])
    call = (await api.wait_for("sendPhoto", timeout=60))[0]
    assert "<b>Pittsfield</b> is outlined" in call.params["caption"]


async def test_the_map_button_speaks_the_residents_language(bot: Any) -> None:
    _, services = bot
    answer = services.conversation.answers.place(services.resolver.places["lowell"], "es")
    labels = [b.label for row in answer.buttons for b in row]
    assert "🗺 Mapa" in labels
    answer = services.conversation.answers.place(services.resolver.places["lowell"], "pt")
    assert "🗺 Mapa" in [b.label for row in answer.buttons for b in row]


async def test_a_forged_map_button_gets_a_polite_answer(bot: Any) -> None:
    api, _ = bot
    api.push_text(RESIDENT, "/help")
    await api.wait_for("sendMessage")
    last = api.last_message(RESIDENT)
    assert last is not None
    api.push_callback(RESIDENT, "map:atlantis", last["message_id"])
    await api.wait_for("sendMessage", lambda p: p["chat_id"] == RESIDENT, count=2)
    assert api.files_sent() == []


async def test_qr_is_for_organizers_and_decodes_to_the_deep_link(bot: Any) -> None:
    api, _ = bot
    api.push_text(RESIDENT, "/qr Cambridge")
    refused = (await api.wait_for("sendMessage", lambda p: p["chat_id"] == RESIDENT))[0]
    assert "organizers" in refused.params["text"]

    api.push_text(ORG, "/qr Cambridge", user_id=ORG)
    call = (await api.wait_for("sendDocument", timeout=30))[0]
    found = zxingcpp.read_barcodes(image(api, call).convert("RGB"))
    assert [b.text for b in found] == [f"https://t.me/{BOT_USERNAME}?start=town-cambridge"]
    assert "Cambridge" in call.params["caption"]


async def test_an_ambiguous_qr_asks_which_town(bot: Any) -> None:
    api, services = bot
    found = services.resolver.resolve("Brook")  # Brookline, or Brookfield and its neighbours
    towns = [p.id for p in found.candidates]
    assert towns[0] == "brookline" and {"brookfield", "north-brookfield"} <= set(towns)
    api.push_text(ORG, "/qr Brook", user_id=ORG)
    asked = (await api.wait_for("sendMessage", lambda p: p["chat_id"] == ORG))[0]
    data = [b["callback_data"] for b in inline_buttons(asked.params)]
    assert data == [f"qr:{town}" for town in towns]  # one button for each town asked about
    last = api.last_message(ORG)
    assert last is not None
    api.push_callback(ORG, data[0], last["message_id"], user_id=ORG)
    call = (await api.wait_for("sendDocument", timeout=30))[0]
    codes = zxingcpp.read_barcodes(image(api, call).convert("RGB"))
    assert codes[0].text.endswith("?start=town-brookline")


async def test_stats_sends_the_text_and_the_chart_to_organizers_only(bot: Any) -> None:
    api, services = bot
    for chat in range(5000, 5007):
        subscribers.subscribe(services.state, chat, "somerville", "en", today=date.today())
    record_outcome(services.state, "house", "27th Middlesex", "talked", date.today())
    api.push_text(RESIDENT, "/stats")
    refused = (await api.wait_for("sendMessage", lambda p: p["chat_id"] == RESIDENT))[0]
    assert "organizers" in refused.params["text"]
    api.push_text(ORG, "/stats", user_id=ORG)
    text = (await api.wait_for("sendMessage", lambda p: p["chat_id"] == ORG))[0]
    assert "<pre>" in text.params["text"]
    call = (await api.wait_for("sendPhoto", timeout=30))[0]
    assert image(api, call).width >= 1200


async def inline(api: FakeBotAPI, query: str, language: str = "en") -> list[dict[str, Any]]:
    query_id = api.push_inline_query(RESIDENT, query, language_code=language)
    await api.wait_for("answerInlineQuery", lambda p: p["inline_query_id"] == query_id)
    results: list[dict[str, Any]] = api.inline_answers[query_id]["results"]
    return results


async def test_inline_offers_the_towns_answer_card(bot: Any) -> None:
    api, _ = bot
    [card] = await inline(api, "cambridge")
    assert card["type"] == "article" and card["title"] == "Cambridge, MA"
    content = card["input_message_content"]
    assert content["parse_mode"] == "HTML"
    assert "Cambridge" in content["message_text"] and "As of" in content["message_text"]
    [[button]] = card["reply_markup"]["inline_keyboard"]
    assert button == {
        "text": "Ask the bot",
        "url": f"https://t.me/{BOT_USERNAME}?start=town-cambridge",
    }


async def test_inline_offers_each_candidate_of_an_ambiguous_query(bot: Any) -> None:
    api, _ = bot
    cards = await inline(api, "Berkeley")
    assert [c["id"] for c in cards] == ["berkeley-ca", "berkley"]
    assert [c["title"] for c in cards] == ["Berkeley, CA", "Berkley, MA"]


async def test_inline_offers_nothing_for_nonsense_and_stores_nothing(bot: Any) -> None:
    api, services = bot
    assert await inline(api, "qwxz zzkj") == []
    assert await inline(api, "") == []
    tables = [
        r[0] for r in services.state.execute("SELECT name FROM sqlite_master WHERE type='table'")
    ]
    for table in tables:
        rows = services.state.execute(f'SELECT * FROM "{table}"').fetchall()
        assert not any("qwxz" in str(row) for row in rows)


async def test_inline_speaks_spanish(bot: Any) -> None:
    api, _ = bot
    [card] = await inline(api, "somerville", language="es")
    assert card["reply_markup"]["inline_keyboard"][0][0]["text"] == "Preguntar al bot"


async def test_the_fake_refuses_an_unknown_file_id_and_a_second_inline_answer(
    fake_api: FakeBotAPI,
) -> None:
    from telegram import Bot
    from telegram.error import BadRequest

    from tests.support import TOKEN

    async with Bot(TOKEN, base_url=fake_api.base_url) as bot:
        with pytest.raises(BadRequest, match=r"(?i)wrong file identifier"):
            await bot.send_photo(1, "no-such-file")
        query_id = fake_api.push_inline_query(1, "x")
        await bot.answer_inline_query(query_id, [])
        with pytest.raises(BadRequest, match=r"(?i)query is too old"):
            await bot.answer_inline_query(query_id, [])
    await asyncio.sleep(0)


async def test_map_with_a_town_outlines_it_and_an_unknown_town_is_explained(bot: Any) -> None:
    api, _ = bot
    api.push_text(RESIDENT, "/map Atlantis")
    said = (await api.wait_for("sendMessage", lambda p: p["chat_id"] == RESIDENT))[0]
    assert "I don't know that town" in said.params["text"]
    api.push_text(RESIDENT, "/map worcester")
    call = (await api.wait_for("sendPhoto", timeout=60))[0]
    assert "<b>Worcester</b> is outlined" in call.params["caption"]


def test_the_prerendered_map_is_in_the_cache_before_anyone_asks(
    services_for_prerender: Services,
) -> None:
    svc = services_for_prerender
    svc.pictures.prerender(("en",))
    key = svc.pictures.map("en").key
    assert svc.pictures.cache.get(key) is not None
    assert svc.pictures.cache.path(key).parent == svc.settings.db_path.with_name("bot.pictures")


@pytest.fixture
def services_for_prerender(tmp_path: Path) -> Iterator[Services]:
    from tests.support import make_settings

    services = open_services(make_settings(tmp_path))
    yield services
    services.close()


def test_the_console_is_told_where_the_map_is(services_for_prerender: Services) -> None:
    from bot.core.context import UserContext

    [reply] = services_for_prerender.conversation.callback(UserContext(chat_id=1), "map:cambridge")
    assert "python -m bot map" in reply.text


async def test_typing_an_inline_query_does_not_mute_the_private_chat(
    fake_api: FakeBotAPI, tmp_path: Path
) -> None:
    # The default flood limit (5 messages in 3 s), not the tests' relaxed one.
    settings = bot_settings(fake_api.base_url, tmp_path, flood_messages=5)
    services = open_services(settings)
    app: Application = build_application(services)  # type: ignore[type-arg]
    async with running_application(app):
        # A client sends an inline query as the user types: "c", "ca", "cam", ...
        for end in range(1, len("cambridge") + 1):
            fake_api.push_inline_query(RESIDENT, "cambridge"[:end])
        await fake_api.wait_for("answerInlineQuery", count=len("cambridge"), timeout=30)
        fake_api.push_text(RESIDENT, "Somerville")
        said = await fake_api.wait_for("sendMessage", lambda p: p["chat_id"] == RESIDENT)
    services.close()
    assert "Somerville" in said[0].params["text"]
    assert "quickly" not in said[0].params["text"]


async def test_the_map_speaks_the_language_the_resident_chose(bot: Any) -> None:
    # An English Telegram, Spanish chosen with /language: the map follows the choice, as
    # every other reply does.
    api, services = bot
    api.push_text(RESIDENT, "/language")
    await api.wait_for("sendMessage", lambda p: p["chat_id"] == RESIDENT)
    message = api.last_message(RESIDENT)
    assert message is not None
    query_id = api.push_callback(RESIDENT, "lng:set:es", message["message_id"])
    await api.wait_for("answerCallbackQuery", lambda p: p["callback_query_id"] == query_id)
    api.push_text(RESIDENT, "/map")
    (photo,) = await api.wait_for("sendPhoto", timeout=60)
    assert photo.params["caption"] == services.pictures.map("es").caption
    assert photo.params["caption"] != services.pictures.map("en").caption
