"""Segments: parse KEY=VALUE and resolve the audience against a small hand-built knowledge DB."""

from __future__ import annotations

import json
import sqlite3

import pytest
import sqlite_utils

from bot.broadcast import segments
from bot.broadcast.segments import Segment, SegmentError
from bot.storage import subscribers
from bot.storage.db import connect

KNOWLEDGE = """
CREATE TABLE places (id TEXT PRIMARY KEY, name TEXT, state TEXT, kind TEXT, county TEXT);
CREATE TABLE legislators (chamber TEXT, district TEXT, name TEXT);
CREATE TABLE district_municipalities (chamber TEXT, district TEXT, place_id TEXT, whole INTEGER,
    wards_precincts TEXT);
INSERT INTO places VALUES
    ('somerville', 'Somerville', 'MA', 'city', 'Middlesex'),
    ('cambridge', 'Cambridge', 'MA', 'city', 'Middlesex'),
    ('medford', 'Medford', 'MA', 'city', 'Middlesex'),
    ('worcester', 'Worcester', 'MA', 'city', 'Worcester'),
    ('portland-me', 'Portland', 'ME', 'city', NULL);
INSERT INTO legislators VALUES
    ('senate', 'Second Middlesex', 'Patricia D. Jehlen'),
    ('house', 'Twenty-Seventh Middlesex', 'Erika Uyterhoeven');
INSERT INTO district_municipalities VALUES
    ('senate', 'Second Middlesex', 'somerville', 1, NULL),
    ('senate', 'Second Middlesex', 'medford', 0, '["1-1", "1-2"]'),
    ('senate', 'First Worcester', 'worcester', 0, '["1-1"]'),
    ('house', 'Twenty-Seventh Middlesex', 'somerville', 0, '["1-1"]');
"""


# (id, place, what, state, confidence): where each town stands comes from bot.kb.standing.
MEASURES = [
    ("somerville-ban", "somerville", "ban", {"kind": "in_force"}, "confirmed"),
    ("cambridge-ban", "cambridge", "ban", {"kind": "in_force"}, "likely"),
    ("medford-rumor", "medford", "moratorium", {"kind": "in_force"}, "unverified"),
    ("medford-old", "medford", "ban", {"kind": "expired", "date": "2022-12"}, "confirmed"),
    ("worcester-pause", "worcester", "moratorium", {"kind": "in_force"}, "confirmed"),
]


def measure_row(mid: str, place: str, what: str, state: dict, confidence: str) -> dict:
    text = {"en": "x"}
    texts = {"title": text, "headline": text, "scope_line": text, "forbids": text}
    return {
        "id": mid,
        "place_id": place,
        "level": "city",
        "what": what,
        "binds": json.dumps(["all_municipal_agencies"]),
        "state": json.dumps(state),
        "texts": json.dumps(texts),
        "adopted": "2020-01-01",
        "effective": None,
        "introduced": None,
        "instrument": "x",
        "session": None,
        "bills": "[]",
        "committee": None,
        "confidence": confidence,
        "checked": "2026-12-01",
        "sources_through": "2023-06",
        "sources": "[]",
        "research_scope": "x",
        "notes": "",
    }


@pytest.fixture
def kb() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    conn.executescript(KNOWLEDGE)
    sqlite_utils.Database(conn).table("measures").insert_all(measure_row(*row) for row in MEASURES)
    return conn


@pytest.fixture
def state(tmp_path) -> sqlite3.Connection:
    conn = connect(tmp_path / "state.sqlite3")
    people = [
        (1, "somerville", "en"),
        (2, "somerville", "es"),
        (3, "cambridge", "en"),
        (4, "medford", "en"),
        (5, "worcester", "pt"),
    ]
    for chat_id, place, language in people:
        subscribers.subscribe(conn, chat_id, place, language)
    return conn


def audience(state, kb, *items: str) -> list[int]:
    return list(segments.resolve(state, kb, segments.parse(items)).chat_ids)


def test_parse_reads_keys_and_values_and_refuses_nonsense():
    assert segments.parse(["town=Somerville", "status=BAN"]) == (
        Segment("town", "Somerville"),
        Segment("status", "ban"),
    )
    for bad in (["colour=red"], ["town="], ["status=maybe"], [], ["all", "town=Somerville"]):
        with pytest.raises(SegmentError):
            segments.parse(bad)


def test_all_reaches_everyone(state, kb):
    assert audience(state, kb, "all") == [1, 2, 3, 4, 5]


def test_a_town_by_name_or_id(state, kb):
    assert audience(state, kb, "town=somerville") == [1, 2]
    assert audience(state, kb, "town=Cambridge") == [3]
    with pytest.raises(SegmentError, match="Atlantis"):
        audience(state, kb, "town=Atlantis")


def test_the_same_key_widens_and_different_keys_narrow(state, kb):
    assert audience(state, kb, "town=Somerville", "town=Cambridge") == [1, 2, 3]
    assert audience(state, kb, "town=Somerville", "town=Cambridge", "language=en") == [1, 3]


def test_status_follows_where_the_town_stands_ignoring_unverified_and_ended_measures(state, kb):
    assert audience(state, kb, "status=ban") == [1, 2, 3]
    assert audience(state, kb, "status=moratorium") == [5]
    assert audience(state, kb, "status=limited") == []
    # Medford's only measure in force is unverified and its ban expired: it has no protection.
    assert audience(state, kb, "status=no-ban") == [4]


def test_a_district_reaches_towns_touching_it_and_names_the_split_ones(state, kb):
    result = segments.resolve(state, kb, segments.parse(["senate=2nd middlesex"]))
    assert list(result.chat_ids) == [1, 2, 4]
    assert result.split_towns == ("Medford",)
    assert "Medford" in result.preview()
    assert "precincts" in result.preview()


def test_a_legislator_means_their_district(state, kb):
    assert audience(state, kb, "legislator=Uyterhoeven") == [1, 2]
    assert audience(state, kb, "legislator=Patricia D. Jehlen", "status=no-ban") == [4]
    with pytest.raises(SegmentError):
        audience(state, kb, "legislator=Nobody")


def test_language_alone_needs_no_knowledge(state):
    assert list(segments.resolve(state, None, segments.parse(["language=pt"])).chat_ids) == [5]


def test_volunteer_yes_reaches_those_who_would_help_organize(state, kb):
    subscribers.volunteer(state, 3, "cambridge", "en")
    subscribers.volunteer(state, 6, "medford", "es")
    assert audience(state, kb, "volunteer=yes") == [3, 6]
    assert audience(state, kb, "volunteer=YES", "language=es") == [6]
    assert audience(state, kb, "volunteer=yes", "town=Medford") == [6]
    assert audience(state, kb, "volunteer=no") == [1, 2, 4, 5]
    with pytest.raises(SegmentError, match="volunteer must be yes or no"):
        segments.parse(["volunteer=maybe"])


def test_stats_count_subscribers_by_where_their_town_stands(state, kb):
    counts = segments.by_status(
        {"somerville": 2, "cambridge": 1, "medford": 7, "worcester": 1}, kb
    )
    assert counts == {"ban": 3, "moratorium": 1, "limited": 0, "oversight": 0, "none": 7}
    text = segments.format_by_status(counts)
    assert "  ban: <5" in text and "  none: 7" in text
