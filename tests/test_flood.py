"""The flood gate: per chat, judged on arrival, one warning, then a mute; bounded memory."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot.core.flood import FloodGate, Verdict

PASS, WARN, DROP = Verdict.PASS, Verdict.WARN, Verdict.DROP


def test_a_chat_over_the_limit_is_warned_once_then_muted():
    gate = FloodGate(limit=3, window=3.0, mute=60.0)
    verdicts = [gate.check(1, 0.1 * i) for i in range(8)]
    assert verdicts == [PASS, PASS, PASS, WARN, DROP, DROP, DROP, DROP]


def test_the_mute_outlasts_the_window_and_the_count_starts_afresh_after_it():
    gate = FloodGate(limit=2, window=1.0, mute=60.0)
    assert [gate.check(1, t) for t in (0.0, 0.1, 0.2)] == [PASS, PASS, WARN]
    assert gate.check(1, 5.0) is DROP  # the window has long cleared; the mute has not
    assert gate.check(1, 59.9) is DROP
    assert [gate.check(1, 60.3 + t) for t in (0.0, 0.1, 0.2)] == [PASS, PASS, WARN]


def test_other_chats_are_not_counted_with_the_flooder():
    gate = FloodGate(limit=2, window=3.0)
    for t in range(10):
        gate.check(1, t * 0.01)
    assert gate.check(2, 0.2) is PASS
    assert gate.check(3, 0.2) is PASS


def test_a_steady_pace_under_the_limit_always_passes():
    gate = FloodGate(limit=5, window=3.0)
    assert all(gate.check(1, 0.7 * i) is PASS for i in range(200))


def test_memory_is_bounded_by_recent_chats_not_by_every_chat_ever_seen():
    gate = FloodGate(limit=5, window=3.0, mute=60.0, max_chats=1000)
    for user in range(100_000):
        gate.check(user, user * 0.001)  # 1,000 new chats a second
    assert len(gate) <= 3001  # those of the last window (3 s), capped per kind at max_chats
    later = FloodGate(limit=5, window=3.0, mute=60.0)
    for user in range(10_000):
        later.check(user, 0.0)
    later.check(0, 10.0)
    assert len(later) == 1  # everyone idle for longer than the window is forgotten


def test_a_full_gate_forgets_the_least_recently_seen_chat_first():
    gate = FloodGate(limit=2, window=100.0, max_chats=3)
    for chat in (1, 2, 3):
        gate.check(chat, 0.0)
    gate.check(1, 1.0)  # chat 1 is now the most recent
    gate.check(4, 2.0)  # evicts chat 2
    assert gate.check(1, 3.0) is WARN  # chat 1's count was kept
    assert gate.check(2, 3.0) is PASS  # chat 2 starts afresh


@given(
    gaps=st.lists(st.floats(min_value=0, max_value=2.0), min_size=1, max_size=100),
    limit=st.integers(min_value=1, max_value=6),
)
def test_no_more_than_limit_messages_pass_in_any_window(gaps, limit):
    gate = FloodGate(limit=limit, window=3.0, mute=10.0)
    now, passed = 0.0, []
    for gap in gaps:
        now += gap
        if gate.check(7, now) is PASS:
            passed.append(now)
    for i, start in enumerate(passed):
        assert sum(1 for t in passed[i:] if t < start + 3.0) <= limit
