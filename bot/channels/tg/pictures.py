"""Handlers for pictures: ``/map`` and the "🗺 Map" button, organizers' ``/qr`` and ``/stats``.

A map is drawn on the core threads (never on the event loop) and cached on disk; after its first
upload Telegram's ``file_id`` is kept in memory (:class:`~bot.pictures.cache.PictureCache`) and
sent instead, so a thousand requests for the same map upload it once. While the first upload of
a map is under way, other requests for it wait for its ``file_id`` rather than upload it again.
"""

from __future__ import annotations

import asyncio
import html
import logging
from datetime import date

from telegram import Bot, InputFile, Message, Update
from telegram.error import BadRequest
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler, ContextTypes

from bot.channels.tg.render import core, send, services, speaker
from bot.config import Settings
from bot.core import callbacks
from bot.core.reply import Button, Reply
from bot.core.resolver import Outcome
from bot.kb.models import Place
from bot.pictures.service import MapPicture, is_municipality, stats_chart

logger = logging.getLogger(__name__)

UPLOADS = "picture_uploads"  # bot_data key: picture key -> the lock of its first upload


async def map_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Send the map of measures; ``/map Cambridge`` outlines Cambridge."""
    chat = update.effective_chat
    if chat is None:
        return
    svc = services(context)
    who = await speaker(context, update)
    query = " ".join(context.args or [])
    town = None
    if query:
        found = await core(context, svc.resolver.resolve, query)
        town = found.place if found.outcome is Outcome.MATCH else None
        if town is None or not is_municipality(town):
            text = svc.catalog.t("pictures.map.unknown_town", who.language)
            await send(update, context, [Reply(text)])
            return
    picture = await core(context, svc.pictures.map, who.language, town)
    await send_picture(context, chat.id, picture)


async def map_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answer "🗺 Map" under an answer: the map with that town outlined."""
    query = update.callback_query
    chat = update.effective_chat
    if query is None or chat is None:
        return
    await query.answer()
    svc = services(context)
    who = await speaker(context, update)
    town = await _button_town(update, context, query.data, who.language)
    if town is not None:
        picture = await core(context, svc.pictures.map, who.language, town)
        await send_picture(context, chat.id, picture)


async def _button_town(
    update: Update, context: ContextTypes.DEFAULT_TYPE, data: str | None, lang: str
) -> Place | None:
    """The municipality a map or flyer button names; None, having said the button is stale,
    when it names none (an old or forged button)."""
    svc = services(context)
    _, parts = callbacks.split(data or "")
    town = svc.resolver.places.get(parts[0]) if parts else None
    if town is None or not is_municipality(town):
        await send(update, context, [Reply(svc.catalog.t("stale_button", lang))])
        return None
    return town


async def send_picture(
    context: ContextTypes.DEFAULT_TYPE, chat_id: int, picture: MapPicture
) -> Message:
    """Send a cached picture by ``file_id``, or upload it once and remember its ``file_id``."""
    cache = services(context).pictures.cache
    caption = picture.caption
    file_id = cache.file_id(picture.key)
    if file_id is not None:
        try:
            return await context.bot.send_photo(chat_id, file_id, caption=caption)
        except BadRequest as exc:  # Telegram no longer knows it: upload again
            logger.warning("A cached picture's file_id was refused (%s); uploading it", exc)
            cache.file_ids.pop(picture.key, None)
    locks: dict[str, asyncio.Lock] = context.bot_data.setdefault(UPLOADS, {})
    async with locks.setdefault(picture.key, asyncio.Lock()):
        file_id = cache.file_id(picture.key)
        if file_id is not None:
            return await context.bot.send_photo(chat_id, file_id, caption=caption)
        png = await core(context, picture.png)
        sent = await context.bot.send_photo(
            chat_id, InputFile(png, filename=f"{picture.key}.png"), caption=caption
        )
        if sent.photo:
            cache.remember_file_id(picture.key, sent.photo[-1].file_id)
        return sent


