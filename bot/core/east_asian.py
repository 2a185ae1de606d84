"""Town names written as they sound in Chinese characters, Hangul or katakana.

A few towns have a Chinese, Korean or Japanese name on record (knowledge/chinese_names.yaml,
script_names.yaml); most do not, and residents write the others as they sound: 尼德姆
(Needham), 니덤, ニーダム. These scripts add a vowel after most consonants (ni-de-mu,
ni-deom, ni-da-mu), write L and R alike, and drop an English R after a vowel, so a spelling
comparison finds little. What survives is the run of consonants: both the town's name and
the reading are reduced to a skeleton of consonant classes (B for b p f v w, T for t d,
K for k g, S for s z j ch sh th, L for l r, M, N, H at the start, A for a first vowel), and
the towns whose skeleton is the same are asked about (resolver: never answered).

Chinese characters are read only where a run of three or more of them are all of the
characters the standard transliteration of English names uses (英语姓名译名手册): "我住在阿什兰"
gives 阿什兰, and ordinary words (东西, "thing", is two of them) are left alone.
"""

from __future__ import annotations

import re

from anyascii import anyascii

from bot.core.hanzi import simplified, simplified_all

# Characters of the Xinhua transliteration of English names (the common ones).
TRANSLITERATION = frozenset(
    "阿埃艾爱安昂敖奥澳巴芭拜班邦保鲍贝本比彼毕宾滨波玻伯博勃布查彻达戴丹道德登邓狄迪蒂丁东"
    "杜敦顿多厄恩尔法凡范菲费芬丰冯弗福富盖甘冈高戈哥格葛根贡古瓜圭哈海汉豪浩赫亨洪胡华怀"
    "霍基吉加迦贾杰捷金津卡开凯坎康考柯科克肯孔库夸奎昆拉莱赖兰朗劳勒雷蕾冷里利莉理林琳"
    "灵隆卢鲁路伦罗洛吕马玛迈麦曼芒毛茅梅门蒙孟米密敏明缪摩莫默姆穆纳娜奈南内妮尼涅宁纽"
    "努诺欧帕派潘庞佩彭皮珀普奇齐恰乔切钦琼丘屈萨塞赛桑瑟森沙莎山尚绍舍申什施史斯松苏"
    "索塔泰坦汤唐陶特滕蒂廷通图托瓦万旺威韦维温文沃乌伍武西希锡夏谢辛欣星休许雅亚扬耶"
    "伊因英尤于约泽扎詹朱兹佐茨堡佛"
)
MIN_CHARACTERS = 3  # Chinese characters in a run; two are too often a word ("东西")
MIN_SKELETON = 3  # consonant classes; fewer fit too many towns
_HANGUL = re.compile(r"[\uac00-\ud7af]+")
KATAKANA = re.compile(r"[\u30a0-\u30ff]+")
# Korean particles and endings after a name: 에서 (in), 에 (to), 은/는, 이/가, 을/를, 의,
# 로/으로, 시 (city), 타운 (town); a reading is also tried with one or two syllables off.
# Korean endings after a name, longest first: 에서 (in), 에 (to), 은/는, 이/가, 을/를, 의,
# 으로/로, 도 (too); a name is tried whole first, then without one. Only these: any
# syllable off would make 볼티모어 (Baltimore) 볼티, Florida.
_KOREAN_ENDINGS = (
    "에서요", "이에요", "에서", "에요", "예요", "으로", "에", "은", "는", "이", "가", "을",
    "를", "의", "로", "도",
)  # fmt: skip
_KOREAN_IN = ("에", "에서", "에서요", "시")
_KOREAN_TO = ("으로", "로")
_KOREAN_LIVES = (
    "살아",
    "살고",
    "삽니다",
    "사는",
    "살았",
    "거주",
)  # https://en.wiktionary.org/wiki/살다
# Korean words that end as a verb or a polite sentence ends are no names (수고하세요,
# 알겠습니다, 물어볼게요).
KOREAN_VERB_ENDS = ("요", "다", "까", "죠", "해", "고", "지", "데", "된", "던")
# Places elsewhere named in these scripts: a message naming one is about there (加州奥克兰,
# Oakland in California; バークレー、カリフォルニア).
ELSEWHERE = simplified_all(
    (
        "加州", "加利福尼亚", "纽约", "紐約", "德州", "佛州", "佛罗里达", "芝加哥", "华盛顿",
        "華盛頓", "康州", "新罕布什尔", "罗德岛", "佛蒙特", "缅因", "캘리포니아", "뉴욕",
        "텍사스", "플로리다", "시카고", "워싱턴", "カリフォルニア", "ニューヨーク", "テキサス",
        "フロリダ", "シカゴ", "ワシントン",
        # cities of Korea, Japan and China residents come from ("서울에서 왔어요")
        "서울", "부산", "인천", "대구", "도쿄", "오사카", "교토", "ソウル", "東京", "大阪",
        "京都", "横浜", "北京", "上海", "首尔",
    )
)  # fmt: skip
# Characters after a run that make it a town (昆西市: Quincy city), or a street (汉考克街).
_TOWN_AFTER = frozenset(simplified("市镇鎮"))
_STREET_AFTER = frozenset("街路道")

