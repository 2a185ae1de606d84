"""scripts/import_schools.py: which schools of DESE's list become a town's own high school."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest
import yaml

from tests.support import load_script

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "import_schools.py"


@pytest.fixture(scope="module")
def script() -> ModuleType:
    return load_script(SCRIPT)


RECORDS = [
    {"name": "Natick - Natick High", "schoolCode": 1980505, "districtCode": 1980000},
    {"name": "Plymouth - Plymouth North High", "schoolCode": 2390505, "districtCode": 2390000},
    {"name": "Natick - Kennedy Middle School", "schoolCode": 1980405, "districtCode": 1980000},
    # a regional district is no town's own; a charter names none
    {
        "name": "Acton-Boxborough - Acton-Boxborough Regional High",
        "schoolCode": 6000505,
        "districtCode": 6000000,
    },
    {"name": "Boston - Boston Latin", "schoolCode": 350560, "districtCode": 350000},
    # a school named for another town is not this district's own
    {"name": "Lynn - Lynnfield High", "schoolCode": 1630999, "districtCode": 1630000},
]
TOWNS = {"Natick": "natick", "Plymouth": "plymouth", "Boston": "boston", "Lynn": "lynn"}


def test_a_towns_own_high_school_is_in_the_town_with_its_profile(script: ModuleType) -> None:
    entries = script.schools(RECORDS, TOWNS, set())
    assert [(e["name"], e["also"], e["place"]) for e in entries] == [
        ("Natick High School", ["Natick High"], "natick"),
        ("Plymouth North High School", ["Plymouth North High"], "plymouth"),
    ]
    assert entries[0]["source"].endswith("orgcode=01980505&orgtypecode=6")


def test_a_name_already_among_the_landmarks_is_not_repeated(script: ModuleType) -> None:
    entries = script.schools(RECORDS, TOWNS, {"natick high school"})
    natick = next(e for e in entries if e["place"] == "natick")
    assert natick["name"] == "Natick High" and "also" not in natick


def test_the_rendered_file_reads_back_as_the_entries(script: ModuleType) -> None:
    entries = script.schools(RECORDS, TOWNS, set())
    assert yaml.safe_load(script.render(entries)) == entries


DISTRICT_RECORDS = [
    {
        "name": "Dover-Sherborn - Dover-Sherborn Regional High",
        "schoolCode": 6550505,
        "districtCode": 6550000,
    },
    {
        "name": "Dover-Sherborn - Dover-Sherborn Regional Middle School",
        "schoolCode": 6550405,
        "districtCode": 6550000,
    },
    {
        "name": "Spencer-E Brookfield - David Prouty High",
        "schoolCode": 7670505,
        "districtCode": 7670000,
    },
    {
        "name": "Manchester Essex Regional - Manchester Essex Regional High School",
        "schoolCode": 6980510,
        "districtCode": 6980000,
    },
    # a district named after no town, or after one town, is no pair of towns
    {"name": "King Philip - King Philip Regional High", "schoolCode": 1, "districtCode": 2},
    {"name": "Natick - Natick High", "schoolCode": 1980505, "districtCode": 1980000},
]
DISTRICT_TOWNS = {
    "Dover": "dover",
    "Sherborn": "sherborn",
    "Spencer": "spencer",
    "East Brookfield": "east-brookfield",
    "Manchester-by-the-Sea": "manchester-by-the-sea",
    "Essex": "essex",
    "Natick": "natick",
}


def test_a_regional_district_named_after_its_towns_lists_them_all(script: ModuleType) -> None:
    entries = script.districts(DISTRICT_RECORDS, DISTRICT_TOWNS, set())
    assert [(e["name"], e.get("also", []), e["places"]) for e in entries] == [
        (
            "Dover-Sherborn",
            ["Dover-Sherborn Regional High", "Dover-Sherborn Regional Middle School"],
            ["dover", "sherborn"],
        ),
        (
            "Manchester Essex",
            ["Manchester Essex Regional High School"],
            ["manchester-by-the-sea", "essex"],
        ),
        ("Spencer-E Brookfield", ["Spencer-East Brookfield"], ["spencer", "east-brookfield"]),
    ]
    assert entries[0]["source"].endswith("orgcode=06550000&orgtypecode=5")
    assert yaml.safe_load(script.render(entries)) == entries


OWN_DISTRICT_RECORDS = [
    {"name": "North Adams - Drury High", "schoolCode": 2090505, "districtCode": 2090000},
    {"name": "Worcester - North High", "schoolCode": 3480515, "districtCode": 3480000},
    {"name": "Lynn - Classical High", "schoolCode": 1630505, "districtCode": 1630000},
    {"name": "Andover - High Plain Elementary", "schoolCode": 90050, "districtCode": 90000},
    {"name": "Boston - Brighton High", "schoolCode": 350001, "districtCode": 350000},
    {
        "name": "North Attleborough - North Attleboro High",
        "schoolCode": 2120505,
        "districtCode": 2120000,
    },
]
OWN_DISTRICT_TOWNS = {
    "North Adams": "north-adams",
    "Worcester": "worcester",
    "Lynn": "lynn",
    "Andover": "andover",
    "North Attleborough": "north-attleborough",
    "Attleboro": "attleboro",
    "Boston": "boston",
}


def test_a_high_school_of_a_towns_own_district_named_for_no_town_is_there(
    script: ModuleType,
) -> None:
    # not generic names ("North High", "Classical High": several cities have one), not an
    # elementary school, not a name holding another town's ("Attleboro"), not one beginning
    # with a place elsewhere's (Brighton, England)
    entries = script.schools(
        OWN_DISTRICT_RECORDS, OWN_DISTRICT_TOWNS, set(), frozenset({"brighton"})
    )
    assert [(e["name"], e["place"]) for e in entries] == [("Drury High School", "north-adams")]
