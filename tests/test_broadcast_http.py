"""The engine and the Telegram sender against the fake Bot API over HTTP on 127.0.0.1."""

from __future__ import annotations

import sqlite3
from collections import Counter

import pytest
from telegram import Bot
from telegram.error import RetryAfter
from telegram.ext import ExtBot
from telegram.request import HTTPXRequest

from bot.broadcast.engine import Engine
from bot.broadcast.pacer import Pacer
from bot.channels.tg import ratelimit
from bot.channels.tg.ratelimit import PacedRateLimiter
from bot.channels.tg.sender import TelegramSender
from bot.storage import broadcasts, subscribers
from bot.storage.db import connect
from tests.conftest import TOKEN
from tests.fakebotapi import FakeBotAPI

TEXT = "<b>Hearing Tuesday</b>: ask your senator to <i>press pause</i> &amp; ban face surveillance"


@pytest.fixture
def conn(tmp_path) -> sqlite3.Connection:
    return connect(tmp_path / "state.sqlite3")


def _request(read_timeout: float = 2.0) -> HTTPXRequest:
    return HTTPXRequest(connection_pool_size=32, read_timeout=read_timeout)


def _queue(conn: sqlite3.Connection, chat_ids: list[int]) -> int:
    for chat_id in chat_ids:
        subscribers.subscribe(conn, chat_id, "somerville", "en")
    bid = broadcasts.create_broadcast(conn, TEXT, ["all"], actor=None)
    broadcasts.enqueue(conn, bid, chat_ids)
    return bid


def _per_chat(api: FakeBotAPI) -> Counter[int]:
    return Counter(int(call.params["chat_id"]) for call in api.sent())


async def test_every_subscriber_gets_it_once_despite_429s_403s_timeouts_and_resets(conn):
    chats = list(range(1001, 1081))
    blocked = {1003, 1040, 1077}
    async with FakeBotAPI(rate_limit=True, timeout_delay=1.0) as api:
        for chat_id in blocked:
            api.block(chat_id)
        api.random_faults({"429": 0.03, "timeout": 0.04, "reset": 0.05, "500": 0.03}, seed=7)
        bid = _queue(conn, chats)
        bot = Bot(TOKEN, base_url=api.base_url, request=_request(read_timeout=0.3))
        async with bot:
            engine = Engine(
                conn,
                TelegramSender(bot),
                Pacer(rate=30.0),
                max_attempts=10,
                backoff_base=0.05,
                quiet_hours=None,
            )
            report = await engine.run(bid)

        delivered = _per_chat(api)
        assert set(delivered) == set(chats) - blocked
        assert max(delivered.values()) == 1
        assert api.stats["timeout"] and api.stats["reset"] and api.stats["429"]
        assert api.stats["rate_limited"] == 0
    assert report.counts == broadcasts.Counts(sent=77, blocked=3, failed=0, remaining=0)
    assert all(subscribers.get(conn, chat_id) is None for chat_id in blocked)
    assert subscribers.get(conn, 1001) is not None


async def test_the_engine_stays_under_telegrams_limits(conn):
    """A server enforcing 30/s overall and 1/s per chat answers no 429 at all."""
    chats = list(range(1, 91))
    async with FakeBotAPI(rate_limit=True) as api:
        bid = _queue(conn, chats)
        bot = Bot(TOKEN, base_url=api.base_url, request=_request())
        async with bot:
            engine = Engine(conn, TelegramSender(bot), Pacer(rate=30.0), quiet_hours=None)
            report = await engine.run(bid)
        assert api.stats["429"] == 0
        assert api.stats["rate_limited"] == 0
        assert len(api.sent()) == 90
    assert report.counts.sent == 90


async def test_replies_through_the_shared_pacer_wait_out_429s_within_the_retry_window(
    conn, monkeypatch
):
    async with FakeBotAPI(rate_limit=True) as api:
        pacer = Pacer(rate=30.0)
        bot = ExtBot(
            TOKEN, base_url=api.base_url, request=_request(), rate_limiter=PacedRateLimiter(pacer)
        )
        async with bot:
            api.fail_next("sendMessage", "429", count=2, retry_after=1)
            message = await bot.send_message(42, "Thanks for subscribing")
            assert message.text == "Thanks for subscribing"
            monkeypatch.setattr(ratelimit, "RETRY_FOR", 0.5)  # shorter than the retry_after
            api.fail_next("sendMessage", "429", retry_after=1)
            with pytest.raises(RetryAfter):
                await bot.send_message(43, "Refused for longer than we wait")
        assert [c.params["chat_id"] for c in api.calls_of("sendMessage")] == [42, 42, 42, 43]


async def test_broadcast_sends_through_an_app_bot_are_not_paced_twice(conn):
    """The engine paces; the app's limiter lets the engine's sends through untouched."""
    async with FakeBotAPI(rate_limit=True) as api:
        pacer = Pacer(rate=30.0)
        bot = ExtBot(
            TOKEN, base_url=api.base_url, request=_request(), rate_limiter=PacedRateLimiter(pacer)
        )
        bid = _queue(conn, [7, 8, 9])
        async with bot:
            engine = Engine(conn, TelegramSender(bot), pacer, quiet_hours=None)
            report = await engine.run(bid)
    assert report.counts.sent == 3
