"""The Open States refresh: real files reproduce the committed YAML; one change, one line."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml

from bot import DEFAULT_KNOWLEDGE_DIR
from bot.kb.errors import KnowledgeError
from bot.kb.openstates import read_people, refresh

SHARED_PEOPLE = Path("/work/shared/data/openstates-people")
MINI = Path(__file__).parent / "fixtures" / "openstates-mini"
TODAY = date(2026, 11, 26)


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """Return a writable copy of the three-member fixture."""
    copy = tmp_path / "people"
    shutil.copytree(MINI, copy)
    for path in copy.rglob("*"):
        path.chmod(0o644 if path.is_file() else 0o755)
    return copy


@pytest.mark.skipif(
    not SHARED_PEOPLE.is_dir(), reason=f"{SHARED_PEOPLE} (Open States people data) is absent"
)
def test_refresh_on_open_states_data_reproduces_the_committed_file_byte_for_byte() -> None:
    committed = DEFAULT_KNOWLEDGE_DIR / "legislators.yaml"
    result = refresh(SHARED_PEOPLE, committed, TODAY)
    assert result.text == committed.read_text(encoding="utf-8")
    assert result.changes == ()
    assert (result.members, result.vacancies) == (198, 2)


def test_refresh_reports_exactly_the_one_changed_phone(mini: Path) -> None:
    result = refresh(mini, mini / "legislators.yaml", TODAY)
    assert result.changes == (
        "changed: Marjorie Decker (House 25th Middlesex): phone 617-722-2130 -> 617-722-2131",
    )
    records = {r["district"]: r for r in yaml.safe_load(result.text)}
    assert records["25th Middlesex"]["confirmed"] == TODAY
    assert records["Second Worcester"]["confirmed"] == date(2026, 1, 15)


def test_refresh_report_names_seats_and_changes(mini: Path) -> None:
    report = refresh(mini, mini / "legislators.yaml", TODAY).report()
    assert report.startswith("4 seats: 3 members, 1 vacant; 1 change:\n")


def test_a_member_without_a_file_leaves_a_vacancy_not_a_missing_seat(mini: Path) -> None:
    next(mini.rglob("Michael-O-Moore-*.yml")).unlink()
    result = refresh(mini, mini / "legislators.yaml", TODAY)
    assert result.changes[0] == "departure: Mike Moore (Senate Second Worcester); seat now vacant"
    assert len(result.changes) == 2  # and the phone change the fixture carries
    moore = [r for r in yaml.safe_load(result.text) if r["district"] == "Second Worcester"]
    assert moore == [
        {"chamber": "senate", "district": "Second Worcester", "vacant": True, "confirmed": TODAY}
    ]


def test_a_new_member_filling_a_vacancy_is_reported_as_new(mini: Path) -> None:
    source = next(mini.rglob("Marjorie-C-Decker-*.yml"))
    person = yaml.safe_load(source.read_text())
    person["id"] = "ocd-person/00000000-0000-0000-0000-000000000001"
    person["name"] = "Pat Example"
    person["roles"] = [
        {
            "start_date": "2026-11-10",
            "type": "lower",
            "district": "1st Franklin",
            "jurisdiction": "ocd-jurisdiction/country:us/state:ma/government",
        }
    ]
    (source.parent / "Pat-Example.yml").write_text(yaml.safe_dump(person))
    result = refresh(mini, mini / "legislators.yaml", TODAY)
    assert "new member: Pat Example (Democratic) in House 1st Franklin, was vacancy" in (
        result.changes
    )


def test_a_past_vacant_until_date_still_means_vacant(mini: Path) -> None:
    seats = {(e.chamber, e.district): e for e in read_people(mini, TODAY)}
    assert seats[("house", "1st Franklin")].vacant


def test_only_a_role_current_on_the_day_holds_the_seat(mini: Path) -> None:
    seats = read_people(mini, date(2008, 6, 1))
    assert [(e.chamber, e.district) for e in seats] == [("house", "1st Franklin")]


def test_a_district_office_of_just_the_state_code_is_dropped(mini: Path) -> None:
    moore = next(e for e in read_people(mini, TODAY) if e.name == "Mike Moore")
    assert moore.district_office is None
    assert moore.district_phone == "508-757-0323 ext. 13"


def test_a_folder_without_member_files_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeError, match="no member files"):
        read_people(tmp_path, TODAY)
