"""A location pin, from the "📍 Share my location" button to the exact legislators (issue 10),
through the real Application and the fake Bot API over HTTP; and what a pin leaves behind:
nothing, in the databases or the logs, at any log level."""

from __future__ import annotations

import logging
import struct
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.channels.tg.app import build_application
from bot.core.answers import visible_length
from bot.core.context import UserContext
from bot.geo import GeoIndex
from bot.kb.directory import Directory
from bot.logsafe import setup_logging
from bot.services import Services, open_services
from tests import geo_reference
from tests.conftest import running_application
from tests.fakebotapi import FakeBotAPI
from tests.support import bot_settings, callback_data

CHAT = 4004
POINTS = {
    p["name"]: p
    for p in yaml.safe_load(geo_reference.POINTS.read_text(encoding="utf-8"))["points"]
}
DAVIS = POINTS["Somerville Davis Square"]
DORCHESTER = POINTS["Boston Dorchester"]
NEAR_LINE = POINTS["Cambridge near the 25th/26th Middlesex line"]
PROVIDENCE = POINTS["Providence RI"]
USER = UserContext(chat_id=CHAT, user_id=CHAT, language="en", first_name="Ana")
LIMIT = 600  # one phone screen (issue 10)


@pytest.fixture
def services(tmp_path: Path) -> Iterator[Services]:
    opened = open_services(bot_settings("http://127.0.0.1:9/bot", tmp_path))
    yield opened
    opened.close()


DIRECTORY: list[Directory] = []


@pytest.fixture
async def api(fake_api: FakeBotAPI, tmp_path: Path) -> AsyncIterator[FakeBotAPI]:
    settings = bot_settings(fake_api.base_url, tmp_path)
    services = open_services(settings)
    app = build_application(services)
    DIRECTORY[:] = [services.legislators.directory]
    async with running_application(app):
        yield fake_api
    services.close()


def asks_for_location(params: dict[str, Any]) -> bool:
    markup = params.get("reply_markup") or {}
    rows = markup.get("keyboard") or []
    return [[b.get("request_location") for b in row] for row in rows] == [[True]]


async def sent(api: FakeBotAPI, count: int) -> list[dict[str, Any]]:
    calls = await api.wait_for("sendMessage", lambda p: p["chat_id"] == CHAT, count=count)
    return [c.params for c in calls]


async def press(api: FakeBotAPI, data: str) -> None:
    message_id = api.last_message(CHAT)["message_id"]  # type: ignore[index]
    query_id = api.push_callback(CHAT, data, message_id)
    await api.wait_for("answerCallbackQuery", lambda p: p["callback_query_id"] == query_id)


def expected_seats(pin: dict[str, Any]) -> dict[str, set[str]]:
    """The districts the ORIGINAL polygons put the pin in, plus those within 88 m."""
    expected = pin["expected"]
    return {
        chamber: set(expected[chamber]["inside"])
        | {d for d, metres in expected[chamber]["near"].items() if metres <= 88}
        for chamber in ("senate", "house")
    }


def named_districts(text: str, directory: Directory) -> dict[str, set[str]]:
    """The districts whose legislator's card is in ``text``."""
    found: dict[str, set[str]] = {"senate": set(), "house": set()}
    for member in directory.all_members():
        named = bool(member.name) and member.name in text
        if named or (member.vacant and f"{member.district} district: vacant" in text):
            found[member.chamber].add(member.district)
    return found


# -- over HTTP ---------------------------------------------------------------------------------


async def test_the_welcome_offers_the_location_button(api: FakeBotAPI) -> None:
    api.push_text(CHAT, "/start")
    (welcome,) = await sent(api, 1)
    assert asks_for_location(welcome)
    assert "Share my location" in welcome["text"] and "never store" in welcome["text"]


