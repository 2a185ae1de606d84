"""Write knowledge/geo/*.topojson: the town and 2021 district polygons that pins are looked up in.

    python scripts/import_geo.py [--data ../shared/data] [--out knowledge/geo]

Reads MassGIS's municipalities and 2021 House and Senate districts (EPSG:26986, metres) from
``bwbensonjr-mapoli/gis/geojson/`` and, for each layer:

1. cleans the coverage. The source draws each side of a shared line separately, so neighbours
   overlap or leave gaps up to 10 m wide; every such sliver is split down its middle, which moves
   each side by at most half the sliver's width;
2. simplifies every shared edge once (GEOS coverage simplification), so that neighbours stay
   edge-matched: no overlap, no gap;
3. converts to WGS84 with pyproj and rounds to 1e-5 degrees (about 1 m);
4. measures how far every boundary moved from the source polygon of its own feature (the
   Hausdorff distance between the two boundaries, both sampled every metre) and fails if any
   moved more than ``MAX_DISPLACEMENT_M``; the largest simplification that passes is kept;
5. writes TopoJSON (each shared edge stored once, delta-encoded integers).

The towns file also holds Massachusetts' land border with its neighbour states, so that the bot
can tell a pin just off the coast (placed in the nearest town) from one across a state line.
The output is deterministic: a test checks that the committed files equal a rerun's.
Needs shapely >= 2.2 (GEOS 3.14, for coverage cleaning) and pyproj, which only this script uses.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import shapely
from pyproj import Transformer

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.geo.topology import QUANTUM, TRANSLATE  # noqa: E402
from bot.kb.slug import slug  # noqa: E402

SOURCE = Path("bwbensonjr-mapoli") / "gis" / "geojson"
SOURCE_CRS = "EPSG:26986"  # NAD83 / Massachusetts Mainland, metres

# The budget: no boundary may move further than this from where the source draws it.
MAX_DISPLACEMENT_M = 10.0
# Kept aside from the budget for rounding to the grid (at most 0.7 m) and sampling (0.5 m).
MARGIN_M = 1.5
# Shares of the remaining budget tried as simplification tolerance, largest first: the first
# whose result measures within the budget is kept.
SIMPLIFICATION_SHARES = (1.0, 0.8, 0.6, 0.4, 0.2, 0.0)
# A hole in a layer's union narrower than this (twice the largest inscribed circle's radius) is
# a gap between neighbours, not land that belongs to none; it is split between them. The widest
# sliver in the source is 9.9 m.
GAP_WIDTH_M = 12.0
# Where the boundaries are sampled to find the middle of a sliver and to measure displacement.
SLIVER_SPACING_M = 4.0
MEASURE_SPACING_M = 1.0
LONG_EDGE_M = 1_000.0
# The two points where Massachusetts' land border meets the sea (lon, lat): the New Hampshire
# line at Salisbury Beach and the Rhode Island line at Westport. The mainland's outline between
# them, through the west, is the land border; the rest is coast. Snapped to the nearest vertex.
LAND_BORDER_ENDS = ((-70.8172, 42.8713), (-71.1205, 41.4963))
LAND_BORDER_SNAP_M = 500.0


@dataclass(frozen=True)
class Layer:
    name: str  # the output file's stem and the TopoJSON object's name
    source: str
    name_field: str  # the property with the name the bot uses
    # Towns are drawn (the map), so neighbours must fit edge to edge: the coverage is cleaned and
    # each shared edge simplified once. Districts are only looked up, and within 100 m of a line
    # the bot shows both sides: each district is simplified on its own (see simplify_each).
    coverage: bool = True


LAYERS = (
    Layer("towns", "city_town_2024.geojson", "city_town"),
    Layer("house", "house2021.geojson", "district_display", coverage=False),
    Layer("senate", "senate2021.geojson", "district_display", coverage=False),
)


class DisplacementError(Exception):
    """No tolerance kept every boundary within the budget."""


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--out", type=Path, default=ROOT / "knowledge" / "geo")
    parser.add_argument(
        "--layer", choices=[layer.name for layer in LAYERS], action="append", help="only these"
    )
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    to_wgs84 = Transformer.from_crs(SOURCE_CRS, "EPSG:4326", always_xy=True)
    to_metres = Transformer.from_crs("EPSG:4326", SOURCE_CRS, always_xy=True)
    for layer in LAYERS:
        if args.layer and layer.name not in args.layer:
            continue
        names, source = read_layer(args.data / SOURCE / layer.source, layer.name_field)
        try:
            if layer.coverage:
                cleaned = clean_coverage(source)
                result = simplify_within_budget(cleaned, source, to_wgs84, to_metres)
            else:
                result = simplify_each(source, to_wgs84, to_metres)
        except DisplacementError as error:
            print(f"{layer.name}: {error}", file=sys.stderr)
            return 1
        extra: dict[str, list[list[tuple[int, int]]]] = {}
        if layer.name == "towns":
            extra["land_border"] = [land_border(result.rings)]
        text = topojson(layer, names, result, extra)
        path = args.out / f"{layer.name}.topojson"
        path.write_text(text, encoding="utf-8")
        points = sum(len(r) for polygons in result.rings for polygon in polygons for r in polygon)
        summary = f"{path.name}: {len(names)} features, {points:,} ring points, "
        summary += f"{len(text.encode()):,} bytes; boundaries moved at most {result.moved_m:.2f} m"
        if layer.coverage:
            summary += (
                f" (edge tolerance up to {result.tolerance_m:.2f} m; {result.own_polygon_m:.2f} m"
                " from a feature's own source polygon, where the source overlaps itself)"
            )
        print(summary)
    return 0


def read_layer(path: Path, name_field: str) -> tuple[list[str], list[shapely.Geometry]]:
    """The features' names and polygons, repaired where the source is invalid (one town is)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    crs = data.get("crs", {}).get("properties", {}).get("name", "")
    if not crs.endswith("26986"):
        raise SystemExit(f"{path}: expected EPSG:26986, found {crs!r}")
    names, geometries = [], []
    for feature in data["features"]:
        names.append(feature["properties"][name_field])
        geometry = shapely.from_geojson(json.dumps(feature["geometry"]))
        if not geometry.is_valid:
            geometry = polygonal(shapely.make_valid(geometry))
        geometries.append(geometry)
    return names, geometries


