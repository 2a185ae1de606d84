"""Bring the ban home: the local action kit's conversation, channel-free.

Under every answer for a Massachusetts municipality with no ban or moratorium in force,
:meth:`LocalActionFlow.buttons` offers "🏛 Bring a ban to <town>" and "📣 My town passed a
ban". The first opens the town's route (its form of government, the steps, one line of proof,
what to ask the clerk, how many neighbours get alerts), with a letter to the select board or
council, a petition for a warrant article, the sources, and "I'd help organize in <town>" (a flag
on the resident's subscription). The second lets a resident report a ban, with an optional
link, to the organizers' queue (``/reports``); a report stores no chat id.

Questions such as "how do we get a ban in our town?" or "who is my city councilor?" are answered
with the route by :meth:`LocalActionFlow.text_hook`, before place resolution.

Callback data: ``loc:r:<place>`` route, ``loc:l:<place>`` letter, ``loc:p:<place>`` petition,
``loc:s:<place>`` sources, ``loc:v:<place>`` volunteer, ``loc:vo`` stop volunteering,
``loc:b:<place>`` report a ban, ``loc:bn:<place>`` report it without a link, ``loc:bx`` cancel;
for organizers ``rep:a:<id>`` accept and ``rep:d:<id>`` dismiss a report.
"""

from __future__ import annotations

import html
import logging
import re
import sqlite3
import time
from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date

from bot.core import callbacks
from bot.core.answers import Knowledge
from bot.core.context import UserContext
from bot.core.i18n import Catalog
from bot.core.local_kit import SMALL_COUNT, LocalKit
from bot.core.normalize import fold
from bot.core.reply import Button, Reply
from bot.core.resolver import Outcome, Resolver
from bot.kb import local_action as local_facts
from bot.kb.models import Place
from bot.kb.standing import stated
from bot.kb.store import KnowledgeStore
from bot.storage import reports as ban_reports
from bot.storage import subscribers

logger = logging.getLogger(__name__)

PENDING_SECONDS = 15 * 60  # how long "send the link" or "which town?" waits for the answer
MAX_PENDING = 10_000  # chats waiting at once, kept in memory only (never stored)
MAX_REMEMBERED_REPORTS = 10_000  # (chat, town) pairs that already reported, in memory only
MAX_REPORTS_SHOWN = 10  # per /reports message: two buttons a report, a phone screen
_LINKISH = re.compile(r"(\S*://)?([\w-]+\.)+[a-z]{2,}(/\S*)?", re.IGNORECASE)


def ban_in_force(kb: Knowledge, place_id: str) -> bool:
    """Whether a ban or moratorium is in force in the place: the one decision the kit asks for.

    Asked of the one classification every part of the bot uses (:mod:`bot.kb.standing`).
    """
    return kb.standing(place_id).prohibits


def pending_bills(kb: KnowledgeStore) -> tuple[str, ...]:
    """The statewide bills pending in Massachusetts, to name in letters ("H.1946", "S.1053")."""
    for measure in stated(kb.statewide("MA")):
        if measure.state.kind == "pending" and measure.bills:
            return tuple(measure.bills)
    return ()


@dataclass(frozen=True)
class Pending:
    """What the bot waits for from one chat: a link for a report, or a town."""

    kind: str  # "link" | "route" | "report"
    place_id: str | None
    until: float


