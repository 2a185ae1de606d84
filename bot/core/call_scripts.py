"""Call, voicemail and email scripts for one legislator, from the templates in scripts.yaml.

The knowledge build has already checked that every template uses only known placeholders, so
filling one never fails and never leaves a ``{placeholder}`` in the text.
"""

from __future__ import annotations

import html
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

import sqlite_utils

from bot.core.i18n import Catalog
from bot.core.legislators import Member

MAX_MESSAGE = 4096  # Telegram's limit for one message's text
MAX_FIRST_NAME = 64  # Telegram's own limit on a first name

Kind = Literal["call", "email"]


@dataclass(frozen=True)
class Bill:
    chamber: str
    number: str
    url: str
    title: str
    committee: str
    session: int


@dataclass(frozen=True)
class Filled:
    """The plain text of each script for one legislator."""

    call: str
    voicemail: str
    email_subject: str
    email_body: str


@dataclass(frozen=True)
class ScriptBook:
    """The templates and the current bills."""

    templates: dict[tuple[str, str, str], str]  # (situation, chamber, kind) -> template
    pieces: dict[str, str]
    bills: dict[str, Bill]  # chamber -> bill

    @classmethod
    def from_db(cls, db: sqlite3.Connection | sqlite_utils.Database) -> ScriptBook:
        conn = db.conn if isinstance(db, sqlite_utils.Database) else db
        templates = {
            (s, c, k): t
            for s, c, k, t in conn.execute(
                "SELECT situation, chamber, kind, template FROM call_scripts"
            )
        }
        pieces = dict(conn.execute("SELECT name, template FROM script_pieces").fetchall())
        bills = {
            row[0]: Bill(*row)
            for row in conn.execute(
                "SELECT chamber, number, url, title, committee, session FROM bills"
            )
        }
        return cls(templates, pieces, bills)

    def fill(
        self, member: Member, title: str, town: str, town_has_ban: bool, first_name: str | None
    ) -> Filled:
        """Fill every script for ``member``; ``title`` is "Senator" or "Representative"."""
        name = clean_first_name(first_name)
        mode = "named" if name else "anonymous"
        piece_values = {"first_name": name or "", "town": town}
        bill = self.bills[member.chamber]
        values = {
            "title": title,
            "name": member.name or "",
            "town": town,
            "intro": self.pieces[f"intro_{mode}"].format(**piece_values),
            "signature": self.pieces[f"signature_{mode}"].format(**piece_values),
            "bill": bill.number,
            "house_bill": self.bills["house"].number,
            "senate_bill": self.bills["senate"].number,
            "bill_title": bill.title,
            "committee": bill.committee,
            "session": f"{ordinal(bill.session)} General Court",
        }
        situation = "ban" if town_has_ban else "no_ban"

        def one(kind: str) -> str:
            return self.templates[(situation, member.chamber, kind)].format(**values).strip()

        return Filled(one("call"), one("voicemail"), one("email_subject"), one("email_body"))


def render_script(
    book: ScriptBook,
    catalog: Catalog,
    kind: Kind,
    member: Member,
    town: str,
    town_has_ban: bool,
    first_name: str | None = None,
    lang: str = "en",
) -> str:
    """Return the Telegram HTML message with the call (and voicemail) or email script."""
    title = catalog.t(f"legislators.title.{member.chamber}", lang)
    filled = book.fill(member, title, town, town_has_ban, first_name)
    common = {"title": html.escape(title), "name": html.escape(member.name or "")}
    if kind == "call":
        phone = display_phone(member.phone) or catalog.t("legislators.no_phone", lang)

        def build(script: str, voicemail: str) -> str:
            return catalog.t(
                "legislators.script.call",
                lang,
                **common,
                phone=html.escape(phone),
                script=html.escape(script, quote=False),
                voicemail=html.escape(voicemail, quote=False),
            )

        return _fit(build, filled.call, filled.voicemail)
    email = member.email or catalog.t("legislators.no_email", lang)

    def build_email(subject: str, body: str) -> str:
        return catalog.t(
            "legislators.script.email",
            lang,
            **common,
            email=html.escape(email),
            subject=html.escape(subject, quote=False),
            body=html.escape(body, quote=False),
        )

    return _fit(build_email, filled.email_subject, filled.email_body)


def display_phone(phone: str | None) -> str | None:
    """Return ``+1 617-722-2130`` (Telegram makes it tappable), keeping an extension."""
    return f"+1 {phone}" if phone else None


def clean_first_name(first_name: str | None) -> str | None:
    """Collapse spaces and cap the length; None for a missing or blank name."""
    if not first_name:
        return None
    name = " ".join(first_name.split())[:MAX_FIRST_NAME]
    return name or None


def ordinal(number: int) -> str:
    """Return ``194th``, ``191st``, ``192nd``, ``193rd``."""
    suffix = (
        "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number}{suffix}"


def _fit(build: Callable[[str, str], str], first: str, second: str) -> str:
    """Build the message; shorten the longer script until it fits Telegram's limit."""
    text = build(first, second)
    while len(text) > MAX_MESSAGE:
        # +1 for the ellipsis; escaping may lengthen the text, so loop until it fits.
        cut = len(text) - MAX_MESSAGE + 1
        if len(second) >= len(first):
            second = second[: max(0, len(second) - cut - 1)] + "…"
        else:
            first = first[: max(0, len(first) - cut - 1)] + "…"
        text = build(first, second)
    return text
