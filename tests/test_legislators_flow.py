"""The legislator conversation: town -> ward/precinct -> list -> script -> outcome counted."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import replace
from datetime import date

import pytest
import sqlite_utils

from bot import DEFAULT_KNOWLEDGE_DIR
from bot.core import callbacks
from bot.core.answers import SCREEN_CHARS, visible_length
from bot.core.call_scripts import ScriptBook
from bot.core.context import UserContext
from bot.core.i18n import Catalog
from bot.core.legislator_flow import LegislatorFlow
from bot.core.reply import Reply
from bot.kb.directory import Directory
from bot.kb.legislators import LEGISLATORS_SECTION, SCRIPTS_SECTION
from bot.kb.standing import Standing
from bot.storage import outcomes
from bot.storage.db import connect

ANA = UserContext(chat_id=1, first_name="Ana")
# Telegram caps a first name at 64 characters; a signed script must still fit one screen.
LONG_NAMED = UserContext(chat_id=3, first_name="Bartholomew-Maximilian " * 3)
BANNED = {"cambridge", "boston", "somerville"}
DAY = date(2026, 11, 26)
SESSION_END = date(2027, 1, 6)


def standing(place_id: str) -> Standing:
    if place_id in BANNED:
        return Standing("ban", True, None)
    if place_id == "springfield" or place_id.startswith("east"):  # the longest script
        return Standing("moratorium", True, None)
    return Standing("none", False, None)


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


def make_flow(
    knowledge: sqlite_utils.Database, state: sqlite3.Connection, day: date = DAY
) -> LegislatorFlow:
    return LegislatorFlow(
        Directory(knowledge),
        ScriptBook.from_db(knowledge),
        Catalog.load(DEFAULT_KNOWLEDGE_DIR),
        state,
        town_standing=standing,
        today=lambda: day,
    )


@pytest.fixture
def flow(knowledge: sqlite_utils.Database, state: sqlite3.Connection) -> LegislatorFlow:
    return make_flow(knowledge, state)


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
    assert "+1 617-722-" in reply.text and "Contacts as of " in reply.text
    assert not re.search(r"\d{4}-\d{2}-\d{2}", reply.text)  # dates in the one format
    assert not reply.edit
    # a call and an email script for each of the two, and alerts with a button to call them
    assert len(reply.buttons) == 5
    assert reply.buttons[-1][0].data == "alr:dist:abington:3bbc1603:1db73331"


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

    script = flow.handle(press(listing, "Call Will Brownsberger"), ANA)
    assert script.text.startswith("📞 <b>Senator Will Brownsberger</b>: +1 617-722-")
    assert "Boston bans its own agencies" in script.text
    assert "My name is" not in script.text
    assert visible_length(script.text) <= SCREEN_CHARS
    signed = flow.handle(press(script, "Sign with my first name"), ANA)
    assert "My name is Ana" in signed.text and signed.edit

    thanks = flow.handle(press(signed, "Talked"), ANA)
    assert "Thank you" in thanks.text
    flow.handle(press(signed, "Talked"), ANA)  # pressed again: counted once
    flow.handle(press(signed, "Left a voicemail"), ANA)  # the same call, told again
    flow.handle(press(signed, "Talked"), replace(ANA, chat_id=ANA.chat_id + 1))
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


def test_i_dont_know_offers_a_pin_then_the_districts_grouped_with_their_wards(
    flow: LegislatorFlow,
) -> None:
    wards = flow.handle("leg:cambridge", ANA)
    candidates = flow.handle(press(wards, "I don't know"), ANA)
    assert candidates.location is not None and not candidates.edit
    assert "Share my location" in candidates.location.text
    assert "• Second Middlesex, Pat Jehlen: wards 10, 11; part of wards 7, 8" in candidates.text
    assert "https://www.sec.state.ma.us/WhereDoIVoteMA/bal/MyElectionInfo.aspx" in candidates.text
    house = flow.handle(press(candidates, "More districts"), ANA)
    assert "• 25th Middlesex, Marjorie Decker: wards 7, 8; part of wards 3, 4, 6, 10" in house.text
    assert candidates.text.count("• ") + house.text.count("• ") == 9
    assert "House" not in candidates.text and "Senate" not in house.text
    assert max(visible_length(candidates.text), visible_length(house.text)) <= SCREEN_CHARS
    candidates = house
    card = flow.handle(press(candidates, "Marjorie Decker"), ANA)
    assert "Covers in Cambridge: ward 3: 3A; ward 4: 2, 2A, 3" in card.text
    assert visible_length(card.text) <= SCREEN_CHARS
    email = flow.handle(press(card, "Email script"), ANA)
    assert "marjorie.decker@mahouse.gov" in email.text
    assert "Subject:" in email.text and "I could not find a local ban" not in email.text
    assert [b.label for row in email.buttons for b in row][-1] == "📨 Sent the email"


def test_bostons_districts_come_a_screen_at_a_time(flow: LegislatorFlow) -> None:
    pages = [flow.handle("leg:boston:all", ANA)]
    while more := [d for d in all_data(pages[-1]) if d == f"leg:boston:all:{len(pages)}"]:
        pages.append(flow.handle(more[0], ANA))
    assert len(pages) > 1 and all(visible_length(p.text) <= SCREEN_CHARS for p in pages)
    assert sum(p.text.count("• ") for p in pages) == 22
    assert all(len([d for d in all_data(p) if ":m:" in d]) <= 10 for p in pages)
    assert pages[0].location is not None and all(p.location is None for p in pages[1:])


def test_a_vacant_seat_says_so_and_points_to_the_other_chamber(flow: LegislatorFlow) -> None:
    place = "colrain"  # in the vacant 1st Franklin House district
    reply = flow.handle(f"leg:{place}", ANA)
    if "Which precinct" in reply.text:
        reply = flow.handle(all_data(reply)[0], ANA)
    assert "vacant" in reply.text and "ask your Senator" in reply.text
    # call and email, only for the member who holds a seat, and alerts with a call button
    assert len(reply.buttons) == 3


def test_a_town_without_a_ban_gets_the_no_ban_on_record_script(flow: LegislatorFlow) -> None:
    listing = flow.handle("leg:abington", ANA)
    script = flow.handle(press(listing, "📞 Call"), ANA)
    assert "I couldn't find a local ban on face surveillance in Abington" in script.text
    assert "has no ban" not in script.text


def test_a_moratorium_town_is_never_told_it_banned(flow: LegislatorFlow) -> None:
    listing = flow.handle("leg:springfield", ANA)
    if "Which" in listing.text:
        listing = flow.handle(all_data(listing)[0], ANA)
        listing = flow.handle(all_data(listing)[0], ANA)
    script = flow.handle(press(listing, "📞 Call"), ANA)
    assert "Springfield has a moratorium" in script.text
    assert "banned" not in script.text and "bans " not in script.text


def test_a_member_without_a_phone_gets_the_email_script_and_the_office_not_a_call(
    flow: LegislatorFlow,
) -> None:
    taunton = flow.handle("leg:taunton", ANA)
    while "Which" in taunton.text:  # ward, then precinct
        taunton = flow.handle(all_data(taunton)[0], ANA)
    candidates = flow.handle("leg:taunton:all", ANA)
    card = flow.handle(press(candidates, "Lisa Field"), ANA)
    assert "Lisa Field" in card.text and "no phone on record" not in card.text
    assert "🏛 State House, 24 Beacon St., Boston, MA 02133" in card.text
    labels = [b.label for row in card.buttons for b in row]
    assert labels == ["✉️ Email script: Lisa Field"]
    assert visible_length(card.text) <= SCREEN_CHARS
    key = card.buttons[0][0].data.split(":")[2]  # type: ignore[union-attr]
    assert "couldn't follow" in flow.handle(f"scr:c:{key}:taunton", ANA).text


def test_every_card_and_script_fits_one_screen(flow: LegislatorFlow) -> None:
    directory = flow.directory
    for town in directory.towns():
        lookup = directory.lookup(town.place_id)
        assert lookup is not None
        if lookup.split:  # a split town shows the pair of one precinct
            wards = directory.wards(town.place_id) or [""]
            shown = [
                flow.handle(f"leg:{town.place_id}:r:{ward}:{precinct}", ANA)
                for ward in wards
                for precinct in directory.precincts(town.place_id, ward)
            ]
        else:
            shown = [flow.handle(f"leg:{town.place_id}", ANA)]
        for cards in shown:
            assert visible_length(cards.text) <= SCREEN_CHARS, (town.name, cards.text)
            assert not [b.label for row in cards.buttons for b in row if "&" in b.label]
        for data in {d for cards in shown for d in all_data(cards)}:
            script = flow.handle(data, ANA)
            if data.startswith("scr:c:"):
                assert visible_length(script.text) <= SCREEN_CHARS, (town.name, data)
                signed = flow.handle(f"{data}:n", LONG_NAMED)
                assert visible_length(signed.text) <= SCREEN_CHARS, (town.name, data)


def test_a_name_with_an_apostrophe_reads_as_typed_on_its_buttons(flow: LegislatorFlow) -> None:
    weymouth = flow.handle("leg:weymouth:all", ANA)
    labels = [b.label for row in weymouth.buttons for b in row]
    assert "Senator Patrick O'Connor" in labels
    card = flow.handle(press(weymouth, "Patrick O'Connor"), ANA)
    labels = [b.label for row in card.buttons for b in row]
    assert labels == ["📞 Call Patrick O'Connor", "✉️ Email script: Patrick O'Connor"]
    assert "Patrick O'Connor" in card.text


def test_button_labels_are_plain_text(flow: LegislatorFlow) -> None:
    candidates = flow.handle("leg:boston:all", ANA)
    labels = [b.label for row in candidates.buttons for b in row]
    assert not any("&#" in label or "&amp;" in label for label in labels)
    for town in flow.directory.towns():
        cards = flow.handle(f"leg:{town.place_id}:all", ANA)
        for row in cards.buttons:
            for button in row:
                assert "&#x27;" not in button.label and "&amp;" not in button.label


@pytest.mark.parametrize("day", [SESSION_END, date(2027, 2, 1)])
def test_after_the_session_ends_no_script_asks_for_a_dead_bill(
    knowledge: sqlite_utils.Database, state: sqlite3.Connection, day: date
) -> None:
    flow = make_flow(knowledge, state, day)
    listing = flow.handle("leg:abington", ANA)
    assert "194th General Court ended on January 6, 2027" in listing.text
    assert not [d for d in all_data(listing) if d.startswith("scr:")]
    key = make_flow(knowledge, state).handle("leg:abington", ANA).buttons[0][0].data
    assert key is not None and "ended" in flow.handle(key, ANA).text


def test_the_day_before_the_session_ends_the_scripts_are_offered(
    knowledge: sqlite_utils.Database, state: sqlite3.Connection
) -> None:
    flow = make_flow(knowledge, state, date(2027, 1, 5))
    assert [d for d in all_data(flow.handle("leg:abington", ANA)) if d.startswith("scr:")]


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
    signed = flow.handle(press(script, "Sign with"), UserContext(chat_id=2))
    assert "gave me no first name" in signed.text


@pytest.mark.parametrize("typed", ["ward 21 precinct 1", "w21 p1", "Ward 21, Pct 1", "ward 21-1"])
def test_a_ward_and_precinct_typed_after_the_question_give_the_legislators(
    flow: LegislatorFlow, typed: str
) -> None:
    flow.command("boston", ANA)
    replies = flow.text_hook(ANA, typed)
    assert replies is not None
    (listing,) = replies
    assert "Boston, ward 21, precinct 1" in listing.text and not listing.edit
    assert listing.text.count("☎️") == 2


def test_a_ward_alone_asks_for_the_precinct_in_it(flow: LegislatorFlow) -> None:
    flow.command("boston", ANA)
    (precincts,) = flow.text_hook(ANA, "my ward is 3") or [None]
    assert precincts is not None and "ward 3: which precinct" in precincts.text


def test_a_ward_with_its_town_in_the_message_needs_no_question(flow: LegislatorFlow) -> None:
    stranger = UserContext(chat_id=99)
    flow.resolve_town = lambda text: "boston" if "boston" in text.lower() else None
    (listing,) = flow.text_hook(stranger, "Boston ward 21 precinct 1") or [None]
    assert listing is not None and "2nd Suffolk" in listing.text


def test_a_ward_with_no_town_asks_which_town(flow: LegislatorFlow) -> None:
    stranger = UserContext(chat_id=98)
    (reply,) = flow.text_hook(stranger, "ward 19 precinct 5") or [None]
    assert reply is not None and "Which town is that ward in?" in reply.text


def test_a_ward_the_town_does_not_have_says_so_and_asks_again(flow: LegislatorFlow) -> None:
    flow.command("boston", ANA)
    (reply,) = flow.text_hook(ANA, "ward 99 precinct 1") or [None]
    assert reply is not None
    assert "couldn't find ward 99, precinct 1 in Boston" in reply.text
    assert "Which ward" in reply.text


def test_other_messages_are_not_the_ward_hooks(flow: LegislatorFlow) -> None:
    assert flow.text_hook(ANA, "somerville") is None
    assert flow.text_hook(ANA, "what's my ward?") is None


def test_the_weeks_count_shows_from_five_residents_and_names_no_one(
    flow: LegislatorFlow, state: sqlite3.Connection
) -> None:
    listing = flow.handle("leg:abington", ANA)
    key = press(listing, "📞 Call").split(":")[2]
    said = [
        flow.handle(f"out:t:{key}:abington", replace(ANA, chat_id=100 + n)).text for n in range(5)
    ]
    assert not any("residents called" in text for text in said[:4])  # 1 to 4: hidden
    assert re.search(r"\b5 residents called (Senator|Representative) .+ this week\.", said[4])
    rows = [tuple(r) for r in state.execute("SELECT * FROM call_outcomes")]
    assert rows and not any(str(100 + n) in map(str, row) for row in rows for n in range(5))
