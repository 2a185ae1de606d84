"""Reports that a town passed a ban: what is stored (never a chat), links, decisions."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from bot.storage import reports
from bot.storage.db import connect


@pytest.fixture
def conn(tmp_path: Path) -> sqlite3.Connection:
    return connect(tmp_path / "state.sqlite3")


def test_a_report_holds_the_town_the_link_the_day_and_its_status_only(conn) -> None:
    report_id = reports.add(conn, "andover", "https://example.org/vote", date(2026, 3, 4))
    assert reports.get(conn, report_id) == reports.Report(
        report_id, "andover", "https://example.org/vote", "2026-03-04", "new"
    )
    columns = [row[1] for row in conn.execute("PRAGMA table_info(ban_reports)")]
    assert columns == ["id", "place_id", "link", "reported", "status"]
    assert not any("chat" in c or "user" in c for c in columns)


@pytest.mark.parametrize(
    "text",
    [
        "https://www.andoverma.gov/news/123",
        "http://example.org",
        "  https://example.org/a?b=c#d  ",
    ],
)
def test_http_links_are_kept(text: str) -> None:
    assert reports.clean_link(text) == text.strip()


@pytest.mark.parametrize(
    "text",
    [
        "",
        "my name is Ana and I live at 1 Main St",
        "javascript:alert(1)",
        "ftp://example.org/file",
        "https://localhost/x",
        "https://user:password@example.org/",
        "https://example.org/" + "a" * 600,
        "https://exa mple.org",
        "https://example.org/\x00",
    ],
)
def test_anything_but_an_http_link_is_refused(conn, text: str) -> None:
    assert reports.clean_link(text) is None
    with pytest.raises(reports.ReportError):
        reports.add(conn, "andover", text)


def test_an_organizer_decides_each_report_once(conn) -> None:
    first = reports.add(conn, "andover", None)
    second = reports.add(conn, "lowell", None)
    assert reports.decide(conn, first, "accepted").status == "accepted"
    with pytest.raises(reports.ReportError, match="already accepted"):
        reports.decide(conn, first, "dismissed")
    with pytest.raises(reports.ReportError, match="no report #99"):
        reports.decide(conn, 99, "dismissed")
    with pytest.raises(reports.ReportError):
        reports.decide(conn, second, "published")
    assert [r.id for r in reports.listing(conn)] == [second]
    assert [r.id for r in reports.listing(conn, None)] == [first, second]
