"""The guard that keeps a stale mypyc build from shadowing an edited source (setup.py)."""

from __future__ import annotations

import os
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

import bot.core
from bot.core import stale


def _files(folder: Path, source_time: float, built_time: float | None) -> None:
    for name in bot.core.COMPILED:
        source = folder / f"{name}.py"
        source.write_text("", encoding="utf-8")
        os.utime(source, (source_time, source_time))
        if built_time is not None:
            built = folder / f"{name}{EXTENSION_SUFFIXES[0]}"
            built.write_bytes(b"")
            os.utime(built, (built_time, built_time))


def test_a_build_newer_than_its_sources_is_used(tmp_path: Path) -> None:
    _files(tmp_path, source_time=1_000, built_time=2_000)
    assert not stale(tmp_path)


def test_no_build_is_not_stale(tmp_path: Path) -> None:
    _files(tmp_path, source_time=1_000, built_time=None)
    assert not stale(tmp_path)


def test_a_source_edited_after_the_build_makes_it_stale(tmp_path: Path) -> None:
    _files(tmp_path, source_time=1_000, built_time=2_000)
    edited = tmp_path / "typos.py"
    os.utime(edited, (3_000, 3_000))
    assert stale(tmp_path)
