"""Per-chat flood protection: a few messages a second are fine, a stream is not.

The gate judges each message when it arrives, before any work is queued for it, so a backlog
never hides how fast a chat is sending. A chat over the limit is told once, then muted: every
message it sends while muted is dropped unread, and its count starts afresh afterwards.

Memory is bounded whatever the number of chats: only chats seen within the window (or still
muted) are kept, and at most ``max_chats`` of each, the least recently seen going first.
"""

from __future__ import annotations

from collections import OrderedDict
from enum import Enum


class Verdict(Enum):
    PASS = "pass"
    WARN = "warn"  # the first message over the limit: tell the chat once, then mute it
    DROP = "drop"  # a message from a muted chat


class FloodGate:
    """At most ``limit`` messages in ``window`` seconds per chat; beyond, ``mute`` seconds off."""

    def __init__(
        self, limit: int, window: float, mute: float = 60.0, max_chats: int = 10_000
    ) -> None:
        self.limit = limit
        self.window = window
        self.mute = mute
        self.max_chats = max_chats
        # Least recently seen first: the arrival times within the window, per chat.
        self._recent: OrderedDict[int, tuple[float, ...]] = OrderedDict()
        # Earliest end first (every mute lasts as long): when each muted chat may write again.
        self._muted: OrderedDict[int, float] = OrderedDict()

    def check(self, chat: int, now: float) -> Verdict:
        """Record one message from ``chat`` arriving at ``now`` (seconds) and judge it."""
        self._forget_before(now)
        if chat in self._muted:
            return Verdict.DROP
        recent = self._recent.pop(chat, ())
        recent = tuple(at for at in recent if now - at < self.window)
        if len(recent) < self.limit:
            self._recent[chat] = (*recent, now)
            if len(self._recent) > self.max_chats:
                self._recent.popitem(last=False)
            return Verdict.PASS
        self._muted[chat] = now + self.mute
        if len(self._muted) > self.max_chats:
            self._muted.popitem(last=False)
        return Verdict.WARN

    def __len__(self) -> int:
        """How many chats the gate remembers (for tests and memory checks)."""
        return len(self._recent) + len(self._muted)

    def _forget_before(self, now: float) -> None:
        # Both dicts are ordered by time, so the stale entries are at the front.
        while self._muted and next(iter(self._muted.values())) <= now:
            self._muted.popitem(last=False)
        while self._recent:
            chat, times = next(iter(self._recent.items()))
            if now - times[-1] < self.window:
                break
            del self._recent[chat]
