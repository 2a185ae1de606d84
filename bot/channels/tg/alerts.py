"""Handlers for residents' alerts: /subscribe, /unsubscribe, /mydata, /forget, and blocked chats.

The ``alr:`` buttons and the word STOP reach the core through the resident's handlers
(``Conversation.flows`` and ``Conversation.text_hooks``); only the commands live here.
"""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import Forbidden
from telegram.ext import ApplicationHandlerStop, BaseHandler, CommandHandler, ContextTypes

from bot.channels.tg.render import core, send, services, speaker
from bot.core.alerts_flow import AlertsFlow
from bot.core.context import UserContext

logger = logging.getLogger(__name__)


async def _user(
    update: Update, context: ContextTypes.DEFAULT_TYPE
) -> tuple[AlertsFlow, UserContext]:
    return services(context).alerts, await speaker(context, update)


async def subscribe(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Subscribe to a town's alerts: ``/subscribe Somerville``."""
    if update.effective_chat is None:
        return
    alerts, who = await _user(update, context)
    town = " ".join(context.args or [])
    await send(update, context, await core(context, alerts.subscribe_command, who, town))


async def unsubscribe(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Stop alerts at once."""
    if update.effective_chat is None:
        return
    alerts, who = await _user(update, context)
    await send(update, context, await core(context, alerts.unsubscribe, who))


async def mydata(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Show everything stored about this chat."""
    if update.effective_chat is None:
        return
    alerts, who = await _user(update, context)
    await send(update, context, await core(context, alerts.mydata, who))


async def forget(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Ask before erasing everything stored about this chat (the button erases)."""
    if update.effective_chat is None:
        return
    alerts, who = await _user(update, context)
    await send(update, context, await core(context, alerts.forget_ask, who))


async def unsubscribe_blocked(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Unsubscribe a chat whose reply failed with 403 (it blocked the bot); stop there.

    Added before the general error handler: a blocked chat is not our failure, and telling it
    "something went wrong" would fail the same way.
    """
    if not isinstance(context.error, Forbidden):
        return
    if isinstance(update, Update) and update.effective_chat is not None:
        dropped = await core(context, services(context).alerts.blocked, update.effective_chat.id)
        logger.info("A chat blocked the bot; subscription removed: %s", dropped)
    raise ApplicationHandlerStop


def handlers() -> list[BaseHandler[Update, ContextTypes.DEFAULT_TYPE, None]]:
    """The alert commands."""
    return [
        CommandHandler("subscribe", subscribe),
        CommandHandler("unsubscribe", unsubscribe),
        CommandHandler("mydata", mydata),
        CommandHandler("forget", forget),
    ]