async def qr_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Send a flyer QR code for a town (organizers, in their private chat): ``/qr Cambridge``."""
    chat = update.effective_chat
    if chat is None:
        return
    svc = services(context)
    who = await speaker(context, update)
    t = svc.catalog.t
    if not who.is_organizer:
        await send(update, context, [Reply(t("pictures.qr.refused", who.language))])
        return
    query = " ".join(context.args or []).strip()
    if not query:
        await send(update, context, [Reply(t("pictures.qr.usage", who.language))])
        return
    found = await core(context, svc.resolver.resolve, query)
    if found.outcome is Outcome.MATCH and found.place is not None:
        towns = [found.place] if is_municipality(found.place) else []
    else:
        towns = [p for p in found.candidates if is_municipality(p)]
    if not towns:
        text = t("pictures.qr.not_found", who.language, query=html.escape(query, quote=False))
        await send(update, context, [Reply(text)])
    elif len(towns) == 1:
        await send_flyer(context, chat.id, towns[0], who.language)
    else:  # ambiguous: ask which one
        rows = tuple((Button(p.name, callbacks.make(callbacks.FLYER, p.id)),) for p in towns[:8])
        await send(update, context, [Reply(t("pictures.qr.pick", who.language), rows)])


async def qr_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answer the choice of a town for a QR code (organizers)."""
    query = update.callback_query
    chat = update.effective_chat
    if query is None or chat is None:
        return
    await query.answer()
    svc = services(context)
    who = await speaker(context, update)
    if not who.is_organizer:
        await send(update, context, [Reply(svc.catalog.t("pictures.qr.refused", who.language))])
        return
    town = await _button_town(update, context, query.data, who.language)
    if town is not None:
        await send_flyer(context, chat.id, town, who.language)


async def send_flyer(
    context: ContextTypes.DEFAULT_TYPE, chat_id: int, town: Place, lang: str
) -> None:
    """Send a town's flyer QR code as a PNG document (a photo would be recompressed)."""
    svc = services(context)
    username = context.bot.username
    png = await core(context, svc.pictures.qr, town, username, "png", lang)
    caption = svc.catalog.t("pictures.qr.caption", lang, town=html.escape(town.name, quote=False))
    await context.bot.send_document(
        chat_id, InputFile(png, filename=f"qr-{town.id}.png"), caption=caption
    )


async def stats_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Send the organizers' statistics: the text, then the chart (small counts hidden)."""
    chat = update.effective_chat
    if chat is None:
        return
    svc = services(context)
    who = await speaker(context, update)
    if not who.is_organizer:
        await send(update, context, [Reply(svc.catalog.t("pictures.stats.refused", who.language))])
        return
    from bot.cli.stats import stats_report

    text = await core(context, stats_report, svc.state, svc.knowledge)
    # 3,500 characters stay within Telegram's 4,096 once escaped (town names rarely hold "&").
    await context.bot.send_message(chat.id, f"<pre>{html.escape(text[:3500])}</pre>")
    png = await core(context, stats_chart, svc.state, date.today())
    await context.bot.send_photo(
        chat.id,
        InputFile(png, filename="stats.png"),
        caption=svc.catalog.t("pictures.stats.caption", who.language),
    )


async def own_username(settings: Settings) -> str | None:
    """The bot's username, from Telegram's getMe (for the command line's QR codes)."""
    if settings.token is None:
        return None
    async with Bot(settings.token, base_url=settings.api_base_url) as bot:
        return bot.username


def handlers() -> list[BaseHandler[Update, ContextTypes.DEFAULT_TYPE, None]]:
    """``/map`` and its button, and the organizers' ``/qr`` and ``/stats``."""
    return [
        CommandHandler("map", map_command),
        CommandHandler("qr", qr_command),
        CommandHandler("stats", stats_command),
        CallbackQueryHandler(map_button, pattern=callbacks.pattern(callbacks.MAP)),
        CallbackQueryHandler(qr_button, pattern=callbacks.pattern(callbacks.FLYER)),
    ]
