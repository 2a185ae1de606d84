"""``python -m bot`` as a resident or organizer runs it: a real subprocess, no token."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.support import built_knowledge

ROOT = Path(__file__).resolve().parent.parent


def run_bot(tmp_path: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TELEGRAM_")}
    env["BOT_DB_PATH"] = str(tmp_path / "bot.sqlite3")
    shutil.copyfile(built_knowledge(), tmp_path / "bot.knowledge.sqlite3")
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=tmp_path,  # no .env, no data/ of the checkout
        env=env,
        timeout=60,
        check=False,
    )


def test_without_a_token_the_bot_chats_on_the_console_driven_by_stdin(tmp_path: Path) -> None:
    done = run_bot(tmp_path, stdin="sommerville\nPortland\n1\n/quit\n")
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "Type your town, neighbourhood or ZIP code" in out
    assert "Somerville, MA bans its own city agencies, police included" in out
    assert "[1] Portland, ME" in out
    assert "Portland, ME bans its city officials and employees" in out
    assert "<b>" not in out  # HTML is rendered as plain text


def test_lookup_json_prints_one_object_a_line_in_input_order(tmp_path: Path) -> None:
    done = run_bot(tmp_path, "lookup", "--json", stdin="sommerville\nSpringfield, IL\n01002\n")
    assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert [row["query"] for row in rows] == ["sommerville", "Springfield, IL", "01002"]
    first, second, third = rows
    assert first["outcome"] == "match"
    assert first["place"] == {
        "name": "Somerville",
        "state": "MA",
        "kind": "city",
        "county": "Middlesex",
    }
    status = first["status"]
    assert (status["kind"], status["in_force"], status["state"]) == ("ban", True, "in_force")
    assert status["adopted"] == "2019-06-27" and status["confidence"] == "confirmed"
    assert status["sources"][0].startswith("http") and status["as_of"] == "2023-06"
    assert {m["state"] for m in status["statewide"]} == {"in_force", "pending"}
    assert second == {
        "query": "Springfield, IL",
        "outcome": "none",
        "place": None,
        "candidates": [],
        "status": None,
    }
    assert third["outcome"] == "ambiguous"
    assert {c["name"] for c in third["candidates"]} == {"Amherst", "Pelham", "Shutesbury"}


def test_lookup_of_a_town_without_a_measure_says_no_ban_found_in_our_records(
    tmp_path: Path,
) -> None:
    done = run_bot(tmp_path, "lookup", "Pittsfield")
    assert "no ban on government face surveillance found in our records (as of" in done.stdout
    row = json.loads(run_bot(tmp_path, "lookup", "--json", "Pittsfield").stdout)
    assert row["status"]["state"] == "no_measure_on_record" and row["status"]["kind"] == "none"
    assert row["status"]["as_of"] == "2023-06"


def test_lookup_json_reports_a_places_own_measure_never_no_measure_on_record(
    tmp_path: Path,
) -> None:
    queries = "Springfield\nPittsburgh\nColorado\nMaryland\nMontana\nLawrence\n"
    done = run_bot(tmp_path, "lookup", "--json", stdin=queries)
    rows = {row["query"]: row["status"] for row in map(json.loads, done.stdout.splitlines())}
    assert rows["Springfield"]["kind"] == "moratorium"
    assert rows["Springfield"]["state"] == "in_force_until_condition"
    for limited in ("Pittsburgh", "Colorado", "Maryland", "Montana"):
        assert (rows[limited]["kind"], rows[limited]["state"]) == ("limited", "in_force"), limited
    assert rows["Lawrence"]["kind"] == "oversight"
    assert all(row["state"] != "no_measure_on_record" for row in rows.values())


def test_kb_check_fails_after_the_session_ends_naming_the_files_to_update(
    tmp_path: Path,
) -> None:
    before = run_bot(tmp_path, "kb", "check", "--today", "2027-01-05", "--max-age-days", "9999")
    assert "General Court ended" not in before.stdout
    after = run_bot(tmp_path, "kb", "check", "--today", "2027-01-06", "--max-age-days", "9999")
    assert after.returncode == 1
    assert "bills.yaml: the 194th General Court ended on 2027-01-06" in after.stdout
    assert "measures.yaml: ma-bills-194th is still pending" in after.stdout
    assert "faq.yaml: bills names H.1946, S.1053" in after.stdout


def test_legislators_json_narrows_boston_ward_21_precinct_1(tmp_path: Path) -> None:
    done = run_bot(tmp_path, "legislators", "Boston", "--ward", "21", "--precinct", "1", "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["split"] is True
    assert len(data["house"]) == 1 and len(data["senate"]) == 1
    assert set(data) == {"place", "split", "senate", "house", "as_of"}


def test_a_bad_setting_fails_at_start_naming_the_variable(tmp_path: Path) -> None:
    env = dict(os.environ, BROADCAST_RATE="fast", BOT_DB_PATH=str(tmp_path / "x.sqlite3"))
    done = subprocess.run(
        [sys.executable, "-m", "bot", "lookup", "boston"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert "BROADCAST_RATE" in done.stderr
