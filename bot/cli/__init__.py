"""The command line: ``python -m bot [COMMAND]``.

Without a command it runs the bot: long polling when ``TELEGRAM_BOT_TOKEN`` is set (a webhook when
``WEBHOOK_URL`` is also set), otherwise a console chat on the built-in knowledge base. Every
command reads its settings from the environment, so ``BOT_DB_PATH`` applies to all of them.

Each module of this package adds its commands with ``register(commands)``, and every command is
a function ``(settings, args) -> int`` set as the parser's ``handler``. A command that fails
raises :class:`~bot.cli.common.CliError`; :func:`main` is the one place that configures logging
and turns every error into one line on standard error and a non-zero exit code.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

from bot.cli import backup, broadcast, kb, lookup, pictures, reports, run, stats, subscribers
from bot.cli.common import CliError
from bot.config import ConfigError, Settings
from bot.kb.errors import KnowledgeError

logger = logging.getLogger(__name__)

# In the order ``--help`` lists them.
COMMAND_MODULES = (run, lookup, kb, broadcast, stats, reports, subscribers, backup, pictures)


class Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors are one line, like every other error."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"error: {self.prog}: {message} (see {self.prog} --help)\n")


def build_parser() -> Parser:
    """Return the parser of ``python -m bot`` and every command."""
    parser = Parser(
        prog="python -m bot",
        description="The Press Pause bot: without a command it runs the bot (see run).",
    )
    parser.set_defaults(handler=run.run)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; every failure is one line on standard error and a non-zero exit."""
    # Opt in to python-telegram-bot's timedelta time periods before it is imported, so RetryAfter
    # and friends do not raise deprecation warnings at run time (the library's future default).
    os.environ.setdefault("PTB_TIMEDELTA", "true")
    args = build_parser().parse_args(argv)
    try:
        settings = Settings.from_env()
    except ConfigError as exc:
        return fail(f"configuration: {exc}", 2)
    from bot.logsafe import setup_logging  # the token and residents' data never reach a log

    setup_logging(settings)
    return dispatch(settings, args)


def dispatch(settings: Settings, args: argparse.Namespace) -> int:
    """Run the parsed command: the one error path, each failure one line and a non-zero exit."""
    try:
        code: int = args.handler(settings, args)
    except CliError as exc:
        return fail(exc.message, exc.code)
    except KnowledgeError as exc:
        return fail(f"knowledge: {exc}", 1)
    except KeyboardInterrupt:
        return fail("interrupted", 130)
    except Exception as exc:  # the last resort: a bug still gets one line, the trace at DEBUG
        rejected = _rejected_token(exc)
        if rejected is not None:
            return fail(rejected, 2)
        logger.debug("Command failed", exc_info=exc)
        return fail(f"{type(exc).__name__}: {exc} (LOG_LEVEL=DEBUG shows where)", 1)
    return code


def _rejected_token(exc: Exception) -> str | None:
    """The one line for a token Telegram refused ("InvalidToken" quotes the token in full)."""
    if type(exc).__name__ not in {"TokenRejected", "InvalidToken"}:
        return None
    from bot.channels.tg.startup import REJECTED

    return REJECTED


def fail(message: str, code: int) -> int:
    """Print ``error: message`` as one line on standard error; return ``code``."""
    print("error: " + " ".join(message.split()), file=sys.stderr)
    return code
