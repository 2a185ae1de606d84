"""``python -m bot map``, ``qr`` and ``stats --chart``: pictures written to files, checked for
what they show (colours of known towns, decoded QR codes), and one-line errors."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import segno
import zxingcpp
from PIL import Image

from bot import DEFAULT_KNOWLEDGE_DIR
from bot.config import Settings
from bot.geo import load_towns
from bot.pictures.map import LAYOUT, OUTLINE, STYLES
from bot.storage import subscribers
from bot.storage.db import connect
from bot.storage.outcomes import record_outcome
from tests.fakebotapi import BOT_USERNAME, FakeBotAPI
from tests.support import TOKEN, make_settings, run_cli

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return make_settings(tmp_path, bot_username="PressPauseBot")


def colour_at(image: Image.Image, town: str, radius: int = 3) -> tuple[int, int, int]:
    """The most common colour around a town's representative point on the map."""
    from collections import Counter

    point = load_towns(DEFAULT_KNOWLEDGE_DIR).by_id()[town].geometry.representative_point()
    frame = LAYOUT.inset if LAYOUT.inset.contains(point.x, point.y) else LAYOUT.map
    col, row = frame.pixel(point.x, point.y)
    box = (int(col) - radius, int(row) - radius, int(col) + radius + 1, int(row) + radius + 1)
    found = Counter(colours(image.crop(box)))
    return found.most_common(1)[0][0]


def colours(image: Image.Image) -> list[tuple[int, int, int]]:
    return [tuple(p) for p in np.asarray(image.convert("RGB")).reshape(-1, 3).tolist()]


def load(path: Path) -> Image.Image:
    return Image.open(io.BytesIO(path.read_bytes()))


def rgb(colour: str) -> tuple[int, int, int]:
    return (int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16))


def near(a: Any, b: tuple[int, int, int], tolerance: int = 12) -> bool:
    return all(abs(x - y) <= tolerance for x, y in zip(a, b, strict=True))


