"""The broadcast command: checks, what it shows, exit codes, retries, resume after SIGKILL, and
one engine per broadcast when the bot starts mid-delivery."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from datetime import time
from pathlib import Path

import pytest

from bot import PROJECT_ROOT
from bot.broadcast.engine import DEFAULT_WORKERS
from bot.channels.tg import organizer
from bot.channels.tg.app import build_application
from bot.config import Settings
from bot.services import open_services
from bot.storage import broadcasts, subscribers
from bot.storage.db import connect
from tests.conftest import TOKEN, running_application
from tests.fakebotapi import FakeBotAPI
from tests.support import make_settings, run_cli

NEVER_QUIET = (time(0, 0), time(0, 0))
ALERT = "<b>Hearing on S.1234 Tuesday</b>\nCall your senator: <i>press pause</i>."


@pytest.fixture
def api() -> Iterator[FakeBotAPI]:
    with FakeBotAPI.in_thread() as server:
        yield server


@pytest.fixture
def settings(tmp_path: Path, api: FakeBotAPI) -> Settings:
    return Settings(
        token=TOKEN,
        api_base_url=api.base_url,
        db_path=tmp_path / "state.sqlite3",
        knowledge_dir=tmp_path / "no-knowledge",
        broadcast_rate=1000.0,
        per_chat_rate=100.0,
        quiet_hours=NEVER_QUIET,
    )


@pytest.fixture
def alert(tmp_path: Path) -> Path:
    path = tmp_path / "alert.html"
    path.write_text(ALERT, encoding="utf-8")
    return path


def _subscribe(db_path: Path, chat_ids: range) -> None:
    conn = connect(db_path)
    for chat_id in chat_ids:
        subscribers.subscribe(conn, chat_id, "somerville", "en")
    conn.close()


def _stored(settings: Settings) -> dict[str, int]:
    conn = connect(settings.db_path)
    try:
        return broadcasts.stats(conn).broadcasts
    finally:
        conn.close()


def _one_error_line(err: str) -> str:
    """Return the error line: the last of standard error, the only one (progress aside)."""
    lines = [line for line in err.strip().splitlines() if not line.startswith("#")]
    assert len(lines) == 1, err
    assert lines[0].startswith("error: ") and err.endswith(lines[0] + "\n")
    return lines[0]


def test_invalid_html_is_one_line_naming_the_file_and_nothing_is_stored(
    settings, tmp_path, capsys
):
    alert = tmp_path / "alert.html"
    alert.write_text("<div>Hearing</div> & more")
    assert run_cli(settings, "broadcast", "--text-file", str(alert), "--yes") == 2
    line = _one_error_line(capsys.readouterr().err)
    assert str(alert) in line and "<div>" in line and "bare '&'" in line
    assert _stored(settings) == {}


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (None, "no such file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not UTF-8 text"),
        (b"<b>Hearing</b>\x00\x01\x02", "binary, not text"),
        ("<b>Café</b> on Tuesday".encode("latin-1"), "line 1: not UTF-8 text (byte 0xe9)"),
        (("x" * 4097).encode(), "the message is 4097 characters; Telegram allows 4096"),
        (b"", "the message is empty"),
    ],
)
def test_a_text_file_that_is_missing_binary_not_utf8_or_too_long_is_one_line(
    settings, tmp_path, capsys, api, content, problem
):
    _subscribe(settings.db_path, range(1, 3))
    path = tmp_path / "alert.html"
    if content is not None:
        path.write_bytes(content)
    code = run_cli(settings, "broadcast", "--text-file", str(path), "--segment", "all", "--yes")
    assert code != 0
    line = _one_error_line(capsys.readouterr().err)
    assert str(path) in line and problem in line
    assert _stored(settings) == {}
    assert api.sent() == []


def test_a_folder_or_a_device_is_not_a_text_file(settings, tmp_path, capsys):
    for path in (tmp_path, Path("/dev/zero")):
        assert run_cli(settings, "broadcast", "--text-file", str(path), "--dry-run") != 0
        assert f"error: {path}: not a regular file" in capsys.readouterr().err


def test_the_process_environment_is_never_sent(tmp_path, api):
    """``--text-file /proc/self/environ --yes`` sent the environment, token included."""
    _subscribe(tmp_path / "state.sqlite3", range(1, 3))
    env = {
        **os.environ,
        "BOT_DB_PATH": str(tmp_path / "state.sqlite3"),
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_API_BASE_URL": api.base_url,
        "QUIET_HOURS": "00:00-00:00",
    }
    argv = ["broadcast", "--text-file", "/proc/self/environ", "--segment", "all", "--yes"]
    done = subprocess.run(
        [sys.executable, "-m", "bot", *argv],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode != 0
    line = _one_error_line(done.stderr)
    assert "/proc/self/environ: not a plain file" in line
    assert api.sent() == []
    assert TOKEN not in done.stdout + done.stderr


def test_dry_run_shows_the_text_and_the_audience_and_sends_nothing(settings, alert, capsys, api):
    _subscribe(settings.db_path, range(1, 8))
    argv = ("broadcast", "--text-file", str(alert), "--segment", "all", "--dry-run")
    assert run_cli(settings, *argv) == 0
    out = capsys.readouterr().out
    assert "  | <b>Hearing on S.1234 Tuesday</b>" in out
    assert "  | Call your senator: <i>press pause</i>." in out
    assert "7 subscriber(s)" in out
    assert _stored(settings) == {}
    assert api.sent() == []


def test_yes_shows_the_text_and_the_audience_before_it_sends(settings, alert, capsys, api):
    _subscribe(settings.db_path, range(1, 4))
    assert (
        run_cli(settings, "broadcast", "--text-file", str(alert), "--segment", "all", "--yes") == 0
    )
    out = capsys.readouterr().out
    text_at = out.index("  | <b>Hearing on S.1234 Tuesday</b>")
    audience_at = out.index("3 subscriber(s)")
    assert text_at < audience_at < out.index("Broadcast #1 queued.")
    assert "Broadcast #1 done" in out
    assert sorted(int(c.params["chat_id"]) for c in api.sent()) == [1, 2, 3]


def test_a_failed_broadcast_exits_non_zero_and_the_same_command_retries_it(
    settings, alert, capsys, api
):
    """A broadcast whose recipients failed reported "done" and exited 0; a rerun made #2."""
    _subscribe(settings.db_path, range(1, 6))
    api.fail_next("sendMessage", "400", count=5, description="Bad Request: something went wrong")
    argv = ("broadcast", "--text-file", str(alert), "--segment", "all", "--yes")

    assert run_cli(settings, *argv) == 1
    out, err = capsys.readouterr()
    assert "Broadcast #1 incomplete" in out and "failed 5" in out
    assert _one_error_line(err) == (
        "error: broadcast #1: 5 recipient(s) failed; run the same command again to retry "
        "them, or cancel it with --cancel 1"
    )
    assert _stored(settings) == {"sending": 1}

    assert run_cli(settings, *argv) == 0
    out = capsys.readouterr().out
    assert "Retrying broadcast #1" in out and "Broadcast #1 done" in out
    assert Counter(int(c.params["chat_id"]) for c in api.sent()) == Counter(range(1, 6))
    assert _stored(settings) == {"done": 1}


