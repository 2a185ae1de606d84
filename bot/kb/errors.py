"""Errors raised while loading the knowledge files."""

from __future__ import annotations


class KnowledgeError(Exception):
    """A knowledge file is malformed; names the file, the entry and the field."""

    def __init__(self, file: str, entry: str | None, field: str | None, message: str) -> None:
        self.file = file
        self.entry = entry
        self.field = field
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.file
        if self.entry is not None:
            where += f": entry {self.entry}"
        if self.field is not None:
            where += f": field {self.field!r}"
        return f"{where}: {self.message}"
