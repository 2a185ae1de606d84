"""Handlers for the resident's conversation: /start, /help, /privacy, text, buttons, the rest."""

from __future__ import annotations

import hashlib
import logging
import secrets
from collections import OrderedDict

from telegram import Bot, Message, Update
from telegram.constants import ChatType
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

from bot.channels.tg.render import core, send, services, speaker
from bot.channels.tg.updates import FairUpdateProcessor
from bot.core.context import UserContext
from bot.core.reply import Reply
from bot.services import Services

logger = logging.getLogger(__name__)


async def _user(
    update: Update, context: ContextTypes.DEFAULT_TYPE
) -> tuple[Services, UserContext]:
    return services(context), await speaker(context, update)


def _addressed_to_bot(update: Update, bot: Bot) -> bool:
    """A new message that is a command, mentions the bot or replies to it (not an edit)."""
    message = update.message
    if message is None:
        return False
    text = message.text or ""
    replied = message.reply_to_message
    return (
        text.startswith("/")
        or f"@{bot.username}".lower() in text.lower()
        or (
            replied is not None
            and replied.from_user is not None
            and replied.from_user.id == bot.id
        )
    )


async def guard(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answer private chats only, and tell a chat that went over the flood limit once.

    Channel posts get nothing; in a group, a message addressed to the bot gets a one-line
    pointer to the private chat and nothing else happens (an organizer's draft included).
    """
    chat = update.effective_chat
    if chat is None:
        return
    query = update.callback_query
    if chat.type != ChatType.PRIVATE:
        if query is not None:
            await query.answer()
        elif chat.type != ChatType.CHANNEL and _addressed_to_bot(update, context.bot):
            svc, who = await _user(update, context)
            text = svc.catalog.t("private_only", who.language, bot=context.bot.username)
            await send(update, context, [Reply(text)])
        raise ApplicationHandlerStop
    processor = context.application.update_processor
    if isinstance(processor, FairUpdateProcessor) and processor.warned(update):
        svc, who = await _user(update, context)
        seconds = f"{processor.gate.mute:.0f}"
        if query is not None:
            await query.answer()
        text = svc.catalog.t("too_fast_muted", who.language, seconds=seconds)
        await send(update, context, [Reply(text)])
        raise ApplicationHandlerStop


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Welcome the user, or answer for the town of a deep link."""
    svc, who = await _user(update, context)
    payload = context.args[0] if context.args else None
    await send(update, context, await core(context, svc.conversation.start, who, payload))


async def help_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Explain what the bot does."""
    svc, who = await _user(update, context)
    await send(update, context, await core(context, svc.conversation.help, who))


async def privacy(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Say what is stored and how to erase it."""
    svc, who = await _user(update, context)
    await send(update, context, await core(context, svc.conversation.privacy, who))


async def language(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Offer the languages the bot speaks; a button chooses one."""
    svc, who = await _user(update, context)
    await send(update, context, [await core(context, svc.languages.menu, who)])


async def legislators(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Route to the legislators of a town: ``/legislators Somerville``."""
    svc, who = await _user(update, context)
    query = " ".join(context.args or [])
    await send(update, context, [await core(context, svc.legislators.command, query, who)])


async def text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Resolve the place in a message and answer."""
    message = update.effective_message
    if message is None or message.text is None:
        return
    svc, who = await _user(update, context)
    await send(update, context, await core(context, svc.conversation.text, who, message.text))


async def button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answer a button press; forged or stale data gets a polite reply. The same button on
    the same message, as it reads, does its work once: a double tap sends no second script."""
    query = update.callback_query
    if query is None:
        return
    await query.answer()
    pressed: PressedOnce = context.bot_data["pressed"]
    message = query.message
    text = message.text if isinstance(message, Message) else None
    place = (message.chat.id, message.message_id) if message is not None else (0, 0)
    if not pressed.first(place, query.data or "", text or ""):
        return
    svc, who = await _user(update, context)
    data = query.data or ""
    await send(update, context, await core(context, svc.conversation.callback, who, data))


async def caption(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A photo or video with a caption: read the caption as a message."""
    message = update.effective_message
    if message is None or message.caption is None:
        return
    svc, who = await _user(update, context)
    await send(update, context, await core(context, svc.conversation.text, who, message.caption))


async def location(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A shared location: the town and the exact legislators at the pin. The two numbers are
    passed to the lookup and dropped: never stored, never logged. A live location's updates
    (edited messages) get no second answer."""
    message = update.message
    if message is None or message.location is None:
        return
    svc, who = await _user(update, context)
    pin = message.location
    replies = await core(context, svc.location.answer, who, pin.latitude, pin.longitude)
    await send(update, context, replies)


class PressedOnce:
    """Buttons already pressed, as salted hashes of (chat, message, data, message text).

    In memory, the most recent 20,000 only: a double tap is caught within seconds; a message
    edited since (a picker's next page) reads differently, so its buttons work again.
    """

    LIMIT = 20_000

    def __init__(self) -> None:
        self._salt = secrets.token_bytes(16)
        self._seen: OrderedDict[bytes, None] = OrderedDict()

    def first(self, message: tuple[int, int], data: str, text: str) -> bool:
        """Whether this press is the first of its kind (and remember it)."""
        raw = f"{message[0]}:{message[1]}:{data}:{text}".encode()
        key = hashlib.blake2b(raw, key=self._salt, digest_size=16).digest()
        if key in self._seen:
            return False
        self._seen[key] = None
        while len(self._seen) > self.LIMIT:
            self._seen.popitem(last=False)
        return True


async def unsupported(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Stickers, photos, voice and the like: we read text only."""
    if update.effective_message is None:
        return
    svc, who = await _user(update, context)
    await send(update, context, await core(context, svc.conversation.unsupported, who))


def guard_handler() -> BaseHandler[Update, ContextTypes.DEFAULT_TYPE, None]:
    """The guard, to run in a group before every other handler."""
    return TypeHandler(Update, guard)


def handlers() -> list[BaseHandler[Update, ContextTypes.DEFAULT_TYPE, None]]:
    """The resident's handlers, most specific first."""
    return [
        CommandHandler("start", start),
        CommandHandler("help", help_command),
        CommandHandler("privacy", privacy),
        CommandHandler(["language", "idioma", "lingua"], language),
        CommandHandler("legislators", legislators),
        CallbackQueryHandler(button),  # every prefix, including forged ones, ends here
        MessageHandler(filters.TEXT & ~filters.COMMAND, text),
        MessageHandler(filters.LOCATION, location),
        MessageHandler(filters.CAPTION & ~filters.COMMAND, caption),
        MessageHandler(filters.COMMAND, help_command),
        MessageHandler(filters.ALL, unsupported),
    ]
