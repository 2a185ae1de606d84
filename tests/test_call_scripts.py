"""Scripts render for every town and legislator: no missing placeholder, within 4,096 chars."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import sqlite_utils

from bot import DEFAULT_KNOWLEDGE_DIR
from bot.core.call_scripts import MAX_MESSAGE, ScriptBook, ordinal, render_script
from bot.core.i18n import Catalog
from bot.core.legislators import Directory, Member
from bot.kb.errors import KnowledgeError
from bot.kb.legislators import LEGISLATORS_SECTION, SCRIPTS_SECTION

LONGEST_NAME = "Bartholomew-Maximilian " * 3  # Telegram caps first names at 64 characters


@pytest.fixture(scope="module")
def db() -> sqlite_utils.Database:
    database = sqlite_utils.Database(memory=True)
    for section in (LEGISLATORS_SECTION, SCRIPTS_SECTION):
        section.write(database, section.load(DEFAULT_KNOWLEDGE_DIR))
    return database


@pytest.fixture(scope="module")
def book(db: sqlite_utils.Database) -> ScriptBook:
    return ScriptBook.from_db(db)


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return Catalog.load(DEFAULT_KNOWLEDGE_DIR)


def member(db: sqlite_utils.Database, district: str) -> Member:
    found = [m for m in Directory(db).all_members() if m.district == district]
    return found[0]


def test_every_script_renders_for_every_town_and_legislator_within_the_limit(
    db: sqlite_utils.Database, book: ScriptBook, catalog: Catalog
) -> None:
    directory = Directory(db)
    rendered = 0
    for town in directory.towns():
        lookup = directory.lookup(town.place_id)
        assert lookup is not None
        for legislator in lookup.members:
            if legislator.vacant:
                continue
            for has_ban in (True, False):
                for first_name in (None, LONGEST_NAME):
                    for kind in ("call", "email"):
                        text = render_script(
                            book, catalog, kind, legislator, town.name, has_ban, first_name
                        )
                        assert len(text) <= MAX_MESSAGE
                        assert not re.search(r"\{\w*\}", text), (town.name, kind)
                        assert town.name.replace("&", "&amp;") in text
                        rendered += 1
    assert rendered > 351 * 2 * 2 * 2 * 2


def test_a_ban_town_is_thanked_and_a_town_without_is_asked_for_an_ordinance(
    db: sqlite_utils.Database, book: ScriptBook
) -> None:
    decker = member(db, "25th Middlesex")
    ban = book.fill(decker, "Representative", "Cambridge", True, None)
    none = book.fill(decker, "Representative", "Cambridge", False, None)
    assert "already banned" in ban.call and "ordinance" not in ban.call
    assert "ordinance" in none.call
    assert "Representative Marjorie Decker" in ban.call and "H.1946" in ban.call


def test_a_senator_is_asked_for_the_senate_bill(
    db: sqlite_utils.Database, book: ScriptBook
) -> None:
    mark = member(db, "Berkshire, Hampden, Franklin and Hampshire")
    filled = book.fill(mark, "Senator", "Pittsfield", False, None)
    assert "Senator Paul Mark" in filled.call and "S.1053" in filled.email_subject


def test_the_first_name_signs_the_script_only_when_given(
    db: sqlite_utils.Database, book: ScriptBook
) -> None:
    mark = member(db, "Berkshire, Hampden, Franklin and Hampshire")
    named = book.fill(mark, "Senator", "Adams", True, "  Ana  ")
    anonymous = book.fill(mark, "Senator", "Adams", True, None)
    assert "My name is Ana and I'm" in named.call
    assert named.email_body.endswith("Ana\nA constituent in Adams")
    assert "Ana" not in anonymous.call and anonymous.email_body.endswith("A constituent in Adams")


def test_names_are_escaped_in_the_html_message(
    db: sqlite_utils.Database, book: ScriptBook, catalog: Catalog
) -> None:
    mark = member(db, "Berkshire, Hampden, Franklin and Hampshire")
    text = render_script(book, catalog, "email", mark, "Adams", True, "<b>Eve</b>")
    assert "&lt;b&gt;Eve&lt;/b&gt;" in text and "<b>Eve" not in text


def test_the_call_message_shows_a_tappable_phone(
    db: sqlite_utils.Database, book: ScriptBook, catalog: Catalog
) -> None:
    mark = member(db, "Berkshire, Hampden, Franklin and Hampshire")
    text = render_script(book, catalog, "call", mark, "Adams", True)
    assert "+1 617-722-1625" in text


def test_an_overlong_template_is_cut_to_fit(
    db: sqlite_utils.Database, book: ScriptBook, catalog: Catalog
) -> None:
    long = ScriptBook(
        {k: v + " & more" * 1000 for k, v in book.templates.items()}, book.pieces, book.bills
    )
    mark = member(db, "Berkshire, Hampden, Franklin and Hampshire")
    for kind in ("call", "email"):
        text = render_script(long, catalog, kind, mark, "Adams", False)
        assert len(text) <= MAX_MESSAGE and "…" in text


def test_an_unknown_placeholder_fails_the_build_naming_the_entry(tmp_path: Path) -> None:
    for name in SCRIPTS_SECTION.files:
        shutil.copy(DEFAULT_KNOWLEDGE_DIR / name, tmp_path / name)
    path = tmp_path / "scripts.yaml"
    path.write_text(path.read_text().replace("{town} has already", "{twon} has already", 1))
    with pytest.raises(
        KnowledgeError, match=r"entry #1 \(ban, senate\): field 'call': .*\{twon\}"
    ):
        SCRIPTS_SECTION.load(tmp_path)


def test_a_missing_situation_fails_the_build(tmp_path: Path) -> None:
    for name in SCRIPTS_SECTION.files:
        shutil.copy(DEFAULT_KNOWLEDGE_DIR / name, tmp_path / name)
    path = tmp_path / "scripts.yaml"
    text = path.read_text()
    path.write_text(text[: text.index("- situation: no_ban\n  chamber: house")])
    with pytest.raises(KnowledgeError, match="no script for situation no_ban, house"):
        SCRIPTS_SECTION.load(tmp_path)


def test_ordinals() -> None:
    assert [ordinal(n) for n in (191, 192, 193, 194, 111)] == [
        "191st",
        "192nd",
        "193rd",
        "194th",
        "111th",
    ]
