"""Where a pin is: its municipality and its House and Senate districts, by point in polygon.

The polygons come from ``knowledge/geo/`` (see ``scripts/import_geo.py``): MassGIS's towns and
the 2021 districts, within 10 m of the source. A pin is never stored or logged here: ``locate``
takes two numbers and returns names, and :class:`Located` does not keep the coordinates.
"""

from __future__ import annotations

import logging
import math
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

import numpy as np
import shapely

from bot.geo.topology import read

logger = logging.getLogger(__name__)

# Issue 10: within 100 m of a line, show the districts on both sides and say why. The source's
# own two drawings of one line differ by up to 10 m and ours moves it by up to 10 m more, so a
# pin this close to a line may be on either side of it.
NEAR_LINE_M = 100.0
# A pin outside every town polygon but this close to the coast (a pier, a beach, a boat at its
# mooring) is placed in the nearest town: the survey coastline is drawn at 1:25,000 and does
# not follow every wharf. Near the land border with another state nothing is snapped.
COAST_TOLERANCE_M = 200.0

# The bot measures distances on a plane tangent at 42° N (metres east and north of it): across
# Massachusetts (41.2° to 42.9° N) that plane's east-west scale is off by at most 1.5%, 1.5 m in
# 100 m, and the bot needs no projection library.
_LAT0 = 42.0
_M_PER_DEG_LAT = 111_132.92 - 559.82 * math.cos(math.radians(2 * _LAT0))
_M_PER_DEG_LON = 111_412.84 * math.cos(math.radians(_LAT0)) - 93.5 * math.cos(
    math.radians(3 * _LAT0)
)
_SCALE = np.array([_M_PER_DEG_LON, _M_PER_DEG_LAT])
_ORIGIN = np.array([-71.5, _LAT0])


def to_metres(lon: float, lat: float) -> tuple[float, float]:
    """Metres east and north of the plane's origin (71.5° W, 42° N)."""
    return (lon - _ORIGIN[0]) * _SCALE[0], (lat - _ORIGIN[1]) * _SCALE[1]


def _planar(geometry: shapely.Geometry) -> shapely.Geometry:
    return shapely.transform(geometry, lambda xy: (xy - _ORIGIN) * _SCALE)


@dataclass(frozen=True)
class Located:
    """What a pin tells: the town and districts, and the others within ``NEAR_LINE_M``.

    ``town`` is ``None`` when the pin is outside Massachusetts. ``offshore_m`` is how far off
    the coast a pin was placed in the nearest town (0 for a pin inside a town).
    """

    town: str | None
    house: str | None
    senate: str | None
    towns_nearby: tuple[str, ...] = ()
    house_nearby: tuple[str, ...] = ()
    senate_nearby: tuple[str, ...] = ()
    offshore_m: float = 0.0

    @property
    def inside(self) -> bool:
        return self.town is not None

    @property
    def near_line(self) -> bool:
        """Whether another town or district is within ``NEAR_LINE_M`` of the pin."""
        return bool(self.towns_nearby or self.house_nearby or self.senate_nearby)


OUTSIDE = Located(None, None, None)


# Distances are measured to boundary pieces of this many segments, not to whole polygons: a
# district's outline has thousands of vertices, and the R-tree finds the few pieces near a pin.
_PIECE_SEGMENTS = 32


