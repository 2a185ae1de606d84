"""What every command shares: the one error type, opening the databases, reading input files."""

from __future__ import annotations

import logging
import sqlite3
import stat
from pathlib import Path

from bot.config import Settings
from bot.kb.errors import KnowledgeError
from bot.kb.store import KnowledgeStore
from bot.storage.db import connect

logger = logging.getLogger(__name__)

# A broadcast is at most 4,096 characters once rendered; with tags and entities a real alert is
# a few kilobytes. Anything larger is not an alert (a log file, a database).
MAX_MESSAGE_FILE_BYTES = 64 * 1024
_ALLOWED_CONTROLS = frozenset("\n\r\t")


class CliError(Exception):
    """A command failed: ``main`` prints the one-line message and exits with ``code``."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


def open_state(settings: Settings) -> sqlite3.Connection:
    """Open and check the state database; a damaged one is an error saying how to restore it."""
    path = settings.db_path
    try:
        conn = connect(path)
    except sqlite3.Error as exc:
        raise CliError(state_damaged(path, str(exc))) from None
    try:
        verdict = str(conn.execute("PRAGMA quick_check").fetchone()[0])
    except sqlite3.Error as exc:
        verdict = str(exc)
    if verdict != "ok":
        conn.close()
        raise CliError(state_damaged(path, verdict))
    return conn


def state_damaged(path: Path, why: str) -> str:
    """The one line for a state database that cannot be used."""
    return (
        f"{path}: the state database cannot be opened ({why.splitlines()[0]}); to restore it, "
        f"stop the bot, move {path.name} and any {path.name}-wal and {path.name}-shm aside, "
        f"and copy your latest backup (made with: python -m bot backup FILE) to {path}"
    )


def open_knowledge(settings: Settings) -> KnowledgeStore:
    """Open the knowledge database (rebuilt from the YAML when stale or damaged)."""
    return KnowledgeStore.open(settings.knowledge_dir, settings.knowledge_db_path)


def open_knowledge_for_names(settings: Settings) -> KnowledgeStore | None:
    """Open the knowledge database only to name places: None (and a warning) if it cannot be.

    The command then shows place ids instead of names.
    """
    try:
        return open_knowledge(settings)
    except KnowledgeError as exc:
        logger.warning("Knowledge database unavailable, showing place ids: %s", exc)
        return None


def read_regular_file(path: Path, max_bytes: int | None = None) -> bytes:
    """Return the bytes of a regular file, or raise CliError naming it.

    Devices, pipes and folders are refused, and so are files whose content is not what their
    size says (``/proc`` and ``/sys`` files report a size of 0): ``--text-file
    /proc/self/environ`` would otherwise send the process environment, token included.
    """
    try:
        info = path.stat()
    except FileNotFoundError:
        raise CliError(f"{path}: no such file") from None
    except OSError as exc:
        raise CliError(f"{path}: cannot read it ({exc.strerror})") from None
    if not stat.S_ISREG(info.st_mode):
        raise CliError(f"{path}: not a regular file")
    if max_bytes is not None and info.st_size > max_bytes:
        raise CliError(f"{path}: {info.st_size:,} bytes; at most {max_bytes:,} are accepted")
    try:
        with path.open("rb") as handle:
            data = handle.read(info.st_size + 1)
    except OSError as exc:
        raise CliError(f"{path}: cannot read it ({exc.strerror})") from None
    if len(data) != info.st_size:
        raise CliError(f"{path}: not a plain file (its content does not match its size)")
    return data


def decode_text(path: Path, data: bytes) -> str:
    """Return ``data`` as text, or raise CliError naming the file and line: UTF-8, no binary."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise CliError(
            f"{path}: line {line}: not UTF-8 text (byte 0x{data[exc.start]:02x})"
        ) from None
    for index, char in enumerate(text):
        if is_binary(char):
            line = text.count("\n", 0, index) + 1
            raise CliError(f"{path}: line {line}: binary, not text (U+{ord(char):04X})")
    return text.removeprefix("\ufeff")


def is_binary(char: str) -> bool:
    """Whether a character never appears in text: a control character other than tab and ends
    of lines."""
    return (char < " " or "\x7f" <= char < "\xa0") and char not in _ALLOWED_CONTROLS


def write_file(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` (its folder made if missing), or raise CliError naming it."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    except OSError as exc:
        raise CliError(f"{path}: cannot write it ({exc.strerror or exc})") from None
