"""The Sources screen names each source's kind in the resident's language."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from bot import DEFAULT_KNOWLEDGE_DIR
from bot.services import Services, open_services
from tests.support import make_settings


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    opened = open_services(make_settings(Path(tmp_path_factory.mktemp("kinds"))))
    yield opened
    opened.close()


def kinds() -> set[str]:
    data = yaml.safe_load((DEFAULT_KNOWLEDGE_DIR / "measures.yaml").read_text(encoding="utf-8"))
    found = set()
    for entry in [*data["measures"], *data.get("coverage", [])]:
        found |= {source["kind"] for source in entry.get("sources", [])}
    return found


def test_every_measures_source_kind_has_a_text_in_every_language(services: Services) -> None:
    assert len(kinds()) > 50
    for lang in services.catalog.languages:
        for kind in kinds():
            shown = services.conversation.answers.source_kind(kind, lang)
            assert shown != "" and (lang == "en") == (shown == kind), (lang, kind, shown)


@pytest.mark.parametrize(("lang", "news"), [("es", "Artículo de prensa"), ("pt", "Reportagem")])
def test_the_sources_screen_reads_in_the_residents_language(
    services: Services, lang: str, news: str
) -> None:
    somerville = services.resolver.places["somerville"]
    text = services.conversation.answers.sources(somerville, lang).text
    assert news in text and "News article" not in text
    assert not re.search(r"\((Bill|News|Press|City|State) ", text)


def test_a_kind_no_catalog_has_is_shown_as_written(services: Services) -> None:
    assert services.conversation.answers.source_kind("Parish newsletter", "es") == (
        "Parish newsletter"
    )
