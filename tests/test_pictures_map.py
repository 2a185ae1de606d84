"""bot.pictures.map: the map of measures, its colours, legend, labels, highlight and cache."""

from __future__ import annotations

import io
from collections import Counter
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from bot import DEFAULT_KNOWLEDGE_DIR
from bot.geo import TownShapes, load_towns
from bot.kb.store import KnowledgeStore
from bot.pictures.cache import PictureCache, picture_dir
from bot.pictures.map import (
    CATEGORIES,
    LAYOUT,
    OUTLINE,
    STYLES,
    build_map_figure,
    cached_map,
    categories_from,
    map_key,
    render_map,
)
from tests.support import built_knowledge

AS_OF = "26 November 2026"
NOTE = "Sources: city and town records compiled by the campaign; town lines: MassGIS."


@pytest.fixture(scope="module")
def towns() -> TownShapes:
    return load_towns(DEFAULT_KNOWLEDGE_DIR)


@pytest.fixture(scope="module")
def categories() -> dict[str, str]:
    store = KnowledgeStore.open(DEFAULT_KNOWLEDGE_DIR, built_knowledge())
    try:
        return categories_from(store.standings())
    finally:
        store.close()


@pytest.fixture(scope="module")
def plain(towns: TownShapes, categories: dict[str, str]) -> Image.Image:
    return Image.open(io.BytesIO(render_map(towns, categories, AS_OF, NOTE))).convert("RGB")


@pytest.fixture(scope="module")
def highlighted(towns: TownShapes, categories: dict[str, str]) -> Image.Image:
    png = render_map(towns, categories, AS_OF, NOTE, highlight="pittsfield")
    return Image.open(io.BytesIO(png)).convert("RGB")


def rgb(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))  # type: ignore[return-value]


def pixels(image: Image.Image, box: tuple[int, int, int, int]) -> list[tuple[int, int, int]]:
    return [tuple(p) for p in np.asarray(image.crop(box)).reshape(-1, 3).tolist()]


def dominant(image: Image.Image, col: float, row: float, radius: int = 4) -> tuple[int, int, int]:
    """The most common colour in a small square around a pixel (hatching and edges aside)."""
    box = (int(col) - radius, int(row) - radius, int(col) + radius + 1, int(row) + radius + 1)
    colours: Counter[tuple[int, int, int]] = Counter(pixels(image, box))
    return colours.most_common(1)[0][0]


def close(a: tuple[int, int, int], b: tuple[int, int, int], tolerance: int = 12) -> bool:
    return all(abs(x - y) <= tolerance for x, y in zip(a, b, strict=True))


def test_the_colours_follow_the_one_classification(categories: dict[str, str]) -> None:
    assert categories["somerville"] == categories["worcester"] == "ban"
    assert categories["springfield"] == "moratorium"
    assert categories["lawrence"] == "oversight"
    assert "pittsfield" not in categories and "amherst" not in categories


def test_a_limit_is_shown_with_oversight_and_an_ended_ban_is_not_shown() -> None:
    from bot.kb.standing import Standing

    standings = {
        "a": Standing("limited", True, None),
        "b": Standing("ban", False, None),
        "c": Standing("moratorium", True, None),
    }
    assert categories_from(standings) == {"a": "oversight", "c": "moratorium"}


def test_the_map_is_wide_enough_for_a_phone(plain: Image.Image) -> None:
    assert plain.width >= 1200
    assert (plain.width, plain.height) == (LAYOUT.width, LAYOUT.height)


@pytest.mark.parametrize(
    ("town", "category"),
    [
        ("somerville", "ban"),
        ("worcester", "ban"),
        ("springfield", "moratorium"),
        ("lawrence", "oversight"),
        ("cambridge", "ban"),
        ("pittsfield", "none"),
        ("barnstable", "none"),
    ],
)
def test_each_town_has_its_category_colour(
    plain: Image.Image, towns: TownShapes, town: str, category: str
) -> None:
    point = towns.by_id()[town].geometry.representative_point()
    frame = LAYOUT.inset if LAYOUT.inset.contains(point.x, point.y) else LAYOUT.map
    col, row = frame.pixel(point.x, point.y)
    assert close(dominant(plain, col, row, radius=3), rgb(STYLES[category].colour))


