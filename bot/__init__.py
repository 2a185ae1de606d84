"""Press Pause on Face Surveillance: a Telegram bot for Massachusetts residents and organizers."""

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_KNOWLEDGE_DIR = PROJECT_ROOT / "knowledge"
