"""Building the knowledge database: atomic swap, no change on a bad edit, rebuild when stale."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sqlite_utils

from bot import DEFAULT_KNOWLEDGE_DIR
from bot.kb.build import build, ensure_built, needs_build
from bot.kb.errors import KnowledgeError
from bot.kb.places import SECTION
from bot.kb.store import KnowledgeStore

SECTIONS = [SECTION]


@pytest.fixture
def knowledge(tmp_path: Path) -> Path:
    """A copy of the places section's committed files."""
    target = tmp_path / "knowledge"
    target.mkdir()
    for name in SECTION.files:
        shutil.copy(DEFAULT_KNOWLEDGE_DIR / name, target / name)
    return target


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "bot.knowledge.sqlite3"


def touch_newer(path: Path, than: Path) -> None:
    """Give ``path`` a modification time one second after ``than``'s."""
    later = than.stat().st_mtime_ns + 1_000_000_000
    os.utime(path, ns=(later, later))


def test_build_writes_the_tables_and_metadata(knowledge: Path, db_path: Path) -> None:
    build(knowledge, db_path, SECTIONS)
    conn = sqlite3.connect(db_path)
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"places", "aliases", "zips", "measures", "coverage", "meta"} <= tables
    meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
    assert meta["built_at"]
    assert conn.execute("SELECT sources_through FROM coverage").fetchall() == [("2023-06",)]
    assert conn.execute("SELECT count(*) FROM measures").fetchone() == (42,)
    conn.close()
    assert [p.name for p in db_path.parent.iterdir()] == [db_path.name]


def test_the_committed_knowledge_builds_with_the_default_sections(tmp_path: Path) -> None:
    build(DEFAULT_KNOWLEDGE_DIR, tmp_path / "k.sqlite3")
    store = KnowledgeStore.open_existing(tmp_path / "k.sqlite3")
    assert store.place("cambridge") is not None
    store.close()


@pytest.mark.parametrize(
    ("name", "old", "new"),
    [
        ("places.yaml", ", county: Middlesex, official_style", ", official_style"),
        ("aliases.yaml", "{alias: Manomet, town: plymouth,", "{alias: Manomet, town: nowhere,"),
        ("measures.yaml", "adopted: 2019-06-27", "adopted: 2019-13-45"),
        ("zips.yaml", '- {zip: "01001",', '- {zip: "01001"'),
    ],
)
def test_a_bad_edit_leaves_the_previous_database_in_use(
    knowledge: Path, db_path: Path, name: str, old: str, new: str
) -> None:
    ensure_built(knowledge, db_path, SECTIONS)
    store = KnowledgeStore.open_existing(db_path)
    before = (db_path.read_bytes(), db_path.stat().st_ino, db_path.stat().st_mtime_ns)
    path = knowledge / name
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    touch_newer(path, db_path)

    with pytest.raises(KnowledgeError) as caught:
        ensure_built(knowledge, db_path, SECTIONS)

    assert str(caught.value).startswith(f"knowledge/{name}")
    assert (db_path.read_bytes(), db_path.stat().st_ino, db_path.stat().st_mtime_ns) == before
    assert [p.name for p in db_path.parent.iterdir()] == [db_path.name]
    somerville = store.place("somerville")
    assert somerville is not None and somerville.name == "Somerville"
    store.close()
    reopened = KnowledgeStore.open_existing(db_path)
    assert len(reopened.measures_for("somerville")) == 1
    reopened.close()
    # Opening it rebuilds nothing either: it serves the previous database.
    kept = KnowledgeStore.open(knowledge, db_path, SECTIONS)
    assert kept.place("somerville") is not None
    kept.close()
    assert (db_path.read_bytes(), db_path.stat().st_ino) == before[:2]


def test_ensure_built_builds_a_missing_database(knowledge: Path, db_path: Path) -> None:
    assert needs_build(knowledge, db_path)
    assert ensure_built(knowledge, db_path, SECTIONS) is True
    assert db_path.is_file()


def test_ensure_built_does_not_rebuild_when_the_database_is_newer(
    knowledge: Path, db_path: Path
) -> None:
    ensure_built(knowledge, db_path, SECTIONS)
    inode = db_path.stat().st_ino
    assert ensure_built(knowledge, db_path, SECTIONS) is False
    assert db_path.stat().st_ino == inode


def test_ensure_built_rebuilds_when_a_yaml_file_is_newer(knowledge: Path, db_path: Path) -> None:
    ensure_built(knowledge, db_path, SECTIONS)
    path = knowledge / "aliases.yaml"
    with path.open("a", encoding="utf-8") as handle:
        handle.write(
            "- {alias: Test Village, town: plymouth, kind: village, confidence: high, "
            'source: "test"}\n'
        )
    touch_newer(path, db_path)
    assert ensure_built(knowledge, db_path, SECTIONS) is True
    store = KnowledgeStore.open_existing(db_path)
    assert any(a.alias == "Test Village" for a in store.aliases())
    store.close()