# Pinyin initials (longest first) and their classes.
_PINYIN_INITIALS = (
    ("zh", "S"), ("ch", "S"), ("sh", "S"), ("b", "B"), ("p", "B"), ("f", "B"), ("w", "B"),
    ("d", "T"), ("t", "T"), ("g", "K"), ("k", "K"), ("h", "H"), ("j", "S"), ("q", "S"),
    ("x", "S"), ("z", "S"), ("c", "S"), ("s", "S"), ("l", "L"), ("r", "L"), ("m", "M"),
    ("n", "N"), ("y", ""),
)  # fmt: skip
_CLASSES = {
    **dict.fromkeys("bpfvw", "B"),
    **dict.fromkeys("td", "T"),
    **dict.fromkeys("kgq", "K"),
    **dict.fromkeys("szj", "S"),
    **dict.fromkeys("lr", "L"),
    "m": "M",
    "n": "N",
    "h": "H",
}
_VOWELS = frozenset("aeiouy")
# A direction or "new" said in Chinese before a name: 北安普顿 is North-ampton.
_DIRECTIONS = {"北": "north", "南": "south", "东": "east", "西": "west", "新": "new"}
# Characters anyascii reads otherwise than the transliteration does (什 "shen", as in 什么).
_PINYIN = {"什": "shi"}


def without_particle(word: str) -> str:
    """A Hangul word without the particle or ending after a name (_KOREAN_ENDINGS, longest
    first: "니덤에서" is 니덤), or the word itself; a syllable at least is left."""
    ending = next((e for e in _KOREAN_ENDINGS if word.endswith(e) and len(word) > len(e) + 1), "")
    return word[: -len(ending)] if ending else word


def skeleton_of_name(name: str) -> str:
    """The consonant skeleton of an English name as it is said: "needham" NTM, "amherst"
    AMST (an R after a vowel and before a consonant or the end goes unsaid)."""
    word = re.sub("[^a-z]", "", name.lower())
    for spelled, said in (("ph", "f"), ("gh", ""), ("ck", "k"), ("th", "s"), ("sh", "s")):
        word = word.replace(spelled, said)
    word = word.replace("ch", "s").replace("x", "ks").replace("nge", "nje").replace("ng", "n")
    word = word.replace("dge", "je")  # Cambridge, Uxbridge: said with a J
    out: list[str] = []
    for i, letter in enumerate(word):
        after = word[i + 1 : i + 2]
        if letter in _VOWELS:
            if i == 0:
                out.append("A")
            continue
        if letter == "r" and i > 0 and word[i - 1] in _VOWELS and after not in _VOWELS:
            continue  # Amherst, Andover, Burlington: said without it
        if letter == "h" and i > 0:
            continue  # Needham, Framingham
        if letter == "w" and i > 0 and word[i - 1] in _VOWELS and after not in _VOWELS:
            continue  # Shrewsbury, Lowell's "ow": a vowel
        if letter == "c":
            out.append("S" if after in ("e", "i", "y") else "K")
            continue
        out.append(_CLASSES.get(letter, ""))
    return _collapsed(out)


