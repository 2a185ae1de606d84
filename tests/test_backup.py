"""``python -m bot backup``: a consistent, checked copy of the state database while it is used."""

from __future__ import annotations

import shutil
import sqlite3
import threading
from pathlib import Path

import pytest

from bot.config import Settings
from bot.storage import subscribers
from bot.storage.backup import BackupError, backup_database
from bot.storage.db import connect
from tests.support import run_cli


def _writer(path: Path, stop: threading.Event, written: list[int]) -> None:
    """Subscribe new chats one transaction at a time until told to stop, like a busy bot."""
    conn = connect(path)
    chat_id = 1000
    while not stop.is_set():
        chat_id += 1
        subscribers.subscribe(conn, chat_id, "somerville", "en")
        written.append(chat_id)
    conn.close()


def test_a_backup_taken_while_the_bot_writes_is_a_consistent_single_file(tmp_path: Path) -> None:
    source = tmp_path / "bot.sqlite3"
    conn = connect(source)
    for chat_id in range(1, 501):
        subscribers.subscribe(conn, chat_id, "cambridge", "es")
    stop, written = threading.Event(), []
    writer = threading.Thread(target=_writer, args=(source, stop, written))
    writer.start()
    try:
        while len(written) < 50:  # the writer is under way
            threading.Event().wait(0.01)
        target = tmp_path / "backups" / "copy.sqlite3"
        target.parent.mkdir()
        size = backup_database(source, target)
        during = len(written)
    finally:
        stop.set()
        writer.join()

    assert size == target.stat().st_size
    assert sorted(p.name for p in target.parent.iterdir()) == ["copy.sqlite3"]  # no -wal
    copy = sqlite3.connect(target)
    assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert copy.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    count = copy.execute("SELECT count(*) FROM subscribers").fetchone()[0]
    copy.close()
    assert 500 + 50 <= count <= 500 + during
    # Restored under the bot's name, it opens as the state database.
    restored = tmp_path / "restored" / "bot.sqlite3"
    restored.parent.mkdir()
    shutil.copyfile(target, restored)
    reopened = connect(restored)
    assert subscribers.get(reopened, 7) == subscribers.get(conn, 7)
    reopened.close()
    conn.close()


def test_a_backup_never_overwrites_and_never_creates_the_source(tmp_path: Path) -> None:
    missing = tmp_path / "missing.sqlite3"
    with pytest.raises(BackupError, match="no state database to back up"):
        backup_database(missing, tmp_path / "copy.sqlite3")
    assert not missing.exists()
    source = tmp_path / "bot.sqlite3"
    connect(source).close()
    existing = tmp_path / "old-backup.sqlite3"
    existing.write_bytes(b"an earlier backup")
    with pytest.raises(BackupError, match="already exists"):
        backup_database(source, existing)
    assert existing.read_bytes() == b"an earlier backup"


def test_backing_up_a_damaged_database_fails_and_leaves_nothing(tmp_path: Path) -> None:
    source = tmp_path / "bot.sqlite3"
    source.write_bytes(b"not a database at all\n" * 100)
    with pytest.raises(BackupError, match="cannot back it up"):
        backup_database(source, tmp_path / "copy.sqlite3")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bot.sqlite3"]


def test_the_backup_command_prints_one_line_and_errors_are_one_line(
    tmp_path: Path, capsys
) -> None:
    settings = Settings(db_path=tmp_path / "bot.sqlite3")
    conn = connect(settings.db_path)
    subscribers.subscribe(conn, 1, "somerville", "en")
    target = tmp_path / "copy.sqlite3"
    assert run_cli(settings, "backup", str(target)) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"Backed up {settings.db_path} to {target} (")
    assert out.endswith("bytes, integrity check ok).\n")
    assert run_cli(settings, "backup", str(target)) == 1
    assert capsys.readouterr().err == f"error: {target}: already exists; choose a new name\n"
    conn.close()
