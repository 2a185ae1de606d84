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
