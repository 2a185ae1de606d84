"""Test helpers: the project's knowledge built once per test run, copied per test."""

from __future__ import annotations

import functools
import importlib.util
import shutil
import tempfile
from pathlib import Path
from types import ModuleType
from typing import Any

from bot import DEFAULT_KNOWLEDGE_DIR
from bot.config import Settings
from bot.kb.build import build

TOKEN = "123456:TEST-TOKEN"


@functools.cache
def built_knowledge() -> Path:
    """Build the committed knowledge once per test session; return the database file."""
    folder = Path(tempfile.mkdtemp(prefix="kb-"))
    path = folder / "knowledge.sqlite3"
    build(DEFAULT_KNOWLEDGE_DIR, path)
    return path


# Fast settings for a bot under test: the fake server enforces no limits unless asked, and
# tests send several messages to one chat within a second.
FAST = {"broadcast_rate": 1000.0, "per_chat_rate": 100.0, "flood_messages": 50}


def bot_settings(api_base_url: str, folder: Path, **overrides: object) -> Settings:
    """Settings for the real Application against a fake Bot API at ``api_base_url``."""
    values: dict[str, object] = {"token": TOKEN, "api_base_url": api_base_url, **FAST}
    return make_settings(folder, **{**values, **overrides})


def make_settings(folder: Path, **overrides: object) -> Settings:
    """Settings whose state database lives in ``folder``, with the knowledge already built."""
    settings = Settings(db_path=folder / "bot.sqlite3", **overrides)  # type: ignore[arg-type]
    shutil.copyfile(built_knowledge(), settings.knowledge_db_path)
    return settings


def run_cli(settings: Settings, *argv: str) -> int:
    """Run one ``python -m bot`` command in this process with ``settings``, errors included."""
    from bot.cli import build_parser, dispatch

    return dispatch(settings, build_parser().parse_args(argv))


def inline_buttons(params: dict[str, Any]) -> list[dict[str, Any]]:
    """The inline buttons of a sent message's parameters, row after row."""
    markup = params.get("reply_markup") or {}
    return [button for row in markup.get("inline_keyboard", []) for button in row]


def callback_data(params: dict[str, Any]) -> dict[str, str]:
    """Label -> callback data of a sent message's inline buttons (URL buttons left out)."""
    return {b["text"]: b["callback_data"] for b in inline_buttons(params) if "callback_data" in b}


def load_script(path: Path) -> ModuleType:
    """A script of ``scripts/`` imported as a module, to test its functions."""
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
