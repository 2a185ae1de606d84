"""``python -m bot reports``: the organizers' queue on the command line."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.config import Settings
from bot.kb.places import MeasureEntry
from bot.storage import reports
from bot.storage.db import connect
from tests.support import make_settings, run_cli


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    settings = make_settings(tmp_path)
    conn = connect(settings.db_path)
    reports.add(conn, "andover", "https://example.org/andover-vote")
    reports.add(conn, "lowell", None)
    conn.close()
    return settings


def test_reports_lists_the_waiting_ones_by_town(settings, capsys) -> None:
    assert run_cli(settings, "reports") == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("#1") and "Andover" in lines[0] and "andover-vote" in lines[0]
    assert "Lowell" in lines[1] and "(no link)" in lines[1]


def test_accept_then_show_prints_a_stanza_the_build_accepts(settings, capsys) -> None:
    assert run_cli(settings, "reports", "show", "1") == 0
    shown = capsys.readouterr()
    assert "accept it first" in shown.err and "- id:" not in shown.out
    assert run_cli(settings, "reports", "accept", "1") == 0
    assert "Report #1 accepted." in capsys.readouterr().out
    assert run_cli(settings, "reports", "show", "1") == 0
    shown = capsys.readouterr()
    entry = MeasureEntry.model_validate(yaml.safe_load(shown.out)[0])
    assert (entry.place, entry.level, entry.what, entry.confidence) == (
        "andover",
        "town",
        "ban",
        "unverified",
    )
    assert [source.url for source in entry.sources] == ["https://example.org/andover-vote"]
    assert "Check the stanza" in shown.err and "commit" in shown.err


def test_a_stanza_without_a_link_asks_for_a_source(settings, capsys) -> None:
    run_cli(settings, "reports", "accept", "2")
    capsys.readouterr()
    run_cli(settings, "reports", "show", "2")
    out = capsys.readouterr().out
    assert "sources: []  # add at least one http(s) URL" in out
    assert yaml.safe_load(out)[0]["level"] == "city"  # Lowell


def test_dismiss_and_the_errors_are_one_line(settings, capsys) -> None:
    assert run_cli(settings, "reports", "dismiss", "2") == 0
    assert run_cli(settings, "reports", "dismiss", "2") == 1
    assert "error: report #2 is already dismissed" in capsys.readouterr().err
    assert run_cli(settings, "reports", "show", "7") == 1
    assert "error: no report #7" in capsys.readouterr().err
    assert run_cli(settings, "reports", "--all") == 0
    assert "dismissed" in capsys.readouterr().out
