"""The message catalogs, ``knowledge/messages/<lang>/*.yaml``: read, and checked at build.

Every text is checked as Telegram HTML (its ``{placeholders}`` filled with a sample), so a bad tag
fails ``python -m bot kb build`` naming the file, the key and the field instead of breaking a
reply; a button label is checked to be plain text. A translation must use the same placeholders
as the English text, and have no key English lacks.
"""

from __future__ import annotations

import re
from pathlib import Path

import sqlite_utils
import yaml

from bot.kb.errors import KnowledgeError
from bot.kb.html import check_template, placeholders
from bot.kb.models import DEFAULT_LANGUAGE

MESSAGES_DIR = "messages"

Catalogs = dict[str, dict[str, str]]


def read_catalogs(knowledge_dir: Path) -> tuple[Catalogs, dict[tuple[str, str], str]]:
    """Every language's messages, and the file each (language, key) comes from."""
    root = knowledge_dir / MESSAGES_DIR
    languages: Catalogs = {}
    origin: dict[tuple[str, str], str] = {}
    if not root.is_dir():
        raise KnowledgeError(f"{knowledge_dir.name}/{MESSAGES_DIR}", None, None, "missing")
    for lang_dir in sorted(p for p in root.iterdir() if p.is_dir()):
        merged: dict[str, str] = {}
        for path in sorted(lang_dir.glob("*.yaml")):
            shown = str(path.relative_to(knowledge_dir.parent))
            try:
                data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            except yaml.YAMLError as exc:
                raise KnowledgeError(shown, None, None, f"YAML syntax error: {exc}") from exc
            if not isinstance(data, dict):
                raise KnowledgeError(shown, None, None, "expected a mapping of key: text")
            for key, value in data.items():
                if not isinstance(value, str):
                    raise KnowledgeError(shown, str(key), "text", "expected a string")
                if key in merged:
                    raise KnowledgeError(shown, str(key), None, "key defined twice")
                merged[str(key)] = value
                origin[(lang_dir.name, str(key))] = shown
        languages[lang_dir.name] = merged
    if DEFAULT_LANGUAGE not in languages:
        raise KnowledgeError(str(root), None, None, "no English catalog")
    return languages, origin


def is_label(key: str) -> bool:
    """Button labels (``button.*``, ``legislators.button.*``) are plain text, never HTML."""
    return "button" in key.split(".")


_MARKUP = re.compile(r"<[a-zA-Z/][^>]*>|&(#[0-9]+|#x[0-9a-fA-F]+|[a-zA-Z]+);")


def _check_label(shown: str, key: str, text: str) -> None:
    # Telegram shows a label as typed: "&amp;" or "<b>" would appear literally on the button.
    found = _MARKUP.search(text)
    if found:
        raise KnowledgeError(
            shown, key, "text", f"a button label is plain text, not HTML: {found.group(0)!r}"
        )


def translation_findings(knowledge_dir: Path) -> list[str]:
    """What each language lacks against English: missing keys, placeholders that differ, and
    keys English does not have. One line each, naming the file to edit (``kb check``)."""
    catalogs, origin = read_catalogs(knowledge_dir)
    english = catalogs[DEFAULT_LANGUAGE]
    findings: list[str] = []
    for lang in sorted(catalogs):
        if lang == DEFAULT_LANGUAGE:
            continue
        messages = catalogs[lang]
        for key, text in english.items():
            shown = origin[(DEFAULT_LANGUAGE, key)].replace(f"/{DEFAULT_LANGUAGE}/", f"/{lang}/")
            if key not in messages:
                findings.append(f"{shown}: {key}: missing in {lang}")
                continue
            wanted = _names(text)
            found = _names(messages[key])
            if wanted is not None and found is not None and found != wanted:
                use = ", ".join("{" + n + "}" for n in sorted(wanted)) or "none"
                findings.append(
                    f"{origin[(lang, key)]}: {key}: placeholders differ from English: use {use}"
                )
        for key in sorted(set(messages) - set(english)):
            findings.append(f"{origin[(lang, key)]}: {key}: no such key in the English catalog")
    return findings


def _names(text: str) -> set[str] | None:
    try:
        return set(placeholders("", None, "", text))
    except KnowledgeError:
        return None  # a bad brace: the build names it


class MessagesSection:
    """``messages/<lang>/*.yaml``: every text people read, checked as Telegram HTML."""

    name = "messages"
    files = (MESSAGES_DIR,)

    def load(self, knowledge_dir: Path) -> Catalogs:
        catalogs, origin = read_catalogs(knowledge_dir)
        english = catalogs[DEFAULT_LANGUAGE]
        for lang, messages in catalogs.items():
            for key, text in messages.items():
                shown = origin[(lang, key)]
                names = placeholders(shown, key, "text", text)
                if is_label(key):
                    _check_label(shown, key, text)
                else:
                    check_template(shown, key, "text", text, names)
                if lang == DEFAULT_LANGUAGE:
                    continue
                if key not in english:
                    raise KnowledgeError(shown, key, None, "no such key in the English catalog")
                expected = set(placeholders(shown, key, "text", english[key]))
                if set(names) != expected:
                    wanted = ", ".join(sorted("{" + n + "}" for n in expected)) or "none"
                    raise KnowledgeError(
                        shown, key, "text", f"placeholders differ from English: use {wanted}"
                    )
        return catalogs

    def write(self, db: sqlite_utils.Database, data: Catalogs) -> None:
        db.table("messages").insert_all(
            (
                {"language": lang, "key": key, "text": text}
                for lang, messages in data.items()
                for key, text in messages.items()
            ),
            pk=("language", "key"),
        )


SECTION = MessagesSection()
