"""Massachusetts' towns and 2021 legislative districts as polygons: pin lookups and shapes."""

from bot.geo.index import COAST_TOLERANCE_M, NEAR_LINE_M, OUTSIDE, GeoIndex, Located
from bot.geo.towns import TownShape, TownShapes, load_towns

__all__ = [
    "COAST_TOLERANCE_M",
    "NEAR_LINE_M",
    "OUTSIDE",
    "GeoIndex",
    "Located",
    "TownShape",
    "TownShapes",
    "load_towns",
]