async def test_a_pin_gives_the_town_and_exactly_its_legislators(api: FakeBotAPI) -> None:
    api.push_location(CHAT, DAVIS["lat"], DAVIS["lon"])
    answer, cards = await sent(api, 2)
    assert "Somerville" in answer["text"] and "face surveillance" in answer["text"]
    assert "Your state legislators at your pin in Somerville" in cards["text"]
    assert named_districts(cards["text"], DIRECTORY[0]) == expected_seats(DAVIS)
    assert visible_length(cards["text"]) <= LIMIT
    labels = callback_data(cards)
    assert sum(label.startswith("📞 Call") for label in labels) == 2
    assert any("alert" in label.lower() for label in labels)  # keep my districts


async def test_a_split_town_offers_the_location_first_then_a_short_grouped_list(
    api: FakeBotAPI,
) -> None:
    api.push_text(CHAT, "/legislators Boston")
    offer, picker = await sent(api, 2)
    assert asks_for_location(offer) and not asks_for_location(picker)
    assert "Which ward" in picker["text"]
    await press(api, callback_data(picker)["I don't know"])
    offer, listing = (await sent(api, 4))[2:]
    assert asks_for_location(offer) and "Share my location" in offer["text"]
    assert visible_length(listing["text"]) <= LIMIT
    assert "Senate" in listing["text"] and "ward" in listing["text"]
    assert len(callback_data(listing)) <= 12
    # The pin that follows gets only the legislators: the resident asked for them.
    api.push_location(CHAT, DORCHESTER["lat"], DORCHESTER["lon"])
    (cards,) = (await sent(api, 5))[4:]
    assert "at your pin in Boston" in cards["text"]
    assert named_districts(cards["text"], DIRECTORY[0]) == expected_seats(DORCHESTER)


async def test_a_pin_near_a_district_line_shows_both_and_says_why(api: FakeBotAPI) -> None:
    api.push_location(CHAT, NEAR_LINE["lat"], NEAR_LINE["lon"])
    _, cards = await sent(api, 2)
    assert "within 100 m of a district line" in cards["text"]
    found = named_districts(cards["text"], DIRECTORY[0])
    assert found["house"] == {"25th Middlesex", "26th Middlesex"}
    assert visible_length(cards["text"]) <= LIMIT


async def test_a_pin_outside_massachusetts_says_so(api: FakeBotAPI) -> None:
    api.push_location(CHAT, PROVIDENCE["lat"], PROVIDENCE["lon"])
    (reply,) = await sent(api, 1)
    assert "outside Massachusetts" in reply["text"]


async def test_a_live_locations_later_positions_get_no_second_answer(api: FakeBotAPI) -> None:
    message_id = api.push_location(CHAT, DAVIS["lat"], DAVIS["lon"], live_period=900)
    await sent(api, 2)
    api.push_location(CHAT, DAVIS["lat"] + 0.001, DAVIS["lon"], edit_of=message_id)
    api.push_text(CHAT, "Cambridge")  # a marker: updates of one chat are handled in order
    await sent(api, 3)
    assert "Cambridge" in api.texts(CHAT)[-1] and len(api.texts(CHAT)) == 3


# -- what a pin leaves behind ------------------------------------------------------------------


def forms(latitude: float, longitude: float) -> list[bytes]:
    """Every way a coordinate could sit in a file: as text, rounded, and as SQLite's REAL."""
    found = []
    for value in (latitude, longitude):
        for digits in (6, 5, 4, 3):
            text = f"{value:.{digits}f}"
            found.append(text.encode())
            found.append(text.rstrip("0").encode())
        found.append(struct.pack(">d", value))  # how SQLite stores a REAL
        found.append(struct.pack("<d", value))
    return found


