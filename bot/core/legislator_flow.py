"""The "contact my legislators" conversation: town -> (ward, precinct) -> legislators -> script
-> outcome. Pure functions of callback data and the user context; every step returns a Reply.

Callback data (each part short so the whole stays within 64 bytes):

* ``leg:<place>`` start; ``leg:<place>:w:<page>`` ward picker; ``leg:<place>:p:<ward>:<page>``
  precinct picker (ward empty in a town without wards); ``leg:<place>:r:<ward>:<precinct>``
  the legislators of one precinct; ``leg:<place>:all[:<page>]`` a split town's districts,
  grouped, for a resident who does not know their ward (with the location button first);
  ``leg:<place>:m:<seat>`` one candidate's card.
* ``scr:<c|e>:<seat>:<place>[:n]`` call or email script, ``n`` signed with the first name.
* ``out:<outcome>:<seat>:<place>`` how it went; counted per seat, outcome and day only, once
  per resident, seat and day (remembered in memory as a salted hash, never stored).
"""

from __future__ import annotations

import hashlib
import html
import logging
import secrets
import sqlite3
import time
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from datetime import date
from urllib.parse import quote

from bot.core import callbacks
from bot.core.answers import visible_length
from bot.core.call_scripts import ScriptBook, display_phone, render_script, situation
from bot.core.context import UserContext
from bot.core.i18n import DEFAULT_LANGUAGE, Catalog
from bot.core.reply import Button, LocationAsk, Reply
from bot.core.wards import WardPrecinct, parse_ward_precinct
from bot.kb.directory import Directory, Lookup, Member, Town, UnknownPrecinct, natural_key
from bot.kb.legislators import seat_key
from bot.kb.slug import slug
from bot.kb.standing import Standing
from bot.storage.outcomes import record_outcome, seat_week

logger = logging.getLogger(__name__)


def esc(text: str) -> str:
    """Escape text for Telegram HTML; apostrophes stay as typed ("O'Connor")."""
    return html.escape(text, quote=False)


# Telegram allows 100 inline buttons; 30 choices (6 rows of 5) plus navigation stays well
# inside it and fits a phone screen. Framingham's 30 precincts, the most without wards, fit.
MIN_SHOWN = 5  # a weekly count under this is hidden, as in the organizers' stats
PAGE_SIZE = 30
PER_ROW = 5
OUTCOME_CODES = {"t": "talked", "v": "voicemail", "x": "no_answer", "e": "emailed"}
SCRIPT_KINDS = {"c": "call", "e": "email"}
# A split town's districts for a resident without their ward: pages of at most this many
# visible characters (Telegram counts the text without tags), so one page is one phone screen.
PAGE_CHARS = 600
# A script button's last part: "n" signed with the first name (rewrites the message), "e" the
# same script in English (a new message), "en" the English one signed, "ne" English from a
# signed one.
SCRIPT_FLAGS = frozenset({"", "n", "e", "en", "ne"})


class ReportedToday:
    """Which residents reported a call to which seat today, and which chambers they reached.

    Kept in this process's memory only, as hashes salted with a secret drawn at start, and
    forgotten at midnight: enough to count a report once, never enough to tie it to anyone.
    A restart forgets it (a second press after a restart counts again).
    """

    def __init__(self) -> None:
        self._salt = secrets.token_bytes(16)
        self._day: date | None = None
        self._counted: set[bytes] = set()
        self._chambers: dict[bytes, set[str]] = {}

    def _hash(self, *parts: object) -> bytes:
        text = ":".join(str(p) for p in parts).encode()
        return hashlib.blake2b(text, key=self._salt, digest_size=16).digest()

    def _roll(self, today: date) -> None:
        if self._day != today:
            self._day, self._counted, self._chambers = today, set(), {}

    def first(self, chat_id: int, seat: str, today: date) -> bool:
        """Whether this is the resident's first report for this seat today (and mark it)."""
        self._roll(today)
        mark = self._hash(chat_id, seat)
        if mark in self._counted:
            return False
        self._counted.add(mark)
        return True

    def mark(self, chat_id: int, chamber: str, today: date) -> None:
        self._roll(today)
        self._chambers.setdefault(self._hash(chat_id), set()).add(chamber)

    def done(self, chat_id: int, today: date) -> set[str]:
        """The chambers the resident reported reaching today."""
        self._roll(today)
        return set(self._chambers.get(self._hash(chat_id), set()))


