"""Check knowledge text as Telegram would, at build time, so a bad edit never reaches a reply.

Telegram refuses a whole message on one bad tag ("can't parse entities"); a ``<script>`` in an
FAQ answer would otherwise build fine and then break every reply that quotes it.
"""

from __future__ import annotations

import string
from collections.abc import Iterable, Mapping

from bot.broadcast import telegram_html
from bot.kb.errors import KnowledgeError

# What a placeholder stands for while the template is checked: a date in the bot's format, a
# name with an apostrophe, a bill number. The real values are escaped when filled in.
SAMPLE = "June 27, 2019"


def placeholders(shown: str, entry: str | None, field: str, template: str) -> list[str]:
    """The ``{names}`` a template uses; a stray brace fails naming the field."""
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError as exc:
        raise KnowledgeError(shown, entry, field, f"bad braces: {exc}") from None
    names = []
    for _, name, spec, conversion in parsed:
        if name is None:
            continue
        if not name or not name.isidentifier() or spec or conversion:
            raise KnowledgeError(shown, entry, field, f"bad placeholder {{{name}}}")
        names.append(name)
    return names


def check_template(
    shown: str,
    entry: str | None,
    field: str,
    template: str,
    allowed: Iterable[str] = (),
    samples: Mapping[str, str] | None = None,
) -> None:
    """Fail unless ``template`` uses only ``allowed`` placeholders and is valid Telegram HTML."""
    allowed = frozenset(allowed)
    names = placeholders(shown, entry, field, template)
    for name in names:
        if name not in allowed:
            known = ", ".join("{" + a + "}" for a in sorted(allowed)) or "none"
            raise KnowledgeError(
                shown, entry, field, f"unknown placeholder {{{name}}}; allowed: {known}"
            )
    values = {name: (samples or {}).get(name, SAMPLE) for name in names}
    problems = telegram_html.validate(template.format(**values) if names else template)
    if problems:
        raise KnowledgeError(shown, entry, field, f"not valid Telegram HTML: {problems[0]}")
