"""Legislator knowledge and lookup: every town routed, split towns narrowed by precinct."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
import sqlite_utils

from bot import DEFAULT_KNOWLEDGE_DIR
from bot.cli.kb import session_number, session_start, stale_records
from bot.cli.lookup import legislators_json
from bot.kb.directory import Directory, UnknownPrecinct
from bot.kb.errors import KnowledgeError
from bot.kb.legislators import LEGISLATORS_SECTION, SCRIPTS_SECTION
from bot.kb.models import Place
from bot.kb.slug import slug


@pytest.fixture(scope="module")
def db() -> sqlite_utils.Database:
    """Build the legislator and script tables from the committed knowledge files."""
    database = sqlite_utils.Database(memory=True)
    for section in (LEGISLATORS_SECTION, SCRIPTS_SECTION):
        section.write(database, section.load(DEFAULT_KNOWLEDGE_DIR))
    return database


@pytest.fixture
def knowledge(tmp_path: Path) -> Path:
    """Return a writable copy of the two legislator files."""
    for name in LEGISLATORS_SECTION.files:
        shutil.copy(DEFAULT_KNOWLEDGE_DIR / name, tmp_path / name)
    return tmp_path


def test_the_general_court_has_200_seats_40_senate_160_house_2_vacant(
    db: sqlite_utils.Database,
) -> None:
    counts = dict(db.execute("SELECT chamber, COUNT(*) FROM legislators GROUP BY chamber"))
    assert counts == {"senate": 40, "house": 160}
    vacant = [r[0] for r in db.execute("SELECT district FROM legislators WHERE vacant = 1")]
    assert sorted(vacant) == ["17th Middlesex", "1st Franklin"]


def test_every_municipality_yields_a_senator_and_a_representative_or_a_vacancy(
    db: sqlite_utils.Database,
) -> None:
    directory = Directory(db)
    towns = directory.towns()
    assert len(towns) == 351
    for town in towns:
        lookup = directory.lookup(town.place_id)
        assert lookup is not None
        assert lookup.senate and lookup.house, town.name
        for member in lookup.members:
            # Open States has no phone for one member (3rd Bristol), so phone or email.
            assert member.vacant or (member.name and (member.phone or member.email)), town.name


def test_split_towns_are_92_in_the_house_11_in_the_senate_boston_in_16_house_districts(
    db: sqlite_utils.Database,
) -> None:
    directory = Directory(db)
    lookups = [directory.lookup(t.place_id) for t in directory.towns()]
    assert sum(len(x.house) > 1 for x in lookups if x) == 92
    assert sum(len(x.senate) > 1 for x in lookups if x) == 11
    boston = directory.lookup("boston")
    assert boston is not None and len(boston.house) == 16 and len(boston.senate) == 6


def test_boston_ward_21_precinct_1_resolves_to_one_house_and_one_senate_district(
    db: sqlite_utils.Database,
) -> None:
    lookup = Directory(db).lookup("boston", "21", "1")
    assert lookup is not None
    assert [m.district for m in lookup.house] == ["2nd Suffolk"]
    assert [m.district for m in lookup.senate] == ["Suffolk and Middlesex"]


def test_every_precinct_of_every_town_resolves_to_exactly_one_member_per_chamber(
    db: sqlite_utils.Database,
) -> None:
    directory = Directory(db)
    for place_id, ward, precinct in db.execute("SELECT place_id, ward, precinct FROM precincts"):
        lookup = directory.lookup(place_id, ward, precinct)
        assert lookup is not None
        assert (len(lookup.senate), len(lookup.house)) == (1, 1), (place_id, ward, precinct)


def test_a_split_towns_members_carry_the_precincts_they_cover(db: sqlite_utils.Database) -> None:
    acton = Directory(db).lookup("acton")
    assert acton is not None and acton.split
    covers = {m.district: m.wards_precincts for m in acton.house}
    assert covers == {
        "14th Middlesex": ("1", "2", "6", "7"),
        "37th Middlesex": ("3", "4", "5", "6A"),
    }
    assert acton.senate[0].wards_precincts is None


def test_an_unknown_precinct_is_an_error_and_an_unknown_place_is_none(
    db: sqlite_utils.Database,
) -> None:
    directory = Directory(db)
    with pytest.raises(UnknownPrecinct):
        directory.lookup("boston", "99", "1")
    assert directory.lookup("portland-me") is None


def test_place_ids_are_slugs_of_official_names() -> None:
    assert slug("Manchester-by-the-Sea") == "manchester-by-the-sea"
    assert slug("North Adams") == "north-adams"


def test_legislators_json_for_a_split_town_lists_candidates_with_their_precincts(
    db: sqlite_utils.Database,
) -> None:
    place = Place("cambridge", "Cambridge", "MA", "city", "Middlesex")
    data = legislators_json(db, place, None, None)
    assert data["place"] == {
        "name": "Cambridge",
        "state": "MA",
        "kind": "city",
        "county": "Middlesex",
    }
    assert data["split"] is True
    assert len(data["house"]) == 6 and len(data["senate"]) == 3
    assert set(data["house"][0]) == {
        "name",
        "party",
        "district",
        "phone",
        "email",
        "vacant",
        "wards_precincts",
    }
    assert all(m["wards_precincts"] for m in data["house"])
    assert date.fromisoformat(data["as_of"]) <= date(2026, 11, 26)


def test_legislators_json_narrowed_to_a_precinct(db: sqlite_utils.Database) -> None:
    data = legislators_json(db, "boston", "21", "1")
    assert [m["district"] for m in data["house"]] == ["2nd Suffolk"]
    assert [m["district"] for m in data["senate"]] == ["Suffolk and Middlesex"]
    assert data["place"]["name"] == "Boston" and data["split"] is True


def test_legislators_json_for_a_vacant_seat_says_vacant(db: sqlite_utils.Database) -> None:
    franklin = db.execute(
        "SELECT place_id FROM district_municipalities WHERE district = '1st Franklin'"
    ).fetchone()[0]
    data = legislators_json(db, franklin)
    vacant = [m for m in data["house"] if m["district"] == "1st Franklin"]
    assert vacant == [
        {
            "name": None,
            "party": None,
            "district": "1st Franklin",
            "phone": None,
            "email": None,
            "vacant": True,
            "wards_precincts": vacant[0]["wards_precincts"],
        }
    ]


def test_sessions_start_on_the_first_wednesday_of_january_of_odd_years() -> None:
    assert session_start(date(2026, 11, 26)) == date(2025, 1, 1)
    assert session_start(date(2027, 1, 5)) == date(2025, 1, 1)
    assert session_start(date(2027, 1, 6)) == date(2027, 1, 6)
    assert session_number(2027) == 195 and session_number(2025) == 194


def test_stale_records_flag_old_records_and_last_sessions_bills(db: sqlite_utils.Database) -> None:
    assert not [f for f in stale_records(db, date(2026, 11, 26), 365) if "before the" in f]
    in_2027 = stale_records(db, date(2027, 2, 1), 180)
    assert sum("before the 195th General Court began on 2027-01-06" in f for f in in_2027) == 200
    assert any(f.startswith("bills.yaml: H.1946 (house) is from the 194th") for f in in_2027)
    old = stale_records(db, date(2026, 11, 26), 180)
    assert any("last confirmed 2025-03-31, more than 180 days ago" in f for f in old)


def test_a_district_missing_from_legislators_is_named_with_file_entry_and_field(
    knowledge: Path,
) -> None:
    path = knowledge / "districts.yaml"
    path.write_text(
        path.read_text().replace("{district: 7th Plymouth}", "{district: 7th Plymuth}", 1)
    )
    with pytest.raises(KnowledgeError) as caught:
        LEGISLATORS_SECTION.load(knowledge)
    assert str(caught.value) == (
        f"{knowledge.name}/districts.yaml: entry #1 (Abington): field 'house.0.district': "
        "'7th Plymuth' not in legislators.yaml"
    )


def test_a_bad_phone_is_named_with_file_entry_and_field(knowledge: Path) -> None:
    path = knowledge / "legislators.yaml"
    path.write_text(path.read_text().replace("phone: 617-722-1625", "phone: 722-1625", 1))
    with pytest.raises(KnowledgeError, match=r"legislators.yaml: entry #1 \(Berkshire.*'phone'"):
        LEGISLATORS_SECTION.load(knowledge)
