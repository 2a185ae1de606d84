"""The map: Massachusetts' 351 municipalities coloured by what is on record (issue 12).

``render_map`` draws a PNG at least 1,200 px wide with a legend, the as-of date, a one-line
source note, labels for every town with a measure (Greater Boston's in an inset) and, when the
picture answers about one town, that town outlined. The palette is Okabe-Ito's, which people
with the common forms of colour blindness tell apart, and bans are also hatched.

matplotlib is imported when a map is drawn, not when the bot starts.
"""

from __future__ import annotations

import io
import math
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import shapely

from bot.geo.towns import TownShapes
from bot.kb.standing import Standing
from bot.pictures.cache import PictureCache, key_of

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

CATEGORIES = ("ban", "moratorium", "oversight", "none")


@dataclass(frozen=True)
class Style:
    colour: str  # fill, "#rrggbb"
    hatch: str = ""  # matplotlib hatch pattern, drawn in white


# Okabe & Ito (2008), "Color Universal Design": vermillion, orange, sky blue; grey for nothing.
STYLES = {
    "ban": Style("#D55E00", "///"),
    "moratorium": Style("#E69F00"),
    "oversight": Style("#56B4E9"),
    "none": Style("#E2E2E2"),
}
OUTLINE = "#000000"  # the highlighted town


@dataclass(frozen=True)
class MapTexts:
    """The words on the map (English; the caller may pass a translation)."""

    title: str = "Government face surveillance: what Massachusetts' 351 cities and towns have"
    as_of: str = "On record as of {as_of}"
    legend_title: str = "On record"
    ban: str = "Ban"
    moratorium: str = "Moratorium"
    oversight: str = "Oversight or limits only"
    none: str = "Nothing found"
    inset: str = "Greater Boston"

    def category(self, name: str) -> str:
        return str(getattr(self, name))


@dataclass(frozen=True)
class Frame:
    """Where lon/lat lands in pixels: a plane scaled by cos(latitude), keeping shapes true."""

    lon_min: float
    lon_max: float
    lat_min: float
    lat_max: float
    left: float  # pixel column of lon_min
    top: float  # pixel row of lat_max
    width: float  # pixels from lon_min to lon_max

    @property
    def scale(self) -> float:
        """Pixels per degree of latitude."""
        return self.width / ((self.lon_max - self.lon_min) * _COS)

    @property
    def height(self) -> float:
        return (self.lat_max - self.lat_min) * self.scale

    def pixel(self, lon: float, lat: float) -> tuple[float, float]:
        """(column, row) of a point in the PNG, row 0 at the top."""
        return (
            self.left + (lon - self.lon_min) * _COS * self.scale,
            self.top + (self.lat_max - lat) * self.scale,
        )

    def contains(self, lon: float, lat: float) -> bool:
        return self.lon_min <= lon <= self.lon_max and self.lat_min <= lat <= self.lat_max


_COS = math.cos(math.radians(42.05))
WIDTH = 1600  # px: readable on a phone once zoomed, and above the 1,200
DPI = 100
_MARGIN = 20
_TITLE = 100  # px above the map for the title and the as-of date
_FOOTER = 50  # px below it for the source note
_MAP = Frame(-73.56, -69.86, 41.19, 42.93, _MARGIN, _TITLE, WIDTH - 2 * _MARGIN)
HEIGHT = _TITLE + math.ceil(_MAP.height) + _FOOTER
# Greater Boston, enlarged where Rhode Island and Connecticut would be, beside the legend.
_INSET_AREA = (-71.205, -70.955, 42.282, 42.445)
_INSET_LEFT, _INSET_TOP = _MAP.pixel(-72.62, 41.97)
_INSET = Frame(*_INSET_AREA, _INSET_LEFT, _INSET_TOP, 470)
# The legend sits where Connecticut and Rhode Island would be.
_LEGEND_LEFT, _LEGEND_TOP = _MAP.pixel(-73.50, 41.92)
_SWATCH = (44, 28)  # px
_LEGEND_ROW = 40  # px between rows


@dataclass(frozen=True)
class Layout:
    """Where things are drawn, in PNG pixels (for the tests and for anyone cropping)."""

    width: int = WIDTH
    height: int = HEIGHT
    map: Frame = _MAP
    inset: Frame = _INSET

    def legend_swatch(self, index: int) -> tuple[int, int, int, int]:
        """(left, top, right, bottom) of the legend's ``index``-th colour box."""
        top = int(_LEGEND_TOP + 50 + index * _LEGEND_ROW)
        left = int(_LEGEND_LEFT + 12)
        return left, top, left + _SWATCH[0], top + _SWATCH[1]


LAYOUT = Layout()