def test_map_writes_the_coloured_map(settings: Settings, tmp_path: Path, capsys: Any) -> None:
    out = tmp_path / "out" / "map.png"
    assert run_cli(settings, "map", "--out", str(out)) == 0
    assert f"map written to {out}" in capsys.readouterr().out
    image = load(out).convert("RGB")
    assert image.width >= 1200 and image.size == (LAYOUT.width, LAYOUT.height)
    for town, category in [
        ("cambridge", "ban"),
        ("worcester", "ban"),
        ("springfield", "moratorium"),
        ("lawrence", "oversight"),
        ("pittsfield", "none"),
    ]:
        assert near(colour_at(image, town), rgb(STYLES[category].colour)), town
    for index, category in enumerate(("ban", "moratorium", "oversight", "none")):
        left, top, right, bottom = LAYOUT.legend_swatch(index)
        centre = image.getpixel(((left + right) // 2, (top + bottom) // 2 + 3))
        assert near(centre, rgb(STYLES[category].colour), 40), category


def test_map_town_outlines_the_town(settings: Settings, tmp_path: Path) -> None:
    out = tmp_path / "pittsfield.png"
    assert run_cli(settings, "map", "--out", str(out), "--town", "Pittsfield") == 0
    image = load(out).convert("RGB")
    shape = load_towns(DEFAULT_KNOWLEDGE_DIR).by_id()["pittsfield"].geometry
    lon, lat = shape.boundary.representative_point().coords[0]
    col, row = LAYOUT.map.pixel(lon, lat)
    box = image.crop((int(col) - 3, int(row) - 3, int(col) + 4, int(row) + 4))
    assert any(near(c, rgb(OUTLINE), 40) for c in colours(box))


def test_map_refuses_an_unknown_town_and_a_wrong_suffix(
    settings: Settings, tmp_path: Path, capsys: Any
) -> None:
    assert run_cli(settings, "map", "--out", str(tmp_path / "m.png"), "--town", "Atlantis") == 1
    assert "no Massachusetts municipality found for 'Atlantis'" in capsys.readouterr().err
    assert run_cli(settings, "map", "--out", str(tmp_path / "m.jpg")) == 1
    assert "name the file .png" in capsys.readouterr().err


def test_qr_png_decodes_to_the_deep_link(settings: Settings, tmp_path: Path) -> None:
    out = tmp_path / "cambridge.png"
    assert run_cli(settings, "qr", "town=cambridge", "--out", str(out)) == 0
    image = load(out).convert("RGB")
    found = [b.text for b in zxingcpp.read_barcodes(image)]
    assert found == ["https://t.me/PressPauseBot?start=town-cambridge"]
    assert image.height > image.width  # the name and the call to action under the code


def test_qr_svg_carries_the_code_of_the_link_and_the_towns_name(
    settings: Settings, tmp_path: Path
) -> None:
    out = tmp_path / "cambridge.svg"
    assert run_cli(settings, "qr", "town=Cambridge", "--out", str(out)) == 0
    root = ET.fromstring(out.read_text(encoding="utf-8"))
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert texts[0] == "Cambridge" and "Cambridge" in " ".join(texts[1:])
    expected = io.BytesIO()
    segno.make("https://t.me/PressPauseBot?start=town-cambridge", error="m").save(
        expected, kind="svg", scale=12, border=4
    )
    wanted = ET.fromstring(expected.getvalue()).find(f"{SVG}path")
    path = root.find(f"{SVG}g/{SVG}path")
    assert wanted is not None and path is not None
    assert path.attrib["d"] == wanted.attrib["d"]


def test_qr_all_writes_one_per_municipality(settings: Settings, tmp_path: Path) -> None:
    out = tmp_path / "flyers"
    assert run_cli(settings, "qr", "all", "--out", str(out), "--format", "svg") == 0
    files = sorted(out.glob("town-*.svg"))
    assert len(files) == 351
    assert (out / "town-north-adams.svg").exists()
    assert all(re.fullmatch(r"town-[a-z-]+\.svg", f.name) for f in files)


def test_qr_without_a_username_says_which_variable(tmp_path: Path, capsys: Any) -> None:
    settings = make_settings(tmp_path)
    assert run_cli(settings, "qr", "town=cambridge", "--out", str(tmp_path / "q.png")) == 2
    assert "BOT_USERNAME" in capsys.readouterr().err


def test_qr_with_a_token_uses_the_bots_own_username(
    fake_api_thread: FakeBotAPI, tmp_path: Path
) -> None:
    settings = make_settings(
        tmp_path, token=TOKEN, api_base_url=fake_api_thread.base_url, bot_username="Offline_bot"
    )
    out = tmp_path / "q.png"
    assert run_cli(settings, "qr", "town=somerville", "--out", str(out)) == 0
    found = [b.text for b in zxingcpp.read_barcodes(load(out).convert("RGB"))]
    assert found == [f"https://t.me/{BOT_USERNAME}?start=town-somerville"]


def test_qr_an_ambiguous_name_lists_the_towns(
    settings: Settings, tmp_path: Path, capsys: Any
) -> None:
    assert run_cli(settings, "qr", "town=Brook", "--out", str(tmp_path / "q.png")) == 1
    err = capsys.readouterr().err
    assert "Brookline (town=brookline)" in err and "Brookfield (town=brookfield)" in err


def test_stats_chart_writes_the_chart_with_the_text(
    settings: Settings, tmp_path: Path, capsys: Any
) -> None:
    conn = connect(settings.db_path)
    for chat in range(10):
        subscribers.subscribe(conn, chat, "somerville", "en", today=date.today())
    for _ in range(6):
        record_outcome(conn, "house", "27th Middlesex", "talked", date.today())
    conn.close()
    out = tmp_path / "stats.png"
    assert run_cli(settings, "stats", "--chart", str(out)) == 0
    printed = capsys.readouterr().out
    assert "Calls and emails reported: 6" in printed and f"chart written to {out}" in printed
    image = load(out)
    assert image.width >= 1200
    assert run_cli(settings, "stats", "--chart", str(tmp_path / "stats.jpg")) == 1