def polygonal(geometry: shapely.Geometry) -> shapely.Geometry:
    """The polygons of ``geometry`` (dropping the lines and points an overlay can leave)."""
    parts = [p for p in shapely.get_parts(geometry) if p.geom_type in ("Polygon", "MultiPolygon")]
    return shapely.union_all(parts)


def clean_coverage(geometries: list[shapely.Geometry]) -> list[shapely.Geometry]:
    """Split every overlap and narrow gap between neighbours down its middle."""
    tree = shapely.STRtree(geometries)
    cores = []
    for i, geometry in enumerate(geometries):
        others = [int(j) for j in tree.query(geometry, predicate="intersects") if j != i]
        if others:
            geometry = shapely.difference(
                geometry, shapely.union_all([geometries[j] for j in others])
            )
        cores.append(polygonal(geometry))
    union = shapely.union_all(geometries)
    gaps = [
        shapely.Polygon(ring)
        for part in shapely.get_parts(union)
        for ring in part.interiors
        if 2 * shapely.maximum_inscribed_circle(shapely.Polygon(ring), 0.1).length <= GAP_WIDTH_M
    ]
    disputed = shapely.difference(shapely.union_all([union, *gaps]), shapely.union_all(cores))
    for core in cores:
        shapely.prepare(core)
    core_tree = shapely.STRtree(cores)
    shares: list[list[shapely.Geometry]] = [[] for _ in cores]
    for sliver in shapely.get_parts(disputed):
        touching = [int(j) for j in core_tree.query(sliver, predicate="dwithin", distance=0.01)]
        for owner, piece in split_sliver(sliver, [cores[j] for j in touching]):
            shares[touching[owner]].append(piece)
    cleaned = [polygonal(shapely.union_all([c, *s])) for c, s in zip(cores, shares, strict=True)]
    # The split's new vertices are computed, so snap the last floating-point slivers shut.
    return list(shapely.coverage_clean(cleaned))


