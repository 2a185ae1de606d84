"""What the bot says about a place: one phone screen; details, state law, sources on buttons.

The rules of truth, in one place:
- what a place's measures mean is decided by :func:`bot.kb.standing.classify`, never here;
- the headline, scope and caveat are the measure's own reviewed text, never built from a word;
- an ``unverified`` measure is never stated; a ``likely`` one carries a caution; a
  ``confirmed`` one is not hedged;
- a place with no measure gets "no ban found in our records (as of DATE)";
- every date is the date of the facts (the newest source behind them), never the import date,
  in the catalog's one format;
- once the session of bills.yaml has ended, its bills are no longer called pending.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import Protocol
from urllib.parse import quote

from bot.broadcast.telegram_html import visible_text
from bot.core import callbacks
from bot.core.i18n import Catalog
from bot.core.reply import Button, Reply
from bot.kb.models import Coverage, Day, Measure, Place, Session, Source, pick
from bot.kb.slug import slug
from bot.kb.standing import Standing, stated

# Telegram's limit is 4,096 characters; a resident reads the first screen, so an answer stays
# within one phone screen. 600 visible characters (link addresses not counted) is what a
# 6-inch phone shows above the buttons at the default font size.
SCREEN_CHARS = 600
MAX_MESSAGE = 4096


class Knowledge(Protocol):
    """The part of the knowledge store answers need."""

    def place(self, place_id: str) -> Place | None: ...
    def measures_for(self, place_id: str) -> list[Measure]: ...
    def statewide(self, state: str = "MA") -> list[Measure]: ...
    def standing(self, place_id: str) -> Standing: ...
    def standings(self) -> dict[str, Standing]: ...
    def coverage(self, state: str = "MA") -> Coverage | None: ...
    def session(self) -> Session: ...


def esc(text: str) -> str:
    """Escape knowledge or user text for Telegram HTML."""
    return html.escape(text, quote=False)


def place_label(catalog: Catalog, place: Place, lang: str = "en") -> str:
    """ "Somerville, MA" / "Portland, ME" / "King County, WA" / "Vermont"."""
    if place.kind == "state":
        return place.name
    return catalog.t("place_label", lang, name=place.name, state=place.state)


def newest(days: Iterable[Day | None]) -> Day | None:
    """The latest of some dates (None if there is none)."""
    found = [d for d in days if d is not None]
    return max(found, key=lambda d: d.key) if found else None


class Answers:
    """Builds the replies about places."""

    def __init__(
        self,
        kb: Knowledge,
        catalog: Catalog,
        bot_username: str | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:
        self.kb = kb
        self.catalog = catalog
        self.bot_username = bot_username
        self.today = today
        # Rows another flow adds under an answer (the local action kit's), after legislators.
        self.more_buttons: Callable[[Place, str], tuple[tuple[Button, ...], ...]] = (
            lambda place, lang: ()
        )

    def t(self, key: str, lang: str, **values: object) -> str:
        return self.catalog.t(key, lang, **values)

    def date(self, value: date | Day, lang: str) -> str:
        return self.catalog.date(value, lang)

    # The answer ---------------------------------------------------------------------------

    def place(self, place: Place, lang: str = "en") -> Reply:
        """The answer for one place, on one screen, with the next-step buttons."""
        standing = self.kb.standing(place.id)
        main = standing.measure
        lines: list[str] = []
        coverage = self.kb.coverage(place.state) if place.kind != "state" else None
        if main is None:
            label = esc(place_label(self.catalog, place, lang))
            if coverage is None:
                lines.append(self.t("answer.none_undated", lang, place=label))
            else:
                as_of = self.date(coverage.sources_through, lang)
                lines.append(self.t("answer.none", lang, place=label, as_of=as_of))
        else:
            lines.append(self.text(main, "headline", lang))
            if main.confidence == "likely":
                lines.append(self.t("answer.likely", lang))
            if standing.in_force and main.caveat is not None:
                lines.append(self.t("answer.caveat", lang, caveat=self.text(main, "caveat", lang)))
        if standing.unverified:
            lines.append(self.t("answer.unverified", lang))
        if place.kind == "state":
            bills = self.bills_status(place.state, lang)
            if bills:
                lines.append(bills)
        else:
            line = self.state_line(place.state, lang)
            if line:
                lines.append(line)
        if place.state == "MA" and place.kind != "state" and not standing.prohibits:
            lines.append(self.t("answer.ask_for_ban", lang))
        if main is not None:
            # The newest source behind what this screen says: the measure's, and for a town the
            # state's list of municipal measures that "no other ban" rests on.
            through = newest(
                [main.sources_through, coverage.sources_through if coverage else None]
            )
            if through is not None:
                lines.append(self.t("answer.as_of", lang, as_of=self.date(through, lang)))
        return Reply("\n\n".join(lines), self.buttons(place, standing, lang))

    def text(self, measure: Measure, field: str, lang: str) -> str:
        """A measure's reviewed text in ``lang``, its place and dates filled in."""
        template = pick(getattr(measure, field), lang)
        dates = {
            "adopted": measure.adopted,
            "effective": measure.effective,
            "state_date": measure.state.date,
        }
        values = {k: self.date(v, lang) for k, v in dates.items() if v is not None}
        if "{place}" in template:
            place = self.kb.place(measure.place_id)
            name = place_label(self.catalog, place, lang) if place else measure.place_id
            values["place"] = esc(name)
        return template.format(**values)

    def state_line(self, state: str, lang: str) -> str | None:
        """The one line on a town's state: its law, and in Massachusetts the bills."""
        law = self.state_law(state)
        if law is None or law.state_line is None:
            return None
        text = self.text(law, "state_line", lang)
        if law.confidence == "likely":
            text += " " + self.t("answer.likely_inline", lang)
        pending, session = self._pending_bill(state)
        if pending is None or session is None or pending.sources_through is None:
            return self.t("answer.state.law", lang, law=text)
        if session.ended(self.today()):
            through = law.sources_through or pending.sources_through
            return self.t(
                "answer.state.bills_ended",
                lang,
                law=text,
                as_of=self.date(through, lang),
                session=self.catalog.ordinal(session.number, lang),
            )
        as_of = self.date(pending.sources_through, lang)
        return self.t("answer.state.bills_pending", lang, law=text, as_of=as_of)

    def bills_status(self, state: str, lang: str) -> str | None:
        """Whether the session's bills are pending, or the session has ended."""
        pending, session = self._pending_bill(state)
        if pending is None or session is None or pending.sources_through is None:
            return None
        numbers = esc(" / ".join(pending.bills))
        if session.ended(self.today()):
            return self.t(
                "answer.bills.ended",
                lang,
                session=self.catalog.ordinal(session.number, lang),
                bills=numbers,
                end=self.date(session.end, lang),
            )
        return self.t(
            "answer.bills.pending",
            lang,
            bills=numbers,
            committee=esc(pending.committee or session.committee),
            as_of=self.date(pending.sources_through, lang),
        )

    def state_law(self, state: str) -> Measure | None:
        """The state's law that decides where the state stands (not a bill), if we state one."""
        return self.kb.standing(state.lower()).measure

    def _pending_bill(self, state: str) -> tuple[Measure | None, Session | None]:
        if state != "MA":  # bills.yaml holds the Massachusetts session
            return None, None
        bills = [m for m in stated(self.kb.statewide(state)) if m.state.kind == "pending"]
        return (bills[0] if bills else None), self.kb.session()

    # Buttons ------------------------------------------------------------------------------

    def buttons(
        self, place: Place, standing: Standing, lang: str = "en"
    ) -> tuple[tuple[Button, ...], ...]:
        """Next steps under an answer: legislators, alerts; details, state law; sources, share."""
        rows: list[tuple[Button, ...]] = []
        if place.state == "MA" and place.kind in {"city", "town"}:
            legislators = callbacks.make(callbacks.LEGISLATORS, place.id)
            rows.append((Button(self.t("button.legislators", lang), legislators),))
            alerts = self.t("button.alerts", lang, place=place.name)
            rows.append((Button(alerts, callbacks.make(callbacks.ALERTS, "sub", place.id)),))
            rows.extend(self.more_buttons(place, lang))
        more = []
        if standing.measure is not None:
            details = callbacks.make(callbacks.DETAILS, place.id)
            more.append(Button(self.t("button.details", lang), details))
        if place.kind != "state" and self.state_law(place.state) is not None:
            law = callbacks.make(callbacks.STATE_LAW, place.id)
            more.append(Button(self.t("button.state_law", lang), law))
        if more:
            rows.append(tuple(more))
        last = [
            Button(self.t("button.sources", lang), callbacks.make(callbacks.SOURCES, place.id))
        ]
        link = self.share_link(place)
        if link is not None:
            text = self.t("share_text", lang, place=place_label(self.catalog, place, lang))
            share = f"https://t.me/share/url?url={quote(link, safe='')}&text={quote(text)}"
            last.append(Button(self.t("button.share", lang), url=share))
        rows.append(tuple(last))
        return tuple(rows)

    def share_link(self, place: Place) -> str | None:
        """The deep link that answers for this place at once (for flyers and QR codes)."""
        if not self.bot_username:
            return None
        return f"https://t.me/{self.bot_username}?start=town-{place.id}"

    # Behind the buttons -------------------------------------------------------------------

    def details(self, place: Place, lang: str = "en") -> Reply:
        """Who each stated measure of the place binds, what it forbids, exceptions, status."""
        standing = self.kb.standing(place.id)
        current = [
            m for m in stated(self.kb.measures_for(place.id)) if m.state.kind != "not_enacted"
        ]
        measures = self._ordered(standing, current)
        if not measures:
            label = esc(place_label(self.catalog, place, lang))
            return Reply(self.t("details.none", lang, place=label))
        blocks = [self.describe(m, lang) for m in measures]
        return Reply(fit("\n\n".join(blocks)))

    def state_law_reply(self, place: Place, lang: str = "en") -> Reply:
        """The state's laws and, in Massachusetts, the session's bills, in detail."""
        state = self.kb.place(place.state.lower())
        name = esc(state.name if state is not None else place.state)
        measures = [
            m
            for m in stated(self.kb.statewide(place.state))
            if m.what != "bill" or m.state.kind == "pending"
        ]
        if not measures:
            return Reply(self.t("law.none", lang, state=name))
        blocks = [self.t("law.title", lang, state=name)]
        blocks += [self.describe(m, lang) for m in measures]
        pending, session = self._pending_bill(place.state)
        if pending is not None and session is not None:
            links = ", ".join(
                f'<a href="{html.escape(b.url, quote=True)}">{esc(b.number)}</a>'
                for b in session.bills
            )
            blocks.append(self.t("law.bill_links", lang, links=links))
        return Reply(fit("\n\n".join(blocks)))

    def describe(self, measure: Measure, lang: str) -> str:
        """A measure in detail: title, who it binds, what it forbids, exceptions, status."""
        lines = [self.t("details.title", lang, title=self.text(measure, "title", lang))]
        lines.append(self.t("details.binds", lang, text=self.text(measure, "scope_line", lang)))
        lines.append(self.t("details.forbids", lang, text=self.text(measure, "forbids", lang)))
        if measure.exceptions is not None:
            exceptions = self.text(measure, "exceptions", lang)
            lines.append(self.t("details.exceptions", lang, text=exceptions))
        lines.append(self.t("details.status", lang, text=self.status(measure, lang)))
        if measure.confidence == "likely":
            lines.append(self.t("answer.likely", lang))
        if measure.sources_through is not None:
            lines.append(
                self.t(
                    "details.checked",
                    lang,
                    through=self.date(measure.sources_through, lang),
                    checked=self.date(measure.checked, lang),
                )
            )
        return "\n".join(lines)

    def status(self, measure: Measure, lang: str) -> str:
        """Where a measure stands, in words: its state kind is data, never read from a title."""
        state = measure.state
        kind = state.kind
        values: dict[str, object] = {}
        if state.date is not None:
            values["date"] = self.date(state.date, lang)
        if state.by is not None:
            values["by"] = pick(state.by, lang)
        if state.until is not None:
            values["until"] = pick(state.until, lang)
        if kind == "in_force":
            if measure.effective is not None:
                return self.t("state.in_force", lang, date=self.date(measure.effective, lang))
            if measure.adopted is not None:
                return self.t(
                    "state.in_force_adopted", lang, date=self.date(measure.adopted, lang)
                )
            return self.t("state.in_force_undated", lang)
        if kind == "repealed" and state.date is None:
            return self.t("state.repealed_undated", lang, **values)
        if kind == "expired" and state.date is not None and state.date.day is None:
            return self.t("state.expired_month", lang, **values)
        if kind == "pending":
            session = self.kb.session() if measure.place_id == "ma" else None
            if session is not None and session.ended(self.today()):
                return self.t(
                    "state.pending_ended",
                    lang,
                    session=self.catalog.ordinal(session.number, lang),
                    end=self.date(session.end, lang),
                )
            through = measure.sources_through
            return self.t(
                "state.pending",
                lang,
                committee=esc(measure.committee or ""),
                as_of=self.date(through, lang) if through else "",
            )
        return self.t(f"state.{kind}", lang, **values)

    def sources(self, place: Place, lang: str = "en") -> Reply:
        """Every source behind the answer: labelled, primary first, each address once."""
        label = esc(place_label(self.catalog, place, lang))
        standing = self.kb.standing(place.id)
        groups: list[tuple[str, Sequence[Source]]] = []
        current = [
            m for m in stated(self.kb.measures_for(place.id)) if m.state.kind != "not_enacted"
        ]
        for measure in self._ordered(standing, current):
            groups.append((self.text(measure, "title", lang), measure.sources))
        if standing.measure is None and place.kind != "state":
            coverage = self.kb.coverage(place.state)
            if coverage is not None:
                title = self.t(
                    "sources.coverage", lang, as_of=self.date(coverage.sources_through, lang)
                )
                groups.append((title, coverage.sources))
        if place.kind != "state":
            law = self.state_law(place.state)
            if law is not None:
                groups.append((self.text(law, "title", lang), law.sources))
            pending, _ = self._pending_bill(place.state)
            if pending is not None:
                groups.append((self.text(pending, "title", lang), pending.sources))
        seen: set[str] = set()
        blocks = [self.t("sources.title", lang, place=label)]
        for title, found in groups:
            fresh = [s for s in found if s.url not in seen]
            seen.update(s.url for s in fresh)
            if not fresh:
                continue
            lines = [self.t("sources.measure", lang, title=title)]
            lines += [
                self.t(
                    "sources.item",
                    lang,
                    link=_link(s.url, s.publisher),
                    kind=esc(self.source_kind(s.kind, lang)),
                )
                for s in fresh
            ]
            blocks.append("\n".join(lines))
        if len(blocks) == 1:
            return Reply(self.t("sources.none", lang, place=label))
        return Reply(fit("\n\n".join(blocks)))

    def source_kind(self, kind: str, lang: str) -> str:
        """A source's kind ("News article") in the resident's language, from the catalogs'
        ``source_kind.*`` keys; a kind no catalog has is shown as the knowledge writes it."""
        key = f"source_kind.{slug(kind)}"
        for language in (lang, "en"):
            found = self.catalog.messages.get(language, {}).get(key)
            if found is not None:
                return found
        return kind

    @staticmethod
    def _ordered(standing: Standing, measures: Sequence[Measure]) -> list[Measure]:
        """The deciding measure first, then the others as the store lists them."""
        main = standing.measure
        rest = [m for m in measures if main is None or m.id != main.id]
        return ([main] if main is not None else []) + rest


def visible_length(text: str) -> int:
    """Characters a resident sees: tags and link addresses removed, entities counted as one."""
    return len(visible_text(text))


def _link(url: str, label: str) -> str:
    return f'<a href="{html.escape(url, quote=True)}">{esc(label)}</a>'


def fit(text: str, limit: int = MAX_MESSAGE) -> str:
    """Keep a message within Telegram's limit by dropping whole lines from the end."""
    if len(text) <= limit:
        return text
    lines = text.split("\n")
    while lines and len("\n".join(lines)) > limit - 2:
        lines.pop()
    return "\n".join(lines) + "\n…"
