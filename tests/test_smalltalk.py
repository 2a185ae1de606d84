"""Greetings, thanks, help and "stop sending me messages", in three languages."""

from __future__ import annotations

import pytest

from bot.core.smalltalk import Intent, intent


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hi", Intent.GREETING),
        ("Hello there!", Intent.GREETING),
        ("buenos días", Intent.GREETING),
        ("oi, boa tarde", Intent.GREETING),
        ("thanks!", Intent.THANKS),
        ("muchas gracias", Intent.THANKS),
        ("muito obrigada 🙏", Intent.THANKS),
        ("help", Intent.HELP),
        ("menu", Intent.HELP),
        ("start over", Intent.HELP),
        ("ayuda por favor", Intent.HELP),
        ("ajuda", Intent.HELP),
        ("stop sending me messages", Intent.UNSUBSCRIBE),
        ("unsubscribe me", Intent.UNSUBSCRIBE),
        ("please remove me from the list", Intent.UNSUBSCRIBE),
        ("no more alerts please", Intent.UNSUBSCRIBE),
        ("no me manden más mensajes", Intent.UNSUBSCRIBE),
        ("quiero darme de baja", Intent.UNSUBSCRIBE),
        ("pare de me enviar mensagens", Intent.UNSUBSCRIBE),
        ("não quero mais receber alertas", Intent.UNSUBSCRIBE),
    ],
)
def test_small_talk_is_recognised(text: str, expected: Intent) -> None:
    assert intent(text) is expected


@pytest.mark.parametrize(
    "text",
    [
        "how do we stop face surveillance?",
        "hi, I live in Quincy",
        "thanks, is it banned in Lowell?",
        "what can I do?",
        "somerville",
        "stop the police from using it",
        "",
        "🙂",
    ],
)
def test_a_message_that_says_more_is_not_small_talk(text: str) -> None:
    assert intent(text) is None