def skeleton_of_pinyin(syllables: list[str]) -> str:
    """The skeleton of Chinese characters read in pinyin, a syllable at a time."""
    out: list[str] = []
    for index, syllable in enumerate(syllables):
        rest = syllable
        for initial, group in _PINYIN_INITIALS:
            if syllable.startswith(initial):
                rest = syllable[len(initial) :]
                if group == "H" and index > 0:
                    group = ""
                if group:
                    out.append(group)
                elif index == 0:
                    out.append("A")  # 伊 yi, 尤 you: a first vowel
                break
        else:
            if index == 0:
                out.append("A")
            if syllable == "er":
                out.append("L")  # 尔: the L of Wellesley, the R of Somerville
                continue
        if rest.endswith("n") or rest.endswith("ng"):
            out.append("N")  # 顿 dun, 灵 ling
    return _collapsed(out)


def skeleton_of_reading(reading: str) -> str:
    """The skeleton of Hangul or katakana read in Latin letters (anyascii): as a name, less
    the Japanese and Korean habit of "u" or "o" before a W sound ("ueruzuri", Wellesley)."""
    word = re.sub("[^a-z]", "", reading.lower())
    if word[:2] in ("ue", "ui", "uo", "wo", "we", "wi"):
        word = "w" + word[1:] if word[0] == "u" else word
    # Korean writes the unsaid English R as nothing already; every R it writes is said.
    word = word.replace("r", "l")
    # Hangul 쉬 ("swi") is an English SH ("애쉴랜드": Ashland)
    word = word.replace("sw", "s")
    return skeleton_of_name(word)


def skeleton_of_unvoweled(reading: str) -> str:
    """The skeleton of a word of a script that leaves short vowels unwritten (Devanagari
    read without its inherent "a", Tamil, Arabic, Urdu), in Latin letters: an R with no
    vowel written after it ("vrsestr", वर्सेस्टर: Worcester; "smrwel", سمرویل: Somerville)
    stood after an unwritten one, so it goes unsaid, as in the town's own name."""
    word = re.sub("[^a-z]", "", reading.lower())
    word = re.sub(r"r(?![aeiouy])", "", word)
    word = re.sub(r"(?:d|t|th)j", "j", word)  # Tamil ட்ஜ்: the J of "-bridge"
    return skeleton_of_name(word)


