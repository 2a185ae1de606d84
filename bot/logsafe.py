"""Logging that never shows the token, nor residents' chat ids or texts, at any level.

:func:`setup_logging` is the one place the process configures logging:

- every handler of the root logger gets a :class:`Redactor`, which replaces the token (and the
  webhook secret) in each message and traceback, whoever logged it;
- records from other libraries (python-telegram-bot, httpx, ...) have their arguments scrubbed:
  ids become a hash that is stable within the process (so one chat's lines can still be
  followed), texts and payloads (dicts, updates, long strings) are replaced by their type or
  length;
- those libraries log at INFO at most, even with ``LOG_LEVEL=DEBUG``: their DEBUG lines dump
  whole updates and API requests (texts, chat ids, the Bot API URL with the token). httpx stays
  at WARNING: at INFO it logs every request URL;
- an uncaught exception's traceback goes through the same redaction.

The bot's own modules log neither texts nor chat ids (see ``../shared/STYLE.md``), so their
arguments are kept as they are.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
import sys
import traceback
from collections.abc import Iterable
from types import TracebackType
from typing import Any
from urllib.parse import quote

from bot.config import Settings

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
REDACTED = "[redacted]"
# Libraries whose DEBUG output carries payloads: capped at INFO (httpx, httpcore at WARNING).
THIRD_PARTY_CAPS = {
    "telegram": logging.INFO,
    "apscheduler": logging.INFO,
    "tornado": logging.INFO,
    "asyncio": logging.INFO,
    "httpx": logging.WARNING,
    "httpcore": logging.WARNING,
    "hpack": logging.WARNING,
}
OWN_LOGGER = "bot"
LARGEST_PLAIN_INT = 99_999  # counts, ports, status codes; larger ints are ids and get hashed
LONGEST_PLAIN_STR = 120
_KEY = os.urandom(16)  # per process: hashes can be followed within a log, not reversed


def pseudonym(value: object) -> str:
    """A short keyed hash of an id: the same within this process, not reversible."""
    digest = hmac.new(_KEY, str(value).encode(), hashlib.sha256).hexdigest()
    return f"#{digest[:8]}"


def scrub(value: Any) -> Any:
    """A log argument of another library, with ids hashed and texts or payloads dropped."""
    if value is None or isinstance(value, bool | float):
        return value
    if isinstance(value, int):
        return value if abs(value) <= LARGEST_PLAIN_INT else pseudonym(value)
    if isinstance(value, str):
        if len(value) > LONGEST_PLAIN_STR or any(c in value for c in "{[\"'"):
            return f"<{len(value)} characters>"
        return value
    return f"<{type(value).__name__}>"


def secret_forms(secrets: Iterable[str | None]) -> list[str]:
    """Every form a secret may take in a log: as is, URL-quoted, and a token's secret half."""
    forms: set[str] = set()
    for secret in secrets:
        if not secret:
            continue
        forms.update({secret, quote(secret, safe="")})
        _, _, private = secret.partition(":")
        if len(private) >= 8:
            forms.add(private)
    return sorted(forms, key=len, reverse=True)  # longest first: no half-replaced token


class Redactor(logging.Filter):
    """Remove secrets from every record; scrub the arguments of other libraries' records."""

    def __init__(self, secrets: Iterable[str | None]) -> None:
        super().__init__()
        self.forms = secret_forms(secrets)

    def redact(self, text: str) -> str:
        for form in self.forms:
            text = text.replace(form, REDACTED)
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        """Rewrite ``record`` in place (message, traceback, stack) and let it through."""
        own = record.name == OWN_LOGGER or record.name.startswith(OWN_LOGGER + ".")
        if record.args and not own:
            if isinstance(record.args, dict):
                record.args = {key: scrub(value) for key, value in record.args.items()}
            else:
                record.args = tuple(scrub(arg) for arg in record.args)
        try:
            message = record.getMessage()
        except (TypeError, ValueError):  # a malformed call: keep the format string alone
            message = str(record.msg)
        record.msg, record.args = self.redact(message), None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self.redact(record.exc_text)
        if record.stack_info:
            record.stack_info = self.redact(record.stack_info)
        return True


def setup_logging(settings: Settings) -> Redactor:
    """Configure the root logger at ``LOG_LEVEL`` with redaction; return the filter."""
    redactor = Redactor([settings.token, settings.webhook_secret])
    logging.basicConfig(level=settings.log_level, format=FORMAT)
    for handler in logging.getLogger().handlers:
        if not any(isinstance(f, Redactor) for f in handler.filters):
            handler.addFilter(redactor)
    level = logging.getLevelName(settings.log_level)
    for name, cap in THIRD_PARTY_CAPS.items():
        logging.getLogger(name).setLevel(max(level, cap))

    def excepthook(
        kind: type[BaseException], value: BaseException, tb: TracebackType | None
    ) -> None:
        sys.stderr.write(redactor.redact("".join(traceback.format_exception(kind, value, tb))))

    sys.excepthook = excepthook
    return redactor
