"""Telegram down: at start the bot waits for it; mid-run a failed reply is sent again."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from telegram.ext import Application
from telegram.request import HTTPXRequest

from bot.channels.tg import ratelimit, startup
from bot.channels.tg.app import build_application
from bot.services import Services, open_services
from tests.conftest import running_application
from tests.fakebotapi import FakeBotAPI
from tests.support import bot_settings

CHAT = 6001
READ_TIMEOUT = 0.5  # seconds: a "timeout" fault holds its answer longer


@pytest.fixture(autouse=True)
def quick_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(startup, "FIRST_DELAY", 0.05)
    monkeypatch.setattr(startup, "MAX_DELAY", 0.2)
    monkeypatch.setattr(ratelimit, "FIRST_DELAY", 0.05)
    monkeypatch.setattr(ratelimit, "MAX_DELAY", 0.2)


def request() -> HTTPXRequest:
    return HTTPXRequest(connection_pool_size=8, read_timeout=READ_TIMEOUT)


@asynccontextmanager
async def bot_on(api_base_url: str, folder: Path) -> AsyncIterator[Services]:
    services = open_services(bot_settings(api_base_url, folder))
    app: Application = build_application(services, request=request())  # type: ignore[type-arg]
    try:
        async with running_application(app):
            yield services
    finally:
        services.close()


async def answered(api: FakeBotAPI, text: str = "Cambridge") -> str:
    """Push ``text`` and return the reply once it is delivered (failed attempts do not count)."""
    before = len(api.sent(CHAT))
    tried = len([c for c in api.calls_of("sendMessage") if c.params["chat_id"] == CHAT])
    api.push_text(CHAT, text)
    while len(api.sent(CHAT)) == before:
        tried += 1
        await api.wait_for("sendMessage", lambda p: p["chat_id"] == CHAT, count=tried, timeout=15)
    return api.texts(CHAT)[-1]


@pytest.mark.parametrize("kind", ["500", "502", "429", "timeout", "reset"])
async def test_the_bot_waits_for_telegram_at_start_instead_of_exiting(
    fake_api: FakeBotAPI, tmp_path: Path, kind: str, caplog: pytest.LogCaptureFixture
) -> None:
    fake_api.timeout_delay = READ_TIMEOUT * 3
    fake_api.fail_next("getMe", kind, count=3, retry_after=1)
    with caplog.at_level(logging.INFO, logger="bot.channels.tg.startup"):
        async with bot_on(fake_api.base_url, tmp_path):
            assert "Cambridge, MA" in await answered(fake_api)
    assert len(fake_api.calls_of("getMe")) >= 4
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1  # one line a minute, not one per attempt
    assert "Telegram is unreachable" in warnings[0].getMessage()
    assert warnings[0].exc_info is None  # a line, not a traceback


async def test_a_refused_connection_at_start_is_retried_until_telegram_is_back(
    tmp_path: Path,
) -> None:
    """Nothing listens on the port when the bot starts; the server comes up a second later."""
    probe = FakeBotAPI()
    await probe.start()
    port = probe.port
    await probe.stop()
    api = FakeBotAPI(port=port)
    starting = asyncio.create_task(_start_later(api, delay=1.0))
    try:
        async with bot_on(f"http://127.0.0.1:{port}/bot", tmp_path):
            assert "Cambridge, MA" in await answered(api)
    finally:
        await starting
        await api.stop()


async def _start_later(api: FakeBotAPI, delay: float) -> None:
    await asyncio.sleep(delay)
    await api.start()


def test_polling_and_webhook_retry_their_bootstrap_for_ever(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen: list[Any] = []
    monkeypatch.setattr(Application, "run_polling", lambda self, **kw: seen.append(kw))
    monkeypatch.setattr(Application, "run_webhook", lambda self, **kw: seen.append(kw))
    app = startup.PatientApplication.__new__(startup.PatientApplication)
    app.run_polling()
    app.run_webhook(listen="127.0.0.1")
    assert [kw["bootstrap_retries"] for kw in seen] == [-1, -1]


@pytest.mark.parametrize("kind", ["500", "502", "timeout", "reset"])
async def test_a_reply_that_fails_for_a_network_error_or_5xx_is_sent_again(
    fake_api: FakeBotAPI, tmp_path: Path, kind: str
) -> None:
    fake_api.timeout_delay = READ_TIMEOUT * 3
    async with bot_on(fake_api.base_url, tmp_path):
        fake_api.fail_next("sendMessage", kind, count=3, chat_id=CHAT)
        assert "Cambridge, MA" in await answered(fake_api)
    assert len(fake_api.calls_of("sendMessage")) == 4


async def test_a_reply_is_given_up_after_the_retry_window(
    fake_api: FakeBotAPI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ratelimit, "RETRY_FOR", 0.5)
    async with bot_on(fake_api.base_url, tmp_path):
        fake_api.fail_next("sendMessage", "500", count=1000, chat_id=CHAT)
        fake_api.push_text(CHAT, "Cambridge")
        await asyncio.sleep(1.5)
        fake_api.clear_faults()
        tried = len(fake_api.calls_of("sendMessage"))
        assert "Cambridge, MA" in await answered(fake_api, "Cambridge")
    assert 2 <= tried < 20


async def test_a_bad_request_is_not_retried(fake_api: FakeBotAPI, tmp_path: Path) -> None:
    async with bot_on(fake_api.base_url, tmp_path):
        fake_api.fail_next("sendMessage", "400", count=1, chat_id=CHAT)
        fake_api.push_text(CHAT, "Cambridge")
        await fake_api.wait_for("sendMessage", count=2)  # the failure, then "went wrong"
        await asyncio.sleep(0.3)
    texts = [c.params["text"] for c in fake_api.calls_of("sendMessage")]
    assert len(texts) == 2 and "something went wrong" in texts[1]
