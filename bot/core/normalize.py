"""Turn what people type into comparable tokens.

Everything the resolver compares goes through :func:`tokens` and :func:`canonical`, so names in the
knowledge base and words in a message meet in the same form: accents and case folded, punctuation
dropped, the abbreviations people really type expanded ("Mt" -> "mount", "N." -> "north",
"Gt" -> "great"), and the "-boro" spelling of "-borough" towns made one with the official one.
"""

from __future__ import annotations

import re
import unicodedata

# Abbreviations seen in Massachusetts place names and in how residents write them. Expanding them
# in both the names and the query means "N. Adams", "No Adams" and "North Adams" are one key.
ABBREVIATIONS = {
    "mt": "mount",
    "mtn": "mount",
    "n": "north",
    "no": "north",
    "s": "south",
    "so": "south",
    "e": "east",
    "w": "west",
    "gt": "great",
    "grt": "great",
    "ctr": "center",
    "centre": "center",
    "pt": "port",
    "st": "saint",
    "ft": "fort",
    "twp": "township",
    "pk": "park",
    "sq": "square",
    "hts": "heights",
    "vlg": "village",
    "fls": "falls",
    "jct": "junction",
    "bch": "beach",
    "hls": "hills",
    "hvn": "haven",
    # The Postal Service's shortened names (ma_place_aliases.csv: "Spfld", "E Bridgewtr",
    # "W Chesterfld", "Dorchestr Ctr"): a word of a name, so "w spfld" is West Springfield.
    "spfld": "springfield",
    "bridgewtr": "bridgewater",
    "chesterfld": "chesterfield",
    "dorchestr": "dorchester",
    # "Nueva Bedford", "Nova Bedford": how Spanish and Portuguese speakers say New Bedford.
    "nueva": "new",
    "nuevo": "new",
    "nova": "new",
    "novo": "new",
}

_APOSTROPHES = re.compile(r"['’`´]")
# Letters that Unicode does not decompose into a base letter and a mark: Vietnamese "đ" ("để",
# to, folded to "e", read as East), Polish "ł", Danish and Norwegian "ø", and the ligatures.
_UNDECOMPOSED = str.maketrans(
    {"đ": "d", "Đ": "D", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE",
     "œ": "oe", "Œ": "OE", "ß": "ss", "ı": "i", "ħ": "h"}
)  # fmt: skip
_NON_WORD = re.compile(r"[^0-9a-z]+")


def fold(text: str) -> str:
    """Lowercase, strip accents and apostrophes, turn every other non-alphanumeric into a space."""
    if text.isascii():  # most messages: nothing to decompose
        ascii_text = text.casefold()
    else:
        decomposed = unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSED))
        ascii_text = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    ascii_text = ascii_text.replace("&", " and ")
    ascii_text = _APOSTROPHES.sub("", ascii_text)
    return _NON_WORD.sub(" ", ascii_text).strip()


def tokens(text: str) -> list[str]:
    """Split folded text into words."""
    return fold(text).split()


def canonical_token(token: str) -> str:
    """Expand an abbreviation and the "-boro" spelling (Marlboro -> marlborough)."""
    token = ABBREVIATIONS.get(token, token)
    if token.endswith("boro") and len(token) > 5:
        token += "ugh"
    return token


def canonical(words: list[str] | tuple[str, ...]) -> str:
    """The lookup key of a run of words."""
    return " ".join(canonical_token(word) for word in words)


def compact(key: str) -> str:
    """The key without spaces: "newbury port" and "newburyport" meet here."""
    return key.replace(" ", "")