def render_map(
    towns: TownShapes,
    categories: Mapping[str, str],
    as_of: str,
    source_note: str,
    highlight: str | None = None,
    texts: MapTexts | None = None,
) -> bytes:
    """The map as PNG bytes. ``categories``: place id -> one of ``CATEGORIES`` (others: none)."""
    figure = build_map_figure(towns, categories, as_of, source_note, highlight, texts)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI, facecolor="white", metadata={"Software": None})
    return buffer.getvalue()


def build_map_figure(
    towns: TownShapes,
    categories: Mapping[str, str],
    as_of: str,
    source_note: str,
    highlight: str | None = None,
    texts: MapTexts | None = None,
) -> Figure:
    """The map's matplotlib figure (``render_map`` saves it), for tests that read its texts."""
    from matplotlib import rc_context
    from matplotlib.figure import Figure

    texts = texts or MapTexts()
    unknown = sorted({c for c in categories.values() if c not in STYLES})
    if unknown:
        raise ValueError(f"unknown map categories: {', '.join(unknown)}")
    if highlight is not None and highlight not in {t.id for t in towns.shapes}:
        raise ValueError(f"unknown town to highlight: {highlight!r}")
    category = {t.id: categories.get(t.id, "none") for t in towns.shapes}
    figure = Figure(figsize=(WIDTH / DPI, HEIGHT / DPI), dpi=DPI, facecolor="white")
    with rc_context({"hatch.color": "white", "hatch.linewidth": 1.6}):
        main = _axes(figure, _MAP)
        _draw_towns(main, _MAP, towns, category, highlight, edge_width=0.35)
        inset = _axes(figure, _INSET)
        _draw_towns(inset, _INSET, towns, category, highlight, edge_width=0.8)
        from matplotlib.patches import Rectangle

        inset.add_patch(
            Rectangle(
                (0, 0), 1, 1, transform=inset.transAxes, fill=False, edgecolor="#555555", lw=1
            )
        )
        _mark_inset(main)
        _labels(main, inset, towns, category)
        _legend(figure, Counter(category.values()), texts)
    px = 72 / DPI  # points per pixel
    figure.text(_MARGIN / WIDTH, 1 - 38 / HEIGHT, texts.title, fontsize=28 * px, weight="bold")
    figure.text(
        _MARGIN / WIDTH, 1 - 78 / HEIGHT, texts.as_of.format(as_of=as_of), fontsize=22 * px
    )
    figure.text(
        _INSET.left / WIDTH,
        1 - (_INSET.top - 10) / HEIGHT,
        texts.inset,
        fontsize=18 * px,
        weight="bold",
    )
    figure.text(
        _MARGIN / WIDTH, 18 / HEIGHT, _one_line(source_note), fontsize=17 * px, color="#333333"
    )
    return figure


def _axes(figure: Figure, frame: Frame) -> Axes:
    """Axes whose data units are (lon - lon_min) * cos(42.05°) and lat, at ``frame``'s pixels."""
    height = frame.height
    axes = figure.add_axes(
        (
            frame.left / WIDTH,
            1 - (frame.top + height) / HEIGHT,
            frame.width / WIDTH,
            height / HEIGHT,
        )
    )
    axes.set_xlim(0, (frame.lon_max - frame.lon_min) * _COS)
    axes.set_ylim(frame.lat_min, frame.lat_max)
    axes.set_axis_off()
    return axes


def _paths(geometry: shapely.Geometry, frame: Frame) -> Any:
    from matplotlib.path import Path as MplPath

    vertices: list[Any] = []
    codes: list[Any] = []
    for polygon in shapely.get_parts(geometry):
        for ring in [polygon.exterior, *polygon.interiors]:
            xy = shapely.get_coordinates(ring).copy()
            xy[:, 0] = (xy[:, 0] - frame.lon_min) * _COS
            vertices.extend(xy)
            codes.extend([MplPath.MOVETO] + [MplPath.LINETO] * (len(xy) - 2) + [MplPath.CLOSEPOLY])
    return MplPath(vertices, codes)


def _draw_towns(
    axes: Axes,
    frame: Frame,
    towns: TownShapes,
    category: dict[str, str],
    highlight: str | None,
    edge_width: float,
) -> None:
    from matplotlib.collections import PathCollection

    for name, style in STYLES.items():
        paths = [_paths(t.geometry, frame) for t in towns.shapes if category[t.id] == name]
        if not paths:
            continue
        axes.add_collection(
            PathCollection(
                paths,
                facecolor=style.colour,
                edgecolor="white",
                linewidth=edge_width,
                hatch=style.hatch or None,
            )
        )
    if highlight is not None:
        shape = towns.by_id()[highlight]
        path = _paths(shape.geometry, frame)
        for colour, width in (("white", 6.0), (OUTLINE, 3.0)):
            axes.add_collection(
                PathCollection(
                    [path], facecolor="none", edgecolor=colour, linewidth=width * 72 / DPI
                )
            )


