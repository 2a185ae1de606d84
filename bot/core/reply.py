"""The channel-neutral reply: what the core returns and every channel renders."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Button:
    """One button: either a callback (``data``) or a link (``url``)."""

    label: str
    data: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Reply:
    """A message for the user.

    ``text`` is Telegram HTML (the channel sets parse mode once); knowledge text inside it is
    already escaped. ``buttons`` are rows of buttons. ``edit`` asks the channel to edit the
    message that carried the pressed button instead of sending a new one.
    """

    text: str
    buttons: tuple[tuple[Button, ...], ...] = field(default_factory=tuple)
    edit: bool = False