def test_cancelling_a_finished_broadcast_is_one_line(settings, capsys):
    conn = connect(settings.db_path)
    bid = broadcasts.create_broadcast(conn, ALERT, ["all"], actor=None)
    broadcasts.cancel(conn, bid, actor=None)
    conn.close()
    assert run_cli(settings, "broadcast", "--cancel", str(bid)) == 1
    assert _one_error_line(capsys.readouterr().err) == (
        f"error: --cancel {bid}: nothing to cancel (it is cancelled)"
    )


def test_a_broadcast_needs_a_token_before_anything_is_stored(settings, alert, capsys):
    _subscribe(settings.db_path, range(1, 3))
    no_token = Settings(db_path=settings.db_path, knowledge_dir=settings.knowledge_dir)
    argv = ("broadcast", "--text-file", str(alert), "--segment", "all", "--yes")
    assert run_cli(no_token, *argv) == 2
    assert "TELEGRAM_BOT_TOKEN is not set" in _one_error_line(capsys.readouterr().err)
    assert _stored(settings) == {}


@pytest.mark.slow
def test_a_broadcast_killed_midway_resumes_and_serves_everyone_once(tmp_path):
    """SIGKILL the sender, run the same command again: at most one duplicate per worker."""
    db_path = tmp_path / "state.sqlite3"
    audience = range(5001, 5201)
    _subscribe(db_path, audience)
    alert = tmp_path / "alert.html"
    alert.write_text(ALERT)
    command = [sys.executable, "-m", "bot", "broadcast"]
    command += ["--text-file", str(alert), "--segment", "all", "--yes"]
    with FakeBotAPI.in_thread(rate_limit=True, global_rate=100.0) as api:
        env = {
            **os.environ,
            "BOT_DB_PATH": str(db_path),
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "TELEGRAM_API_BASE_URL": api.base_url,
            "BROADCAST_RATE": "90",
            "QUIET_HOURS": "00:00-00:00",
        }
        first = subprocess.Popen(command, env=env, cwd=PROJECT_ROOT, stdout=subprocess.DEVNULL)
        try:
            api.wait_for_blocking("sendMessage", count=60, timeout=30)
        finally:
            first.send_signal(signal.SIGKILL)
            first.wait(timeout=10)
        assert first.returncode == -signal.SIGKILL
        killed_at = len(api.sent())
        assert killed_at < len(audience)

        second = subprocess.run(
            command, env=env, cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=60
        )
        assert second.returncode == 0, second.stderr
        assert "Resuming broadcast #1" in second.stdout
        per_chat = Counter(int(call.params["chat_id"]) for call in api.sent())
        assert api.stats["rate_limited"] == 0

    assert set(per_chat) == set(audience)
    duplicates = sum(n - 1 for n in per_chat.values())
    assert duplicates <= DEFAULT_WORKERS
    conn = connect(db_path)
    assert broadcasts.progress(conn, 1) == broadcasts.Counts(200, 0, 0, 0)
    assert broadcasts.unfinished(conn) == []
    assert broadcasts.stats(conn).broadcasts == {"done": 1}