def _mark_inset(main: Axes) -> None:
    from matplotlib.patches import Rectangle

    west, east, south, north = _INSET_AREA
    main.add_patch(
        Rectangle(
            ((west - _MAP.lon_min) * _COS, south),
            (east - west) * _COS,
            north - south,
            facecolor="none",
            edgecolor="#555555",
            linewidth=1.0,
        )
    )


def _labels(main: Axes, inset: Axes, towns: TownShapes, category: dict[str, str]) -> None:
    """Name every town with a measure, just above it, moved aside when two labels would collide."""
    import matplotlib.patheffects as effects

    placed: list[tuple[float, float, float, float]] = []
    halo = [effects.withStroke(linewidth=3.5, foreground="white")]
    for shape in sorted(towns.shapes, key=lambda t: t.name):
        if category[shape.id] == "none":
            continue
        point = shape.geometry.representative_point()
        frame, axes = (_INSET, inset) if _INSET.contains(point.x, point.y) else (_MAP, main)
        col, row = frame.pixel(point.x, point.y)
        size = 19
        width = 0.56 * size * len(shape.name)
        for dx, dy in ((0, -22), (0, 22), (width / 2 + 14, 0), (-width / 2 - 14, 0), (0, -46)):
            box = (
                col + dx - width / 2,
                row + dy - size / 2,
                col + dx + width / 2,
                row + dy + size / 2,
            )
            if not any(_overlap(box, other) for other in placed):
                break
        placed.append(box)
        x = (point.x - frame.lon_min) * _COS + dx / frame.scale
        y = point.y - dy / frame.scale
        axes.annotate(
            shape.name,
            xy=((point.x - frame.lon_min) * _COS, point.y),
            xytext=(x, y),
            ha="center",
            va="center",
            fontsize=size * 72 / DPI,
            weight="bold",
            color="#111111",
            path_effects=halo,
            arrowprops={"arrowstyle": "-", "color": "#111111", "linewidth": 0.8, "shrinkB": 7},
            annotation_clip=False,
        )


def _overlap(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _legend(figure: Figure, counts: Counter[str], texts: MapTexts) -> None:
    from matplotlib.patches import Rectangle

    px = 72 / DPI
    left, top = _LEGEND_LEFT, _LEGEND_TOP
    figure.text(
        left / WIDTH, 1 - (top + 22) / HEIGHT, texts.legend_title, fontsize=21 * px, weight="bold"
    )
    for i, name in enumerate(CATEGORIES):
        box = LAYOUT.legend_swatch(i)
        style = STYLES[name]
        figure.add_artist(
            Rectangle(
                (box[0] / WIDTH, 1 - box[3] / HEIGHT),
                _SWATCH[0] / WIDTH,
                _SWATCH[1] / HEIGHT,
                transform=figure.transFigure,
                facecolor=style.colour,
                edgecolor="#555555",
                linewidth=0.8,
                hatch=style.hatch or None,
            )
        )
        figure.text(
            (box[2] + 12) / WIDTH,
            1 - (box[1] + _SWATCH[1] / 2) / HEIGHT,
            f"{texts.category(name)} ({counts.get(name, 0)})",
            fontsize=19 * px,
            va="center",
        )


def _one_line(text: str, limit: int = 150) -> str:
    """The note on one line, cut with an ellipsis past what fits under the map."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def categories_from(standings: Mapping[str, Standing]) -> dict[str, str]:
    """Place id -> map category, from the one classification answers use (``bot.kb.standing``).

    Only a measure in force colours a town; a limit on use is shown with oversight rules
    ("oversight or limits only"): neither forbids the technology.
    """
    found = {
        "ban": "ban",
        "moratorium": "moratorium",
        "limited": "oversight",
        "oversight": "oversight",
    }
    return {
        place_id: found[standing.label]
        for place_id, standing in standings.items()
        if standing.label in found
    }


MAP_VERSION = 1  # bump when the drawing changes, so cached maps are redrawn


def map_key(
    towns: TownShapes,
    categories: Mapping[str, str],
    as_of: str,
    source_note: str,
    highlight: str | None = None,
    texts: MapTexts | None = None,
) -> str:
    """The cache key of a map: a hash of everything it shows."""
    return key_of(
        "map",
        MAP_VERSION,
        towns.digest,
        sorted(categories.items()),
        as_of,
        source_note,
        highlight,
        vars(texts or MapTexts()),
    )


def cached_map(
    cache: PictureCache,
    towns: TownShapes,
    categories: Mapping[str, str],
    as_of: str,
    source_note: str,
    highlight: str | None = None,
    texts: MapTexts | None = None,
) -> tuple[str, bytes]:
    """(key, PNG): from the cache, or drawn and stored. Send ``cache.file_id(key)`` if known."""
    key = map_key(towns, categories, as_of, source_note, highlight, texts)
    png = cache.get_or_render(
        key, lambda: render_map(towns, categories, as_of, source_note, highlight, texts)
    )
    return key, png