def readings(text: str) -> list[tuple[list[str], bool]]:
    """The skeletons of the sounds-like names in ``text``, each name's readings best first,
    and whether a town one class off may be heard in them: runs of transliteration
    characters (and a direction before them), which may; Hangul words (whole, then with an
    ending off) and katakana runs, which may not: any word of Korean or Japanese is read,
    and ordinary ones are one class off many towns (경찰, police, from Carlisle)."""
    found: list[list[str]] = []
    if any(place in text for place in ELSEWHERE):
        return []
    run = ""
    before = ""
    for char in text + " ":
        if char in TRANSLITERATION:
            run += char
            continue
        if char in _STREET_AFTER:
            run = ""  # 汉考克街: Hancock Street, in whatever town
        elif char in _TOWN_AFTER and len(run) == MIN_CHARACTERS - 1:
            found.append([_skeleton_of_characters(run)])  # 昆西市: two, and "city"
        elif before in _DIRECTIONS and len(run) >= MIN_CHARACTERS:
            found.append([_skeleton_of_characters(run, _DIRECTIONS[before])])  # 北安普顿
        elif run[:1] in _DIRECTIONS and len(run) > MIN_CHARACTERS:
            # 东/西/南 begin a name as a direction, or as a sound (南哈德利, South Hadley)
            direction = _DIRECTIONS[run[0]]
            found.append(
                [_skeleton_of_characters(run[1:], direction), _skeleton_of_characters(run)]
            )
        elif len(run) >= MIN_CHARACTERS:
            found.append([_skeleton_of_characters(run)])
        before = "" if run else char
        run = ""
    spelled: list[list[str]] = []
    korean = _HANGUL.findall(text)
    for at, word in enumerate(korean):
        # One before the verb for living is a name ("니덤 살아요": I live in Needham), even
        # one ending as verbs do ("캠브리지 살아요": Cambridge).
        lives = korean[at + 1 : at + 2] and korean[at + 1].startswith(_KOREAN_LIVES)
        if word.endswith(KOREAN_VERB_ENDS) and not lives:
            continue
        stem = without_particle(word)
        forms = [word, stem] if stem != word else [word]
        # A short skeleton (니덤, NTM) is a name alone, or before "in" (니덤에, 니덤에서):
        # in a sentence, a word of three classes is as often a verb (삭제해, "delete": Saugus).
        # and one moved to ("니덤으로 이사했어요": moved to Needham)
        moved_to = word.endswith(_KOREAN_TO) and any(w.startswith("이사") for w in korean)
        short = len(korean) == 1 or word.endswith(_KOREAN_IN) or bool(lives) or moved_to
        heard = [skeleton_of_reading(anyascii(form)) for form in forms]
        spelled.append([s for s in heard if short or len(s) > MIN_SKELETON])
    spelled.extend([skeleton_of_reading(anyascii(w))] for w in KATAKANA.findall(text))
    return [
        (kept, off)
        for groups, off in ((found, True), (spelled, False))
        for group in groups
        if (kept := [s for s in group if len(s) >= MIN_SKELETON])
    ]


def _skeleton_of_characters(run: str, direction: str = "") -> str:
    """The skeleton of transliteration characters, after a direction's if one was said."""
    read = skeleton_of_pinyin([_PINYIN.get(c) or anyascii(c).lower() for c in run])
    if direction:
        # the name's first sound is now inside it, where an H is not said (South Hadley)
        read = skeleton_of_name(direction) + read.removeprefix("A").removeprefix("H")
    return read


def _collapsed(classes: list[str]) -> str:
    out = ""
    for group in classes:
        if group and not out.endswith(group):
            out += group
    return out


# Letters that English spelling seldom has and these romanizations often do: Korean "eo",
# "eu" (reksingteon), Japanese long vowels and doubled consonants (kuinshii, burukkurain),
# pinyin "xi", "xu", "qi", "zh", "iu", "ei", "ao" (kunxi, niudun, weiersili). Without one, a
# word of no language is left to the other tiers: "refiled", "qwerty" and "Xyzzyville" (an
# "x" pinyin never writes before "y") are no Korean or Chinese.
# Marks of Korean, Japanese and pinyin romanization; Japanese "shi", "tsu", "jj" and a final
# "ru", "mu", "bu", "su" or "zu" ("seeramu": Salem, "samaabiru": Somerville).
ROMANIZED = re.compile(r"eo|eu|uu|ii|kk|pp|x[iu]|qi|zh|iu|ei|ao|shi|tsu|jj|[rmbsz]u$")


def romanized_readings(words: list[str]) -> list[list[str]]:
    """The skeletons of names written as they sound in Latin letters by the romanizations
    of these languages ("reksingteon", "kuinshii", "niudun", Vietnamese "Quin-xi" joined),
    each read as Korean or Japanese would write it, then with a pinyin or Vietnamese X or
    Q as S ("kunxi", "xto")."""
    found: list[list[str]] = []
    for word in words:
        hissed = word.replace("x", "s")
        forms = (word, hissed, hissed.replace("q", "s"))
        read = [skeleton_of_reading(form) for form in forms]
        kept = [s for s in dict.fromkeys(read) if len(s) >= MIN_SKELETON]
        if kept:
            found.append(kept)
    return found
