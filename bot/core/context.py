"""What the core knows about the person it is answering: nothing that is stored."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class UserContext:
    """The sender of one update. ``first_name`` is used for one message and never stored."""

    chat_id: int
    user_id: int | None = None
    language: str = "en"
    first_name: str | None = None
    is_organizer: bool = False
