"""Ward and precinct typed as text."""

from __future__ import annotations

import pytest

from bot.core.wards import WardPrecinct, parse_ward_precinct


@pytest.mark.parametrize(
    ("text", "ward", "precinct"),
    [
        ("ward 19 precinct 5", "19", "5"),
        ("w19 p5", "19", "5"),
        ("W19P5", "19", "5"),
        ("Ward 3, Pct 2", "3", "2"),
        ("ward 3 prec 2", "3", "2"),
        ("I'm in ward 21, precinct 1", "21", "1"),
        ("ward 19-5", "19", "5"),
        ("ward 03 precinct 07", "3", "7"),
        ("ward 2 precinct 3A", "2", "3A"),
        ("ward 3", "3", None),
        ("my ward is 3", "3", None),
        ("my ward is 3 and the precinct is 2", "3", "2"),
        ("ward #4 precinct #1", "4", "1"),
        ("precinct 4", None, "4"),
        ("pct 12", None, "12"),
    ],
)
def test_a_typed_ward_and_precinct_are_read(
    text: str, ward: str | None, precinct: str | None
) -> None:
    found = parse_ward_precinct(text)
    if ward is None and precinct is None:
        assert found is None or found == WardPrecinct(None, None)
    else:
        assert found == WardPrecinct(ward, precinct)


@pytest.mark.parametrize("text", ["what's my ward?", "somerville", "02143", "I don't know", "w"])
def test_a_message_without_a_numbered_ward_or_precinct_is_none(text: str) -> None:
    assert parse_ward_precinct(text) is None