async def test_a_pin_is_never_stored_or_logged(fake_api: FakeBotAPI, tmp_path: Path) -> None:
    # Odd coordinates that occur nowhere else (a point in Somerville).
    latitude, longitude = 42.3917364, -71.1043277
    log_file = tmp_path / "bot.log"
    settings = bot_settings(fake_api.base_url, tmp_path, log_level="DEBUG")
    root = logging.getLogger()
    saved = root.handlers[:], root.level
    setup_logging(settings)
    file_handler = logging.FileHandler(log_file)
    file_handler.setFormatter(logging.Formatter("%(name)s %(message)s %(args)s"))
    for existing in root.handlers:  # the redactors the process installs
        for filter_ in existing.filters:
            file_handler.addFilter(filter_)
    root.addHandler(file_handler)
    try:
        services = open_services(settings)
        app = build_application(services)
        async with running_application(app):
            fake_api.push_text(CHAT, "/start")
            await sent(fake_api, 1)
            await press(fake_api, "alr:sub:somerville")  # a subscriber: there is a row to see
            fake_api.push_location(CHAT, latitude, longitude)
            texts = await sent(fake_api, 4)
            assert "Somerville" in texts[-1]["text"]
        services.close()
    finally:
        root.removeHandler(file_handler)
        file_handler.close()
        root.handlers[:], _ = saved
        root.setLevel(saved[1])
    assert log_file.stat().st_size > 0
    scanned = [log_file, settings.knowledge_db_path]
    scanned += [p for p in settings.db_path.parent.iterdir() if p.is_file()]
    for path in scanned:
        content = path.read_bytes()
        for form in forms(latitude, longitude):
            assert form not in content, (path.name, form)


# -- the core, over every pin ------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(POINTS))
def test_every_pin_answers_within_one_screen(services: Services, name: str) -> None:
    pin = POINTS[name]
    for lang in services.catalog.languages:
        user = UserContext(chat_id=CHAT, user_id=CHAT, language=lang, first_name="Ana")
        for reply in services.location.answer(user, pin["lat"], pin["lon"]):
            assert visible_length(reply.text) <= LIMIT, (lang, reply.text)
    replies = services.location.answer(USER, pin["lat"], pin["lon"])
    if not pin["expected"]["town"]["inside"]:
        assert len(replies) == 1 and "outside Massachusetts" in replies[0].text
        return
    found = named_districts(replies[-1].text, services.legislators.directory)
    expected = expected_seats(pin)
    for chamber in ("senate", "house"):
        assert (
            set(pin["expected"][chamber]["inside"]) & found[chamber]
            or not pin["expected"][chamber]["inside"]
        ), (chamber, found)
        assert found[chamber] <= expected[chamber] | {
            d for d, m in pin["expected"][chamber]["near"].items() if m <= 112
        }


def test_a_pin_in_the_middle_of_the_ocean_or_not_a_number_is_outside(services: Services) -> None:
    for latitude, longitude in ((0.0, 0.0), (float("nan"), -71.0), (42.0, float("inf"))):
        (reply,) = services.location.answer(USER, latitude, longitude)
        assert "outside Massachusetts" in reply.text


def test_every_split_towns_district_list_fits_a_screen(services: Services) -> None:
    directory = services.legislators.directory
    split = [t for t in directory.towns() if directory.lookup(t.place_id).split]  # type: ignore[union-attr]
    assert len(split) > 30
    for town in split:
        lookup = directory.lookup(town.place_id)
        assert lookup is not None
        shown: list[str] = []
        page = 0
        while True:
            reply = services.legislators.handle(f"leg:{town.place_id}:all:{page}", USER)
            assert visible_length(reply.text) <= LIMIT, (town.name, page)
            shown += [
                b.data or "" for row in reply.buttons for b in row if ":m:" in (b.data or "")
            ]
            if not any(
                ":all:" in (b.data or "") and "›" in b.label for r in reply.buttons for b in r
            ):
                break
            page += 1
        keys = {m.key for m in lookup.members if not m.vacant}
        assert sorted(d.rsplit(":", 1)[1] for d in shown) == sorted(keys), town.name


def test_the_index_is_loaded_once_per_process(services: Services) -> None:
    knowledge_dir = services.settings.knowledge_dir
    assert GeoIndex.shared(knowledge_dir) is GeoIndex.shared(knowledge_dir)
