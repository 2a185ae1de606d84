"""``python -m bot stats`` and ``subscribers export|import`` against the built knowledge."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from bot.cli.stats import format_calls
from bot.config import Settings
from bot.storage import subscribers
from bot.storage.db import connect
from tests.support import make_settings, run_cli


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return make_settings(tmp_path)


def _subscribe(settings: Settings, chat_ids: range, place_id: str = "somerville") -> None:
    conn = connect(settings.db_path)
    for chat_id in chat_ids:
        subscribers.subscribe(conn, chat_id, place_id, "en")
    conn.close()


def _subscriber(settings: Settings, chat_id: int) -> subscribers.Subscriber | None:
    conn = connect(settings.db_path)
    try:
        return subscribers.get(conn, chat_id)
    finally:
        conn.close()


def test_stats_hide_small_counts_and_name_the_towns(settings, capsys):
    _subscribe(settings, range(1, 4))
    assert run_cli(settings, "stats") == 0
    out = capsys.readouterr().out
    assert "Subscribers: <5" in out
    assert "Somerville: <5" in out


def test_stats_reports_calls_by_outcome_and_seat_hiding_counts_under_five() -> None:
    text = format_calls(
        {("house", "26th Middlesex", "talked"): 7, ("senate", "Second Middlesex", "voicemail"): 2}
    )
    assert "Calls and emails reported: 9" in text
    assert "talked: 7" in text and "voicemail: <5" in text
    assert "Senate Second Middlesex: <5" in text


def test_export_writes_json_lines_that_import_back(settings, tmp_path, capsys):
    _subscribe(settings, range(1, 3))
    _subscribe(settings, range(3, 4), "portland-me")
    out = tmp_path / "subs.jsonl"
    assert run_cli(settings, "subscribers", "export", "--out", str(out)) == 0
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert [(r["chat_id"], r["town"]) for r in rows] == [
        (1, "Somerville"),
        (2, "Somerville"),
        (3, "Portland"),
    ]
    (tmp_path / "other").mkdir()
    other = make_settings(tmp_path / "other")
    assert run_cli(other, "subscribers", "import", str(out)) == 0
    assert "Added 3, updated 0, unchanged 0, rejected 0." in capsys.readouterr().out
    assert _subscriber(other, 3).place_id == "portland-me"


def test_import_reports_bad_lines_one_a_line_and_imports_the_rest(settings, tmp_path, capsys):
    lines = [
        {"chat_id": 1, "town": "Somerville", "language": "en", "created": "2025-01-02"},
        {"chat_id": 2**63, "town": "Somerville", "language": "en"},
        {"chat_id": 3, "town": "Portland", "language": "en"},
        {"chat_id": 4, "town": "Portland, ME", "language": "en"},
        {"chat_id": 5, "town": "Cambridge", "language": "<script>"},
        {"chat_id": 6, "town": "cambridge", "language": "es"},
        {"chat_id": 7, "town": "Atlantis", "language": "en"},
        {"chat_id": 8, "town": "Washington", "language": "pt"},
    ]
    path = tmp_path / "from-another-tool.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")

    assert run_cli(settings, "subscribers", "import", str(path)) == 1

    out, err = capsys.readouterr()
    assert "Added 4, updated 0, unchanged 0, rejected 4." in out
    assert err.splitlines() == [
        f"{path}:2: chat_id 9223372036854775808 is not a Telegram chat id",
        f"{path}:3: town 'Portland' is ambiguous (portland-me or portland-or): give its state "
        "or place_id",
        f"{path}:5: language '<script>' is not one of en, es, pt",
        f"{path}:7: unknown town 'Atlantis'",
        f"error: {path}: 4 line(s) rejected",
    ]
    assert _subscriber(settings, 4).place_id == "portland-me"
    assert _subscriber(settings, 6) == subscribers.Subscriber(
        6, "cambridge", "es", date.today().isoformat()
    )
    assert _subscriber(settings, 8).place_id == "washington"
    assert _subscriber(settings, 3) is None


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (None, "no such file"),
        (b"SQLite format 3\x00\x10\x00\x01\x01", "binary, not JSON lines"),
    ],
)
def test_an_import_file_missing_or_binary_is_one_line(
    settings, tmp_path, capsys, content, problem
):
    path = tmp_path / "subs.jsonl"
    if content is not None:
        path.write_bytes(content)
    assert run_cli(settings, "subscribers", "import", str(path)) == 1
    assert capsys.readouterr().err == f"error: {path}: {problem}\n"


def test_an_export_to_a_folder_that_does_not_exist_is_one_line(settings, tmp_path, capsys):
    out = tmp_path / "missing" / "subs.jsonl"
    assert run_cli(settings, "subscribers", "export", "--out", str(out)) == 1
    assert (
        capsys.readouterr().err == f"error: {out}: cannot write it (No such file or directory)\n"
    )


def test_stats_local_ranks_towns_without_a_ban_and_hides_small_counts(settings, capsys):
    conn = connect(settings.db_path)
    for chat_id in range(1, 8):  # Andover: 7 subscribers, 6 of them would help organize
        if chat_id < 7:
            subscribers.volunteer(conn, chat_id, "andover", "en")
        else:
            subscribers.subscribe(conn, chat_id, "andover", "en")
    for chat_id in range(10, 19):  # Lowell: 9 subscribers, 2 volunteers
        subscribers.subscribe(conn, chat_id, "lowell", "en")
    subscribers.volunteer(conn, 10, "lowell", "en")
    subscribers.volunteer(conn, 11, "lowell", "en")
    for chat_id in range(20, 40):  # Somerville has a ban: not a place to organize next
        subscribers.volunteer(conn, chat_id, "somerville", "en")
    conn.close()
    assert run_cli(settings, "stats", "--local") == 0
    lines = capsys.readouterr().out.splitlines()
    assert "Where to organize next" in lines[0] and '"<5"' in lines[0]
    rows = [line.split() for line in lines[2:]]
    assert rows == [
        ["1", "Andover", "open", "town", "meeting", "6", "7"],
        ["2", "Lowell", "council", "<5", "9"],
    ]
