"""Place ids: a slug of the official name (``North Adams`` -> ``north-adams``)."""

from __future__ import annotations

import re
import unicodedata

_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def slug(name: str) -> str:
    """Lowercase ``name``, drop accents and turn every run of other characters into one '-'."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return _NON_ALNUM.sub("-", ascii_name.lower()).strip("-")


def is_slug(value: str) -> bool:
    """Whether ``value`` is already a slug (what :func:`slug` returns for it)."""
    return bool(value) and slug(value) == value
