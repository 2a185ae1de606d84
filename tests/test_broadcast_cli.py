"""The broadcast command: checks, preview, resume after SIGKILL, stats, export and import."""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import subprocess
import sys
from collections import Counter
from datetime import time
from pathlib import Path

import pytest

from bot import PROJECT_ROOT
from bot.broadcast.engine import DEFAULT_WORKERS
from bot.channels.tg import organizer
from bot.channels.tg.app import build_application
from bot.cli_broadcast import add_arguments, cmd_broadcast, cmd_stats, cmd_subscribers
from bot.config import Settings
from bot.services import open_services
from bot.storage import broadcasts, subscribers
from bot.storage.db import connect
from tests.conftest import TOKEN, running_application
from tests.fakebotapi import FakeBotAPI
from tests.support import make_settings

NEVER_QUIET = (time(0, 0), time(0, 0))
ALERT = "<b>Hearing on S.1234 Tuesday</b>\nCall your senator: <i>press pause</i>."


def _args(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    add_arguments(parser.add_subparsers(dest="command", required=True))
    return parser.parse_args(argv)


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings(
        token=TOKEN,
        db_path=tmp_path / "state.sqlite3",
        knowledge_dir=tmp_path / "no-knowledge",
        quiet_hours=Settings().quiet_hours,
    )


def _subscribe(db_path: Path, chat_ids: range) -> None:
    conn = connect(db_path)
    for chat_id in chat_ids:
        subscribers.subscribe(conn, chat_id, "somerville", "en")
    conn.close()


def test_invalid_html_is_refused_before_anything_is_stored(settings, tmp_path, capsys):
    alert = tmp_path / "alert.html"
    alert.write_text("<div>Hearing</div> & more")
    assert cmd_broadcast(settings, _args("broadcast", "--text-file", str(alert), "--yes")) == 2
    assert "<div>" in capsys.readouterr().err
    assert broadcasts.stats(connect(settings.db_path)).broadcasts == {}


def test_dry_run_previews_the_audience_and_sends_nothing(settings, tmp_path, capsys):
    _subscribe(settings.db_path, range(1, 8))
    alert = tmp_path / "alert.html"
    alert.write_text(ALERT)
    argv = ("broadcast", "--text-file", str(alert), "--segment", "all", "--dry-run")
    assert cmd_broadcast(settings, _args(*argv)) == 0
    assert "7 subscriber(s)" in capsys.readouterr().out
    assert broadcasts.stats(connect(settings.db_path)).broadcasts == {}


def test_stats_hide_small_counts(settings, capsys):
    _subscribe(settings.db_path, range(1, 4))
    assert cmd_stats(settings, _args("stats")) == 0
    out = capsys.readouterr().out
    assert "Subscribers: <5" in out
    assert "somerville: <5" in out


def test_subscribers_export_writes_json_lines(settings, tmp_path):
    _subscribe(settings.db_path, range(1, 3))
    out = tmp_path / "subs.jsonl"
    assert cmd_subscribers(settings, _args("subscribers", "export", "--out", str(out))) == 0
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert [(r["chat_id"], r["town"]) for r in rows] == [(1, "somerville"), (2, "somerville")]


@pytest.mark.slow
def test_a_broadcast_killed_midway_resumes_and_serves_everyone_once(tmp_path):
    """SIGKILL the sender, run the same command again: at most one duplicate per worker."""
    db_path = tmp_path / "state.sqlite3"
    audience = range(5001, 5201)
    _subscribe(db_path, audience)
    alert = tmp_path / "alert.html"
    alert.write_text(ALERT)
    command = [sys.executable, "-m", "bot.cli_broadcast", "broadcast"]
    command += ["--text-file", str(alert), "--segment", "all", "--yes"]
    with FakeBotAPI.in_thread(rate_limit=True, global_rate=100.0) as api:
        env = {
            **os.environ,
            "PYTHONPATH": str(PROJECT_ROOT),
            "BOT_DB_PATH": str(db_path),
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "TELEGRAM_API_BASE_URL": api.base_url,
            "BROADCAST_RATE": "90",
            "QUIET_HOURS": "00:00-00:00",
            "PTB_TIMEDELTA": "true",
        }
        first = subprocess.Popen(command, env=env, cwd=tmp_path, stdout=subprocess.DEVNULL)
        try:
            api.wait_for_blocking("sendMessage", count=60, timeout=30)
        finally:
            first.send_signal(signal.SIGKILL)
            first.wait(timeout=10)
        assert first.returncode == -signal.SIGKILL
        killed_at = len(api.sent())
        assert killed_at < len(audience)

        second = subprocess.run(
            command, env=env, cwd=tmp_path, capture_output=True, text=True, timeout=60
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


def test_stats_reports_calls_by_outcome_and_seat_hiding_counts_under_five() -> None:
    from bot.cli_broadcast import format_calls

    text = format_calls(
        {("house", "26th Middlesex", "talked"): 7, ("senate", "Second Middlesex", "voicemail"): 2}
    )
    assert "Calls and emails reported: 9" in text
    assert "talked: 7" in text and "voicemail: <5" in text
    assert "Senate Second Middlesex: <5" in text


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
