"""Subscribers: opt-in storage, personal data export and erasure, JSON lines import/export."""

from __future__ import annotations

import io
import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from bot.storage import broadcasts, subscribers
from bot.storage.db import connect

CHAT = 987_654_321  # long enough that no unrelated number in any table can equal it
PLACES = {"Somerville": "somerville", "Cambridge": "cambridge", "North Adams": "north-adams"}


LANGUAGES = ("en", "es", "pt")


def known_place(town: str) -> str:
    found = PLACES.get(town) or (town if town in PLACES.values() else None)
    if found is None:
        raise ValueError(f"unknown town {town!r}")
    return found


@pytest.fixture
def conn(tmp_path) -> sqlite3.Connection:
    return connect(tmp_path / "state.sqlite3")


def test_subscribe_returns_true_only_for_a_new_chat(conn):
    assert subscribers.subscribe(conn, CHAT, "somerville", "en", today=date(2025, 1, 2))
    assert not subscribers.subscribe(conn, CHAT, "cambridge", "es", today=date(2025, 3, 4))
    assert subscribers.get(conn, CHAT) == subscribers.Subscriber(
        CHAT, "cambridge", "es", "2025-01-02"
    )


def test_unsubscribe_reports_whether_there_was_a_subscription(conn):
    subscribers.subscribe(conn, CHAT, "somerville", "en")
    assert subscribers.unsubscribe(conn, CHAT)
    assert not subscribers.unsubscribe(conn, CHAT)
    assert subscribers.get(conn, CHAT) is None


def test_count_by_place_counts_every_subscriber(conn):
    for chat_id, place in [(1, "somerville"), (2, "somerville"), (3, "cambridge")]:
        subscribers.subscribe(conn, chat_id, place, "en")
    assert subscribers.count_by_place(conn) == {"somerville": 2, "cambridge": 1}


def _everything(conn: sqlite3.Connection) -> list[tuple[str, str, object]]:
    cells = []
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    for table in tables:
        for row in conn.execute(f'SELECT * FROM "{table}"'):
            cells.extend((table, column, value) for column, value in dict(row).items())
    return cells


def _mentions(value: object) -> bool:
    text = str(value)
    return str(CHAT) in text or subscribers.actor_hash(CHAT) in text


def test_forget_leaves_no_row_mentioning_the_chat_in_any_table(conn):
    subscribers.subscribe(conn, CHAT, "somerville", "en")
    subscribers.subscribe(conn, 5, "somerville", "en")
    # The same person is also an organizer who created a broadcast that reached them.
    bid = broadcasts.create_broadcast(conn, "<b>Hearing</b>", ["all"], actor=CHAT)
    broadcasts.enqueue(conn, bid, [CHAT, 5], actor=CHAT)
    broadcasts.mark_sending(conn, bid, CHAT)
    assert any(_mentions(value) for _, _, value in _everything(conn))
    data = subscribers.mydata(conn, CHAT)
    assert {"subscribers", "outbox", "audit", "broadcasts"} <= set(data)

    assert subscribers.forget(conn, CHAT) > 0

    assert [cell for cell in _everything(conn) if _mentions(cell[2])] == []
    assert subscribers.mydata(conn, CHAT) == {}
    assert subscribers.get(conn, 5) is not None
    assert broadcasts.progress(conn, bid).remaining == 1


def test_export_then_import_into_an_empty_database_is_lossless(conn, tmp_path):
    subscribers.subscribe(conn, 1, "somerville", "en", today=date(2025, 1, 2))
    subscribers.subscribe(conn, 2, "north-adams", "pt", today=date(2025, 2, 3))
    out = io.StringIO()
    names = {v: k for k, v in PLACES.items()}
    assert subscribers.export_jsonl(conn, out, names.get) == 2
    first = json.loads(out.getvalue().splitlines()[0])
    assert first == {
        "chat_id": 1,
        "town": "Somerville",
        "place_id": "somerville",
        "language": "en",
        "created": "2025-01-02",
    }
    other = connect(tmp_path / "other.sqlite3")
    report = subscribers.import_jsonl(other, out.getvalue().splitlines(), known_place, LANGUAGES)
    assert (report.added, report.rejected) == (2, [])
    assert subscribers.get(other, 2) == subscribers.Subscriber(
        2, "north-adams", "pt", "2025-02-03"
    )


