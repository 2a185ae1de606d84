"""The python-telegram-bot application: one factory, handlers added in a deliberate order."""

from __future__ import annotations

import logging

from telegram import BotCommand, LinkPreviewOptions, Update
from telegram.constants import ParseMode
from telegram.error import TelegramError
from telegram.ext import Application, ApplicationBuilder, ContextTypes, Defaults
from telegram.request import BaseRequest

from bot.broadcast.pacer import Pacer
from bot.channels.tg import alerts, inline, local_action, organizer, pictures, resident
from bot.channels.tg.ratelimit import PacedRateLimiter
from bot.channels.tg.render import CoreThreads, core, send, services, speaker
from bot.channels.tg.startup import PatientApplication
from bot.channels.tg.updates import FairUpdateProcessor
from bot.core.flood import FloodGate
from bot.core.i18n import DEFAULT_LANGUAGE, Catalog
from bot.services import Services

logger = logging.getLogger(__name__)

# Connections to the Bot API (scripts/bench_updates.py gives its echo bot as many concurrent
# updates). How many updates are handled at once is bot/channels/tg/updates.py's business.
CONCURRENT_UPDATES = 16

# The command menu, in this order; each description is the catalog's language.command.<name>.
COMMANDS = (
    "start",
    "legislators",
    "map",
    "subscribe",
    "unsubscribe",
    "mydata",
    "forget",
    "privacy",
    "language",
    "help",
)


def command_menu(catalog: Catalog, lang: str) -> list[BotCommand]:
    """The command menu in one language."""
    return [BotCommand(name, catalog.t(f"language.command.{name}", lang)) for name in COMMANDS]


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log the exception (never the user's text) and tell the user something went wrong."""
    logger.error("Handler failed: %r", context.error, exc_info=context.error)
    if isinstance(update, Update) and update.effective_chat is not None:
        svc = services(context)
        try:
            who = await speaker(context, update)
            await send(update, context, await core(context, svc.conversation.error, who))
        except Exception:  # the error path must not raise again
            logger.warning("Could not tell the user about the error")


async def post_init(application: Application) -> None:
    """Register the command menu and learn our username for share links."""
    svc: Services = application.bot_data["services"]
    svc.conversation.answers.bot_username = application.bot.username
    try:
        # English for everyone, then each other language for the Telegrams set to it.
        await application.bot.set_my_commands(command_menu(svc.catalog, DEFAULT_LANGUAGE))
        for lang in svc.catalog.languages:
            if lang != DEFAULT_LANGUAGE:
                menu = command_menu(svc.catalog, lang)
                await application.bot.set_my_commands(menu, language_code=lang)
    except TelegramError as exc:  # cosmetic: the bot answers without its menu
        logger.warning("Command menu not set (%s); it is set again at the next start", exc)
    await organizer.resume_unfinished(application)


def build_application(
    svc: Services,
    request: BaseRequest | None = None,
    get_updates_request: BaseRequest | None = None,
) -> Application:
    """Build the bot. No side effects until the caller runs it."""
    settings = svc.settings
    if settings.token is None:
        raise ValueError("TELEGRAM_BOT_TOKEN is not set")
    # One pacer for everything this process sends: residents' replies take the next free slot
    # ahead of any broadcast message, and together they stay under Telegram's limits.
    pacer = Pacer.for_settings(settings)
    # Floods are judged as updates arrive, and chats are handled in turn (bot/channels/tg/
    # updates.py); the core's synchronous calls run on their own threads, off the event loop.
    gate = FloodGate(settings.flood_messages, settings.flood_seconds, settings.flood_mute)
    threads = CoreThreads()
    builder = (
        ApplicationBuilder()
        .application_class(PatientApplication)
        .token(settings.token)
        .base_url(settings.api_base_url)
        .defaults(
            Defaults(
                parse_mode=ParseMode.HTML,
                link_preview_options=LinkPreviewOptions(is_disabled=True),
            )
        )
        .post_init(post_init)
        .post_stop(organizer.stop_deliveries)
        .post_shutdown(threads.close)
        .rate_limiter(PacedRateLimiter(pacer))
        .concurrent_updates(FairUpdateProcessor(gate))
    )
    if request is not None:
        builder = builder.request(request)
    else:
        # Sixteen connections: enough to keep Telegram's 30 replies/s flowing at a 100 ms
        # round trip (scripts/bench_updates.py).
        builder = builder.connection_pool_size(CONCURRENT_UPDATES)
    if get_updates_request is not None:
        builder = builder.get_updates_request(get_updates_request)
    application = builder.build()
    application.bot_data["services"] = svc
    application.bot_data["pacer"] = pacer
    application.bot_data["core"] = threads
    application.bot_data["pressed"] = resident.PressedOnce()
    # Order matters: the guard runs first in its own group and stops what is not for us
    # (channels, groups) and the update that took a chat over the flood limit; then the
    # organizer's and the alerts' commands and buttons, the pictures' (/map, /qr, /stats and
    # their buttons) and inline queries, then the resident's handlers, most
    # specific first, the catch-alls last.
    application.add_handler(resident.guard_handler(), group=-1)
    application.add_handlers(organizer.handlers())
    application.add_handlers(alerts.handlers())
    application.add_handlers(local_action.handlers())
    application.add_handlers(pictures.handlers())
    application.add_handlers(inline.handlers())
    application.add_handlers(resident.handlers())
    # A chat that blocked the bot is unsubscribed, and not reported as our error.
    application.add_error_handler(alerts.unsubscribe_blocked)
    application.add_error_handler(on_error)
    return application
