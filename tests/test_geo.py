"""bot.geo: a pin gives the town and the exact House and Senate districts (issue 10)."""

from __future__ import annotations

import importlib.util
import logging
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import shapely
import yaml

from bot import DEFAULT_KNOWLEDGE_DIR
from bot.geo import NEAR_LINE_M, OUTSIDE, GeoIndex, load_towns
from bot.geo.topology import read
from tests import geo_reference

REPO = Path(__file__).resolve().parent.parent
POINTS = yaml.safe_load(geo_reference.POINTS.read_text(encoding="utf-8"))["points"]
# What our polygons may differ from the originals by: the import's 10 m budget, plus 1.5% of
# a distance for the bot's flat-plane measure.
BUDGET_M = 10.0
LAYER_OF = {"town": ("town", "towns_nearby"), "house": ("house", "house_nearby")}
LAYER_OF["senate"] = ("senate", "senate_nearby")


@pytest.fixture(scope="module")
def index() -> GeoIndex:
    return GeoIndex.load(DEFAULT_KNOWLEDGE_DIR)


def test_there_are_enough_pins_of_every_kind() -> None:
    towns = {p["expected"]["town"]["inside"][0] for p in POINTS if p["expected"]["town"]["inside"]}
    outside = [p for p in POINTS if not p["expected"]["town"]["inside"]]
    near_line = [
        p for p in POINTS if any(d <= 60 for d in p["expected"]["house"]["near"].values())
    ]
    assert len(POINTS) >= 40
    split = {"boston", "cambridge", "worcester", "springfield", "lowell", "framingham"}
    assert split | {"quincy", "newton"} <= towns
    assert len(outside) >= 6 and len(near_line) >= 5


@pytest.mark.parametrize("pin", POINTS, ids=[p["name"] for p in POINTS])
def test_a_pin_gives_what_the_original_polygons_say(index: GeoIndex, pin: dict[str, Any]) -> None:
    found = index.locate(pin["lat"], pin["lon"])
    expected = pin["expected"]
    if not expected["town"]["inside"]:
        assert found == OUTSIDE
        return
    for layer, (field, nearby_field) in LAYER_OF.items():
        inside = expected[layer]["inside"]
        near: dict[str, float] = expected[layer]["near"]
        primary = getattr(found, field)
        nearby = set(getattr(found, nearby_field))
        if inside:
            # On the original's side of the line, unless the pin is within our budget of it.
            assert primary in inside or near.get(primary, 1e9) <= BUDGET_M + 2, layer
        else:  # a coastal pin just outside the district polygons: the nearest one
            assert primary == min(near, key=near.__getitem__), layer
        must_show = set(inside) | {n for n, d in near.items() if d <= NEAR_LINE_M - 12}
        assert must_show <= nearby | {primary}, layer
        may_show = set(inside) | {n for n, d in near.items() if d <= NEAR_LINE_M + 12}
        assert nearby <= may_show, layer


def test_a_pin_near_a_district_line_names_both_districts(index: GeoIndex) -> None:
    pin = next(p for p in POINTS if p["name"].startswith("Cambridge near"))
    found = index.locate(pin["lat"], pin["lon"])
    assert (found.house, found.house_nearby) == ("25th Middlesex", ("26th Middlesex",))
    assert found.near_line


def test_names_match_the_knowledge(index: GeoIndex) -> None:
    places = yaml.safe_load((DEFAULT_KNOWLEDGE_DIR / "places.yaml").read_text(encoding="utf-8"))
    towns = {p["id"] for p in places if p["state"] == "MA" and p["kind"] in ("city", "town")}
    seats = yaml.safe_load((DEFAULT_KNOWLEDGE_DIR / "legislators.yaml").read_text("utf-8"))
    assert set(index.towns.names) == towns and len(towns) == 351
    assert set(index.house.names) == {s["district"] for s in seats if s["chamber"] == "house"}
    assert set(index.senate.names) == {s["district"] for s in seats if s["chamber"] == "senate"}


def test_a_pin_just_off_the_coast_is_placed_in_the_town(index: GeoIndex) -> None:
    # East of Nantucket's easternmost point (Sankaty Head), in the Atlantic.
    island = next(t for t in load_towns(DEFAULT_KNOWLEDGE_DIR).shapes if t.id == "nantucket")
    lon, lat = max(shapely.get_coordinates(island.geometry).tolist())
    found = index.locate(lat, lon + 60 / 82_800)
    assert found.town == "nantucket" and 50 < found.offshore_m < 70
    assert (found.house, found.senate) == ("Barnstable, Dukes and Nantucket", "Cape and Islands")
    assert index.locate(lat, lon + 2_000 / 82_800) == OUTSIDE


def test_a_pin_just_across_a_state_line_is_outside(index: GeoIndex) -> None:
    # 80 m into Rhode Island from the MA-RI line (Pawtucket/Seekonk), closer than the coast
    # tolerance: the land border is not a coast, nothing is snapped across it.
    border = read(DEFAULT_KNOWLEDGE_DIR / "geo" / "towns.topojson").objects["land_border"][0]
    seekonk = next(t for t in load_towns(DEFAULT_KNOWLEDGE_DIR).shapes if t.id == "seekonk")
    line = shapely.intersection(border.geometry, seekonk.geometry.buffer(0.0005))
    point = line.interpolate(0.5, normalized=True)
    found = index.locate(point.y, point.x - 80 / 82_800)
    assert found == OUTSIDE
    assert index.locate(point.y, point.x + 80 / 82_800).town == "seekonk"


def test_non_numbers_are_refused(index: GeoIndex) -> None:
    with pytest.raises(ValueError):
        index.locate(float("nan"), -71.0)


def test_a_pin_is_never_logged_or_kept(index: GeoIndex, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    lat, lon = 42.396712, -71.122318
    found = index.locate(lat, lon)
    GeoIndex.load(DEFAULT_KNOWLEDGE_DIR).locate(lat, lon)
    logged = " ".join(r.getMessage() + repr(r.args) for r in caplog.records)
    for text in ("42.39", "71.12", "396712", "122318"):
        assert text not in logged and text not in repr(found)
    assert found.town == "somerville"


@pytest.mark.skipif(not geo_reference.available(), reason="../shared (the originals) is absent")
def test_the_checked_in_expectations_are_what_the_originals_say() -> None:
    for pin in POINTS:
        assert geo_reference.expectations(pin["lat"], pin["lon"]) == pin["expected"], pin["name"]


def load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("import_geo", REPO / "scripts" / "import_geo.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["import_geo"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_the_committed_files_record_a_displacement_within_budget() -> None:
    for name in ("towns", "house", "senate"):
        meta = read(DEFAULT_KNOWLEDGE_DIR / "geo" / f"{name}.topojson").meta
        assert meta["max_displacement_m"] <= BUDGET_M


@pytest.mark.slow
@pytest.mark.skipif(not geo_reference.available(), reason="../shared (the originals) is absent")
def test_the_import_output_equals_the_committed_senate_file(tmp_path: Path) -> None:
    # The smallest layer (a few minutes): all three take about half an hour on this machine.
    script = load_script()
    data = geo_reference.SOURCE.parent.parent.parent
    assert script.main(["--data", str(data), "--out", str(tmp_path), "--layer", "senate"]) == 0
    written = (tmp_path / "senate.topojson").read_text(encoding="utf-8")
    assert written == (DEFAULT_KNOWLEDGE_DIR / "geo" / "senate.topojson").read_text("utf-8")
