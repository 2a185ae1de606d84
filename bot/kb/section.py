"""The pieces every knowledge section shares: YAML reading and validation with clear errors."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, Protocol, TypeVar

import sqlite_utils
import yaml
from pydantic import BaseModel, ValidationError

from bot.kb.errors import KnowledgeError

M = TypeVar("M", bound=BaseModel)
# libyaml's loader, where PyYAML was built with it, reads the generated files (world.yaml,
# common_words.yaml) about eight times faster than the pure-Python one.
_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class Section(Protocol):
    """One part of the knowledge: the YAML files it reads and the tables it writes."""

    @property
    def name(self) -> str:
        """A short name for logs."""

    @property
    def files(self) -> tuple[str, ...]:
        """The YAML files under knowledge/ this section reads."""

    def load(self, knowledge_dir: Path) -> Any:
        """Read and validate the files; raise KnowledgeError on the first problem."""

    def write(self, db: sqlite_utils.Database, data: Any) -> None:
        """Write the validated data into a new database."""


def read_yaml(knowledge_dir: Path, name: str) -> tuple[str, Any]:
    """Return the file's display name (``knowledge/x.yaml``) and its parsed content."""
    path = knowledge_dir / name
    shown = f"{knowledge_dir.name}/{name}"
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise KnowledgeError(shown, None, None, "file is missing") from None
    try:
        return shown, yaml.load(text, Loader=_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" at line {mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise KnowledgeError(shown, None, None, f"YAML syntax error{line}: {problem}") from None


def validate_entries(
    shown: str,
    items: Any,
    model: type[M],
    label: Callable[[int, Any], str],
) -> list[M]:
    """Validate a YAML list entry by entry; name the entry and field of the first error.

    ``label(index, raw)`` names an entry for people, e.g. ``#12 (Somerville)``.
    """
    if not isinstance(items, list):
        raise KnowledgeError(shown, None, None, "expected a list of entries")
    result: list[M] = []
    for index, raw in enumerate(items):
        try:
            result.append(model.model_validate(raw))
        except ValidationError as exc:
            error = exc.errors()[0]
            field = ".".join(str(part) for part in error["loc"]) or None
            raise KnowledgeError(shown, label(index, raw), field, error["msg"]) from None
    return result


def entry_label(key: str) -> Callable[[int, Any], str]:
    """Label entries by their position and, when present, the value of ``key``."""

    def label(index: int, raw: Any) -> str:
        if isinstance(raw, dict) and raw.get(key) is not None:
            return f"#{index + 1} ({raw[key]})"
        return f"#{index + 1}"

    return label


def require_unique(shown: str, values: Iterable[tuple[str, str]], field: str) -> None:
    """Fail on the first repeated key; ``values`` yields (entry label, key)."""
    seen: dict[str, str] = {}
    for label, key in values:
        if key in seen:
            raise KnowledgeError(shown, label, field, f"duplicate {key!r} (first at {seen[key]})")
        seen[key] = label
