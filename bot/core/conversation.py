"""The resident's conversation, channel-free: text in, replies out.

The Telegram adapter and the console both call these methods and only render what comes back,
so a resident gets the same answer on either. Nothing here stores or logs what people type.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cached_property

from bot.core import callbacks, smalltalk
from bot.core.answers import Answers, esc, place_label
from bot.core.context import UserContext
from bot.core.faq import Faq, FaqItem
from bot.core.i18n import Catalog
from bot.core.language import Languages
from bot.core.reply import Button, LocationAsk, Reply
from bot.core.resolver import Outcome, Resolution, Resolver
from bot.kb.models import Place
from bot.kb.standing import Standing

logger = logging.getLogger(__name__)

DEEP_LINK_TOWN = "town-"
MAX_ALTERNATIVES = 3  # "Not in X?" buttons under an answer
# Each flow (legislators, alerts, broadcasts) owns callback prefixes and answers its buttons.
CallbackHandler = Callable[[UserContext, str], list[Reply]]
# A text hook runs before place resolution ("STOP" unsubscribes); None means "not mine".
TextHook = Callable[[UserContext, str], list[Reply] | None]


@dataclass
class Conversation:
    """Answers residents: /start, free text, buttons."""

    resolver: Resolver
    answers: Answers
    faq: Faq
    catalog: Catalog
    flows: dict[str, CallbackHandler] = field(default_factory=dict)
    text_hooks: list[TextHook] = field(default_factory=list)
    languages: Languages | None = None

    def t(self, key: str, user: UserContext, **values: object) -> str:
        return self.catalog.t(key, user.language, **values)

    # Commands -----------------------------------------------------------------------------

    def start(self, user: UserContext, payload: str | None = None) -> list[Reply]:
        """Welcome, or answer at once for a deep link (``/start town-cambridge``).

        The link's town may be written in any case and be any name of the place
        (``town-Somerville``, ``town-jamaica-plain``); a name of several places asks.
        """
        if payload and payload.casefold().startswith(DEEP_LINK_TOWN):
            name = payload[len(DEEP_LINK_TOWN) :].casefold()
            place = self.resolver.places.get(name)
            if place is not None:
                return [self.answers.place(place, user.language)]
            resolution = self.resolver.resolve(name.replace("-", " ").replace("_", " "))
            if resolution.outcome is not Outcome.NONE:
                return self._resolved(user, resolution)
        return [self.welcome(user)]

    def welcome(self, user: UserContext) -> Reply:
        """The welcome, with the "📍 Share my location" button for the exact legislators."""
        ask = LocationAsk(self.t("location.ask_welcome", user), self.t("location.button", user))
        return Reply(self.t("welcome", user), location=ask)

    def help(self, user: UserContext) -> list[Reply]:
        """What the bot does, with a button to change the language."""
        if self.languages is None:
            return [Reply(self.t("help", user))]
        return [Reply(self.t("help", user), ((self.languages.menu_button(user.language),),))]

    def privacy(self, user: UserContext) -> list[Reply]:
        return [Reply(f"{self.t('privacy', user)}\n\n{self.t('location.privacy', user)}")]

    def unsupported(self, user: UserContext) -> list[Reply]:
        """Stickers, photos, voice: we read text only."""
        return [Reply(self.t("unsupported", user))]

    def too_fast(self, user: UserContext) -> list[Reply]:
        return [Reply(self.t("too_fast", user))]

    def error(self, user: UserContext) -> list[Reply]:
        return [Reply(self.t("error", user))]

    # Free text ----------------------------------------------------------------------------

    def text(self, user: UserContext, text: str) -> list[Reply]:
        """Answer a message, in the language it is written in (offering to keep it)."""
        spoken = self.languages.spoken(user, text) if self.languages is not None else None
        if spoken is None or self.languages is None:
            return self._text(user, text)
        replies = self._text(replace(user, language=spoken), text)
        if replies:
            replies[-1] = self.languages.offer(replies[-1], spoken)
        return replies

    def _text(self, user: UserContext, text: str) -> list[Reply]:
        """Answer a message: a place wins over a FAQ question, and asking beats guessing."""
        for hook in self.text_hooks:
            replies = hook(user, text)
            if replies is not None:
                return replies
        said = smalltalk.intent(text)
        if said is smalltalk.Intent.GREETING:
            return [self.welcome(user)]
        if said is smalltalk.Intent.HELP:
            return self.help(user)
        if said is smalltalk.Intent.THANKS:
            return [Reply(self.t("smalltalk.thanks", user))]
        resolution = self.resolver.resolve(text)
        logger.debug("resolved outcome=%s reason=%s", resolution.outcome, resolution.reason)
        if resolution.outcome is not Outcome.NONE:
            return self._resolved(user, resolution)
        item = self.faq.match(text)
        if item is not None:
            return [self.faq_reply(user, item)]
        if resolution.reason == "unknown-zip":
            zip_code = "".join(ch for ch in text if ch.isdigit())[:5]
            return [Reply(self.t("unknown_zip", user, zip=esc(zip_code)))]
        return [Reply(self.t("none", user))]

    def _resolved(self, user: UserContext, resolution: Resolution) -> list[Reply]:
        """The answer for a match (with "Not in X?" for its alternatives), or the question."""
        place = resolution.place
        if resolution.outcome is not Outcome.MATCH or place is None:
            return [self.ask(user, resolution)]
        answer = self.answers.place(place, user.language)
        if not resolution.alternatives:
            return [answer]
        # A village or ZIP mostly in one town: answered, and one tap away from the others.
        label = place_label(self.catalog, place, user.language)
        others = tuple(
            (
                Button(
                    self.t("answer.not_in", user, place=label, other=other.name),
                    callbacks.make(callbacks.PICK_PLACE, other.id),
                ),
            )
            for other in resolution.alternatives[:MAX_ALTERNATIVES]
        )
        return [Reply(answer.text, (*answer.buttons, *others))]

    def ask(self, user: UserContext, resolution: Resolution) -> Reply:
        """Did you mean ...? One button per candidate and "None of these"."""
        candidates = resolution.candidates
        if len(candidates) == 1:
            label = place_label(self.catalog, candidates[0], user.language)
            question = self.t("ask_one", user, name=esc(label))
        elif resolution.reason == "zip-several-towns":
            question = self.t("ask_zip", user)
        else:
            question = self.t("ask", user)
        rows = tuple(
            (
                Button(
                    place_label(self.catalog, place, user.language),
                    callbacks.make(callbacks.PICK_PLACE, place.id),
                ),
            )
            for place in candidates
        )
        none = Button(self.t("none_of_these", user), callbacks.make(callbacks.PICK_PLACE, "-"))
        return Reply(question, (*rows, (none,)))

    def faq_reply(self, user: UserContext, item: FaqItem) -> Reply:
        """An FAQ answer with its labelled sources and the day it was checked against them."""
        answer = item.text(user.language)
        if "{ma_bans}" in answer:
            answer = answer.replace("{ma_bans}", self.ma_bans(user.language))
        if "{bills_status}" in answer:
            status = self.answers.bills_status("MA", user.language) or ""
            answer = answer.replace("{bills_status}", status)
        links = ", ".join(
            f'<a href="{esc(source.url)}">{esc(source.publisher)}</a>'
            f" ({esc(item.kind(index, user.language))})"
            for index, source in enumerate(item.sources)
        )
        checked = self.catalog.date(item.checked, user.language)
        text = "\n\n".join(
            [
                answer,
                self.t("faq.sources", user, links=links),
                self.t("faq.checked", user, checked=checked),
            ]
        )
        return Reply(text)

    def ma_bans(self, lang: str) -> str:
        """One line per Massachusetts municipality with a ban or moratorium in force."""
        lines = []
        for place_id, standing in self.standings.items():
            place = self.resolver.places.get(place_id)
            measure = standing.measure
            if place is None or place.state != "MA" or place.kind == "state":
                continue
            if not standing.prohibits or measure is None or measure.adopted is None:
                continue
            line = self.catalog.t(
                "faq.ban_line",
                lang,
                place=esc(place.name),
                kind=self.catalog.t(f"faq.kind.{standing.kind}", lang),
                date=self.catalog.date(measure.adopted, lang),
            )
            lines.append((measure.adopted, line))
        return "\n".join(line for _, line in sorted(lines))

    @cached_property
    def standings(self) -> dict[str, Standing]:
        """Where every place with a measure stands; read once, the knowledge is read-only."""
        return self.answers.kb.standings()

    # Buttons ------------------------------------------------------------------------------

    @property
    def _place_views(self) -> dict[str, Callable[[Place, str], Reply]]:
        """The buttons under an answer that open more about the place."""
        return {
            callbacks.DETAILS: self.answers.details,
            callbacks.STATE_LAW: self.answers.state_law_reply,
            callbacks.SOURCES: self.answers.sources,
        }

    def callback(self, user: UserContext, data: str) -> list[Reply]:
        """Answer a button press. Unknown or forged data gets a polite reply."""
        prefix, parts = callbacks.split(data or "")
        if prefix == callbacks.PICK_PLACE and len(parts) == 1:
            if parts[0] == "-":
                return [Reply(self.t("none_of_these_reply", user), edit=True)]
            place = self.resolver.places.get(parts[0])
            if place is not None:
                answer = self.answers.place(place, user.language)
                return [Reply(answer.text, answer.buttons, edit=True)]
        elif prefix in self._place_views and len(parts) == 1:
            place = self.resolver.places.get(parts[0])
            if place is not None:
                return [self._place_views[prefix](place, user.language)]
        elif prefix in self.flows:
            return self.flows[prefix](user, data)
        return [Reply(self.t("stale_button", user))]
