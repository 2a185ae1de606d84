"""KnowledgeStore: the queries the resolver and the answers use."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from bot import DEFAULT_KNOWLEDGE_DIR
from bot.kb.errors import KnowledgeError
from bot.kb.models import Day, Place
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
    assert (ban.what, ban.state.kind, ban.confidence) == ("ban", "in_force", "confirmed")
    assert ban.binds == ("all_municipal_agencies",)
    assert ban.adopted == date(2019, 6, 27)
    assert ban.effective is None
    assert ban.sources[0].url.startswith("http") and ban.sources[0].primary
    assert ban.sources[0].publisher == "City of Somerville"
    assert ban.checked == date(2026, 12, 1)
    assert ban.sources_through == Day(2023, 6)
    assert "{place}" in ban.headline["en"]
    assert store.measures_for("acton") == []


def test_measures_for_lists_newest_first(store: KnowledgeStore) -> None:
    ids = [m.id for m in store.measures_for("ma")]
    assert ids[0] == "ma-bills-194th"
    assert ids[-1] == "ma-bills-191st"


def test_statewide_puts_laws_first_then_bills_newest_first(store: KnowledgeStore) -> None:
    measures = store.statewide("MA")
    assert [m.id for m in measures] == [
        "ma-c6-s220",
        "ma-bills-194th",
        "ma-bills-193rd",
        "ma-bills-192nd",
        "ma-bills-191st",
    ]
    current = measures[1]
    assert (current.what, current.state.kind, current.session) == ("bill", "pending", "194th")
    assert current.bills == ("H.1946", "S.1053")
    assert current.committee == "Joint Committee on the Judiciary"
    assert current.introduced == date(2025, 1, 13)
    assert current.sources_through == Day(2025, 7, 9)
    assert [m.id for m in store.statewide("me")] == ["me-ld-1585"]


def test_a_partly_repealed_measure_keeps_its_date_what_and_what_is_in_force_now(
    store: KnowledgeStore,
) -> None:
    [orleans] = store.measures_for("new-orleans-la")
    assert orleans.state.kind == "partly_repealed" and orleans.state.now == "limited"
    assert orleans.state.date == Day(2022, 7, 21)
    assert orleans.state.by is not None and "39 violent crimes" in orleans.state.by["en"]


def test_coverage_dates_no_ban_found_by_the_newest_source_of_the_municipal_records(
    store: KnowledgeStore,
) -> None:
    coverage = store.coverage("MA")
    assert coverage is not None and coverage.sources_through == Day(2023, 6)
    assert coverage.sources[0].publisher == "ACLU of Massachusetts"
    assert store.coverage("CA") is None


def test_standings_cover_every_place_with_a_measure(store: KnowledgeStore) -> None:
    standings = store.standings()
    assert standings["somerville"].kind == "ban" and standings["somerville"].in_force
    assert standings["springfield"].kind == "moratorium"
    assert standings["arlington"].kind == "none" and standings["arlington"].unverified
    assert "acton" not in standings and store.standing("acton").kind == "none"


def test_the_database_is_read_only(store: KnowledgeStore) -> None:
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        store.db.execute("DELETE FROM places")


def test_db_is_there_for_other_sections_queries(store: KnowledgeStore) -> None:
    assert store.db["places"].count == len(store.places())


def test_open_existing_refuses_a_missing_database(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeError, match="not built"):
        KnowledgeStore.open_existing(tmp_path / "missing.sqlite3")
