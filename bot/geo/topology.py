"""Read the TopoJSON files of ``knowledge/geo/`` (written by ``scripts/import_geo.py``).

TopoJSON stores every edge two neighbours share once, as an *arc* of delta-encoded integers on a
grid; a polygon lists the arcs of its rings (``~i`` is arc ``i`` reversed). That keeps the three
layers small enough to commit and lets the bot read them with nothing but shapely.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import shapely

# The grid: 1e-5 degrees is 1.1 m of latitude and 0.8 m of longitude in Massachusetts.
QUANTUM = 1e-5
TRANSLATE = (-74.0, 41.0)


@dataclass(frozen=True)
class Feature:
    """One polygon feature of a layer: its properties and its (multi)polygon in lon/lat."""

    properties: dict[str, Any]
    geometry: shapely.Geometry


@dataclass(frozen=True)
class Topology:
    """A decoded file: each object's features, and its metadata."""

    objects: dict[str, list[Feature]]
    meta: dict[str, Any]


def read(path: Path) -> Topology:
    """Decode a TopoJSON file written by the import script into shapely geometries."""
    data = json.loads(path.read_text(encoding="utf-8"))
    scale = np.array(data["transform"]["scale"], dtype=float)
    translate = np.array(data["transform"]["translate"], dtype=float)
    arcs = [
        np.cumsum(np.array(a, dtype=np.int64), axis=0) * scale + translate for a in data["arcs"]
    ]
    objects: dict[str, list[Feature]] = {}
    for name, obj in data["objects"].items():
        members = obj["geometries"] if obj["type"] == "GeometryCollection" else [obj]
        objects[name] = [
            Feature(member.get("properties", {}), _geometry(member, arcs)) for member in members
        ]
    return Topology(objects, data.get("meta", {}))


def _geometry(member: dict[str, Any], arcs: list[np.ndarray]) -> shapely.Geometry:
    kind = member["type"]
    if kind == "MultiPolygon":
        return shapely.MultiPolygon(
            [
                shapely.Polygon(rings[0], rings[1:])
                for rings in ([_stitch(r, arcs) for r in polygon] for polygon in member["arcs"])
            ]
        )
    if kind == "Polygon":
        rings = [_stitch(r, arcs) for r in member["arcs"]]
        return shapely.Polygon(rings[0], rings[1:])
    if kind == "MultiLineString":
        return shapely.MultiLineString([_stitch(line, arcs) for line in member["arcs"]])
    raise ValueError(f"unsupported TopoJSON geometry type {kind!r}")


def _stitch(indexes: list[int], arcs: list[np.ndarray]) -> np.ndarray:
    """Join arcs end to end; each arc after the first repeats the previous one's last point."""
    pieces = []
    for n, i in enumerate(indexes):
        arc = arcs[i] if i >= 0 else arcs[~i][::-1]
        pieces.append(arc if n == 0 else arc[1:])
    return np.concatenate(pieces)
