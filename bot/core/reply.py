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
class LocationAsk:
    """An offer to share a location: ``text`` to read and a ``label`` for the channel's
    "share my location" button (Telegram: a reply-keyboard button with ``request_location``)."""

    text: str
    label: str


@dataclass(frozen=True)
class Reply:
    """A message for the user.

    ``text`` is Telegram HTML (the channel sets parse mode once); knowledge text inside it is
    already escaped. ``buttons`` are rows of buttons. ``edit`` asks the channel to edit the
    message that carried the pressed button instead of sending a new one. ``location`` offers
    the "share my location" button: on the message itself when it has no buttons of its own,
    otherwise in a short message of its own sent just before it.
    """

    text: str
    buttons: tuple[tuple[Button, ...], ...] = field(default_factory=tuple)
    edit: bool = False
    location: LocationAsk | None = None
