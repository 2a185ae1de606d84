"""The knowledge sections the bot builds, in build order."""

from __future__ import annotations

from bot.kb import faq, landmarks, legislators, local_action, messages, places, vocabulary
from bot.kb.section import Section

DEFAULT_SECTIONS: list[Section] = [
    places.SECTION,
    landmarks.SECTION,
    vocabulary.SECTION,
    legislators.LEGISLATORS_SECTION,
    legislators.SCRIPTS_SECTION,
    faq.SECTION,
    local_action.SECTION,
    messages.SECTION,
]
