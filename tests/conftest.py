"""Shared fixtures: the fake Bot API server and a helper to run a real ``Application`` on it."""

from __future__ import annotations

import os

# PTB 22.2+ warns (PTBDeprecationWarning) whenever RetryAfter.retry_after and other time periods
# are read as ints, even inside RetryAfter.__init__; with filterwarnings = error that turns every
# 429 into a warning exception. Opting in makes them datetime.timedelta, the future behaviour.
# Must be set before anything reads it; the running bot should set it too.
os.environ.setdefault("PTB_TIMEDELTA", "true")

import datetime as dtm
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager

import pytest
from telegram.ext import Application, ApplicationBuilder

from tests.fakebotapi import FakeBotAPI

TOKEN = "123456:TEST-TOKEN"
# Long polls return as soon as an update is queued, so this only bounds an idle poll.
POLL_TIMEOUT = dtm.timedelta(seconds=1)


@pytest.fixture
async def fake_api() -> AsyncIterator[FakeBotAPI]:
    """Serve a fake Bot API in the test's event loop."""
    async with FakeBotAPI() as api:
        yield api


@pytest.fixture
def fake_api_thread() -> Iterator[FakeBotAPI]:
    """Serve a fake Bot API from its own thread (for tests that block, e.g. on a subprocess)."""
    with FakeBotAPI.in_thread() as api:
        yield api


def app_builder(api: FakeBotAPI) -> ApplicationBuilder:
    """Return an ApplicationBuilder pointed at ``api`` with the test token."""
    return ApplicationBuilder().token(TOKEN).base_url(api.base_url)


@asynccontextmanager
async def running_application(app: Application) -> AsyncIterator[Application]:
    """Initialize, start and long-poll ``app``; stop and shut it down cleanly on exit."""
    await app.initialize()
    if app.post_init is not None:  # as run_polling does
        await app.post_init(app)
    try:
        await app.start()
        assert app.updater is not None, "build the application with an updater"
        await app.updater.start_polling(timeout=POLL_TIMEOUT, poll_interval=0.0)
        try:
            yield app
        finally:
            if app.updater.running:
                await app.updater.stop()
            if app.running:
                await app.stop()
            if app.post_stop is not None:  # as run_polling does
                await app.post_stop(app)
    finally:
        await app.shutdown()
        if app.post_shutdown is not None:  # as run_polling does
            await app.post_shutdown(app)
