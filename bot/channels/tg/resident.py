"""Handlers for the resident's conversation: /start, /help, /privacy, text, buttons, the rest."""

from __future__ import annotations

import logging
import time

from telegram import Update
from telegram.ext import (
    ApplicationHandlerStop,
    BaseHandler,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot.channels.tg.render import send, services, user_context
from bot.core.context import UserContext
from bot.core.flood import FloodGate, Verdict
from bot.services import Services

logger = logging.getLogger(__name__)


def _user(update: Update, context: ContextTypes.DEFAULT_TYPE) -> tuple[Services, UserContext]:
    svc = services(context)
    return svc, user_context(update, svc.settings, svc.catalog.languages)


async def flood_guard(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Drop a user's messages beyond a few a second, telling them once."""
    user = update.effective_user
    if user is None or (update.message is None and update.callback_query is None):
        return
    gate: FloodGate = context.bot_data["flood"]
    verdict = gate.check(user.id, time.monotonic())
    if verdict is Verdict.PASS:
        return
    if verdict is Verdict.WARN:
        svc, who = _user(update, context)
        await send(update, context, svc.conversation.too_fast(who))
    if update.callback_query is not None:
        await update.callback_query.answer()
    raise ApplicationHandlerStop


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Welcome the user, or answer for the town of a deep link."""
    svc, who = _user(update, context)
    payload = context.args[0] if context.args else None
    await send(update, context, svc.conversation.start(who, payload))


async def help_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Explain what the bot does."""
    svc, who = _user(update, context)
    await send(update, context, svc.conversation.help(who))


async def privacy(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Say what is stored and how to erase it."""
    svc, who = _user(update, context)
    await send(update, context, svc.conversation.privacy(who))


async def legislators(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Route to the legislators of a town: ``/legislators Somerville``."""
    svc, who = _user(update, context)
    await send(update, context, [svc.legislators.command(" ".join(context.args or []), who)])


async def text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Resolve the place in a message and answer."""
    message = update.effective_message
    if message is None or message.text is None:
        return
    svc, who = _user(update, context)
    await send(update, context, svc.conversation.text(who, message.text))


async def button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answer a button press; forged or stale data gets a polite reply."""
    query = update.callback_query
    if query is None:
        return
    await query.answer()
    svc, who = _user(update, context)
    await send(update, context, svc.conversation.callback(who, query.data or ""))


async def unsupported(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Stickers, photos, voice and the like: we read text only."""
    if update.effective_message is None:
        return
    svc, who = _user(update, context)
    await send(update, context, svc.conversation.unsupported(who))


def guard() -> BaseHandler[Update, ContextTypes.DEFAULT_TYPE, None]:
    """The flood guard, to run in a group before every other handler."""
    return TypeHandler(Update, flood_guard)


def handlers() -> list[BaseHandler[Update, ContextTypes.DEFAULT_TYPE, None]]:
    """The resident's handlers, most specific first."""
    return [
        CommandHandler("start", start),
        CommandHandler("help", help_command),
        CommandHandler("privacy", privacy),
        CommandHandler("legislators", legislators),
        CallbackQueryHandler(button),  # every prefix, including forged ones, ends here
        MessageHandler(filters.TEXT & ~filters.COMMAND, text),
        MessageHandler(filters.COMMAND, help_command),
        MessageHandler(filters.ALL, unsupported),
    ]
