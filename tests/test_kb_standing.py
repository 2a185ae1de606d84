"""The truth table: what every one of the 42 measures means, and what its headline may say.

Each row is the expected classification of the measure's place (from the one decision,
bot.kb.standing.classify), whether it is in force, and the words the rendered headline a resident
reads first must and must not contain. A headline never claims more than the measure does.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest

from bot.core.answers import Answers
from bot.kb.models import Measure, MeasureState
from bot.kb.standing import classify, stated
from bot.kb.store import KnowledgeStore
from bot.services import Services, open_services
from tests.support import make_settings

# measure id: (place's kind, in force, headline must contain, headline must not contain)
TRUTH: dict[str, tuple[str, bool, tuple[str, ...], tuple[str, ...]]] = {
    "somerville-ban-2019": (
        "ban",
        True,
        ("<b>Somerville, MA</b> bans its own city agencies", "June 27, 2019"),
        ("moratorium", "state"),
    ),
    "brookline-ban-2019": ("ban", True, ("bans its own town agencies", "Town Meeting"), ()),
    "northampton-ban-2019": ("ban", True, ("bans its own city agencies",), ()),
    "cambridge-ban-2020": ("ban", True, ("bans its own city departments",), ()),
    "springfield-moratorium-2020": (
        "moratorium",
        True,
        ("has a moratorium, not a ban", "until the City Council approves police rules"),
        (" bans ", "banned"),
    ),
    "boston-ban-2020": ("ban", True, ("bans its own city agencies",), ()),
    "easthampton-ban-2020": ("ban", True, ("bans its own city government",), ("police",)),
    "worcester-ban-2021": ("ban", True, ("bans its own city agencies",), ()),
    "arlington-proposal-2022": ("none", False, ("could not confirm",), (" bans ",)),
    "amherst-oversight": ("none", False, ("could not confirm",), (" bans ",)),
    "lawrence-oversight": (
        "oversight",
        True,
        ("no face surveillance ban", "oversight"),
        (" bans ",),
    ),
    "ma-bills-191st": ("limited", True, ("were not enacted",), ("pending",)),
    "ma-c6-s220": (
        "limited",
        True,
        ("has no statewide ban", "only regulates police face-recognition searches"),
        (" bans ",),
    ),
    "ma-bills-192nd": ("limited", True, ("were not enacted",), ("pending",)),
    "ma-bills-193rd": ("limited", True, ("were not enacted",), ("pending",)),
    "ma-bills-194th": ("limited", True, ("would replace",), ("passed", "enacted")),
    "san-francisco-ca-ban-2019": ("ban", True, ("bans its city and county departments",), ()),
    "oakland-ca-ban-2019": ("ban", True, ("bans its city agencies",), ()),
    "berkeley-ca-ban-2019": ("ban", True, ("bans its city agencies",), ()),
    "alameda-ca-ban-2019": ("ban", True, ("adopted a policy", "resolution"), ("ordinance",)),
    "santa-cruz-ca-ban-2020": ("ban", True, ("unless the City Council approves",), ()),
    "ca-ab-1215": (
        "moratorium",
        False,
        ("body cameras", "expired on January 1, 2023"),
        (" bans ",),
    ),
    "portland-or-ban-2020": (
        "ban",
        True,
        ("city bureaus", "private businesses in places open to the public"),
        (),
    ),
    "portland-me-ban-2020": ("ban", True, ("city officials and employees",), ()),
    "me-ld-1585": ("ban", True, ("with exceptions for law enforcement",), ()),
    "vt-s-124": (
        "moratorium",
        True,
        ("bars law enforcement", "until the Legislature expressly approves it"),
        ("government use", "moratorium on government"),
    ),
    "va-hb-2031": (
        "ban",
        False,
        ("local and campus police", "replaced that ban on July 1, 2022", "SB 741"),
        (" bans ",),
    ),
    "new-orleans-la-ban-2020": (
        "limited",
        True,
        ("rolled back the face recognition part", "violent crimes"),
        (" bans ", "repealed its ban"),
    ),
    "jackson-ms-ban-2020": ("ban", False, ("lifted the ban",), (" bans ",)),
    "king-county-wa-ban-2021": ("ban", True, ("Sheriff's Office",), ()),
    "minneapolis-mn-ban-2021": ("ban", True, ("bans its city departments",), ()),
    "madison-wi-ban-2020": ("ban", True, ("bans its city agencies",), ()),
    "pittsburgh-pa-limited-2020": (
        "limited",
        True,
        ("does not ban", "City Council approval"),
        (" bans ",),
    ),
    "baltimore-md-moratorium-2021": (
        "moratorium",
        False,
        ("expired in December 2022", "private businesses"),
        (" bans ",),
    ),
    "teaneck-nj-ban-2021": ("ban", True, ("bans its township agencies",), ()),
    "ny-schools": ("ban", True, ("in its schools",), ("government",)),
    "wa-sb-6280": ("limited", True, ("does not ban",), (" bans ",)),
    "co-sb22-113": ("limited", True, ("does not ban",), (" bans ",)),
    "mt-sb-397": ("limited", True, ("only in listed cases",), (" bans ",)),
    "md-sb-182": ("limited", True, ("does not ban", "police"), (" bans ",)),
    "or-hb-2571": (
        "limited",
        True,
        ("body-camera recordings",),
        ("oversight", "general"),
    ),
    "nh-body-camera-rule": ("none", False, ("could not verify",), ()),
}


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    svc = open_services(make_settings(tmp_path_factory.mktemp("standing")))
    yield svc
    svc.close()


@pytest.fixture(scope="module")
def measures(services: Services) -> dict[str, Measure]:
    store = services.knowledge
    return {m.id: m for p in store.places() for m in store.measures_for(p.id)}


def test_the_truth_table_covers_all_42_measures(measures: dict[str, Measure]) -> None:
    assert set(TRUTH) == set(measures) and len(measures) == 42


@pytest.mark.parametrize("measure_id", sorted(TRUTH))
def test_each_measure_means_what_it_does_and_its_headline_says_no_more(
    services: Services, measures: dict[str, Measure], measure_id: str
) -> None:
    kind, in_force, must, must_not = TRUTH[measure_id]
    measure = measures[measure_id]
    standing = services.knowledge.standing(measure.place_id)
    assert (standing.kind, standing.in_force) == (kind, in_force)
    headline = services.conversation.answers.text(measure, "headline", "en")
    for words in must:
        assert words in headline, (measure_id, words, headline)
    for words in must_not:
        assert words not in headline, (measure_id, words, headline)


def test_only_a_ban_in_force_is_headlined_as_banning(
    services: Services, measures: dict[str, Measure]
) -> None:
    answers: Answers = services.conversation.answers
    for measure in stated(list(measures.values())):
        headline = answers.text(measure, "headline", "en")
        if " bans " in headline:
            standing = services.knowledge.standing(measure.place_id)
            assert (measure.what, standing.kind, standing.in_force) == ("ban", "ban", True)


def test_a_place_with_a_stated_measure_never_stands_at_none(
    services: Services, measures: dict[str, Measure]
) -> None:
    store: KnowledgeStore = services.knowledge
    for place_id in {m.place_id for m in stated(list(measures.values()))}:
        standing = store.standing(place_id)
        assert standing.kind != "none" and standing.measure is not None, place_id


def test_the_strongest_measure_in_force_decides_and_unverified_ones_never_count(
    measures: dict[str, Measure],
) -> None:
    ban = measures["somerville-ban-2019"]
    oversight = measures["lawrence-oversight"]
    rumour = measures["arlington-proposal-2022"]
    assert classify([oversight, ban]).measure == ban
    lifted = classify([replace(ban, state=MeasureState("repealed", by={"en": "a vote"}))])
    assert (lifted.kind, lifted.in_force, lifted.prohibits) == ("ban", False, False)
    assert classify([rumour]).kind == "none" and classify([rumour]).unverified == (rumour,)
    assert classify([]).kind == "none"