def split_sliver(
    sliver: shapely.Geometry, cores: list[shapely.Geometry]
) -> list[tuple[int, shapely.Geometry]]:
    """The parts of ``sliver`` nearest to each core: (index into ``cores``, part).

    The sliver's outline is sampled and each sample labelled with the core it lies on (or the
    nearest, where the sliver reaches the outside). Every Delaunay triangle of the samples is
    cut through the middle of each edge that joins two labels, and each corner's piece goes to
    the corner's label. The cuts follow the chordal axis, a close approximation of the middle
    of a thin polygon, and the pieces of all triangles fit edge to edge.
    """
    if len(cores) <= 1:
        return [(0, sliver)] if cores else []
    xy = shapely.get_coordinates(shapely.segmentize(sliver.boundary, SLIVER_SPACING_M))
    _, first = np.unique(xy, axis=0, return_index=True)
    xy = xy[np.sort(first)]
    points = shapely.points(xy)
    on_core = np.array([shapely.dwithin(core, points, 0.01) for core in cores])
    labels = np.argmax(on_core, axis=0)
    loose = ~on_core.any(axis=0)
    if loose.any():
        distances = np.array([shapely.distance(core, points[loose]) for core in cores])
        labels[loose] = np.argmin(distances, axis=0)
    if len(set(labels.tolist())) == 1:
        return [(int(labels[0]), sliver)]
    triangles = shapely.get_parts(shapely.delaunay_triangles(shapely.multipoints(xy)))
    corners = shapely.get_coordinates(triangles).reshape(-1, 4, 2)[:, :3]
    label_of = {(x, y): k for (x, y), k in zip(xy.tolist(), labels.tolist(), strict=True)}
    marks = np.array([label_of[(x, y)] for x, y in corners.reshape(-1, 2).tolist()]).reshape(-1, 3)
    pieces: dict[int, list[shapely.Geometry]] = {}
    for tri, mark in zip(corners, marks.tolist(), strict=True):
        for label, piece in _triangle_pieces(tri, mark):
            pieces.setdefault(label, []).append(piece)
    return [
        (label, polygonal(shapely.intersection(sliver, shapely.union_all(parts))))
        for label, parts in sorted(pieces.items())
    ]


def _triangle_pieces(corners: np.ndarray, marks: list[int]) -> list[tuple[int, shapely.Geometry]]:
    """A Delaunay triangle cut between its differently labelled corners."""
    if marks[0] == marks[1] == marks[2]:
        return [(marks[0], shapely.Polygon(corners))]
    middle = [(corners[i] + corners[(i + 1) % 3]) / 2 for i in range(3)]  # of edge i -> i+1
    for odd in range(3):
        a, b = (odd + 1) % 3, (odd + 2) % 3
        if marks[a] == marks[b]:
            # One corner differs: cut off its tip through the middles of its two edges.
            tip = shapely.Polygon([corners[odd], middle[odd], middle[b]])
            rest = shapely.Polygon([middle[odd], corners[a], corners[b], middle[b]])
            return [(marks[odd], tip), (marks[a], rest)]
    centre = corners.mean(axis=0)
    return [
        (marks[i], shapely.Polygon([corners[i], middle[i], centre, middle[(i - 1) % 3]]))
        for i in range(3)
    ]


Rings = list[list[list[tuple[int, int]]]]  # per feature: polygons, each: rings of grid points


@dataclass(frozen=True)
class Result:
    rings: list[Rings]
    tolerance_m: float  # the largest tolerance any edge was simplified with
    from_lines_m: float  # how far an output boundary strays from the source's lines
    to_lines_m: float  # how far the source's uncontested lines are from the output
    own_polygon_m: float  # the plain Hausdorff distance to each feature's own source polygon

    @property
    def moved_m(self) -> float:
        return max(self.from_lines_m, self.to_lines_m)


