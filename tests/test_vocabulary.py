"""Ordinary words, places elsewhere, landmarks and local names: the knowledge and its rules."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest
import yaml

from bot import DEFAULT_KNOWLEDGE_DIR
from bot.core.resolver import Outcome, Resolver
from bot.core.vocabulary import COMMON_WORD_NAMES, PROPER_NAMES, Vocabulary
from bot.kb.errors import KnowledgeError
from bot.kb.landmarks import SECTION as LOCAL_NAMES
from bot.kb.vocabulary import SECTION as VOCABULARY
from tests import support

REPO = Path(__file__).resolve().parent.parent
PROPERTY_WORDS = 20_000


@pytest.fixture(scope="module")
def resolver() -> Resolver:
    return Resolver.from_knowledge()


def english_words(count: int) -> list[str]:
    raw = yaml.safe_load((DEFAULT_KNOWLEDGE_DIR / "common_words.yaml").read_text("utf-8"))
    words: list[str] = raw["languages"]["en"].split()
    return words[:count]


def test_no_common_english_word_is_a_town_alone_or_in_a_sentence(resolver: Resolver) -> None:
    """The 20,000 most frequent English words, but the place names themselves.

    Exempt: the names of municipalities ("Reading" is a town), and the aliases reviewed as
    proper names (vocabulary.PROPER_NAMES: "Brighton", "MIT"). Every other word, the
    ordinary-word aliases ("onset", "dot") included, must never give a confident town.
    """
    names = {
        key for key, entries in resolver._exact.items() if any(e.kind == "name" for e in entries)
    }
    wrong = []
    for word in english_words(PROPERTY_WORDS):
        if word in names or word in PROPER_NAMES:
            continue
        for text in (word, f"i think {word} is important"):
            result = resolver.resolve(text)
            if result.outcome is Outcome.MATCH:
                wrong.append(f"{text!r} -> {result.place.id if result.place else None}")
    assert not wrong, "\n".join(wrong)


def test_no_common_english_word_before_ma_is_guessed_into_a_town(resolver: Resolver) -> None:
    """ "southern mass" is not South End, "midnight mass" not McKnight, "action ma" not Acton.

    "MA" after a word makes an exact name a place ("Onset, MA"), but a correctly spelled
    common word is never a typo or a cut-off of a town's name: it is at most asked about.
    """
    wrong = []
    for word in english_words(PROPERTY_WORDS):
        for text in (f"{word} mass", f"i live in {word} ma"):
            result = resolver.resolve(text)
            if result.outcome is Outcome.MATCH and result.reason != "exact":
                wrong.append(f"{text!r} -> {result.place.id if result.place else None}")
    assert not wrong, "\n".join(wrong)


def test_the_common_word_names_are_municipalities(resolver: Resolver) -> None:
    municipal = {p.name.lower() for p in resolver.places.values() if p.state == "MA"}
    assert municipal >= COMMON_WORD_NAMES


def test_the_proper_names_are_aliases_or_landmarks_that_are_common_words(
    resolver: Resolver,
) -> None:
    for word in PROPER_NAMES:
        entries = resolver._exact.get(word, [])
        assert entries and not any(e.kind == "name" for e in entries), word
        assert resolver.vocabulary.is_common(word), f"{word} is not a common word: not needed"


def test_the_vocabulary_knows_massachusetts_without_the_knowledge() -> None:
    vocabulary = Vocabulary.build()
    found = vocabulary.qualifier_at(["lowell", "ma"], 1)
    assert found is not None and found.code == "MA"
    assert vocabulary.qualifier_at(["washington", "street"], 0) is None


def test_a_state_name_that_names_a_street_qualifies_nothing() -> None:
    vocabulary = Vocabulary.build([], [("Washington", "WA", "us_state")])
    assert vocabulary.qualifier_at(["lowell", "washington"], 1) is not None
    assert vocabulary.qualifier_at(["lowell", "washington", "st"], 1) is None


# The knowledge files ------------------------------------------------------------------------


@pytest.fixture
def knowledge(tmp_path: Path) -> Path:
    folder = tmp_path / "knowledge"
    folder.mkdir()
    for name in (
        "places.yaml",
        "landmarks.yaml",
        "schools.yaml",
        "local_names.yaml",
        "chinese_names.yaml",
        "script_names.yaml",
    ):
        (folder / name).write_text((DEFAULT_KNOWLEDGE_DIR / name).read_text("utf-8"), "utf-8")
    for name in ("common_words.yaml", "world.yaml", "first_names.yaml"):
        (folder / name).write_text((DEFAULT_KNOWLEDGE_DIR / name).read_text("utf-8"), "utf-8")
    return folder


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")


def test_the_committed_local_names_load(knowledge: Path) -> None:
    data = LOCAL_NAMES.load(knowledge)
    assert len(data.landmarks) >= 150
    assert all(entry.source.startswith("http") for entry in data.landmarks)
    assert {n.kind for n in data.names} >= {"nickname", "neighborhood", "square", "chinese"}


@pytest.mark.parametrize(
    ("file", "old", "new", "message"),
    [
        (
            "landmarks.yaml",
            'place: boston, kind: stadium, source: "https://en.wikipedia.org/wiki/Fenway_Park"',
            'place: bostn, kind: stadium, source: "https://en.wikipedia.org/wiki/Fenway_Park"',
            "knowledge/landmarks.yaml: entry #",
        ),
        (
            "landmarks.yaml",
            '{name: "Fenway Park", place: boston,',
            '{name: "Fenway Park", place: boston, places: [boston, brookline],',
            "(Fenway Park): Value error, give either place (one host) or places",
        ),
        (
            "landmarks.yaml",
            'source: "https://en.wikipedia.org/wiki/Fenway_Park"',
            'source: "en.wikipedia.org/wiki/Fenway_Park"',
            "field 'source'",
        ),
        (
            "landmarks.yaml",
            '{name: "Tanglewood", place: lenox, also_in: [stockbridge],',
            '{name: "Tanglewood", place: lenox, also_in: [stockbrige],',
            "(Tanglewood): field 'also_in.0': unknown place 'stockbrige'",
        ),
        (
            "landmarks.yaml",
            '{name: "Tanglewood", place: lenox, also_in: [stockbridge],',
            '{name: "Tanglewood", places: [lenox, lee], also_in: [stockbridge],',
            "(Tanglewood): Value error, also_in goes with place",
        ),
        (
            "local_names.yaml",
            '{alias: "Beantown", town: boston,',
            '{alias: "Beantown", town: nowhere,',
            "knowledge/local_names.yaml: entry #1 (Beantown): field 'town': unknown place",
        ),
    ],
)
def test_a_bad_local_name_or_landmark_is_named_by_file_entry_and_field(
    knowledge: Path, file: str, old: str, new: str, message: str
) -> None:
    edit(knowledge / file, old, new)
    with pytest.raises(KnowledgeError) as caught:
        LOCAL_NAMES.load(knowledge)
    assert message in str(caught.value)


def test_a_landmark_named_twice_is_refused(knowledge: Path) -> None:
    with (knowledge / "landmarks.yaml").open("a", encoding="utf-8") as handle:
        handle.write(
            '- {name: "fenway park", place: boston, kind: park, source: "https://example.org"}\n'
        )
    with pytest.raises(KnowledgeError, match="also at"):
        LOCAL_NAMES.load(knowledge)


def test_a_school_named_in_both_landmark_files_is_refused_naming_the_file(
    knowledge: Path,
) -> None:
    with (knowledge / "schools.yaml").open("a", encoding="utf-8") as handle:
        handle.write(
            '- {name: "Fenway Park", place: boston, kind: school, source: "https://example.org"}\n'
        )
    with pytest.raises(KnowledgeError) as caught:
        LOCAL_NAMES.load(knowledge)
    assert "knowledge/schools.yaml: entry #" in str(caught.value)
    assert "'Fenway Park' also at" in str(caught.value)


def test_the_generated_schools_are_towns_own_high_schools_and_districts(knowledge: Path) -> None:
    schools = yaml.safe_load((knowledge / "schools.yaml").read_text("utf-8"))
    own = [school for school in schools if "place" in school]
    districts = [school for school in schools if "places" in school]
    assert len(own) >= 100 and len(districts) >= 20
    for school in schools:
        assert school["kind"] == "school"
        assert school["source"].startswith("https://profiles.doe.mass.edu/")
    assert all(" High" in school["name"] for school in own)
    # a regional district is named after its member towns: "Dover-Sherborn"
    for district in districts:
        assert len(district["places"]) >= 2
        assert district["source"].endswith("&orgtypecode=5")


def test_a_bad_place_elsewhere_is_named_by_file_entry_and_field(knowledge: Path) -> None:
    edit(knowledge / "world.yaml", '{name: "Ontario", code: "ON"', '{name: "Ontario", code: "O1"')
    with pytest.raises(KnowledgeError) as caught:
        VOCABULARY.load(knowledge)
    assert "knowledge/world.yaml: entry regions #" in str(caught.value)
    assert "(Ontario): field 'code'" in str(caught.value)


def test_a_missing_language_of_common_words_is_named(knowledge: Path) -> None:
    path = knowledge / "common_words.yaml"
    text = path.read_text("utf-8")
    path.write_text(text[: text.index("  pt: >-")], "utf-8")
    with pytest.raises(KnowledgeError, match=r"common_words\.yaml: field 'languages': missing pt"):
        VOCABULARY.load(knowledge)


# The import script --------------------------------------------------------------------------


def load_script() -> ModuleType:
    return support.load_script(REPO / "scripts" / "import_vocabulary.py")


def test_the_import_output_equals_the_committed_files(tmp_path: Path) -> None:
    for name in ("places.yaml", "aliases.yaml", "local_names.yaml", "landmarks.yaml"):
        (tmp_path / name).write_text((DEFAULT_KNOWLEDGE_DIR / name).read_text("utf-8"), "utf-8")
    assert load_script().main(["--out", str(tmp_path)]) == 0
    for name in (
        "common_words.yaml",
        "world.yaml",
        "chinese_names.yaml",
        "script_names.yaml",
        "first_names.yaml",
    ):
        assert (tmp_path / name).read_text("utf-8") == (DEFAULT_KNOWLEDGE_DIR / name).read_text(
            "utf-8"
        ), f"{name} differs: rerun scripts/import_vocabulary.py"


def test_names_in_other_scripts_leave_out_a_larger_citys_name() -> None:
    names = {e["alias"]: e["town"] for e in load_script().script_names(DEFAULT_KNOWLEDGE_DIR)}
    assert names["Бруклайн"] == "brookline"
    assert "Бруклин" not in names  # Brooklyn's name, though GeoNames lists it for Brookline
    assert names["Кембридж"] == "cambridge"  # England's Cambridge is Cambridge too
    assert names["Вустер"] == "worcester"  # Wooster, Ohio, is smaller
    # Neither Latin letters (those names are read as they are) nor Chinese (chinese_names.yaml).
    assert not any(
        c.isalpha() and (ord(c) < 0x370 or 0x3400 <= ord(c) <= 0x9FFF) for n in names for c in n
    )


def test_the_other_languages_words_hold_no_name_of_ours() -> None:
    data = VOCABULARY.load(DEFAULT_KNOWLEDGE_DIR)
    script = load_script()
    assert set(data.words) == {
        *script.LANGUAGES,
        *script.OTHER_LANGUAGES,
        *script.SCRIPT_LANGUAGES,
    }
    ours = script.names_of_ours(DEFAULT_KNOWLEDGE_DIR)
    assert {"boston", "neu", "salem"} <= ours
    for lang in script.OTHER_LANGUAGES:
        top = script.TOP_OTHER_WORDS_BY.get(lang, script.TOP_OTHER_WORDS)
        assert 0.7 * top < len(data.words[lang]) <= top, lang  # fewer once folded
        assert not ours.intersection(data.words[lang]), lang
    # Other alphabets: as written, and no word begins with a name of ours in them.
    written = script.script_names_of_ours(script.script_names(DEFAULT_KNOWLEDGE_DIR))
    assert {"бостон", "ньютон"} <= written
    for lang in script.SCRIPT_LANGUAGES:
        assert 3_000 < len(data.words[lang]) <= 5_000, lang
        assert not any(w.startswith(tuple(written)) for w in data.words[lang]), lang
    assert "שלום" in data.words["he"] and "привет" in data.words["ru"]


def test_words_written_as_said_are_spelt_the_usual_way() -> None:
    vocabulary = Vocabulary.build(
        ["here", "hear", "where", "number", "stores", "moving", "lester"], [], ["lester"]
    )
    assert vocabulary.as_written("heah") == "here"
    assert vocabulary.as_written("wheah") == "where"
    assert vocabulary.as_written("numbah") == "number"
    assert vocabulary.as_written("stoahs") == "stores"
    assert vocabulary.as_written("movin") == "moving"
    assert vocabulary.as_written("lestah") == "lestah"  # Lester is a person's name
    assert vocabulary.as_written("yeah") == "yeah"  # nothing to put back


def test_a_misspelt_word_is_one_of_the_same_sound() -> None:
    english = ["police", "committee", "surveillance", "rooster", "lest"]
    vocabulary = Vocabulary.build(english, english=english)
    assert vocabulary.misspelt("polise") == "police"
    assert vocabulary.misspelt("comittee") == "committee"
    assert vocabulary.misspelt("survelance") == "surveillance"  # two letters left out
    assert vocabulary.misspelt("wooster") is None  # rooster sounds otherwise
    assert vocabulary.misspelt("lesta") is None  # letters added to "lest": not a misspelling
    assert vocabulary.misspelt("police") is None  # spelt right
