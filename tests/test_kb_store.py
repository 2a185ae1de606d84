"""KnowledgeStore: the queries the resolver and the answers use."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from bot import DEFAULT_KNOWLEDGE_DIR
from bot.kb.errors import KnowledgeError
from bot.kb.models import Place
from bot.kb.places import SECTION
from bot.kb.store import KnowledgeStore


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KnowledgeStore]:
    db_path = tmp_path_factory.mktemp("kb") / "knowledge.sqlite3"
    opened = KnowledgeStore.open(DEFAULT_KNOWLEDGE_DIR, db_path, [SECTION])
    yield opened
    opened.close()


def test_place_returns_the_record_or_none(store: KnowledgeStore) -> None:
    assert store.place("north-adams") == Place(
        id="north-adams",
        name="North Adams",
        state="MA",
        kind="city",
        county="Berkshire",
        official_style="City of North Adams",
        population=12961,
    )
    assert store.place("atlantis") is None


def test_places_lists_massachusetts_first(store: KnowledgeStore) -> None:
    places = store.places()
    assert places[0].id == "abington"
    assert sum(1 for p in places if p.state == "MA" and p.kind != "state") == 351
    portland = {p.id: p.state for p in places if p.name == "Portland"}
    assert portland == {"portland-me": "ME", "portland-or": "OR"}


def test_aliases_keep_confidence_and_other_places(store: KnowledgeStore) -> None:
    by_name = {(a.alias, a.place_id): a for a in store.aliases()}
    assert by_name[("Gay Head", "aquinnah")].kind == "former_name"
    assert by_name[("Manomet", "plymouth")].confidence == "high"
    hanscom = by_name[("Hanscom AFB", "bedford")]
    assert hanscom.confidence == "ambiguous"
    assert set(hanscom.other_place_ids) == {"lincoln", "concord", "lexington"}


def test_zips_list_the_primary_municipality_first(store: KnowledgeStore) -> None:
    areas = [z for z in store.zips() if z.zip == "01002"]
    assert [(z.place_id, z.primary, z.land_share) for z in areas] == [
        ("amherst", True, 50.0),
        ("pelham", False, 43.0),
        ("shutesbury", False, 7.0),
    ]
    accord = [z for z in store.zips() if z.zip == "02018"]
    assert {z.place_id for z in accord} == {"norwell", "hingham"}
    assert not any(z.primary for z in accord)


def test_measures_for_a_place(store: KnowledgeStore) -> None:
    [ban] = store.measures_for("somerville")
    assert (ban.measure, ban.status, ban.confidence) == ("ban", "in_force", "confirmed")
    assert ban.adopted == date(2019, 6, 27)
    assert ban.effective is None
    assert ban.sources[0].startswith("http")
    assert ban.as_of == date(2026, 11, 26)
    assert store.measures_for("acton") == []


def test_measures_for_lists_newest_first(store: KnowledgeStore) -> None:
    ids = [m.id for m in store.measures_for("ma")]
    assert ids[0] == "ma-bills-194th"
    assert ids[-1] == "ma-bills-191st"


def test_statewide_puts_the_law_in_force_first_then_bills_newest_first(
    store: KnowledgeStore,
) -> None:
    measures = store.statewide("MA")
    assert [m.id for m in measures] == [
        "ma-c6-s220",
        "ma-bills-194th",
        "ma-bills-193rd",
        "ma-bills-192nd",
        "ma-bills-191st",
    ]
    current = measures[1]
    assert (current.measure, current.status, current.session) == ("pending", "pending", "194th")
    assert current.bills == ("H.1946", "S.1053")
    assert current.committee == "Joint Committee on the Judiciary"
    assert current.introduced == date(2025, 1, 13)
    assert [m.id for m in store.statewide("me")] == ["me-ld-1585"]


def test_as_of_is_the_date_the_records_were_checked(store: KnowledgeStore) -> None:
    assert store.as_of == date(2026, 11, 26)


def test_the_database_is_read_only(store: KnowledgeStore) -> None:
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        store.db.execute("DELETE FROM places")


def test_db_is_there_for_other_sections_queries(store: KnowledgeStore) -> None:
    assert store.db["places"].count == len(store.places())


def test_open_existing_refuses_a_missing_database(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeError, match="not built"):
        KnowledgeStore.open_existing(tmp_path / "missing.sqlite3")
