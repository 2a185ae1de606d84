"""Turn core replies into Telegram messages: send new ones or edit the pressed one.

Also the bridge to the core: its calls are synchronous (the resolver, the state database), so
handlers run them on :class:`CoreThreads`, never on the event loop. A write that waits for
SQLite's lock then delays only the chat that made it.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import ParamSpec, TypeVar

from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    ReplyKeyboardMarkup,
    Update,
)
from telegram.constants import ChatType
from telegram.ext import Application, ContextTypes

from bot.config import Settings
from bot.core.context import UserContext
from bot.core.reply import LocationAsk, Reply
from bot.services import Services

P = ParamSpec("P")
T = TypeVar("T")

# Threads for core calls. Most calls take a millisecond of CPU; a few wait for SQLite's write
# lock (up to its busy timeout). Eight lets a handful wait while lookups keep going.
CORE_THREADS = 8


class CoreThreads:
    """A thread pool for the core's synchronous calls, shut down with the application."""

    def __init__(self, workers: int = CORE_THREADS) -> None:
        self.executor = ThreadPoolExecutor(workers, thread_name_prefix="core")

    async def run(self, func: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        """Run ``func`` on a core thread and return its result."""
        call = functools.partial(func, *args, **kwargs)
        return await asyncio.get_running_loop().run_in_executor(self.executor, call)

    async def close(self, application: Application | None = None) -> None:
        """Wait for the calls in progress (their writes must finish), start no new one."""
        await asyncio.get_running_loop().run_in_executor(
            None, functools.partial(self.executor.shutdown, wait=True, cancel_futures=True)
        )


def services(context: ContextTypes.DEFAULT_TYPE) -> Services:
    """The process's services, stored in bot_data by the app factory."""
    found: Services = context.bot_data["services"]
    return found


async def core(
    context: ContextTypes.DEFAULT_TYPE, func: Callable[P, T], *args: P.args, **kwargs: P.kwargs
) -> T:
    """Run a synchronous core call off the event loop, on the application's core threads."""
    threads: CoreThreads = context.bot_data["core"]
    return await threads.run(func, *args, **kwargs)


async def speaker(context: ContextTypes.DEFAULT_TYPE, update: Update) -> UserContext:
    """Who sent this update, in the language to answer in (settled on a core thread: a
    subscriber's stored language is read from the state database)."""
    svc = services(context)
    who = user_context(update, svc.settings, svc.catalog.languages)
    return await core(context, svc.languages.settle, who)


def user_context(update: Update, settings: Settings, languages: Sequence[str]) -> UserContext:
    """Who sent this update, as the core sees it (nothing of it is stored here), in the
    language of their Telegram (:meth:`bot.core.language.Languages.settle` has the last word).

    An organizer is an organizer only in their private chat with the bot: what they type in a
    group must never become a broadcast draft.
    """
    chat = update.effective_chat
    user = update.effective_user
    code = (user.language_code or "en").replace("_", "-").split("-")[0].lower() if user else "en"
    private = chat is not None and chat.type == ChatType.PRIVATE
    return UserContext(
        chat_id=chat.id if chat else 0,
        user_id=user.id if user else None,
        language=code if code in languages else "en",
        first_name=user.first_name if user else None,
        is_organizer=bool(private and user and user.id in settings.organizer_ids),
    )


def markup(reply: Reply) -> InlineKeyboardMarkup | None:
    if not reply.buttons:
        return None
    return InlineKeyboardMarkup(
        [
            [InlineKeyboardButton(b.label, callback_data=b.data, url=b.url) for b in row]
            for row in reply.buttons
        ]
    )


def location_keyboard(ask: LocationAsk) -> ReplyKeyboardMarkup:
    """The "📍 Share my location" button under the text field; it hides once used."""
    button = KeyboardButton(ask.label, request_location=True)
    return ReplyKeyboardMarkup([[button]], resize_keyboard=True, one_time_keyboard=True)


async def send(update: Update, context: ContextTypes.DEFAULT_TYPE, replies: list[Reply]) -> None:
    """Send each reply; a reply marked ``edit`` replaces the message whose button was pressed.

    A reply offering the location button carries it itself when it has no inline buttons (a
    message has one keyboard or the other); otherwise the offer goes just before it.
    """
    chat = update.effective_chat
    if chat is None:
        return
    query = update.callback_query
    for reply in replies:
        ask = reply.location
        if ask is not None and not reply.buttons and not reply.edit:
            text = f"{reply.text}\n\n{ask.text}"
            await context.bot.send_message(chat.id, text, reply_markup=location_keyboard(ask))
            continue
        if ask is not None:
            await context.bot.send_message(chat.id, ask.text, reply_markup=location_keyboard(ask))
        if reply.edit and query is not None and query.message is not None:
            await context.bot.edit_message_text(
                reply.text,
                chat_id=chat.id,
                message_id=query.message.message_id,
                reply_markup=markup(reply),
            )
        else:
            await context.bot.send_message(chat.id, reply.text, reply_markup=markup(reply))
