"""What people say to a bot that is not a place: greetings, thanks, help, "stop sending me
messages", in English, Spanish and Portuguese.

Only a message that is nothing else counts: "hi, I live in Quincy" names a place, and "how do
we stop face surveillance?" is a question, not a request to unsubscribe.
"""

from __future__ import annotations

import re
from enum import StrEnum

from bot.core.normalize import fold


class Intent(StrEnum):
    GREETING = "greeting"
    THANKS = "thanks"
    HELP = "help"
    UNSUBSCRIBE = "unsubscribe"


_PHRASES: dict[Intent, tuple[str, ...]] = {
    Intent.GREETING: (
        "hi", "hello", "hey", "heya", "hiya", "yo", "howdy", "greetings", "good morning",
        "good afternoon", "good evening", "hola", "buenas", "buenos dias", "buenas tardes",
        "buenas noches", "saludos", "ola", "oi", "bom dia", "boa tarde", "boa noite", "e ai",
        "bonjou", "alo",
    ),
    Intent.THANKS: (
        "thanks", "thank you", "thank u", "thx", "ty", "tysm", "thanks a lot", "many thanks",
        "cheers", "appreciate it", "gracias", "muchas gracias", "mil gracias", "obrigado",
        "obrigada", "muito obrigado", "muito obrigada", "valeu", "mesi", "mesi anpil",
        # thanks as Armenian, Persian, Turkish, Arabic and Russian speakers type it
        "merci", "mersi", "shukran", "spasibo", "sagol", "tesekkurler",
    ),
    Intent.HELP: (
        "help", "menu", "start", "start over", "restart", "begin again", "options",
        "commands", "what can you do", "how does this work", "how do i use this", "ayuda",
        "empezar", "comenzar", "de nuevo", "volver a empezar", "como funciona", "ajuda",
        "comecar", "recomecar", "de novo", "como funciona isso", "que sabes hacer",
        "o que voce faz", "socorro",
    ),
}  # fmt: skip
# Phrases that ask to stop the alerts (STOP alone is handled by the alerts flow).
_UNSUBSCRIBE = re.compile(
    r"\b("
    r"stop (sending|texting|messaging) (me|us)|stop (the )?(alerts|messages|notifications)"
    r"|unsubscribe|unsub|opt (me )?out|remove me|take me off|no more (messages|alerts|texts)"
    r"|dont (send|message|text) me|do not (send|message|text) me"
    r"|dar(me)? de baja|darse de baja|no (me )?(mandes|envies|manden|envien) (mas )?mensajes"
    r"|deja de (enviarme|mandarme)|dejen de (enviarme|mandarme)|no mas (mensajes|alertas)"
    r"|cancelar (mi )?(suscripcion|subscripcion)|ya no quiero (recibir )?(mensajes|alertas)"
    r"|pare de (me )?(enviar|mandar)|parem de (me )?(enviar|mandar)|descadastrar"
    r"|cancelar (a |minha )?inscricao|sair da lista|nao quero mais (receber )?(mensagens|alertas)"
    r"|chega de mensagens"
    r")\b"
)
_FILLER = frozenset(
    "please pls plz now ok okay por favor porfa bot you the so much again there all".split()
)
MAX_WORDS = 10  # longer than this, a message is about something else


_LISTS = {kind: sorted(phrases, key=len, reverse=True) for kind, phrases in _PHRASES.items()}
# Every phrase, for a quick look-up of a message that is one of them and nothing else.
PHRASES = frozenset(phrase for phrases in _PHRASES.values() for phrase in phrases)


def intent(text: str) -> Intent | None:
    """The small-talk intent of a whole message, or None when it says something else."""
    words = fold(text).split()
    if not words or len(words) > MAX_WORDS:
        return None
    folded = " ".join(words)
    if _UNSUBSCRIBE.search(folded):
        return Intent.UNSUBSCRIBE
    for kind in (Intent.HELP, Intent.THANKS, Intent.GREETING):
        if _only(folded, kind):
            return kind
    found = [kind for kind in (Intent.GREETING, Intent.THANKS) if _only_mixed(folded)]
    return found[0] if found else None


def _only(folded: str, kind: Intent) -> bool:
    """Whether the message is made of this intent's phrases and filler only."""
    rest = folded
    for phrase in _LISTS[kind]:
        rest = re.sub(rf"\b{re.escape(phrase)}\b", " ", rest)
    return all(w in _FILLER for w in rest.split()) and rest.split() != folded.split()


def _only_mixed(folded: str) -> bool:
    """ "hi, thanks!": greetings and thanks together count as a greeting."""
    rest = folded
    for kind in (Intent.THANKS, Intent.GREETING):
        for phrase in _LISTS[kind]:
            rest = re.sub(rf"\b{re.escape(phrase)}\b", " ", rest)
    return all(w in _FILLER for w in rest.split()) and rest.split() != folded.split()
