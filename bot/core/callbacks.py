"""Callback-data prefixes: ``PREFIX:payload``, at most 64 bytes (Telegram's limit).

Channels match them with anchored patterns built by :func:`pattern`.
"""

from __future__ import annotations

import re

MAX_CALLBACK_BYTES = 64

PICK_PLACE = "pick"  # pick:<place_id> | pick:none   (answer an ambiguous question)
SOURCES = "src"  # src:<place_id>              (the sources behind an answer)
DETAILS = "det"  # det:<place_id>              (who a measure binds, what it forbids, its state)
STATE_LAW = "law"  # law:<place_id>            (the state law and bills of a place's state)
LEGISLATORS = "leg"  # legislators flow, owned by bot/core/legislator_flow.py
SCRIPT = "scr"  # call/email scripts, owned by bot/core/legislator_flow.py
OUTCOME = "out"  # "how did it go?" buttons, owned by bot/core/legislator_flow.py
ALERTS = "alr"  # subscribe/unsubscribe, owned by bot/core/alerts_flow.py
BROADCAST = "bc"  # organizer broadcast confirmation, owned by the broadcast flow
LOCAL_ACTION = "loc"  # "Bring a ban to <town>" and its kit, owned by bot/core/local_action.py
LANGUAGE = "lng"  # lng:menu | lng:set:<code>  (the language to answer in, bot/core/language.py)
REPORTS = "rep"  # organizers accept or dismiss "my town passed a ban", bot/core/local_action.py
MAP = "map"  # map:<place_id>              (the map of measures, that town outlined; bot/pictures)
FLYER = "qr"  # qr:<place_id>              (an organizer's flyer QR code, after a choice)


def pattern(prefix: str) -> str:
    """Return the anchored regular expression for a prefix."""
    return rf"^{re.escape(prefix)}:"


def make(prefix: str, *parts: str) -> str:
    """Join a prefix and payload parts; refuse data longer than Telegram accepts."""
    data = ":".join((prefix, *parts))
    if len(data.encode()) > MAX_CALLBACK_BYTES:
        raise ValueError(f"callback data over {MAX_CALLBACK_BYTES} bytes: {data!r}")
    return data


def split(data: str) -> tuple[str, list[str]]:
    """Split callback data into its prefix and payload parts."""
    prefix, _, rest = data.partition(":")
    return prefix, rest.split(":") if rest else []
