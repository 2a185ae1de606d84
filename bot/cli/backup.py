"""``python -m bot backup FILE``: copy the state database, safely while the bot runs."""

from __future__ import annotations

import argparse
from pathlib import Path

from bot.cli.common import CliError
from bot.config import Settings
from bot.storage.backup import BackupError, backup_database


def register(commands: argparse._SubParsersAction) -> None:
    """Add ``backup``."""
    parser = commands.add_parser(
        "backup",
        help="copy the state database to FILE (safe while the bot runs)",
        description=backup.__doc__,
    )
    parser.add_argument("file", type=Path, help="the copy to write; it must not exist yet")
    parser.set_defaults(handler=backup)


def backup(settings: Settings, args: argparse.Namespace) -> int:
    """Copy the state database with SQLite's online backup, check the copy, then name it FILE.

    To restore: stop the bot, move the database and its -wal and -shm files aside, and copy
    FILE to BOT_DB_PATH.
    """
    try:
        size = backup_database(settings.db_path, args.file)
    except BackupError as exc:
        raise CliError(str(exc)) from None
    print(f"Backed up {settings.db_path} to {args.file} ({size:,} bytes, integrity check ok).")
    return 0
