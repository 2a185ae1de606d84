"""Choosing the language: Telegram's, a subscriber's, the conversation's, a message's own."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from bot.core import callbacks
from bot.core.context import UserContext
from bot.core.language import ConversationLanguage, detect
from bot.services import Services, open_services
from bot.storage import subscribers
from tests.support import make_settings

CHAT = 5151


@pytest.fixture
def services(tmp_path: Path) -> Iterator[Services]:
    svc = open_services(make_settings(tmp_path))
    yield svc
    svc.close()


def telegram(language: str = "en", chat_id: int = CHAT) -> UserContext:
    return UserContext(chat_id=chat_id, user_id=chat_id, language=language)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("¿está prohibido en Lawrence?", "es"),
        ("¿Qué puedo hacer?", "es"),
        ("ayuda", "es"),
        ("hola", "es"),
        ("vivo en Chelsea", "es"),
        ("moro em Framingham", "pt"),
        ("Como posso ajudar?", "pt"),
        ("Olá, obrigado", "pt"),
        ("é proibido em Somerville?", "pt"),
        ("is it banned in Lawrence?", "en"),
        ("I live in Quincy", "en"),
    ],
)
def test_detect_reads_the_language_of_the_message(text: str, expected: str) -> None:
    assert detect(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Lawrence",
        "02143",
        "Manchester-by-the-Sea",
        "para",
        "parar",
        "cancelar",
        "STOP",
        "hi",
        "",
        "tôi ở Dorchester nè",  # Vietnamese, with Portuguese's ô: no Portuguese
        "je suis à Lowell, ça va",  # French, with Portuguese's à and ç
    ],
)
def test_detect_says_nothing_for_names_and_shared_words(text: str) -> None:
    assert detect(text) is None


def test_telegram_language_is_the_start(services: Services) -> None:
    assert services.languages.settle(telegram("pt")).language == "pt"
    assert services.languages.settle(telegram("de")).language == "en"


def test_a_region_code_finds_its_language(services: Services) -> None:
    assert services.languages.supported("es-419") == "es"
    assert services.languages.supported("pt-BR") == "pt"
    assert services.languages.supported("fr") is None


def test_a_subscriber_keeps_the_stored_language(services: Services) -> None:
    subscribers.subscribe(services.state, CHAT, "somerville", "es", date(2026, 1, 1))
    assert services.languages.settle(telegram("en")).language == "es"


def test_a_message_in_spanish_is_answered_in_spanish_with_an_offer(services: Services) -> None:
    replies = services.conversation.text(telegram("en"), "¿está prohibido en Lawrence?")
    last = replies[-1]
    offer = services.catalog.t("language.offer", "es")
    assert last.text.endswith(offer)
    keep = [b for row in last.buttons for b in row if b.data == "lng:set:es"]
    assert [b.label for b in keep] == [services.catalog.t("language.button.keep", "es")]
    assert "Lawrence" in replies[0].text


def test_the_conversation_keeps_the_language_of_the_message(services: Services) -> None:
    services.conversation.text(telegram("en"), "moro em Framingham")
    assert services.languages.settle(telegram("en")).language == "pt"
    # The next message in the same language is no switch: no second offer.
    again = services.conversation.text(
        services.languages.settle(telegram("en")), "eu moro em Lowell"
    )
    offer = services.catalog.t("language.offer", "pt")
    assert all(offer not in r.text for r in again)


def test_a_place_name_alone_changes_nothing(services: Services) -> None:
    replies = services.conversation.text(telegram("es"), "Lawrence")
    assert all("lng:set" not in str(r.buttons) for r in replies)
    assert services.languages.settle(telegram("es")).language == "es"


def test_choosing_a_language_is_stored_only_for_a_subscriber(services: Services) -> None:
    languages = services.languages
    (reply,) = services.conversation.callback(telegram("en"), "lng:set:pt")
    assert reply.text == services.catalog.t("language.chosen", "pt")
    assert subscribers.get(services.state, CHAT) is None
    subscribers.subscribe(services.state, CHAT, "somerville", "en", date(2026, 1, 1))
    (reply,) = languages.callback(telegram("en"), "lng:set:es")
    assert services.catalog.t("language.chosen_alerts", "es") in reply.text
    stored = subscribers.get(services.state, CHAT)
    assert stored is not None and stored.language == "es"


def test_an_unknown_language_button_is_refused_politely(services: Services) -> None:
    (reply,) = services.languages.callback(telegram("en"), "lng:set:xx")
    assert reply.text == services.catalog.t("stale_button", "en")


def test_help_has_a_language_button_and_the_menu_names_each_language(
    services: Services,
) -> None:
    (help_reply,) = services.conversation.help(telegram("es"))
    (button,) = [b for row in help_reply.buttons for b in row]
    assert button.data == callbacks.make(callbacks.LANGUAGE, "menu")
    (menu,) = services.conversation.callback(telegram("es"), button.data)
    labels = [b.label for row in menu.buttons for b in row]
    assert labels == [services.catalog.t("language.name", code) for code in ("en", "es", "pt")]


def test_organizers_drafts_are_not_read_for_language(services: Services) -> None:
    organizer = UserContext(chat_id=CHAT, user_id=CHAT, language="en", is_organizer=True)
    assert services.languages.spoken(organizer, "¿Qué puedo hacer?") is None


def test_the_conversation_memory_expires() -> None:
    now = [0.0]
    memory = ConversationLanguage(clock=lambda: now[0])
    memory.remember(1, "es")
    assert memory.recall(1) == "es"
    now[0] += ConversationLanguage.TTL + 1
    assert memory.recall(1) is None


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("¿está prohibido en Lawrence?", "lawrence"),
        ("¿Está prohibido el reconocimiento facial en Chelsea?", "chelsea"),
        ("¿Quiénes son mis legisladores en Lynn?", "lynn"),
        ("mi ciudad es Revere", "revere"),
        ("moro em Framingham", "framingham"),
        ("é proibido em Lowell?", "lowell"),
        ("minha cidade é Marlborough", "marlborough"),
        ("quem são meus deputados em Fall River", "fall-river"),
        ("Tem proibição em New Bedford?", "new-bedford"),
    ],
)
def test_the_resolver_reads_spanish_and_portuguese_questions(
    services: Services, text: str, place: str
) -> None:
    found = services.resolver.resolve(text)
    assert found.place is not None and found.place.id == place


@pytest.mark.parametrize(
    "text", ["¿Qué puedo hacer?", "Como posso ajudar?", "ayuda", "¿Dónde está prohibido?"]
)
def test_spanish_and_portuguese_questions_name_no_town(services: Services, text: str) -> None:
    assert services.resolver.resolve(text).place is None
