"""``python -m bot`` as a resident or organizer runs it: a real subprocess, no token."""

from __future__ import annotations

import argparse
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bot import DEFAULT_KNOWLEDGE_DIR
from bot.cli import build_parser
from bot.storage import subscribers
from bot.storage.db import connect
from tests.support import built_knowledge

ROOT = Path(__file__).resolve().parent.parent


def run_bot(
    tmp_path: Path,
    *args: str,
    stdin: str = "",
    env: dict[str, str] | None = None,
    damage_knowledge: bool = False,
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TELEGRAM_")} | (env or {})
    env["BOT_DB_PATH"] = str(tmp_path / "bot.sqlite3")
    kb = tmp_path / "bot.knowledge.sqlite3"
    shutil.copyfile(built_knowledge(), kb)
    if damage_knowledge:  # its first half only, still newer than every YAML file
        kb.write_bytes(kb.read_bytes()[: kb.stat().st_size // 2])
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


# -- one thin CLI: documented commands, help text, one error path ---------------------------


def _documented_commands() -> list[list[str]]:
    """Every ``python -m bot ...`` the README shows, as argument lists (shell redirections cut)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    found = re.findall(r"^(python -m bot\b[^\n#]*)", readme, flags=re.M)
    found += re.findall(r"`(python -m bot\b[^`]*)`", readme)
    commands = []
    for text in found:
        words = shlex.split(text)[3:]
        cut = [i for i, word in enumerate(words) if word in (">", "<", "|", "&&")]
        commands.append(words[: cut[0]] if cut else words)
    return commands


def test_every_command_the_readme_documents_exists_and_parses() -> None:
    parser = build_parser()
    documented = _documented_commands()
    assert len(documented) >= 10
    for argv in documented:
        if "--help" in argv:
            with pytest.raises(SystemExit) as shown:
                parser.parse_args(argv)
            assert shown.value.code == 0
        else:
            parser.parse_args(argv)  # a usage error exits 2: the test fails naming the command
    named = {argv[0] for argv in documented if argv and not argv[0].startswith("-")}
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    assert named == set(commands.choices), "document every command in the README"


def test_every_command_and_option_has_help_text() -> None:
    missing = []

    def visit(parser: argparse.ArgumentParser) -> None:
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for choice in action._choices_actions:
                    if not choice.help:
                        missing.append(f"{parser.prog} {choice.dest}")
                for sub in action.choices.values():
                    visit(sub)
            elif not isinstance(action, argparse._HelpAction) and not action.help:
                missing.append(f"{parser.prog} {'/'.join(action.option_strings) or action.dest}")

    visit(build_parser())
    assert missing == []


def test_a_usage_error_is_one_line_naming_the_option(tmp_path: Path) -> None:
    done = run_bot(tmp_path, "broadcast", "--workers", "many")
    assert done.returncode == 2
    assert done.stderr == (
        "error: python -m bot broadcast: argument --workers: invalid int value: 'many' "
        "(see python -m bot broadcast --help)\n"
    )


def _malformed(path: Path) -> None:
    """A state database whose header is fine and whose table pages are garbage."""
    conn = connect(path)
    for chat_id in range(1, 400):
        subscribers.subscribe(conn, chat_id, "somerville", "en")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = bytearray(path.read_bytes())
    data[4096 * 2 : 4096 * 4] = b"\xff" * (4096 * 2)
    path.write_bytes(bytes(data))


@pytest.mark.parametrize(
    ("damage", "command"),
    [
        ("not a database", []),
        ("not a database", ["stats"]),
        ("malformed", ["subscribers", "export"]),
    ],
)
def test_a_damaged_state_database_is_one_line_saying_how_to_restore_it(
    tmp_path: Path, damage: str, command: list[str]
) -> None:
    path = tmp_path / "bot.sqlite3"
    if damage == "malformed":
        _malformed(path)
    else:
        path.write_bytes(b"these are not the bytes of a database\n" * 200)
    done = run_bot(tmp_path, *command, stdin="sommerville\n")
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    [line] = done.stderr.splitlines()
    assert line.startswith(f"error: {path}: the state database cannot be opened (")
    assert line.endswith(
        "to restore it, stop the bot, move bot.sqlite3 and any bot.sqlite3-wal and "
        "bot.sqlite3-shm aside, and copy your latest backup (made with: python -m bot backup "
        f"FILE) to {path}"
    )


def test_a_missing_knowledge_folder_is_one_line(tmp_path: Path) -> None:
    env_dir = tmp_path / "nowhere"
    done = run_bot(tmp_path, "kb", "build", env={"KNOWLEDGE_DIR": str(env_dir)})
    assert done.returncode == 1
    [line] = done.stderr.splitlines()
    assert line.startswith("error: knowledge: ") and "nowhere" in line


# -- damaged knowledge database ---------------------------------------------------------------


def test_a_corrupt_knowledge_database_newer_than_the_yaml_is_rebuilt_at_start(
    tmp_path: Path,
) -> None:
    """A corrupt knowledge database newer than the YAML was not rebuilt: the bot did not start."""
    kb = tmp_path / "bot.knowledge.sqlite3"
    done = run_bot(tmp_path, "lookup", "--json", "sommerville", damage_knowledge=True)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["place"]["name"] == "Somerville"
    assert "damaged" in done.stderr and "rebuilding it from the YAML" in done.stderr
    assert sorted(p.name for p in tmp_path.glob("*knowledge*")) == [kb.name]


# Run ``python -m bot`` with files limited to 300 kB: the knowledge database (800 kB) cannot be
# written, as on a full disk, while the small state database can.
_FULL_DISK = """
import resource, runpy, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (300_000, 300_000))
sys.argv = ["bot", *sys.argv[1:]]
runpy.run_module("bot", run_name="__main__")
"""


@pytest.mark.slow
def test_a_full_disk_at_rebuild_keeps_the_previous_knowledge_and_the_bot_starts(
    tmp_path: Path,
) -> None:
    """A full disk at rebuild failed the start, though the previous database was intact."""
    knowledge = tmp_path / "knowledge"
    shutil.copytree(DEFAULT_KNOWLEDGE_DIR, knowledge)
    kb = tmp_path / "bot.knowledge.sqlite3"
    shutil.copyfile(built_knowledge(), kb)
    os.utime(kb, (0, 0))  # older than every YAML file: it must be rebuilt
    before = kb.read_bytes()
    env = {k: v for k, v in os.environ.items() if not k.startswith("TELEGRAM_")}
    env |= {"BOT_DB_PATH": str(tmp_path / "bot.sqlite3"), "KNOWLEDGE_DIR": str(knowledge)}
    done = subprocess.run(
        [sys.executable, "-c", _FULL_DISK, "lookup", "--json", "sommerville"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["place"]["name"] == "Somerville"
    assert "serving the previous database" in done.stderr
    assert kb.read_bytes() == before
    assert sorted(p.name for p in tmp_path.glob("*knowledge.sqlite3*")) == [kb.name]