def simplify_within_budget(
    cleaned: list[shapely.Geometry],
    source: list[shapely.Geometry],
    to_wgs84: Transformer,
    to_metres: Transformer,
) -> Result:
    """Simplify the shared edges as far as the budget allows, round them to the grid, measure.

    Each edge (a line between two junctions of the cleaned coverage, stored once) is simplified
    with Douglas-Peucker, which moves no point further than its tolerance; the tolerance is the
    budget less what cleaning already moved that edge. The edges are then snap-rounded to the
    grid together and the faces rebuilt, so the result is still a coverage.
    """
    network = SegmentIndex([g.boundary for g in source])
    edges = shapely.get_parts(shapely.line_merge(shapely.union_all([g.boundary for g in cleaned])))
    cleaning = np.array([network.farthest(sample(edge)) for edge in edges])
    features = to_grid(cleaned, to_wgs84)
    worst = ""
    for share in SIMPLIFICATION_SHARES:
        tolerances = np.maximum(0.0, share * (MAX_DISPLACEMENT_M - MARGIN_M) - cleaning)
        simplified = shapely.simplify(edges, tolerances, preserve_topology=True)
        # A straight edge in EPSG:26986 is curved in lon/lat, where the bot draws it straight:
        # over the 30 km of the New York line that bows 12 m. Points every km keep it to 1 cm.
        simplified = shapely.segmentize(simplified, LONG_EDGE_M)
        rebuilt = rebuild(to_grid(simplified, to_wgs84), features)
        rings = [grid_rings(g) for g in rebuilt]
        decoded = [shapely.MultiPolygon(polygons_of(r)) for r in rings]
        problem = topology_problem(decoded)
        if problem:
            worst = problem
            continue
        result = measure(source, decoded, network, to_metres)
        result = Result(rings, float(tolerances.max()), *result)
        if result.moved_m <= MAX_DISPLACEMENT_M:
            return result
        worst = f"a boundary moves {result.moved_m:.2f} m"
    raise DisplacementError(f"no simplification stays within {MAX_DISPLACEMENT_M:g} m ({worst})")


# Districts: Douglas-Peucker moves no boundary further than its tolerance (the kept points are
# the source's own), rounding to the grid adds at most 0.71 m, and the measure below samples
# every DISTRICT_SPACING_M and adds half of it.
DISTRICT_TOLERANCE_M = 5.0
DISTRICT_SPACING_M = 4.0


def simplify_each(
    source: list[shapely.Geometry], to_wgs84: Transformer, to_metres: Transformer
) -> Result:
    """Simplify each district on its own and measure how far its outline moved.

    The source's districts overlap and leave gaps along their lines (up to 30 m in the House
    layer), so a shared edge is not one line: each district keeps its own drawing of it, within
    ``DISTRICT_TOLERANCE_M``. A pin in an overlap or a gap is near both lines, so the bot shows
    both districts there anyway.
    """
    simplified = shapely.simplify(np.array(source), DISTRICT_TOLERANCE_M, preserve_topology=True)
    simplified = shapely.segmentize(simplified, LONG_EDGE_M)
    # Round each point to the grid and repair what rounding crossed, keeping every part: a
    # GEOS precision reduction would drop a spike thinner than a grid cell (one district has one
    # 14 m long), moving its tip further than the budget.
    grid = [
        polygonal(
            shapely.make_valid(shapely.set_precision(g, 1.0, mode="pointwise"), method="linework")
        )
        for g in to_grid(list(simplified), to_wgs84)
    ]
    rings = [grid_rings(g) for g in grid]
    moved = 0.0
    for before, feature in zip(source, rings, strict=True):
        after = shapely.MultiPolygon(polygons_of(feature))
        dense = shapely.segmentize(after.boundary, DISTRICT_SPACING_M / 111_000)
        parts = [
            np.column_stack(to_metres.transform(*shapely.get_coordinates(p).T))
            for p in shapely.get_parts(dense)
        ]
        after_lines = SegmentIndex([shapely.linestrings(p) for p in parts])
        before_points = sample(before.boundary, DISTRICT_SPACING_M)
        moved = max(
            moved,
            SegmentIndex([before.boundary]).farthest(np.concatenate(parts)),
            after_lines.farthest(before_points),
        )
    moved += DISTRICT_SPACING_M / 2
    if moved > MAX_DISPLACEMENT_M:
        raise DisplacementError(f"a district's outline moves {moved:.2f} m")
    return Result(rings, DISTRICT_TOLERANCE_M, moved, moved, moved)


def sample(line: shapely.Geometry, spacing: float = MEASURE_SPACING_M) -> np.ndarray:
    """Coordinates along ``line``, at most ``spacing`` apart, in order."""
    return shapely.get_coordinates(shapely.segmentize(line, spacing))


