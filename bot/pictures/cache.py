"""Rendered pictures on disk, by a hash of what they show, and the Telegram file_id of each.

A picture is drawn once per distinct input (knowledge, highlighted town) and kept beside the
state database; after its first upload, the adapter records Telegram's ``file_id`` here and sends
that instead, so a thousand requests for the same map upload it once.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

KEEP_FILES = 1_000  # 352 maps per knowledge build (plain + one per town) fit several builds


def picture_dir(db_path: Path) -> Path:
    """The folder beside the state database: ``data/bot.sqlite3`` -> ``data/bot.pictures``."""
    return db_path.with_name(db_path.stem + ".pictures")


def key_of(kind: str, *parts: Any) -> str:
    """A stable key for a picture of ``kind`` drawn from ``parts`` (JSON-serialisable)."""
    blob = json.dumps([kind, *parts], sort_keys=True, separators=(",", ":"), default=str)
    return f"{kind}-{hashlib.sha256(blob.encode()).hexdigest()[:32]}"


class PictureCache:
    """PNG files by key in one folder, plus an in-memory key -> Telegram ``file_id`` map."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.file_ids: dict[str, str] = {}

    def path(self, key: str) -> Path:
        return self.folder / f"{key}.png"

    def get(self, key: str) -> bytes | None:
        try:
            return self.path(key).read_bytes()
        except FileNotFoundError:
            return None

    def put(self, key: str, data: bytes) -> Path:
        """Write atomically, so a reader never sees half a picture."""
        self.folder.mkdir(parents=True, exist_ok=True)
        target = self.path(key)
        tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        tmp.write_bytes(data)
        os.replace(tmp, target)
        return target

    def get_or_render(self, key: str, render: Callable[[], bytes]) -> bytes:
        """The cached picture, or ``render()``'s, stored first."""
        data = self.get(key)
        if data is None:
            data = render()
            self.put(key, data)
            self.prune()
        return data

    def file_id(self, key: str) -> str | None:
        """Telegram's id for the picture once uploaded (the adapter records it)."""
        return self.file_ids.get(key)

    def remember_file_id(self, key: str, file_id: str) -> None:
        self.file_ids[key] = file_id

    def prune(self, keep: int = KEEP_FILES) -> int:
        """Delete all but the ``keep`` most recently written pictures; return how many went."""
        files = sorted(self.folder.glob("*.png"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
        for old in files[keep:]:
            old.unlink(missing_ok=True)
            self.file_ids.pop(old.stem, None)
        return max(0, len(files) - keep)
