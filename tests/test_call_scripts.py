"""Scripts render for every town, legislator and situation: one screen, no placeholder left."""

from __future__ import annotations

import re
import shutil
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
import sqlite_utils

from bot import DEFAULT_KNOWLEDGE_DIR
from bot.broadcast import telegram_html
from bot.core.answers import visible_length
from bot.core.call_scripts import (
    MAX_CALL,
    MAX_MESSAGE,
    ScriptBook,
    ordinal,
    render_script,
    situation,
)
from bot.core.i18n import Catalog
from bot.kb.directory import Directory, Member
from bot.kb.errors import KnowledgeError
from bot.kb.legislators import LEGISLATORS_SECTION, SCRIPTS_SECTION, SITUATIONS
from bot.kb.models import Day, Measure, MeasureState
from bot.kb.standing import Standing

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


def test_every_script_renders_for_every_town_legislator_and_situation_within_its_limit(
    db: sqlite_utils.Database, book: ScriptBook, catalog: Catalog
) -> None:
    directory = Directory(db)
    rendered = 0
    calls: list[int] = []
    for town in directory.towns():
        lookup = directory.lookup(town.place_id)
        assert lookup is not None
        for legislator in lookup.members:
            if legislator.vacant:
                continue
            for where in SITUATIONS:
                for first_name in (None, LONGEST_NAME):
                    for kind in ("call", "email"):
                        if kind == "call" and legislator.phone is None:
                            continue
                        text = render_script(
                            book, catalog, kind, legislator, town.name, where, first_name
                        )
                        limit = MAX_CALL if kind == "call" else MAX_MESSAGE
                        assert visible_length(text) <= limit, (town.name, where, kind)
                        assert telegram_html.validate(text) == [], (town.name, where, kind)
                        assert not re.search(r"\{\w*\}", text), (town.name, kind)
                        assert town.name.replace("&", "&amp;") in text
                        if kind == "call":
                            calls.append(visible_length(text))
                        rendered += 1
    assert rendered > 351 * 2 * 4 * 2 * 2
    assert max(calls) <= MAX_CALL


def test_a_call_starts_with_the_name_and_a_tappable_number_and_ends_with_the_voicemail_line(
    db: sqlite_utils.Database, book: ScriptBook, catalog: Catalog
) -> None:
    mark = member(db, "Berkshire, Hampden, Franklin and Hampshire")
    text = render_script(book, catalog, "call", mark, "Adams", "ban")
    lines = text.split("\n")
    assert lines[0] == "📞 <b>Senator Paul Mark</b>: +1 617-722-1625"
    assert lines[-1].startswith("📼 ") and "voicemail" in lines[-1]
    assert text.count("S.1053") == 1  # the bill number once
    assert book.session.title not in text  # the long title belongs in the email only
    assert text.count(book.session.short_title) <= 1


@pytest.mark.parametrize(
    ("where", "says", "never"),
    [
        ("ban", ("Adams bans its own agencies",), ("moratorium",)),
        ("moratorium", ("Adams has a moratorium",), ("banned", " bans ")),
        ("limited", ("local rules on face surveillance, but they do", "n't ban it"), ("banned",)),
        ("no_ban_on_record", ("find a local ban on face surveillance in Adams",), ("has no ban",)),
    ],
)
def test_each_situation_says_only_what_the_answer_says(
    db: sqlite_utils.Database,
    book: ScriptBook,
    where: str,
    says: tuple[str, ...],
    never: tuple[str, ...],
) -> None:
    mark = member(db, "Berkshire, Hampden, Franklin and Hampshire")
    filled = book.fill(mark, "Senator", "Adams", where, None)
    for text in (filled.call, filled.email_body):
        assert all(words in text.replace(" not ", "n't ") for words in says), (where, text)
        for words in never:
            assert words not in text, (where, words)


@pytest.mark.parametrize(
    ("kind", "in_force", "expected"),
    [
        ("ban", True, "ban"),
        ("moratorium", True, "moratorium"),
        ("limited", True, "limited"),
        ("oversight", True, "no_ban_on_record"),
        ("ban", False, "no_ban_on_record"),
        ("moratorium", False, "no_ban_on_record"),
        ("none", False, "no_ban_on_record"),
    ],
)
def test_the_script_follows_where_the_town_stands(
    kind: str, in_force: bool, expected: str
) -> None:
    assert situation(Standing(kind, in_force, None)) == expected  # type: ignore[arg-type]


def test_a_script_never_asserts_a_measure_the_answer_hedges() -> None:
    assert situation(Standing("ban", True, _measure("likely"))) == "no_ban_on_record"
    assert situation(Standing("ban", True, _measure("confirmed"))) == "ban"


def _measure(confidence: str) -> Measure:
    text = {"en": "x"}
    return Measure(
        id="x",
        place_id="x",
        level="city",
        what="ban",
        binds=("all_municipal_agencies",),
        state=MeasureState("in_force"),
        title=text,
        headline=text,
        scope_line=text,
        forbids=text,
        confidence=confidence,
        checked=date(2026, 12, 1),
        sources_through=Day(2023, 6),
        sources=(),
    )


