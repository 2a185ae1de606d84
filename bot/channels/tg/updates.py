"""Take updates as they arrive: judge floods at once, then handle chats in turn.

python-telegram-bot hands every fetched update to the application's update processor at once
(a task per update), and the processor decides when it is handled. Its default processor
handles them first come, first served, a few at a time: one chat sending ten messages a second
fills the queue, every other chat waits behind it, and a flood guard that runs as a handler only
sees the trickle that gets through. :class:`FairUpdateProcessor` instead:

1. counts each update against its chat's flood limit when it arrives, before anything is
   queued for it (:class:`~bot.core.flood.FloodGate`); an update from a muted chat is dropped
   unread, and the first one over the limit is marked so the flood guard handler can say
   "slow down" once;
2. handles at most one update per chat at a time (so a chat's replies keep its order) and
   takes chats in turn (round-robin): a chat with a backlog goes to the back of the line after
   each of its updates, so it never delays another chat's next update;
3. handles at most ``max_chats`` chats at once.

Fairness between chats for the replies themselves comes from the pacer
(:mod:`bot.broadcast.pacer`): it holds at most one message per chat in its queue.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Awaitable, Hashable
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor

from bot.core.flood import FloodGate, Verdict

# The processor's own semaphore admits updates this early: far more than can ever be waiting,
# so that every update is judged on arrival; :class:`FairTurns` bounds the work in progress.
ADMIT = 1_000_000
MAX_CHATS = 64  # chats handled at once: each waits mostly on Telegram or the pacer, not the CPU


class FairTurns:
    """Turns for keys (chats): one at a time per key, ``limit`` keys at once, keys in rotation."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._waiting: dict[Hashable, deque[asyncio.Future[None]]] = {}
        self._ready: deque[Hashable] = deque()  # keys with a waiter and no turn in progress
        self._busy: set[Hashable] = set()

    async def take(self, key: Hashable) -> None:
        """Wait for ``key``'s turn; the caller must call :meth:`done` afterwards."""
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        queue = self._waiting.setdefault(key, deque())
        queue.append(future)
        if key not in self._busy and len(queue) == 1:
            self._ready.append(key)
        self._grant()
        try:
            await future
        except asyncio.CancelledError:
            if future.done() and not future.cancelled():
                self.done(key)  # granted just before the cancellation: give the turn back
            else:
                self._withdraw(key, future)
            raise

    def done(self, key: Hashable) -> None:
        """End ``key``'s turn; its next waiter goes to the back of the line."""
        self._busy.discard(key)
        if self._waiting.get(key):
            self._ready.append(key)
        else:
            self._waiting.pop(key, None)
        self._grant()

    def __len__(self) -> int:
        """How many keys have a turn in progress or waiting (for tests and memory checks)."""
        return len(self._busy | self._waiting.keys())

    def _grant(self) -> None:
        while self._ready and len(self._busy) < self.limit:
            key = self._ready.popleft()
            queue = self._waiting[key]
            future = queue.popleft()
            if not queue:
                del self._waiting[key]
            self._busy.add(key)
            future.set_result(None)

    def _withdraw(self, key: Hashable, future: asyncio.Future[None]) -> None:
        queue = self._waiting.get(key)
        if queue is None or future not in queue:
            return
        queue.remove(future)
        if not queue:
            del self._waiting[key]
            if key in self._ready:
                self._ready.remove(key)


def chat_key(update: object) -> Hashable:
    """Whose turn an update takes: its chat, else its sender, else its own.

    An inline query takes a turn of its own per sender, outside the flood count: a client sends
    one per keystroke, and typing "@bot cambridge" must not mute the sender's private chat.
    """
    if isinstance(update, Update):
        if update.inline_query is not None:
            return ("inline", update.inline_query.from_user.id)
        if update.effective_chat is not None:
            return update.effective_chat.id
        if update.effective_user is not None:
            return update.effective_user.id
        return ("update", update.update_id)
    return ("object", id(update))


class FairUpdateProcessor(BaseUpdateProcessor):
    """Judge floods on arrival, then handle one update per chat at a time, chats in turn."""

    def __init__(self, gate: FloodGate, max_chats: int = MAX_CHATS) -> None:
        super().__init__(ADMIT)
        self.gate = gate
        self.turns = FairTurns(max_chats)
        self._warned: set[int] = set()  # update ids over the limit, for the flood guard
        self.dropped = 0

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to release."""

    def warned(self, update: Update) -> bool:
        """True for the update that took its chat over the limit (asked once per update)."""
        if update.update_id in self._warned:
            self._warned.discard(update.update_id)
            return True
        return False

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        """Drop a muted chat's update, else wait for the chat's turn and handle it."""
        key = chat_key(update)
        if isinstance(update, Update) and isinstance(key, int):
            verdict = self.gate.check(key, asyncio.get_running_loop().time())
            if verdict is Verdict.DROP:
                self.dropped += 1
                if asyncio.iscoroutine(coroutine):
                    coroutine.close()  # never started: nothing to clean up, no warning
                return
            if verdict is Verdict.WARN:
                self._warned.add(update.update_id)
        try:
            await self.turns.take(key)
        except asyncio.CancelledError:
            if asyncio.iscoroutine(coroutine):
                coroutine.close()
            raise
        try:
            await coroutine
        finally:
            self.turns.done(key)
            if isinstance(update, Update):
                self._warned.discard(update.update_id)
