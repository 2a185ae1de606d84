"""The legislator conversation: town -> ward/precinct -> list -> script -> outcome counted."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest
import sqlite_utils

from bot import DEFAULT_KNOWLEDGE_DIR
from bot.core import callbacks
from bot.core.call_scripts import ScriptBook
from bot.core.context import UserContext
from bot.core.i18n import Catalog
from bot.core.legislator_flow import LegislatorFlow
from bot.core.legislators import Directory
from bot.core.reply import Reply
from bot.kb.legislators import LEGISLATORS_SECTION, SCRIPTS_SECTION
from bot.storage import outcomes
from bot.storage.db import connect

ANA = UserContext(chat_id=1, first_name="Ana")
BANNED = {"cambridge", "boston", "somerville"}
DAY = date(2026, 11, 26)


@pytest.fixture(scope="module")
def knowledge() -> sqlite_utils.Database:
    database = sqlite_utils.Database(memory=True)
    for section in (LEGISLATORS_SECTION, SCRIPTS_SECTION):
        section.write(database, section.load(DEFAULT_KNOWLEDGE_DIR))
    return database


@pytest.fixture
def state() -> sqlite3.Connection:
    assert outcomes.SCHEMA  # imported, so connect() applies the table
    return connect(":memory:")


@pytest.fixture
def flow(knowledge: sqlite_utils.Database, state: sqlite3.Connection) -> LegislatorFlow:
    return LegislatorFlow(
        Directory(knowledge),
        ScriptBook.from_db(knowledge),
        Catalog.load(DEFAULT_KNOWLEDGE_DIR),
        state,
        town_has_ban=lambda place_id: place_id in BANNED,
        today=lambda: DAY,
    )


def press(reply: Reply, label: str) -> str:
    """Return the callback data of the button whose label contains ``label``."""
    for row in reply.buttons:
        for button in row:
            if label in button.label and button.data:
                return button.data
    raise AssertionError(f"no button {label!r} in {[b.label for r in reply.buttons for b in r]}")


def all_data(reply: Reply) -> list[str]:
    return [b.data for row in reply.buttons for b in row if b.data]


def test_a_whole_town_lists_its_two_legislators_with_contacts(flow: LegislatorFlow) -> None:
    reply = flow.handle("leg:abington", ANA)
    assert "Your state legislators for Abington" in reply.text
    assert "Senator John Keenan" in reply.text and "Representative" in reply.text
    assert "+1 617-722-" in reply.text and "Contact details as of 20" in reply.text
    assert not reply.edit
    assert len(reply.buttons) == 2


def test_boston_asks_ward_then_precinct_then_shows_one_member_per_chamber(
    flow: LegislatorFlow, state: sqlite3.Connection
) -> None:
    wards = flow.command("boston", ANA)
    assert "Which ward" in wards.text
    assert sum(len(row) for row in wards.buttons) <= 100
    assert "I don't know" in [b.label for row in wards.buttons for b in row]
    precincts = flow.handle(press(wards, "Ward 21"), ANA)
    assert "ward 21: which precinct" in precincts.text and precincts.edit
    listing = flow.handle(press(precincts, "1"), ANA)
    assert "Boston, ward 21, precinct 1" in listing.text
    assert "2nd Suffolk" in listing.text and "Suffolk and Middlesex" in listing.text
    assert listing.text.count("☎️") == 2

    script = flow.handle(press(listing, "Call script"), ANA)
    assert "Calling Senator Will Brownsberger" in script.text and "already banned" in script.text
    assert "My name is" not in script.text
    signed = flow.handle(press(script, "Sign it"), ANA)
    assert "My name is Ana" in signed.text and signed.edit

    thanks = flow.handle(press(signed, "Talked"), ANA)
    assert "Thank you" in thanks.text
    flow.handle(press(signed, "Talked"), ANA)
    rows = state.execute("SELECT * FROM call_outcomes").fetchall()
    assert [tuple(r) for r in rows] == [
        ("2026-11-26", "senate", "Suffolk and Middlesex", "talked", 2)
    ]
    assert {c[1] for c in state.execute("PRAGMA table_info(call_outcomes)")} == {
        "day",
        "chamber",
        "district",
        "outcome",
        "count",
    }


def test_a_town_without_wards_asks_the_precinct(flow: LegislatorFlow) -> None:
    reply = flow.handle("leg:acton", ANA)
    assert "Which precinct" in reply.text
    listing = flow.handle(press(reply, "6A"), ANA)
    assert "37th Middlesex" in listing.text and "14th Middlesex" not in listing.text


def test_i_dont_know_lists_every_candidate_with_the_official_lookups(flow: LegislatorFlow) -> None:
    wards = flow.handle("leg:cambridge", ANA)
    candidates = flow.handle(press(wards, "I don't know"), ANA)
    assert candidates.text.count("• ") == 9
    assert "https://malegislature.gov/Search/FindMyLegislator" in candidates.text
    assert "https://www.sec.state.ma.us/WhereDoIVoteMA/bal/MyElectionInfo.aspx" in candidates.text
    card = flow.handle(press(candidates, "Marjorie Decker"), ANA)
    assert "Covers in Cambridge: ward 3: 3A; ward 4: 2, 2A, 3" in card.text
    email = flow.handle(press(card, "Email script"), ANA)
    assert "marjorie.decker@mahouse.gov" in email.text
    assert "Subject:" in email.text and "ordinance" not in email.text
    assert [b.label for row in email.buttons for b in row][-1] == "📨 Sent the email"


def test_boston_candidates_fit_one_message(flow: LegislatorFlow) -> None:
    reply = flow.handle("leg:boston:all", ANA)
    assert reply.text.count("• ") == 22 and len(reply.text) <= 4096


def test_a_vacant_seat_says_so_and_points_to_the_other_chamber(flow: LegislatorFlow) -> None:
    place = "colrain"  # in the vacant 1st Franklin House district
    reply = flow.handle(f"leg:{place}", ANA)
    if "Which precinct" in reply.text:
        reply = flow.handle(all_data(reply)[0], ANA)
    assert "vacant" in reply.text and "ask your Senator" in reply.text
    assert len(reply.buttons) == 1  # scripts only for the member who holds a seat


def test_a_town_without_a_ban_gets_the_ordinance_ask(flow: LegislatorFlow) -> None:
    listing = flow.handle("leg:abington", ANA)
    script = flow.handle(press(listing, "Call script"), ANA)
    assert "ordinance" in script.text


def test_every_button_fits_telegrams_64_bytes(flow: LegislatorFlow) -> None:
    for data in ("leg:manchester-by-the-sea", "leg:boston", "leg:boston:p:21:0", "leg:boston:all"):
        reply = flow.handle(data, ANA)
        assert all(len(d.encode()) <= callbacks.MAX_CALLBACK_BYTES for d in all_data(reply))


@pytest.mark.parametrize(
    "data",
    [
        "leg:",
        "leg:atlantis",
        "leg:boston:p:99:0",
        "leg:boston:r:21:999",
        "leg:boston:w:7",
        "leg:boston:w:x",
        "leg:boston:zz",
        "scr:q:deadbeef:boston",
        "scr:c:deadbeef:boston",
        "scr:c",
        "out:t:deadbeef",
        "out:zz:deadbeef",
        "out",
        "nope:1",
    ],
)
def test_a_forged_or_stale_callback_gets_a_polite_reply(flow: LegislatorFlow, data: str) -> None:
    reply = flow.handle(data, ANA)
    assert "couldn't follow that button" in reply.text


def test_the_command_without_a_town_asks_for_one_and_an_unknown_town_is_named(
    flow: LegislatorFlow,
) -> None:
    assert "Which Massachusetts city or town" in flow.command("", ANA).text
    assert "“Atlantis &amp; Co”" in flow.command("Atlantis & Co", ANA).text


def test_signing_without_a_first_name_says_so(flow: LegislatorFlow) -> None:
    listing = flow.handle("leg:abington", ANA)
    script = flow.handle(press(listing, "Email script"), ANA)
    signed = flow.handle(press(script, "Sign it"), UserContext(chat_id=2))
    assert "didn't give me a first name" in signed.text
