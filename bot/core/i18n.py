"""Message catalogs: the text people read, per language, kept out of the code.

Catalogs live in ``knowledge/messages/<lang>/*.yaml`` as flat mappings from a dotted key to a
template in Telegram HTML with ``str.format`` placeholders (``bot.kb.messages`` reads them and the
knowledge build checks them). Every file of a language is merged; keys are namespaced by area
(``answer.*``, ``legislators.*``, ``alerts.*``) so files never clash. A key missing in a language
falls back to English. Values substituted into a template must be escaped by the caller
(``html.escape``) when they come from knowledge or users.

Dates and plurals follow each language's own rules, from the Unicode CLDR through Babel: "June
27, 2019", "27 de junio de 2019", "27 de junho de 2019"; a count picks ``<key>.one``,
``<key>.other`` (or any CLDR category a language has) when the catalog has them. Adding a
language is a folder of YAML files and nothing else.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from datetime import date as _date
from functools import cache
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_skeleton

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

    def plural(self, key: str, lang: str, count: int, /, **values: object) -> str:
        """Return ``key`` for ``count`` in ``lang``: ``key.one`` for 1 in English, and so on.

        The form is the language's CLDR plural category; a catalog without plural forms for
        ``key`` gives ``key`` itself. ``count`` is passed to the template too.
        """
        locale = _locale(lang)
        form = locale.plural_form(count) if locale is not None else "other"
        for candidate in (f"{key}.{form}", f"{key}.other", key):
            if candidate in self.messages.get(lang, {}) or self.has(candidate):
                return self.t(candidate, lang, count=count, **values)
        raise KeyError(key)

    def ordinal(self, number: int, lang: str = DEFAULT_LANGUAGE) -> str:
        """ "194th", "194.º", "194º": ``language.ordinal.<CLDR ordinal category>``."""
        locale = _locale(lang)
        form = locale.ordinal_form(number) if locale is not None else "other"
        for key in (f"language.ordinal.{form}", "language.ordinal.other"):
            if key in self.messages.get(lang, {}) or self.has(key):
                return self.t(key, lang, number=number)
        return str(number)

    def date(self, value: date | Day, lang: str = DEFAULT_LANGUAGE) -> str:
        """Every date people read, in the language's long format: "June 27, 2019", "27 de junio
        de 2019"; a month alone: "June 2023", "junho de 2023"."""
        day = value if isinstance(value, Day) else Day.parse(value)
        locale = _locale(lang)
        if locale is not None:
            moment = _date(day.year, day.month, day.day or 1)
            if day.day is None:
                return format_skeleton("yMMMM", moment, locale=locale)
            return format_date(moment, "long", locale=locale)
        # A language CLDR does not know: the catalog's own month names and patterns.
        month = self.t("date.months", lang).split()[day.month - 1]
        if day.day is None:
            return self.t("date.month", lang, month=month, year=day.year)
        return self.t("date.day", lang, month=month, day=day.day, year=day.year)


@cache
def _locale(lang: str) -> Locale | None:
    """The CLDR locale of a catalog's language code (``pt`` is Brazilian Portuguese)."""
    try:
        return Locale.parse(lang)
    except (UnknownLocaleError, ValueError):
        return None
