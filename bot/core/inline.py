"""Inline sharing: "@bot cambridge" in any chat offers Cambridge's answer card.

The resolver decides what a query means: one place gives one card, an ambiguous query one card
per candidate, no match none. A card is the answer's headline, the date of its facts and a
button with the deep link. Nothing of the query is stored or logged.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.broadcast.telegram_html import visible_text
from bot.core.answers import Answers, esc, newest, place_label
from bot.core.resolver import Outcome, Resolver
from bot.kb.models import Place

MAX_CARDS = 10  # an ambiguous query's candidates: the resolver offers a handful at most
MAX_QUERY = 256  # Telegram's limit for an inline query's text


@dataclass(frozen=True)
class Card:
    """One inline result: an id, what the picker shows, the message it sends, its button."""

    id: str
    title: str
    description: str
    text: str  # Telegram HTML
    button: str
    url: str


def cards(resolver: Resolver, answers: Answers, query: str, lang: str = "en") -> list[Card]:
    """The cards for an inline query (empty without a bot username or a place)."""
    query = query.strip()[:MAX_QUERY]
    if not query or not answers.bot_username:
        return []
    found = resolver.resolve(query)
    if found.outcome is Outcome.MATCH and found.place is not None:
        places = [found.place]
    elif found.outcome is Outcome.AMBIGUOUS:
        places = list(found.candidates[:MAX_CARDS])
    else:
        places = []
    return [card(answers, place, lang) for place in places]


def card(answers: Answers, place: Place, lang: str = "en") -> Card:
    """A place's answer card: its headline, the date of its facts, "Ask the bot"."""
    kb = answers.kb
    label = place_label(answers.catalog, place, lang)
    standing = kb.standing(place.id)
    main = standing.measure
    coverage = kb.coverage(place.state) if place.kind != "state" else None
    through = None
    if main is not None:
        headline = answers.text(main, "headline", lang)
        through = newest([main.sources_through, coverage.sources_through if coverage else None])
    elif coverage is not None:
        as_of = answers.date(coverage.sources_through, lang)
        headline = answers.t("answer.none", lang, place=esc(label), as_of=as_of)
    else:
        headline = answers.t("answer.none_undated", lang, place=esc(label))
    # The headline names the place; a place with no measure says its as-of date in it.
    text = headline
    if through is not None:
        as_of = answers.date(through, lang)
        text = answers.t("pictures.inline.card", lang, headline=headline, as_of=as_of)
    link = answers.share_link(place) or ""
    return Card(
        id=place.id[:64],
        title=label,
        description=" ".join(visible_text(headline).split())[:200],
        text=text,
        button=answers.t("pictures.button.ask", lang),
        url=link,
    )
