"""The pacer: evenly spaced slots, per-chat spacing, replies before broadcasts, pauses."""

from __future__ import annotations

import asyncio

from hypothesis import given
from hypothesis import strategies as st

from bot.broadcast.pacer import Pacer, Priority, TokenSchedule


@given(
    rate=st.floats(min_value=1, max_value=1000),
    burst=st.integers(min_value=1, max_value=5),
    gaps=st.lists(st.floats(min_value=0, max_value=0.2), min_size=1, max_size=200),
)
def test_slots_never_exceed_rate_times_window_plus_burst(rate, burst, gaps):
    schedule = TokenSchedule(rate, burst)
    times, now = [], 0.0
    for gap in gaps:
        now = schedule.next_slot(now + gap)
        schedule.take(now)
        times.append(now)
    for i, start in enumerate(times):
        for window in (0.5, 1.0, 2.0):
            inside = sum(1 for t in times[i:] if t < start + window)
            assert inside <= window * rate + burst + 1e-9


def test_a_pause_gives_no_slot_before_it_ends():
    schedule = TokenSchedule(30.0)
    schedule.take(10.0)
    schedule.pause_until(13.0)
    assert schedule.next_slot(10.5) == 13.0
    schedule.take(13.0)
    assert schedule.next_slot(13.0) == 13.0 + 1 / 30


async def test_a_waiting_reply_gets_the_next_slot_before_queued_broadcasts():
    pacer = Pacer(rate=100.0)
    order: list[str] = []
    first = asyncio.Event()

    async def send(name: str, chat_id: int, priority: Priority) -> None:
        await pacer.acquire(chat_id, priority)
        order.append(name)
        first.set()

    bulk = [asyncio.create_task(send(f"b{i}", i, Priority.BROADCAST)) for i in range(10)]
    await first.wait()
    reply = asyncio.create_task(send("reply", 999, Priority.REPLY))
    await asyncio.gather(reply, *bulk)
    assert order.index("reply") <= 2  # at most the slot already handed out, then the reply
    assert sorted(order[order.index("reply") + 1 :]) == order[order.index("reply") + 1 :]


async def test_two_messages_to_one_chat_are_spaced_by_the_per_chat_interval():
    pacer = Pacer(rate=1000.0, per_chat_interval=0.05)
    loop = asyncio.get_running_loop()
    granted: list[float] = []

    async def send() -> None:
        await pacer.acquire(7, Priority.REPLY)
        granted.append(loop.time())

    await asyncio.gather(send(), send(), send())
    assert granted[1] - granted[0] >= 0.05 and granted[2] - granted[1] >= 0.05


async def test_a_cancelled_waiter_does_not_take_a_slot():
    pacer = Pacer(rate=20.0)
    await pacer.acquire(None)
    waiter = asyncio.create_task(pacer.acquire(None))
    await asyncio.sleep(0)
    waiter.cancel()
    await asyncio.gather(waiter, return_exceptions=True)
    await asyncio.wait_for(pacer.acquire(None), timeout=5)
    assert pacer.waiting == [0, 0]


async def test_one_chats_backlog_of_replies_never_delays_another_chats_reply():
    """Each chat holds at most one place in the queue: a newcomer waits one slot, not twenty."""
    pacer = Pacer(rate=200.0, per_chat_interval=0.0)
    order: list[str] = []

    async def send(name: str, chat_id: int) -> None:
        await pacer.acquire(chat_id, Priority.REPLY)
        order.append(name)

    backlog = [asyncio.create_task(send(f"a{i}", 1)) for i in range(20)]
    await asyncio.sleep(0.02)  # a few of chat 1's replies have gone out
    sent_before = len(order)
    await asyncio.gather(send("b", 2), *backlog)
    assert order.index("b") <= sent_before + 1
