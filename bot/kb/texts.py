"""Text people read in the knowledge files, by language.

A text field of ``scripts.yaml``, ``faq.yaml`` or ``bills.yaml`` is either one string (English)
or a mapping by language, as in ``measures.yaml``::

    call:
      en: "Hi, {intro} a constituent in {town}. ..."
      es: "Hola, {intro} ..."

An entry may also carry its translated fields per language, directly or under
``translations``, which comes to the same thing::

    call: "Hi, {intro} ..."
    translations:
      es:
        call: "Hola, {intro} ..."

English is required; another language may leave any field out (English is shown for it).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from bot.kb.models import DEFAULT_LANGUAGE

LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}$")


def by_language(value: Any) -> Any:
    """A string becomes ``{"en": value}``; a mapping is left for validation."""
    return {DEFAULT_LANGUAGE: value} if isinstance(value, str) else value


def fold_blocks(raw: Any, fields: Iterable[str]) -> Any:
    """Merge an entry's per-language blocks (``es: {call: ...}``) into its fields by language."""
    if not isinstance(raw, Mapping):
        return raw
    names = set(fields)
    merged: dict[str, Any] = {}
    blocks: dict[str, Mapping[str, Any]] = {}
    items = list(raw.items())
    translations = raw.get("translations")
    if "translations" not in names and isinstance(translations, Mapping):
        items = [(k, v) for k, v in items if k != "translations"] + list(translations.items())
    for key, value in items:
        code = isinstance(key, str) and LANGUAGE_CODE.match(key) and key not in names
        if code and isinstance(value, Mapping):
            blocks[key] = value
            continue
        merged[key] = by_language(value) if key in names else value
    for lang, block in blocks.items():
        for name, text in block.items():
            if name not in names:
                merged[f"{lang}.{name}"] = text  # fails validation, naming the field
                continue
            current = merged.get(name)
            if not isinstance(current, dict):
                current = {} if current is None else {"?": current}
            merged[name] = {**current, lang: text}
    return merged


def pick(texts: Mapping[str, Any], lang: str) -> Any:
    """The text in ``lang``, or in English when that language has none."""
    found = texts.get(lang)
    return found if found else texts[DEFAULT_LANGUAGE]
