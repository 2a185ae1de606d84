"""Telegram handlers for the legislator flow: ``/legislators`` and its buttons."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler, ContextTypes

from bot.core import callbacks
from bot.core.context import UserContext
from bot.core.legislator_flow import LegislatorFlow
from bot.core.reply import Reply


def handlers(flow: LegislatorFlow) -> list[BaseHandler]:
    """Return the command and callback handlers, bound to ``flow``."""

    async def legislators(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Answer /legislators [town]."""
        message = update.effective_message
        if message is None or update.effective_chat is None:
            return
        reply = flow.command(" ".join(context.args or []), _user(update))
        await message.reply_text(reply.text, reply_markup=_markup(reply))

    async def pressed(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Answer a legislator, script or outcome button."""
        query = update.callback_query
        if query is None or query.data is None or update.effective_chat is None:
            return
        await query.answer()
        reply = flow.handle(query.data, _user(update))
        if reply.edit and query.message is not None:
            await query.edit_message_text(reply.text, reply_markup=_markup(reply))
        else:
            await context.bot.send_message(
                update.effective_chat.id, reply.text, reply_markup=_markup(reply)
            )

    prefixes = (callbacks.LEGISLATORS, callbacks.SCRIPT, callbacks.OUTCOME)
    return [
        CommandHandler("legislators", legislators),
        *(CallbackQueryHandler(pressed, pattern=callbacks.pattern(p)) for p in prefixes),
    ]


def _user(update: Update) -> UserContext:
    user = update.effective_user
    chat = update.effective_chat
    assert chat is not None
    return UserContext(
        chat_id=chat.id,
        user_id=user.id if user else None,
        language="en",
        first_name=user.first_name if user else None,
    )


def _markup(reply: Reply) -> InlineKeyboardMarkup | None:
    if not reply.buttons:
        return None
    return InlineKeyboardMarkup(
        [
            [InlineKeyboardButton(b.label, callback_data=b.data, url=b.url) for b in row]
            for row in reply.buttons
        ]
    )
