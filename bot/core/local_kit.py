"""The local action kit's texts: a municipality's route, the proof it works, sources, letter and
petition. Pure functions of the knowledge and the message catalog.

The rules of truth, as in :mod:`bot.core.answers`: every sentence rests on one fact of
``knowledge/local_action.yaml``; a fact marked ``unverified`` is never said, a ``likely`` one
carries a caution (``local.likely``). The route fits one screen (:data:`MAX_SCREEN_CHARS`
visible characters), the letter and the petition one message each.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from bot.broadcast.telegram_html import visible_length
from bot.core.i18n import Catalog
from bot.kb import local_action as facts
from bot.kb.local_action import Case, LocalKnowledge
from bot.kb.models import Place
from bot.storage.broadcasts import SMALL_COUNT  # "N residents get alerts" from 5 on, like stats

MAX_SCREEN_CHARS = 600  # what a phone shows without scrolling, more or less: the limit
MAX_MESSAGE_CHARS = 4096  # Telegram's limit for one message
PETITION_LINES = 15  # ten certified signatures are needed; some will not certify
SOURCES_PER_FACT = 2
# Materials the kit links to (ids in local_action.yaml).
SAMPLE_TESTIMONY = "aclum_boston_testimony_samples"
CAMPAIGN_PAGE = "aclum_press_pause_campaign"
MODEL_BILL = "eff_about_face_toolkit"


def esc(text: str) -> str:
    return html.escape(text, quote=False)


@dataclass(frozen=True)
class LocalKit:
    """Renders the kit for one municipality in one language."""

    knowledge: LocalKnowledge
    catalog: Catalog
    places: Mapping[str, Place]
    has_ban: Callable[[str], bool]
    pending_bills: Sequence[str] = ()  # the statewide bills to name in letters: "H.1946"

    def t(self, key: str, lang: str, **values: object) -> str:
        return self.catalog.t(key, lang, **values)

    # What applies where ------------------------------------------------------------------

    def form(self, place: Place) -> str | None:
        """The form of government of a Massachusetts municipality (2019-20 data), or None."""
        if place.state != "MA" or place.kind not in ("city", "town"):
            return None
        return self.knowledge.form(place.id)

    def is_town_meeting(self, place: Place) -> bool:
        return self.form(place) in facts.TOWN_MEETING_FORMS

    def style(self, place: Place) -> str:
        """``city`` or ``town``: how the municipality calls itself (14 councils say town)."""
        official = place.official_style or ""
        return "town" if official.startswith("Town") or place.kind == "town" else "city"

    def say(self, text: str, fact: str, lang: str) -> str | None:
        """``text`` as the fact's confidence allows: None if unverified, cautioned if likely."""
        confidence = self._confidence(fact)
        if confidence is None or confidence == "unverified":
            return None
        if confidence == "likely":
            return f"{text} {self.t('local.likely', lang)}"
        return text

    def _confidence(self, fact: str) -> str | None:
        route = self.knowledge.routes.get(fact)
        return route.confidence if route is not None else None

    # The route -----------------------------------------------------------------------------

    def route(self, place: Place, lang: str, neighbours: int = 0) -> str:
        """The municipality's route in one screen: steps, proof, clerk, neighbours."""
        form = self.form(place)
        assert form is not None, place.id
        town = esc(place.name)
        lines = [self.t("local.title", lang, town=town, form=self._form_name(place, lang))]
        steps = self._town_steps(place, lang) if self.is_town_meeting(place) else []
        if not steps:
            steps = self._council_steps(place, lang) if form == "council" else []
        lines.extend(f"{n}. {step}" for n, step in enumerate(steps, 1))
        if form == "council":
            charter = self.charter(place, lang)
            if charter:
                lines.append(f"📜 {charter}")
        proof = self.proof(place, lang)
        if proof:
            lines.append(proof)
        if form == "council":
            clerk = self.t(f"local.clerk.{self.style(place)}", lang)
            lines.append(self.t("local.ask_clerk_council", lang, clerk=clerk))
        else:
            lines.append(self.t("local.ask_clerk_town", lang))
        if neighbours >= SMALL_COUNT:
            line = self.t("local.neighbours", lang, count=neighbours, town=town)
            # Optional: a count too long for the screen (a catalog with longer words) is left
            # out rather than the route cut.
            if fits_screen("\n".join([*lines, line])):
                lines.append(line)
        return "\n".join(lines)

    def _form_name(self, place: Place, lang: str) -> str:
        form = self.form(place)
        if form == "council":
            return self.t(f"local.form.council_{self.style(place)}", lang)
        return self.t(f"local.form.{form}", lang)

    def _steps(self, parts: Sequence[Sequence[tuple[str, str]]], lang: str, **values: object):
        """Each step joins the sentences whose facts may be stated; empty steps are dropped."""
        steps = []
        for step in parts:
            said = [self.say(self.t(key, lang, **values), fact, lang) for key, fact in step]
            kept = [s for s in said if s]
            if kept:
                steps.append(" ".join(kept))
        return steps

    def _town_steps(self, place: Place, lang: str) -> list[str]:
        vote = (
            ("local.step.open_vote", facts.OPEN_TOWN_MEETING)
            if self.form(place) == "open_town_meeting"
            else ("local.step.representative_vote", facts.REPRESENTATIVE_TOWN_MEETING)
        )
        return self._steps(
            (
                (
                    ("local.step.annual_article", facts.ANNUAL_ARTICLE),
                    ("local.step.special_article", facts.SPECIAL_ARTICLE),
                ),
                (("local.step.certify", facts.ANNUAL_ARTICLE),),
                (vote, ("local.step.attorney_general", facts.ATTORNEY_GENERAL)),
            ),
            lang,
        )

    def _council_steps(self, place: Place, lang: str) -> list[str]:
        return self._steps(
            (
                (("local.step.sponsor", facts.COUNCIL_ORDINANCE),),
                (("local.step.hearing", facts.COUNCIL_ORDINANCE),),
                (("local.step.council_vote", facts.COUNCIL_ORDINANCE),),
            ),
            lang,
            town=esc(place.name),
        )

    def charter(self, place: Place, lang: str) -> str | None:
        """The residents' petition right in the city's charter, as far as it may be stated."""
        petition = self.knowledge.charter_petitions.get(place.id)
        if petition is None or petition.confidence == "unverified":
            return None
        within = ""
        if petition.within_count is not None and petition.within_unit is not None:
            within = self.t(
                f"local.unit.{petition.within_unit}", lang, count=petition.within_count
            )
        text = self.t(
            f"local.charter.{petition.kind}",
            lang,
            town=esc(place.name),
            signatures=petition.signatures or "",
            within=within,
        )
        if petition.confidence == "likely":
            text += " " + self.t("local.likely", lang)
        return text

    # Proof it works --------------------------------------------------------------------------

    def proof_case(self, place: Place) -> Case | None:
        """A ban passed by a municipality of the same form, the nearest (same county) first,
        else the earliest; a town meeting of the other kind when none of the same form did."""
        form = self.form(place)
        if form is None:
            return None
        usable = [
            case
            for case in self.knowledge.cases
            if case.confidence != "unverified" and case.place_id != place.id
        ]
        if form == "council":
            same = [c for c in usable if c.form == "council"]
        else:
            same = [c for c in usable if c.form == form] or [
                c for c in usable if c.form in facts.TOWN_MEETING_FORMS
            ]
        near = [c for c in same if self._county(c.place_id) == place.county]
        chosen = near or same
        return chosen[0] if chosen else None

    def proof(self, place: Place, lang: str) -> str:
        """One line on how a municipality of the same form did it ("" if none can be said)."""
        case = self.proof_case(place)
        if case is None:
            return ""
        values = self._case_values(case, lang)
        # Brookline's is the one town-meeting ban: an open town meeting is shown it too, and
        # the line says "town meeting", which both forms are.
        key = "council" if case.form == "council" else "town_meeting"
        text = self.t(f"local.proof.{key}", lang, **values)
        return f"{text} {self.t('local.likely', lang)}" if case.confidence == "likely" else text

    def _case_values(self, case: Case, lang: str) -> dict[str, str]:
        months = self.t("local.months", lang).split()
        when = self.t(
            "local.month_year", lang, month=months[case.adopted.month - 1], year=case.adopted.year
        )
        vote = self.t("local.vote.unanimous", lang) if case.vote == "unanimous" else case.vote
        return {
            "town": esc(self._name(case.place_id)),
            "vote": vote,
            "when": when,
            "year": str(case.adopted.year),
            "measure": self.t(f"local.measure.{case.measure}", lang),
        }

    # Sources ---------------------------------------------------------------------------------

    def sources(self, place: Place, lang: str) -> str:
        """Every source behind the route and its proof line, a few per fact."""
        lines = [self.t("local.sources.title", lang, town=esc(place.name))]
        for fact in self._facts_used(place):
            route = self.knowledge.routes[fact]
            if route.confidence == "unverified":
                continue
            what = self.t(f"local.route.{fact}", lang)
            lines.append(self._source_line(what, route.sources, lang))
        petition = self.knowledge.charter_petitions.get(place.id)
        if self.form(place) == "council" and petition and petition.confidence != "unverified":
            what = self.t("local.sources.charter", lang, town=esc(place.name))
            lines.append(self._source_line(what, petition.sources, lang))
        case = self.proof_case(place)
        if case is not None:
            what = self.t(
                "local.sources.case",
                lang,
                town=esc(self._name(case.place_id)),
                year=case.adopted.year,
            )
            lines.append(self._source_line(what, case.sources, lang))
        what = self.t("local.sources.forms", lang, as_of=esc(self.knowledge.forms_as_of))
        lines.append(self._source_line(what, self.knowledge.forms_sources, lang))
        return "\n".join(lines)

    def _facts_used(self, place: Place) -> list[str]:
        if self.form(place) == "council":
            return [facts.COUNCIL_ORDINANCE]
        vote = (
            facts.OPEN_TOWN_MEETING
            if self.form(place) == "open_town_meeting"
            else facts.REPRESENTATIVE_TOWN_MEETING
        )
        return [facts.ANNUAL_ARTICLE, facts.SPECIAL_ARTICLE, vote, facts.ATTORNEY_GENERAL]

    def _source_line(self, what: str, urls: Sequence[str], lang: str) -> str:
        links = ", ".join(_link(url) for url in urls[:SOURCES_PER_FACT])
        return self.t("local.sources.line", lang, what=what, links=links)

    # Ready words -----------------------------------------------------------------------------

    def letter(self, place: Place, lang: str) -> tuple[str, str]:
        """An instruction (one screen) and the letter itself (one message) for the resident to
        send to the select board or the council."""
        town = esc(place.name)
        council = self.t(f"local.council_name.{self.style(place)}", lang)
        clerk = self.t(f"local.clerk.{self.style(place)}", lang)
        if self.is_town_meeting(place):
            intro = self.t("local.letter.intro_board", lang, town=town)
            parts = [
                self.t("local.letter.to_board", lang, town=town),
                self.t("local.letter.ask_board", lang, town=town),
            ]
        else:
            samples = self.knowledge.materials.get(SAMPLE_TESTIMONY)
            intro = self.t(
                "local.letter.intro_council",
                lang,
                town=town,
                council=council,
                clerk=clerk,
                samples=html.escape(samples.url or "", quote=True) if samples else "",
            )
            if samples is None or not samples.url or samples.confidence == "unverified":
                intro = intro.split("\n")[0]
            parts = [
                self.t("local.letter.to_council", lang, town=town, council=council),
                self.t("local.letter.ask_council", lang, town=town),
            ]
        precedent = self.precedent(place, lang)
        if precedent:
            parts.append(precedent)
        caveat = self.t("local.letter.caveat", lang, town=town)
        if self.pending_bills:
            bills = esc(" / ".join(self.pending_bills))
            caveat += " " + self.t("local.letter.bills", lang, bills=bills)
        parts.append(caveat)
        parts.append(self.t("local.letter.close", lang, town=town))
        return intro, "\n\n".join(parts)

    def precedent(self, place: Place, lang: str) -> str:
        """The municipalities with a ban on record and one of them as an example."""
        banned = [
            c
            for c in self.knowledge.cases
            if c.confidence != "unverified" and self.has_ban(c.place_id)
        ]
        if not banned:
            return ""
        names = [esc(self._name(c.place_id)) for c in banned]
        listed = (
            names[0]
            if len(names) == 1
            else (f"{', '.join(names[:-1])} {self.t('local.and', lang)} {names[-1]}")
        )
        text = self.t("local.letter.precedent", lang, count=len(names), names=listed)
        case = self.proof_case(place)
        if case is not None and case in banned:
            values = self._case_values(case, lang)
            key = "council" if case.form == "council" else "town_meeting"
            text += " " + self.t(f"local.letter.proof_{key}", lang, **values)
        return text

    def petition(self, place: Place, lang: str) -> tuple[str, str] | None:
        """An instruction (one screen) and a petition for a warrant article with signature lines;
        None where there is no town meeting or the warrant-article fact may not be stated."""
        if not self.is_town_meeting(place) or self.say("", facts.ANNUAL_ARTICLE, lang) is None:
            return None
        town = esc(place.name)
        intro = self.t("local.petition.intro", lang, town=town)
        aclum = self.knowledge.materials.get(CAMPAIGN_PAGE)
        eff = self.knowledge.materials.get(MODEL_BILL)
        if aclum and eff and aclum.url and eff.url:
            intro += "\n" + self.t(
                "local.petition.no_model",
                lang,
                aclum=html.escape(aclum.url, quote=True),
                eff=html.escape(eff.url, quote=True),
            )
        lines = [self.t("local.petition.head", lang, town=town)]
        lines += [self.t("local.petition.line", lang, n=n) for n in range(1, PETITION_LINES + 1)]
        return intro, "\n".join(lines)

    # Helpers ---------------------------------------------------------------------------------

    def _name(self, place_id: str) -> str:
        place = self.places.get(place_id)
        return place.name if place is not None else place_id

    def _county(self, place_id: str) -> str | None:
        place = self.places.get(place_id)
        return place.county if place is not None else None


def fits_screen(text: str) -> bool:
    return visible_length(text) <= MAX_SCREEN_CHARS


def _link(url: str) -> str:
    host = urlsplit(url).netloc.removeprefix("www.") or url
    return f'<a href="{html.escape(url, quote=True)}">{esc(host)}</a>'
