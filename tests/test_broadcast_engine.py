"""The delivery engine against an in-memory sender: outcomes, retries, resume, quiet hours."""

from __future__ import annotations

import sqlite3
from collections import Counter, defaultdict
from datetime import UTC, datetime, time

import pytest

from bot.broadcast.engine import Engine, SendResult, in_quiet_hours, release_time
from bot.broadcast.pacer import Pacer
from bot.storage import broadcasts, subscribers
from bot.storage.db import connect

QUIET = (time(21, 0), time(9, 0))
TZ = "America/New_York"


class ScriptedSender:
    """Answer each chat's sends from a script (then ok), counting deliveries."""

    def __init__(self, script: dict[int, list[SendResult]] | None = None) -> None:
        self.script = defaultdict(list, script or {})
        self.delivered: Counter[int] = Counter()
        self.calls: Counter[int] = Counter()

    async def send(self, chat_id: int, text_html: str, *, paid: bool) -> SendResult:
        self.calls[chat_id] += 1
        if self.script[chat_id]:
            return self.script[chat_id].pop(0)
        self.delivered[chat_id] += 1
        return SendResult.ok(self.delivered.total())


@pytest.fixture
def conn(tmp_path) -> sqlite3.Connection:
    return connect(tmp_path / "state.sqlite3")


def _queue(conn: sqlite3.Connection, chat_ids: list[int], text: str = "<b>Vote</b>") -> int:
    for chat_id in chat_ids:
        subscribers.subscribe(conn, chat_id, "somerville", "en")
    bid = broadcasts.create_broadcast(conn, text, ["all"], actor=None)
    broadcasts.enqueue(conn, bid, chat_ids)
    return bid


def _engine(conn: sqlite3.Connection, sender: ScriptedSender, **kwargs) -> Engine:
    kwargs.setdefault("quiet_hours", None)
    return Engine(
        conn, sender, Pacer(rate=1000.0, per_chat_interval=0.01), backoff_base=0.01, **kwargs
    )


async def test_every_outcome_is_recorded_and_blocked_chats_are_unsubscribed(conn):
    chats = list(range(1, 21))
    sender = ScriptedSender(
        {
            2: [SendResult.blocked("Forbidden: bot was blocked by the user")],
            3: [SendResult.transient("timed out"), SendResult.transient("reset")],
            4: [SendResult.retry_after(0.05)],
            5: [SendResult.permanent("Bad Request: chat not found")],
            6: [SendResult.transient("timed out")] * 9,
        }
    )
    bid = _queue(conn, chats)
    seen = []
    report = await _engine(conn, sender, max_attempts=3, progress=seen.append).run(bid)

    assert report.state == "done"
    assert report.counts == broadcasts.Counts(sent=17, blocked=1, failed=2, remaining=0)
    assert set(sender.delivered) == set(chats) - {2, 5, 6}
    assert max(sender.delivered.values()) == 1
    assert sender.calls[6] == 3
    assert subscribers.get(conn, 2) is None
    assert subscribers.get(conn, 3) is not None
    assert report.rate_limited == 1
    assert seen[-1] == report.counts
    assert broadcasts.get_broadcast(conn, bid).state == "done"


async def test_resume_sends_only_what_is_left_and_resends_the_interrupted_row(conn):
    bid = _queue(conn, [1, 2, 3, 4])
    broadcasts.start_sending(conn, bid)
    for chat_id in (1, 2):
        broadcasts.mark_sending(conn, bid, chat_id)
    broadcasts.mark_done(conn, bid, 1, "sent", message_id=7)
    # Chat 2 was in flight when the process died: the documented window.
    sender = ScriptedSender()

    report = await _engine(conn, sender).run(bid)

    assert report.interrupted == 1
    assert sorted(sender.delivered) == [2, 3, 4]
    assert report.counts.sent == 4
    assert broadcasts.unfinished(conn) == []


async def test_the_same_permanent_error_for_everyone_aborts_and_keeps_the_rest(conn):
    chats = list(range(1, 51))
    bad = SendResult.permanent("Bad Request: can't parse entities")
    bid = _queue(conn, chats)
    report = await _engine(conn, ScriptedSender({c: [bad] for c in chats}), workers=1).run(bid)
    assert report.state == "aborted"
    assert report.counts.remaining == 30
    assert [b.id for b in broadcasts.unfinished(conn)] == [bid]


