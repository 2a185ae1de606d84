"""Inline mode: "@bot cambridge" in any chat offers Cambridge's answer card to send.

Enable it once at BotFather (/setinline). The query is resolved on the core threads and
answered; nothing of it is stored or logged.
"""

from __future__ import annotations

from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
    Update,
)
from telegram.ext import BaseHandler, ContextTypes, InlineQueryHandler

from bot.channels.tg.render import core, services
from bot.core.inline import Card, cards

# How long Telegram may reuse an answer for the same query (seconds): the knowledge changes
# with a restart, rarely within minutes, and every reuse is a query we need not resolve.
CACHE_SECONDS = 300


async def inline_query(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Offer the answer card of the place typed after the bot's name (one per candidate)."""
    query = update.inline_query
    if query is None:
        return
    svc = services(context)
    code = (query.from_user.language_code or "en")[:2]
    lang = code if code in svc.catalog.languages else "en"
    found = await core(context, cards, svc.resolver, svc.conversation.answers, query.query, lang)
    await query.answer([article(card) for card in found], cache_time=CACHE_SECONDS)


def article(card: Card) -> InlineQueryResultArticle:
    button = InlineKeyboardButton(card.button, url=card.url)
    return InlineQueryResultArticle(
        id=card.id,
        title=card.title,
        description=card.description,
        input_message_content=InputTextMessageContent(card.text),
        reply_markup=InlineKeyboardMarkup([[button]]),
    )


def handlers() -> list[BaseHandler[Update, ContextTypes.DEFAULT_TYPE, None]]:
    """The inline query handler."""
    return [InlineQueryHandler(inline_query)]
