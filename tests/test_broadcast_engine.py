"""The delivery engine against an in-memory sender: outcomes, retries, resume, quiet hours."""

from __future__ import annotations

import asyncio
import socket
import sqlite3
import sys
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

    async def send(
        self, chat_id: int, text_html: str, *, paid: bool, buttons: object = ()
    ) -> SendResult:
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

    assert report.state == "incomplete"  # two failed: a rerun retries them
    assert report.counts == broadcasts.Counts(sent=17, blocked=1, failed=2, remaining=0)
    assert set(sender.delivered) == set(chats) - {2, 5, 6}
    assert max(sender.delivered.values()) == 1
    assert sender.calls[6] == 3
    assert subscribers.get(conn, 2) is None
    assert subscribers.get(conn, 3) is not None
    assert report.rate_limited == 1
    assert seen[-1] == report.counts
    assert broadcasts.get_broadcast(conn, bid).state == "sending"


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


async def test_a_cancelled_broadcast_sends_nothing(conn):
    bid = _queue(conn, [1, 2, 3])
    broadcasts.cancel(conn, bid, actor=None)
    sender = ScriptedSender()
    report = await _engine(conn, sender).run(bid)
    assert report.state == "cancelled" and report.counts.remaining == 3
    assert sender.calls == Counter()


async def test_a_draft_cannot_be_run(conn):
    bid = broadcasts.create_broadcast(conn, "<b>Vote</b>", ["all"], actor=None)
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
        async def send(
            self, chat_id: int, text_html: str, *, paid: bool, buttons: object = ()
        ) -> SendResult:
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
        async def send(
            self, chat_id: int, text_html: str, *, paid: bool, buttons: object = ()
        ) -> SendResult:
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
        async def send(
            self, chat_id: int, text_html: str, *, paid: bool, buttons: object = ()
        ) -> SendResult:
            if chat_id == 1:
                subscribers.unsubscribe(conn, 2)
            return await super().send(chat_id, text_html, paid=paid)

    sender = StoppingSender()
    report = await _engine(conn, sender, workers=1).run(bid)
    assert sorted(sender.delivered) == [1, 3]
    assert report.counts.sent == 2


# -- one engine per broadcast: the lease ----------------------------------------------------


class SlowSender(ScriptedSender):
    """A ScriptedSender that takes a moment per message, so that two engines overlap."""

    def __init__(self, script: dict[int, list[SendResult]], midway: int) -> None:
        super().__init__(script)
        self.midway = midway
        self.reached = asyncio.Event()

    async def send(
        self, chat_id: int, text_html: str, *, paid: bool, buttons: object = ()
    ) -> SendResult:
        await asyncio.sleep(0.002)
        if self.calls.total() >= self.midway:
            self.reached.set()
        return await super().send(chat_id, text_html, paid=paid)


def _audited(conn: sqlite3.Connection, bid: int) -> list[str]:
    rows = conn.execute("SELECT action FROM audit WHERE broadcast_id = ? ORDER BY id", (bid,))
    return [action for (action,) in rows]


async def test_two_engines_on_one_database_deliver_once_count_exactly_and_finish_once(tmp_path):
    path = tmp_path / "state.sqlite3"
    first, second = connect(path), connect(path)
    chats = list(range(1, 61))
    blocked = {3, 17, 42}
    script = {c: [SendResult.blocked("Forbidden: bot was blocked")] for c in blocked}
    sender = SlowSender(script, midway=10)
    bid = _queue(first, chats)
    one = asyncio.create_task(_engine(first, sender, workers=4).run(bid))
    await sender.reached.wait()  # the second engine starts mid-delivery
    other = await _engine(second, sender, workers=4).run(bid)
    report = await one

    assert set(sender.calls) == set(chats)
    assert max(sender.calls.values()) == 1
    expected = broadcasts.Counts(sent=57, blocked=3, failed=0, remaining=0)
    assert broadcasts.progress(first, bid) == expected
    assert report.counts == other.counts == expected
    assert (report.state, other.state) == ("done", "done")
    assert _audited(first, bid).count("done") == 1
    assert broadcasts.get_broadcast(first, bid).blocked == 3


