"""Residents' alerts: subscribe, unsubscribe (also by typing STOP), see and erase their data.

Pure functions of the user context and the state database; every step returns replies. We
store a subscriber's chat id, town, language and the day they subscribed, nothing else
(:mod:`bot.storage.subscribers`).

Callback data: ``alr:sub:<place_id>`` subscribe (the button under every Massachusetts
answer), ``alr:unsub`` stop, ``alr:forget:yes`` / ``alr:forget:no`` answer /forget's question.
"""

from __future__ import annotations

import html
import logging
import sqlite3
from collections.abc import Callable
from datetime import date

from bot.core import callbacks, smalltalk
from bot.core.answers import place_label
from bot.core.context import UserContext
from bot.core.i18n import DEFAULT_LANGUAGE, Catalog
from bot.core.reply import Button, Reply
from bot.core.resolver import Outcome, Resolver
from bot.kb.directory import Directory
from bot.kb.legislators import seat_key
from bot.kb.models import Place
from bot.storage import subscribers

logger = logging.getLogger(__name__)

# The whole message, any case: the words people use to stop texts in the three languages we
# speak. Any of them works whatever the user's language: stopping must never be hard.
STOP_WORDS = frozenset(
    {
        "stop",
        "unsubscribe",
        "cancel",
        "quit",
        "parar",
        "para",  # Spanish: "stop!" (a whole message; "para" in a sentence is not this)
        "pará",
        "detener",
        "basta",
        "chega",
        "cancelar",
        "baja",
        "alto",
        "pare",
        "sair",
    }
)
_TRIM = " \t\r\n.!¡?¿\"'“”"  # "Stop!" and "STOP." are still STOP
MAX_ECHO_CHARS = 60  # of an unknown town, echoed back
MAX_ALERT = 4096  # Telegram's limit: the stop line is left out of an alert that would pass it
MESSAGE_BUDGET = 3500  # characters per /mydata message, under Telegram's 4,096
ALERT_KINDS = frozenset({"city", "town"})


def is_stop_word(text: str) -> bool:
    """Return True if the whole message is a stop word (any case, surrounding punctuation)."""
    return text.strip(_TRIM).casefold() in STOP_WORDS


def can_subscribe(place: Place) -> bool:
    """Alerts are for Massachusetts cities and towns (what the answer's button is under)."""
    return place.state == "MA" and place.kind in ALERT_KINDS


def alert_copy(
    state: sqlite3.Connection,
    catalog: Catalog,
    chat_id: int,
    text: str,
    text_language: str = DEFAULT_LANGUAGE,
) -> tuple[str, tuple[tuple[Button, ...], ...]]:
    """One subscriber's copy of an alert: the organizer's text, a line on how to stop in the
    subscriber's language, and a button to call their own legislators if they chose to keep
    their districts. A text in another language than the subscriber's (English, when the
    organizer wrote none in theirs) starts with a line saying so, in their language."""
    found = subscribers.get(state, chat_id)
    lang = found.language if found is not None else DEFAULT_LANGUAGE
    if lang != text_language and catalog.has("language.untranslated"):
        notice = catalog.t("language.untranslated", lang)
        if len(notice) + len(text) + 2 <= MAX_ALERT:
            text = f"{notice}\n\n{text}"
    footer = catalog.t("alerts.footer", lang)
    copy = f"{text}\n\n{footer}" if len(text) + len(footer) + 2 <= MAX_ALERT else text
    if found is None or not (found.senate or found.house):
        return copy, ()
    keys = [
        seat_key(chamber, district) if district else "-"
        for chamber, district in (("senate", found.senate), ("house", found.house))
    ]
    data = callbacks.make(callbacks.LEGISLATORS, found.place_id, "k", *keys)
    return copy, ((Button(catalog.t("alerts.button.call", lang), data),),)