def test_ensure_built_watches_yaml_in_subfolders(knowledge: Path, db_path: Path) -> None:
    ensure_built(knowledge, db_path, SECTIONS)
    nested = knowledge / "messages" / "en" / "answer.yaml"
    nested.parent.mkdir(parents=True)
    nested.write_text("answer.hello: Hello\n", encoding="utf-8")
    touch_newer(nested, db_path)
    assert needs_build(knowledge, db_path)


def test_a_swap_under_an_open_store_keeps_it_answering(knowledge: Path, db_path: Path) -> None:
    ensure_built(knowledge, db_path, SECTIONS)
    store = KnowledgeStore.open_existing(db_path)
    build(knowledge, db_path, SECTIONS)
    assert store.place("boston") is not None
    store.close()


# -- damaged files ----------------------------------------------------------------------------


def _damage(db_path: Path, how: str) -> None:
    if how == "empty":
        db_path.write_bytes(b"")
    elif how == "garbage":
        db_path.write_bytes(b"not a database\n" * 500)
    else:  # "truncated": a real database cut in half, its header intact
        data = db_path.read_bytes()
        db_path.write_bytes(data[: len(data) // 2])


@pytest.mark.parametrize("how", ["empty", "truncated"])
def test_a_damaged_database_newer_than_the_yaml_is_rebuilt(
    knowledge: Path, db_path: Path, how: str, caplog: pytest.LogCaptureFixture
) -> None:
    ensure_built(knowledge, db_path, SECTIONS)
    _damage(db_path, how)
    touch_newer(db_path, knowledge / "places.yaml")
    assert not needs_build(knowledge, db_path)

    store = KnowledgeStore.open(knowledge, db_path, SECTIONS)

    assert store.place("somerville") is not None
    assert len(store.measures_for("somerville")) == 1
    store.close()
    assert "damaged" in caplog.text and "rebuilding it from the YAML" in caplog.text


class FullDisk:
    """The places section, written to a disk that fills up halfway."""

    name = SECTION.name
    files = SECTION.files

    def load(self, knowledge_dir: Path) -> object:
        return SECTION.load(knowledge_dir)

    def write(self, db: sqlite_utils.Database, data: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")


def test_a_rebuild_that_fails_keeps_the_previous_good_database(
    knowledge: Path, db_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A full disk at rebuild failed the start, though the previous database was intact."""
    ensure_built(knowledge, db_path, SECTIONS)
    before = db_path.read_bytes()
    touch_newer(knowledge / "aliases.yaml", db_path)

    store = KnowledgeStore.open(knowledge, db_path, [FullDisk()])

    assert store.place("somerville") is not None
    store.close()
    assert db_path.read_bytes() == before
    assert [p.name for p in db_path.parent.iterdir()] == [db_path.name]
    assert "database or disk is full" in caplog.text
    assert "serving the previous database" in caplog.text


def test_a_damaged_database_that_cannot_be_rebuilt_is_an_error_naming_both(
    knowledge: Path, db_path: Path
) -> None:
    ensure_built(knowledge, db_path, SECTIONS)
    _damage(db_path, "garbage")
    with pytest.raises(KnowledgeError) as caught:
        KnowledgeStore.open(knowledge, db_path, [FullDisk()])
    assert str(caught.value).startswith(f"{db_path}: damaged (")
    assert "and rebuilding it failed: database or disk is full" in str(caught.value)


def test_leftovers_of_a_killed_build_are_removed_at_the_next_build(
    knowledge: Path, db_path: Path
) -> None:
    db_path.parent.mkdir(parents=True)
    gone = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        check=True,
        capture_output=True,
        text=True,
    )
    dead = int(gone.stdout)
    live = os.getppid()  # a process that exists: its build may be under way
    names = [
        f".{db_path.name}.{dead}.tmp",
        f".{db_path.name}.{dead}.tmp-journal",
        f".{db_path.name}.{live}.tmp",
    ]
    for name in names:
        (db_path.parent / name).write_bytes(b"half a database")

    build(knowledge, db_path, SECTIONS)

    left = sorted(p.name for p in db_path.parent.iterdir())
    assert left == sorted([db_path.name, f".{db_path.name}.{live}.tmp"])


@pytest.mark.slow
def test_kill_9_during_kb_build_leaves_nothing_behind_after_the_next_build(tmp_path: Path) -> None:
    """Every kill -9 during ``kb build`` left a .tmp and a -journal file."""
    env = {**os.environ, "BOT_DB_PATH": str(tmp_path / "data" / "bot.sqlite3")}
    command = [sys.executable, "-m", "bot", "kb", "build"]
    folder = tmp_path / "data"
    build_process = subprocess.Popen(command, env=env, cwd=tmp_path)
    try:
        while not list(folder.glob(".*.tmp")) and build_process.poll() is None:
            time.sleep(0.01)
    finally:
        build_process.send_signal(signal.SIGKILL)
        build_process.wait(timeout=30)
    assert list(folder.glob(".*.tmp"))  # the kill left its temporary file
    done = subprocess.run(
        command, env=env, cwd=tmp_path, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in folder.iterdir()) == ["bot.knowledge.sqlite3"]
