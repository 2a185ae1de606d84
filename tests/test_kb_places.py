"""The places section: the committed knowledge, and one-line errors for malformed files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot import DEFAULT_KNOWLEDGE_DIR
from bot.kb.errors import KnowledgeError
from bot.kb.places import SECTION, PlacesData
from bot.kb.slug import slug


@pytest.fixture(scope="module")
def committed() -> PlacesData:
    return SECTION.load(DEFAULT_KNOWLEDGE_DIR)


def copy_knowledge(tmp_path: Path) -> Path:
    """Copy the places section's files into ``tmp_path/knowledge``."""
    target = tmp_path / "knowledge"
    target.mkdir()
    for name in SECTION.files:
        shutil.copy(DEFAULT_KNOWLEDGE_DIR / name, target / name)
    return target


def edit(knowledge: Path, name: str, old: str, new: str) -> None:
    """Replace the first ``old`` in one file; fail if it is not there."""
    path = knowledge / name
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_slug_follows_the_place_id_convention() -> None:
    assert slug("Manchester-by-the-Sea") == "manchester-by-the-sea"
    assert slug("North Adams") == "north-adams"
    assert slug("Martha's Vineyard") == "martha-s-vineyard"
    assert slug("  Sainte-Thérèse ") == "sainte-therese"


def test_committed_places_are_the_351_municipalities_and_places_with_measures(
    committed: PlacesData,
) -> None:
    ma = [p for p in committed.places if p.state == "MA" and p.kind != "state"]
    assert len(ma) == 351
    ids = {p.id for p in committed.places}
    assert {"cambridge", "north-adams", "manchester-by-the-sea"} <= ids
    assert {"portland-me", "portland-or", "san-francisco-ca", "king-county-wa"} <= ids
    assert {"ma", "me", "ca", "vt"} <= ids
    amherst = next(p for p in committed.places if p.id == "amherst")
    assert (amherst.kind, amherst.official_style) == ("city", "Town of Amherst")


def test_committed_measures_count_42_with_8_confirmed_ma_bans(committed: PlacesData) -> None:
    assert len(committed.measures) == 42
    places = {p.id: p for p in committed.places}
    local = [m for m in committed.measures if places[m.place].state == "MA" and m.level != "state"]
    prohibitions = [m for m in local if m.what in ("ban", "moratorium")]
    assert len(prohibitions) == 8
    assert {m.confidence for m in prohibitions} == {"confirmed"}
    assert [m.place for m in prohibitions if m.what == "moratorium"] == ["springfield"]
    others = {m.place: m.what for m in local if m not in prohibitions}
    assert others == {"arlington": "bill", "amherst": "oversight", "lawrence": "oversight"}


def test_committed_ma_bills_record_session_bills_and_committee(committed: PlacesData) -> None:
    current = [m for m in committed.measures if m.place == "ma" and m.state.kind == "pending"]
    assert [(m.session, m.bills) for m in current] == [("194th", ["H.1946", "S.1053"])]
    assert current[0].committee == "Joint Committee on the Judiciary"


@pytest.mark.parametrize(
    ("alias", "town"),
    [("Gay Head", "aquinnah"), ("Manomet", "plymouth"), ("Foxboro", "foxborough")],
)
def test_committed_aliases_include(committed: PlacesData, alias: str, town: str) -> None:
    assert any(a.alias == alias and a.town == town for a in committed.aliases)


def test_committed_aliases_give_every_borough_town_a_boro_spelling(
    committed: PlacesData,
) -> None:
    spellings = {(a.alias, a.town) for a in committed.aliases}
    for place in committed.places:
        if place.name.endswith("borough"):
            assert (place.name.removesuffix("borough") + "boro", place.id) in spellings


def test_committed_ambiguous_aliases_name_the_other_places(committed: PlacesData) -> None:
    accord = next(a for a in committed.aliases if a.alias == "Accord")
    assert (accord.confidence, accord.others) == ("ambiguous", ["hingham"])


def test_committed_zips_have_one_primary_among_their_areas(committed: PlacesData) -> None:
    amherst = next(z for z in committed.zips if z.zip == "01002")
    assert amherst.primary == "amherst"
    assert amherst.areas == {"amherst": 50, "pelham": 43, "shutesbury": 7}
    assert len(committed.zips) >= 700


