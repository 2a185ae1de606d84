"""What the ORIGINAL MassGIS polygons say about the test pins (tests/data/geo_points.yaml).

Independent of bot.geo: the shared source files, transformed with pyproj, and a plain
point-in-polygon. ``python -m tests.geo_reference`` rewrites the file's expectations; the test
checks that the committed file still equals what the originals say, whenever ../shared exists.
"""

from __future__ import annotations

import json
import sys
from functools import cache
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parent.parent
SOURCE = REPO.parent / "shared" / "data" / "bwbensonjr-mapoli" / "gis" / "geojson"
POINTS = Path(__file__).resolve().parent / "data" / "geo_points.yaml"
LAYERS = {
    "town": ("city_town_2024.geojson", "city_town"),
    "house": ("house2021.geojson", "district_display"),
    "senate": ("senate2021.geojson", "district_display"),
}
NEAR_M = 150.0  # every polygon this close is listed with its distance


def available() -> bool:
    return all((SOURCE / name).is_file() for name, _ in LAYERS.values())


@cache
def _layer(kind: str) -> tuple[list[str], list[Any]]:
    import shapely

    from bot.kb.slug import slug

    name, field = LAYERS[kind]
    data = json.loads((SOURCE / name).read_text(encoding="utf-8"))
    names, shapes = [], []
    for feature in data["features"]:
        label = feature["properties"][field]
        names.append(slug(label) if kind == "town" else label)
        shapes.append(shapely.make_valid(shapely.from_geojson(json.dumps(feature["geometry"]))))
    return names, shapes


def expectations(lat: float, lon: float) -> dict[str, Any]:
    """For each layer: the polygons containing the pin, and those within NEAR_M (metres)."""
    import shapely
    from pyproj import Transformer

    x, y = Transformer.from_crs("EPSG:4326", "EPSG:26986", always_xy=True).transform(lon, lat)
    point = shapely.Point(x, y)
    result: dict[str, Any] = {}
    for kind in LAYERS:
        names, shapes = _layer(kind)
        inside = sorted(n for n, s in zip(names, shapes, strict=True) if s.covers(point))
        near = {
            n: round(float(s.distance(point)), 1)
            for n, s in zip(names, shapes, strict=True)
            if n not in inside and s.distance(point) <= NEAR_M
        }
        result[kind] = {"inside": inside, "near": dict(sorted(near.items()))}
    return result


def main() -> int:
    data = yaml.safe_load(POINTS.read_text(encoding="utf-8"))
    for pin in data["points"]:
        pin["expected"] = expectations(pin["lat"], pin["lon"])
    header = POINTS.read_text(encoding="utf-8").split("points:")[0]
    body = yaml.safe_dump(
        {"points": data["points"]}, sort_keys=False, allow_unicode=True, width=99
    )
    POINTS.write_text(header + body, encoding="utf-8")
    print(f"{len(data['points'])} points written to {POINTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
