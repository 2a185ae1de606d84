"""Town names written as they sound in Chinese characters, Hangul or katakana, which no list
of names holds (issue 8): heard by their consonants and asked about, never answered; ordinary
Chinese, Korean and Japanese sentences name no town."""

from __future__ import annotations

import pytest

from bot.core import east_asian
from bot.core.resolver import Outcome, Resolver


@pytest.fixture(scope="module")
def resolver() -> Resolver:
    return Resolver.from_knowledge()


@pytest.mark.parametrize(
    ("name", "skeleton"),
    [("needham", "NTM"), ("amherst", "AMST"), ("wellesley", "BLSL"), ("shrewsbury", "SLSBL"),
     ("plymouth", "BLMS"), ("burlington", "BLNTN"), ("chelmsford", "SLMSBT")],
)  # fmt: skip
def test_a_name_is_read_as_it_is_said(name: str, skeleton: str) -> None:
    assert east_asian.skeleton_of_name(name) == skeleton


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("尼德姆", "needham"), ("니덤", "needham"), ("ニーダム", "needham"),
        ("웰즐리", "wellesley"), ("ウェルズリー", "wellesley"),
        ("我在北安普顿上学", "northampton"),
        ("南哈德利", "south-hadley"), ("什鲁斯伯里", "shrewsbury"), ("诺伍德", "norwood"),
        ("バーリントン", "burlington"),
        ("切姆斯福德", "chelmsford"),
        # romanized as these languages say it
        ("reksingteon", "lexington"), ("kuinshii", "quincy"), ("burukkurain", "brookline"),
        ("niudun ma", "newton"), ("weiersili", "wellesley"), ("Quin-xi", "quincy"),
    ],
)  # fmt: skip
def test_a_town_written_as_it_sounds_is_asked_about(
    resolver: Resolver, text: str, town: str
) -> None:
    result = resolver.resolve(text)
    assert result.outcome is Outcome.AMBIGUOUS and result.place is None
    assert town in {p.id for p in result.candidates}
    assert len(result.candidates) <= 3


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("저는 니덤에 살아요", "needham"), ("ニーダムに住んでいます", "needham"),
        ("我住在梅德菲尔德", "medfield"), ("我住在阿克顿", "acton"),
        ("저는 앰허스트에 살아요", "amherst"),
    ],
)  # fmt: skip
def test_a_town_written_as_it_sounds_beside_i_live_is_answered(
    resolver: Resolver, text: str, town: str
) -> None:
    # "I live in ...": the one town it sounds like is the answer (resolver._LIVES_IN_SCRIPT)
    result = resolver.resolve(text)
    assert result.outcome is Outcome.MATCH and result.place is not None
    assert result.place.id == town


@pytest.mark.parametrize(
    "text",
    [
        "东西很贵", "我想知道法律", "这个法案什么时候投票", "我不知道",
        "경찰이 얼굴 인식을 사용해요?", "제 정보를 삭제해 주세요", "법안 상황이 어떻게 되나요?",
        "우리 할머니는 요리를 잘해요", "감사합니다",
        "この法律について教えてください", "テレビで見ました", "ありがとうございます",
    ],
)  # fmt: skip
def test_an_ordinary_sentence_names_no_town(resolver: Resolver, text: str) -> None:
    result = resolver.resolve(text)
    assert result.outcome is Outcome.NONE and not result.candidates


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("케임브리지 영국", None), ("렉싱턴 켄터키", None), ("列克星敦 肯塔基州", None),
        ("英国剑桥", None), ("ケンブリッジ、イギリス", None),
        ("뉴턴의 운동 법칙 숙제 도와줘", None), ("牛顿第一定律是什么", None),
        ("ニュートンのりんごの話", None), ("퀸시 존스 음악 좋아요", None),
        ("剑桥英语考试报名", None),
        ("我住在剑桥", "cambridge"), ("저는 케임브리지에 살아요", "cambridge"),
        ("我住在波士顿，我来自中国", "boston"),
    ],
)  # fmt: skip
def test_a_name_beside_a_place_elsewhere_or_in_a_things_name_is_no_town(
    resolver: Resolver, text: str, expected: str | None
) -> None:
    """Chinese, Korean and Japanese: a country or state right before or after the name, or
    a person's or a law's name holding it; the same name alone is the town."""
    result = resolver.resolve(text)
    assert (result.place.id if result.outcome is Outcome.MATCH and result.place else None) == (
        expected
    )
    if expected is None:
        assert not result.candidates


@pytest.mark.parametrize(
    "text",
    [
        "was the bill refiled",
        "qwerty",
        "blahblah",
        "xyzzyville",
        "la police peut-elle utiliser la caméra ?",
    ],
)
def test_a_word_of_no_language_without_a_romanization_mark_is_not_heard(
    resolver: Resolver, text: str
) -> None:
    result = resolver.resolve(text)
    assert result.outcome is Outcome.NONE and not result.candidates


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # our Chinese names are mostly simplified (牛顿); residents also write traditional
        ("我住麻州的牛頓", "newton"), ("我住在波士頓", "boston"), ("牛頓市", "newton"),
        # and the things and places elsewhere are known in both writings
        ("英國劍橋", None), ("牛頓定律是什麼", None), ("ニュートンの法則", None),
        ("我住在紐約", None),
    ],
)  # fmt: skip
def test_traditional_characters_read_as_simplified_ones(
    resolver: Resolver, text: str, expected: str | None
) -> None:
    result = resolver.resolve(text)
    assert (result.place.id if result.outcome is Outcome.MATCH and result.place else None) == (
        expected
    )
    if expected is None:
        assert not result.candidates


def test_simplified_leaves_kana_hangul_and_latin_alone() -> None:
    from bot.core.hanzi import simplified

    assert simplified("牛頓 ニュートン 뉴턴 Newton") == "牛顿 ニュートン 뉴턴 Newton"
