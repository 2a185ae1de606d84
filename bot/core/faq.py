"""Answer common questions by fuzzy intent matching over the ways people ask them."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from rapidfuzz import fuzz, process

from bot.core.normalize import fold
from bot.kb.models import Source

# ``token_sort_ratio`` compares the question's words regardless of order, so "ban why" and
# "why ban it" meet, while a one-word message cannot reach a five-word question (unlike
# ``token_set_ratio``, which scores any subset 100). 72 accepts the rephrasings in
# tests/test_faq.py and rejects town names and chatter ("thanks", "boston") that score below 60.
MATCH_SCORE = 72.0


@dataclass(frozen=True)
class FaqItem:
    id: str
    questions: tuple[str, ...]  # in every language: any of them finds the entry
    answer: str  # Telegram HTML, English
    sources: tuple[Source, ...]
    checked: date  # when a person last checked the answer against its sources
    answers: Mapping[str, str] = field(default_factory=dict)  # by language
    kinds: tuple[Mapping[str, str], ...] = ()  # each source's kind by language

    def text(self, lang: str) -> str:
        """The answer in ``lang``, or in English when it has none."""
        return self.answers.get(lang) or self.answer

    def kind(self, index: int, lang: str) -> str:
        """The kind of source ``index`` in ``lang`` ("Campaign page"), English when missing."""
        kinds = self.kinds[index] if index < len(self.kinds) else {}
        return kinds.get(lang) or self.sources[index].kind


class Faq:
    """The FAQ entries and a matcher over their questions."""

    def __init__(self, items: Iterable[FaqItem]) -> None:
        self.items = {item.id: item for item in items}
        self._choices: list[str] = []
        self._owners: list[str] = []
        for item in self.items.values():
            for question in item.questions:
                self._choices.append(fold(question))
                self._owners.append(item.id)

    @classmethod
    def from_rows(cls, rows: Iterable[Mapping[str, object]]) -> Faq:
        """Build from rows of the knowledge database's ``faq`` table."""
        items = []
        for row in rows:
            sources = json.loads(str(row["sources"]))
            kinds = tuple(_by_language(s["kind"]) for s in sources)
            items.append(
                FaqItem(
                    id=str(row["id"]),
                    questions=tuple(json.loads(str(row["questions"]))),
                    answer=str(row["answer"]),
                    sources=tuple(
                        Source(**{**s, "kind": k.get("en", "")})
                        for s, k in zip(sources, kinds, strict=True)
                    ),
                    checked=date.fromisoformat(str(row["checked"])),
                    answers=json.loads(str(row["answers"])) if row.get("answers") else {},
                    kinds=kinds,
                )
            )
        return cls(items)

    def match(self, text: str) -> FaqItem | None:
        """The entry a message asks about, or None."""
        query = fold(text[:300])
        if len(query) < 3 or not self._choices:
            return None
        found = process.extractOne(
            query, self._choices, scorer=fuzz.token_sort_ratio, score_cutoff=MATCH_SCORE
        )
        if found is None:
            return None
        return self.items[self._owners[found[2]]]


def _by_language(value: object) -> dict[str, str]:
    """A source's kind as stored: a string (English) or a mapping by language."""
    if isinstance(value, dict):
        return {str(k): str(v) for k, v in value.items()}
    return {"en": str(value)}
