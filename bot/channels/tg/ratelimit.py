"""The bot's rate limiter: residents' replies through the shared pacer, ahead of broadcasts.

python-telegram-bot calls :meth:`PacedRateLimiter.process_request` for every Bot API request
of an ``Application`` built with ``.rate_limiter(PacedRateLimiter(pacer))``. Requests that put a
message in a chat (send*, copy*, forward*, editMessage*) wait for a slot at
:attr:`~bot.broadcast.pacer.Priority.REPLY`; the broadcast engine uses the same pacer at broadcast
priority, so a reply never queues behind a broadcast. Other requests (answerCallbackQuery,
getMe, ...) are not paced.

A reply that fails for a network error, a timeout or a 5xx (Telegram or a proxy in front of it
having a bad moment) is sent again, with a growing delay, for up to :data:`RETRY_FOR` seconds;
a 429 pauses the pacer for ``retry_after`` and is retried within the same time. A timeout may
hide a message that did arrive, so a retried reply can, rarely, arrive twice: better than not at
all. Bad requests, blocked chats and a rejected token are not retried.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from typing import Any

from telegram.error import BadRequest, NetworkError, RetryAfter
from telegram.ext import BaseRateLimiter

from bot.broadcast.pacer import Pacer, Priority
from bot.channels.tg.sender import ALREADY_PACED, retry_after_seconds

logger = logging.getLogger(__name__)

_PACED_PREFIXES = ("send", "copyMessage", "forwardMessage", "editMessage")
RETRY_FOR = 60.0  # seconds from the first attempt during which a failed reply is retried
FIRST_DELAY = 0.5  # then doubling, up to MAX_DELAY
MAX_DELAY = 8.0

Result = bool | dict[str, Any] | list[dict[str, Any]]


class PacedRateLimiter(BaseRateLimiter[str]):
    """Pace the bot's own messages with a :class:`Pacer` shared with the broadcast engine."""

    def __init__(self, pacer: Pacer) -> None:
        self.pacer = pacer

    async def initialize(self) -> None:
        """Nothing to set up: the pacer needs no resources."""

    async def shutdown(self) -> None:
        """Nothing to release."""

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, Result]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: str | None,
    ) -> Result:
        """Wait for a reply slot (for message-sending endpoints), call, retry what may pass."""
        if rate_limit_args == ALREADY_PACED or not endpoint.startswith(_PACED_PREFIXES):
            return await callback(*args, **kwargs)
        chat_id = data.get("chat_id")
        chat = chat_id if isinstance(chat_id, int) else None
        loop = asyncio.get_running_loop()
        deadline = loop.time() + RETRY_FOR
        delay = FIRST_DELAY
        retried = False
        while True:
            await self.pacer.acquire(chat, Priority.REPLY)
            try:
                return await callback(*args, **kwargs)
            except RetryAfter as exc:
                wait = retry_after_seconds(exc)
                self.pacer.pause(wait)
                if loop.time() + wait > deadline:
                    raise
            except BadRequest as exc:  # before NetworkError, which it subclasses
                if retried and endpoint.startswith("editMessage") and "not modified" in str(exc):
                    return True  # the edit that timed out had arrived after all
                raise
            except NetworkError as exc:  # timeouts, refused or reset connections, 5xx
                if loop.time() + delay > deadline:
                    raise
                logger.info("Retrying %s in %.1f s: %s", endpoint, delay, type(exc).__name__)
                await asyncio.sleep(delay)
                delay = min(delay * 2, MAX_DELAY)
            retried = True
