"""Call, voicemail and email scripts for one legislator, from the templates in scripts.yaml.

The script follows where the resident's town stands (:mod:`bot.kb.standing`): a ban, a
moratorium, local limits, or no ban on record, so a script never says more than the answer does.
The knowledge build has already checked that every template uses only known placeholders and is
valid Telegram HTML, so filling one never fails and never leaves a ``{placeholder}`` in the text.
"""

from __future__ import annotations

import dataclasses
import html
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

import sqlite_utils

from bot.core.i18n import DEFAULT_LANGUAGE, Catalog
from bot.kb import measures
from bot.kb.directory import Member
from bot.kb.legislators import script_templates
from bot.kb.models import Session, ordinal
from bot.kb.standing import Standing

__all__ = ["MAX_CALL", "MAX_MESSAGE", "Filled", "ScriptBook", "ordinal", "render_script"]

MAX_MESSAGE = 4096  # Telegram's limit for one message's text
# A call script is read at a glance with the phone ringing: one phone screen.
MAX_CALL = 600
MAX_FIRST_NAME = 64  # Telegram's own limit on a first name

Kind = Literal["call", "email"]
_PARTIAL = re.compile(r"(&[#a-zA-Z0-9]*|<[^>]*)$")


def situation(standing: Standing) -> str:
    """The script for a town: its ban, moratorium or limits in force, or "no ban on record".

    A resident only asserts a confirmed measure: the answer hedges a ``likely`` one with a
    caution, so its script falls back to "no ban on record" and asserts nothing about it.
    """
    measure = standing.measure
    confirmed = measure is None or measure.confidence == "confirmed"
    if standing.in_force and standing.kind in {"ban", "moratorium", "limited"} and confirmed:
        return standing.kind
    return "no_ban_on_record"


@dataclass(frozen=True)
class Filled:
    """Each script for one legislator, as Telegram HTML (values escaped)."""

    call: str
    voicemail: str
    email_subject: str
    email_body: str


@dataclass(frozen=True)
class ScriptBook:
    """The templates and the session whose bills they ask for."""

    templates: dict[tuple[str, str, str], str]  # (situation, chamber, kind) -> template
    pieces: dict[str, str]
    session: Session

    @classmethod
    def from_db(
        cls, db: sqlite3.Connection | sqlite_utils.Database, lang: str = DEFAULT_LANGUAGE
    ) -> ScriptBook:
        """The scripts in ``lang`` (English where it has no text), naming the bills in it."""
        conn = db.conn if isinstance(db, sqlite_utils.Database) else db
        templates, pieces = script_templates(conn, lang)
        session = measures.session(conn)
        named = dataclasses.replace(
            session,
            title=session.text("title", lang),
            short_title=session.text("short_title", lang),
            committee=session.text("committee", lang),
        )
        return cls(templates, pieces, named)

    def fill(
        self, member: Member, title: str, town: str, where: str, first_name: str | None
    ) -> Filled:
        """Fill the scripts of situation ``where`` for ``member``; ``title`` is "Senator" etc."""
        name = clean_first_name(first_name)
        mode = "named" if name else "anonymous"
        piece_values = {"first_name": html.escape(name or "", quote=False), "town": esc(town)}
        session = self.session
        values = {
            "title": esc(title),
            "name": esc(member.name or ""),
            "town": esc(town),
            "intro": self.pieces[f"intro_{mode}"].format(**piece_values),
            "signature": self.pieces[f"signature_{mode}"].format(**piece_values),
            "bill": esc(session.bill(member.chamber).number),
            "house_bill": esc(session.bill("house").number),
            "senate_bill": esc(session.bill("senate").number),
            "bill_title": esc(session.title),
            "short_title": esc(session.short_title),
            "committee": esc(session.committee),
            "session": f"{ordinal(session.number)} General Court",
        }

        def one(kind: str) -> str:
            return self.templates[(where, member.chamber, kind)].format(**values).strip()

        return Filled(one("call"), one("voicemail"), one("email_subject"), one("email_body"))


def render_script(
    book: ScriptBook,
    catalog: Catalog,
    kind: Kind,
    member: Member,
    town: str,
    where: str,
    first_name: str | None = None,
    lang: str = "en",
) -> str:
    """Return the Telegram HTML message with the call script (or the email): the book's
    script, framed by the catalog's texts in ``lang``.

    A call message starts with the name and the phone number in the form Telegram makes
    tappable; a member with no phone on record gets no call script (ValueError).
    """
    title = catalog.t(f"legislators.title.{member.chamber}", lang)
    filled = book.fill(member, title, town, where, first_name)
    common = {"title": esc(title), "name": esc(member.name or "")}
    if kind == "call":
        phone = display_phone(member.phone)
        if phone is None:
            raise ValueError("no phone on record: offer the email script")
        header = catalog.t("legislators.script.call_header", lang, **common, phone=esc(phone))
        return catalog.t(
            "legislators.script.call",
            lang,
            header=header,
            script=filled.call,
            voicemail=filled.voicemail,
        )
    email = member.email or catalog.t("legislators.no_email", lang)

    def build_email(subject: str, body: str) -> str:
        return catalog.t(
            "legislators.script.email",
            lang,
            **common,
            email=esc(email),
            subject=subject,
            body=body,
        )

    return _fit(build_email, filled.email_subject, filled.email_body)


def esc(text: str) -> str:
    return html.escape(text, quote=False)


def display_phone(phone: str | None) -> str | None:
    """Return ``+1 617-722-2130`` (Telegram makes it tappable), keeping an extension."""
    return f"+1 {phone}" if phone else None


def clean_first_name(first_name: str | None) -> str | None:
    """Collapse spaces and cap the length; None for a missing or blank name."""
    if not first_name:
        return None
    name = " ".join(first_name.split())[:MAX_FIRST_NAME]
    return name or None


def _fit(build: Callable[[str, str], str], first: str, second: str) -> str:
    """Build the message; shorten the longer of subject and body until it fits Telegram's limit."""
    text = build(first, second)
    while len(text) > MAX_MESSAGE:
        cut = len(text) - MAX_MESSAGE + 1
        if len(second) >= len(first):
            second = _shorten(second, cut)
        else:
            first = _shorten(first, cut)
        text = build(first, second)
    return text


def _shorten(text: str, cut: int) -> str:
    """Drop at least ``cut`` characters from the end, at a word, never leaving half an entity."""
    kept = text[: max(0, len(text) - cut - 1)]
    if " " in kept:
        kept = kept.rsplit(" ", 1)[0]
    return _PARTIAL.sub("", kept) + "…"
