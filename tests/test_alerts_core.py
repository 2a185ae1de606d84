"""Residents' alerts through the conversation core (no Telegram): subscribe, STOP, data."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.core.alerts_flow import AlertsFlow, alert_copy, is_stop_word
from bot.core.context import UserContext
from bot.services import Services, open_services
from bot.storage import broadcasts, subscribers
from tests.support import make_settings

CHAT = 4242


@pytest.fixture
def services(tmp_path: Path) -> Iterator[Services]:
    svc = open_services(make_settings(tmp_path))
    yield svc
    svc.close()


def alerts(svc: Services) -> AlertsFlow:
    return svc.alerts


def user(language: str = "en", chat_id: int = CHAT) -> UserContext:
    return UserContext(chat_id=chat_id, user_id=chat_id, language=language, first_name="Ana")


def one(replies: list) -> str:
    assert len(replies) == 1
    return str(replies[0].text)


def stored_row(svc: Services, chat_id: int = CHAT) -> tuple | None:
    row = svc.state.execute("SELECT * FROM subscribers WHERE chat_id = ?", (chat_id,)).fetchone()
    return tuple(row) if row is not None else None


def test_the_button_under_an_answer_subscribes_and_says_what_is_stored(services: Services) -> None:
    text = one(services.conversation.callback(user(), "alr:sub:somerville"))
    assert "alerts for <b>Somerville, MA</b>" in text
    assert "chat id" in text and "Somerville, MA" in text and "English" in text
    assert "STOP" in text and "/forget" in text
    row = stored_row(services)
    assert row is not None and row[:3] == (CHAT, "somerville", "en")
    assert [c[1] for c in services.state.execute("PRAGMA table_info(subscribers)")] == [
        "chat_id",
        "place_id",
        "language",
        "created",
        "volunteer",  # only "I'd help organize" sets it (tests/test_local_action.py)
        "senate",  # only "Alerts with a button to call them" sets these two
        "house",
    ]
    assert row[4] == 0


def test_subscribe_with_a_typo_d_town_resolves_it(services: Services) -> None:
    text = one(alerts(services).subscribe_command(user(), "sommerville"))
    assert "<b>Somerville, MA</b>" in text
    assert stored_row(services) is not None


def test_subscribe_without_a_town_asks_for_one_and_stores_nothing(services: Services) -> None:
    text = one(alerts(services).subscribe_command(user(), "  "))
    assert "/subscribe Somerville" in text
    assert stored_row(services) is None


def test_an_ambiguous_town_is_asked_about_with_subscribe_buttons(services: Services) -> None:
    replies = alerts(services).subscribe_command(user(), "Chestnut Hill")
    data = [b.data for row in replies[0].buttons for b in row]
    assert data == ["alr:sub:boston", "alr:sub:brookline", "alr:sub:newton"]
    assert stored_row(services) is None


def test_an_unknown_town_is_echoed_escaped_and_nothing_is_stored(services: Services) -> None:
    text = one(alerts(services).subscribe_command(user(), "<Xyzzyville>"))
    assert "&lt;Xyzzyville&gt;" in text
    assert stored_row(services) is None


def test_a_place_outside_massachusetts_cannot_be_subscribed(services: Services) -> None:
    text = one(services.conversation.callback(user(), "alr:sub:portland-me"))
    assert "Massachusetts cities and towns" in text
    assert stored_row(services) is None


def test_subscribing_again_to_another_town_moves_the_subscription(services: Services) -> None:
    services.conversation.callback(user(), "alr:sub:somerville")
    text = one(services.conversation.callback(user(), "alr:sub:cambridge"))
    assert "<b>Cambridge, MA</b> instead of Somerville" in text
    assert services.state.execute("SELECT count(*) FROM subscribers").fetchone()[0] == 1


def test_the_language_stored_is_the_users_catalog_language(services: Services) -> None:
    text = one(services.conversation.callback(user("pt"), "alr:sub:somerville"))
    assert "Pronto" in text and "português" in text
    row = stored_row(services)
    assert row is not None and row[2] == "pt"


@pytest.mark.parametrize(
    "language, word, expected",
    [
        ("en", "STOP", "no more alerts"),
        ("en", "unsubscribe", "no more alerts"),
        ("en", "Cancel", "no more alerts"),
        ("en", " quit! ", "no more alerts"),
        ("es", "PARAR", "no recibirá más alertas"),
        ("es", "cancelar", "no recibirá más alertas"),
        ("es", "Baja", "no recibirá más alertas"),
        ("es", "alto", "no recibirá más alertas"),
        ("pt", "PARE", "não vai receber mais alertas"),
        ("pt", "parar", "não vai receber mais alertas"),
        ("pt", "Sair", "não vai receber mais alertas"),
        ("pt", "CANCELAR", "não vai receber mais alertas"),
    ],
)
def test_a_stop_word_as_the_whole_message_unsubscribes_at_once(
    services: Services, language: str, word: str, expected: str
) -> None:
    services.conversation.callback(user(language), "alr:sub:somerville")
    assert expected in one(services.conversation.text(user(language), word))
    assert stored_row(services) is None


@pytest.mark.parametrize(
    "language, words, expected",
    [
        ("en", "stop sending me messages", "no more alerts"),
        ("en", "unsubscribe me please", "no more alerts"),
        ("es", "no me manden más mensajes", "no recibirá más alertas"),
        ("pt", "pare de me enviar mensagens", "não vai receber mais alertas"),
    ],
)
def test_asking_in_words_to_stop_the_messages_unsubscribes(
    services: Services, language: str, words: str, expected: str
) -> None:
    services.conversation.callback(user(language), "alr:sub:somerville")
    assert expected in one(services.conversation.text(user(language), words))
    assert stored_row(services) is None


def test_stop_from_a_non_subscriber_gets_a_gentle_you_werent_subscribed(
    services: Services,
) -> None:
    assert "weren't subscribed" in one(services.conversation.text(user(), "STOP"))
    assert "No estaba suscrito" in one(services.conversation.text(user("es"), "parar"))


@pytest.mark.parametrize("text", ["stop the surveillance", "stopping", "Stop in Boston", "Alton"])
def test_a_stop_word_inside_a_longer_message_is_not_a_stop(text: str) -> None:
    assert not is_stop_word(text)


def test_the_unsubscribe_button_and_command_unsubscribe(services: Services) -> None:
    services.conversation.callback(user(), "alr:sub:somerville")
    assert "no more alerts" in one(services.conversation.callback(user(), "alr:unsub"))
    assert stored_row(services) is None
    assert "weren't subscribed" in one(alerts(services).unsubscribe(user()))


def test_mydata_shows_everything_stored_and_nothing_for_a_stranger(services: Services) -> None:
    assert "We hold nothing about you" in one(alerts(services).mydata(user()))
    services.conversation.callback(user("es"), "alr:sub:cambridge")
    text = one(alerts(services).mydata(user("es")))
    assert f"Id de chat: {CHAT}" in text
    assert "Municipio: Cambridge" in text and "español" in text
    row = stored_row(services)
    assert row is not None and f"Suscrito el: {row[3]}" in text


def test_mydata_lists_the_record_of_alerts_sent_to_the_chat(services: Services) -> None:
    services.conversation.callback(user(), "alr:sub:somerville")
    bid = broadcasts.create_broadcast(services.state, "<b>Hearing</b>", ["all"], actor=None)
    broadcasts.enqueue(services.state, bid, [CHAT])
    text = "\n".join(r.text for r in alerts(services).mydata(user()))
    assert "<b>outbox</b>: 1 row" in text
    assert f"broadcast_id={bid}" in text


def test_forget_asks_first_and_keep_erases_nothing(services: Services) -> None:
    services.conversation.callback(user(), "alr:sub:somerville")
    question = alerts(services).forget_ask(user())[0]
    data = [b.data for row in question.buttons for b in row]
    assert data == ["alr:forget:yes", "alr:forget:no"]
    assert stored_row(services) is not None
    kept = services.conversation.callback(user(), "alr:forget:no")
    assert kept[0].edit and "nothing was erased" in kept[0].text
    assert stored_row(services) is not None


def every_value(conn: sqlite3.Connection) -> list[tuple[str, str, object]]:
    """Every (table, column, value) of every table in the state database."""
    found = []
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    for table in tables:
        cursor = conn.execute(f'SELECT * FROM "{table}"')
        columns = [d[0] for d in cursor.description]
        for row in cursor:
            found.extend(
                (table, column, value) for column, value in zip(columns, row, strict=True)
            )
    return found


def mentions(conn: sqlite3.Connection, chat_id: int) -> list[tuple[str, str, object]]:
    return [
        (table, column, value)
        for table, column, value in every_value(conn)
        if value == chat_id or (isinstance(value, str) and str(chat_id) in value)
    ]


def test_forget_leaves_no_row_mentioning_the_chat_in_any_table(services: Services) -> None:
    other = CHAT + 1
    services.conversation.callback(user(), "alr:sub:somerville")
    services.conversation.callback(user(chat_id=other), "alr:sub:somerville")
    bid = broadcasts.create_broadcast(services.state, "<b>Hearing</b>", ["all"], actor=None)
    broadcasts.enqueue(services.state, bid, [CHAT, other])
    broadcasts.mark_done(services.state, bid, CHAT, "sent", message_id=7)
    assert {t for t, _, _ in mentions(services.state, CHAT)} == {"subscribers", "outbox"}

    text = one(services.conversation.callback(user(), "alr:forget:yes"))

    assert "Erased" in text
    assert mentions(services.state, CHAT) == []
    assert {t for t, _, _ in mentions(services.state, other)} == {"subscribers", "outbox"}
    assert subscribers.get(services.state, other) is not None


def test_forget_erases_an_organizers_id_from_broadcasts_and_the_audit_log(
    services: Services,
) -> None:
    organizer = UserContext(chat_id=77, user_id=77, is_organizer=True)
    bid = broadcasts.create_broadcast(services.state, "<b>Hearing</b>", ["all"], actor=77)
    broadcasts.cancel(services.state, bid, actor=77)
    hashed = subscribers.actor_hash(77)
    assert any(v == hashed for _, _, v in every_value(services.state))

    services.conversation.callback(organizer, "alr:forget:yes")

    assert mentions(services.state, 77) == []
    assert not any(v == hashed for _, _, v in every_value(services.state))


@pytest.mark.parametrize(
    "data", ["alr:", "alr:sub", "alr:sub:nowhere", "alr:forget:maybe", "alr:x"]
)
def test_a_forged_alerts_button_is_answered_politely(services: Services, data: str) -> None:
    assert "couldn't follow that button" in one(services.conversation.callback(user(), data))
    assert stored_row(services) is None


def keep_lees_districts(services: Services) -> str:
    """Press "Alerts with a button to call them" under Lee's two legislators."""
    (cards,) = services.conversation.callback(user(), "leg:lee")
    [keep] = [b.data for row in cards.buttons for b in row if b.data and ":dist:" in b.data]
    return one(services.conversation.callback(user(), keep))


