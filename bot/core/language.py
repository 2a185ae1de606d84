"""Which language to answer in, and how a resident changes it.

The order, first found wins: the language of the conversation (chosen with /language, or the one
a message was last written in, kept in memory for a few hours and never stored), a subscriber's
stored language, then Telegram's ``language_code``. A choice is stored only for subscribers, in
their subscription row (:mod:`bot.storage.subscribers`), so their alerts follow it.

A message written in another of our languages ("¿está prohibido en Lawrence?", "moro em
Framingham") is answered in it, with one line offering to keep it for good. :func:`detect` reads
the message's own words (question words, small talk, accents), deterministically; a message that
is only a place name, or whose words several languages share ("para", "cancelar"), changes
nothing. The text is read, never kept.

Callback data: ``lng:menu`` (the language buttons) and ``lng:set:<code>`` (choose one).
"""

from __future__ import annotations

import hashlib
import logging
import secrets
import sqlite3
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import replace

from bot.core import callbacks
from bot.core.context import UserContext
from bot.core.i18n import DEFAULT_LANGUAGE, Catalog
from bot.core.normalize import fold
from bot.core.reply import Button, Reply
from bot.storage import subscribers

logger = logging.getLogger(__name__)

# Words that belong to one of our languages only. A word two of them share ("que", "como",
# "para", "esta", "no") is no evidence and is left out; so are words found in place names.
_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        "the is are was what where who whom which does do did my i im live living in of can "
        "how banned ban bans town city there it this that help hello thanks thank you please "
        "have has about want need call my our we ask tell find get".split()
    ),
    "es": frozenset(
        "el los las es en y mi mis puedo puede pueden hacer prohibido prohibida prohibicion "
        "prohibe ayuda ayudar ayudame donde cual cuales quien quienes hay ciudad pueblo soy "
        "estoy usted ustedes gracias hola buenos buenas tengo quiero necesito reconocimiento "
        "vigilancia cara legisladores llamar ley suscribir suscribirme senor eso esto pero muy "
        "con del al lo le les nosotros tambien cuando ahora ya baja vivo queda funciona "
        "sabes".split()
    ),
    "pt": frozenset(
        "em eu moro voce voces posso pode podem ajuda ajudar obrigado obrigada ola oi bom boa "
        "cidade onde nao sim meu minha meus minhas da das na nas fazer proibido proibida "
        "proibicao proibe reconhecimento vigilancia quem qual quais tem ter isso isto um uma com "
        "sou estou quero preciso ligar lei deputado vereador tambem agora ja muito valeu tchau "
        "pra mais sair moramos fica funciona".split()
    ),
}
# "vivo", "vigilancia" and "funciona" are written alike in Spanish and Portuguese: no evidence.
_SHARED = frozenset(w for w in _WORDS["es"] if w in _WORDS["pt"])
# Letters and marks of one language only: ¿ ¡ ñ are Spanish; ã õ ç ê ô à Portuguese.
_MARKS = {"es": "¿¡ñ", "pt": "ãõçêôà"}
MARK_WEIGHT = 2  # one mark is worth two words: a Spanish "¿" is never English or Portuguese
# English must show two of its words: "hi" or "ok" from a Spanish Telegram is no switch, and a
# place name ("Manchester-by-the-Sea") holds at most one.
MIN_SCORE = {"en": 2, "es": 1, "pt": 1}
# Letters of Vietnamese only (ơ ư đ, and vowels with a dot below, a hook above or two marks):
# "tôi ở Dorchester nè" has Portuguese's "ô" too, but is no Portuguese.
_VIETNAMESE = frozenset("ơưđạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ")
# Words of French, whose marks (à ç ê ô) Portuguese shares: "j'habite à Lowell, ça va".
# (frequent French words, two needed: "et" or "est" alone is no French).
_FRENCH = frozenset("je suis est avec dans une du qui pas habite ca cest et".split())


def detect(text: str) -> str | None:
    """The language a message is written in, or None when its words do not say.

    >>> detect("¿Qué puedo hacer?"), detect("moro em Framingham"), detect("Lawrence")
    ('es', 'pt', None)
    """
    lowered = text.casefold()
    if not _VIETNAMESE.isdisjoint(lowered):
        return None  # a language we do not answer in: the conversation's stays
    words = fold(text).split()
    if sum(w in _FRENCH for w in words) >= 2:
        return None  # French: its accents are no Portuguese
    scores: dict[str, int] = {}
    for lang, vocabulary in _WORDS.items():
        score = sum(1 for w in words if w in vocabulary and w not in _SHARED)
        score += MARK_WEIGHT * sum(1 for ch in lowered if ch in _MARKS.get(lang, ""))
        if score >= MIN_SCORE[lang]:
            scores[lang] = score
    if not scores:
        return None
    best = max(scores.values())
    winners = [lang for lang, score in scores.items() if score == best]
    return winners[0] if len(winners) == 1 else None