async def test_a_cancelled_broadcast_stops(conn):
    bid = _queue(conn, [1, 2, 3])
    broadcasts.cancel(conn, bid, actor=None)
    with pytest.raises(broadcasts.BroadcastStateError):
        await _engine(conn, ScriptedSender()).run(bid)


def test_quiet_hours_span_midnight_in_boston():
    at = lambda hour: datetime(2025, 6, 1, hour, 30, tzinfo=UTC)  # noqa: E731 (EDT = UTC-4)
    assert in_quiet_hours(at(2), QUIET, TZ)  # 22:30 in Boston
    assert in_quiet_hours(at(12), QUIET, TZ)  # 08:30
    assert not in_quiet_hours(at(14), QUIET, TZ)  # 10:30


def test_a_broadcast_created_at_night_waits_for_nine_unless_urgent():
    night = datetime(2025, 6, 2, 2, 30, tzinfo=UTC)  # 22:30 in Boston
    morning = datetime(2025, 6, 2, 13, 0, tzinfo=UTC)  # 09:00 in Boston
    assert release_time(night, urgent=False, scheduled_for=None, quiet=QUIET, tz=TZ) == morning
    assert release_time(night, urgent=True, scheduled_for=None, quiet=QUIET, tz=TZ) == night


def test_scheduled_for_holds_a_broadcast_and_quiet_hours_still_apply():
    now = datetime(2025, 6, 2, 14, 0, tzinfo=UTC)  # 10:00 in Boston
    noon = datetime(2025, 6, 2, 16, 0, tzinfo=UTC)
    late = datetime(2025, 6, 3, 3, 0, tzinfo=UTC)  # 23:00 in Boston
    assert release_time(now, urgent=False, scheduled_for=noon, quiet=QUIET, tz=TZ) == noon
    assert release_time(now, urgent=False, scheduled_for=late, quiet=QUIET, tz=TZ) == datetime(
        2025, 6, 3, 13, 0, tzinfo=UTC
    )


async def test_cancelling_midway_stops_the_workers_and_keeps_the_rest_unsent(conn):
    bid = _queue(conn, list(range(1, 41)))

    class CancellingSender(ScriptedSender):
        async def send(self, chat_id: int, text_html: str, *, paid: bool) -> SendResult:
            if chat_id == 5:
                broadcasts.cancel(conn, bid, actor=None)
            return await super().send(chat_id, text_html, paid=paid)

    sender = CancellingSender()
    report = await _engine(conn, sender, workers=4).run(bid)
    assert report.state == "cancelled"
    assert 0 < report.counts.remaining < 40
    assert max(sender.delivered.values()) == 1


async def test_a_chat_forgotten_during_a_broadcast_is_not_sent_to(conn):
    bid = _queue(conn, [1, 2, 3])

    class ForgettingSender(ScriptedSender):
        async def send(self, chat_id: int, text_html: str, *, paid: bool) -> SendResult:
            if chat_id == 1:
                subscribers.forget(conn, 3)
            return await super().send(chat_id, text_html, paid=paid)

    sender = ForgettingSender()
    report = await _engine(conn, sender, workers=1).run(bid)
    assert sorted(sender.delivered) == [1, 2]
    assert report.counts == broadcasts.Counts(sent=2, blocked=0, failed=0, remaining=0)
    assert subscribers.mydata(conn, 3) == {}


async def test_a_chat_that_unsubscribes_during_a_broadcast_is_not_sent_to(conn):
    bid = _queue(conn, [1, 2, 3])

    class StoppingSender(ScriptedSender):
        async def send(self, chat_id: int, text_html: str, *, paid: bool) -> SendResult:
            if chat_id == 1:
                subscribers.unsubscribe(conn, 2)
            return await super().send(chat_id, text_html, paid=paid)

    sender = StoppingSender()
    report = await _engine(conn, sender, workers=1).run(bid)
    assert sorted(sender.delivered) == [1, 3]
    assert report.counts.sent == 2
