"""Where someone lives, works or moved, said in Swahili, Somali, Nepali, Amharic or ASL gloss,
put in English.

Residents from East Africa and Nepal write "tunaishi Lowell lakini kazi yangu iko
Burlington" (we live in Lowell, but my work is in Burlington), "Waxaan ku noolahay
Springfield laakiin shaqadaydu waa Holyoke" (Somali: I live in Springfield, but my work is
Holyoke), "म Worcester मा काम गर्छु र Leicester मा बस्छु" (Nepali: I work in Worcester and live
in Leicester). The resolver reads the English of these ("live in", "work", "moved to",
"from") and answers as it does in English: home first, a move made answers the new home. So
the few words that say so are put in English here, and nothing else: a message keeps its
names as typed.

Only a message with two of a language's words is read as that language (one word alone, "na"
or "waa", could be anything). Sources: https://en.wikivoyage.org/wiki/Swahili_phrasebook,
https://en.wikivoyage.org/wiki/Somali_phrasebook, https://en.wikivoyage.org/wiki/
Nepali_phrasebook; the verb forms are the languages' regular conjugations (Swahili
ni-/tu-/a-/wa- with -na- now, -li- past, -me- done, -ta- to come; "-hamia", move to; "-ishi"
and "-kaa", live; Somali "ku nool", live in; Nepali "बस्नु", to live, and "काम गर्नु", to work).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

_SUBJECTS = "(?:ni|tu|a|wa|u|m|n)"


def _swahili(stem: str, tenses: str) -> str:
    return rf"{_SUBJECTS}(?:{tenses})(?:{stem})"


# Swahili: each pattern a whole word, in English.
_SWAHILI: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(rf"(?<![\w-])(?:{pattern})(?![\w-])", re.IGNORECASE), english)
    for pattern, english in (
        (_swahili("hamia", "li|me"), "moved to"),
        (_swahili("hama", "li|me"), "moved"),
        (rf"kuhamia|{_swahili('hamia', 'ta|na')}", "moving to"),
        (rf"kuhama|{_swahili('hama', 'ta|na')}", "moving"),
        (rf"naishi|nakaa|{_swahili('ishi|kaa', 'na')}", "live in"),
        ("kutoka", "from"),
        ("lakini", "but"),
        ("kazi", "work"),
        ("kazini", "at work"),
        ("iko", "is in"),
        ("mwaka jana", "last year"),
        ("imepiga marufuku|wamepiga marufuku|marufuku", "banned"),
    )
)
_SWAHILI_MARKS = frozenset(
    """
    lakini kutoka kazi kazini yangu yetu iko mwaka jana karibu na marufuku kamera uso je
    sana asante habari nyumbani mji
    """.split()
)
_SWAHILI_VERB = re.compile(
    rf"(?<![\w-])(?:kuhamia|kuhama|naishi|nakaa|{_swahili('hamia|hama|ishi|kaa', 'li|me|ta|na')})"
    r"(?![\w-])",
    re.IGNORECASE,
)

# Somali: "ku noolahay" (I live in), "deggenahay" (I live), "shaqadaydu" (my work).
_SOMALI: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(rf"(?<![\w-])(?:{pattern})(?![\w-])", re.IGNORECASE), english)
    for pattern, english in (
        ("ku (?:noolahay|noolnahay|nool|nooshahay|deggenahay|degenahay)", "live in"),
        ("(?:ayaan |baan )?(?:deggenahay|degenahay|deganahay|noolahay|noolnahay)", "live"),
        ("laakiin|laakin", "but"),
        ("shaqadaydu|shaqadayda|shaqadeydu|shaqada|shaqo", "work"),
        ("ka guurnay|ka guuray|guurnay|guuray", "moved"),
        ("magaalada", "the city of"),
    )
)
_SOMALI_MARKS = frozenset(
    """
    waxaan ku noolahay noolnahay deggenahay degenahay deganahay laakiin laakin shaqadaydu
    shaqadayda shaqada shaqo waa ayaan baan magaalada guurnay guuray sharcigan ma ku
    """.split()
)

# Nepali in Devanagari: "X मा <verb>" (in X, then the verb), said as English orders it.
_NEPALI_VERBS: Mapping[str, str] = {
    "काम गर्छु": "i work in",
    "काम गर्छौं": "we work in",
    "काम गर्छन्": "they work in",
    "बस्छु": "i live in",
    "बस्छौं": "we live in",
    "बस्छौ": "we live in",
    "बस्छन्": "they live in",
    "बस्छ": "lives in",
    "बस्थें": "i used to live in",
    "बस्थे": "used to live in",
    "बस्थ्यौं": "we used to live in",
}
_NEPALI_PLACED = re.compile(
    r"((?:[A-Za-z][\w'.-]* )*[A-Za-z][\w'.-]*|\S+) मा ("
    + "|".join(sorted(map(re.escape, _NEPALI_VERBS), key=len, reverse=True))
    + r")"
)
_NEPALI_WORDS = {"पहिले": "before", "अहिले": "now", "र": "and"}
_NEPALI_WORD = re.compile(r"(?<!\S)(" + "|".join(_NEPALI_WORDS) + r")(?!\S)")

# Romanized Nepali: "didi revere ma basxau" (my sister and I live in Revere).
_NEPALI_LATIN = re.compile(
    r"(?<!\S)(\S+) ma (basxu|basxau|baschu|baschau|bascha|basxa|basthe|basthyau)(?!\S)",
    re.IGNORECASE,
)


# English as ASL gloss writes it, or as a learner drops the preposition: "ME LIVE WORCESTER"
# (I live in Worcester), "TOWN MINE SHARON" (my town: Sharon), "FINISH MOVE FROM LYNN TO SALEM"
# (FINISH marks a thing done: moved). Source: https://en.wikipedia.org/wiki/ASL_gloss and
# https://www.lifeprint.com/asl101/pages-signs/f/finish.htm
_LIVE_NO_IN = re.compile(
    r"(?<![\w'])(me|i|we|they|he|she|my \w+) (live|lives|stay|stays) "
    r"(?!(?:in|at|on|near|by|here|there|with|alone|together|off|up|down|close|next|around|"
    r"outside|inside|over|across|between|from|to|for|and|or|but|so|the|a|an|out|right|"
    r"just|now|still|only|about|like|in\w*)\b|\d)",
    re.IGNORECASE,
)
_GLOSS = (
    (re.compile(r"(?<!\w)(town|city|home|house) mine(?!\w)", re.IGNORECASE), r"my \1"),
    (re.compile(r"(?<!\w)finish (move|moved)(?!\w)", re.IGNORECASE), "moved"),
)


# Amharic: "ከ Chelsea ወደ Revere ተዛውረናል" (from Chelsea to Revere we have moved). The verb
# made (ተዛወርን, ተዛወርኩ, ተዛውረናል: all begin ተዛወ or ተዛው; the one to come, እንዛወራለን,
# does not) goes before "from", as English says it. Source: https://en.wiktionary.org/wiki/ተዛወረ
_AMHARIC_MOVED = re.compile(r"(?<!\S)ተዛ[ወው]\S*")
_AMHARIC_FROM = re.compile(r"(?<!\S)ከ(?=\s)")
_AMHARIC_TO = re.compile(r"(?<!\S)ወደ(?=\s)")


def in_english(text: str) -> str:
    """The message with its Swahili, Somali or Nepali words of living, working and moving in
    English, if it is in one of these languages; otherwise as it was."""
    text = _LIVE_NO_IN.sub(r"\1 \2 in ", text)
    if " mine" in text.lower() or "finish" in text.lower():
        for pattern, english in _GLOSS:
            text = pattern.sub(english, text)
    if "ተዛ" in text and _AMHARIC_MOVED.search(text) and _AMHARIC_FROM.search(text):
        text = _AMHARIC_MOVED.sub("", text)
        text = _AMHARIC_TO.sub("to", _AMHARIC_FROM.sub("moved from", text, count=1))
    if "मा" in text:
        text = _NEPALI_PLACED.sub(lambda m: f"{_NEPALI_VERBS[m[2]]} {m[1]}", text)
        text = _NEPALI_WORD.sub(lambda m: _NEPALI_WORDS[m[1]], text)
    if " ma " in text.lower():
        text = _NEPALI_LATIN.sub(r"live in \1", text)
    words = re.findall(r"\w+", text.lower())
    swahili = sum(w in _SWAHILI_MARKS for w in words) + (_SWAHILI_VERB.search(text) is not None)
    if swahili >= 2:
        for pattern, english in _SWAHILI:
            text = pattern.sub(english, text)
    elif sum(w in _SOMALI_MARKS for w in words) >= 2:
        for pattern, english in _SOMALI:
            text = pattern.sub(english, text)
    return text
