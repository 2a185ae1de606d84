"""Settings from environment variables (and an optional ``.env``), validated at start."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import time
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot import DEFAULT_KNOWLEDGE_DIR

DEFAULT_API_BASE_URL = "https://api.telegram.org/bot"


class ConfigError(ValueError):
    """An environment variable is missing or invalid; the message names it."""


@dataclass(frozen=True)
class Settings:
    """Everything the bot reads from its environment. The token never appears in the repr."""

    token: str | None = field(default=None, repr=False)
    api_base_url: str = DEFAULT_API_BASE_URL
    webhook_url: str | None = None
    webhook_listen: str = "0.0.0.0"
    webhook_port: int = 8443
    webhook_secret: str | None = field(default=None, repr=False)
    db_path: Path = Path("data/bot.sqlite3")
    knowledge_dir: Path = DEFAULT_KNOWLEDGE_DIR
    organizer_ids: frozenset[int] = frozenset()
    broadcast_rate: float = 30.0
    per_chat_rate: float = 1.0
    paid_broadcast: bool = False
    quiet_hours: tuple[time, time] = (time(21, 0), time(9, 0))
    timezone: str = "America/New_York"
    flood_messages: int = 5
    flood_seconds: float = 3.0
    flood_mute: float = 60.0
    log_level: str = "INFO"
    bot_username: str | None = None  # names the bot offline (QR codes); a token's getMe wins

    @property
    def knowledge_db_path(self) -> Path:
        """The built knowledge database, beside the state database (rebuilt from YAML)."""
        return self.db_path.with_name(self.db_path.stem + ".knowledge.sqlite3")

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, dotenv: bool = True) -> Settings:
        """Build settings from ``env`` (default ``os.environ``, after loading ``.env``)."""
        if env is None:
            if dotenv:
                from dotenv import load_dotenv

                load_dotenv(override=False)
            env = os.environ
        get = _Reader(env)
        return cls(
            token=get.text("TELEGRAM_BOT_TOKEN"),
            api_base_url=get.text("TELEGRAM_API_BASE_URL") or DEFAULT_API_BASE_URL,
            webhook_url=get.text("WEBHOOK_URL"),
            webhook_listen=get.text("WEBHOOK_LISTEN") or "0.0.0.0",
            webhook_port=get.integer("WEBHOOK_PORT", 8443, 1, 65535),
            webhook_secret=get.text("WEBHOOK_SECRET"),
            db_path=Path(get.text("BOT_DB_PATH") or "data/bot.sqlite3"),
            knowledge_dir=Path(get.text("KNOWLEDGE_DIR") or DEFAULT_KNOWLEDGE_DIR),
            organizer_ids=get.ids("ORGANIZER_IDS"),
            broadcast_rate=get.number("BROADCAST_RATE", 30.0, 0.1, 1000.0),
            per_chat_rate=get.number("PER_CHAT_RATE", 1.0, 0.01, 100.0),
            paid_broadcast=get.flag("PAID_BROADCAST", False),
            quiet_hours=get.hours("QUIET_HOURS", "21:00-09:00"),
            timezone=get.zone("BOT_TIMEZONE", "America/New_York"),
            flood_messages=get.integer("FLOOD_MESSAGES", 5, 1, 1000),
            flood_seconds=get.number("FLOOD_SECONDS", 3.0, 0.1, 3600.0),
            flood_mute=get.number("FLOOD_MUTE_SECONDS", 60.0, 1.0, 86400.0),
            log_level=get.choice("LOG_LEVEL", "INFO", ("DEBUG", "INFO", "WARNING", "ERROR")),
            bot_username=get.username("BOT_USERNAME"),
        )


class _Reader:
    def __init__(self, env: Mapping[str, str]) -> None:
        self.env = env

    def text(self, name: str) -> str | None:
        value = self.env.get(name, "").strip()
        return value or None

    def integer(self, name: str, default: int, low: int, high: int) -> int:
        raw = self.text(name)
        if raw is None:
            return default
        try:
            value = int(raw)
        except ValueError:
            raise ConfigError(f"{name} must be a whole number, got {raw!r}") from None
        if not low <= value <= high:
            raise ConfigError(f"{name} must be between {low} and {high}, got {value}")
        return value

    def number(self, name: str, default: float, low: float, high: float) -> float:
        raw = self.text(name)
        if raw is None:
            return default
        try:
            value = float(raw)
        except ValueError:
            raise ConfigError(f"{name} must be a number, got {raw!r}") from None
        if not low <= value <= high:
            raise ConfigError(f"{name} must be between {low} and {high}, got {value}")
        return value

    def flag(self, name: str, default: bool) -> bool:
        raw = self.text(name)
        if raw is None:
            return default
        if raw.lower() in {"1", "true", "yes", "on"}:
            return True
        if raw.lower() in {"0", "false", "no", "off"}:
            return False
        raise ConfigError(f"{name} must be true or false, got {raw!r}")

    def ids(self, name: str) -> frozenset[int]:
        raw = self.text(name)
        if raw is None:
            return frozenset()
        try:
            return frozenset(int(part) for part in raw.replace(" ", "").split(",") if part)
        except ValueError:
            raise ConfigError(f"{name} must be comma-separated Telegram user ids") from None

    def hours(self, name: str, default: str) -> tuple[time, time]:
        raw = self.text(name) or default
        try:
            start, end = raw.split("-")
            return time.fromisoformat(start.strip()), time.fromisoformat(end.strip())
        except ValueError:
            raise ConfigError(f"{name} must look like 21:00-09:00, got {raw!r}") from None

    def zone(self, name: str, default: str) -> str:
        raw = self.text(name) or default
        try:
            ZoneInfo(raw)
        except (ZoneInfoNotFoundError, ValueError):
            raise ConfigError(f"{name} is not a known time zone: {raw!r}") from None
        return raw

    def username(self, name: str) -> str | None:
        raw = self.text(name)
        if raw is None:
            return None
        name_ = raw.removeprefix("@")
        if not re.fullmatch(r"[A-Za-z][A-Za-z0-9_]{3,30}[A-Za-z0-9]", name_):
            raise ConfigError(f"{name} must be a Telegram username (5-32 letters, digits, _)")
        return name_

    def choice(self, name: str, default: str, options: tuple[str, ...]) -> str:
        raw = (self.text(name) or default).upper()
        if raw not in options:
            raise ConfigError(f"{name} must be one of {', '.join(options)}, got {raw!r}")
        return raw