MALFORMED = [
    pytest.param(
        "places.yaml",
        ", county: Middlesex, official_style: Town of Acton",
        ", official_style: Town of Acton",
        "places.yaml: entry #2 (acton): field 'county': Field required",
        id="missing field",
    ),
    pytest.param(
        "places.yaml",
        "population: 24021",
        "population: many",
        "places.yaml: entry #2 (acton): field 'population': Input should be a valid integer",
        id="wrong type",
    ),
    pytest.param(
        "places.yaml",
        "- {id: acton,",
        "- {id: abington, name: Abington, state: MA, kind: town, county: Plymouth, source: x}\n"
        "- {id: acton,",
        "places.yaml: entry #2 (abington): field 'id': duplicate 'abington' (first at #1 "
        "(abington))",
        id="duplicate place",
    ),
    pytest.param(
        "places.yaml",
        "- {id: portland-or, name: Portland, state: OR,",
        "- {id: portland-or, name: Portland, state: ME,",
        "places.yaml: entry #372 (portland-or): field 'name': duplicate 'Portland, ME'",
        id="duplicate name and state",
    ),
    pytest.param(
        "aliases.yaml",
        "{alias: Manomet, town: plymouth,",
        "{alias: Manomet, town: plymuoth,",
        "aliases.yaml: entry #",
        id="alias to an unknown town",
    ),
    pytest.param(
        "measures.yaml",
        "adopted: 2019-06-27",
        "adopted: 2019-13-45",
        "measures.yaml: entry #1 (somerville-ban-2019): field 'adopted': Input should be a "
        "valid date",
        id="impossible date",
    ),
    pytest.param(
        "measures.yaml",
        "adopted: 2019-06-27",
        'adopted: "June 2019"',
        "measures.yaml: entry #1 (somerville-ban-2019): field 'adopted': Input should be a "
        "valid date",
        id="date as text",
    ),
    pytest.param(
        "measures.yaml",
        "  place: somerville\n",
        "  place: somervile\n",
        "measures.yaml: entry #1 (somerville-ban-2019): field 'place': unknown place "
        "'somervile' (not in places.yaml)",
        id="measure for an unknown place",
    ),
    pytest.param(
        "zips.yaml",
        '{zip: "01001"',
        "{zip: 01001",
        "zips.yaml: entry #1 (513): field 'zip': Value error, write the ZIP in quotes, like "
        '"01001"',
        id="unquoted zip",
    ),
    pytest.param(
        "zips.yaml",
        "areas: {agawam: 100}",
        "areas: {agawam: 100, nowhere: 3}",
        "zips.yaml: entry #1 (01001): field 'areas.nowhere': unknown place 'nowhere'",
        id="zip to an unknown town",
    ),
    pytest.param(
        "zips.yaml",
        '{zip: "01001"',
        '{zip: "0100"',
        "zips.yaml: entry #1 (0100): field 'zip': String should match pattern",
        id="zip not 5 digits",
    ),
    pytest.param(
        "measures.yaml",
        "  - url: https://somerville.wickedlocal.com/",
        "  - url: somerville.wickedlocal.com/",
        "measures.yaml: entry #1 (somerville-ban-2019): field 'sources.1.url': String should "
        "match",
        id="source not a URL",
    ),
    pytest.param(
        "measures.yaml",
        "    en: It binds only Somerville's own agencies",
        "    en: <script>alert(1)</script> It binds only Somerville's own agencies",
        "measures.yaml: entry #1 (somerville-ban-2019): field 'caveat.en': not valid Telegram "
        "HTML: <script> is not allowed by Telegram",
        id="a measure text that Telegram would refuse",
    ),
    pytest.param(
        "measures.yaml",
        "  caveat:\n    en: It binds only Somerville's own agencies, not the State Police, the"
        " RMV, the FBI or private businesses.\n",
        "",
        "measures.yaml: entry #1 (somerville-ban-2019): field 'caveat': a ban or moratorium in "
        "force says in one line what it does not cover",
        id="a ban in force without its caveat",
    ),
    pytest.param(
        "measures.yaml",
        "  state:\n    kind: in_force\n",
        "  state:\n    kind: expired\n",
        "measures.yaml: entry #1 (somerville-ban-2019): field 'state.date': a expired measure "
        "needs its date",
        id="an expired measure without its date",
    ),
    pytest.param(
        "measures.yaml",
        "  state:\n    kind: in_force\n",
        "  state:\n    kind: pending\n",
        "measures.yaml: entry #1 (somerville-ban-2019): field 'state.kind': only a bill can be "
        "pending",
        id="a ban cannot be pending",
    ),
    pytest.param(
        "measures.yaml",
        "(ordinance\n      of {adopted}).",
        "(ordinance\n      of {effective}).",
        "measures.yaml: entry #1 (somerville-ban-2019): field 'headline.en': {effective} but the "
        "measure has no effective",
        id="a headline date the measure lacks",
    ),
    pytest.param(
        "aliases.yaml",
        "- {alias: Manomet,",
        "- {alias: Manomet\n",
        "aliases.yaml: YAML syntax error at line",
        id="YAML syntax error",
    ),
]


@pytest.mark.parametrize(("name", "old", "new", "message"), MALFORMED)
def test_a_malformed_file_gives_one_line_naming_file_entry_and_field(
    tmp_path: Path, name: str, old: str, new: str, message: str
) -> None:
    knowledge = copy_knowledge(tmp_path)
    edit(knowledge, name, old, new)
    with pytest.raises(KnowledgeError) as caught:
        SECTION.load(knowledge)
    text = str(caught.value)
    assert "\n" not in text
    assert text.startswith("knowledge/" + message), text


def test_an_alias_to_an_unknown_town_names_the_alias_and_field(tmp_path: Path) -> None:
    knowledge = copy_knowledge(tmp_path)
    edit(
        knowledge, "aliases.yaml", "{alias: Manomet, town: plymouth,", "{alias: Manomet, town: x,"
    )
    with pytest.raises(KnowledgeError) as caught:
        SECTION.load(knowledge)
    assert caught.value.file == "knowledge/aliases.yaml"
    assert caught.value.entry is not None and caught.value.entry.endswith("(Manomet)")
    assert caught.value.field == "town"
    assert caught.value.message == "unknown place 'x' (not in places.yaml)"


def test_a_place_id_must_follow_the_convention(tmp_path: Path) -> None:
    knowledge = copy_knowledge(tmp_path)
    edit(knowledge, "places.yaml", "{id: portland-me,", "{id: portland,")
    edit(knowledge, "measures.yaml", "place: portland-me\n", "place: portland\n")
    with pytest.raises(KnowledgeError, match="field 'id': expected 'portland-me'"):
        SECTION.load(knowledge)