async def test_an_engine_waits_for_a_live_lease_and_takes_it_over_when_it_expires(conn):
    bid = _queue(conn, [1, 2, 3])
    broadcasts.start_sending(conn, bid)
    broadcasts.mark_sending(conn, bid, 1)  # in flight when the other engine stalled
    assert broadcasts.take_lease(conn, bid, "elsewhere:1:a", seconds=30, now=1000.0)
    now = [1010.0]
    polls = []
    waited = asyncio.Event()

    def poll(counts: broadcasts.Counts) -> None:
        polls.append(counts)
        if len(polls) >= 5:
            waited.set()

    sender = ScriptedSender()
    engine = _engine(conn, sender, clock=lambda: now[0], lease_poll=0.001, progress=poll)
    task = asyncio.create_task(engine.run(bid))
    await waited.wait()
    assert sender.calls == Counter()  # the lease is live: nothing sent
    now[0] = 1031.0  # it expired without a renewal
    report = await task

    assert (report.state, report.interrupted) == ("done", 1)
    assert sorted(sender.delivered) == [1, 2, 3]
    assert broadcasts.lease_holder(conn, bid) is None


async def test_the_lease_of_a_process_that_is_gone_is_taken_at_once(conn):
    bid = _queue(conn, [1, 2])
    gone = await asyncio.create_subprocess_exec(sys.executable, "-c", "pass")
    await gone.wait()
    owner = f"{socket.gethostname()}:{gone.pid}:a"
    assert broadcasts.take_lease(conn, bid, owner, seconds=3600)
    report = await _engine(conn, ScriptedSender()).run(bid)
    assert report.state == "done" and report.counts.sent == 2


async def test_an_engine_that_loses_its_lease_stops_writing(conn):
    bid = _queue(conn, list(range(1, 11)))

    class Usurped(ScriptedSender):
        async def send(
            self, chat_id: int, text_html: str, *, paid: bool, buttons: object = ()
        ) -> SendResult:
            if chat_id == 4:  # another engine took over while this one was stalled
                conn.execute("UPDATE broadcast_leases SET owner = 'elsewhere:1:b'")
            return await super().send(chat_id, text_html, paid=paid)

    sender = Usurped()
    report = await _engine(conn, sender, workers=1).run(bid)
    assert report.state == "taken over"
    assert sorted(sender.calls) == [1, 2, 3, 4]
    assert broadcasts.progress(conn, bid) == broadcasts.Counts(3, 0, 0, 7)
    assert "done" not in _audited(conn, bid)


async def test_a_broadcast_whose_recipients_failed_is_not_done_and_a_rerun_retries_them(conn):
    chats = list(range(1, 21))
    outage = [SendResult.transient("Internal Server Error")] * 3
    bid = _queue(conn, chats)
    report = await _engine(
        conn, ScriptedSender({c: list(outage) for c in chats}), max_attempts=3
    ).run(bid)
    assert report.state == "incomplete"
    assert report.counts == broadcasts.Counts(sent=0, blocked=0, failed=20, remaining=0)
    assert broadcasts.get_broadcast(conn, bid).state == "sending"
    assert [b.id for b in broadcasts.unfinished(conn)] == [bid]
    sha = broadcasts.text_sha256("<b>Vote</b>")
    assert broadcasts.find_resumable(conn, sha, ["all"]).id == bid

    sender = ScriptedSender()  # the outage is over
    again = await _engine(conn, sender).run(bid)
    assert again.state == "done"
    assert again.counts == broadcasts.Counts(sent=20, blocked=0, failed=0, remaining=0)
    assert sorted(sender.delivered) == chats
    assert _audited(conn, bid).count("done") == 1


async def test_a_writer_holding_the_lock_delays_the_broadcast_not_the_event_loop(tmp_path):
    # The engine's database calls run on threads: while another process holds the write lock,
    # the broadcast waits for it and everything else on the loop (residents' replies) goes on.
    path = tmp_path / "state.sqlite3"
    conn = connect(path)
    bid = _queue(conn, [1, 2, 3])
    locked, release = asyncio.Event(), asyncio.Event()
    loop = asyncio.get_running_loop()

    def hold() -> None:
        other = sqlite3.connect(path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        loop.call_soon_threadsafe(locked.set)
        asyncio.run_coroutine_threadsafe(release.wait(), loop).result()
        other.execute("ROLLBACK")
        other.close()

    holder = asyncio.create_task(asyncio.to_thread(hold))
    await locked.wait()
    sender = ScriptedSender()
    delivery = asyncio.create_task(_engine(conn, sender).run(bid))
    # Two seconds of the loop's own work, under the lock. Were the engine's calls on the loop,
    # the loop would sit in SQLite's busy wait and the delivery would fail "database is locked".
    await asyncio.sleep(2.0)
    assert not delivery.done() and sender.delivered.total() <= 1  # it waits for the lock
    release.set()
    await holder
    report = await delivery
    assert report.state == "done"
    assert sender.delivered == Counter({1: 1, 2: 1, 3: 1})
