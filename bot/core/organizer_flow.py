"""The organizer's ``/broadcast`` conversation: text -> audience -> preview -> confirm.

Only organizers (``UserContext.is_organizer``) get past the first check; everyone else is
refused politely and the attempt is logged with neither the text nor any id.

The steps in progress live in memory, one :class:`Session` per organizer (lost on restart,
like python-telegram-bot's ``user_data``). At the preview the draft is stored in the state
database (:func:`bot.storage.broadcasts.create_broadcast`), and the Send and Cancel buttons
carry its id. Confirming checks the id against the database, not the session: the broadcast
must be a draft created by this organizer, so a forged, stale or someone else's button sends
nothing. Changing urgency or the schedule replaces the draft (the old one is cancelled).

The first text is English; ``bc:tx:<lang>`` asks for the same alert in another language (before
or after the audience). The preview counts the audience per language, and when some of it reads
a language with no text the Send button becomes "Send; English for ...": only that button
(``bc:okm:<draft id>``) sends them the English text, with a line saying so.

Callback data: ``bc:a:<kind>`` audience kind, ``bc:l:<lang>`` language, ``bc:x`` cancel before
a draft exists, ``bc:tx:<lang>`` add a text, and ``bc:<ok|okm|no|u|t>:<draft id>`` send, send
with English for the missing languages, cancel, toggle urgent, schedule.
"""

from __future__ import annotations

import html
import logging
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.broadcast import segments as segs
from bot.broadcast import telegram_html
from bot.broadcast.engine import release_time
from bot.core import callbacks
from bot.core.context import UserContext
from bot.core.i18n import DEFAULT_LANGUAGE, Catalog
from bot.core.reply import Button, Reply
from bot.storage import broadcasts
from bot.storage.subscribers import actor_hash

logger = logging.getLogger(__name__)

# Audience buttons: kind -> the segment it stands for, or None when a value must be typed.
AUDIENCE_KINDS: dict[str, str | None] = {
    "all": "all",
    "town": None,
    "senate": None,
    "house": None,
    "legislator": None,
    "ban": "status=ban",
    "no_ban": "status=no-ban",
    "language": None,
}
# Steps in which an audience button (also one from an earlier message) may (re)choose.
CHOOSING_STEPS = frozenset({"audience", "segment", "preview"})
MAX_PROBLEMS_SHOWN = 10
HELD_NOTICE = timedelta(minutes=1)  # a release later than this is announced as a start time
_LIST_SEPARATORS = re.compile(r"[,\n]+")
_TIME_FORMATS = ("%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S")


@dataclass
class Session:
    """One organizer's broadcast in progress."""

    step: str = "text"  # text | audience | segment | schedule | preview
    text: str = ""  # the English text
    texts: dict[str, str] = field(default_factory=dict)  # every text by language, English too
    text_language: str = DEFAULT_LANGUAGE  # the language of the text asked for
    segment_key: str = ""  # the key whose value is being typed (step "segment")
    segments: tuple[str, ...] = ()
    urgent: bool = False
    scheduled_for: datetime | None = None
    draft_id: int | None = None


@dataclass(frozen=True)
class Outcome:
    """Replies to send, and the broadcast to start delivering (after a confirmation)."""

    replies: list[Reply]
    deliver: int | None = None