# Distances are measured at every 64th sample, then at every 16th, 4th and at the rest, but only
# where they could exceed the largest so far (a distance changes by at most the step taken).
_STRIDES = (64, 16, 4, 1)


class SegmentIndex:
    """An R-tree over the segments of some lines, for exact nearest-line distances."""

    def __init__(self, lines: Sequence[shapely.Geometry]) -> None:
        segments = []
        for line in lines:
            for part in shapely.get_parts(line):
                xy = shapely.get_coordinates(part)
                segments.append(shapely.linestrings(np.stack([xy[:-1], xy[1:]], axis=1)))
        self.tree = shapely.STRtree(np.concatenate(segments))

    def distances(self, xy: np.ndarray) -> np.ndarray:
        _, found = self.tree.query_nearest(
            shapely.points(xy), return_distance=True, all_matches=False
        )
        return np.asarray(found)

    def farthest(self, xy: np.ndarray) -> float:
        """The largest distance from any of the points ``xy`` to the lines (0 for none).

        Exactly the maximum over all points, found without measuring most of them: the
        distance at a point is at most the distance at a measured one plus the gap between.
        """
        if len(xy) == 0:
            return 0.0
        known = np.full(len(xy), np.nan)
        for stride in _STRIDES:
            if stride == _STRIDES[0]:
                todo = np.unique(np.append(np.arange(0, len(xy), stride), len(xy) - 1))
            else:
                todo = np.flatnonzero(self._could_exceed(xy, known))
                todo = todo[todo % stride == 0] if stride > 1 else todo
            if len(todo):
                known[todo] = self.distances(xy[todo])
        return float(np.nanmax(known))

    @staticmethod
    def _could_exceed(xy: np.ndarray, known: np.ndarray) -> np.ndarray:
        """Unmeasured points whose distance may be above the largest measured one."""
        measured = np.flatnonzero(~np.isnan(known))
        best = known[measured].max()
        after = np.minimum(np.searchsorted(measured, np.arange(len(xy))), len(measured) - 1)
        before = np.maximum(after - 1, 0)
        bound = np.minimum(
            known[measured[before]] + np.hypot(*(xy - xy[measured[before]]).T),
            known[measured[after]] + np.hypot(*(xy - xy[measured[after]]).T),
        )
        return np.isnan(known) & (bound > best - 1e-6)


def to_grid(geometries: Sequence[shapely.Geometry], to_wgs84: Transformer) -> list[Any]:
    """The geometries in WGS84, in units of the grid (``QUANTUM`` degrees), not yet rounded."""

    def project(xy: np.ndarray) -> np.ndarray:
        lon, lat = to_wgs84.transform(xy[:, 0], xy[:, 1])
        return (np.column_stack([lon, lat]) - TRANSLATE) / QUANTUM

    return [shapely.transform(g, project) for g in geometries]


def rebuild(edges: list[shapely.Geometry], features: list[shapely.Geometry]) -> list[Any]:
    """The features' polygons rebuilt from ``edges`` snap-rounded to the integer grid.

    Rounding vertices one by one can fold a thin spot over itself, and simplified edges can
    cross; snap-rounding the whole network (GEOS overlay with a grid size), then polygonizing
    it, gives faces that fit edge to edge. Each face goes to the feature it lies in.
    """
    network = shapely.union_all(edges, grid_size=1.0)
    faces = shapely.get_parts(shapely.polygonize(shapely.get_parts(network)))
    tree = shapely.STRtree(features)
    owned: list[list[shapely.Geometry]] = [[] for _ in features]
    for face in faces:
        hits = tree.query(face.representative_point(), predicate="within")
        if len(hits) != 1:
            # A sliver made by rounding, or a hole no feature claims (a lake the districts skip).
            hits = tree.query(face, predicate="intersects")
            overlap = [shapely.intersection(features[i], face).area for i in hits]
            if not overlap or max(overlap) < face.area / 2:
                continue
            hits = hits[[int(np.argmax(overlap))]]
        owned[int(hits[0])].append(face)
    return [shapely.coverage_union_all(faces) for faces in owned]


