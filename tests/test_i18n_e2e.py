"""Whole conversations in Spanish and Portuguese, through the real Application and the fake Bot
API over HTTP: welcome, a town, its legislators, a call script and its English copy, alerts,
STOP. No English reaches the resident except names and the English script they asked for."""

from __future__ import annotations

import html
import re
import sqlite3
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from telegram.ext import Application

from bot.channels.tg.app import build_application
from bot.core.i18n import Catalog
from bot.services import Services, open_services
from tests.conftest import running_application
from tests.fakebotapi import FakeBotAPI
from tests.support import bot_settings

CHAT = 3003
TOWN = "Lee"  # one Senate and one House district: the cards come at once
# Names that stay as they are in every language: the town, its legislators, the bills.
NAMES = ("Lee", "Paul Mark", "Leigh Davis", "Massachusetts", "Telegram", "Press Pause")
# Words of English that Spanish and Portuguese never use: one of them in a reply is a leak.
ENGLISH = frozenset(
    "the you your and with what which this that is are our we to of it not "
    "call email contact details sources alerts get here state law bills".split()
)
_TAG = re.compile(r"<[^>]+>")
_PROFILE = re.compile(r'<a href="https://malegislature\.gov/Legislators/Profile/[^"]*">.*?</a>')
_URL = re.compile(r"https?://\S+|t\.me/\S+|@\w+")


@pytest.fixture
async def bot(fake_api: FakeBotAPI, tmp_path: Path) -> AsyncIterator[tuple[FakeBotAPI, Services]]:
    settings = bot_settings(fake_api.base_url, tmp_path)
    services = open_services(settings)
    app: Application = build_application(services)  # type: ignore[type-arg]
    async with running_application(app):
        yield fake_api, services
    services.close()


def english_words(text: str) -> set[str]:
    """The English words of a reply, once its markup, links, commands and names are gone."""
    # A district's official name ("Berkshire, Hampden, Franklin and Hampshire"), linked to its
    # member's page, is a name.
    text = _PROFILE.sub(" ", text)
    plain = html.unescape(_TAG.sub(" ", text))
    plain = _URL.sub(" ", plain)
    plain = re.sub(r"/\w+", " ", plain)  # /subscribe, /mydata: commands are commands
    for name in NAMES:
        plain = plain.replace(name, " ")
    return {w for w in re.findall(r"[^\W\d_]+", plain.casefold()) if w in ENGLISH}


def shown(params: dict[str, Any]) -> list[str]:
    """The text of a message and every label of its buttons."""
    markup = params.get("reply_markup") or {}
    labels = [b["text"] for row in markup.get("inline_keyboard", []) for b in row]
    return [params["text"], *labels]


def assert_no_english(params: dict[str, Any]) -> None:
    for text in shown(params):
        assert not english_words(text), f"English in {text!r}"


def data_of(params: dict[str, Any], prefix: str) -> str:
    markup = params.get("reply_markup") or {}
    for row in markup.get("inline_keyboard", []):
        for b in row:
            if b.get("callback_data", "").startswith(prefix):
                return str(b["callback_data"])
    raise AssertionError(f"no button {prefix!r} in {shown(params)}")


class Resident:
    """One resident whose Telegram is set to ``lang``."""

    def __init__(self, api: FakeBotAPI, lang: str) -> None:
        self.api = api
        self.lang = lang
        self.seen = 0

    async def say(self, text: str) -> dict[str, Any]:
        self.api.push_text(CHAT, text, language_code=self.lang)
        return await self._next()

    async def press(self, data: str) -> dict[str, Any]:
        message_id = self.api.last_message(CHAT)["message_id"]  # type: ignore[index]
        query = self.api.push_callback(CHAT, data, message_id, language_code=self.lang)
        await self.api.wait_for("answerCallbackQuery", lambda p: p["callback_query_id"] == query)
        return await self._next()

    async def _next(self) -> dict[str, Any]:
        self.seen += 1
        calls = await self.api.wait_for(
            "sendMessage", lambda p: p["chat_id"] == CHAT, count=self.seen, timeout=10
        )
        return calls[-1].params


@pytest.mark.parametrize(("lang", "stop"), [("es", "para"), ("pt", "parar"), ("es", "cancelar")])
async def test_a_whole_conversation_in_the_residents_language(
    bot: tuple[FakeBotAPI, Services], lang: str, stop: str
) -> None:
    api, services = bot
    catalog: Catalog = services.catalog
    resident = Resident(api, lang)

    welcome = await resident.say("/start")
    assert welcome["text"].startswith(catalog.t("welcome", lang))
    assert welcome["text"].endswith(catalog.t("location.ask_welcome", lang))
    keyboard = welcome["reply_markup"]["keyboard"]
    assert keyboard[0][0] == {"text": catalog.t("location.button", lang), "request_location": True}
    assert_no_english(welcome)

    answer = await resident.say(TOWN)
    assert "Lee" in answer["text"]
    assert_no_english(answer)

    members = await resident.press(data_of(answer, "leg:"))
    assert "Paul Mark" in members["text"]
    assert_no_english(members)

    script = await resident.press(data_of(members, "scr:c:"))
    assert "+1 617-722-1625" in script["text"]
    assert_no_english(script)

    english = await resident.press(data_of(script, "scr:c:").rsplit(":", 1)[0] + ":e")
    head = catalog.t("language.script_en", lang)
    assert english["text"].startswith(head)
    assert "I'm calling to ask" in english["text"]  # the office may answer in English
    for label in shown(english)[1:]:
        assert not english_words(label), label

    subscribed = await resident.press(data_of(answer, "alr:sub:"))
    assert_no_english(subscribed)
    db = sqlite3.connect(services.settings.db_path)
    assert db.execute("SELECT language FROM subscribers").fetchall() == [(lang,)]

    stopped = await resident.say(stop)
    assert stopped["text"] == catalog.t("alerts.unsubscribed", lang)
    assert db.execute("SELECT count(*) FROM subscribers").fetchone() == (0,)


async def test_help_offers_the_languages_and_a_choice_sticks(
    bot: tuple[FakeBotAPI, Services],
) -> None:
    api, services = bot
    resident = Resident(api, "en")
    help_reply = await resident.say("/help")
    menu = await resident.press(data_of(help_reply, "lng:menu"))
    assert [b for b in shown(menu)[1:]] == ["English", "Español", "Português"]
    chosen = await resident.press(data_of(menu, "lng:set:pt"))
    assert chosen["text"] == services.catalog.t("language.chosen", "pt")
    welcome = await resident.say("/start")
    assert welcome["text"].startswith(services.catalog.t("welcome", "pt"))


async def test_a_message_in_spanish_from_an_english_telegram_is_answered_in_spanish(
    bot: tuple[FakeBotAPI, Services],
) -> None:
    api, services = bot
    resident = Resident(api, "en")
    answer = await resident.say("¿está prohibido en Lawrence?")
    assert "Lawrence" in answer["text"]
    assert answer["text"].endswith(services.catalog.t("language.offer", "es"))
    assert_no_english(answer)
    kept = await resident.press(data_of(answer, "lng:set:es"))
    assert kept["text"] == services.catalog.t("language.chosen", "es")
