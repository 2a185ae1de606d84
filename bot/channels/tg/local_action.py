"""Handlers for the local action kit: the organizers' ``/reports`` queue.

The kit's ``loc:`` and ``rep:`` buttons and its questions reach the core through the resident's
handlers (``Conversation.flows`` and ``Conversation.text_hooks``); only the command lives here.
"""

from __future__ import annotations

from telegram import Update
from telegram.ext import BaseHandler, CommandHandler, ContextTypes

from bot.channels.tg.render import core, send, services, speaker


async def reports(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """List the reports of new bans with Accept and Dismiss (organizers), or refuse politely."""
    if update.effective_chat is None:
        return
    svc = services(context)
    who = await speaker(context, update)
    await send(update, context, await core(context, svc.local_action.reports, who))


def handlers() -> list[BaseHandler[Update, ContextTypes.DEFAULT_TYPE, None]]:
    """The organizers' command of the local kit."""
    return [CommandHandler("reports", reports)]