def grid_rings(geometry: shapely.Geometry) -> Rings:
    """Rings of integer grid points, exteriors counter-clockwise, polygons in a stable order."""
    polygons = []
    for polygon in shapely.get_parts(shapely.orient_polygons(geometry)):
        rings = []
        for ring in [polygon.exterior, *polygon.interiors]:
            grid = np.rint(shapely.get_coordinates(ring)).astype(int)
            rings.append([(int(x), int(y)) for x, y in grid])
        polygons.append(rings)
    polygons.sort(key=lambda rings: min(rings[0]))
    return polygons


def polygons_of(rings: Rings) -> list[shapely.Polygon]:
    """Grid rings back to polygons in degrees."""
    return [
        shapely.Polygon(
            np.array(rs[0]) * QUANTUM + TRANSLATE,
            [np.array(r) * QUANTUM + TRANSLATE for r in rs[1:]],
        )
        for rs in rings
    ]


def topology_problem(geometries: list[shapely.Geometry]) -> str:
    """What went wrong, if anything: an empty or invalid feature, or neighbours that overlap."""
    for i, geometry in enumerate(geometries):
        if geometry.is_empty or not geometry.is_valid:
            return f"feature #{i} is empty or invalid: {shapely.is_valid_reason(geometry)}"
    if not shapely.coverage_is_valid(geometries):
        return "neighbours overlap or their shared edges differ"
    return ""


def measure(
    source: list[shapely.Geometry],
    output: list[shapely.Geometry],
    network: SegmentIndex,
    to_metres: Transformer,
) -> tuple[float, float, float]:
    """How far the output moved from the source, in metres, three ways (see ``Result``).

    Where two source features overlap, each draws a line inside the other; only one line can
    be kept there, so a source line inside another feature's source polygon is "contested" and
    the output need only follow one of the lines. Sampling every ``MEASURE_SPACING_M`` may
    miss up to half that, which is added.
    """
    tree = shapely.STRtree(source)
    from_lines = to_lines = own = 0.0
    for i, (before, after) in enumerate(zip(source, output, strict=True)):
        # Densify in degrees: the output's edges are straight in lon/lat, where pins are tested.
        dense = shapely.segmentize(after.boundary, MEASURE_SPACING_M / 111_000)
        parts = [
            np.column_stack(to_metres.transform(*shapely.get_coordinates(p).T))
            for p in shapely.get_parts(dense)
        ]
        after_points = np.concatenate(parts)
        after_lines = SegmentIndex([shapely.linestrings(p) for p in parts])
        before_points = sample(before.boundary)
        contested = np.zeros(len(before_points), dtype=bool)
        for j in tree.query(before, predicate="intersects"):
            if j != i:
                shapely.prepare(source[j])
                contested |= shapely.contains_xy(source[j], *before_points.T)
        from_lines = max(from_lines, network.farthest(after_points))
        to_lines = max(to_lines, after_lines.farthest(before_points[~contested]))
        own = max(
            own,
            SegmentIndex([before.boundary]).farthest(after_points),
            after_lines.farthest(before_points),
        )
    half = MEASURE_SPACING_M / 2
    return from_lines + half, to_lines + half, own + half


def land_border(rings_by_feature: list[Rings]) -> list[tuple[int, int]]:
    """Massachusetts' border with its neighbour states on land, as grid points."""
    polygons = [p for rings in rings_by_feature for p in polygons_of(rings)]
    mainland = max(shapely.get_parts(shapely.union_all(polygons)), key=lambda p: p.area)
    ring = [
        tuple(p)
        for p in np.rint((shapely.get_coordinates(mainland.exterior)[:-1] - TRANSLATE) / QUANTUM)
        .astype(int)
        .tolist()
    ]
    ends = []
    for lon, lat in LAND_BORDER_ENDS:
        target = np.array([lon, lat])
        coords = np.array(ring) * QUANTUM + TRANSLATE
        metres = (coords - target) * [111_000 * np.cos(np.radians(lat)), 111_000]
        nearest = int(np.argmin(np.hypot(*metres.T)))
        if np.hypot(*metres[nearest]) > LAND_BORDER_SNAP_M:
            raise SystemExit(f"no coastline vertex within {LAND_BORDER_SNAP_M} m of {lon}, {lat}")
        ends.append(nearest)
    a, b = sorted(ends)
    inner = ring[a : b + 1]
    outer = ring[b:] + ring[: a + 1]
    westmost = min(ring)
    return inner if westmost in inner else outer


