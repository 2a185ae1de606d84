"""The bot's rate limiter: residents' replies through the shared pacer, ahead of broadcasts.

python-telegram-bot calls :meth:`PacedRateLimiter.process_request` for every Bot API request
of an ``Application`` built with ``.rate_limiter(PacedRateLimiter(pacer))``. Requests that put a
message in a chat (send*, copy*, forward*, editMessage*) wait for a slot at
:attr:`~bot.broadcast.pacer.Priority.REPLY`; the broadcast engine uses the same pacer at broadcast
priority, so a reply never queues behind a broadcast. Other requests (answerCallbackQuery,
getMe, ...) are not paced. A 429 pauses the pacer for ``retry_after`` and the request is sent
once more.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from telegram.error import RetryAfter
from telegram.ext import BaseRateLimiter

from bot.broadcast.pacer import Pacer, Priority
from bot.channels.tg.sender import ALREADY_PACED, retry_after_seconds

_PACED_PREFIXES = ("send", "copyMessage", "forwardMessage", "editMessage")

Result = bool | dict[str, Any] | list[dict[str, Any]]


class PacedRateLimiter(BaseRateLimiter[str]):
    """Pace the bot's own messages with a :class:`Pacer` shared with the broadcast engine."""

    def __init__(self, pacer: Pacer, max_retries: int = 1) -> None:
        self.pacer = pacer
        self.max_retries = max_retries

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
        """Wait for a reply slot (for message-sending endpoints), call, retry once on 429."""
        if rate_limit_args == ALREADY_PACED or not endpoint.startswith(_PACED_PREFIXES):
            return await callback(*args, **kwargs)
        chat_id = data.get("chat_id")
        chat = chat_id if isinstance(chat_id, int) else None
        attempt = 0
        while True:
            await self.pacer.acquire(chat, Priority.REPLY)
            try:
                return await callback(*args, **kwargs)
            except RetryAfter as exc:
                if attempt >= self.max_retries:
                    raise
                attempt += 1
                self.pacer.pause(retry_after_seconds(exc))
