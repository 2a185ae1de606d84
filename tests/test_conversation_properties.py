"""Whatever anyone types, the conversation answers: no exception, valid HTML, within limits."""

from __future__ import annotations

import html.parser
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.core.context import UserContext
from bot.services import Services, open_services
from tests.support import make_settings

# The tags Telegram's HTML parse mode accepts.
TELEGRAM_TAGS = frozenset(
    "b strong i em u ins s strike del a code pre span tg-spoiler blockquote tg-emoji".split()
)
USER = UserContext(chat_id=7, user_id=7)


class TelegramHTML(html.parser.HTMLParser):
    """Fails on a tag Telegram rejects or on unbalanced tags."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        assert tag in TELEGRAM_TAGS, f"Telegram does not accept <{tag}>"
        if tag == "a":
            assert dict(attrs).get("href"), "a link needs an href"
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, f"unbalanced </{tag}>"
        self.stack.pop()


def assert_valid(text: str) -> None:
    assert 0 < len(text) <= 4096
    parser = TelegramHTML()
    parser.feed(text)
    parser.close()
    assert not parser.stack, f"unclosed {parser.stack}"


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    svc = open_services(make_settings(tmp_path_factory.mktemp("props")))
    yield svc
    svc.close()


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(max_size=4096))
def test_any_unicode_text_gets_valid_replies(services: Services, text: str) -> None:
    replies = services.conversation.text(USER, text)
    assert replies
    for reply in replies:
        assert_valid(reply.text)


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    text=st.one_of(
        st.text(max_size=80),
        st.builds(
            lambda a, b: f"{a}:{b}",
            st.sampled_from(["pick", "src", "leg", "scr", "out", "alr", "bc"]),
            st.text(max_size=60),
        ),
    )
)
def test_any_button_data_gets_valid_replies(services: Services, text: str) -> None:
    for reply in services.conversation.callback(USER, text):
        assert_valid(reply.text)


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    name=st.sampled_from(
        [
            "Somerville",
            "Portland",
            "Chestnut Hill",
            "01002",
            "Boston",
            "Lawrence",
            "Arlington",
            "Vermont",
            "King County",
        ]
    ),
    noise=st.text(max_size=40),
)
def test_place_answers_with_any_surrounding_text_are_valid(
    services: Services, name: str, noise: str
) -> None:
    for reply in services.conversation.text(USER, f"{noise} {name} {noise}"):
        assert_valid(reply.text)
