"""Spanish and Portuguese: every text a resident reads, faithful to the English and its limits.

The content of the translations, not the code that picks a language: every English message and
knowledge text exists in es and pt with the same placeholders and the same HTML tags, hedges stay
hedged, and the screens the English keeps within 600 visible characters stay within them.
"""

from __future__ import annotations

import dataclasses
import re
import shutil
import string
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot import DEFAULT_KNOWLEDGE_DIR
from bot.broadcast.telegram_html import validate, visible_length
from bot.core.answers import SCREEN_CHARS
from bot.core.call_scripts import ScriptBook, render_script
from bot.core.context import UserContext
from bot.kb.errors import KnowledgeError
from bot.kb.faq import SECTION as FAQ
from bot.kb.legislators import SCRIPT_KINDS, SCRIPTS_SECTION
from bot.kb.messages import read_catalogs
from bot.services import Services, open_services
from tests.support import make_settings

LANGUAGES = ("es", "pt")
ROOT = DEFAULT_KNOWLEDGE_DIR.parent
# Files whose text fields are maps by language ({en: ..., es: ..., pt: ...}).
# common_words.yaml names its word lists by language too, but residents never read them.
LOCALIZED_FILES = (
    *sorted(p for p in DEFAULT_KNOWLEDGE_DIR.glob("*.yaml") if p.name != "common_words.yaml"),
    ROOT / "scripts" / "reviews" / "measures.yaml",
)
_TAG = re.compile(r"<\s*/?\s*([a-zA-Z]+)")
# What the English hedges with, and what each translation must keep ("no ban found in our
# records" never becomes "no ban"). Matched case-insensitively.
HEDGES = {
    "in our records": ("en nuestros registros", "nos nossos registros"),
    "could not confirm": ("no pudimos confirmar", "não conseguimos confirmar"),
    "could not verify": ("no pudimos verificar", "não conseguimos verificar"),
    "reportedly": ("según informes", "segundo relatos"),
    "(reported)": ("(según informes)", "(segundo relatos)"),
    "(proposed)": ("(según la propuesta)", "(segundo a proposta)"),
    "we found no": ("no encontramos", "não encontramos"),
    "was not verified": ("no verificamos", "não verificamos"),
    "not fully confirmed": ("no del todo confirmado", "não totalmente confirmado"),
    "unconfirmed": ("sin confirmar", "não confirmados"),
    "couldn't find a local ban": ("no encontré una prohibición local", "não encontrei uma"),
    "could not find a local ban": ("no encontré una prohibición local", "não encontrei uma"),
    "not a ban": ("no una prohibición", "não uma proibição"),
    "single source": ("una sola fuente", "uma única fonte"),
}
# Telegram caps a first name at 64 characters; a signed script must still fit one screen.
LONGEST_FIRST_NAME = "B" * 64


def names(template: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(template) if field is not None}


def tags(text: str) -> set[str]:
    return {tag.lower() for tag in _TAG.findall(text)}