def test_import_is_idempotent_and_names_rejected_lines(conn):
    lines = [
        '{"chat_id": 1, "town": "Somerville", "language": "en", "created": "2025-01-02"}',
        "not json",
        '{"chat_id": "x", "town": "Somerville", "language": "en", "created": "2025-01-02"}',
        '{"chat_id": 3, "town": "Atlantis", "language": "en", "created": "2025-01-02"}',
        "",
        '{"chat_id": 4, "town": "Cambridge", "language": "en", "created": "yesterday"}',
    ]
    report = subscribers.import_jsonl(conn, lines, known_place, LANGUAGES)
    assert report.added == 1
    assert [number for number, _ in report.rejected] == [2, 3, 4, 6]
    assert "Atlantis" in report.rejected[2][1]
    again = subscribers.import_jsonl(conn, lines, known_place, LANGUAGES)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 1)


def test_a_chat_id_too_large_for_sqlite_is_one_rejected_line_and_the_rest_import(conn):
    """A chat_id of 2**63 aborted the whole import: the valid lines after it were lost."""
    lines = [
        '{"chat_id": 1, "town": "Somerville", "language": "en", "created": "2025-01-02"}',
        '{"chat_id": 9223372036854775808, "town": "Somerville", "language": "en"}',
        '{"chat_id": 4503599627370496, "town": "Somerville", "language": "en"}',
        '{"chat_id": 0, "town": "Somerville", "language": "en"}',
        '{"chat_id": 3, "town": "Cambridge", "language": "en", "created": "2025-01-02"}',
    ]
    report = subscribers.import_jsonl(conn, lines, known_place, LANGUAGES)
    assert report.added == 2
    assert [number for number, _ in report.rejected] == [2, 3, 4]
    assert "9223372036854775808 is not a Telegram chat id" in report.rejected[0][1]
    assert subscribers.get(conn, 3) is not None


def test_a_line_without_created_takes_today(conn):
    lines = ['{"chat_id": "12345", "town": "Cambridge", "language": "EN"}']
    report = subscribers.import_jsonl(conn, lines, known_place, LANGUAGES, date(2025, 5, 6))
    assert (report.added, report.rejected) == (1, [])
    assert subscribers.get(conn, 12345) == subscribers.Subscriber(
        12345, "cambridge", "en", "2025-05-06"
    )


@pytest.mark.parametrize("language", ["<script>", "xx", "", None, 7])
def test_a_language_outside_the_catalog_is_rejected(conn, language):
    line = json.dumps({"chat_id": 5, "town": "Cambridge", "language": language})
    report = subscribers.import_jsonl(conn, [line], known_place, LANGUAGES)
    assert report.added == 0
    [(number, reason)] = report.rejected
    assert number == 1 and "is not one of en, es, pt" in reason


def test_a_line_that_is_not_utf8_is_rejected_and_the_rest_import(conn):
    lines = [
        b'{"chat_id": 1, "town": "Caf\xe9", "language": "en"}',
        b'{"chat_id": 2, "town": "Cambridge", "language": "es"}',
    ]
    report = subscribers.import_jsonl(conn, lines, known_place, LANGUAGES)
    assert report.added == 1
    assert report.rejected == [(1, "not UTF-8 text")]


def test_place_id_wins_over_the_town_name(conn):
    line = '{"chat_id": 8, "town": "Portland", "place_id": "north-adams", "language": "pt"}'
    report = subscribers.import_jsonl(conn, [line], known_place, LANGUAGES)
    assert report.added == 1
    assert subscribers.get(conn, 8).place_id == "north-adams"


def _encodings(number: int) -> list[bytes]:
    """How SQLite may store ``number``: a record's big-endian integer, a rowid's varint."""
    varint = [number & 0x7F]
    rest = number >> 7
    while rest:
        varint.insert(0, 0x80 | (rest & 0x7F))
        rest >>= 7
    size = 4 if number < 2**31 else 8
    return [number.to_bytes(size, "big"), bytes(varint)]


def _files_holding(path: Path, number: int) -> list[str]:
    found = []
    for file in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        data = file.read_bytes() if file.exists() else b""
        if any(encoding in data for encoding in _encodings(number)):
            found.append(file.name)
    return found


