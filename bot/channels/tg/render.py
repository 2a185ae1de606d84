"""Turn core replies into Telegram messages: send new ones or edit the pressed one."""

from __future__ import annotations

from collections.abc import Sequence

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import ContextTypes

from bot.config import Settings
from bot.core.context import UserContext
from bot.core.reply import Reply
from bot.services import Services


def services(context: ContextTypes.DEFAULT_TYPE) -> Services:
    """The process's services, stored in bot_data by the app factory."""
    found: Services = context.bot_data["services"]
    return found


def user_context(update: Update, settings: Settings, languages: Sequence[str]) -> UserContext:
    """Who sent this update, as the core sees it (nothing of it is stored here)."""
    chat = update.effective_chat
    user = update.effective_user
    code = (user.language_code or "en")[:2] if user else "en"
    return UserContext(
        chat_id=chat.id if chat else 0,
        user_id=user.id if user else None,
        language=code if code in languages else "en",
        first_name=user.first_name if user else None,
        is_organizer=bool(user and user.id in settings.organizer_ids),
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


async def send(update: Update, context: ContextTypes.DEFAULT_TYPE, replies: list[Reply]) -> None:
    """Send each reply; a reply marked ``edit`` replaces the message whose button was pressed."""
    chat = update.effective_chat
    if chat is None:
        return
    query = update.callback_query
    for reply in replies:
        if reply.edit and query is not None and query.message is not None:
            await context.bot.edit_message_text(
                reply.text,
                chat_id=chat.id,
                message_id=query.message.message_id,
                reply_markup=markup(reply),
            )
        else:
            await context.bot.send_message(chat.id, reply.text, reply_markup=markup(reply))
