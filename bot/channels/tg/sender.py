"""The broadcast engine's :class:`~bot.broadcast.engine.Sender` for Telegram.

Maps python-telegram-bot's exceptions to :class:`~bot.broadcast.engine.SendResult`: 429 ->
retry_after, 403 (blocked, deactivated) and "chat not found" -> blocked, timeouts and network
errors (5xx included) -> transient, other Bad Requests -> permanent. A bad token is not a
per-recipient problem and is raised.
"""

from __future__ import annotations

import datetime as dtm
import warnings
from typing import Any

from telegram import Bot
from telegram.constants import ParseMode
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TelegramError,
)
from telegram.ext import ExtBot
from telegram.request import HTTPXRequest

from bot.broadcast.engine import Buttons, SendResult
from bot.channels.tg.render import markup
from bot.core.reply import Reply

# rate_limit_args telling PacedRateLimiter that the engine has already paced this request.
ALREADY_PACED = "already-paced"
_GONE = ("chat not found", "user not found", "peer_id_invalid")


def retry_after_seconds(exc: RetryAfter) -> float:
    """Return RetryAfter's delay in seconds (an int, or a timedelta with PTB_TIMEDELTA=true)."""
    with warnings.catch_warnings():
        # PTB 22.2+ warns when the value is read as an int; both types are handled here.
        warnings.simplefilter("ignore")
        value: Any = exc.retry_after
    if isinstance(value, dtm.timedelta):
        return value.total_seconds()
    return float(value)


def broadcast_bot(token: str, base_url: str, connections: int) -> Bot:
    """Return a plain Bot for the engine (it paces itself) with one connection per worker."""
    request = HTTPXRequest(connection_pool_size=connections)
    return Bot(token, base_url=base_url, request=request)


class TelegramSender:
    """Send one HTML message with ``bot.send_message``; ``paid`` allows paid broadcasts."""

    def __init__(self, bot: Bot, paid: bool = False) -> None:
        self.bot = bot
        self.paid = paid

    async def send(
        self, chat_id: int, text_html: str, *, paid: bool, buttons: Buttons = ()
    ) -> SendResult:
        """Send and classify the outcome."""
        extra: dict[str, Any] = {}
        if isinstance(self.bot, ExtBot) and self.bot.rate_limiter is not None:
            extra["rate_limit_args"] = ALREADY_PACED
        try:
            message = await self.bot.send_message(
                chat_id,
                text_html,
                parse_mode=ParseMode.HTML,
                allow_paid_broadcast=True if (paid and self.paid) else None,
                reply_markup=markup(Reply("", buttons)) if buttons else None,
                **extra,
            )
        except RetryAfter as exc:
            return SendResult.retry_after(retry_after_seconds(exc))
        except Forbidden as exc:
            return SendResult.blocked(exc.message)
        except BadRequest as exc:  # before NetworkError: BadRequest subclasses it
            if any(gone in exc.message.lower() for gone in _GONE):
                return SendResult.blocked(exc.message)
            return SendResult.permanent(exc.message)
        except NetworkError as exc:  # TimedOut included
            return SendResult.transient(f"{type(exc).__name__}: {exc.message}")
        except InvalidToken:
            raise
        except ChatMigrated as exc:
            return SendResult.permanent(f"chat migrated to {exc.new_chat_id}")
        except TelegramError as exc:
            return SendResult.permanent(exc.message)
        return SendResult.ok(message.message_id)
