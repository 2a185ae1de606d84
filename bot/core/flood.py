"""Per-user flood protection: a few messages a second are fine, a stream is not."""

from __future__ import annotations

from collections import deque
from enum import Enum


class Verdict(Enum):
    PASS = "pass"
    WARN = "warn"  # the first message over the limit: tell the user once
    DROP = "drop"  # the rest, until the window clears


class FloodGate:
    """A sliding window per user; other users are never slowed by one user's burst."""

    def __init__(self, limit: int, window: float, max_users: int = 100_000) -> None:
        self.limit = limit
        self.window = window
        self.max_users = max_users
        self._seen: dict[int, deque[float]] = {}
        self._warned: set[int] = set()

    def check(self, user: int, now: float) -> Verdict:
        """Record one message from ``user`` at ``now`` (seconds) and judge it."""
        times = self._seen.get(user)
        if times is None:
            if len(self._seen) >= self.max_users:
                self._prune(now)
            times = self._seen[user] = deque()
        while times and now - times[0] > self.window:
            times.popleft()
        if len(times) < self.limit:
            times.append(now)
            self._warned.discard(user)
            return Verdict.PASS
        if user in self._warned:
            return Verdict.DROP
        self._warned.add(user)
        return Verdict.WARN

    def _prune(self, now: float) -> None:
        for user in [u for u, t in self._seen.items() if not t or now - t[-1] > self.window]:
            del self._seen[user]
            self._warned.discard(user)
