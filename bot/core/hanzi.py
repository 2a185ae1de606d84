"""Chinese written in traditional characters, read in simplified ones.

Residents from Taiwan, Hong Kong and older Boston Chinatown families write traditional
characters (我住麻州的牛頓); GeoNames and most sources give our towns' Chinese names in
simplified ones (牛顿), sometimes in both. The resolver reads every message, and keys every
Chinese name it knows, in simplified characters, so either writing finds the other.
OpenCC's "t2s" tables do the conversion: character by character and phrase by phrase,
kept up by the OpenCC project (github.com/BYVoid/OpenCC), where a hand-made table would
miss most of the 2,000-odd characters that differ. Kana and Hangul pass through unchanged.
"""

from __future__ import annotations

from collections.abc import Iterable

import opencc

_TO_SIMPLIFIED = opencc.OpenCC("t2s")


def simplified(text: str) -> str:
    """The text with traditional Chinese characters written as simplified ones."""
    return str(_TO_SIMPLIFIED.convert(text))


def simplified_all(items: Iterable[str]) -> tuple[str, ...]:
    """Each item simplified, without repeats, in order: for lists matched against a message."""
    return tuple(dict.fromkeys(simplified(item) for item in items))
