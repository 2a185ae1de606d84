"""Every text people read is checked as Telegram HTML at build, naming file, entry and field."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot import DEFAULT_KNOWLEDGE_DIR
from bot.kb.build import build
from bot.kb.errors import KnowledgeError
from bot.kb.faq import SECTION as FAQ
from bot.kb.messages import SECTION as MESSAGES


@pytest.fixture
def knowledge(tmp_path: Path) -> Path:
    target = tmp_path / "knowledge"
    shutil.copytree(DEFAULT_KNOWLEDGE_DIR, target)
    return target


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_committed_catalogs_and_faq_are_valid() -> None:
    assert "answer.none" in MESSAGES.load(DEFAULT_KNOWLEDGE_DIR)["en"]
    assert len(FAQ.load(DEFAULT_KNOWLEDGE_DIR)) >= 7


def test_a_script_tag_in_an_faq_answer_fails_the_build_and_keeps_the_old_database(
    knowledge: Path, tmp_path: Path
) -> None:
    db_path = tmp_path / "k.sqlite3"
    build(knowledge, db_path)
    before = db_path.stat().st_mtime_ns
    edit(knowledge / "faq.yaml", "<b>Face surveillance</b> is", "<script>x</script> It is")
    with pytest.raises(KnowledgeError) as caught:
        build(knowledge, db_path)
    assert str(caught.value) == (
        "knowledge/faq.yaml: entry #1 (what-is): field 'answer': not valid Telegram HTML: "
        "<script> is not allowed by Telegram at 0"
    )
    assert db_path.stat().st_mtime_ns == before


def test_an_unknown_faq_placeholder_fails(knowledge: Path) -> None:
    edit(knowledge / "faq.yaml", "\n    {ma_bans}\n", "\n    {ma_bams}\n")
    with pytest.raises(KnowledgeError, match=r"field 'answer': unknown placeholder \{ma_bams\}"):
        FAQ.load(knowledge)


def test_a_bad_message_names_its_file_key_and_field(knowledge: Path) -> None:
    edit(knowledge / "messages/en/core.yaml", "<b>{place}</b>: no ban", "<b>{place}: no ban")
    with pytest.raises(KnowledgeError) as caught:
        MESSAGES.load(knowledge)
    assert caught.value.file == "knowledge/messages/en/core.yaml"
    assert (caught.value.entry, caught.value.field) == ("answer.none", "text")
    assert "never closed" in caught.value.message


def test_a_button_label_is_plain_text(knowledge: Path) -> None:
    edit(knowledge / "messages/en/core.yaml", '"⚖️ State law & bills"', '"⚖️ State law &amp; bills"')
    with pytest.raises(KnowledgeError, match=r"button\.state_law: field 'text': a button label"):
        MESSAGES.load(knowledge)


def test_a_translation_keeps_the_english_placeholders(knowledge: Path) -> None:
    path = knowledge / "messages/es/alerts.yaml"
    text = path.read_text(encoding="utf-8")
    key, _, rest = next(
        line.partition(": ") for line in text.splitlines() if "{town}" in line and ": " in line
    )
    edit(path, f"{key}: {rest}", f"{key}: {rest.replace('{town}', '{ciudad}', 1)}")
    with pytest.raises(KnowledgeError, match="placeholders differ from English"):
        MESSAGES.load(knowledge)
