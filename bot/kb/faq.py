"""The FAQ section: knowledge/faq.yaml, validated and written to the ``faq`` table.

Each answer is Telegram HTML, checked at build; it may use ``{ma_bans}`` (the Massachusetts bans
and moratoria in force, from measures.yaml) and ``{bills_status}`` (whether the session's bills
are pending or the session ended, from bills.yaml), so it never repeats a fact that can change.
An entry's ``translations`` give the questions and answer in other languages, checked the same
way and with the English answer's placeholders.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Annotated

import sqlite_utils
from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from bot.kb.errors import KnowledgeError
from bot.kb.html import check_template, placeholders
from bot.kb.section import entry_label, read_yaml, require_unique, validate_entries

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Url = Annotated[str, StringConstraints(pattern=r"^https?://\S+$")]
Lang = Annotated[str, StringConstraints(pattern=r"^[a-z]{2}$")]
FAQ_PLACEHOLDERS = ("ma_bans", "bills_status")
_SAMPLES = {"ma_bans": "• <b>Somerville</b>: ban, June 27, 2019", "bills_status": "Pending."}


class FaqSource(BaseModel):
    model_config = ConfigDict(extra="forbid")
    url: Url
    publisher: Text
    kind: Text


class FaqTranslation(BaseModel):
    """The ways people ask, and the answer, in one more language."""

    model_config = ConfigDict(extra="forbid")
    questions: list[Text] = Field(min_length=1)
    answer: Text


class FaqEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
    questions: list[Text] = Field(min_length=1)
    answer: Text
    sources: list[FaqSource] = Field(min_length=1)
    checked: date  # when a person last checked the answer against its sources
    translations: dict[Lang, FaqTranslation] = {}


class FaqSection:
    name = "faq"
    files = ("faq.yaml",)

    def load(self, knowledge_dir: Path) -> list[FaqEntry]:
        shown, raw = read_yaml(knowledge_dir, "faq.yaml")
        label = entry_label("id")
        entries = validate_entries(shown, raw, FaqEntry, label)
        require_unique(shown, ((f"#{i + 1} ({e.id})", e.id) for i, e in enumerate(entries)), "id")
        for index, entry in enumerate(entries):
            where = label(index, raw[index])
            check_template(shown, where, "answer", entry.answer, FAQ_PLACEHOLDERS, _SAMPLES)
            english = set(placeholders(shown, where, "answer", entry.answer))
            for lang, translation in entry.translations.items():
                field = f"translations.{lang}.answer"
                check_template(shown, where, field, translation.answer, FAQ_PLACEHOLDERS, _SAMPLES)
                if set(placeholders(shown, where, field, translation.answer)) != english:
                    raise KnowledgeError(shown, where, field, "placeholders differ from English")
        return entries

    def write(self, db: sqlite_utils.Database, data: list[FaqEntry]) -> None:
        db.table("faq").insert_all(
            (
                {
                    "id": entry.id,
                    # Every language's questions find the entry; the answer is read in the
                    # resident's language.
                    "questions": json.dumps(
                        [
                            *entry.questions,
                            *(q for t in entry.translations.values() for q in t.questions),
                        ],
                        ensure_ascii=False,
                    ),
                    "answer": entry.answer,
                    "answers": json.dumps(
                        {lang: t.answer for lang, t in entry.translations.items()},
                        ensure_ascii=False,
                    ),
                    "sources": json.dumps([s.model_dump() for s in entry.sources]),
                    "checked": entry.checked.isoformat(),
                }
                for entry in data
            ),
            pk="id",
        )


SECTION = FaqSection()
