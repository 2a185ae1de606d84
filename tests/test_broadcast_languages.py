"""Alerts in several languages: one text per language, each recipient's text recorded in the
outbox, English with a line saying so only after an explicit confirmation."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import time
from pathlib import Path

import pytest

from bot.config import Settings
from bot.core.alerts_flow import alert_copy
from bot.core.context import UserContext
from bot.core.i18n import Catalog
from bot.core.organizer_flow import OrganizerFlow
from bot.services import Services, open_services
from bot.storage import broadcasts, subscribers
from bot.storage.db import connect
from tests.conftest import TOKEN
from tests.fakebotapi import FakeBotAPI
from tests.support import make_settings, run_cli

NEVER_QUIET = (time(0, 0), time(0, 0))
EN = "<b>Hearing Tuesday</b>: call your senator."
ES = "<b>Audiencia el martes</b>: llame a su senador."
PT = "<b>Audiência na terça</b>: ligue para o seu senador."
# Chats 1-2 read English, 3 Spanish, 4 Portuguese.
LANGUAGES = {1: "en", 2: "en", 3: "es", 4: "pt"}
CATALOG = Catalog.load()


@pytest.fixture
def api() -> Iterator[FakeBotAPI]:
    with FakeBotAPI.in_thread() as server:
        yield server


@pytest.fixture
def settings(tmp_path: Path, api: FakeBotAPI) -> Settings:
    settings = Settings(
        token=TOKEN,
        api_base_url=api.base_url,
        db_path=tmp_path / "state.sqlite3",
        knowledge_dir=tmp_path / "no-knowledge",
        broadcast_rate=1000.0,
        per_chat_rate=100.0,
        quiet_hours=NEVER_QUIET,
    )
    conn = connect(settings.db_path)
    for chat_id, lang in LANGUAGES.items():
        subscribers.subscribe(conn, chat_id, "somerville", lang)
    conn.close()
    return settings


def files(tmp_path: Path, **texts: str) -> list[str]:
    argv = []
    for lang, text in texts.items():
        path = tmp_path / f"alert-{lang}.html"
        path.write_text(text, encoding="utf-8")
        argv += ["--text-file", f"{lang}={path}"]
    return argv


def sent(api: FakeBotAPI) -> dict[int, str]:
    return {int(c.params["chat_id"]): c.params["text"] for c in api.sent()}


def test_each_subscriber_gets_the_text_of_their_language(settings, tmp_path, api, capsys):
    argv = files(tmp_path, en=EN, es=ES, pt=PT)
    assert run_cli(settings, "broadcast", *argv, "--segment", "all", "--yes") == 0
    assert "By language: en <5 (own text), es <5 (own text), pt <5 (own text)" in (
        capsys.readouterr().out
    )
    got = sent(api)
    assert got[1].startswith(EN) and got[2].startswith(EN)
    assert got[3].startswith(ES) and CATALOG.t("alerts.footer", "es") in got[3]
    assert got[4].startswith(PT) and CATALOG.t("alerts.footer", "pt") in got[4]


def test_a_language_without_text_needs_an_explicit_confirmation(settings, tmp_path, api, capsys):
    argv = [*files(tmp_path, en=EN, es=ES), "--segment", "all", "--yes"]
    assert run_cli(settings, "broadcast", *argv) == 2
    err = capsys.readouterr().err
    assert "no text for pt (1)" in err and "--english-for-missing" in err
    assert api.sent() == []

    assert run_cli(settings, "broadcast", *argv, "--english-for-missing") == 0
    got = sent(api)
    notice = CATALOG.t("language.untranslated", "pt")
    assert got[4].startswith(f"{notice}\n\n{EN}")
    assert got[3].startswith(ES) and notice not in got[3]
    assert got[1].startswith(EN)
    conn = connect(settings.db_path)
    recorded = dict(conn.execute("SELECT chat_id, language FROM outbox").fetchall())
    assert recorded == {1: "en", 2: "en", 3: "es", 4: "en"}


def test_a_single_file_is_the_english_text(settings, tmp_path, api):
    path = tmp_path / "alert.html"
    path.write_text(EN, encoding="utf-8")
    argv = ["--text-file", str(path), "--segment", "language=en", "--yes"]
    assert run_cli(settings, "broadcast", *argv) == 0
    assert sorted(sent(api)) == [1, 2]


def test_a_broadcast_needs_an_english_text(settings, tmp_path, capsys):
    argv = [*files(tmp_path, es=ES), "--segment", "all", "--yes"]
    assert run_cli(settings, "broadcast", *argv) == 2
    assert "an English text is required" in capsys.readouterr().err


def test_the_text_recorded_for_a_recipient_survives_a_change_of_language(tmp_path):
    conn = connect(tmp_path / "state.sqlite3")
    subscribers.subscribe(conn, 7, "somerville", "es")
    bid = broadcasts.create_broadcast(conn, {"en": EN, "es": ES}, ["all"], actor=None)
    broadcasts.enqueue(conn, bid, [7])
    subscribers.set_language(conn, 7, "pt")  # after the snapshot: the queue decides
    assert broadcasts.recipient_language(conn, bid, 7) == "es"
    text, _ = alert_copy(conn, CATALOG, 7, ES, "es")
    assert text.startswith(CATALOG.t("language.untranslated", "pt"))


@pytest.fixture
def services(tmp_path: Path) -> Iterator[Services]:
    svc = open_services(make_settings(tmp_path, organizer_ids=frozenset({99})))
    for chat_id, lang in LANGUAGES.items():
        subscribers.subscribe(svc.state, chat_id, "somerville", lang)
    yield svc
    svc.close()


def test_the_draft_takes_a_text_per_language_and_asks_before_english_for_the_rest(
    services: Services,
) -> None:
    flow: OrganizerFlow = services.organizer
    organizer = UserContext(chat_id=99, user_id=99, is_organizer=True)
    flow.start(organizer)
    (ask,) = flow.text_hook(organizer, EN) or []
    add = {b.label: b.data for row in ask.buttons for b in row}
    spanish = add[flow.t("language.broadcast.button.add_text", language="Español")]
    flow.callback(organizer, spanish)
    flow.text_hook(organizer, ES)
    *texts, summary = flow.callback(organizer, "bc:a:all").replies
    assert [r.text for r in texts] == [EN, ES]
    assert "Português 1 (English text)" not in summary.text  # counts under 5 are hidden
    assert "Português &lt;5 (English text)" in summary.text
    buttons = {b.label: b.data for row in summary.buttons for b in row}
    send = buttons["✅ Send; English for Português"]
    assert send.startswith("bc:okm:")
    refused = flow.callback(organizer, send.replace("okm", "ok"))
    assert refused.deliver is None
    assert refused.replies[0].text == flow.t("language.broadcast.confirm_missing")
    queued = flow.callback(organizer, send)
    assert queued.deliver is not None
    recorded = dict(services.state.execute("SELECT chat_id, language FROM outbox").fetchall())
    assert recorded == {1: "en", 2: "en", 3: "es", 4: "en"}