def topojson(
    layer: Layer, names: list[str], result: Result, lines: dict[str, list[list[tuple[int, int]]]]
) -> str:
    """The layer as TopoJSON: one object of features, plus ``lines`` as line objects."""
    arcs = ArcTable()
    arcs.find_junctions([r for polygons in result.rings for polygon in polygons for r in polygon])
    geometries = []
    order = sorted(range(len(names)), key=lambda i: names[i])
    for i in order:
        polygons = [[arcs.ring(r) for r in polygon] for polygon in result.rings[i]]
        properties: dict[str, Any] = {"name": names[i]}
        if layer.name == "towns":
            properties = {"id": slug(names[i]), "name": names[i]}
        geometries.append({"type": "MultiPolygon", "arcs": polygons, "properties": properties})
    objects: dict[str, Any] = {
        layer.name: {"type": "GeometryCollection", "geometries": geometries}
    }
    for name, parts in lines.items():
        objects[name] = {"type": "MultiLineString", "arcs": [[arcs.line(p)] for p in parts]}
    head = {
        "type": "Topology",
        "transform": {"scale": [QUANTUM, QUANTUM], "translate": list(TRANSLATE)},
        "meta": {
            "source": f"{SOURCE.as_posix()}/{layer.source} (MassGIS, EPSG:26986)",
            "generator": "scripts/import_geo.py",
            "max_displacement_m": round(result.moved_m, 2),
            "max_edge_tolerance_m": round(result.tolerance_m, 2),
            "max_distance_to_own_source_polygon_m": round(result.own_polygon_m, 2),
        },
        "objects": objects,
    }
    body = json.dumps(head, separators=(",", ":"), ensure_ascii=False)[:-1]
    encoded = ",\n".join(json.dumps(delta(a), separators=(",", ":")) for a in arcs.arcs)
    return f'{body},"arcs":[\n{encoded}\n]}}\n'


def delta(points: list[tuple[int, int]]) -> list[list[int]]:
    out = [list(points[0])]
    out += [[x - px, y - py] for (px, py), (x, y) in itertools.pairwise(points)]
    return out


class ArcTable:
    """TopoJSON arcs: every ring cut where it meets another, each shared piece stored once."""

    def __init__(self) -> None:
        self.arcs: list[list[tuple[int, int]]] = []
        self.index: dict[tuple[tuple[int, int], ...], int] = {}
        self.junctions: set[tuple[int, int]] = set()

    def find_junctions(self, rings: list[list[tuple[int, int]]]) -> None:
        """A point is a junction where the rings through it do not all share its neighbours."""
        neighbours: dict[tuple[int, int], set[frozenset[tuple[int, int]]]] = {}
        for ring in rings:
            open_ring = ring[:-1]
            n = len(open_ring)
            for i, point in enumerate(open_ring):
                pair = frozenset((open_ring[i - 1], open_ring[(i + 1) % n]))
                neighbours.setdefault(point, set()).add(pair)
        self.junctions = {p for p, pairs in neighbours.items() if len(pairs) > 1}

    def ring(self, ring: list[tuple[int, int]]) -> list[int]:
        open_ring = ring[:-1]
        cuts = [i for i, p in enumerate(open_ring) if p in self.junctions]
        if not cuts:
            start = open_ring.index(min(open_ring))
            rotated = open_ring[start:] + open_ring[:start]
            return [self._arc([*rotated, rotated[0]])]
        start = cuts[0]
        rotated = open_ring[start:] + open_ring[:start]
        rotated_cuts = [(i - start) % len(open_ring) for i in cuts] + [len(open_ring)]
        rotated.append(rotated[0])
        return [self._arc(rotated[a : b + 1]) for a, b in itertools.pairwise(rotated_cuts)]

    def line(self, points: list[tuple[int, int]]) -> int:
        return self._arc(points)

    def _arc(self, points: list[tuple[int, int]]) -> int:
        key = tuple(points)
        if key in self.index:
            return self.index[key]
        reverse = key[::-1]
        if reverse in self.index:
            return ~self.index[reverse]
        self.index[key] = len(self.arcs)
        self.arcs.append(points)
        return self.index[key]


if __name__ == "__main__":
    sys.exit(main())
