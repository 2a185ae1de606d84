"""The token never appears in any output, and at DEBUG no chat id or text does either.

The filter on its own first, then the real ``python -m bot`` at ``LOG_LEVEL=DEBUG`` through a
whole conversation against the fake Bot API, and a token Telegram rejects.
"""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from telegram import Update

from bot import PROJECT_ROOT
from bot.logsafe import REDACTED, Redactor, pseudonym
from bot.storage import subscribers
from bot.storage.db import connect
from tests.fakebotapi import FakeBotAPI
from tests.support import built_knowledge

TOKEN = "123456:AAH-rel13-SecretPartOfTheToken_xyz"
WRONG_TOKEN = "123456:AAH-rel13-NotTheRightToken_abc"
CHAT = 73519864
MARKER = "Quahog Lane 4217"  # what a resident types; no town, no FAQ


def record(name: str, msg: str, *args: object, exc: BaseException | None = None) -> str:
    """Log one record through a handler with the Redactor; return what the handler wrote."""
    handler = _ListHandler()
    handler.addFilter(Redactor([TOKEN, "hook-secret-42"]))
    handler.setFormatter(logging.Formatter("%(name)s %(message)s"))
    log = logging.LogRecord(name, logging.DEBUG, __file__, 1, msg, args, None)
    if exc is not None:
        log.exc_info = (type(exc), exc, exc.__traceback__)
    handler.handle(log)
    return handler.lines[0]


class _ListHandler(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))


def test_the_token_is_redacted_in_messages_arguments_and_tracebacks() -> None:
    secret = TOKEN.split(":")[1]
    try:
        raise ValueError(f"The token `{TOKEN}` was rejected by the server.")
    except ValueError as exc:
        error = exc
    lines = [
        record("telegram.Bot", "Set Bot API URL: %s", f"https://api.telegram.org/bot{TOKEN}"),
        record("bot.x", "url quoted: https://example.org/bot123456%3A" + secret),
        record("httpx", "HTTP Request: POST %s", f"https://x/bot{TOKEN}/getMe"),
        record("bot.y", "Handler failed", exc=error),
        record("tornado.access", "hook %s", "hook-secret-42"),
    ]
    for line in lines:
        assert secret not in line and "hook-secret-42" not in line, line
    assert REDACTED in lines[0] and "rejected by the server" in lines[3]


def test_other_libraries_arguments_lose_texts_payloads_and_ids() -> None:
    update = Update.de_json(
        {
            "update_id": 5,
            "message": {
                "message_id": 1,
                "date": 0,
                "chat": {"id": CHAT, "type": "private"},
                "text": MARKER,
            },
        },
        None,
    )
    lines = [
        record("telegram.ext.Application", "Processing update %s", update),
        record(
            "telegram.Bot",
            "Calling Bot API endpoint `%s` with parameters `%s`",
            "sendMessage",
            {"chat_id": CHAT, "text": MARKER},
        ),
        record("telegram.ext.Updater", "chat %s said %s", CHAT, MARKER + ' "quoted" {json}'),
    ]
    for line in lines:
        assert str(CHAT) not in line and MARKER not in line, line
    assert "sendMessage" in lines[1]
    assert pseudonym(CHAT) in lines[2] and pseudonym(CHAT) == pseudonym(CHAT)


def test_the_bots_own_records_keep_their_arguments() -> None:
    assert record("bot.channels.tg.organizer", "Broadcast %d stopped", 123456) == (
        "bot.channels.tg.organizer Broadcast 123456 stopped"
    )


# -- the real process ------------------------------------------------------------------------


def bot_env(tmp_path: Path, base_url: str, token: str) -> dict[str, str]:
    (tmp_path / "bot.knowledge.sqlite3").write_bytes(built_knowledge().read_bytes())
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "BOT_"))}
    env.update(
        PYTHONPATH=str(PROJECT_ROOT),
        PTB_TIMEDELTA="true",
        TELEGRAM_BOT_TOKEN=token,
        TELEGRAM_API_BASE_URL=base_url,
        BOT_DB_PATH=str(tmp_path / "bot.sqlite3"),
        LOG_LEVEL="DEBUG",
        FLOOD_MESSAGES="50",
    )
    return env


def test_a_whole_conversation_at_debug_logs_no_token_chat_id_or_text(tmp_path: Path) -> None:
    with FakeBotAPI.in_thread(token=TOKEN) as api:
        bot = subprocess.Popen(
            [sys.executable, "-m", "bot"],
            cwd=tmp_path,
            env=bot_env(tmp_path, api.base_url, TOKEN),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            api.wait_for_blocking("getUpdates", timeout=30)
            for text in ("/start", "Somerville", MARKER, "/subscribe Somerville", "/forget"):
                before = len(api.sent(CHAT))
                api.push_text(CHAT, text)
                api.wait_for_blocking(
                    "sendMessage", lambda p: p["chat_id"] == CHAT, count=before + 1, timeout=30
                )
            forget = api.last_message(CHAT)
            assert forget is not None
            api.push_callback(CHAT, "alr:forget:yes", forget["message_id"])
            api.wait_for_blocking("editMessageText", timeout=30)
            time.sleep(0.5)
        finally:
            bot.send_signal(signal.SIGINT)
            out, err = bot.communicate(timeout=30)
    output = out + err
    assert "resolved outcome=" in output  # DEBUG lines are there
    for secret in (TOKEN, TOKEN.split(":")[1], str(CHAT), MARKER, "Somerville", "Quahog"):
        assert secret not in output, secret


def test_a_rejected_token_is_one_line_naming_the_variable_never_the_token(
    tmp_path: Path,
) -> None:
    """Through ``python -m bot``, for the bot and for ``broadcast``."""
    alert = tmp_path / "alert.html"
    alert.write_text("<b>Hearing</b> Tuesday")
    with FakeBotAPI.in_thread(token=TOKEN) as api:
        env = bot_env(tmp_path, api.base_url, WRONG_TOKEN)
        env["QUIET_HOURS"] = "00:00-00:00"
        state = connect(tmp_path / "bot.sqlite3")
        subscribers.subscribe(state, 5, "somerville", "en")
        state.close()
        runs = [
            subprocess.run(
                [sys.executable, "-m", "bot", *argv],
                cwd=tmp_path,
                env=env,
                capture_output=True,
                text=True,
                timeout=60,
                check=False,
            )
            for argv in (
                ["run"],
                ["broadcast", "--text-file", str(alert), "--segment", "all", "--yes"],
            )
        ]
    for done in runs:
        assert done.returncode == 2, done.stderr
        lines = done.stderr.strip().splitlines()
        assert lines[-1] == (
            "error: TELEGRAM_BOT_TOKEN was rejected by Telegram: check it with @BotFather."
        )
        assert "Traceback" not in done.stderr
        assert WRONG_TOKEN.split(":")[1] not in done.stdout + done.stderr


def test_without_the_wrapper_a_rejected_token_is_still_redacted(tmp_path: Path) -> None:
    with FakeBotAPI.in_thread(token=TOKEN) as api:
        done = subprocess.run(
            [sys.executable, "-m", "bot"],
            cwd=tmp_path,
            env=bot_env(tmp_path, api.base_url, WRONG_TOKEN),
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    assert done.returncode != 0
    assert WRONG_TOKEN.split(":")[1] not in done.stdout + done.stderr