def test_a_member_without_a_phone_gets_no_call_script(
    db: sqlite_utils.Database, book: ScriptBook, catalog: Catalog
) -> None:
    field = member(db, "3rd Bristol")
    assert field.phone is None
    with pytest.raises(ValueError, match="no phone on record"):
        render_script(book, catalog, "call", field, "Taunton", "no_ban_on_record")
    email = render_script(book, catalog, "email", field, "Taunton", "no_ban_on_record")
    assert "lisa.field@mahouse.gov" in email and "no phone" not in email


def test_a_senator_is_asked_for_the_senate_bill(
    db: sqlite_utils.Database, book: ScriptBook
) -> None:
    mark = member(db, "Berkshire, Hampden, Franklin and Hampshire")
    filled = book.fill(mark, "Senator", "Pittsfield", "no_ban_on_record", None)
    assert "Senator Paul Mark" in filled.call and "S.1053" in filled.email_subject


def test_the_first_name_signs_the_script_only_when_given(
    db: sqlite_utils.Database, book: ScriptBook
) -> None:
    mark = member(db, "Berkshire, Hampden, Franklin and Hampshire")
    named = book.fill(mark, "Senator", "Adams", "ban", "  Ana  ")
    anonymous = book.fill(mark, "Senator", "Adams", "ban", None)
    assert "My name is Ana and I'm" in named.call
    assert named.email_body.endswith("Ana\nA constituent in Adams")
    assert "Ana" not in anonymous.call and anonymous.email_body.endswith("A constituent in Adams")


def test_names_are_escaped_in_the_html_message(
    db: sqlite_utils.Database, book: ScriptBook, catalog: Catalog
) -> None:
    mark = member(db, "Berkshire, Hampden, Franklin and Hampshire")
    text = render_script(book, catalog, "email", mark, "Adams", "ban", "<b>Eve</b>")
    assert "&lt;b&gt;Eve&lt;/b&gt;" in text and "<b>Eve" not in text
    assert telegram_html.validate(text) == []


def test_an_overlong_email_is_cut_to_fit_as_valid_html(
    db: sqlite_utils.Database, book: ScriptBook, catalog: Catalog
) -> None:
    long = replace(
        book, templates={k: v + " &amp; more" * 1000 for k, v in book.templates.items()}
    )
    mark = member(db, "Berkshire, Hampden, Franklin and Hampshire")
    text = render_script(long, catalog, "email", mark, "Adams", "no_ban_on_record")
    assert len(text) <= MAX_MESSAGE and "…" in text
    assert telegram_html.validate(text) == []


def copy_scripts(tmp_path: Path) -> Path:
    for name in SCRIPTS_SECTION.files:
        shutil.copy(DEFAULT_KNOWLEDGE_DIR / name, tmp_path / name)
    return tmp_path / "scripts.yaml"


def test_an_unknown_placeholder_fails_the_build_naming_the_entry(tmp_path: Path) -> None:
    path = copy_scripts(tmp_path)
    path.write_text(path.read_text().replace("{town} bans its own", "{twon} bans its own", 1))
    with pytest.raises(KnowledgeError, match=r"entry #1 \(ban, both\): field 'call': .*\{twon\}"):
        SCRIPTS_SECTION.load(tmp_path)


def test_a_script_telegram_would_refuse_fails_the_build(tmp_path: Path) -> None:
    path = copy_scripts(tmp_path)
    path.write_text(path.read_text().replace("Thank you!", "Thank you <script>!", 1))
    with pytest.raises(
        KnowledgeError, match=r"entry #1 \(ban, both\): field 'call': not valid Telegram HTML"
    ):
        SCRIPTS_SECTION.load(tmp_path)


def test_a_claim_must_rest_on_a_listed_source(tmp_path: Path) -> None:
    path = copy_scripts(tmp_path)
    path.write_text(path.read_text().replace("[aclum-timeline,", "[aclum-timelin,", 1))
    with pytest.raises(
        KnowledgeError, match=r"field 'sources\.0': unknown source 'aclum-timelin'"
    ):
        SCRIPTS_SECTION.load(tmp_path)


def test_a_missing_situation_fails_the_build(tmp_path: Path) -> None:
    path = copy_scripts(tmp_path)
    text = path.read_text()
    path.write_text(text[: text.index("- situation: no_ban_on_record")])
    with pytest.raises(KnowledgeError, match="no script for situation no_ban_on_record, senate"):
        SCRIPTS_SECTION.load(tmp_path)


def test_the_session_end_must_come_after_its_start(tmp_path: Path) -> None:
    copy_scripts(tmp_path)
    bills = tmp_path / "bills.yaml"
    bills.write_text(
        bills.read_text().replace("session_end: 2027-01-06", "session_end: 2024-01-06")
    )
    with pytest.raises(KnowledgeError, match="session_end must come after session_start"):
        SCRIPTS_SECTION.load(tmp_path)


def test_ordinals() -> None:
    assert [ordinal(n) for n in (191, 192, 193, 194, 111)] == [
        "191st",
        "192nd",
        "193rd",
        "194th",
        "111th",
    ]