class ConversationLanguage:
    """The language of each recent conversation, in memory only.

    Keyed by a salted hash of the chat, for six hours after the last message, at most 50,000
    chats: a resident who wrote in Spanish keeps Spanish buttons without anything being stored.
    """

    TTL = 6 * 3600.0
    LIMIT = 50_000

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._salt = secrets.token_bytes(16)
        self._clock = clock
        self._chats: OrderedDict[bytes, tuple[str, float]] = OrderedDict()

    def _key(self, chat_id: int) -> bytes:
        return hashlib.blake2b(str(chat_id).encode(), key=self._salt, digest_size=16).digest()

    def remember(self, chat_id: int, lang: str) -> None:
        key = self._key(chat_id)
        self._chats.pop(key, None)
        self._chats[key] = (lang, self._clock() + self.TTL)
        while len(self._chats) > self.LIMIT:
            self._chats.popitem(last=False)

    def recall(self, chat_id: int) -> str | None:
        key = self._key(chat_id)
        found = self._chats.get(key)
        if found is None:
            return None
        if found[1] < self._clock():
            del self._chats[key]
            return None
        self._chats[key] = (found[0], self._clock() + self.TTL)
        return found[0]

    def forget(self, chat_id: int) -> None:
        self._chats.pop(self._key(chat_id), None)


class Languages:
    """Settle each update's language; answer /language and the ``lng:`` buttons."""

    def __init__(
        self,
        state: sqlite3.Connection,
        catalog: Catalog,
        memory: ConversationLanguage | None = None,
        reader: sqlite3.Connection | None = None,
    ) -> None:
        self.state = state  # writes: a subscriber's chosen language
        self.reader = reader or state  # reads: each update's language
        self.catalog = catalog
        self.memory = memory or ConversationLanguage()

    def supported(self, code: str | None) -> str | None:
        """Our language for a Telegram ``language_code`` ("es-419" -> "es"), or None."""
        if not code:
            return None
        base = code.replace("_", "-").split("-")[0].casefold()
        return base if base in self.catalog.languages else None

    def settle(self, user: UserContext) -> UserContext:
        """The user with the language to answer in (``user.language`` is Telegram's)."""
        lang = self.memory.recall(user.chat_id)
        if lang is None:
            try:
                found = subscribers.get(self.reader, user.chat_id)
            except sqlite3.Error:  # "something went wrong" must still be said, in Telegram's
                logger.warning("Could not read a subscriber's language")
                found = None
            if found is not None and found.language in self.catalog.languages:
                lang = found.language
        if lang is None:
            lang = self.supported(user.language) or DEFAULT_LANGUAGE
        return user if lang == user.language else replace(user, language=lang)

    def spoken(self, user: UserContext, text: str) -> str | None:
        """The language of a message when it differs from the conversation's, and remember it.

        Organizers are left alone: their alert drafts may be written in any language.
        """
        if user.is_organizer:
            return None
        lang = detect(text)
        if lang is None or lang == user.language or lang not in self.catalog.languages:
            return None
        self.memory.remember(user.chat_id, lang)
        logger.debug("answered in the language of the message")
        return lang

    def offer(self, reply: Reply, lang: str) -> Reply:
        """The reply with one line and a button that keep ``lang`` for good."""
        line = self.catalog.t("language.offer", lang)
        button = Button(
            self.catalog.t("language.button.keep", lang),
            callbacks.make(callbacks.LANGUAGE, "set", lang),
        )
        text = f"{reply.text}\n\n{line}" if len(reply.text) + len(line) + 2 <= 4096 else reply.text
        return Reply(text, (*reply.buttons, (button,)), reply.edit)

    def menu(self, user: UserContext) -> Reply:
        """Answer /language: one button per language, each in its own language."""
        rows = tuple(
            (
                Button(
                    self.catalog.t("language.name", code),
                    callbacks.make(callbacks.LANGUAGE, "set", code),
                ),
            )
            for code in self.catalog.languages
        )
        current = self.catalog.t("language.name", user.language)
        return Reply(self.catalog.t("language.choose", user.language, current=current), rows)

    def menu_button(self, lang: str) -> Button:
        """The button under /help that opens the language menu."""
        return Button(
            self.catalog.t("language.button.menu", lang),
            callbacks.make(callbacks.LANGUAGE, "menu"),
        )

    def choose(self, user: UserContext, lang: str) -> list[Reply]:
        """Answer in ``lang`` from now on; a subscriber's alerts follow."""
        if lang not in self.catalog.languages:
            return [Reply(self.catalog.t("stale_button", user.language))]
        self.memory.remember(user.chat_id, lang)
        stored = subscribers.set_language(self.state, user.chat_id, lang)
        name = self.catalog.t("language.name", lang)
        text = self.catalog.t("language.chosen", lang, language=name)
        if stored:
            text += "\n" + self.catalog.t("language.chosen_alerts", lang)
        logger.info("Language chosen (stored for a subscriber: %s)", stored)
        return [Reply(text)]

    def callback(self, user: UserContext, data: str) -> list[Reply]:
        """Answer ``lng:menu`` and ``lng:set:<code>``."""
        _, parts = callbacks.split(data)
        if parts == ["menu"]:
            return [self.menu(user)]
        if len(parts) == 2 and parts[0] == "set":
            return self.choose(user, parts[1])
        return [Reply(self.catalog.t("stale_button", user.language))]
