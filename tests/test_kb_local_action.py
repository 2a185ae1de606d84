"""knowledge/local_action.yaml: the import reproduces it, the build validates it with errors that
name the file, the entry and the field, and checks the kit's texts as Telegram HTML."""

from __future__ import annotations

import importlib.util
import shutil
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

from bot import DEFAULT_KNOWLEDGE_DIR
from bot.kb import local_action
from bot.kb.errors import KnowledgeError
from bot.kb.store import KnowledgeStore
from tests.support import built_knowledge

REPO = Path(__file__).resolve().parent.parent
SCRIPT = REPO / "scripts" / "import_local_action.py"
SHARED_DATA = REPO.parent / "shared" / "data"
needs_shared = pytest.mark.skipif(
    not (SHARED_DATA / "facts" / "local_action.yaml").is_file(),
    reason=f"the shared reference data is not at {SHARED_DATA}",
)


def load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("import_local_action", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@needs_shared
def test_the_import_output_equals_the_committed_file(tmp_path: Path) -> None:
    assert load_script().main(["--data", str(SHARED_DATA), "--out", str(tmp_path)]) == 0
    assert (tmp_path / "local_action.yaml").read_text(encoding="utf-8") == (
        DEFAULT_KNOWLEDGE_DIR / "local_action.yaml"
    ).read_text(encoding="utf-8"), (
        "local_action.yaml differs: rerun scripts/import_local_action.py"
    )


@needs_shared
def test_the_import_fails_loudly_when_a_curated_charter_right_left_the_source(
    tmp_path: Path,
) -> None:
    facts = yaml.safe_load((SHARED_DATA / "facts" / "local_action.yaml").read_text("utf-8"))
    route = next(r for r in facts["routes"] if r["id"] == "city_resident_petition_to_council")
    route["requirements"] = [
        r.replace("at least 50 voters", "at least 75 voters") for r in route["requirements"]
    ]
    (tmp_path / "facts").mkdir()
    (tmp_path / "ma").mkdir()
    (tmp_path / "facts" / "local_action.yaml").write_text(yaml.safe_dump(facts), "utf-8")
    shutil.copy(SHARED_DATA / "ma" / "ma_municipalities.csv", tmp_path / "ma")
    with pytest.raises(SystemExit, match="no requirement says"):
        load_script().main(["--data", str(tmp_path), "--out", str(tmp_path / "out")])


def test_the_committed_file_gives_every_municipality_a_form_with_the_directory_counts() -> None:
    data = local_action.SECTION.load(DEFAULT_KNOWLEDGE_DIR)
    forms = [entry.form for entry in data.government.forms]
    assert len(forms) == 351
    assert {f: forms.count(f) for f in local_action.FORMS} == {
        "open_town_meeting": 259,
        "representative_town_meeting": 33,
        "council": 59,
    }
    assert data.government.as_of == "2019-2020"
    assert [c.place for c in data.cases] == [
        "somerville",
        "brookline",
        "northampton",
        "cambridge",
        "springfield",
        "boston",
        "easthampton",
        "worcester",
    ]


def test_the_build_writes_tables_the_kit_reads() -> None:
    store = KnowledgeStore.open_existing(built_knowledge())
    try:
        facts = local_action.read(store.db)
    finally:
        store.close()
    assert facts.form("andover") == "open_town_meeting"
    assert facts.form("arlington") == "representative_town_meeting"
    assert facts.form("amherst") == "council"  # "the city known as the Town of Amherst"
    assert facts.forms_as_of == "2019-2020"
    assert facts.routes[local_action.ANNUAL_ARTICLE].confidence == "confirmed"
    assert facts.charter_petitions["melrose"].signatures == 50
    assert facts.charter_petitions["somerville"].confidence == "unverified"
    brookline = next(c for c in facts.cases if c.place_id == "brookline")
    assert (brookline.form, brookline.vote, str(brookline.adopted)) == (
        "representative_town_meeting",
        "179-8",
        "2019-12-11",
    )


# -- clear errors ----------------------------------------------------------------------------


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A knowledge folder with what the section reads: local_action.yaml, places.yaml, messages."""
    root = tmp_path / "knowledge"
    root.mkdir()
    for name in ("local_action.yaml", "places.yaml"):
        shutil.copy(DEFAULT_KNOWLEDGE_DIR / name, root / name)
    shutil.copytree(DEFAULT_KNOWLEDGE_DIR / "messages", root / "messages")
    return root


def edit(folder: Path, change: Callable[[dict[str, Any]], object]) -> None:
    path = folder / "local_action.yaml"
    data = yaml.safe_load(path.read_text("utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")


def error(folder: Path) -> str:
    with pytest.raises(KnowledgeError) as raised:
        local_action.SECTION.load(folder)
    return str(raised.value)


def test_an_unknown_form_names_the_entry_and_field(folder: Path) -> None:
    edit(folder, lambda d: d["government_forms"]["forms"][0].update(form="commission"))
    message = error(folder)
    assert message.startswith("knowledge/local_action.yaml: entry government_forms")
    assert "'forms.0.form'" in message


def test_a_municipality_without_a_form_is_refused(folder: Path) -> None:
    edit(folder, lambda d: d["government_forms"]["forms"].pop(0))
    assert "no form for abington" in error(folder)


def test_a_form_for_a_place_that_is_not_a_municipality_is_refused(folder: Path) -> None:
    edit(folder, lambda d: d["government_forms"]["forms"][0].update(place="portland-me"))
    message = error(folder)
    assert "entry government_forms.forms #1 (portland-me): field 'place'" in message


def test_a_missing_route_the_kit_rests_on_is_refused(folder: Path) -> None:
    def drop(data: dict) -> None:
        data["routes"] = [r for r in data["routes"] if r["id"] != local_action.ATTORNEY_GENERAL]

    edit(folder, drop)
    assert "entry routes (town_bylaw_attorney_general_review): field 'id': missing route" in (
        error(folder)
    )


def test_a_bad_confidence_names_the_route(folder: Path) -> None:
    edit(folder, lambda d: d["routes"][0].update(confidence="probably"))
    message = error(folder)
    assert "entry routes #1 (town_warrant_article_annual_meeting): field 'confidence'" in message


def test_a_case_whose_form_disagrees_with_the_table_is_refused(folder: Path) -> None:
    edit(folder, lambda d: d["case_histories"][1].update(form="open_town_meeting"))
    assert "entry case_histories #2 (brookline): field 'form'" in error(folder)


def test_a_source_that_is_not_a_url_is_refused(folder: Path) -> None:
    edit(folder, lambda d: d["case_histories"][0]["sources"].append("Wicked Local"))
    assert "entry case_histories #1 (somerville): field 'sources.7'" in error(folder)


def test_a_kit_text_that_telegram_would_refuse_fails_the_build(folder: Path) -> None:
    path = folder / "messages" / "en" / "local_action.yaml"
    text = path.read_text("utf-8").replace(
        'local.step.certify: "Signers', 'local.step.certify: "<b>Signers', 1
    )
    path.write_text(text, "utf-8")
    message = error(folder)
    assert message.startswith("knowledge/messages/en/local_action.yaml: entry local.step.certify")
    assert "never closed" in message


def test_a_bare_ampersand_in_a_translation_fails_the_build(folder: Path) -> None:
    path = folder / "messages" / "es" / "local_action.yaml"
    path.write_text(path.read_text("utf-8") + 'local.button.sources: "Fuentes & más"\n', "utf-8")
    assert "entry local.button.sources: field 'text': bare '&'" in error(folder)


def test_a_case_naming_an_unknown_route_is_refused(folder: Path) -> None:
    edit(folder, lambda d: d["case_histories"][0].update(route="mayoral_decree"))
    assert "entry case_histories #1 (somerville): field 'route': unknown route" in error(folder)


def test_a_charter_petition_in_a_town_meeting_town_is_refused(folder: Path) -> None:
    edit(folder, lambda d: d["charter_petitions"][0].update(place="andover"))
    assert "entry charter_petitions #1 (andover): field 'place': not a council" in error(folder)
