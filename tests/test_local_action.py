"""The local kit's conversation through the core (no Telegram): the buttons under an answer,
the questions it answers, "I'd help organize", reports of new bans and the organizers' queue."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
import yaml

from bot.core.context import UserContext
from bot.core.local_action import LocalActionFlow, TownRank, rank_towns
from bot.core.reply import Reply
from bot.kb.places import MeasureEntry
from bot.services import Services, open_services
from bot.storage import reports, subscribers
from tests.support import make_settings

CHAT = 5150
ORGANIZER = UserContext(chat_id=9001, user_id=9001, is_organizer=True)


@pytest.fixture
def services(tmp_path: Path) -> Iterator[Services]:
    svc = open_services(make_settings(tmp_path))
    yield svc
    svc.close()


def user(language: str = "en", chat_id: int = CHAT) -> UserContext:
    return UserContext(chat_id=chat_id, user_id=chat_id, language=language, first_name="Ana")


def flow(svc: Services) -> LocalActionFlow:
    return svc.local_action


def say(svc: Services, text: str, who: UserContext | None = None) -> list[Reply]:
    return svc.conversation.text(who or user(), text)


def press(svc: Services, data: str, who: UserContext | None = None) -> list[Reply]:
    return svc.conversation.callback(who or user(), data)


def one(replies: list[Reply]) -> str:
    assert len(replies) == 1, replies
    return replies[0].text


def data_of(reply: Reply) -> list[str]:
    return [b.data for row in reply.buttons for b in row if b.data]


# -- the buttons under an answer ------------------------------------------------------------


def test_buttons_offer_the_kit_under_a_town_with_no_ban(services: Services) -> None:
    andover = services.resolver.places["andover"]
    rows = flow(services).buttons(andover, "en")
    assert [[(b.label, b.data) for b in row] for row in rows] == [
        [("🏛 Bring a ban to Andover", "loc:r:andover")],
        [("📣 My town passed a ban", "loc:b:andover")],
    ]
    spanish = flow(services).buttons(andover, "es")
    assert spanish[0][0].label == "🏛 Lograr una prohibición en Andover"
    assert spanish[1][0].label == "📣 Mi ciudad aprobó una prohibición"


@pytest.mark.parametrize("place_id", ["somerville", "springfield", "portland-me", "ma"])
def test_no_kit_where_a_ban_or_moratorium_is_in_force_or_outside_massachusetts(
    services: Services, place_id: str
) -> None:
    assert flow(services).buttons(services.resolver.places[place_id], "en") == ()


def test_every_no_ban_municipality_gets_the_buttons_and_a_route(services: Services) -> None:
    offered = [p for p in services.resolver.places.values() if flow(services).buttons(p, "en")]
    assert len(offered) == 343
    for place in offered[::7]:
        (route,) = press(services, f"loc:r:{place.id}")
        assert route.text.startswith(f"🏛 <b>Bring a ban to {place.name}</b>")
        assert f"loc:v:{place.id}" in data_of(route) and f"loc:s:{place.id}" in data_of(route)


# -- the kit's buttons ------------------------------------------------------------------------


def test_the_route_offers_letter_petition_help_and_sources(services: Services) -> None:
    (route,) = press(services, "loc:r:andover")
    assert not route.edit  # a new message: the answer above stays
    assert data_of(route) == ["loc:l:andover", "loc:p:andover", "loc:v:andover", "loc:s:andover"]
    (council,) = press(services, "loc:r:lowell")
    assert data_of(council) == ["loc:l:lowell", "loc:v:lowell", "loc:s:lowell"]


def test_the_letter_comes_alone_after_how_to_send_it(services: Services) -> None:
    intro, letter = press(services, "loc:l:andover")
    assert "The bot sends nothing" in intro.text and not intro.buttons
    assert letter.text.startswith("To the Select Board of Andover,")
    assert data_of(letter) == ["loc:p:andover", "loc:v:andover"]


def test_a_council_has_no_petition_and_gets_its_route_instead(services: Services) -> None:
    (reply,) = press(services, "loc:p:lowell")
    assert reply.text.startswith("🏛 <b>Bring a ban to Lowell</b> · city council")


def test_a_town_with_a_ban_is_pointed_to_the_statewide_bill(services: Services) -> None:
    (reply,) = press(services, "loc:r:somerville")
    assert "already bans or pauses" in reply.text
    assert data_of(reply) == ["leg:somerville"]


@pytest.mark.parametrize(
    "data",
    [
        "loc",
        "loc:",
        "loc:r",
        "loc:zz:andover",
        "loc:r:atlantis",
        "loc:r:andover:x",
        "loc:r:portland-me",
    ],
)
def test_forged_or_stale_buttons_get_a_polite_answer(services: Services, data: str) -> None:
    assert "no longer valid" in one(press(services, data))


# -- questions answered with the route ---------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "how do we get a ban in our town?",
        "who is my city councilor?",
        "Who's my councillor",
        "how can we ban facial recognition here",
        "how do I put an article on the town meeting warrant?",
    ],
)
def test_local_questions_ask_for_the_town_then_give_its_route(
    services: Services, question: str
) -> None:
    asked = one(say(services, question))
    assert "I couldn't find a Massachusetts town" not in asked
    assert "Which Massachusetts city or town do you live in?" in asked
    assert one(say(services, "Andover")).startswith("🏛 <b>Bring a ban to Andover</b>")


def test_a_subscriber_gets_the_route_of_their_town_at_once(services: Services) -> None:
    subscribers.subscribe(services.state, CHAT, "lowell", "en")
    assert one(say(services, "who is my city councilor?")).startswith(
        "🏛 <b>Bring a ban to Lowell</b> · city council"
    )


def test_a_town_named_in_the_question_gets_its_route(services: Services) -> None:
    assert "<b>Bring a ban to Lowell</b>" in one(
        say(services, "who is my city councilor in Lowell")
    )
    assert "<b>Bring a ban to Andover</b>" in one(say(services, "how do we get a ban in Andover?"))
    assert "<b>Bring a ban to Arlington</b>" in one(
        say(services, "how can I get Arlington town meeting to ban face surveillance")
    )


def test_a_question_about_a_town_with_a_ban_gets_the_usual_answer(services: Services) -> None:
    assert "<b>Cambridge, MA</b> bans" in one(say(services, "Cambridge city council"))
    subscribers.subscribe(services.state, CHAT, "somerville", "en")
    reply = say(services, "who is my city councillor?")
    assert "already bans or pauses" in one(reply) and data_of(reply[0]) == ["leg:somerville"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("what can I do", "Call or email your state legislators"),
        ("which towns have banned face surveillance", "Massachusetts cities and towns that ban"),
        ("Andover", "<b>Andover, MA</b>: no ban"),
        ("is there a ban in my town", "I couldn't find a Massachusetts town"),
    ],
)
def test_other_messages_are_answered_as_before(
    services: Services, text: str, expected: str
) -> None:
    assert expected in one(say(services, text))


# -- I'd help organize ---------------------------------------------------------------------------


def test_id_help_organize_sets_the_flag_on_the_subscription(services: Services) -> None:
    text = one(press(services, "loc:v:andover"))
    assert "you'd help organize in <b>Andover</b>" in text
    assert "chat id, your town, your language, the day you subscribed and this yes" in text
    assert subscribers.get(services.state, CHAT) == subscribers.Subscriber(
        CHAT, "andover", "en", date.today().isoformat(), volunteer=True
    )
    row = services.state.execute("SELECT * FROM subscribers WHERE chat_id = ?", (CHAT,))
    assert dict(row.fetchone()).keys() == {
        "chat_id",
        "place_id",
        "language",
        "created",
        "volunteer",
        "senate",  # kept only with the consent asked under an exact legislators answer
        "house",
    }


def test_the_flag_shows_in_mydata_and_forget_erases_it(services: Services) -> None:
    press(services, "loc:v:andover")
    mydata = "\n".join(r.text for r in services.alerts.mydata(user()))
    assert "Town: Andover" in mydata and "Would help organize in Andover: yes" in mydata
    press(services, "alr:forget:yes")
    assert subscribers.get(services.state, CHAT) is None
    assert subscribers.mydata(services.state, CHAT) == {}


def test_volunteering_in_another_town_moves_the_subscription_and_says_so(
    services: Services,
) -> None:
    subscribers.subscribe(services.state, CHAT, "lowell", "en")
    text = one(press(services, "loc:v:andover"))
    assert "Your alerts were for Lowell; they are now for Andover." in text
    # Moving by the alerts button clears the flag: "help organize in Andover" was about Andover.
    press(services, "alr:sub:lowell")
    stored = subscribers.get(services.state, CHAT)
    assert stored is not None and (stored.place_id, stored.volunteer) == ("lowell", False)


def test_leaving_the_organizer_list_keeps_the_alerts(services: Services) -> None:
    press(services, "loc:v:andover")
    assert "off the organizer list for Andover" in one(press(services, "loc:vo"))
    stored = subscribers.get(services.state, CHAT)
    assert stored is not None and not stored.volunteer
    assert "nothing to change" in one(press(services, "loc:vo"))


def test_the_route_counts_neighbours_from_five(services: Services) -> None:
    for chat_id in range(1, 5):
        subscribers.subscribe(services.state, chat_id, "andover", "en")
    assert "residents of" not in one(press(services, "loc:r:andover"))
    subscribers.subscribe(services.state, 5, "andover", "en")
    assert "👥 5 residents of Andover get alerts from us." in one(press(services, "loc:r:andover"))


# -- My town passed a ban ----------------------------------------------------------------------


def all_values(svc: Services) -> list[object]:
    """Every value in every table of the state database."""
    tables = [r[0] for r in svc.state.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    return [v for t in tables for row in svc.state.execute(f'SELECT * FROM "{t}"') for v in row]


def test_a_report_with_a_link_reaches_the_queue_without_the_chat(services: Services) -> None:
    (ask,) = press(services, "loc:b:andover")
    assert "Send a link" in ask.text and "nothing about you" in ask.text
    assert data_of(ask) == ["loc:bn:andover", "loc:bx"]
    thanks = one(say(services, "https://www.andoverma.gov/news/ban-passed"))
    assert "your report about <b>Andover</b> is with the campaign's organizers" in thanks
    (report,) = reports.listing(services.state)
    assert (report.place_id, report.link, report.status) == (
        "andover",
        "https://www.andoverma.gov/news/ban-passed",
        "new",
    )
    assert report.reported == date.today().isoformat()
    columns = [r[1] for r in services.state.execute("PRAGMA table_info(ban_reports)")]
    assert columns == ["id", "place_id", "link", "reported", "status"]
    assert CHAT not in all_values(services)


def test_a_report_without_a_link_and_only_once_per_chat(services: Services) -> None:
    press(services, "loc:b:andover")
    (thanks,) = press(services, "loc:bn:andover")
    assert thanks.edit and "with the campaign's organizers" in thanks.text
    assert "already have your report" in one(press(services, "loc:bn:andover"))
    assert [r.link for r in reports.listing(services.state)] == [None]
    press(services, "loc:bn:andover", user(chat_id=CHAT + 1))
    assert len(reports.listing(services.state)) == 2


def test_a_bad_link_is_asked_again_and_other_text_is_answered_as_usual(services: Services) -> None:
    press(services, "loc:b:andover")
    assert "doesn't look like a web link" in one(say(services, "andoverma.gov/news"))
    assert "javascript" not in one(say(services, "javascript:alert(1)")).lower()
    assert reports.listing(services.state) == []
    press(services, "loc:b:andover")
    assert "<b>Lowell, MA</b>" in one(say(services, "Lowell"))
    assert reports.listing(services.state) == []


def test_cancel_sends_nothing(services: Services) -> None:
    press(services, "loc:b:andover")
    assert one(press(services, "loc:bx")) == "OK, no report was sent."
    say(services, "https://example.org/x")
    assert reports.listing(services.state) == []


@pytest.mark.parametrize(
    ("words", "language"),
    [
        ("My town passed a ban", "en"),
        ("our city passed a ban!", "en"),
        ("Mi ciudad aprobó una prohibición", "es"),
        ("Minha cidade aprovou uma proibição", "pt"),
        ("Mi ciudad aprobó una prohibición", "en"),  # any language works for anyone
    ],
)
def test_the_words_report_the_subscribers_town_in_every_language(
    services: Services, words: str, language: str
) -> None:
    subscribers.subscribe(services.state, CHAT, "andover", language)
    asked = one(say(services, words, user(language)))
    assert asked.startswith("📣") and "<b>Andover</b>" in asked  # in the user's language


def test_the_words_ask_which_town_when_none_is_known(services: Services) -> None:
    assert "Which city or town passed a ban?" in one(say(services, "my town passed a ban"))
    assert "Has <b>Lowell</b> passed a ban?" in one(say(services, "Lowell"))
    assert "Has <b>Andover</b>" in one(say(services, "Andover passed a ban"))
    assert "already show a ban" in one(say(services, "Somerville passed a ban"))


def test_a_question_about_a_ban_is_not_a_report(services: Services) -> None:
    subscribers.subscribe(services.state, CHAT, "andover", "en")
    assert "Has <b>Andover</b> passed a ban?" not in one(
        say(services, "has my town passed a ban?")
    )


# -- the organizers' queue ---------------------------------------------------------------------


def test_residents_cannot_read_or_decide_reports(services: Services) -> None:
    reports.add(services.state, "andover", "https://example.org/secret-link")
    resident = user()
    (refused,) = flow(services).reports(resident)
    assert refused.text == "Sorry, reports are for the campaign's organizers."
    assert "example.org" not in refused.text and "Andover" not in refused.text
    assert "organizers" in one(press(services, "rep:a:1", resident))
    assert reports.get(services.state, 1).status == "new"  # type: ignore[union-attr]


def test_an_organizer_accepts_a_report_and_gets_the_stanza_to_check(services: Services) -> None:
    reports.add(services.state, "andover", "https://example.org/vote")
    reports.add(services.state, "lowell", None)
    (queue,) = flow(services).reports(ORGANIZER)
    assert "2 waiting" in queue.text
    assert "#1 <b>Andover</b> (open town meeting)" in queue.text
    assert "#2 <b>Lowell</b> (council)" in queue.text and "no link" in queue.text
    assert data_of(queue) == ["rep:a:1", "rep:d:1", "rep:a:2", "rep:d:2"]
    accepted = one(press(services, "rep:a:1", ORGANIZER))
    assert "Report #1 accepted" in accepted and "Nothing is published automatically" in accepted
    stanza = accepted.split("<pre>")[1].split("</pre>")[0]
    entry = yaml.safe_load(stanza.replace("&#x27;", "'").replace("&amp;", "&"))[0]
    checked = MeasureEntry.model_validate(entry)
    assert (checked.place, checked.confidence, [s.url for s in checked.sources]) == (
        "andover",
        "unverified",
        ["https://example.org/vote"],
    )
    assert "Report #2 dismissed" in one(press(services, "rep:d:2", ORGANIZER))
    assert "not waiting any more (accepted)" in one(press(services, "rep:a:1", ORGANIZER))
    assert one(flow(services).reports(ORGANIZER)) == "No reports are waiting."


def test_nothing_the_kit_logs_at_info_names_a_chat(
    services: Services, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    press(services, "loc:v:andover")
    press(services, "loc:b:lowell")
    say(services, "https://example.org/lowell")
    flow(services).reports(user())
    press(services, "rep:a:1", ORGANIZER)
    messages = [r.getMessage() for r in caplog.records if r.levelno >= logging.INFO]
    assert messages and not any(str(CHAT) in m or "9001" in m for m in messages)
    assert not any("example.org" in m for m in messages)


# -- where to organize next --------------------------------------------------------------------


def test_towns_rank_by_volunteers_then_subscribers_with_small_counts_as_one() -> None:
    counts = {
        "andover": (40, 12),
        "lowell": (60, 3),
        "acton": (7, 1),
        "somerville": (90, 30),  # has a ban
        "arlington": (2, 0),
        "boxford": (0, 0),
    }
    forms = {p: "open_town_meeting" for p in counts}
    ranked = rank_towns(counts, forms, lambda p: p == "somerville")
    assert [r.place_id for r in ranked] == ["andover", "lowell", "acton", "arlington"]
    assert ranked[0] == TownRank("andover", "open_town_meeting", 12, 40)
