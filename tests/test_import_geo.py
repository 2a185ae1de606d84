"""scripts/import_geo.py's parts on small made-up polygons: cleaning, TopoJSON, land border."""

from __future__ import annotations

import shapely

from bot.geo.topology import QUANTUM, TRANSLATE, read
from tests.test_geo import load_script

script = load_script()


def test_an_overlap_between_neighbours_is_split_down_its_middle() -> None:
    # Two 1 km squares whose shared side is drawn 4 m apart: they overlap by a 4 m sliver.
    west = shapely.box(0, 0, 1000, 1000)
    east = shapely.box(996, 0, 2000, 1000)
    cleaned = script.clean_coverage([west, east])
    assert shapely.coverage_is_valid(cleaned)
    assert abs(cleaned[0].bounds[2] - 998) < 0.5 and abs(cleaned[1].bounds[0] - 998) < 0.5
    assert abs(cleaned[0].area + cleaned[1].area - shapely.union_all([west, east]).area) < 1


def test_a_narrow_gap_between_neighbours_is_split_too() -> None:
    south = shapely.box(0, 0, 1000, 1000)
    north = shapely.box(0, 1006, 1000, 2000)
    frame = shapely.box(-500, -500, 1500, 2500).difference(shapely.box(0, 0, 1000, 2000))
    cleaned = script.clean_coverage([south, north, frame])
    assert shapely.coverage_is_valid(cleaned)
    assert abs(cleaned[0].bounds[3] - 1003) < 0.5 and abs(cleaned[1].bounds[1] - 1003) < 0.5


def test_a_shared_edge_is_stored_once_and_read_back(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # Two grid squares side by side, as rings of grid points (counter-clockwise, closed).
    left = [[[(0, 0), (10, 0), (10, 10), (0, 10), (0, 0)]]]
    right = [[[(10, 0), (20, 0), (20, 10), (10, 10), (10, 0)]]]
    result = script.Result([left, right], 1.0, 2.0, 3.0, 4.0)
    layer = script.Layer("towns", "x.geojson", "city_town")
    text = script.topojson(
        layer, ["Alpha", "Beta Town"], result, {"land_border": [[(0, 0), (0, 10)]]}
    )
    path = tmp_path / "towns.topojson"
    path.write_text(text, encoding="utf-8")
    topology = read(path)
    towns = topology.objects["towns"]
    assert [t.properties for t in towns] == [
        {"id": "alpha", "name": "Alpha"},
        {"id": "beta-town", "name": "Beta Town"},
    ]
    expected = shapely.box(*TRANSLATE, TRANSLATE[0] + 10 * QUANTUM, TRANSLATE[1] + 10 * QUANTUM)
    assert shapely.hausdorff_distance(towns[0].geometry, expected) < 1e-9
    assert shapely.coverage_is_valid([t.geometry for t in towns])
    assert (
        text.count("\n[") == 4
    )  # the shared side once, each square's other three sides, the border
    assert topology.meta["max_displacement_m"] == 3.0
