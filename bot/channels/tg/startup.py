"""Starting against a Telegram that may be down, and a token Telegram may refuse.

:class:`PatientApplication` waits for Telegram at start instead of exiting: it retries
``getMe`` with a growing delay and logs one line a minute while Telegram stays unreachable
(5xx, 429, a timeout, a refused connection, a proxy's HTML error page). Only a rejected token
stops it, with :class:`TokenRejected`, whose message names the variable, never the token.

:func:`exit_on_rejected_token` runs a command (the bot, ``broadcast``) and turns a rejected
token into one line on stderr and exit status 2.
"""

from __future__ import annotations

import asyncio
import logging
import sys
from collections.abc import Callable
from typing import Any

from telegram import Bot
from telegram.error import InvalidToken, RetryAfter, TelegramError
from telegram.ext import Application

from bot.channels.tg.sender import retry_after_seconds

logger = logging.getLogger(__name__)

TOKEN_VARIABLE = "TELEGRAM_BOT_TOKEN"
REJECTED = f"{TOKEN_VARIABLE} was rejected by Telegram: check it with @BotFather."
# Retry delays at start: 1 s, doubling up to 30 s (Telegram's outages last seconds to minutes).
FIRST_DELAY = 1.0
MAX_DELAY = 30.0
LOG_EVERY = 60.0  # one "still unreachable" line a minute, not one per attempt


class TokenRejected(Exception):
    """Telegram refused the bot's token (401/404 on getMe). Not a TelegramError on purpose:
    python-telegram-bot's retry loop would log it with a traceback."""

    def __init__(self) -> None:
        super().__init__(REJECTED)


def describe(exc: BaseException) -> str:
    """A short, token-free description of a failed request."""
    return f"{type(exc).__name__}: {exc}"[:200]


async def wait_for_telegram(bot: Bot) -> None:
    """Initialize ``bot`` (``getMe``), retrying until Telegram answers; raise TokenRejected."""
    loop = asyncio.get_running_loop()
    started = loop.time()
    logged = float("-inf")
    delay = FIRST_DELAY
    while True:
        try:
            await bot.initialize()
        except InvalidToken:
            raise TokenRejected() from None
        except TelegramError as exc:  # NetworkError, TimedOut, RetryAfter, bad server answers
            wait = max(delay, retry_after_seconds(exc)) if isinstance(exc, RetryAfter) else delay
            now = loop.time()
            if now - logged >= LOG_EVERY:
                logged = now
                logger.warning(
                    "Telegram is unreachable after %.0f s (%s); still trying",
                    now - started,
                    describe(exc),
                )
            await asyncio.sleep(wait)
            delay = min(delay * 2, MAX_DELAY)
        else:
            if logged > float("-inf"):
                logger.info("Telegram answered after %.0f s", loop.time() - started)
            return


class PatientApplication(Application):
    """An Application that waits for Telegram at start instead of exiting (and does not keep
    every user's id for a persistence it does not have)."""

    async def initialize(self) -> None:
        """Wait for Telegram (``getMe``), then initialize as python-telegram-bot does."""
        await wait_for_telegram(self.bot)
        await super().initialize()

    def _mark_for_persistence_update(self, *, update: object = None, job: Any = None) -> None:
        # python-telegram-bot 22 remembers the chat and user id of every update for its
        # persistence even when there is none, and never forgets them: memory grew with every
        # user. Remember them only when there is a persistence to write them to.
        if self.persistence is not None:
            super()._mark_for_persistence_update(update=update, job=job)

    def run_polling(self, *args: Any, **kwargs: Any) -> None:
        """Poll; a failing ``deleteWebhook`` at start is retried for ever, not fatal."""
        kwargs.setdefault("bootstrap_retries", -1)
        super().run_polling(*args, **kwargs)

    def run_webhook(self, *args: Any, **kwargs: Any) -> None:
        """Serve the webhook; a failing ``setWebhook`` at start is retried for ever."""
        kwargs.setdefault("bootstrap_retries", -1)
        super().run_webhook(*args, **kwargs)


def exit_on_rejected_token(command: Callable[[], int]) -> int:
    """Run ``command``; if Telegram rejects the token, print one line and return 2."""
    try:
        return command()
    except (TokenRejected, InvalidToken):
        print(REJECTED, file=sys.stderr)
        return 2