@dataclass
class OrganizerFlow:
    """Answer ``/broadcast``, the organizer's typed steps and the ``bc:`` buttons."""

    state: sqlite3.Connection
    kb: sqlite3.Connection
    catalog: Catalog
    quiet_hours: tuple[time, time] | None = (time(21, 0), time(9, 0))
    timezone: str = "America/New_York"
    now: Callable[[], datetime] = field(default=lambda: datetime.now(UTC))
    sessions: dict[int, Session] = field(default_factory=dict)

    def t(self, key: str, **values: object) -> str:
        # Organizers are campaign staff: their side of the bot speaks English.
        return self.catalog.t(key, DEFAULT_LANGUAGE, **values)

    # Entry points ---------------------------------------------------------------------------

    def start(self, user: UserContext) -> list[Reply]:
        """Answer ``/broadcast``: ask for the text (organizers) or refuse (everyone else)."""
        if not self._allowed(user, "/broadcast"):
            return [Reply(self.catalog.t("broadcast.refused", user.language))]
        self._drop(user)
        self.sessions[self._key(user)] = Session()
        return [Reply(self.t("broadcast.ask_text"), self._cancel_row())]

    def text_hook(self, user: UserContext, text: str) -> list[Reply] | None:
        """A text hook: the organizer's next message in a broadcast in progress."""
        session = self.sessions.get(self._key(user)) if user.is_organizer else None
        if session is None:
            return None
        if session.step == "text":
            return self._take_text(user, session, text)
        if session.step == "segment":
            values = [v.strip() for v in _LIST_SEPARATORS.split(text) if v.strip()]
            return self._take_segments(
                user, session, [f"{session.segment_key}={v}" for v in values]
            )
        if session.step == "schedule":
            return self._take_time(user, session, text)
        # Audience (or a change of it at the preview): KEY=VALUE lines.
        return self._take_segments(user, session, [v for v in text.splitlines() if v.strip()])

    def callback(self, user: UserContext, data: str) -> Outcome:
        """Answer a ``bc:`` button."""
        if not self._allowed(user, "a broadcast button"):
            return Outcome([Reply(self.catalog.t("broadcast.refused", user.language))])
        _, parts = callbacks.split(data)
        session = self.sessions.get(self._key(user))
        if parts == ["x"]:
            self._drop(user)
            return Outcome([Reply(self.t("broadcast.cancelled"), edit=True)])
        choosing = session is not None and session.step in CHOOSING_STEPS
        if len(parts) == 2 and parts[0] == "a" and session is not None and choosing:
            return Outcome(self._choose_kind(user, session, parts[1]))
        if len(parts) == 2 and parts[0] == "l" and session is not None and choosing:
            return Outcome(self._take_segments(user, session, [f"language={parts[1]}"]))
        if len(parts) == 2 and parts[0] == "tx" and session is not None and choosing:
            return Outcome(self._ask_translation(session, parts[1]))
        if len(parts) == 2 and parts[0] in ("ok", "okm", "no", "u", "t") and parts[1].isdigit():
            return self._on_draft(user, session, parts[0], int(parts[1]))
        return Outcome([self._stale("unknown or out-of-step button")])

    # Steps ----------------------------------------------------------------------------------

    def _take_text(self, user: UserContext, session: Session, text: str) -> list[Reply]:
        text = text.strip()
        problems = telegram_html.validate(text)
        if problems:
            listed = "\n".join(f"• {html.escape(p)}" for p in problems[:MAX_PROBLEMS_SHOWN])
            return [Reply(self.t("broadcast.invalid", problems=listed), self._cancel_row())]
        lang = session.text_language
        session.texts[lang] = text
        if lang == DEFAULT_LANGUAGE:
            session.text = text
        if session.segments:  # a translation added at the preview: a new preview
            saved = self.t("language.broadcast.text_saved", language=self._name(lang))
            return [Reply(saved), *self._show_draft(user, session)]
        session.step = "audience"
        if lang == DEFAULT_LANGUAGE:
            ask = (
                self.t("language.broadcast.ask_texts") + "\n\n" + self.t("broadcast.ask_audience")
            )
        else:
            saved = self.t("language.broadcast.text_saved", language=self._name(lang))
            ask = saved + "\n\n" + self.t("broadcast.ask_audience")
        return [Reply(ask, (*self._translation_buttons(session), *self._audience_buttons()))]

    def _ask_translation(self, session: Session, lang: str) -> list[Reply]:
        if lang not in self.catalog.languages or lang == DEFAULT_LANGUAGE:
            return [self._stale("a text for an unknown language")]
        session.step = "text"
        session.text_language = lang
        ask = self.t("language.broadcast.ask_text", language=self._name(lang))
        return [Reply(ask, self._cancel_row())]

    def _name(self, lang: str) -> str:
        return self.catalog.t("language.name", lang)

    def _translation_buttons(self, session: Session) -> tuple[tuple[Button, ...], ...]:
        """One "➕ Text in <language>" button per language with no text yet."""
        row = tuple(
            Button(
                self.t("language.broadcast.button.add_text", language=self._name(lang)),
                self._data("tx", lang),
            )
            for lang in self.catalog.languages
            if lang not in session.texts
        )
        return (row,) if row else ()

    def _choose_kind(self, user: UserContext, session: Session, kind: str) -> list[Reply]:
        if kind not in AUDIENCE_KINDS:
            return [self._stale("unknown audience kind")]
        segment = AUDIENCE_KINDS[kind]
        if segment is not None:
            return self._take_segments(user, session, [segment])
        if kind == "language":
            row = tuple(
                Button(self.catalog.t("alerts.language_name", code), self._data("l", code))
                for code in self.catalog.languages
            )
            return [Reply(self.t("broadcast.ask_language"), (row, *self._cancel_row()))]
        session.step = "segment"
        session.segment_key = kind
        return [Reply(self.t(f"broadcast.ask_segment.{kind}"), self._cancel_row())]

    def _take_segments(self, user: UserContext, session: Session, items: list[str]) -> list[Reply]:
        """Check the audience, store the draft and show the preview."""
        try:
            chosen = segs.parse(items)
            audience = segs.resolve(self.state, self.kb, chosen)
        except segs.SegmentError as exc:
            error = html.escape(str(exc))
            return [Reply(self.t("broadcast.bad_audience", error=error), self._cancel_row())]
        if not audience.chat_ids:
            session.step = "audience"
            described = html.escape(", ".join(str(s) for s in chosen))
            return [
                Reply(self.t("broadcast.nobody", audience=described), self._audience_buttons())
            ]
        session.segments = tuple(str(s) for s in chosen)
        return self._show_draft(user, session, audience)

    def _show_draft(
        self, user: UserContext, session: Session, audience: segs.Audience | None = None
    ) -> list[Reply]:
        """Each text as its readers will see it, then the summary with its buttons."""
        summary = self._new_draft(user, session, audience)
        texts = [Reply(session.texts[lang]) for lang in self._ordered(session.texts)]
        return [*texts, summary]

    def _ordered(self, texts: dict[str, str]) -> list[str]:
        return sorted(texts, key=lambda lang: (lang != DEFAULT_LANGUAGE, lang))

    def _take_time(self, user: UserContext, session: Session, text: str) -> list[Reply]:
        understood, when = self._parse_time(text)
        if not understood:
            echo = html.escape(text.strip()[:40])
            reply = self.t("broadcast.bad_time", text=echo, example=self._example_time())
            return [Reply(reply, self._cancel_row())]
        session.scheduled_for = when
        return [self._redraft(user, session, edit=False)]

    def _on_draft(
        self, user: UserContext, session: Session | None, action: str, draft_id: int
    ) -> Outcome:
        draft = broadcasts.get_broadcast(self.state, draft_id)
        mine = user.user_id is not None and (
            draft is not None and draft.created_by_hash == actor_hash(user.user_id)
        )
        if draft is None or not mine or draft.state != "draft":
            return Outcome([self._stale(f"{action} on a broadcast that is not a draft of theirs")])
        if action == "no":
            broadcasts.cancel(self.state, draft_id, actor=user.user_id)
            self._drop(user, keep_draft=True)
            return Outcome([Reply(self.t("broadcast.cancelled"), edit=True)])
        if action in ("ok", "okm"):
            return self._confirm(user, draft, english_for_missing=action == "okm")
        if session is None or session.draft_id != draft_id:
            return Outcome([self._stale("an older preview's button")])
        if action == "u":
            session.urgent = not session.urgent
            return Outcome([self._redraft(user, session, edit=True)])
        session.step = "schedule"
        example = self._example_time()
        ask = self.t("broadcast.ask_schedule", tz=html.escape(self.timezone), example=example)
        return Outcome([Reply(ask, self._cancel_row())])

    def _confirm(
        self, user: UserContext, draft: broadcasts.Broadcast, english_for_missing: bool = False
    ) -> Outcome:
        """Enqueue the audience as it is now and hand the broadcast to the engine.

        Subscribers of a language the broadcast has no text in get English only when the
        organizer pressed the button that says so.
        """
        try:
            audience = segs.resolve(self.state, self.kb, segs.parse(draft.segments))
        except segs.SegmentError as exc:
            error = html.escape(str(exc))
            return Outcome([Reply(self.t("broadcast.bad_audience", error=error))])
        if not audience.chat_ids:
            described = html.escape(", ".join(draft.segments))
            return Outcome([Reply(self.t("broadcast.nobody", audience=described))])
        written = broadcasts.texts(self.state, draft.id)
        spoken = broadcasts.languages_of(self.state, audience.chat_ids)
        if not english_for_missing and any(lang not in written for lang in spoken):
            return Outcome([Reply(self.t("language.broadcast.confirm_missing"))])
        try:
            count = broadcasts.enqueue(self.state, draft.id, audience.chat_ids, actor=user.user_id)
        except broadcasts.BroadcastStateError:
            return Outcome([self._stale("a confirmation of a broadcast already queued")])
        self._drop(user, keep_draft=True)
        logger.info("Broadcast %d confirmed by an organizer for %d recipient(s)", draft.id, count)
        queued = self.t("broadcast.queued", id=draft.id, count=count)
        return Outcome([Reply(queued, edit=True)], deliver=draft.id)

    # Drafts ---------------------------------------------------------------------------------

    def _new_draft(
        self, user: UserContext, session: Session, audience: segs.Audience | None = None
    ) -> Reply:
        """Replace the session's draft with one matching it; return the summary with buttons."""
        if audience is None:
            audience = segs.resolve(self.state, self.kb, segs.parse(session.segments))
        if session.draft_id is not None:
            broadcasts.cancel(self.state, session.draft_id, actor=user.user_id)
        session.draft_id = broadcasts.create_broadcast(
            self.state,
            session.texts or {DEFAULT_LANGUAGE: session.text},
            session.segments,
            user.user_id,
            urgent=session.urgent,
            scheduled_for=session.scheduled_for,
        )
        session.step = "preview"
        return self._summary(session, audience)

    def _redraft(self, user: UserContext, session: Session, edit: bool) -> Reply:
        summary = self._new_draft(user, session)
        return Reply(summary.text, summary.buttons, edit=edit)

    def _summary(self, session: Session, audience: segs.Audience) -> Reply:
        assert session.draft_id is not None
        timing = self.timing(session.urgent, session.scheduled_for)
        if session.urgent:
            timing += "\n" + self.t("broadcast.urgent")
        text = self.t(
            "broadcast.summary",
            id=session.draft_id,
            audience=html.escape(audience.preview()),
            timing=timing,
        )
        spoken = broadcasts.languages_of(self.state, audience.chat_ids)
        texts = session.texts or {DEFAULT_LANGUAGE: session.text}
        items = ", ".join(
            self.t(
                "language.broadcast.audience_item",
                language=self._name(lang) if lang in self.catalog.languages else lang,
                count=broadcasts.shown(n),
                text=self.t(
                    "language.broadcast.own_text"
                    if lang in texts
                    else "language.broadcast.english_text"
                ),
            )
            for lang, n in spoken.items()
        )
        text += "\n" + self.t("language.broadcast.audience", counts=html.escape(items))
        missing = [lang for lang in spoken if lang not in texts]
        bid = str(session.draft_id)
        send = Button(
            self.t("broadcast.button.send", count=len(audience.chat_ids)), self._data("ok", bid)
        )
        if missing:
            names = ", ".join(
                self._name(lang) if lang in self.catalog.languages else lang for lang in missing
            )
            count = sum(spoken[lang] for lang in missing)
            text += "\n" + self.t(
                "language.broadcast.missing", languages=html.escape(names), count=count
            )
            send = Button(
                self.t("language.broadcast.button.send_missing", languages=names),
                self._data("okm", bid),
            )
        urgent = "broadcast.button.urgent_off" if session.urgent else "broadcast.button.urgent_on"
        buttons = (
            (send,),
            *self._translation_buttons(session),
            (
                Button(self.t(urgent), self._data("u", bid)),
                Button(self.t("broadcast.button.schedule"), self._data("t", bid)),
            ),
            (Button(self.t("broadcast.button.cancel"), self._data("no", bid)),),
        )
        return Reply(text, buttons)

    def timing(self, urgent: bool, scheduled_for: datetime | None) -> str:
        """Say when a broadcast will start: now, or at a local time and why."""
        now = self.now()
        if self.quiet_hours is None:
            release = max(now, scheduled_for) if scheduled_for else now
        else:
            release = release_time(
                now,
                urgent=urgent,
                scheduled_for=scheduled_for,
                quiet=self.quiet_hours,
                tz=self.timezone,
            )
        if release - now < HELD_NOTICE:
            return self.t("broadcast.timing_now")
        why = "scheduled" if scheduled_for is not None and release == scheduled_for else "quiet"
        return self.t(
            "broadcast.timing_held",
            when=self.local_time(release),
            why=self.t(f"broadcast.why.{why}"),
        )

    def local_time(self, moment: datetime) -> str:
        """A time as organizers read it: local, with the zone's abbreviation."""
        return moment.astimezone(ZoneInfo(self.timezone)).strftime("%a %b %d %Y, %H:%M %Z")

    # Helpers --------------------------------------------------------------------------------

    def _allowed(self, user: UserContext, what: str) -> bool:
        if user.is_organizer and user.user_id is not None:
            return True
        logger.info("Refused %s from someone who is not an organizer", what)
        return False

    @staticmethod
    def _key(user: UserContext) -> int:
        return user.user_id if user.user_id is not None else user.chat_id

    def _drop(self, user: UserContext, keep_draft: bool = False) -> None:
        """End the user's session; cancel its unconfirmed draft unless told otherwise."""
        session = self.sessions.pop(self._key(user), None)
        if session is not None and session.draft_id is not None and not keep_draft:
            broadcasts.cancel(self.state, session.draft_id, actor=user.user_id)

    def _stale(self, why: str) -> Reply:
        logger.info("Refused a broadcast button: %s", why)
        return Reply(self.t("broadcast.stale"))

    @staticmethod
    def _data(*parts: str) -> str:
        return callbacks.make(callbacks.BROADCAST, *parts)

    def _cancel_row(self) -> tuple[tuple[Button, ...], ...]:
        return ((Button(self.t("broadcast.button.cancel"), self._data("x")),),)

    def _audience_buttons(self) -> tuple[tuple[Button, ...], ...]:
        def button(kind: str) -> Button:
            return Button(self.t(f"broadcast.button.{kind}"), self._data("a", kind))

        return (
            (button("all"), button("town")),
            (button("senate"), button("house")),
            (button("legislator"),),
            (button("ban"), button("no_ban")),
            (button("language"),),
            *self._cancel_row(),
        )

    def _example_time(self) -> str:
        tomorrow = self.now().astimezone(ZoneInfo(self.timezone)) + timedelta(days=1)
        return tomorrow.strftime("%Y-%m-%d") + " 10:00"

    def _parse_time(self, text: str) -> tuple[bool, datetime | None]:
        """Read a future local time ("now": no schedule); (False, None) if it cannot be."""
        text = text.strip()
        if text.casefold() == "now":
            return True, None
        for fmt in _TIME_FORMATS:
            try:
                naive = datetime.strptime(text, fmt)
            except ValueError:
                continue
            moment = naive.replace(tzinfo=ZoneInfo(self.timezone)).astimezone(UTC)
            return (True, moment) if moment > self.now() else (False, None)
        return False, None