def test_a_resident_may_keep_their_districts_for_alerts_and_see_and_erase_them(
    services: Services,
) -> None:
    said = keep_lees_districts(services)
    assert "never your precinct or location" in said
    row = services.state.execute(
        "SELECT place_id, senate, house FROM subscribers WHERE chat_id = ?", (CHAT,)
    ).fetchone()
    assert tuple(row) == ("lee", "Berkshire, Hampden, Franklin and Hampshire", "3rd Berkshire")
    mine = "\n".join(r.text for r in services.alerts.mydata(user()))
    assert "3rd Berkshire" in mine and "never your precinct or location" in mine
    services.alerts.forget(user())
    assert stored_row(services) is None


def test_an_alert_carries_a_call_button_to_the_residents_own_legislators(
    services: Services,
) -> None:
    keep_lees_districts(services)
    text, buttons = alert_copy(services.state, services.catalog, CHAT, "<b>Hearing</b>")
    assert text == "<b>Hearing</b>\n\n<i>Reply STOP to end these alerts.</i>"
    [[call]] = buttons
    assert call.label == "📞 Call my legislators"
    (cards,) = services.conversation.callback(user(), call.data or "")
    assert "Senator Paul Mark" in cards.text and "Representative Leigh Davis" in cards.text
    assert any("Call" in b.label for row in cards.buttons for b in row)


def test_an_alert_to_someone_who_kept_no_districts_has_the_stop_line_only(
    services: Services,
) -> None:
    services.conversation.callback(user("es"), "alr:sub:somerville")
    text, buttons = alert_copy(services.state, services.catalog, CHAT, "Audiencia", "es")
    assert text.startswith("Audiencia\n\n") and buttons == ()


@pytest.mark.parametrize("text", ["para", "Para!", "parar", "cancelar", "basta", "chega", "sair"])
def test_spanish_and_portuguese_stop_words_stop(text: str) -> None:
    assert is_stop_word(text)