class AlertsFlow:
    """Answer /subscribe, /unsubscribe, STOP, /mydata, /forget and the ``alr:`` buttons."""

    def __init__(
        self,
        state: sqlite3.Connection,
        catalog: Catalog,
        resolver: Resolver,
        today: Callable[[], date] = date.today,
        directory: Directory | None = None,
    ) -> None:
        self.state = state
        self.catalog = catalog
        self.resolver = resolver
        self.today = today
        self.directory = directory  # the legislators, for the districts residents keep

    def t(self, key: str, user: UserContext, **values: object) -> str:
        return self.catalog.t(key, user.language, **values)

    # Subscribing ---------------------------------------------------------------------------

    def subscribe_command(self, user: UserContext, text: str) -> list[Reply]:
        """Answer ``/subscribe [town]``: subscribe, ask which town, or ask for one."""
        text = text.strip()
        if not text:
            return [Reply(self.t("alerts.ask_town", user))]
        resolution = self.resolver.resolve(text)
        if resolution.outcome is Outcome.MATCH and resolution.place is not None:
            return self.subscribe(user, resolution.place.id)
        candidates = [p for p in resolution.candidates if can_subscribe(p)]
        if resolution.outcome is Outcome.AMBIGUOUS and candidates:
            rows = tuple(
                (
                    Button(
                        place_label(self.catalog, place, user.language),
                        callbacks.make(callbacks.ALERTS, "sub", place.id),
                    ),
                )
                for place in candidates
            )
            return [Reply(self.t("alerts.ask_which", user), rows)]
        echo = html.escape(text[:MAX_ECHO_CHARS])
        return [Reply(self.t("alerts.unknown_town", user, text=echo))]

    def subscribe(self, user: UserContext, place_id: str) -> list[Reply]:
        """Subscribe the chat to a town's alerts and say exactly what is stored."""
        place = self.resolver.places.get(place_id)
        if place is None:
            return [Reply(self.t("alerts.stale", user))]
        label = html.escape(place_label(self.catalog, place, user.language))
        if not can_subscribe(place):
            return [Reply(self.t("alerts.not_ma", user, place=label))]
        old = subscribers.get(self.state, user.chat_id)
        if old is not None and old.place_id == place.id and old.language == user.language:
            head = self.t("alerts.already", user, town=label)
        else:
            subscribers.subscribe(self.state, user.chat_id, place.id, user.language, self.today())
            if old is not None and old.place_id != place.id:
                head = self.t("alerts.moved", user, town=label, old=self._town(old.place_id))
            else:
                head = self.t("alerts.subscribed", user, town=label)
        logger.info("Alert subscription added or kept")
        stored = subscribers.get(self.state, user.chat_id)
        assert stored is not None
        details = self.t(
            "alerts.stored",
            user,
            town=label,
            language=self._language(stored.language),
            created=stored.created,
        )
        stop = Button(
            self.t("alerts.button.unsubscribe", user), callbacks.make(callbacks.ALERTS, "unsub")
        )
        return [Reply(f"{head}\n\n{details}", ((stop,),))]

    # Stopping -------------------------------------------------------------------------------

    def unsubscribe(self, user: UserContext) -> list[Reply]:
        """Stop alerts at once; a chat that was not subscribed is told so, gently."""
        if subscribers.unsubscribe(self.state, user.chat_id):
            logger.info("Alert subscription removed")
            return [Reply(self.t("alerts.unsubscribed", user))]
        return [Reply(self.t("alerts.not_subscribed", user))]

    def stop_hook(self, user: UserContext, text: str) -> list[Reply] | None:
        """A text hook: STOP (and its equivalents) as the whole message unsubscribes, and so
        does asking to stop in words ("stop sending me messages", "darme de baja")."""
        asked = is_stop_word(text) or smalltalk.intent(text) is smalltalk.Intent.UNSUBSCRIBE
        return self.unsubscribe(user) if asked else None

    def blocked(self, chat_id: int) -> bool:
        """The chat blocked the bot: drop its subscription; return True if there was one."""
        return subscribers.unsubscribe(self.state, chat_id)

    # Personal data --------------------------------------------------------------------------

    def mydata(self, user: UserContext) -> list[Reply]:
        """Show every row the state database holds about this chat."""
        found = subscribers.mydata(self.state, user.chat_id)
        if not found:
            return [Reply(self.t("alerts.mydata_none", user))]
        sections: list[str] = []
        subscription = found.pop("subscribers", [])
        for row in subscription:
            town = self._town(str(row["place_id"]))
            section = self.t(
                "alerts.mydata_subscription",
                user,
                chat_id=row["chat_id"],
                town=town,
                language=self._language(str(row["language"])),
                created=html.escape(str(row["created"])),
            )
            if row.get("volunteer"):
                section += "\n" + self.t("alerts.mydata_volunteer", user, town=town)
            if row.get("senate") or row.get("house"):
                districts = " · ".join(
                    html.escape(str(row[c])) for c in ("senate", "house") if row.get(c)
                )
                section += "\n" + self.t("alerts.mydata_districts", user, districts=districts)
            sections.append(section)
        for table, rows in found.items():
            lines = [
                self.catalog.plural(
                    "alerts.mydata_table", user.language, len(rows), table=html.escape(table)
                )
            ]
            for row in rows:
                pairs = ", ".join(f"{key}={value}" for key, value in row.items())
                lines.append(f"• <code>{html.escape(pairs)}</code>")
            sections.append("\n".join(lines))
        sections.append(self.t("alerts.mydata_footer", user))
        return [Reply(text) for text in _pack(sections)]

    def forget_ask(self, user: UserContext) -> list[Reply]:
        """Ask before erasing: one button erases, the other keeps."""
        yes = Button(
            self.t("alerts.button.forget_yes", user),
            callbacks.make(callbacks.ALERTS, "forget", "yes"),
        )
        no = Button(
            self.t("alerts.button.forget_no", user),
            callbacks.make(callbacks.ALERTS, "forget", "no"),
        )
        return [Reply(self.t("alerts.forget_ask", user), ((yes, no),))]

    def forget(self, user: UserContext) -> list[Reply]:
        """Erase every mention of the chat from the state database."""
        subscribers.forget(self.state, user.chat_id)
        logger.info("Personal data erased on request")
        return [Reply(self.t("alerts.forgotten", user), edit=True)]

    # Buttons ------------------------------------------------------------------------------

    def callback(self, user: UserContext, data: str) -> list[Reply]:
        """Answer an ``alr:`` button; anything else gets a polite reply."""
        prefix, parts = callbacks.split(data)
        if prefix == callbacks.ALERTS:
            if len(parts) == 2 and parts[0] == "sub":
                return self.subscribe(user, parts[1])
            if parts == ["unsub"]:
                return self.unsubscribe(user)
            if parts == ["forget", "yes"]:
                return self.forget(user)
            if parts == ["forget", "no"]:
                return [Reply(self.t("alerts.forget_kept", user), edit=True)]
            if len(parts) == 4 and parts[0] == "dist":
                return self.keep_districts(user, parts[1], parts[2], parts[3])
        return [Reply(self.t("alerts.stale", user))]

    def keep_districts(
        self, user: UserContext, place_id: str, senate_key: str, house_key: str
    ) -> list[Reply]:
        """The resident asked for alerts with a button to call their own legislators: keep
        their town's alerts and their two districts (never a precinct, never a location)."""
        if self.directory is None:
            return [Reply(self.t("alerts.stale", user))]
        senate = self.directory.member(senate_key) if senate_key != "-" else None
        house = self.directory.member(house_key) if house_key != "-" else None
        place = self.resolver.places.get(place_id)
        if place is None or not can_subscribe(place) or (senate is None and house is None):
            return [Reply(self.t("alerts.stale", user))]
        old = subscribers.get(self.state, user.chat_id)
        if old is None or old.place_id != place.id:
            subscribers.subscribe(self.state, user.chat_id, place.id, user.language, self.today())
        subscribers.keep_districts(
            self.state,
            user.chat_id,
            senate.district if senate is not None else None,
            house.district if house is not None else None,
        )
        names = " · ".join(html.escape(m.district) for m in (senate, house) if m is not None)
        label = html.escape(place_label(self.catalog, place, user.language))
        stop = Button(
            self.t("alerts.button.unsubscribe", user), callbacks.make(callbacks.ALERTS, "unsub")
        )
        text = self.t("alerts.districts_kept", user, town=label, districts=names)
        return [Reply(text, ((stop,),))]

    # Helpers ------------------------------------------------------------------------------

    def _town(self, place_id: str) -> str:
        place = self.resolver.places.get(place_id)
        return html.escape(place.name if place is not None else place_id)

    def _language(self, code: str) -> str:
        """The language's own name for itself ("español"), or its code."""
        if code in self.catalog.languages:
            return html.escape(self.catalog.t("alerts.language_name", code))
        return html.escape(code)


def _pack(sections: list[str]) -> list[str]:
    """Join sections into as few messages as fit Telegram's limit."""
    messages: list[str] = []
    current = ""
    for section in sections:
        for line in section.split("\n"):
            if current and len(current) + len(line) + 2 > MESSAGE_BUDGET:
                messages.append(current.strip())
                current = ""
            current = f"{current}\n{line}" if current else line
        current += "\n"
    if current.strip():
        messages.append(current.strip())
    return messages