def test_after_forget_no_file_of_the_database_holds_the_chat_id(tmp_path, monkeypatch):
    """After /forget the WAL file held the chat id until the bot stopped."""
    plain_connect = sqlite3.connect

    def usual_sqlite(*args, **kwargs):  # SQLite as most systems build it: secure_delete off
        opened = plain_connect(*args, **kwargs)
        opened.execute("PRAGMA secure_delete = OFF")
        return opened

    monkeypatch.setattr(sqlite3, "connect", usual_sqlite)
    path = tmp_path / "state.sqlite3"
    conn = connect(path)
    reader = connect(path)  # another process's connection, as when the CLI runs beside the bot
    subscribers.subscribe(conn, CHAT, "somerville", "en")
    for chat_id in range(1, 300):
        subscribers.subscribe(conn, chat_id, "cambridge", "en")
    bid = broadcasts.create_broadcast(conn, "<b>Hearing</b>", ["all"], actor=None)
    broadcasts.enqueue(conn, bid, [CHAT, *range(1, 300)])
    assert reader.execute("SELECT count(*) FROM subscribers").fetchone()[0] == 300
    assert _files_holding(path, CHAT)  # it is there before

    subscribers.forget(conn, CHAT)

    assert _files_holding(path, CHAT) == []
    assert reader.execute("SELECT count(*) FROM subscribers").fetchone()[0] == 299
    reader.close()
    conn.close()


OLD_SCHEMA = """
CREATE TABLE subscribers (
    chat_id INTEGER PRIMARY KEY,
    place_id TEXT NOT NULL,
    language TEXT NOT NULL,
    created TEXT NOT NULL
);
INSERT INTO subscribers VALUES (42, 'lowell', 'en', '2024-05-06');
"""


def test_a_database_from_before_the_volunteer_flag_gets_its_column(tmp_path):
    path = tmp_path / "old.sqlite3"
    old = sqlite3.connect(path)
    old.executescript(OLD_SCHEMA)
    old.close()
    conn = connect(path)
    assert subscribers.get(conn, 42) == subscribers.Subscriber(
        42, "lowell", "en", "2024-05-06", volunteer=False
    )
    subscribers.volunteer(conn, 42, "lowell", "en")
    conn.close()
    again = connect(path)  # the migration runs on every open and changes nothing twice
    stored = subscribers.get(again, 42)
    assert stored is not None and stored.volunteer
    columns = [row[1] for row in again.execute("PRAGMA table_info(subscribers)")]
    assert columns == [
        "chat_id",
        "place_id",
        "language",
        "created",
        "volunteer",
        "senate",
        "house",
    ]


def test_volunteering_subscribes_and_moving_town_clears_the_flag(conn):
    assert subscribers.volunteer(conn, CHAT, "somerville", "en", date(2025, 1, 2)) is None
    assert subscribers.get(conn, CHAT) == subscribers.Subscriber(
        CHAT, "somerville", "en", "2025-01-02", volunteer=True
    )
    subscribers.subscribe(conn, CHAT, "somerville", "es")  # same town: the flag stays
    assert subscribers.get(conn, CHAT).volunteer  # type: ignore[union-attr]
    subscribers.subscribe(conn, CHAT, "cambridge", "es")
    assert not subscribers.get(conn, CHAT).volunteer  # type: ignore[union-attr]
    assert subscribers.local_counts(conn) == {"cambridge": (1, 0)}
    subscribers.volunteer(conn, CHAT, "cambridge", "es")
    assert subscribers.stop_volunteering(conn, CHAT)
    assert not subscribers.stop_volunteering(conn, CHAT)


def test_the_volunteer_flag_survives_export_and_import(conn, tmp_path):
    subscribers.volunteer(conn, 1, "somerville", "en", date(2025, 1, 2))
    subscribers.subscribe(conn, 2, "cambridge", "en", date(2025, 1, 2))
    out = io.StringIO()
    subscribers.export_jsonl(conn, out)
    lines = out.getvalue().splitlines()
    assert json.loads(lines[0])["volunteer"] is True and "volunteer" not in json.loads(lines[1])
    other = connect(tmp_path / "other.sqlite3")
    report = subscribers.import_jsonl(other, lines, known_place, LANGUAGES)
    assert (report.added, report.rejected) == (2, [])
    assert subscribers.get(other, 1).volunteer  # type: ignore[union-attr]
    bad = '{"chat_id": 3, "town": "Somerville", "language": "en", "volunteer": "yes"}'
    assert subscribers.import_jsonl(other, [bad], known_place, LANGUAGES).rejected == [
        (1, "volunteer must be true or false")
    ]
