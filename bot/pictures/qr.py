"""QR codes for flyers (issue 12): a town's deep link, with its name and a call to action under it.

PNG (Pillow, for printing at home) and SVG (for designers), both from segno's QR code.
"""

from __future__ import annotations

import io
import textwrap
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Literal
from xml.sax.saxutils import escape

import segno

# 'M' recovers from 15% damage: enough for a printed, folded flyer, and the code stays small.
ERROR_LEVEL = "m"
SCALE = 12  # px per module: a version 3-4 code is about 500 px, sharp on an A5 flyer
BORDER = 4  # modules of quiet zone, as the standard asks
_TITLE_PX, _CTA_PX, _PAD = 44, 28, 24
SVG_NS = "http://www.w3.org/2000/svg"


def town_link(bot_username: str, place_id: str) -> str:
    """The bot's deep link for a town, as ``bot/core/answers.py`` shares it."""
    return f"https://t.me/{bot_username}?start=town-{place_id}"


def qr_png(url: str, title: str, call_to_action: str) -> bytes:
    """A PNG: the QR code of ``url``, the title under it, then the call to action."""
    from PIL import Image, ImageDraw

    code = segno.make(url, error=ERROR_LEVEL)
    raw = io.BytesIO()
    code.save(raw, kind="png", scale=SCALE, border=BORDER)
    qr = Image.open(raw).convert("RGB")
    title_font, cta_font = _font(_TITLE_PX, bold=True), _font(_CTA_PX)
    width = max(qr.width, 640)
    lines = [(line, title_font, _TITLE_PX) for line in _wrap(title, width - 2 * _PAD, _TITLE_PX)]
    cta = _wrap(call_to_action, width - 2 * _PAD, _CTA_PX)
    lines += [(line, cta_font, _CTA_PX) for line in cta]
    height = qr.height + sum(int(size * 1.3) for _, _, size in lines) + _PAD
    picture = Image.new("RGB", (width, height), "white")
    picture.paste(qr, ((width - qr.width) // 2, 0))
    draw = ImageDraw.Draw(picture)
    y = qr.height
    for line, font, size in lines:
        draw.text((width / 2, y), line, fill="black", font=font, anchor="ma")
        y += int(size * 1.3)
    out = io.BytesIO()
    picture.save(out, format="PNG", optimize=True)
    return out.getvalue()


def qr_svg(url: str, title: str, call_to_action: str) -> str:
    """The same as an SVG document, the texts as real (selectable, scalable) text."""
    code = segno.make(url, error=ERROR_LEVEL)
    raw = io.BytesIO()
    code.save(
        raw, kind="svg", scale=SCALE, border=BORDER, xmldecl=False, svgclass=None, lineclass=None
    )
    qr_root = ET.fromstring(raw.getvalue())
    size = int(float(qr_root.attrib["width"]))
    path = qr_root.find(f"{{{SVG_NS}}}path")
    assert path is not None, "segno's SVG has one path"
    width = max(size, 640)
    lines = [(line, _TITLE_PX, "bold") for line in _wrap(title, width - 2 * _PAD, _TITLE_PX)]
    cta = _wrap(call_to_action, width - 2 * _PAD, _CTA_PX)
    lines += [(line, _CTA_PX, "normal") for line in cta]
    height = size + sum(int(px * 1.3) for _, px, _ in lines) + _PAD
    out = [
        f'<svg xmlns="{SVG_NS}" width="{width}" height="{height}" viewBox="0 0 {width} {height}">',
        f'<rect width="{width}" height="{height}" fill="#fff"/>',
        f'<g transform="translate({(width - size) // 2},0)">'
        f'<path d="{path.attrib["d"]}" transform="{path.attrib.get("transform", "")}" '
        f'stroke="#000" fill="none"/></g>',
    ]
    y = size
    for line, px, weight in lines:
        y += int(px * 1.3)
        out.append(
            f'<text x="{width / 2:g}" y="{y - int(px * 0.3)}" text-anchor="middle" '
            f'font-family="DejaVu Sans, Arial, sans-serif" font-size="{px}" '
            f'font-weight="{weight}">{escape(line)}</text>'
        )
    out.append("</svg>")
    return "\n".join(out) + "\n"


def write_flyer_codes(
    folder: Path,
    towns: Iterable[tuple[str, str]],
    bot_username: str,
    call_to_action: str,
    kind: Literal["png", "svg"] = "png",
) -> list[Path]:
    """One QR file per town, ``town-<id>.<kind>``, from (place id, name) pairs; the paths."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for place_id, name in towns:
        url = town_link(bot_username, place_id)
        path = folder / f"town-{place_id}.{kind}"
        if kind == "png":
            path.write_bytes(qr_png(url, name, call_to_action))
        else:
            path.write_text(qr_svg(url, name, call_to_action), encoding="utf-8")
        written.append(path)
    return written


def _wrap(text: str, width_px: int, size_px: int) -> list[str]:
    """Lines that fit ``width_px`` at about 0.58 em per character."""
    return textwrap.wrap(" ".join(text.split()), max(8, int(width_px / (0.58 * size_px)))) or [""]


def _font(size: int, bold: bool = False) -> Any:
    """DejaVu Sans, which matplotlib ships, so the flyers look the same on every machine."""
    import matplotlib
    from PIL import ImageFont

    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    return ImageFont.truetype(str(Path(matplotlib.get_data_path()) / "fonts" / "ttf" / name), size)
