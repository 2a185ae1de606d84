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
