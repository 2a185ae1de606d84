"""The FAQ section: knowledge/faq.yaml, validated and written to the ``faq`` table."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Annotated

import sqlite_utils
from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from bot.kb.section import entry_label, read_yaml, require_unique, validate_entries

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Url = Annotated[str, StringConstraints(pattern=r"^https?://\S+$")]


class FaqSource(BaseModel):
    model_config = ConfigDict(extra="forbid")
    title: Text
    url: Url


class FaqEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
    questions: list[Text] = Field(min_length=1)
    answer: Text
    sources: list[FaqSource] = Field(min_length=1)
    as_of: date


class FaqSection:
    name = "faq"
    files = ("faq.yaml",)

    def load(self, knowledge_dir: Path) -> list[FaqEntry]:
        shown, raw = read_yaml(knowledge_dir, "faq.yaml")
        entries = validate_entries(shown, raw, FaqEntry, entry_label("id"))
        require_unique(shown, ((f"#{i + 1} ({e.id})", e.id) for i, e in enumerate(entries)), "id")
        return entries

    def write(self, db: sqlite_utils.Database, data: list[FaqEntry]) -> None:
        db.table("faq").insert_all(
            (
                {
                    "id": entry.id,
                    "questions": json.dumps(entry.questions),
                    "answer": entry.answer,
                    "sources": json.dumps([s.model_dump() for s in entry.sources]),
                    "as_of": entry.as_of.isoformat(),
                }
                for entry in data
            ),
            pk="id",
        )


SECTION = FaqSection()
