"""``python -m bot [run]``: the bot on Telegram, or a console chat without a token."""

from __future__ import annotations

import argparse
import logging
import sys
import threading
from typing import TYPE_CHECKING

from bot.cli.common import open_state
from bot.config import Settings

if TYPE_CHECKING:
    from bot.services import Services

logger = logging.getLogger(__name__)

PRERENDER_DELAY = 30.0  # seconds after start; a /map before then draws on demand


def register(commands: argparse._SubParsersAction) -> None:
    """Add ``run``."""
    parser = commands.add_parser(
        "run",
        help="run the bot (the default): on Telegram with TELEGRAM_BOT_TOKEN, else on the console",
        description=run.__doc__,
    )
    parser.set_defaults(handler=run)


def run(settings: Settings, args: argparse.Namespace) -> int:
    """Run on Telegram when there is a token, else chat on the console."""
    from bot.services import open_services

    open_state(settings).close()  # a damaged state database is one clear line, not a traceback
    services = open_services(settings)
    closing = threading.Event()
    try:
        if settings.token is None:
            from bot.channels.console import run_console

            return run_console(services, sys.stdin, sys.stdout, prompt=sys.stdin.isatty())
        from bot.channels.tg.app import build_application
        from bot.geo import GeoIndex

        application = build_application(services)
        # Load the polygons now, beside the bot, so that the first location pin is quick.
        threading.Thread(
            target=GeoIndex.shared, args=(settings.knowledge_dir,), name="geo", daemon=True
        ).start()
        # Draw the maps of this knowledge now, beside the start, so the first /map after a
        # change of knowledge waits for an upload only (each map is drawn once, then cached).
        threading.Thread(
            target=prerender, args=(services, closing), name="prerender-maps", daemon=True
        ).start()
        if settings.webhook_url:
            logger.info("Starting with a webhook on port %d", settings.webhook_port)
            application.run_webhook(
                listen=settings.webhook_listen,
                port=settings.webhook_port,
                url_path="telegram",
                webhook_url=settings.webhook_url,
                secret_token=settings.webhook_secret,
            )
        else:
            logger.info("Starting with long polling")
            application.run_polling()
    finally:
        closing.set()  # a drawing cut short by the exit is no error
        services.close()
    return 0


def prerender(services: Services, closing: threading.Event) -> None:
    """Draw the maps in the background; a failure is one log line, and /map draws on demand.

    When the bot stops (a rejected token stops it at once) the databases close under the
    drawing: that is not worth a line, and never a traceback.
    """
    # Wait a little first: a bot that stops at start (a rejected token) never draws at all.
    if closing.wait(PRERENDER_DELAY):
        return
    try:
        services.pictures.prerender(services.catalog.languages)
    except Exception as exc:
        if not closing.is_set():
            logger.warning(
                "Could not draw the maps ahead (%s); /map draws them when asked",
                type(exc).__name__,
            )
