"""The event loop never waits on SQLite: another writer holds the state database's lock."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
import time
from pathlib import Path

from telegram.ext import Application

from bot.channels.tg.app import build_application
from bot.services import open_services
from bot.storage import db, subscribers
from tests.conftest import running_application
from tests.fakebotapi import FakeBotAPI
from tests.support import bot_settings

SUBSCRIBER = 8001
LOOKUPS = [8101, 8102, 8103]
HOLD = 10.0  # seconds the other writer keeps the lock


def test_the_busy_timeout_outlasts_a_writer_holding_the_lock_for_ten_seconds() -> None:
    assert db.BUSY_TIMEOUT_MS / 1000 > HOLD * 2


async def test_lookups_answer_while_another_writer_holds_the_lock_and_subscriptions_wait(
    fake_api: FakeBotAPI, tmp_path: Path
) -> None:
    settings = bot_settings(fake_api.base_url, tmp_path)
    services = open_services(settings)
    app: Application = build_application(services)  # type: ignore[type-arg]
    locked = threading.Event()
    released_at: list[float] = []

    def hold_the_lock() -> None:
        other = sqlite3.connect(settings.db_path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        locked.set()
        time.sleep(HOLD)
        released_at.append(time.monotonic())
        other.execute("ROLLBACK")
        other.close()

    async with running_application(app):
        holder = threading.Thread(target=hold_the_lock)
        holder.start()
        try:
            await asyncio.to_thread(locked.wait)
            fake_api.push_text(SUBSCRIBER, "/subscribe Somerville")
            await asyncio.sleep(0.3)  # the subscription now waits for the lock
            for chat in LOOKUPS:
                fake_api.push_text(chat, "Cambridge")
            lookups = await fake_api.wait_for(
                "sendMessage", lambda p: p["chat_id"] in LOOKUPS, count=3, timeout=5
            )
            subscription_before_release = fake_api.sent(SUBSCRIBER)
        finally:
            await asyncio.to_thread(holder.join)
        (confirmed,) = await fake_api.wait_for(
            "sendMessage", lambda p: p["chat_id"] == SUBSCRIBER, timeout=10
        )
    stored = subscribers.get(services.state, SUBSCRIBER)
    services.close()

    assert all("<b>Cambridge, MA</b>" in call.params["text"] for call in lookups)
    assert all(call.at < released_at[0] for call in lookups)  # answered under the lock
    assert subscription_before_release == []
    assert confirmed.at > released_at[0]
    assert "alerts for <b>Somerville, MA</b>" in confirmed.params["text"]
    assert stored is not None and stored.place_id == "somerville"


def test_two_threads_never_share_a_transaction_on_one_connection(tmp_path: Path) -> None:
    conn = db.connect(tmp_path / "state.sqlite3")
    with db.write_tx(conn):
        conn.execute("CREATE TABLE IF NOT EXISTS n (i INTEGER)")
    errors: list[BaseException] = []

    def writer(start: int) -> None:
        try:
            for i in range(start, start + 200):
                with db.write_tx(conn):
                    conn.execute("INSERT INTO n VALUES (?)", (i,))
                    conn.execute("SELECT count(*) FROM n").fetchone()
        except BaseException as exc:  # collected for the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(k * 1000,)) for k in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert conn.execute("SELECT count(*) FROM n").fetchone()[0] == 800


def test_a_read_left_half_done_does_not_make_the_next_write_fail_when_another_process_wrote(
    tmp_path: Path,
) -> None:
    """A SELECT whose cursor is not read to its end used to keep a read snapshot open on the
    shared connection; once a second connection wrote, the next BEGIN IMMEDIATE failed at once
    with "database is locked" (the two-engine broadcast test failed so in CI)."""
    path = tmp_path / "state.sqlite3"
    shared, other = db.connect(path), db.connect(path)
    with db.write_tx(shared):
        shared.execute("CREATE TABLE IF NOT EXISTS n (i INTEGER)")
        shared.executemany("INSERT INTO n VALUES (?)", [(1,), (2,)])
    half_read = shared.execute("SELECT i FROM n ORDER BY i")
    assert half_read.fetchone()[0] == 1  # one row of two: the statement has not ended
    with db.write_tx(other):
        other.execute("INSERT INTO n VALUES (3)")
    with db.write_tx(shared):  # raised sqlite3.OperationalError before the fix
        shared.execute("INSERT INTO n VALUES (4)")
    assert half_read.fetchone()[0] == 2
    assert half_read.fetchone() is None
    assert [i for (i,) in shared.execute("SELECT i FROM n ORDER BY i")] == [1, 2, 3, 4]
