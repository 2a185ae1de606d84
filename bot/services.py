"""Open everything the bot needs once: settings -> knowledge, state, conversation."""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass

from bot.config import Settings
from bot.core import callbacks
from bot.core.alerts_flow import AlertsFlow
from bot.core.answers import Answers
from bot.core.call_scripts import ScriptBook
from bot.core.context import UserContext
from bot.core.conversation import CallbackHandler, Conversation, TextHook
from bot.core.faq import Faq
from bot.core.i18n import Catalog
from bot.core.language import Languages
from bot.core.legislator_flow import LegislatorFlow
from bot.core.local_action import LocalActionFlow
from bot.core.location_flow import LocationFlow
from bot.core.organizer_flow import OrganizerFlow
from bot.core.reply import Reply
from bot.core.resolver import Outcome, Resolver
from bot.geo import GeoIndex, Located
from bot.kb.directory import Directory
from bot.kb.store import KnowledgeStore
from bot.pictures.service import Pictures
from bot.storage import db as state_db

logger = logging.getLogger(__name__)


@dataclass
class Services:
    """The long-lived objects of one bot process."""

    settings: Settings
    knowledge: KnowledgeStore
    state: sqlite3.Connection
    catalog: Catalog
    resolver: Resolver
    conversation: Conversation
    legislators: LegislatorFlow
    alerts: AlertsFlow
    organizer: OrganizerFlow
    local_action: LocalActionFlow
    location: LocationFlow
    pictures: Pictures
    languages: Languages

    def close(self) -> None:
        self.knowledge.close()
        self.state.close()
        if self.languages.reader is not self.state:
            self.languages.reader.close()


def open_knowledge(settings: Settings) -> KnowledgeStore:
    """Open the knowledge database, rebuilt when the YAML changed or the file is damaged.

    A failed rebuild (a bad edit, a full disk) keeps the previous database when it is good.
    """
    return KnowledgeStore.open(settings.knowledge_dir, settings.knowledge_db_path)


def open_services(settings: Settings, bot_username: str | None = None) -> Services:
    """Open the knowledge and state databases and assemble the conversation."""
    knowledge = open_knowledge(settings)
    state = state_db.connect(settings.db_path)
    catalog = Catalog.load(settings.knowledge_dir)
    resolver = Resolver.from_store(knowledge)
    answers = Answers(knowledge, catalog, bot_username)
    faq = Faq.from_rows(knowledge.db["faq"].rows)

    def resolve_town(text: str) -> str | None:
        result = resolver.resolve(text)
        return result.place.id if result.outcome is Outcome.MATCH and result.place else None

    legislators = LegislatorFlow(
        Directory(knowledge.db.conn),
        ScriptBook.from_db(knowledge.db.conn),
        catalog,
        state,
        town_standing=knowledge.standing,
        resolve_town=resolve_town,
        share_link=lambda place_id: (
            answers.share_link(resolver.places[place_id]) if place_id in resolver.places else None
        ),
        books={lang: ScriptBook.from_db(knowledge.db.conn, lang) for lang in catalog.languages},
    )

    def legislator_callback(user: UserContext, data: str) -> list[Reply]:
        return [legislators.handle(data, user)]

    alerts = AlertsFlow(state, catalog, resolver, directory=legislators.directory)
    organizer = OrganizerFlow(
        state,
        knowledge.db.conn,
        catalog,
        quiet_hours=settings.quiet_hours,
        timezone=settings.timezone,
    )

    def broadcast_callback(user: UserContext, data: str) -> list[Reply]:
        # Channels that can deliver (Telegram) handle ``bc:`` themselves and start the engine.
        return organizer.callback(user, data).replies

    local_action = LocalActionFlow.open(knowledge, state, catalog, resolver)
    # "🏛 Bring a ban to <town>" and "My town passed a ban" under every answer for a town
    # with no ban or moratorium in force.
    # ... and "🗺 Map" under every municipality's answer (the map outlines that town).
    pictures = Pictures.open(settings.knowledge_dir, knowledge, catalog, settings.db_path)
    answers.more_buttons = lambda place, lang: (
        *local_action.buttons(place, lang),
        *pictures.buttons(place, lang),
    )

    def map_callback(user: UserContext, data: str) -> list[Reply]:
        # Channels that send pictures (Telegram) handle ``map:`` themselves.
        return [Reply(catalog.t("pictures.map.elsewhere", user.language))]

    # Each update's language is read on a connection of its own: under WAL a read never waits
    # for a writer, and so a lookup never waits behind a subscription waiting for SQLite's lock.
    memory = str(settings.db_path) == ":memory:"
    reader = state if memory else state_db.connect(settings.db_path)
    languages = Languages(state, catalog, reader=reader)
    flows: dict[str, CallbackHandler] = {
        callbacks.LANGUAGE: languages.callback,
        callbacks.LEGISLATORS: legislator_callback,
        callbacks.SCRIPT: legislator_callback,
        callbacks.OUTCOME: legislator_callback,
        callbacks.ALERTS: alerts.callback,
        callbacks.BROADCAST: broadcast_callback,
        callbacks.LOCAL_ACTION: local_action.callback,
        callbacks.REPORTS: local_action.report_callback,
        callbacks.MAP: map_callback,
    }
    # The organizer's draft first (their alert may be any text), then STOP and its equivalents,
    # then what the local kit asked for (a link, a town) and the questions it answers.
    # A ward and precinct typed as text go to the legislators flow before any place lookup.
    hooks: list[TextHook] = [
        organizer.text_hook,
        alerts.stop_hook,
        legislators.text_hook,
        local_action.text_hook,
    ]
    conversation = Conversation(resolver, answers, faq, catalog, flows, hooks, languages)

    def locate(latitude: float, longitude: float) -> Located:
        # The polygons load on the first pin (a second or two), once per process.
        return GeoIndex.shared(settings.knowledge_dir).locate(latitude, longitude)

    location = LocationFlow(locate, resolver.places, answers, legislators, catalog)
    return Services(
        settings,
        knowledge,
        state,
        catalog,
        resolver,
        conversation,
        legislators,
        alerts,
        organizer,
        local_action,
        location,
        pictures,
        languages,
    )
