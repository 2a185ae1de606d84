"""The FAQ section: knowledge/faq.yaml, validated and written to the ``faq`` table.

Each answer is Telegram HTML, checked at build; it may use ``{ma_bans}`` (the Massachusetts bans
and moratoria in force, from measures.yaml) and ``{bills_status}`` (whether the session's bills
are pending or the session ended, from bills.yaml), so it never repeats a fact that can change.
An answer, its questions and a source's kind may be given by language (``bot/kb/texts.py``); the
questions of every language are matched, and the answer is read in the resident's language.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Annotated

import sqlite_utils
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from bot.kb.html import check_template
from bot.kb.section import entry_label, read_yaml, require_unique, validate_entries
from bot.kb.texts import LANGUAGE_CODE, fold_blocks

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Url = Annotated[str, StringConstraints(pattern=r"^https?://\S+$")]
FAQ_PLACEHOLDERS = ("ma_bans", "bills_status")
_SAMPLES = {"ma_bans": "• <b>Somerville</b>: ban, June 27, 2019", "bills_status": "Pending."}


def _languages(texts: dict[str, object]) -> None:
    if "en" not in texts:
        raise ValueError("an English text (en) is required")
    for lang in texts:
        if not LANGUAGE_CODE.match(lang):
            raise ValueError(f"{lang!r} is not a language code such as es or pt")


class FaqSource(BaseModel):
    model_config = ConfigDict(extra="forbid")
    url: Url
    publisher: Text
    kind: dict[str, Text]  # by language; a string alone is English

    @model_validator(mode="before")
    @classmethod
    def _by_language(cls, raw: object) -> object:
        return fold_blocks(raw, ("kind",))

    @model_validator(mode="after")
    def _english_required(self) -> FaqSource:
        _languages(dict(self.kind))
        return self


class FaqEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
    questions: dict[str, list[Text]]  # by language; a list alone is English
    answer: dict[str, Text]  # by language; a string alone is English
    sources: list[FaqSource] = Field(min_length=1)
    checked: date  # when a person last checked the answer against its sources

    @model_validator(mode="before")
    @classmethod
    def _by_language(cls, raw: object) -> object:
        if isinstance(raw, dict) and isinstance(raw.get("questions"), list):
            raw = {**raw, "questions": {"en": raw["questions"]}}
        return fold_blocks(raw, ("answer", "questions"))

    @model_validator(mode="after")
    def _english_required(self) -> FaqEntry:
        _languages(dict(self.answer))
        _languages(dict(self.questions))
        if not self.questions["en"]:
            raise ValueError("at least one English question is required")
        return self


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
            for lang, answer in entry.answer.items():
                field = "answer" if lang == "en" else f"answer.{lang}"
                check_template(shown, where, field, answer, FAQ_PLACEHOLDERS, _SAMPLES)
        return entries

    def write(self, db: sqlite_utils.Database, data: list[FaqEntry]) -> None:
        db.table("faq").insert_all(
            (
                {
                    "id": entry.id,
                    "questions": json.dumps(
                        [q for questions in entry.questions.values() for q in questions]
                    ),
                    "answer": entry.answer["en"],
                    "answers": json.dumps(entry.answer),
                    "sources": json.dumps([s.model_dump() for s in entry.sources]),
                    "checked": entry.checked.isoformat(),
                }
                for entry in data
            ),
            pk="id",
        )


SECTION = FaqSection()