def localized(node: Any, where: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every map in ``node`` that holds an English text, with where it is."""
    if isinstance(node, dict):
        if isinstance(node.get("en"), str):
            yield where, node
        for key, value in node.items():
            yield from localized(value, f"{where}.{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            label = value.get("id", index) if isinstance(value, dict) else index
            yield from localized(value, f"{where}[{label}]")


def same_shape(english: str, translation: str) -> list[str]:
    problems = []
    if names(translation) != names(english):
        problems.append(f"placeholders {sorted(names(translation))} != {sorted(names(english))}")
    if tags(translation) != tags(english):
        problems.append(f"tags {sorted(tags(translation))} != {sorted(tags(english))}")
    return problems


def lost_hedges(english: str, translation: str, lang: str) -> list[str]:
    index = LANGUAGES.index(lang)
    return [
        hedge
        for hedge, kept in HEDGES.items()
        if hedge in english.casefold() and kept[index] not in translation.casefold()
    ]


@pytest.fixture(scope="module")
def catalogs() -> dict[str, dict[str, str]]:
    return read_catalogs(DEFAULT_KNOWLEDGE_DIR)[0]


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    svc = open_services(make_settings(tmp_path_factory.mktemp("i18n")), bot_username="PauseBot")
    yield svc
    svc.close()


# -- message catalogs ----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_english_message_exists_in_the_language(
    catalogs: dict[str, dict[str, str]], lang: str
) -> None:
    assert sorted(set(catalogs["en"]) - set(catalogs[lang])) == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_message_keeps_the_english_placeholders_and_tags(
    catalogs: dict[str, dict[str, str]], lang: str
) -> None:
    problems = {
        key: found
        for key, text in catalogs[lang].items()
        if (found := same_shape(catalogs["en"][key], text))
    }
    assert problems == {}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_message_keeps_the_english_hedges(
    catalogs: dict[str, dict[str, str]], lang: str
) -> None:
    lost = {
        key: found
        for key, text in catalogs[lang].items()
        if (found := lost_hedges(catalogs["en"][key], text, lang))
    }
    assert lost == {}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_message_is_left_in_english(catalogs: dict[str, dict[str, str]], lang: str) -> None:
    # Identical texts are only names, markup and numbers ("{name}, MA", "• {link}, {kind}"), or
    # "ward", kept as the voter record names it (GLOSSARY.md).
    def words(text: str) -> list[str]:
        return re.findall(r"[a-z]{4,}", re.sub(r"<[^>]*>|{\w+}|\bward\b", "", text))

    same = [key for key, text in catalogs[lang].items() if text == catalogs["en"][key]]
    assert [key for key in same if words(catalogs["en"][key])] == []


# -- knowledge texts ----------------------------------------------------------------------------


def test_every_knowledge_text_with_english_has_spanish_and_portuguese() -> None:
    checked = 0
    problems: list[str] = []
    for path in LOCALIZED_FILES:
        text = path.read_text(encoding="utf-8")
        if not re.search(r"(^|[{,]|\s)en: ", text, re.MULTILINE):
            continue
        for where, texts in localized(yaml.safe_load(text)):
            checked += 1
            for lang in LANGUAGES:
                shown = f"{path.name}{where}.{lang}"
                if not isinstance(texts.get(lang), str):
                    problems.append(f"{shown}: missing")
                    continue
                problems += [f"{shown}: {p}" for p in same_shape(texts["en"], texts[lang])]
                problems += [
                    f"{shown}: lost {h!r}" for h in lost_hedges(texts["en"], texts[lang], lang)
                ]
    assert problems == []
    assert checked >= 2 * 220  # the measures' texts, in the review and in the generated file


def test_every_faq_entry_asks_and_answers_in_spanish_and_portuguese() -> None:
    problems: list[str] = []
    for entry in FAQ.load(DEFAULT_KNOWLEDGE_DIR):
        for lang in LANGUAGES:
            translation = entry.translations.get(lang)
            if translation is None:
                problems.append(f"{entry.id}.{lang}: missing")
                continue
            problems += [
                f"{entry.id}.{lang}: {p}" for p in same_shape(entry.answer, translation.answer)
            ]
            problems += [
                f"{entry.id}.{lang}: lost {h!r}"
                for h in lost_hedges(entry.answer, translation.answer, lang)
            ]
            if len(translation.questions) < len(entry.questions) // 2:
                problems.append(f"{entry.id}.{lang}: too few ways to ask")
    assert problems == []


def test_every_script_piece_and_bill_name_has_spanish_and_portuguese() -> None:
    data = SCRIPTS_SECTION.load(DEFAULT_KNOWLEDGE_DIR)
    problems: list[str] = []
    for lang in LANGUAGES:
        assert lang in data.bills.translations and lang in data.pieces.translations
        for name, english in data.pieces.model_dump(exclude={"translations"}).items():
            piece = getattr(data.pieces.translations[lang], name)
            problems += [f"pieces.{name}.{lang}: {p}" for p in same_shape(english, piece)]
        for entry in data.scripts:
            where = f"{entry.situation}.{lang}"
            if lang not in entry.translations:
                problems.append(f"{where}: missing")
                continue
            for kind in SCRIPT_KINDS:
                english, words = getattr(entry, kind), getattr(entry.translations[lang], kind)
                problems += [f"{where}.{kind}: {p}" for p in same_shape(english, words)]
                problems += [
                    f"{where}.{kind}: lost {h!r}" for h in lost_hedges(english, words, lang)
                ]
    assert problems == []


@pytest.fixture
def small_knowledge(tmp_path: Path) -> Path:
    """A copy of the files the FAQ and scripts sections read, to break on purpose."""
    for name in ("faq.yaml", "scripts.yaml", "bills.yaml"):
        shutil.copy(DEFAULT_KNOWLEDGE_DIR / name, tmp_path / name)
    return tmp_path


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_translated_faq_answer_must_keep_the_english_placeholders(small_knowledge: Path) -> None:
    edit(small_knowledge / "faq.yaml", "\n        {bills_status}\n", "\n")
    with pytest.raises(KnowledgeError) as caught:
        FAQ.load(small_knowledge)
    assert caught.value.field == "translations.es.answer"
    assert caught.value.message == "placeholders differ from English"


def test_a_translated_faq_answer_is_checked_as_telegram_html(small_knowledge: Path) -> None:
    edit(small_knowledge / "faq.yaml", "La <b>vigilancia facial</b>", "La <b>vigilancia facial")
    with pytest.raises(KnowledgeError, match=r"translations\.es\.answer': not valid Telegram"):
        FAQ.load(small_knowledge)


def test_a_translated_script_may_use_only_the_script_placeholders(small_knowledge: Path) -> None:
    edit(small_knowledge / "scripts.yaml", "apoye el {bill}, {short_title}", "apoye el {proyecto}")
    with pytest.raises(KnowledgeError) as caught:
        SCRIPTS_SECTION.load(small_knowledge)
    assert (caught.value.entry, caught.value.field) == ("#1 (ban, both)", "translations.es.call")
    assert "unknown placeholder {proyecto}" in caught.value.message


def test_a_translated_script_must_keep_the_english_placeholders(small_knowledge: Path) -> None:
    edit(small_knowledge / "scripts.yaml", "apoie o {bill}, {short_title}", "apoie o {bill}")
    with pytest.raises(KnowledgeError, match="placeholders differ from English"):
        SCRIPTS_SECTION.load(small_knowledge)


def test_a_translated_signature_keeps_the_first_name(small_knowledge: Path) -> None:
    edit(small_knowledge / "scripts.yaml", '"me llamo {first_name} y soy"', '"me llamo y soy"')
    with pytest.raises(KnowledgeError) as caught:
        SCRIPTS_SECTION.load(small_knowledge)
    assert (caught.value.entry, caught.value.field) == ("pieces", "translations.es.intro_named")


# -- limits ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_place_answer_fits_one_screen(services: Services, lang: str) -> None:
    answers = services.conversation.answers
    for place in services.resolver.places.values():
        text = answers.place(place, lang).text
        assert validate(text) == [], (place.id, lang)
        assert visible_length(text) <= SCREEN_CHARS, (place.id, lang, visible_length(text))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_legislators_card_fits_one_screen(services: Services, lang: str) -> None:
    flow = services.legislators
    user = UserContext(chat_id=7, language=lang, first_name="Ana")
    directory = flow.directory
    for town in directory.towns():
        lookup = directory.lookup(town.place_id)
        assert lookup is not None
        if lookup.split:
            wards = directory.wards(town.place_id) or [""]
            shown = [
                flow.handle(f"leg:{town.place_id}:r:{ward}:{precinct}", user)
                for ward in wards
                for precinct in directory.precincts(town.place_id, ward)
            ]
        else:
            shown = [flow.handle(f"leg:{town.place_id}", user)]
        for cards in shown:
            assert validate(cards.text) == [], (town.name, lang)
            assert visible_length(cards.text) <= SCREEN_CHARS, (town.name, lang, cards.text)


def translated_book(services: Services, lang: str) -> ScriptBook:
    """The script book as it reads in ``lang``: the translated templates, pieces and bill names."""
    data = SCRIPTS_SECTION.load(DEFAULT_KNOWLEDGE_DIR)
    english = ScriptBook.from_db(services.knowledge.db)
    templates: dict[tuple[str, str, str], str] = {
        (entry.situation, chamber, kind): getattr(entry.translations[lang], kind)
        for entry in data.scripts
        for chamber in entry.chambers
        for kind in SCRIPT_KINDS
    }
    names = data.bills.translations[lang]
    session = dataclasses.replace(
        english.session, short_title=names.short_title, committee=names.committee
    )
    return ScriptBook(templates, data.pieces.translations[lang].model_dump(), session)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_call_script_fits_one_screen_and_every_email_is_valid(
    services: Services, lang: str
) -> None:
    book = translated_book(services, lang)
    catalog = services.catalog
    longest_town = max((p.name for p in services.resolver.places.values()), key=len)
    members = [m for m in services.legislators.directory.all_members() if not m.vacant]
    situations = {situation for situation, _, _ in book.templates}
    assert situations == {"ban", "moratorium", "limited", "no_ban_on_record"}
    for member in members:
        for situation in situations:
            for first_name in (None, LONGEST_FIRST_NAME):
                if member.phone:
                    call = render_script(
                        book, catalog, "call", member, longest_town, situation, first_name, lang
                    )
                    assert validate(call) == [], (member.name, situation)
                    assert visible_length(call) <= SCREEN_CHARS, (member.name, situation, call)
                email = render_script(
                    book, catalog, "email", member, longest_town, situation, first_name, lang
                )
                assert validate(email) == [], (member.name, situation)


def test_the_translations_name_the_terms_of_the_glossary() -> None:
    glossary = (DEFAULT_KNOWLEDGE_DIR / "messages" / "GLOSSARY.md").read_text(encoding="utf-8")
    rows = [line for line in glossary.splitlines() if line.startswith("| ") and "---" not in line]
    terms = [term.strip() for row in rows[1:] for term in row.split("|")[1].split(",")]
    for term in ("facial recognition", "ban", "moratorium", "ordinance", "bill", "public hearing"):
        assert term in terms, term
