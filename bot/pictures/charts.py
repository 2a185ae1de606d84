"""The organizers' chart (issue 12): subscribers, reported calls and emails, busiest districts.

Counts under 5 are hidden as in the text stats (``bot.storage.broadcasts.shown``): no bar is
drawn for them and "<5" is written instead, so no one can be singled out. ``prepare_chart``
decides what is drawn, as plain data; ``render_stats_chart`` only draws it.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from bot.storage.broadcasts import SMALL_COUNT, shown

TOP_DISTRICTS = 10
DPI = 100
WIDTH, HEIGHT = 1400, 1600  # px
CALLS, EMAILS, SUBSCRIBERS = "#0072B2", "#E69F00", "#009E73"  # Okabe-Ito


@dataclass(frozen=True)
class Bar:
    """One bar: its label, its height (``None``: hidden, too small to show) and its caption."""

    label: str
    height: int | None
    caption: str


def bar(label: str, count: int) -> Bar:
    """A bar for a count; a count under 5 (but not 0) gets no height and the caption "<5"."""
    if count < 0:
        raise ValueError(f"a count cannot be negative: {count}")
    hidden = 0 < count < SMALL_COUNT
    return Bar(label, None if hidden else count, shown(count))


@dataclass(frozen=True)
class ChartData:
    subscribers: list[Bar]
    calls: list[Bar]
    emails: list[Bar]
    districts: list[Bar]  # the busiest first


@dataclass(frozen=True)
class ChartTexts:
    subscribers: str = "Subscribers at the end of each week (weeks start on Monday)"
    reported: str = "Calls and emails reported, by week"
    calls: str = "calls"
    emails: str = "emails"
    districts: str = "Districts with the most calls, last 7 days"
    hidden: str = "Counts under 5 are shown as <5, without a bar."
    nothing: str = "No calls reported in the last 7 days."


def prepare_chart(
    weekly_subscribers: Sequence[tuple[date, int]],
    weekly_calls: Sequence[tuple[date, int]],
    weekly_emails: Sequence[tuple[date, int]],
    top_districts: Sequence[tuple[str, int]],
) -> ChartData:
    """What the chart shows: every count passed through ``bar``; the ten busiest districts."""
    busiest = sorted(top_districts, key=lambda item: (-item[1], item[0]))[:TOP_DISTRICTS]
    return ChartData(
        subscribers=[bar(_week(day), n) for day, n in weekly_subscribers],
        calls=[bar(_week(day), n) for day, n in weekly_calls],
        emails=[bar(_week(day), n) for day, n in weekly_emails],
        districts=[bar(name, n) for name, n in busiest if n > 0],
    )


def render_stats_chart(
    weekly_subscribers: Sequence[tuple[date, int]],
    weekly_calls: Sequence[tuple[date, int]],
    weekly_emails: Sequence[tuple[date, int]],
    top_districts: Sequence[tuple[str, int]],
    texts: ChartTexts | None = None,
) -> bytes:
    """One PNG with the three panels; weeks are given by their first day."""
    data = prepare_chart(weekly_subscribers, weekly_calls, weekly_emails, top_districts)
    return draw_chart(data, texts or ChartTexts())


def draw_chart(data: ChartData, texts: ChartTexts) -> bytes:
    from matplotlib.figure import Figure

    px = 72 / DPI
    figure = Figure(figsize=(WIDTH / DPI, HEIGHT / DPI), dpi=DPI, facecolor="white")
    top, middle, bottom = figure.subplots(3, 1, gridspec_kw={"height_ratios": [1, 1, 1.4]})
    figure.subplots_adjust(left=0.26, right=0.97, top=0.95, bottom=0.07, hspace=0.45)
    _columns(top, [data.subscribers], [SUBSCRIBERS], [None], texts.subscribers, px)
    _columns(
        middle,
        [data.calls, data.emails],
        [CALLS, EMAILS],
        [texts.calls, texts.emails],
        texts.reported,
        px,
    )
    _rows(bottom, data.districts, texts, px)
    figure.text(0.02, 0.015, texts.hidden, fontsize=17 * px, color="#333333")
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI, facecolor="white", metadata={"Software": None})
    return buffer.getvalue()


def _columns(
    axes: Any,
    series: list[list[Bar]],
    colours: list[str],
    names: list[str | None],
    title: str,
    px: float,
) -> None:
    width = 0.8 / len(series)
    labels = [b.label for b in series[0]]
    for k, (bars, colour, name) in enumerate(zip(series, colours, names, strict=True)):
        xs = [i - 0.4 + width * (k + 0.5) for i in range(len(bars))]
        heights = [b.height or 0 for b in bars]
        axes.bar(xs, heights, width=width * 0.92, color=colour, label=name)
        for x, b in zip(xs, bars, strict=True):
            axes.annotate(
                b.caption,
                (x, b.height or 0),
                xytext=(0, 4),
                textcoords="offset points",
                ha="center",
                va="bottom",
                fontsize=15 * px,
            )
    axes.set_xticks(range(len(labels)), labels, fontsize=15 * px)
    axes.set_title(title, loc="left", fontsize=24 * px, weight="bold")
    axes.tick_params(axis="y", labelsize=14 * px)
    from matplotlib.ticker import MaxNLocator

    axes.margins(y=0.18)
    # Counts: whole numbers from 0 up, and room for the captions when every bar is empty.
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    tallest = max((b.height or 0 for bars in series for b in bars), default=0)
    axes.set_ylim(0, max(5, tallest * 1.18))
    axes.spines[["top", "right"]].set_visible(False)
    if any(names):
        axes.legend(fontsize=16 * px, frameon=False, loc="upper left")


def _rows(axes: Any, bars: list[Bar], texts: ChartTexts, px: float) -> None:
    axes.set_title(texts.districts, loc="left", fontsize=24 * px, weight="bold")
    axes.spines[["top", "right"]].set_visible(False)
    if not bars:
        axes.set_axis_off()
        axes.text(0, 0.5, texts.nothing, fontsize=18 * px, transform=axes.transAxes)
        return
    ys = list(range(len(bars)))[::-1]
    axes.barh(ys, [b.height or 0 for b in bars], color=CALLS, height=0.7)
    for y, b in zip(ys, bars, strict=True):
        axes.annotate(
            b.caption,
            (b.height or 0, y),
            xytext=(5, 0),
            textcoords="offset points",
            va="center",
            fontsize=15 * px,
        )
    axes.set_yticks(ys, [b.label for b in bars], fontsize=15 * px)
    axes.tick_params(axis="x", labelsize=14 * px)
    from matplotlib.ticker import MaxNLocator

    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    axes.margins(x=0.12)


def _week(day: date) -> str:
    return f"{day:%b} {day.day}"