class AskedForWard:
    """Which split town a resident was just asked a ward about, for a ward typed as text.

    In memory only, keyed by a salted hash of the chat, for half an hour, at most 10,000 at a
    time: a typed "ward 3, pct 2" reaches the right town without anything being stored.
    """

    TTL = 1800.0
    LIMIT = 10_000

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._salt = secrets.token_bytes(16)
        self._clock = clock
        self._towns: OrderedDict[bytes, tuple[str, float]] = OrderedDict()

    def _key(self, chat_id: int) -> bytes:
        return hashlib.blake2b(str(chat_id).encode(), key=self._salt, digest_size=16).digest()

    def remember(self, chat_id: int, place_id: str) -> None:
        key = self._key(chat_id)
        self._towns.pop(key, None)
        self._towns[key] = (place_id, self._clock() + self.TTL)
        while len(self._towns) > self.LIMIT:
            self._towns.popitem(last=False)

    def recall(self, chat_id: int) -> str | None:
        found = self._towns.get(self._key(chat_id))
        if found is None or found[1] < self._clock():
            return None
        return found[0]


class LegislatorFlow:
    """Answer the legislator callbacks and the ``/legislators`` command."""

    def __init__(
        self,
        directory: Directory,
        book: ScriptBook,
        catalog: Catalog,
        state: sqlite3.Connection,
        town_standing: Callable[[str], Standing],
        today: Callable[[], date] = date.today,
        resolve_town: Callable[[str], str | None] | None = None,
        share_link: Callable[[str], str | None] = lambda place_id: None,
        books: Mapping[str, ScriptBook] | None = None,
    ) -> None:
        self.directory = directory
        self.book = book  # English
        self.books = dict(books or {})  # the other languages' scripts, by language code
        self.catalog = catalog
        self.state = state
        self.town_standing = town_standing
        self.today = today
        self.resolve_town = resolve_town or (lambda text: slug(text))
        self.share_link = share_link
        self._reports = ReportedToday()
        self._asked = AskedForWard()

    # --- entry points ---------------------------------------------------------------------

    def command(self, text: str, user: UserContext) -> Reply:
        """Answer ``/legislators [town]``."""
        if not text.strip():
            return Reply(self._t(user, "legislators.ask_town"))
        place_id = self.resolve_town(text.strip())
        if place_id is None or self.directory.town(place_id) is None:
            return Reply(self._t(user, "legislators.unknown_town", text=esc(text[:60])))
        return self.start(place_id, user)

    def start(self, place_id: str, user: UserContext) -> Reply:
        """Show the town's legislators, or ask for the ward/precinct in a split town."""
        lookup = self.directory.lookup(place_id)
        if lookup is None:
            return self._stale(user)
        if not lookup.split:
            return replace(self._members(lookup, user), edit=False)
        if self.directory.wards(place_id):
            reply = self._ward_picker(lookup.town, 0, user)
        else:
            reply = self._precinct_picker(lookup.town, "", 0, user)
        # A new message: the button that led here may sit under an answer worth keeping.
        # A pin gives the exact districts at once, so it is offered before the picker.
        return replace(reply, edit=False, location=self.location_ask(user, "location.ask_ward"))

    def asked_for_ward(self, chat_id: int, place_id: str) -> bool:
        """Whether this resident was just asked for their ward in this town."""
        return self._asked.recall(chat_id) == place_id

    def location_ask(self, user: UserContext, key: str) -> LocationAsk:
        """The offer of the "📍 Share my location" button, worded for where it is made."""
        return LocationAsk(self._t(user, key), self._t(user, "location.button"))

    def pin(
        self,
        place_id: str,
        senate: tuple[str, ...],
        house: tuple[str, ...],
        user: UserContext,
        notes: tuple[str, ...] = (),
    ) -> Reply | None:
        """The legislators of the districts a location pin falls in (several near a line),
        with ``notes`` under the header; one line each when full cards would pass a screen."""
        town = self.directory.town(place_id)
        if town is None:
            return None
        seats = [seat_key("senate", d) for d in senate] + [seat_key("house", d) for d in house]
        members = [m for m in map(self.directory.member, seats) if m is not None]
        if not members:
            return None
        title = self._t(user, "location.header", town=esc(town.name))
        reply = self._cards(town, members, tuple(members), user, "\n\n".join([title, *notes]))
        if visible_length(reply.text) > PAGE_CHARS:
            lines = "\n".join(self._candidate_line(m, user) for m in members)
            as_of = self.catalog.date(min(m.confirmed for m in members), user.language)
            closing = self._t(user, "legislators.as_of", date=as_of)
            said = list(notes)
            while True:  # the district line's note stays; the nearby town's goes if need be
                text = "\n\n".join([title, *said, lines, closing])
                if visible_length(text) <= PAGE_CHARS or len(said) <= 1:
                    break
                said.pop()
            reply = Reply(text, reply.buttons)
        return replace(self._offer_keeping(reply, place_id, members, user), edit=False)

    def _candidate_line(self, member: Member, user: UserContext) -> str:
        """One line: "• Senator Pat Jehlen (Democratic), Second Middlesex: +1 617-722-1578"."""
        district = esc(member.district)
        if member.vacant:
            chamber = self._t(user, f"legislators.chamber.{member.chamber}")
            return self._t(
                user, "legislators.candidate_vacant", chamber=chamber, district=district
            )
        phone = display_phone(member.phone) or self._t(user, "legislators.no_phone")
        return self._t(
            user,
            "legislators.candidate_line",
            title=self._t(user, f"legislators.title.{member.chamber}"),
            name=esc(member.name or ""),
            party=esc(self._party(member, user)),
            district=district,
            phone=esc(phone),
        )

    def handle(self, data: str, user: UserContext) -> Reply:
        """Answer any callback with the LEGISLATORS, SCRIPT or OUTCOME prefix."""
        prefix, parts = callbacks.split(data)
        try:
            if prefix == callbacks.LEGISLATORS:
                return self._legislators(parts, user)
            if prefix == callbacks.SCRIPT:
                return self._script(parts, user)
            if prefix == callbacks.OUTCOME:
                return self._outcome(parts, user)
        except (ValueError, IndexError, KeyError, UnknownPrecinct):
            logger.info("Stale or malformed legislator callback")
        return self._stale(user)

    def text_hook(self, user: UserContext, text: str) -> list[Reply] | None:
        """A ward and precinct typed as text ("ward 19 precinct 5", "w19 p5", "my ward is 3"):
        for the split town the resident was just asked about, or one named in the message."""
        typed = parse_ward_precinct(text)
        if typed is None or (typed.ward is None and typed.precinct is None):
            return None
        named = self.resolve_town(text)
        town = self.directory.town(named) if named else None
        if town is None:
            asked = self._asked.recall(user.chat_id)
            town = self.directory.town(asked) if asked else None
        if town is None:
            return [Reply(self._t(user, "legislators.ward_which_town"))]
        has_wards = bool(self.directory.wards(town.place_id))
        ward = typed.ward if has_wards else ""
        if typed.precinct is not None and (ward or not has_wards):
            try:
                lookup = self.directory.lookup(town.place_id, ward, typed.precinct)
            except UnknownPrecinct:
                lookup = None
            if lookup is not None:
                return [replace(self._members(lookup, user), edit=False)]
            return [self._not_a_precinct(town, typed, has_wards, user)]
        if ward and ward in self.directory.wards(town.place_id):
            return [replace(self._precinct_picker(town, ward, 0, user), edit=False)]
        return [self._not_a_precinct(town, typed, has_wards, user)]

    def _not_a_precinct(
        self, town: Town, typed: WardPrecinct, has_wards: bool, user: UserContext
    ) -> Reply:
        """The town has no such ward or precinct: say so, and offer the picker again."""
        said = self._t(
            user,
            "legislators.no_such_precinct",
            town=esc(town.name),
            ward=typed.ward or "-",
            precinct=typed.precinct or "-",
        )
        picker = (
            self._ward_picker(town, 0, user)
            if has_wards
            else self._precinct_picker(town, "", 0, user)
        )
        return Reply(f"{said}\n\n{picker.text}", picker.buttons)

    # --- steps ----------------------------------------------------------------------------

    def _legislators(self, parts: list[str], user: UserContext) -> Reply:
        place_id, *rest = parts
        town = self.directory.town(place_id)
        if town is None:
            return self._stale(user)
        match rest:
            case []:
                return self.start(place_id, user)
            case ["w", page]:
                return self._ward_picker(town, int(page), user)
            case ["p", ward, page]:
                return self._precinct_picker(town, ward, int(page), user)
            case ["r", ward, precinct]:
                lookup = self.directory.lookup(place_id, ward, precinct)
                assert lookup is not None
                return self._members(lookup, user)
            case ["all"]:
                # "I don't know": the location button first, then the districts, grouped.
                lookup = self.directory.lookup(place_id)
                assert lookup is not None
                listing = self._districts(lookup, 0, user)
                ask = self.location_ask(user, "location.ask_dont_know")
                return replace(listing, edit=False, location=ask)
            case ["all", page]:
                lookup = self.directory.lookup(place_id)
                assert lookup is not None
                return self._districts(lookup, int(page), user)
            case ["k", senate, house]:
                # From an alert: the resident's own legislators, as they chose to keep them.
                chosen = [m for m in map(self.directory.member, (senate, house)) if m]
                if not chosen:
                    return self._stale(user)
                header = self._t(user, "legislators.header", town=esc(town.name))
                return replace(self._cards(town, chosen, tuple(chosen), user, header), edit=False)
            case ["m", key]:
                lookup = self.directory.lookup(place_id)
                assert lookup is not None
                chosen = [m for m in lookup.members if m.key == key]
                if not chosen:
                    return self._stale(user)
                return self._cards(town, chosen, lookup.members, user, header=None)
        return self._stale(user)

    def _script(self, parts: list[str], user: UserContext) -> Reply:
        code, key, place_id, *flags = parts
        flag = flags[0] if len(flags) == 1 else ""
        kind = SCRIPT_KINDS[code]
        member = self.directory.member(key)
        town = self.directory.town(place_id)
        if member is None or member.vacant or town is None or flags not in ([], [flag]):
            return self._stale(user)
        if flag not in SCRIPT_FLAGS:
            return self._stale(user)
        if self.session_ended:
            return Reply(self._session_ended(user))
        if kind == "call" and member.phone is None:
            return self._stale(user)  # the card offers no call script without a phone
        signed = "n" in flag
        english = "e" in flag and user.language != DEFAULT_LANGUAGE
        lang = DEFAULT_LANGUAGE if english else user.language
        text = render_script(
            self.books.get(lang, self.book),
            self.catalog,
            "call" if kind == "call" else "email",
            member,
            town.name,
            situation(self.town_standing(place_id)),
            user.first_name if signed else None,
            lang,
        )
        if english:
            # The office may answer in English: the resident reads why in their own language.
            text = f"{self._t(user, 'language.script_en')}\n\n{text}"
        if signed and not user.first_name:
            text += "\n\n" + self._t(user, "legislators.script.no_first_name")
        full = f"{text}\n\n{self._t(user, 'legislators.script.how')}"
        if len(full) > 4096:
            full = text
        codes = ("t", "v", "x") if kind == "call" else ("e",)
        rows: list[tuple[Button, ...]] = [
            (
                Button(
                    self._t(user, f"legislators.outcome.{OUTCOME_CODES[c]}"),
                    self._out(c, key, place_id),
                ),
            )
            for c in codes
        ]
        if not signed:
            sign = callbacks.make(callbacks.SCRIPT, code, key, place_id, "en" if english else "n")
            rows.insert(0, (Button(self._t(user, "legislators.button.sign"), sign),))
        if not english and user.language != DEFAULT_LANGUAGE:
            same = callbacks.make(callbacks.SCRIPT, code, key, place_id, "ne" if signed else "e")
            label = "language.button.script_en" if kind == "call" else "language.button.email_en"
            rows.append((Button(self._t(user, label), same),))
        # Signing rewrites the message it was pressed on; the English copy comes as a new one.
        return Reply(full, tuple(rows), edit=flag in ("n", "en"))

    @property
    def session_ended(self) -> bool:
        """Whether the bills the scripts ask for died with their session."""
        return self.book.session.ended(self.today())

    def _session_ended(self, user: UserContext) -> str:
        session = self.book.session
        return self._t(
            user,
            "legislators.session_ended",
            session=self.catalog.ordinal(session.number, user.language),
            end=self.catalog.date(session.end, user.language),
        )

    def _outcome(self, parts: list[str], user: UserContext) -> Reply:
        code, key, *rest = parts
        place_id = rest[0] if rest else None
        outcome = OUTCOME_CODES[code]
        member = self.directory.member(key)
        if member is None or member.vacant or len(rest) > 1:
            return self._stale(user)
        self._reports.mark(user.chat_id, member.chamber, self.today())
        today = self.today()
        first_time = self._reports.first(user.chat_id, member.key, today)
        if first_time:
            record_outcome(self.state, member.chamber, member.district, outcome, today)
        if outcome == "no_answer":
            return Reply(self._t(user, "legislators.thanks_no_answer"))
        title = self._t(user, f"legislators.title.{member.chamber}")
        name = esc(member.name or "")
        blocks = [self._t(user, "legislators.thanks", title=title, name=name)]
        kind = "emailed" if outcome == "emailed" else "called"
        week = seat_week(self.state, member.chamber, member.district, today, kind)
        if week >= MIN_SHOWN:
            key = f"legislators.week_{kind}"
            blocks.append(self._t(user, key, count=week, title=title, name=name))
        done = self._reports.done(user.chat_id, today)
        rows: list[tuple[Button, ...]] = []
        town = self.directory.town(place_id) if place_id else None
        others = self._next(place_id, member, done) if place_id else []
        if town is not None and len(others) == 1:
            other = others[0]
            other_title = self._t(user, f"legislators.title.{other.chamber}")
            blocks.append(
                self._t(
                    user,
                    "legislators.next",
                    title=other_title,
                    name=esc(other.name or ""),
                    done=len(done),
                    total=len(done) + 1,
                )
            )
            code = "c" if other.phone else "e"
            script = callbacks.make(callbacks.SCRIPT, code, other.key, town.place_id)
            label = self._t(
                user, "legislators.button.next", title=other_title, name=other.name or ""
            )
            rows.append((Button(label, script),))
        elif town is not None and others:
            blocks.append(self._t(user, "legislators.next_split", done=len(done)))
            back = callbacks.make(callbacks.LEGISLATORS, town.place_id)
            rows.append((Button(self._t(user, "legislators.button.legislators"), back),))
        elif len(done) > 1:
            blocks.append(self._t(user, "legislators.all_done", done=len(done)))
        link = self.share_link(town.place_id) if town is not None else None
        if link is not None:
            text = self._t(user, "legislators.share_text")
            share = f"https://t.me/share/url?url={quote(link, safe='')}&text={quote(text)}"
            rows.append((Button(self._t(user, "legislators.button.share"), url=share),))
        return Reply("\n\n".join(blocks), tuple(rows))

    def _next(self, place_id: str, member: Member, done: set[str]) -> list[Member]:
        """The resident's legislators in the other chamber not yet contacted today."""
        lookup = self.directory.lookup(place_id)
        if lookup is None:
            return []
        return [
            m
            for m in lookup.members
            if m.chamber != member.chamber and not m.vacant and m.chamber not in done
        ]

    # --- rendering ------------------------------------------------------------------------

    def _ward_picker(self, town: Town, page: int, user: UserContext) -> Reply:
        wards = self.directory.wards(town.place_id)
        choices = [
            Button(
                self._t(user, "legislators.button.ward", ward=w),
                callbacks.make(callbacks.LEGISLATORS, town.place_id, "p", w, "0"),
            )
            for w in wards
        ]
        text = self._t(user, "legislators.ask_ward", town=esc(town.name))
        return self._picker(town, text, choices, page, ("w",), user)

    def _precinct_picker(self, town: Town, ward: str, page: int, user: UserContext) -> Reply:
        precincts = self.directory.precincts(town.place_id, ward)
        if not precincts:
            return self._stale(user)
        choices = [
            Button(p, callbacks.make(callbacks.LEGISLATORS, town.place_id, "r", ward, p))
            for p in precincts
        ]
        name = esc(town.name)
        if ward:
            text = self._t(user, "legislators.ask_precinct_in_ward", town=name, ward=ward)
        else:
            text = self._t(user, "legislators.ask_precinct", town=name)
        return self._picker(town, text, choices, page, ("p", ward), user)

    def _picker(
        self,
        town: Town,
        text: str,
        choices: list[Button],
        page: int,
        page_parts: tuple[str, ...],
        user: UserContext,
    ) -> Reply:
        pages = max(1, -(-len(choices) // PAGE_SIZE))
        if not 0 <= page < pages:
            return self._stale(user)
        shown = choices[page * PAGE_SIZE : (page + 1) * PAGE_SIZE]
        rows = [tuple(shown[i : i + PER_ROW]) for i in range(0, len(shown), PER_ROW)]
        nav = []
        if page > 0:
            back = callbacks.make(callbacks.LEGISLATORS, town.place_id, *page_parts, str(page - 1))
            nav.append(Button(self._t(user, "legislators.button.back"), back))
        if page + 1 < pages:
            more = callbacks.make(callbacks.LEGISLATORS, town.place_id, *page_parts, str(page + 1))
            nav.append(Button(self._t(user, "legislators.button.more"), more))
        if nav:
            rows.append(tuple(nav))
        dont_know = callbacks.make(callbacks.LEGISLATORS, town.place_id, "all")
        rows.append((Button(self._t(user, "legislators.button.dont_know"), dont_know),))
        self._asked.remember(user.chat_id, town.place_id)  # "ward 3 pct 2" typed next
        full = f"{text}\n\n{self._t(user, 'legislators.where_to_look')}"
        return Reply(full, tuple(rows), edit=True)

    def _members(self, lookup: Lookup, user: UserContext) -> Reply:
        town = esc(lookup.town.name)
        if lookup.narrowed:
            where = (
                self._t(
                    user,
                    "legislators.where.ward_precinct",
                    ward=lookup.ward,
                    precinct=lookup.precinct,
                )
                if lookup.ward
                else self._t(user, "legislators.where.precinct", precinct=lookup.precinct)
            )
            header = self._t(user, "legislators.header_precinct", town=town, where=esc(where))
        else:
            header = self._t(user, "legislators.header", town=town)
        reply = self._cards(lookup.town, lookup.members, lookup.members, user, header)
        return self._offer_keeping(reply, lookup.town.place_id, lookup.members, user)

    def _offer_keeping(
        self, reply: Reply, place_id: str, members: Sequence[Member], user: UserContext
    ) -> Reply:
        """Under exactly the resident's legislators (one per chamber), offer alerts that carry
        a button to call them: the subscription keeps the two districts, with consent."""
        seats = {m.chamber: m.key for m in members if not m.vacant}
        if self.session_ended or len(members) > 2 or not seats:
            return reply
        keep = callbacks.make(
            callbacks.ALERTS, "dist", place_id, seats.get("senate", "-"), seats.get("house", "-")
        )
        label = self._t(user, "alerts.button.keep_districts")
        return replace(reply, buttons=(*reply.buttons, (Button(label, keep),)))

    def _cards(
        self,
        town: Town,
        shown: tuple[Member, ...] | list[Member],
        context: tuple[Member, ...],
        user: UserContext,
        header: str | None,
    ) -> Reply:
        blocks = [header] if header else []
        rows: list[tuple[Button, ...]] = []
        for member in shown:
            if member.vacant:
                blocks.append(self._vacancy(member, context, user))
                continue
            blocks.append(self._card(town, member, user, covers=header is None))
            if self.session_ended:
                continue
            # Labels are plain text: Telegram shows them as typed ("O'Connor", not "&#x27;").
            name = member.name or ""
            email = callbacks.make(callbacks.SCRIPT, "e", member.key, town.place_id)
            email_button = Button(self._t(user, "legislators.button.email", name=name), email)
            if member.phone is None:
                rows.append((email_button,))
                continue
            call = callbacks.make(callbacks.SCRIPT, "c", member.key, town.place_id)
            rows.append((Button(self._t(user, "legislators.button.call", name=name), call),))
            rows.append((email_button,))
        if self.session_ended:
            blocks.append(self._session_ended(user))
        as_of = self.catalog.date(min(m.confirmed for m in shown), user.language)
        blocks.append(self._t(user, "legislators.as_of", date=as_of))
        return Reply("\n\n".join(blocks), tuple(rows), edit=True)

    def _card(self, town: Town, member: Member, user: UserContext, covers: bool = False) -> str:
        """A legislator in two or three lines: name, party and district (linked to their page),
        phone and email, or with no phone the office to write to; what they cover in the town."""
        district = esc(member.district)
        if member.profile_url:
            url = html.escape(member.profile_url, quote=True)
            district = self._t(user, "legislators.card_link", url=url, text=district)
        values = {
            "title": self._t(user, f"legislators.title.{member.chamber}"),
            "name": esc(member.name or ""),
            "party": esc(self._party(member, user)),
            "district": district,
            "email": esc(member.email or self._t(user, "legislators.no_email")),
        }
        phone = display_phone(member.phone)
        if phone is None:
            # No phone on record: no call script, but the email script and where to write.
            if member.room:
                office = self._t(user, "legislators.state_house_room", room=esc(member.room))
            else:
                office = self._t(user, "legislators.state_house")
            lines = [self._t(user, "legislators.card_no_phone", **values, office=office)]
            if member.district_office:
                office = esc(member.district_office)
                lines.append(self._t(user, "legislators.card_office", office=office))
        else:
            lines = [self._t(user, "legislators.card", **values, phone=esc(phone))]
        if covers and member.wards_precincts:
            labels = esc(self._compact(member.wards_precincts, user))
            name = esc(town.name)
            lines.append(self._t(user, "legislators.card_covers", town=name, labels=labels))
        return "\n".join(lines)

    def _vacancy(self, member: Member, context: tuple[Member, ...], user: UserContext) -> str:
        other = "house" if member.chamber == "senate" else "senate"
        others = [m for m in context if m.chamber == other and not m.vacant]
        other_title = self._t(user, f"legislators.title.{other}")
        if len(others) == 1:
            other_title += f" {esc(others[0].name or '')}"
        return self._t(
            user,
            "legislators.vacant",
            chamber=self._t(user, f"legislators.chamber.{member.chamber}"),
            district=esc(member.district),
            other_title=other_title,
        )

    def _districts(self, lookup: Lookup, page: int, user: UserContext) -> Reply:
        """A split town's districts grouped by chamber, each with the wards (or precincts) it
        covers and its legislator's name, a phone screen at a time; a button per legislator."""
        town = lookup.town
        self._asked.remember(user.chat_id, town.place_id)  # a pin or "ward 3" comes next
        # Each ward's precincts, read once ("21-1", "21-2"), to say which wards a district covers.
        wards = {
            w: {f"{w}-{p}" for p in self.directory.precincts(town.place_id, w)}
            for w in self.directory.wards(town.place_id)
        }
        has_wards = bool(wards)
        intro_key = "location.split_intro" if has_wards else "location.split_intro_precincts"
        intro = self._t(user, intro_key, town=esc(town.name))
        tip = self._t(user, "location.tip")
        entries: list[tuple[str, str, Member]] = []  # (chamber, line, member)
        for member in lookup.members:
            name = member.name or self._t(user, f"legislators.chamber.{member.chamber}")
            if member.vacant:
                name = self._t(user, "location.vacant")
            district = f"{esc(member.district)}, {esc(name)}"
            covers = self._covers(town, member, wards, user)
            line = self._t(user, "location.district_line", district=district, covers=covers)
            entries.append((member.chamber, line, member))
        as_of = self._t(
            user, "legislators.as_of", date=self.catalog.date(lookup.as_of, user.language)
        )

        def render(shown: list[tuple[str, str, Member]], first: bool) -> str:
            blocks = [intro] if first else []
            chamber = None
            for member_chamber, line, _ in shown:
                if member_chamber != chamber:
                    chamber = member_chamber
                    blocks.append(self._t(user, f"location.chamber.{chamber}"))
                blocks.append(line)
            return "\n".join([*blocks, tip]) + "\n\n" + as_of

        # Pages of one screen; a chamber starts a new page unless all of it fits on this one.
        pages: list[list[tuple[str, str, Member]]] = [[]]
        for index, entry in enumerate(entries):
            first = len(pages) == 1
            if pages[-1] and entry[0] != pages[-1][-1][0]:
                rest = [e for e in entries[index:] if e[0] == entry[0]]
                if visible_length(render([*pages[-1], *rest], first)) > PAGE_CHARS:
                    pages.append([])
                    first = False
            longer = [*pages[-1], entry]
            if pages[-1] and visible_length(render(longer, first)) > PAGE_CHARS:
                pages.append([entry])
            else:
                pages[-1] = longer
        if not 0 <= page < len(pages):
            return self._stale(user)
        shown = pages[page]
        text = render(shown, page == 0)
        buttons = [
            Button(
                self._t(
                    user,
                    "legislators.button.member",
                    title=self._t(user, f"legislators.title.{m.chamber}"),
                    name=m.name or "",
                ),
                callbacks.make(callbacks.LEGISLATORS, town.place_id, "m", m.key),
            )
            for _, _, m in shown
            if not m.vacant
        ]
        rows = [tuple(buttons[i : i + 2]) for i in range(0, len(buttons), 2)]
        nav = []
        if page > 0:
            back = callbacks.make(callbacks.LEGISLATORS, town.place_id, "all", str(page - 1))
            nav.append(Button(self._t(user, "location.button.back"), back))
        if page + 1 < len(pages):
            more = callbacks.make(callbacks.LEGISLATORS, town.place_id, "all", str(page + 1))
            nav.append(Button(self._t(user, "location.button.more"), more))
        if nav:
            rows.append(tuple(nav))
        return Reply(text, tuple(rows), edit=True)

    def _covers(
        self, town: Town, member: Member, wards: dict[str, set[str]], user: UserContext
    ) -> str:
        """ "wards 1–3, 5; part of 4" or "precincts 1–4, 7"; ``wards``: each ward's labels."""
        labels = set(member.wards_precincts or ())
        if not labels:
            return self._t(user, "location.covers.whole", town=esc(town.name))
        if not wards:
            return self._t(user, "location.covers.precincts", precincts=_ranges(labels))
        whole, part = [], []
        for ward, mine in wards.items():
            if mine <= labels:
                whole.append(ward)
            elif mine & labels:
                part.append(ward)
        said = []
        if whole:
            key = "location.covers.wards" if len(whole) > 1 else "location.covers.ward"
            said.append(self._t(user, key, wards=_ranges(whole)))
        if part:
            key = "location.covers.wards" if len(part) > 1 else "location.covers.ward"
            which = self._t(user, key, wards=_ranges(part))
            said.append(self._t(user, "location.covers.part", wards=which))
        return "; ".join(said)

    # --- helpers --------------------------------------------------------------------------

    def _party(self, member: Member, user: UserContext) -> str:
        """The party in the resident's language ("Demócrata"); one we have no word for, as is."""
        key = f"language.party.{slug(member.party or '')}"
        return self._t(user, key) if self.catalog.has(key) else member.party or ""

    def _t(self, user: UserContext, key: str, **values: object) -> str:
        return self.catalog.t(key, user.language, **values)

    def _stale(self, user: UserContext) -> Reply:
        return Reply(self._t(user, "legislators.stale"))

    def _compact(self, labels: tuple[str, ...], user: UserContext) -> str:
        """Group "21-1", "21-2", "22-5" by ward; list plain precincts as they are."""
        groups: dict[str, list[str]] = {}
        for label in labels:
            ward, _, precinct = label.rpartition("-")
            groups.setdefault(ward, []).append(precinct)
        if list(groups) == [""]:
            return self._t(user, "legislators.covers.precincts", precincts=", ".join(groups[""]))
        return "; ".join(
            self._t(user, "legislators.covers.ward", ward=w, precincts=", ".join(ps))
            for w, ps in groups.items()
        )

    @staticmethod
    def _out(code: str, key: str, place_id: str) -> str:
        return callbacks.make(callbacks.OUTCOME, code, key, place_id)


def _ranges(labels: set[str] | list[str]) -> str:
    """ "1, 2, 3, 5" -> "1–3, 5" (runs of consecutive numbers); other labels as they are."""
    ordered = sorted(set(labels), key=natural_key)
    out: list[str] = []
    run: list[int] = []

    def flush() -> None:
        if run:
            out.append(f"{run[0]}–{run[-1]}" if len(run) > 2 else ", ".join(map(str, run)))
            run.clear()

    for label in ordered:
        if label.isdigit() and run and int(label) == run[-1] + 1:
            run.append(int(label))
        elif label.isdigit():
            flush()
            run.append(int(label))
        else:
            flush()
            out.append(label)
    flush()
    return ", ".join(out)
