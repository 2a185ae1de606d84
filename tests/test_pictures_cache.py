"""bot.pictures.cache: pictures on disk by key, Telegram file_ids in memory."""

from __future__ import annotations

import os
from pathlib import Path

from bot.pictures.cache import PictureCache, key_of, picture_dir


def test_the_cache_sits_beside_the_state_database() -> None:
    assert picture_dir(Path("data/bot.sqlite3")) == Path("data/bot.pictures")


def test_keys_are_stable_and_change_with_the_input() -> None:
    assert key_of("map", 1, "a") == key_of("map", 1, "a")
    assert key_of("map", 1, "a") != key_of("map", 1, "b")
    assert key_of("map", 1).startswith("map-")


def test_render_runs_once_per_key(tmp_path: Path) -> None:
    cache = PictureCache(tmp_path / "pictures")
    calls: list[int] = []

    def render() -> bytes:
        calls.append(1)
        return b"png"

    assert cache.get_or_render("k", render) == b"png"
    assert cache.get_or_render("k", render) == b"png"
    assert calls == [1]
    assert not [p for p in cache.folder.iterdir() if p.name.startswith(".")]


def test_prune_keeps_the_newest_and_forgets_their_file_ids(tmp_path: Path) -> None:
    cache = PictureCache(tmp_path)
    for i in range(5):
        path = cache.put(f"k{i}", b"x")
        os.utime(path, ns=(i * 10**9, i * 10**9))
        cache.remember_file_id(f"k{i}", f"id{i}")
    assert cache.prune(keep=2) == 3
    assert sorted(p.stem for p in tmp_path.glob("*.png")) == ["k3", "k4"]
    assert cache.file_id("k0") is None and cache.file_id("k4") == "id4"
