"""One pacer for everything the bot sends: Telegram's overall limit, per chat, replies first.

Telegram allows about 30 messages a second overall (1,000 with paid broadcasts) and about one a
second in one chat. Residents' replies and organizer broadcasts share that budget, so a single
:class:`Pacer` serves both: the broadcast engine asks at :attr:`Priority.BROADCAST`, the bot's
rate limiter (``bot/channels/tg/ratelimit.py``) at :attr:`Priority.REPLY`. A waiting reply gets
the next slot before any waiting broadcast message, so a reply waits at most one slot
(1/rate seconds) behind a broadcast, never behind the queue of it.

Why not python-telegram-bot's AIORateLimiter for broadcasts: it lets about 60 messages through
in the first second before settling at 30/s (a leaky bucket that starts full), and with a whole
broadcast queued on it a reply waits behind every queued send (8 s measured).

Slots are spaced evenly (a token bucket of depth ``burst``, 1 by default: no bursts), computed
as a generic cell rate algorithm: ``_tat`` is the theoretical arrival time of the next slot.
"""

from __future__ import annotations

import asyncio
import heapq
import itertools
from collections.abc import Callable
from enum import IntEnum

from bot.config import Settings


class Priority(IntEnum):
    """Lower goes first."""

    REPLY = 0
    BROADCAST = 10


class TokenSchedule:
    """Evenly spaced slots at ``rate`` per second, at most ``burst`` at once (pure, no I/O)."""

    def __init__(self, rate: float, burst: int = 1) -> None:
        if rate <= 0 or burst < 1:
            raise ValueError("rate must be positive and burst at least 1")
        self.interval = 1.0 / rate
        self.burst = burst
        self._tat = float("-inf")
        self._paused_until = float("-inf")

    def next_slot(self, now: float) -> float:
        """Return the earliest time a slot is free (``now`` or later)."""
        earliest = self._tat - (self.burst - 1) * self.interval
        return max(now, earliest, self._paused_until)

    def take(self, now: float) -> None:
        """Use the slot at ``now``; call only when ``next_slot(now) <= now``."""
        self._tat = max(self._tat, now) + self.interval

    def pause_until(self, when: float) -> None:
        """Give out no slot before ``when`` (Telegram said "retry after")."""
        self._paused_until = max(self._paused_until, when)


TELEGRAM_RATE = 30.0  # Telegram's free broadcast limit, messages per second
PAID_RATE = 1000.0  # with allow_paid_broadcast (charged in Stars above the free limit)


def send_rate(settings: Settings) -> float:
    """The overall send rate: BROADCAST_RATE, or 1,000/s for paid broadcasts."""
    if settings.paid_broadcast and settings.broadcast_rate <= TELEGRAM_RATE:
        return PAID_RATE
    return settings.broadcast_rate


class Pacer:
    """Hand out send slots: overall rate, per-chat spacing, replies before broadcasts.

    Use from one event loop at a time. ``per_chat_interval`` spaces two messages to the same
    chat; the overall ``rate`` spaces all messages.
    """

    def __init__(
        self,
        rate: float = 30.0,
        per_chat_interval: float = 1.0,
        *,
        burst: int = 1,
        clock: Callable[[], float] | None = None,
    ) -> None:
        self.rate = rate
        self.per_chat_interval = per_chat_interval
        self._schedule = TokenSchedule(rate, burst)
        self._clock = clock
        self._queue: list[tuple[int, int, asyncio.Future[None]]] = []
        self._seq = itertools.count()
        self._timer: asyncio.TimerHandle | None = None
        self._chat_last: dict[int, float] = {}
        self._chat_locks: dict[int, tuple[asyncio.Lock, int]] = {}
        self.waiting = [0, 0]  # [replies, broadcasts] waiting for a slot, for tests and metrics

    @classmethod
    def for_settings(cls, settings: Settings) -> Pacer:
        """The pacer of one process: the configured overall rate and per-chat spacing."""
        return cls(rate=send_rate(settings), per_chat_interval=1.0 / settings.per_chat_rate)

    def _now(self) -> float:
        return self._clock() if self._clock else asyncio.get_running_loop().time()

    async def acquire(self, chat_id: int | None, priority: Priority = Priority.BROADCAST) -> None:
        """Wait for a slot to send one message to ``chat_id`` (None: no per-chat spacing)."""
        if chat_id is None:
            await self._slot(priority)
            return
        lock = self._chat_lock(chat_id)
        try:
            async with lock:
                last = self._chat_last.get(chat_id)
                if last is not None:
                    delay = last + self.per_chat_interval - self._now()
                    if delay > 0:
                        await asyncio.sleep(delay)
                await self._slot(priority)
                self._chat_last[chat_id] = self._now()
        finally:
            self._release_chat_lock(chat_id)
        if len(self._chat_last) > 4096:
            self._forget_old_chats()

    def pause(self, seconds: float) -> None:
        """Give out no slot for ``seconds`` (Telegram answered 429 with retry_after)."""
        self._schedule.pause_until(self._now() + seconds)
        self._reschedule()

    # -- the priority queue of waiters ----------------------------------------------------

    async def _slot(self, priority: Priority) -> None:
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        heapq.heappush(self._queue, (int(priority), next(self._seq), future))
        index = 0 if priority == Priority.REPLY else 1
        self.waiting[index] += 1
        try:
            self._grant()
            await future
        finally:
            self.waiting[index] -= 1

    def _grant(self) -> None:
        """Hand out every slot that is due, best priority first, then arm the timer."""
        now = self._now()
        while self._queue:
            if self._queue[0][2].done():  # cancelled while waiting
                heapq.heappop(self._queue)
                continue
            due = self._schedule.next_slot(now)
            if due > now:
                self._arm(due - now)
                return
            _, _, future = heapq.heappop(self._queue)
            self._schedule.take(now)
            future.set_result(None)

    def _arm(self, delay: float) -> None:
        if self._timer is not None:
            self._timer.cancel()
        self._timer = asyncio.get_running_loop().call_later(delay, self._on_timer)

    def _on_timer(self) -> None:
        self._timer = None
        self._grant()

    def _reschedule(self) -> None:
        if self._queue:
            self._grant()

    # -- per-chat bookkeeping -------------------------------------------------------------

    def _chat_lock(self, chat_id: int) -> asyncio.Lock:
        lock, users = self._chat_locks.get(chat_id, (None, 0))
        if lock is None:
            lock = asyncio.Lock()
        self._chat_locks[chat_id] = (lock, users + 1)
        return lock

    def _release_chat_lock(self, chat_id: int) -> None:
        lock, users = self._chat_locks[chat_id]
        if users <= 1:
            del self._chat_locks[chat_id]
        else:
            self._chat_locks[chat_id] = (lock, users - 1)

    def _forget_old_chats(self) -> None:
        horizon = self._now() - self.per_chat_interval
        for chat_id in [c for c, at in self._chat_last.items() if at < horizon]:
            del self._chat_last[chat_id]
