"""A location pin: the town it falls in and the exact House and Senate districts (issue 10).

The pin is two numbers that live only for the call: they are looked up in the polygons of
``knowledge/geo/`` and dropped. Nothing here stores or logs them, or the town they gave: a
location is as private as anything a resident can send.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass

from bot.core.answers import Answers
from bot.core.context import UserContext
from bot.core.i18n import Catalog
from bot.core.legislator_flow import LegislatorFlow
from bot.core.reply import Reply
from bot.geo import Located
from bot.kb.models import Place

Locate = Callable[[float, float], Located]


@dataclass
class LocationFlow:
    """Answer a shared location: the town's answer, then the legislators at the pin."""

    locate: Locate
    places: dict[str, Place]
    answers: Answers
    legislators: LegislatorFlow
    catalog: Catalog

    def answer(self, user: UserContext, latitude: float, longitude: float) -> list[Reply]:
        """What a pin tells. A resident who was just asked for their ward gets only the
        legislators; otherwise the town's answer comes first, as if they had typed it."""
        try:
            found = self.locate(latitude, longitude)
        except ValueError:  # not finite numbers: a forged update
            found = None
        place = self.places.get(found.town) if found and found.town else None
        if found is None or place is None:
            return [Reply(self.catalog.t("location.outside", user.language))]
        senate = (found.senate, *found.senate_nearby) if found.senate else found.senate_nearby
        house = (found.house, *found.house_nearby) if found.house else found.house_nearby
        notes = []
        if found.house_nearby or found.senate_nearby:
            notes.append(self.catalog.t("location.near_line", user.language))
        if found.towns_nearby:
            names = [self.places[t].name for t in found.towns_nearby if t in self.places]
            towns = ", ".join(html.escape(n, quote=False) for n in names)
            notes.append(self.catalog.t("location.near_towns", user.language, towns=towns))
        replies = (
            []
            if self.legislators.asked_for_ward(user.chat_id, place.id)
            else [self.answers.place(place, user.language)]
        )
        cards = self.legislators.pin(place.id, senate, house, user, tuple(notes))
        if cards is not None:
            replies.append(cards)
        return replies
