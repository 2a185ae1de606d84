"""Message catalogs: the text people read, per language, kept out of the code.

Catalogs live in ``knowledge/messages/<lang>/*.yaml`` as flat mappings from a dotted key to a
template in Telegram HTML with ``str.format`` placeholders. Every file of a language is merged;
keys are namespaced by area (``answer.*``, ``legislators.*``, ``alerts.*``) so files never clash.
A key missing in a language falls back to English. Values substituted into a template must be
escaped by the caller (``html.escape``) when they come from knowledge or users.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

from bot import DEFAULT_KNOWLEDGE_DIR
from bot.kb.errors import KnowledgeError

DEFAULT_LANGUAGE = "en"


@dataclass(frozen=True)
class Catalog:
    """All languages' messages."""

    messages: Mapping[str, Mapping[str, str]]

    @classmethod
    def load(cls, knowledge_dir: Path = DEFAULT_KNOWLEDGE_DIR) -> Catalog:
        """Read every ``messages/<lang>/*.yaml`` file; fail with file and key on a bad entry."""
        root = knowledge_dir / "messages"
        languages: dict[str, dict[str, str]] = {}
        for lang_dir in sorted(p for p in root.iterdir() if p.is_dir()):
            merged: dict[str, str] = {}
            for path in sorted(lang_dir.glob("*.yaml")):
                rel = str(path.relative_to(knowledge_dir.parent))
                try:
                    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
                except yaml.YAMLError as exc:
                    raise KnowledgeError(rel, None, None, f"YAML syntax error: {exc}") from exc
                if not isinstance(data, dict):
                    raise KnowledgeError(rel, None, None, "expected a mapping of key: text")
                for key, value in data.items():
                    if not isinstance(value, str):
                        raise KnowledgeError(rel, str(key), "text", "expected a string")
                    if key in merged:
                        raise KnowledgeError(rel, str(key), None, "key defined twice")
                    merged[str(key)] = value
            languages[lang_dir.name] = merged
        if DEFAULT_LANGUAGE not in languages:
            raise KnowledgeError(str(root), None, None, "no English catalog")
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
