"""bot.pictures.qr: flyer QR codes that decode to the town's deep link."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import zxingcpp
from PIL import Image, ImageDraw

from bot.pictures.qr import qr_png, qr_svg, town_link, write_flyer_codes

CTA = "Scan to see what your town has on record, and ask it to press pause"


def decode(png: bytes) -> list[str]:
    return [r.text for r in zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))]


def test_the_link_is_the_bots_town_deep_link() -> None:
    assert town_link("PressPauseBot", "north-adams") == (
        "https://t.me/PressPauseBot?start=town-north-adams"
    )


def test_the_png_decodes_to_the_url_and_has_room_for_the_texts() -> None:
    url = town_link("PressPauseBot", "manchester-by-the-sea")
    png = qr_png(url, "Manchester-by-the-Sea", CTA)
    image = Image.open(io.BytesIO(png))
    assert decode(png) == [url]
    assert image.height > image.width  # the title and the call to action under the code
    # The band under the code is not blank: the texts are drawn there.
    band = image.convert("L").crop((0, image.width - 40, image.width, image.height))
    assert min(band.getextrema()) < 64


def test_the_svg_is_valid_xml_with_the_texts() -> None:
    svg = qr_svg(town_link("PressPauseBot", "boston"), "Boston & Co <test>", CTA)
    root = ET.fromstring(svg)
    texts = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert texts[0] == "Boston & Co <test>"
    assert " ".join(texts[1:]) == CTA
    assert root.find("{http://www.w3.org/2000/svg}g/{http://www.w3.org/2000/svg}path") is not None


def test_the_svg_code_decodes_to_the_url_once_rasterised() -> None:
    # Draw the SVG's path modules with Pillow, as a printer would, and decode them.
    url = town_link("PressPauseBot", "worcester")
    root = ET.fromstring(qr_svg(url, "Worcester", CTA))
    path = root.find("{http://www.w3.org/2000/svg}g/{http://www.w3.org/2000/svg}path")
    assert path is not None
    image = Image.new("L", (int(root.attrib["width"]), int(root.attrib["height"])), 255)
    group = root.find("{http://www.w3.org/2000/svg}g")
    assert group is not None
    offset = float(re.search(r"translate\(([\d.]+)", group.attrib["transform"]).group(1))  # type: ignore[union-attr]
    _draw_path(image, path.attrib["d"], path.attrib.get("transform", ""), offset)
    assert [r.text for r in zxingcpp.read_barcodes(image)] == [url]


def test_one_file_per_town(tmp_path: Path) -> None:
    towns = [("abington", "Abington"), ("north-adams", "North Adams")]
    written = write_flyer_codes(tmp_path, towns, "PressPauseBot", CTA)
    assert [p.name for p in written] == ["town-abington.png", "town-north-adams.png"]
    assert decode(written[1].read_bytes()) == [town_link("PressPauseBot", "north-adams")]
    svgs = write_flyer_codes(tmp_path / "svg", towns, "PressPauseBot", CTA, kind="svg")
    assert ET.fromstring(svgs[0].read_text(encoding="utf-8")).tag.endswith("svg")


def _draw_path(image: Image.Image, d: str, transform: str, offset: float) -> None:
    """segno's path: "M x y", then "h n" (a run of dark modules) and "m dx dy" moves."""
    found = re.search(r"scale\(([\d.]+)\)", transform)
    scale = float(found.group(1)) if found else 1.0
    draw = ImageDraw.Draw(image)
    x = y = 0.0
    for command, a, b in re.findall(r"([Mmh])(-?[\d.]+)(?:\s+(-?[\d.]+))?", d):
        if command == "M":
            x, y = float(a), float(b)
        elif command == "m":
            x, y = x + float(a), y + float(b)
        else:
            left, top = offset + x * scale, (y - 0.5) * scale
            draw.rectangle([left, top, left + float(a) * scale - 1, top + scale - 1], fill=0)
            x += float(a)