@pytest.mark.slow
async def test_a_bot_started_mid_delivery_leaves_the_broadcast_to_the_command_line(tmp_path):
    """One engine per broadcast: exact counts, blocked rows kept, one "done" in the audit log."""
    audience = list(range(7001, 7201))
    blocked = {7005, 7100, 7199}
    alert = tmp_path / "alert.html"
    alert.write_text(ALERT)
    with FakeBotAPI.in_thread(rate_limit=True, global_rate=100.0) as api:
        for chat_id in blocked:
            api.block(chat_id)
        settings = make_settings(
            tmp_path,
            token=TOKEN,
            api_base_url=api.base_url,
            broadcast_rate=40.0,
            quiet_hours=NEVER_QUIET,
        )
        services = open_services(settings)
        for chat_id in audience:
            subscribers.subscribe(services.state, chat_id, "somerville", "en")
        env = {
            **os.environ,
            "BOT_DB_PATH": str(settings.db_path),
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "TELEGRAM_API_BASE_URL": api.base_url,
            "BROADCAST_RATE": "40",
            "QUIET_HOURS": "00:00-00:00",
        }
        command = [sys.executable, "-m", "bot", "broadcast", "--text-file", str(alert)]
        cli = await asyncio.create_subprocess_exec(
            *command,
            "--segment",
            "all",
            "--yes",
            env=env,
            cwd=PROJECT_ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        await asyncio.to_thread(api.wait_for_blocking, "sendMessage", count=40, timeout=30)
        app = build_application(services)
        async with running_application(app):
            _, err = await asyncio.wait_for(cli.communicate(), 60)
            # The bot's own delivery, resumed at start, returns once the broadcast is done.
            await asyncio.gather(*app.bot_data.get(organizer.DELIVERIES, {}).values())
        per_chat = Counter(int(call.params["chat_id"]) for call in api.calls_of("sendMessage"))

    assert cli.returncode == 0, err.decode()
    assert set(per_chat) == set(audience)
    assert max(per_chat.values()) == 1
    conn = services.state
    assert broadcasts.progress(conn, 1) == broadcasts.Counts(197, 3, 0, 0)
    actions = [a for (a,) in conn.execute("SELECT action FROM audit WHERE broadcast_id = 1")]
    assert actions.count("done") == 1
    assert broadcasts.get_broadcast(conn, 1).state == "done"
    assert all(subscribers.get(conn, chat_id) is None for chat_id in blocked)
    services.close()
