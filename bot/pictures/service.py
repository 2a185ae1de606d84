"""The pictures one bot process serves: the map (cached), flyer QR codes, the organizers' chart.

Channel-neutral and synchronous: the Telegram adapter runs these calls on its core threads and
keeps the upload (``file_id``) side. The map's colours come from the one classification the
answers use (``KnowledgeStore.standings``); its words from the message catalog.
"""

from __future__ import annotations

import re
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Literal, Protocol

from bot.core import callbacks
from bot.core.i18n import Catalog
from bot.core.reply import Button
from bot.geo.towns import TownShapes, load_towns
from bot.kb.models import Coverage, Place
from bot.kb.standing import Standing
from bot.pictures.cache import PictureCache, picture_dir
from bot.pictures.map import MapTexts, cached_map, categories_from, map_key

# Telegram usernames: 5-32 letters, digits and underscores (BotFather's rule).
USERNAME = re.compile(r"^[A-Za-z][A-Za-z0-9_]{3,30}[A-Za-z0-9]$")


class Knowledge(Protocol):
    def standings(self) -> dict[str, Standing]: ...
    def coverage(self, state: str = "MA") -> Coverage | None: ...


def is_municipality(place: Place) -> bool:
    """A Massachusetts city or town: the places on the map and on flyers."""
    return place.state == "MA" and place.kind in {"city", "town"}


def valid_username(name: str | None) -> str | None:
    """The bot's username without a leading "@", or None when it is not a valid one."""
    if not name:
        return None
    name = name.strip().removeprefix("@")
    return name if USERNAME.match(name) else None


@dataclass
class MapPicture:
    """One map to send: its cache key, its PNG (drawn or read lazily) and its caption."""

    key: str
    caption: str
    png: Callable[[], bytes] = field(repr=False)


class Pictures:
    """The map of measures for every language and town, cached on disk by what it shows."""

    def __init__(
        self, knowledge_dir: Path, knowledge: Knowledge, catalog: Catalog, cache: PictureCache
    ) -> None:
        self.knowledge_dir = knowledge_dir
        self.knowledge = knowledge
        self.catalog = catalog
        self.cache = cache
        self._towns: TownShapes | None = None
        self._categories: dict[str, str] | None = None
        self._lock = threading.Lock()
        # One render per key at a time: a thousand requests for a new map draw it once.
        self._rendering: dict[str, threading.Lock] = {}

    @classmethod
    def open(
        cls, knowledge_dir: Path, knowledge: Knowledge, catalog: Catalog, db_path: Path
    ) -> Pictures:
        """Pictures cached beside the state database (``data/bot.pictures/``)."""
        return cls(knowledge_dir, knowledge, catalog, PictureCache(picture_dir(db_path)))

    # What the map shows -------------------------------------------------------------------

    def towns(self) -> TownShapes:
        with self._lock:
            if self._towns is None:
                self._towns = load_towns(self.knowledge_dir)
            return self._towns

    def categories(self) -> dict[str, str]:
        """Place id -> map category, from the knowledge the process opened (fixed for its life)."""
        ids = {shape.id for shape in self.towns().shapes}
        with self._lock:
            if self._categories is None:
                found = categories_from(self.knowledge.standings())
                self._categories = {k: v for k, v in found.items() if k in ids}
            return self._categories

    def as_of(self, lang: str) -> str:
        coverage = self.knowledge.coverage("MA")
        return self.catalog.date(coverage.sources_through, lang) if coverage else ""

    def texts(self, lang: str) -> MapTexts:
        t = self.catalog.t
        return MapTexts(
            title=t("pictures.map.title", lang),
            as_of=t("pictures.map.as_of", lang, as_of="{as_of}"),
            legend_title=t("pictures.map.legend_title", lang),
            ban=t("pictures.map.ban", lang),
            moratorium=t("pictures.map.moratorium", lang),
            oversight=t("pictures.map.oversight", lang),
            none=t("pictures.map.none", lang),
            inset=t("pictures.map.inset", lang),
        )

    def map(self, lang: str = "en", town: Place | None = None) -> MapPicture:
        """The map (``town`` outlined): its key at once, its PNG drawn only when asked for."""
        if town is not None and not is_municipality(town):
            raise ValueError(f"not a Massachusetts municipality: {town.id}")
        towns, categories = self.towns(), self.categories()
        as_of, texts = self.as_of(lang), self.texts(lang)
        note = self.catalog.t("pictures.map.source", lang)
        highlight = town.id if town is not None else None
        key = map_key(towns, categories, as_of, note, highlight, texts)
        if town is None:
            caption = self.catalog.t("pictures.map.caption", lang, as_of=as_of)
        else:
            caption = self.catalog.t(
                "pictures.map.caption_town", lang, as_of=as_of, town=_esc(town.name)
            )

        def png() -> bytes:
            with self._lock:
                lock = self._rendering.setdefault(key, threading.Lock())
            with lock:
                return cached_map(self.cache, towns, categories, as_of, note, highlight, texts)[1]

        return MapPicture(key, caption, png)

    def prerender(self, languages: tuple[str, ...]) -> None:
        """Draw each language's map of the whole state now (at start: the knowledge changed)."""
        for lang in languages:
            self.map(lang).png()

    def buttons(self, place: Place, lang: str) -> tuple[tuple[Button, ...], ...]:
        """The "🗺 Map" row under a municipality's answer (the map outlines that town)."""
        if not is_municipality(place):
            return ()
        label = self.catalog.t("pictures.button.map", lang)
        return ((Button(label, callbacks.make(callbacks.MAP, place.id)),),)

    # Flyers -------------------------------------------------------------------------------

    def qr(
        self,
        place: Place,
        bot_username: str,
        kind: Literal["png", "svg"] = "png",
        lang: str = "en",
    ) -> bytes:
        """A flyer QR code of the town's deep link, its name and the call to action under it."""
        from bot.pictures.qr import qr_png, qr_svg, town_link

        url = town_link(bot_username, place.id)
        cta = self.catalog.t("pictures.qr.call_to_action", lang, town=place.name)
        if kind == "svg":
            return qr_svg(url, place.name, cta).encode("utf-8")
        return qr_png(url, place.name, cta)


def stats_chart(
    conn: sqlite3.Connection,
    today: date,
    weeks: int = 8,
) -> bytes:
    """The organizers' chart from the state database (counts under 5 hidden)."""
    from bot.pictures.charts import render_stats_chart
    from bot.storage.outcomes import busiest_seats, weekly_outcomes
    from bot.storage.subscribers import weekly_totals

    subscribers = weekly_totals(conn, today, weeks)
    calls, emails = weekly_outcomes(conn, today, weeks)
    seats = [
        (f"{district} ({chamber.title()})", n)
        for chamber, district, n in busiest_seats(conn, today)
    ]
    return render_stats_chart(subscribers, calls, emails, seats)


def _esc(text: str) -> str:
    import html

    return html.escape(text, quote=False)
