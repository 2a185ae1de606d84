"""Message catalogs: the text people read, per language, kept out of the code.

Catalogs live in ``knowledge/messages/<lang>/*.yaml`` as flat mappings from a dotted key to a
template in Telegram HTML with ``str.format`` placeholders (``bot.kb.messages`` reads them and the
knowledge build checks them). Every file of a language is merged; keys are namespaced by area
(``answer.*``, ``legislators.*``, ``alerts.*``) so files never clash. A key missing in a language
falls back to English. Values substituted into a template must be escaped by the caller
(``html.escape``) when they come from knowledge or users.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from bot import DEFAULT_KNOWLEDGE_DIR
from bot.kb.messages import read_catalogs
from bot.kb.models import DEFAULT_LANGUAGE, Day

__all__ = ["DEFAULT_LANGUAGE", "Catalog"]


@dataclass(frozen=True)
class Catalog:
    """All languages' messages."""

    messages: Mapping[str, Mapping[str, str]]

    @classmethod
    def load(cls, knowledge_dir: Path = DEFAULT_KNOWLEDGE_DIR) -> Catalog:
        """Read every ``messages/<lang>/*.yaml`` file; fail with file and key on a bad entry."""
        languages, _ = read_catalogs(knowledge_dir)
        return cls(languages)

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(self.messages)

    def has(self, key: str) -> bool:
        return key in self.messages[DEFAULT_LANGUAGE]

    def t(self, key: str, lang: str = DEFAULT_LANGUAGE, /, **values: object) -> str:
        """Return the message ``key`` in ``lang`` (English if missing) filled with ``values``."""
        template = self.messages.get(lang, {}).get(key)
        if template is None:
            template = self.messages[DEFAULT_LANGUAGE][key]
        return template.format(**values) if values else template

    def date(self, value: date | Day, lang: str = DEFAULT_LANGUAGE) -> str:
        """Every date people read, in the one format: "June 27, 2019", or "June 2023"."""
        day = value if isinstance(value, Day) else Day.parse(value)
        month = self.t("date.months", lang).split()[day.month - 1]
        if day.day is None:
            return self.t("date.month", lang, month=month, year=day.year)
        return self.t("date.day", lang, month=month, day=day.day, year=day.year)
