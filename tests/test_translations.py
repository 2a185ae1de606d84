"""Every language says everything: each key in each language, the same placeholders as English,
valid Telegram HTML within Telegram's limits; and a new language is a folder and nothing else."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from bot import DEFAULT_KNOWLEDGE_DIR
from bot.broadcast import telegram_html
from bot.cli import build_parser, dispatch
from bot.core.context import UserContext
from bot.core.i18n import Catalog
from bot.kb.html import SAMPLE, placeholders
from bot.kb.messages import is_label, read_catalogs, translation_findings
from tests.support import make_settings

CATALOGS, ORIGIN = read_catalogs(DEFAULT_KNOWLEDGE_DIR)
MAX_MESSAGE = 4096  # Telegram's limit on a message's text, after entities are parsed
# Telegram accepts longer button labels but cuts them on a phone; ours must read in full.
MAX_LABEL = 64
MARKUP = re.compile(r"<[a-zA-Z/][^>]*>|&(#[0-9]+|#x[0-9a-fA-F]+|[a-zA-Z]+);")
ENTRIES = [(lang, key) for lang, messages in CATALOGS.items() for key in messages]


def test_every_key_is_in_every_language_with_the_placeholders_of_english() -> None:
    assert translation_findings(DEFAULT_KNOWLEDGE_DIR) == []


def test_the_resident_languages_are_english_spanish_and_portuguese() -> None:
    assert {"en", "es", "pt"} <= set(CATALOGS)


@pytest.mark.parametrize(("lang", "key"), ENTRIES, ids=[f"{lang}:{key}" for lang, key in ENTRIES])
def test_every_text_is_telegram_html_within_its_limits(lang: str, key: str) -> None:
    text = CATALOGS[lang][key]
    filled = text.format(**{n: SAMPLE for n in placeholders("", key, "", text)})
    if is_label(key):
        # Telegram shows a label as typed: a tag or an entity would appear literally.
        assert not MARKUP.search(filled), ORIGIN[(lang, key)]
        assert len(filled) <= MAX_LABEL, ORIGIN[(lang, key)]
        return
    assert telegram_html.validate(filled) == [], ORIGIN[(lang, key)]
    assert len(telegram_html.visible_text(filled)) <= MAX_MESSAGE, ORIGIN[(lang, key)]


def test_a_new_language_is_a_folder_and_nothing_else(tmp_path: Path, capsys) -> None:
    knowledge = tmp_path / "knowledge"
    shutil.copytree(DEFAULT_KNOWLEDGE_DIR, knowledge)
    french = knowledge / "messages" / "fr"
    french.mkdir()
    (french / "core.yaml").write_text(
        'welcome: "Bonjour ! Écrivez votre ville."\nask_one: "Vouliez-vous dire {nom} ?"\n',
        encoding="utf-8",
    )
    catalog = Catalog.load(knowledge)
    assert "fr" in catalog.languages
    assert catalog.t("welcome", "fr").startswith("Bonjour")
    assert catalog.date("2019-06-27", "fr") == "27 juin 2019"
    assert catalog.t("help", "fr") == catalog.t("help", "en")  # missing: English meanwhile

    settings = make_settings(tmp_path, knowledge_dir=knowledge)
    from bot.services import open_services

    (french / "core.yaml").write_text('welcome: "Bonjour !"\n', encoding="utf-8")
    services = open_services(settings)
    try:
        user = services.languages.settle(UserContext(chat_id=1, language="fr"))
        assert user.language == "fr"
        assert services.conversation.start(user)[0].text == "Bonjour !"
    finally:
        services.close()

    (french / "core.yaml").write_text('ask_one: "Vouliez-vous dire {nom} ?"\n', encoding="utf-8")
    findings = translation_findings(knowledge)
    assert "knowledge/messages/fr/core.yaml: welcome: missing in fr" in findings
    assert (
        "knowledge/messages/fr/core.yaml: ask_one: placeholders differ from English: use {name}"
        in findings
    )
    code = dispatch(settings, build_parser().parse_args(["kb", "check", "--max-age-days", "9999"]))
    assert code == 1
    assert "welcome: missing in fr" in capsys.readouterr().out