def test_the_legend_shows_every_category(plain: Image.Image) -> None:
    for index, category in enumerate(CATEGORIES):
        left, top, right, bottom = LAYOUT.legend_swatch(index)
        centre = dominant(plain, (left + right) / 2, (top + bottom) / 2, radius=6)
        assert close(centre, rgb(STYLES[category].colour)), category


def test_the_texts_say_the_date_the_source_and_the_towns_with_a_measure(
    towns: TownShapes, categories: dict[str, str]
) -> None:
    figure = build_map_figure(towns, categories, AS_OF, NOTE)
    texts = {t.get_text() for t in figure.findobj(lambda a: hasattr(a, "get_text"))}
    assert any(AS_OF in t for t in texts) and NOTE in texts
    names = {s.id: s.name for s in towns.shapes}
    assert {names[t] for t in categories if t in names} <= texts
    assert "Pittsfield" not in texts
    assert {
        "Ban (7)",
        "Moratorium (1)",
        "Oversight or limits only (1)",
        "Nothing found (342)",
    } <= texts


def test_the_answer_town_is_outlined(
    plain: Image.Image, highlighted: Image.Image, towns: TownShapes
) -> None:
    outline = rgb(OUTLINE)
    # Pittsfield's boundary: its westernmost and easternmost points.
    shape = towns.by_id()["pittsfield"].geometry
    west, _, east, _ = shape.bounds
    for lon in (west, east):
        edge = shape.boundary.intersection(shape.boundary.envelope.boundary)
        col, row = LAYOUT.map.pixel(lon, next(p.y for p in edge.geoms if p.x == lon))
        box = (int(col) - 3, int(row) - 3, int(col) + 4, int(row) + 4)
        assert any(close(c, outline, 40) for c in pixels(highlighted, box))
        assert not any(close(c, outline, 40) for c in pixels(plain, box))
    assert (plain.width, plain.height) == (highlighted.width, highlighted.height)


def test_an_unknown_category_or_town_is_refused(towns: TownShapes) -> None:
    with pytest.raises(ValueError, match="categories"):
        render_map(towns, {"somerville": "banned"}, AS_OF, NOTE)
    with pytest.raises(ValueError, match="highlight"):
        render_map(towns, {}, AS_OF, NOTE, highlight="atlantis")


def test_a_map_is_drawn_once_then_read_from_the_cache(
    tmp_path: Path, towns: TownShapes, categories: dict[str, str]
) -> None:
    cache = PictureCache(picture_dir(tmp_path / "bot.sqlite3"))
    key, first = cached_map(cache, towns, categories, AS_OF, NOTE, highlight="worcester")
    assert cache.path(key).read_bytes() == first and cache.path(key).parent.name == "bot.pictures"
    cache.path(key).write_bytes(b"cached")  # proves the second call does not draw
    assert cached_map(cache, towns, categories, AS_OF, NOTE, highlight="worcester") == (
        key,
        b"cached",
    )
    assert cache.file_id(key) is None
    cache.remember_file_id(key, "AgACAgQAAxkBAAIB")
    assert cache.file_id(key) == "AgACAgQAAxkBAAIB"


def test_the_key_changes_with_anything_the_map_shows(
    towns: TownShapes, categories: dict[str, str]
) -> None:
    key = map_key(towns, categories, AS_OF, NOTE)
    assert key == map_key(towns, dict(reversed(categories.items())), AS_OF, NOTE)
    assert key != map_key(towns, categories, AS_OF, NOTE, highlight="boston")
    assert key != map_key(towns, {**categories, "pittsfield": "ban"}, AS_OF, NOTE)
    assert key != map_key(towns, categories, "1 December 2026", NOTE)
    assert key != map_key(TownShapes(towns.shapes, "other"), categories, AS_OF, NOTE)
