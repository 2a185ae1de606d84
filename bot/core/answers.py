"""What the bot says about a place: status, date, scope, caveat, statewide context, source, as-of.

The rules of truth live here, in one place:
- a measure marked ``unverified`` is never stated as fact;
- a ``likely`` measure carries a caution;
- a place with no measure on record gets "no ban found in our records (as of DATE)";
- every municipal answer in Massachusetts carries the caveat that a local ban does not bind the
  State Police, the RMV or federal agencies, and the statewide situation.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import date
from typing import Protocol
from urllib.parse import quote, urlsplit

from bot.core import callbacks
from bot.core.i18n import Catalog
from bot.core.reply import Button, Reply
from bot.kb.models import Measure, Place

# Measures that answer "is it banned here?" with yes, when in force and not unverified.
PROHIBITIONS = frozenset({"ban", "moratorium"})
MAX_SCOPE_CHARS = 400
MAX_SOURCES_SHOWN = 2


class Knowledge(Protocol):
    """The part of the knowledge store answers need."""

    def place(self, place_id: str) -> Place | None: ...
    def measures_for(self, place_id: str) -> list[Measure]: ...
    def statewide(self, state: str = "MA") -> list[Measure]: ...

    @property
    def as_of(self) -> date: ...


def esc(text: str) -> str:
    """Escape knowledge or user text for Telegram HTML."""
    return html.escape(text, quote=False)


def fmt_date(value: date) -> str:
    """Dates as residents read them: "June 27, 2019"."""
    return f"{value:%B} {value.day}, {value.year}"


def place_label(catalog: Catalog, place: Place, lang: str = "en") -> str:
    """ "Somerville, MA" / "Portland, ME" / "King County, WA" / "Vermont"."""
    if place.kind == "state":
        return place.name
    return catalog.t("place_label", lang, name=place.name, state=place.state)


def stated(measures: Sequence[Measure]) -> list[Measure]:
    """The measures we may state as fact: never the unverified ones."""
    return [m for m in measures if m.confidence != "unverified"]


def has_ban(kb: Knowledge, place_id: str) -> bool:
    """True when a confirmed or likely ban or moratorium is in force for the place."""
    return any(
        m.measure in PROHIBITIONS and m.status == "in_force"
        for m in stated(kb.measures_for(place_id))
    )


def main_measure(measures: Sequence[Measure]) -> Measure | None:
    """The measure that answers "is it banned?": a prohibition first, then any other."""
    for measure in measures:
        if measure.measure in PROHIBITIONS or measure.measure == "repealed":
            return measure
    local = [m for m in measures if m.level != "state" and m.measure != "restriction"]
    return local[0] if local else None


class Answers:
    """Builds the replies about places."""

    def __init__(self, kb: Knowledge, catalog: Catalog, bot_username: str | None = None) -> None:
        self.kb = kb
        self.catalog = catalog
        self.bot_username = bot_username

    def t(self, key: str, lang: str, **values: object) -> str:
        return self.catalog.t(key, lang, **values)

    def place(self, place: Place, lang: str = "en") -> Reply:
        """The full answer for one place, with the next-step buttons."""
        label = esc(place_label(self.catalog, place, lang))
        all_measures = self.kb.measures_for(place.id)
        measures = stated(all_measures)
        as_of = fmt_date(self.kb.as_of)
        lines: list[str] = []
        main = main_measure(measures)
        if main is None:
            lines.append(self.t("status.none", lang, place=label, as_of=as_of))
        else:
            lines.extend(self._describe(main, label, lang))
        for other in measures:
            if other is not main and other.measure == "restriction" and main is None:
                scope = esc(_clip(other.scope, MAX_SCOPE_CHARS))
                lines.append(self.t("oversight_also", lang, place=label, scope=scope))
        if any(m.confidence == "unverified" for m in all_measures):
            lines.append(self.t("unverified_note", lang))
        in_force = main is not None and main.measure in PROHIBITIONS and main.status == "in_force"
        if in_force and place.kind != "state":
            caveat = "caveat" if place.state == "MA" else "caveat_other"
            lines.append(self.t(caveat, lang, place=esc(place.name)))
        if place.state == "MA":
            lines.append(self.statewide(lang))
            if main is None or main.measure not in PROHIBITIONS:
                lines.append(self.t("ask_for_ban", lang))
        else:
            if place.kind != "state":
                lines.extend(self._other_state(place, lang))
        sources = main.sources if main is not None else self._statewide_sources(place)
        if sources:
            lines.append(self.t("source", lang, links=_links(sources[:MAX_SOURCES_SHOWN])))
        lines.append(self.t("as_of", lang, as_of=as_of))
        return Reply("\n\n".join(lines), self.buttons(place, lang))

    def buttons(self, place: Place, lang: str = "en") -> tuple[tuple[Button, ...], ...]:
        """Next steps under an answer: legislators, alerts, share, sources."""
        rows: list[tuple[Button, ...]] = []
        if place.state == "MA" and place.kind in {"city", "town"}:
            rows.append(
                (Button(self.t("button.legislators", lang), callbacks.make("leg", place.id)),)
            )
            alerts = self.t("button.alerts", lang, place=place.name)
            rows.append((Button(alerts, callbacks.make(callbacks.ALERTS, "sub", place.id)),))
        second = [Button(self.t("button.sources", lang), callbacks.make("src", place.id))]
        link = self.share_link(place)
        if link is not None:
            text = self.t("share_text", lang, place=place_label(self.catalog, place, lang))
            share = f"https://t.me/share/url?url={quote(link, safe='')}&text={quote(text)}"
            second.insert(0, Button(self.t("button.share", lang), url=share))
        rows.append(tuple(second))
        return tuple(rows)

    def share_link(self, place: Place) -> str | None:
        """The deep link that answers for this place at once (for flyers and QR codes)."""
        if not self.bot_username:
            return None
        return f"https://t.me/{self.bot_username}?start=town-{place.id}"

    def sources(self, place: Place, lang: str = "en") -> Reply:
        """Every source behind the answer for a place."""
        label = esc(place_label(self.catalog, place, lang))
        as_of = fmt_date(self.kb.as_of)
        measures = stated(self.kb.measures_for(place.id))
        lines: list[str] = []
        if measures:
            lines.append(self.t("sources_title", lang, place=label, as_of=as_of))
            for measure in measures:
                lines.append(f"<b>{esc(measure.title)}</b>")
                lines.extend(f"• {_link(url)}" for url in measure.sources)
        else:
            lines.append(self.t("sources_none", lang, place=label))
        if place.state == "MA" or not measures:
            for measure in stated(self.kb.statewide(place.state if place.state else "MA"))[:2]:
                lines.append(f"<b>{esc(measure.title)}</b>")
                lines.extend(f"• {_link(url)}" for url in measure.sources[:4])
        return Reply(_fit("\n".join(lines)))

    def statewide(self, lang: str = "en") -> str:
        """The Massachusetts situation: the law in force and the bills pending."""
        measures = stated(self.kb.statewide("MA"))
        law = next((m for m in measures if m.status == "in_force"), None)
        parts: list[str] = []
        if law is not None:
            effective = law.effective or law.adopted
            parts.append(
                self.t(
                    "statewide",
                    lang,
                    law="M.G.L. c.6 §220",
                    effective=fmt_date(effective) if effective else "2021",
                )
            )
        pending = [m for m in measures if m.status == "pending"]
        if pending:
            bill = pending[0]
            numbers = " / ".join(getattr(bill, "bills", ()) or ()) or bill.title
            session = getattr(bill, "session", None) or ""
            committee = getattr(bill, "committee", None) or "in committee"
            parts.append(
                self.t(
                    "statewide_bills",
                    lang,
                    bills=esc(numbers),
                    session=esc(f"{session} General Court" if session else ""),
                    status=esc(committee),
                )
            )
        return "\n".join(parts)

    def _describe(self, measure: Measure, label: str, lang: str) -> list[str]:
        if measure.measure == "repealed" or measure.status == "repealed":
            key = "status.repealed"
        elif measure.status == "expired":
            key = "status.expired"
        elif measure.measure in PROHIBITIONS and measure.status != "in_force":
            key = "status.ban_unknown"
        elif measure.measure == "moratorium":
            key = "status.moratorium"
        elif measure.measure == "ban":
            key = "status.ban"
        elif measure.measure == "pending":
            key = "status.state_pending"
        else:
            key = "status.restriction"
        lines = [self.t(key, lang, place=label)]
        if measure.adopted is not None:
            lines[0] += " " + self.t("adopted", lang, date=fmt_date(measure.adopted))
        lines.append(self.t("scope", lang, scope=esc(_clip(measure.scope, MAX_SCOPE_CHARS))))
        if measure.confidence == "likely":
            lines.append(self.t("likely", lang))
        return lines

    def _other_state(self, place: Place, lang: str) -> list[str]:
        state_measures = [
            m
            for m in stated(self.kb.statewide(place.state))
            if m.status in {"in_force", "pending"}
        ]
        return [
            self.t("also_state", lang, state=esc(place.state), title=esc(m.title))
            for m in state_measures[:2]
        ]

    def _statewide_sources(self, place: Place) -> tuple[str, ...]:
        if place.state != "MA":
            return ()
        law = next((m for m in stated(self.kb.statewide("MA")) if m.status == "in_force"), None)
        return law.sources[:1] if law is not None else ()


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _link(url: str) -> str:
    host = urlsplit(url).netloc.removeprefix("www.") or url
    return f'<a href="{html.escape(url, quote=True)}">{esc(host)}</a>'


def _links(urls: Sequence[str]) -> str:
    return ", ".join(_link(url) for url in urls)


def _fit(text: str, limit: int = 4096) -> str:
    """Keep a message within Telegram's limit by dropping whole lines from the end."""
    if len(text) <= limit:
        return text
    lines = text.split("\n")
    while lines and len("\n".join(lines)) > limit - 2:
        lines.pop()
    return "\n".join(lines) + "\n…"
