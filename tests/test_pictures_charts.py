"""bot.pictures.charts: the organizers' chart never shows a count under 5 as a number."""

from __future__ import annotations

import io
from datetime import date, timedelta

import pytest
from PIL import Image

from bot.pictures.charts import HEIGHT, WIDTH, Bar, bar, prepare_chart, render_stats_chart

WEEKS = [date(2026, 10, 5) + timedelta(weeks=i) for i in range(6)]
SUBSCRIBERS = list(zip(WEEKS, [3, 8, 15, 40, 62, 80], strict=True))
CALLS = list(zip(WEEKS, [0, 2, 6, 11, 4, 20], strict=True))
EMAILS = list(zip(WEEKS, [1, 0, 3, 7, 9, 12], strict=True))
DISTRICTS = [(f"{n}th Middlesex", n) for n in range(1, 16)]


def test_a_count_under_5_has_no_bar_and_reads_less_than_5() -> None:
    assert bar("x", 3) == Bar("x", None, "<5")
    assert bar("x", 1) == Bar("x", None, "<5")
    assert bar("x", 5) == Bar("x", 5, "5")
    assert bar("x", 0) == Bar("x", 0, "0")
    with pytest.raises(ValueError):
        bar("x", -1)


def test_the_prepared_data_never_carries_a_small_count() -> None:
    data = prepare_chart(SUBSCRIBERS, CALLS, EMAILS, DISTRICTS)
    every = data.subscribers + data.calls + data.emails + data.districts
    for b in every:
        assert b.height is None or b.height == 0 or b.height >= 5
        assert b.caption not in {"1", "2", "3", "4"}
    assert [b.caption for b in data.calls] == ["0", "<5", "6", "11", "<5", "20"]
    assert data.subscribers[0].label == "Oct 5"


def test_the_ten_busiest_districts_busiest_first() -> None:
    data = prepare_chart([], [], [], DISTRICTS)
    assert [b.label for b in data.districts] == [f"{n}th Middlesex" for n in range(15, 5, -1)]


def test_the_chart_is_one_picture(monkeypatch: pytest.MonkeyPatch) -> None:
    drawn: list[str] = []
    import matplotlib.axes

    original = matplotlib.axes.Axes.annotate

    def spy(self, text, *args, **kwargs):  # type: ignore[no-untyped-def]
        drawn.append(text)
        return original(self, text, *args, **kwargs)

    monkeypatch.setattr(matplotlib.axes.Axes, "annotate", spy)
    png = render_stats_chart(SUBSCRIBERS, CALLS, EMAILS, [("1st Suffolk", 3), ("2nd Suffolk", 9)])
    image = Image.open(io.BytesIO(png))
    assert (image.width, image.height) == (WIDTH, HEIGHT)
    assert image.convert("L").getextrema()[0] < 64  # something is drawn
    assert "<5" in drawn and "9" in drawn
    assert not {"1", "2", "3", "4"} & set(drawn)


def test_a_week_without_calls_says_so() -> None:
    png = render_stats_chart(SUBSCRIBERS, CALLS, EMAILS, [])
    assert Image.open(io.BytesIO(png)).width == WIDTH


def test_the_weeks_and_districts_come_from_the_state_database() -> None:
    from bot.storage import subscribers
    from bot.storage.db import connect
    from bot.storage.outcomes import busiest_seats, record_outcome, weekly_outcomes

    conn = connect(":memory:")
    today = date(2026, 11, 26)  # a Thursday: its week starts on Monday the 23rd
    for chat in range(7):
        subscribers.subscribe(conn, chat, "somerville", "en", today=date(2026, 11, 10))
    subscribers.subscribe(conn, 99, "boston", "en", today=today)
    for _ in range(6):
        record_outcome(conn, "house", "27th Middlesex", "talked", today)
    record_outcome(conn, "senate", "Second Middlesex", "voicemail", today - timedelta(days=3))
    record_outcome(conn, "house", "27th Middlesex", "emailed", today - timedelta(days=10))
    record_outcome(conn, "house", "1st Suffolk", "talked", today - timedelta(days=8))

    weeks = subscribers.weekly_totals(conn, today, 3)
    assert weeks == [(date(2026, 11, 9), 7), (date(2026, 11, 16), 7), (date(2026, 11, 23), 8)]
    calls, emails = weekly_outcomes(conn, today, 3)
    assert calls == [(date(2026, 11, 9), 0), (date(2026, 11, 16), 1), (date(2026, 11, 23), 7)]
    assert emails == [(date(2026, 11, 9), 0), (date(2026, 11, 16), 1), (date(2026, 11, 23), 0)]
    seats = busiest_seats(conn, today)
    assert seats == [("house", "27th Middlesex", 6), ("senate", "Second Middlesex", 1)]
    data = prepare_chart(weeks, calls, emails, [(d, n) for _, d, n in seats])
    assert [b.caption for b in data.districts] == ["6", "<5"]
    assert data.districts[1].height is None