class _Layer:
    """One layer's polygons in metres, prepared, with R-trees over them and their outlines."""

    def __init__(self, names: list[str], geometries: list[shapely.Geometry]) -> None:
        self.names = names
        self.geometries = np.array([_planar(g) for g in geometries], dtype=object)
        shapely.prepare(self.geometries)
        self.tree = shapely.STRtree(self.geometries)
        pieces, owners = [], []
        for index, geometry in enumerate(self.geometries):
            for ring in shapely.get_rings(shapely.get_parts(geometry)):
                xy = shapely.get_coordinates(ring)
                for start in range(0, len(xy) - 1, _PIECE_SEGMENTS):
                    pieces.append(shapely.LineString(xy[start : start + _PIECE_SEGMENTS + 1]))
                    owners.append(index)
        self.owners = np.array(owners)
        self.outline = shapely.STRtree(pieces)

    def containing(self, point: shapely.Point) -> int | None:
        hits = self.tree.query(point, predicate="intersects")
        return int(hits.min()) if len(hits) else None

    def nearest(self, point: shapely.Point, max_distance: float | None = None) -> int | None:
        """The polygon whose outline is nearest (for a point outside every polygon)."""
        found = self.nearest_with_distance(point, max_distance)
        return found[0] if found else None

    def nearest_with_distance(
        self, point: shapely.Point, max_distance: float | None = None
    ) -> tuple[int, float] | None:
        hits, distances = self.outline.query_nearest(
            point, max_distance=max_distance, return_distance=True, all_matches=False
        )
        return (int(self.owners[hits[0]]), float(distances[0])) if len(hits) else None

    def within(self, point: shapely.Point, distance: float, but: int) -> tuple[str, ...]:
        """The other polygons whose outline is within ``distance`` of the point."""
        hits = self.outline.query(point, predicate="dwithin", distance=distance)
        owners = {int(i) for i in self.owners[hits]} - {but}
        return tuple(sorted(self.names[i] for i in owners))

    def pick(self, point: shapely.Point) -> tuple[str, tuple[str, ...]]:
        """The polygon under the point (or the nearest: the layers differ along the coast)."""
        index = self.containing(point)
        if index is None:
            index = self.nearest(point)
            assert index is not None, "a layer is never empty"
        return self.names[index], self.within(point, NEAR_LINE_M, index)


class GeoIndex:
    """Point lookups in the town and district polygons of ``knowledge/geo/``."""

    def __init__(self, towns: _Layer, house: _Layer, senate: _Layer, land_border: object) -> None:
        self.towns = towns
        self.house = house
        self.senate = senate
        self.land_border = land_border
        shapely.prepare(land_border)
        self.bounds = shapely.total_bounds(towns.geometries) + np.array(
            [-COAST_TOLERANCE_M, -COAST_TOLERANCE_M, COAST_TOLERANCE_M, COAST_TOLERANCE_M]
        )

    _shared: ClassVar[dict[Path, GeoIndex]] = {}
    _shared_lock: ClassVar[threading.Lock] = threading.Lock()

    @classmethod
    def shared(cls, knowledge_dir: Path) -> GeoIndex:
        """One index per knowledge folder and process, loaded on first use (the polygons
        are read-only; the lock keeps two first pins from loading them twice)."""
        key = knowledge_dir.resolve()
        with cls._shared_lock:
            if key not in cls._shared:
                cls._shared[key] = cls.load(knowledge_dir)
            return cls._shared[key]

    @classmethod
    def load(cls, knowledge_dir: Path) -> GeoIndex:
        """Read ``knowledge_dir/geo/{towns,house,senate}.topojson``."""
        geo = knowledge_dir / "geo"
        towns = read(geo / "towns.topojson")
        layers = [
            _Layer(
                [f.properties["id"] for f in towns.objects["towns"]],
                [f.geometry for f in towns.objects["towns"]],
            )
        ]
        for chamber in ("house", "senate"):
            features = read(geo / f"{chamber}.topojson").objects[chamber]
            layers.append(
                _Layer([f.properties["name"] for f in features], [f.geometry for f in features])
            )
        border = _planar(towns.objects["land_border"][0].geometry)
        logger.info(
            "Loaded %d towns, %d House and %d Senate districts",
            len(layers[0].names),
            len(layers[1].names),
            len(layers[2].names),
        )
        return cls(layers[0], layers[1], layers[2], border)

    def locate(self, lat: float, lon: float) -> Located:
        """The town and districts at a pin, or ``OUTSIDE`` (a pin outside Massachusetts)."""
        if not (math.isfinite(lat) and math.isfinite(lon)):
            raise ValueError("latitude and longitude must be finite numbers")
        x, y = to_metres(lon, lat)
        west, south, east, north = self.bounds
        if not (west <= x <= east and south <= y <= north):
            return OUTSIDE
        point = shapely.Point(x, y)
        town = self.towns.containing(point)
        offshore = 0.0
        if town is None:
            found = self.towns.nearest_with_distance(point, COAST_TOLERANCE_M)
            if found is None or shapely.dwithin(self.land_border, point, COAST_TOLERANCE_M):
                return OUTSIDE
            town, offshore = found
        house, house_nearby = self.house.pick(point)
        senate, senate_nearby = self.senate.pick(point)
        return Located(
            town=self.towns.names[town],
            house=house,
            senate=senate,
            towns_nearby=self.towns.within(point, NEAR_LINE_M, town),
            house_nearby=house_nearby,
            senate_nearby=senate_nearby,
            offshore_m=round(offshore, 1),
        )
