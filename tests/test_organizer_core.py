"""The organizer's /broadcast steps through the core (no Telegram)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, time
from pathlib import Path

import pytest

from bot.core.context import UserContext
from bot.core.organizer_flow import OrganizerFlow
from bot.services import Services, open_services
from bot.storage import broadcasts, subscribers
from tests.support import make_settings

ORG = UserContext(chat_id=9001, user_id=9001, is_organizer=True)
RESIDENT = UserContext(chat_id=3001, user_id=3001)
ALERT = "<b>Hearing</b> on Tuesday"
# 2025-06-02 is a Monday; 14:00 UTC is 10:00 in Boston, 02:00 UTC is 22:00 the evening before.
DAYTIME = datetime(2025, 6, 2, 14, 0, tzinfo=UTC)
NIGHT = datetime(2025, 6, 2, 2, 0, tzinfo=UTC)


@pytest.fixture
def services(tmp_path: Path) -> Iterator[Services]:
    svc = open_services(make_settings(tmp_path, quiet_hours=(time(21, 0), time(9, 0))))
    for chat_id in (2001, 2002):
        subscribers.subscribe(svc.state, chat_id, "somerville", "en")
    subscribers.subscribe(svc.state, 2101, "cambridge", "es")
    yield svc
    svc.close()


def flow(svc: Services, now: datetime = DAYTIME) -> OrganizerFlow:
    found = svc.organizer
    found.now = lambda: now
    return found


def buttons(reply) -> list[str]:
    return [b.data for row in reply.buttons for b in row]


def draft_id(reply) -> int:
    # "bc:okm:<id>" when some of the audience reads a language with no text (English for them).
    return int(
        next(d for d in buttons(reply) if d.startswith(("bc:ok:", "bc:okm:"))).split(":")[2]
    )


def test_an_organizer_is_walked_from_text_to_a_stored_draft(services: Services) -> None:
    organizer = flow(services)
    organizer.start(ORG)
    [audience] = services.conversation.text(ORG, ALERT)
    assert "bc:a:town" in buttons(audience) and "bc:a:language" in buttons(audience)
    [languages] = organizer.callback(ORG, "bc:a:language").replies
    assert {"bc:l:en", "bc:l:es", "bc:l:pt"} <= set(buttons(languages))
    preview, summary = organizer.callback(ORG, "bc:l:es").replies
    assert preview.text == ALERT and not preview.buttons
    assert "1 subscriber(s): language es" in summary.text
    stored = broadcasts.get_broadcast(services.state, draft_id(summary))
    assert stored is not None and stored.state == "draft" and stored.text == ALERT
    assert stored.segments == ("language=es",)
    assert stored.created_by_hash == subscribers.actor_hash(ORG.user_id or 0)


def test_invalid_html_is_refused_with_its_problems(services: Services) -> None:
    flow(services).start(ORG)
    [reply] = services.conversation.text(ORG, "<b>unclosed & bare")
    assert "&lt;b&gt; is never closed" in reply.text and "bare" in reply.text
    assert services.state.execute("SELECT count(*) FROM broadcasts").fetchone()[0] == 0


def test_an_unknown_segment_is_explained_and_nothing_is_stored(services: Services) -> None:
    flow(services).start(ORG)
    services.conversation.text(ORG, ALERT)
    [reply] = services.conversation.text(ORG, "town=Atlantis")
    assert "unknown town" in reply.text and "Try again" in reply.text
    [reply] = services.conversation.text(ORG, "Somerville")
    assert "unknown segment" in reply.text


def test_at_night_the_preview_says_it_waits_for_morning_unless_urgent(services: Services) -> None:
    organizer = flow(services, now=NIGHT)
    organizer.start(ORG)
    services.conversation.text(ORG, ALERT)
    _, summary = services.conversation.text(ORG, "all")
    assert "It will start at Mon Jun 02 2025, 09:00 EDT (after quiet hours)" in summary.text
    first = draft_id(summary)
    [urgent] = organizer.callback(ORG, f"bc:u:{first}").replies
    assert urgent.edit and "as soon as you tap Send" in urgent.text and "Urgent" in urgent.text
    replaced = broadcasts.get_broadcast(services.state, first)
    assert replaced is not None and replaced.state == "cancelled"
    current = broadcasts.get_broadcast(services.state, draft_id(urgent))
    assert current is not None and current.urgent and current.state == "draft"


def test_a_schedule_is_read_in_the_bots_time_zone(services: Services) -> None:
    organizer = flow(services)
    organizer.start(ORG)
    services.conversation.text(ORG, ALERT)
    _, summary = services.conversation.text(ORG, "town=Cambridge")
    organizer.callback(ORG, f"bc:t:{draft_id(summary)}")
    [bad] = services.conversation.text(ORG, "yesterday-ish")
    assert "couldn't read" in bad.text
    [past] = services.conversation.text(ORG, "2025-06-01 10:00")
    assert "couldn't read" in past.text
    [scheduled] = services.conversation.text(ORG, "2025-06-03 10:00")
    assert "Tue Jun 03 2025, 10:00 EDT (scheduled)" in scheduled.text
    stored = broadcasts.get_broadcast(services.state, draft_id(scheduled))
    assert stored is not None and stored.scheduled_for == "2025-06-03T14:00:00+00:00"


def test_confirming_enqueues_the_audience_once(services: Services) -> None:
    organizer = flow(services)
    organizer.start(ORG)
    services.conversation.text(ORG, ALERT)
    _, summary = services.conversation.text(ORG, "town=Somerville")
    bid = draft_id(summary)
    outcome = organizer.callback(ORG, f"bc:ok:{bid}")
    assert outcome.deliver == bid and "queued for 2 subscriber(s)" in outcome.replies[0].text
    assert broadcasts.progress(services.state, bid).remaining == 2
    again = organizer.callback(ORG, f"bc:ok:{bid}")
    assert again.deliver is None and "not waiting" in again.replies[0].text
    # After the broadcast, the organizer's messages are ordinary messages again.
    assert "Somerville, MA" in services.conversation.text(ORG, "Somerville")[0].text


def test_residents_are_refused_and_their_text_never_reaches_the_flow(
    services: Services,
) -> None:
    organizer = flow(services)
    assert "only for the campaign's organizers" in organizer.start(RESIDENT)[0].text
    assert organizer.text_hook(RESIDENT, ALERT) is None
    assert (
        "only for the campaign's organizers"
        in organizer.callback(RESIDENT, "bc:x").replies[0].text
    )
    assert organizer.sessions == {}


def test_cancel_drops_the_draft(services: Services) -> None:
    organizer = flow(services)
    organizer.start(ORG)
    services.conversation.text(ORG, ALERT)
    _, summary = services.conversation.text(ORG, "all")
    bid = draft_id(summary)
    [cancelled] = organizer.callback(ORG, f"bc:no:{bid}").replies
    assert cancelled.edit and "Nothing was sent" in cancelled.text
    stored = broadcasts.get_broadcast(services.state, bid)
    assert stored is not None and stored.state == "cancelled"
    assert organizer.sessions == {}
