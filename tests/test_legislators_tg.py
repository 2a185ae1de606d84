"""The Telegram adapter registers the command and anchored callback patterns."""

from __future__ import annotations

from unittest.mock import Mock

from telegram.ext import CallbackQueryHandler, CommandHandler

from bot.channels.tg.legislators import handlers


def test_handlers_cover_the_command_and_the_three_callback_prefixes() -> None:
    found = handlers(Mock())
    assert isinstance(found[0], CommandHandler) and "legislators" in found[0].commands
    patterns = [h.pattern.pattern for h in found if isinstance(h, CallbackQueryHandler)]
    assert patterns == ["^leg:", "^scr:", "^out:"]