class LocalActionFlow:
    """Answer the ``loc:`` and ``rep:`` buttons, ``/reports`` and the local questions."""

    def __init__(
        self,
        kit: LocalKit,
        state: sqlite3.Connection,
        catalog: Catalog,
        resolver: Resolver,
        town_has_ban: Callable[[str], bool],
        today: Callable[[], date] = date.today,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.kit = kit
        self.state = state
        self.catalog = catalog
        self.resolver = resolver
        self.town_has_ban = town_has_ban
        self.today = today
        self.clock = clock
        self.pending: OrderedDict[int, Pending] = OrderedDict()
        self.reported: OrderedDict[tuple[int, str], None] = OrderedDict()
        self.words = {
            kind: _phrases(catalog, f"local.match.{kind}")
            for kind in ("body", "ban", "local", "action", "report")
        }

    @classmethod
    def open(
        cls,
        knowledge: KnowledgeStore,
        state: sqlite3.Connection,
        catalog: Catalog,
        resolver: Resolver,
    ) -> LocalActionFlow:
        """Assemble the flow from the knowledge store (read once: it is read-only)."""

        def town_has_ban(place_id: str) -> bool:
            return ban_in_force(knowledge, place_id)

        kit = LocalKit(
            local_facts.read(knowledge.db),
            catalog,
            resolver.places,
            town_has_ban,
            pending_bills(knowledge),
        )
        return cls(kit, state, catalog, resolver, town_has_ban)

    def t(self, key: str, user: UserContext, **values: object) -> str:
        return self.catalog.t(key, user.language, **values)

    # Under the answer -----------------------------------------------------------------------

    def offers(self, place: Place) -> bool:
        """Whether the kit applies: a Massachusetts municipality with no ban or moratorium."""
        return self.kit.form(place) is not None and not self.town_has_ban(place.id)

    def buttons(self, place: Place, lang: str = "en") -> tuple[tuple[Button, ...], ...]:
        """The rows to add under the answer for ``place``: "Bring a ban" and "My town passed a
        ban" where the kit applies, nothing elsewhere."""
        if not self.offers(place):
            return ()
        bring = self.catalog.t("local.button.bring", lang, town=place.name)
        passed = self.catalog.t("local.button.passed", lang)
        return (
            (Button(bring, _data("r", place.id)),),
            (Button(passed, _data("b", place.id)),),
        )

    # Buttons --------------------------------------------------------------------------------

    def callback(self, user: UserContext, data: str) -> list[Reply]:
        """Answer a ``loc:`` button; anything malformed or stale gets a polite reply."""
        prefix, parts = callbacks.split(data)
        if prefix != callbacks.LOCAL_ACTION or not parts:
            return self._stale(user)
        action, args = parts[0], parts[1:]
        if action == "vo" and not args:
            return self.stop_volunteering(user)
        if action == "bx" and not args:
            self.pending.pop(user.chat_id, None)
            return [Reply(self.t("local.report.cancelled", user), edit=True)]
        if len(args) != 1:
            return self._stale(user)
        place = self._municipality(args[0])
        if place is None:
            return self._stale(user)
        if action == "b":
            return self.ask_link(user, place)
        if action == "bn":
            return self.report(user, place, None, edit=True)
        if self.town_has_ban(place.id):
            return [self._has_ban(user, place)]
        handlers: dict[str, Callable[[UserContext, Place], list[Reply]]] = {
            "r": self.route,
            "l": self.letter,
            "p": self.petition,
            "s": self.sources,
            "v": self.volunteer,
        }
        handler = handlers.get(action)
        return handler(user, place) if handler is not None else self._stale(user)

    # The kit --------------------------------------------------------------------------------

    def route(self, user: UserContext, place: Place) -> list[Reply]:
        """The town's route in one screen, with the kit's buttons."""
        neighbours = subscribers.count_at(self.state, place.id)
        text = self.kit.route(place, user.language, neighbours)
        return [Reply(text, self._kit_buttons(user, place, "r"))]

    def letter(self, user: UserContext, place: Place) -> list[Reply]:
        """How to send it, then the letter alone, so that copying it copies nothing else."""
        intro, body = self.kit.letter(place, user.language)
        return [Reply(intro), Reply(body, self._kit_buttons(user, place, "l"))]

    def petition(self, user: UserContext, place: Place) -> list[Reply]:
        found = self.kit.petition(place, user.language)
        if found is None:  # a council has no warrant: the route says what to do instead
            return self.route(user, place)
        intro, body = found
        return [Reply(intro), Reply(body, self._kit_buttons(user, place, "p"))]

    def sources(self, user: UserContext, place: Place) -> list[Reply]:
        return [Reply(self.kit.sources(place, user.language))]

    def _kit_buttons(
        self, user: UserContext, place: Place, shown: str
    ) -> tuple[tuple[Button, ...], ...]:
        """The kit's other screens (not the one just shown), then "I'd help" and sources."""
        lang = user.language
        row: list[Button] = []
        if shown != "l":
            key = "letter_board" if self.kit.is_town_meeting(place) else "letter_council"
            row.append(Button(self.catalog.t(f"local.button.{key}", lang), _data("l", place.id)))
        if shown != "p" and self.kit.petition(place, lang) is not None:
            row.append(Button(self.catalog.t("local.button.petition", lang), _data("p", place.id)))
        volunteer = self.catalog.t("local.button.volunteer", lang, town=place.name)
        rows: list[tuple[Button, ...]] = [tuple(row)] if row else []
        rows.append((Button(volunteer, _data("v", place.id)),))
        if shown == "r":
            rows.append(
                (Button(self.catalog.t("local.button.sources", lang), _data("s", place.id)),)
            )
        return tuple(rows)

    # Neighbours: "I'd help organize" -----------------------------------------------------------

    def volunteer(self, user: UserContext, place: Place) -> list[Reply]:
        """Set the volunteer flag on the chat's subscription (subscribing it to the town)."""
        before = subscribers.volunteer(
            self.state, user.chat_id, place.id, user.language, self.today()
        )
        logger.info("A resident offered to help organize")
        town = html.escape(place.name)
        lines = [self.t("local.volunteer.done", user, town=town)]
        if before is not None and before.place_id != place.id:
            lines.append(
                self.t("local.volunteer.moved", user, town=town, old=self._name(before.place_id))
            )
        lines.append(self.t("local.volunteer.stored", user))
        off = Button(self.t("local.button.volunteer_off", user), _data("vo"))
        return [Reply("\n\n".join(lines), ((off,),))]

    def stop_volunteering(self, user: UserContext) -> list[Reply]:
        subscription = subscribers.get(self.state, user.chat_id)
        if subscription is None or not subscribers.stop_volunteering(self.state, user.chat_id):
            return [Reply(self.t("local.volunteer.not_on", user))]
        logger.info("A resident left the organizer list")
        town = self._name(subscription.place_id)
        return [Reply(self.t("local.volunteer.off", user, town=town), edit=True)]

    # Corrections: "My town passed a ban" ------------------------------------------------------

    def ask_link(self, user: UserContext, place: Place) -> list[Reply]:
        """Ask for an optional link; the next message, if it is one, completes the report."""
        town = html.escape(place.name)
        if self.town_has_ban(place.id):
            return [Reply(self.t("local.report.has_ban", user, town=town))]
        self._wait(user, "link", place.id)
        rows = (
            (Button(self.t("local.button.no_link", user), _data("bn", place.id)),),
            (Button(self.t("local.button.cancel", user), _data("bx")),),
        )
        return [Reply(self.t("local.report.ask_link", user, town=town), rows)]

    def report(
        self, user: UserContext, place: Place, link: str | None, edit: bool = False
    ) -> list[Reply]:
        """Queue a report for the organizers: the town, the link, the day; never the chat."""
        self.pending.pop(user.chat_id, None)
        town = html.escape(place.name)
        if self.town_has_ban(place.id):
            return [Reply(self.t("local.report.has_ban", user, town=town), edit=edit)]
        key = (user.chat_id, place.id)
        if key in self.reported:
            return [Reply(self.t("local.report.already", user, town=town), edit=edit)]
        ban_reports.add(self.state, place.id, link, self.today())
        self.reported[key] = None
        while len(self.reported) > MAX_REMEMBERED_REPORTS:
            self.reported.popitem(last=False)
        logger.info("A resident reported a ban (with a link: %s)", link is not None)
        return [Reply(self.t("local.report.thanks", user, town=town), edit=edit)]

    # Organizers: the queue ---------------------------------------------------------------------

    def reports(self, user: UserContext) -> list[Reply]:
        """Answer ``/reports``: the waiting reports with Accept and Dismiss (organizers only)."""
        if not self._organizer(user, "/reports"):
            return [Reply(self.t("local.reports.refused", user))]
        waiting = ban_reports.listing(self.state, "new")
        if not waiting:
            return [Reply(self.catalog.t("local.reports.none"))]
        shown = waiting[:MAX_REPORTS_SHOWN]
        lines = [self.catalog.t("local.reports.head", count=len(waiting))]
        lines += [self._report_line(report) for report in shown]
        if len(waiting) > len(shown):
            lines.append(self.catalog.t("local.reports.more", count=len(waiting) - len(shown)))
        rows = tuple(
            (
                Button(self.catalog.t("local.button.accept", id=r.id), _report_data("a", r.id)),
                Button(self.catalog.t("local.button.dismiss", id=r.id), _report_data("d", r.id)),
            )
            for r in shown
        )
        return [Reply("\n".join(lines), rows)]

    def report_callback(self, user: UserContext, data: str) -> list[Reply]:
        """Accept or dismiss a report (organizers only); an accepted one shows its stanza."""
        if not self._organizer(user, "a report button"):
            return [Reply(self.t("local.reports.refused", user))]
        prefix, parts = callbacks.split(data)
        if prefix != callbacks.REPORTS or len(parts) != 2 or not parts[1].isdigit():
            return self._stale(user)
        action, report_id = parts[0], int(parts[1])
        status = {"a": "accepted", "d": "dismissed"}.get(action)
        if status is None:
            return self._stale(user)
        try:
            report = ban_reports.decide(self.state, report_id, status)
        except ban_reports.ReportError:
            found = ban_reports.get(self.state, report_id)
            shown = found.status if found is not None else "unknown"
            return [Reply(self.catalog.t("local.reports.stale", id=report_id, status=shown))]
        logger.info("An organizer %s report %d", status, report_id)
        if status == "dismissed":
            return [Reply(self.catalog.t("local.reports.dismissed", id=report_id))]
        text = stanza(report, self.resolver.places.get(report.place_id), self.today())
        return [
            Reply(
                self.catalog.t(
                    "local.reports.accepted", id=report_id, stanza=html.escape(text, quote=False)
                )
            )
        ]

    def _report_line(self, report: ban_reports.Report) -> str:
        place = self.resolver.places.get(report.place_id)
        form = self.kit.knowledge.form(report.place_id) or "?"
        link = (
            f'<a href="{html.escape(report.link, quote=True)}">{html.escape(report.link)}</a>'
            if report.link
            else self.catalog.t("local.reports.no_link")
        )
        return self.catalog.t(
            "local.reports.item",
            id=report.id,
            town=html.escape(place.name if place else report.place_id),
            form=html.escape(form.replace("_", " ")),
            date=report.reported,
            link=link,
        )

    # Text ---------------------------------------------------------------------------------------

    def text_hook(self, user: UserContext, text: str) -> list[Reply] | None:
        """A text hook: a link or town the bot asked for, a reported ban, a local question."""
        waiting = self._take_pending(user)
        if waiting is not None:
            replies = self._answer_pending(user, waiting, text)
            if replies is not None:
                return replies
        folded = f" {fold(text[:300])} "
        if "?" not in text and self._has(folded, "report"):
            place = self._town_in(text) or self._subscribed_town(user)
            if place is not None:
                return self.ask_link(user, place)
            self._wait(user, "report", None)
            return [Reply(self.t("local.report.ask_town", user))]
        if not self._is_local_question(folded, text):
            return None
        resolution = self.resolver.resolve(text)
        if resolution.outcome is Outcome.MATCH and resolution.place is not None:
            place = resolution.place
            if not self.offers(place):
                return None  # the normal answer says what there is in that place
            return self.route(user, place)
        if resolution.outcome is Outcome.AMBIGUOUS:
            return None  # the conversation asks which place
        subscribed = self._subscribed_town(user)
        if subscribed is not None:
            if self.town_has_ban(subscribed.id):
                return [self._has_ban(user, subscribed)]
            return self.route(user, subscribed)
        self._wait(user, "route", None)
        return [Reply(self.t("local.ask_town", user))]

    def _answer_pending(
        self, user: UserContext, waiting: Pending, text: str
    ) -> list[Reply] | None:
        if waiting.kind == "link" and waiting.place_id is not None:
            place = self._municipality(waiting.place_id)
            link = ban_reports.clean_link(text)
            if place is not None and link is not None:
                return self.report(user, place, link)
            if place is not None and _looks_like_link(text):
                self._wait(user, "link", place.id)
                rows = (
                    (Button(self.t("local.button.no_link", user), _data("bn", place.id)),),
                    (Button(self.t("local.button.cancel", user), _data("bx")),),
                )
                return [Reply(self.t("local.report.bad_link", user), rows)]
            return None  # something else: answered as usual, and the question is dropped
        place = self._town_in(text)
        if place is None:
            return None
        if waiting.kind == "report":
            return self.ask_link(user, place)
        if self.town_has_ban(place.id):
            return [self._has_ban(user, place)]
        return self.route(user, place)

    def _is_local_question(self, folded: str, text: str) -> bool:
        if self._has(folded, "body"):
            return True
        if not (self._has(folded, "ban") and self._has(folded, "action")):
            return False
        if self._has(folded, "local"):
            return True
        found = self.resolver.resolve(text)
        return found.outcome is Outcome.MATCH

    def _has(self, folded: str, kind: str) -> bool:
        return any(f" {phrase} " in folded for phrase in self.words[kind])

    # Helpers ------------------------------------------------------------------------------------

    def _wait(self, user: UserContext, kind: str, place_id: str | None) -> None:
        now = self.clock()
        self.pending.pop(user.chat_id, None)
        self.pending[user.chat_id] = Pending(kind, place_id, now + PENDING_SECONDS)
        while self.pending:
            oldest = next(iter(self.pending.values()))
            if len(self.pending) <= MAX_PENDING and oldest.until > now:
                break
            self.pending.popitem(last=False)

    def _take_pending(self, user: UserContext) -> Pending | None:
        waiting = self.pending.pop(user.chat_id, None)
        if waiting is None or waiting.until < self.clock():
            return None
        return waiting

    def _municipality(self, place_id: str) -> Place | None:
        place = self.resolver.places.get(place_id)
        return place if place is not None and self.kit.form(place) is not None else None

    def _town_in(self, text: str) -> Place | None:
        resolution = self.resolver.resolve(text)
        if resolution.outcome is Outcome.MATCH and resolution.place is not None:
            return self._municipality(resolution.place.id)
        return None

    def _subscribed_town(self, user: UserContext) -> Place | None:
        subscription = subscribers.get(self.state, user.chat_id)
        return self._municipality(subscription.place_id) if subscription else None

    def _has_ban(self, user: UserContext, place: Place) -> Reply:
        town = html.escape(place.name)
        button = Button(
            self.t("local.button.legislators", user),
            callbacks.make(callbacks.LEGISLATORS, place.id),
        )
        return Reply(self.t("local.has_ban", user, town=town), ((button,),))

    def _name(self, place_id: str) -> str:
        place = self.resolver.places.get(place_id)
        return html.escape(place.name if place is not None else place_id)

    def _organizer(self, user: UserContext, what: str) -> bool:
        if user.is_organizer and user.user_id is not None:
            return True
        logger.info("Refused %s from someone who is not an organizer", what)
        return False

    def _stale(self, user: UserContext) -> list[Reply]:
        return [Reply(self.t("local.stale", user))]


def stanza(report: ban_reports.Report, place: Place | None, today: date) -> str:
    """The measures.yaml entry an accepted report suggests, for a person to check and commit.

    It is ``unverified`` (so the bot would not state it) and says what must be filled in; without
    a link it has no source, which the build refuses until one is added.
    """
    name = place.name if place is not None else report.place_id
    level = place.kind if place is not None and place.kind in ("city", "town") else "town"
    year = report.reported[:4]
    source = (
        f"  sources:\n  - url: {report.link}\n    publisher: 'To check: who published it'"
        "\n    kind: 'To check: ordinance, bylaw, news article...'"
        if report.link
        else "  sources: []  # add at least one http(s) URL: the build refuses an entry without"
    )
    return "\n".join(
        [
            f"- id: {report.place_id}-ban-{year}  # the year it was adopted, once checked",
            f"  place: {report.place_id}",
            f"  level: {level}",
            "  what: ban  # or moratorium",
            "  binds: [all_municipal_agencies]  # to check",
            "  state: {kind: in_force}",
            f"  title: {{en: '{name}: ban on government face surveillance (to check)'}}",
            "  headline: {en: '<b>{place}</b> reported ban, to check before stating'}",
            "  scope_line: {en: 'To check: which agencies it covers.'}",
            "  forbids: {en: 'To check: what it forbids.'}",
            "  adopted: null  # YYYY-MM-DD, from the record",
            "  effective: null",
            "  instrument: 'To check: bylaw or ordinance, and its number.'",
            "  confidence: unverified  # confirmed or likely once checked; never stated before",
            f"  checked: {today.isoformat()}",
            "  sources_through: null",
            source,
            "  research_scope: 'A report by a resident, accepted; not yet checked.'",
            f"  notes: 'Reported by a resident through the bot on {report.reported}"
            f" (report #{report.id}); accepted {today.isoformat()}. Add its review to"
            " scripts/reviews/measures.yaml.'",
        ]
    )


@dataclass(frozen=True)
class TownRank:
    """One municipality in "where to organize next"."""

    place_id: str
    form: str
    volunteers: int
    subscribers: int


def rank_towns(
    counts: Mapping[str, tuple[int, int]],
    forms: Mapping[str, str],
    town_has_ban: Callable[[str], bool],
    small: int = SMALL_COUNT,
) -> list[TownRank]:
    """Municipalities with no ban and at least one subscriber, by volunteers then subscribers.

    Counts under ``small`` rank as one bucket, like they are shown ("<5"), so the order reveals
    no more than the numbers do; ties go by place id.
    """

    def shown(n: int) -> int:
        return n if n >= small else min(n, 1)

    rows = [
        TownRank(place_id, forms[place_id], volunteers, subs)
        for place_id, (subs, volunteers) in counts.items()
        if place_id in forms and subs > 0 and not town_has_ban(place_id)
    ]
    return sorted(rows, key=lambda r: (-shown(r.volunteers), -shown(r.subscribers), r.place_id))


def _data(*parts: str) -> str:
    return callbacks.make(callbacks.LOCAL_ACTION, *parts)


def _report_data(action: str, report_id: int) -> str:
    return callbacks.make(callbacks.REPORTS, action, str(report_id))


def _phrases(catalog: Catalog, key: str) -> tuple[str, ...]:
    """Every language's phrases for ``key``, folded like messages are."""
    found: list[str] = []
    for lang in catalog.languages:
        if key in catalog.messages[lang]:
            found += [fold(line) for line in catalog.messages[lang][key].splitlines()]
    return tuple(dict.fromkeys(p for p in found if p))


def _looks_like_link(text: str) -> bool:
    """A link typed without https:// ("town.gov/news"), or with a typo in it ("htps://...")."""
    return _LINKISH.fullmatch(text.strip()) is not None
