"""The 351 municipalities' polygons in lon/lat, for drawing (the map) rather than lookups."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import shapely

from bot.geo.topology import read

TOWNS_FILE = Path("geo") / "towns.topojson"


@dataclass(frozen=True)
class TownShape:
    """One municipality: its place id, its name and its (multi)polygon in lon/lat."""

    id: str
    name: str
    geometry: shapely.Geometry


@dataclass(frozen=True)
class TownShapes:
    """Every municipality's shape, and a digest of the file they came from (for cache keys)."""

    shapes: tuple[TownShape, ...]
    digest: str

    def by_id(self) -> dict[str, TownShape]:
        return {shape.id: shape for shape in self.shapes}


def load_towns(knowledge_dir: Path) -> TownShapes:
    """Read ``knowledge_dir/geo/towns.topojson``."""
    path = knowledge_dir / TOWNS_FILE
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    features = read(path).objects["towns"]
    shapes = tuple(
        TownShape(f.properties["id"], f.properties["name"], f.geometry) for f in features
    )
    return TownShapes(shapes, digest)
