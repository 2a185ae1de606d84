"""Check a broadcast text is Telegram HTML before anyone receives it.

Telegram rejects the whole message ("can't parse entities") on an unknown tag, an unbalanced
tag, a bare ``<`` or ``&``, or text over 4,096 characters after the tags are removed, and it
would reject it for every recipient. Allowed, per the Bot API's "HTML style": b strong i em u
ins s strike del, a href, code, pre, span class="tg-spoiler", tg-spoiler, blockquote
(optionally expandable); entities &lt; &gt; &amp; &quot; and numeric ones.
"""

from __future__ import annotations

import html
import re

MAX_MESSAGE_CHARS = 4096  # counted in UTF-16 code units after entity parsing, like Telegram

_PLAIN_TAGS = frozenset(["b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "pre"])
_TOKEN = re.compile(
    r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^<>]*)?)\s*>"  # a tag
    r"|&(#[0-9]+|#x[0-9a-fA-F]+|[a-zA-Z]+);"  # an entity
)
_ATTR = re.compile(r"""\s*([a-zA-Z-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?""")
_NAMED_ENTITIES = frozenset(["lt", "gt", "amp", "quot"])


def visible_text(text: str) -> str:
    """The text a reader sees: tags and link addresses removed, entities decoded."""
    return _parse(text)[1]


def validate(text: str) -> list[str]:
    """Return the problems with ``text`` as Telegram HTML (empty if it is fine)."""
    problems, visible = _parse(text)
    length = len(visible.encode("utf-16-le")) // 2
    if not visible.strip():
        problems.append("the message is empty")
    if length > MAX_MESSAGE_CHARS:
        problems.append(f"the message is {length} characters; Telegram allows {MAX_MESSAGE_CHARS}")
    return problems


def _parse(text: str) -> tuple[list[str], str]:
    problems: list[str] = []
    stack: list[str] = []
    plain: list[str] = []
    pos = 0
    for match in _TOKEN.finditer(text):
        _check_text(text[pos : match.start()], pos, problems)
        plain.append(text[pos : match.start()])
        pos = match.end()
        if match.group(4) is not None:
            entity = match.group(4)
            if not entity.startswith("#") and entity not in _NAMED_ENTITIES:
                problems.append(f"unsupported entity &{entity}; at {match.start()}")
            plain.append(html.unescape(match.group(0)))
            continue
        closing, tag, attrs = match.group(1), match.group(2).lower(), match.group(3) or ""
        if closing:
            if not stack or stack[-1] != tag:
                problems.append(f"unexpected </{tag}> at {match.start()}")
            else:
                stack.pop()
            continue
        problem = _check_tag(tag, _attributes(attrs), stack)
        if problem:
            problems.append(f"{problem} at {match.start()}")
        stack.append(tag)
    _check_text(text[pos:], pos, problems)
    plain.append(text[pos:])
    problems.extend(f"<{tag}> is never closed" for tag in reversed(stack))
    return problems, "".join(plain)


def _check_text(chunk: str, offset: int, problems: list[str]) -> None:
    for char, entity in (("<", "&lt;"), (">", "&gt;"), ("&", "&amp;")):
        index = chunk.find(char)
        if index >= 0:
            problems.append(f"bare {char!r} at {offset + index}: write {entity}")


def _attributes(raw: str) -> dict[str, str]:
    found = {}
    for match in _ATTR.finditer(raw):
        if match.group(1):
            value = next((g for g in match.group(2, 3, 4) if g is not None), "")
            found[match.group(1).lower()] = value
    return found


def _check_tag(tag: str, attrs: dict[str, str], stack: list[str]) -> str | None:
    if tag in _PLAIN_TAGS or tag == "tg-spoiler":
        return f"<{tag}> takes no attributes" if attrs else None
    if tag == "a":
        if set(attrs) != {"href"} or not attrs["href"]:
            return "<a> needs exactly one href"
        return None
    if tag == "span":
        return None if attrs == {"class": "tg-spoiler"} else '<span> needs class="tg-spoiler"'
    if tag == "code":
        if not attrs:
            return None
        inside_pre = bool(stack) and stack[-1] == "pre"
        ok = set(attrs) == {"class"} and attrs["class"].startswith("language-") and inside_pre
        return None if ok else '<code class="language-..."> is allowed only inside <pre>'
    if tag == "blockquote":
        return None if set(attrs) <= {"expandable"} else "<blockquote> takes only expandable"
    return f"<{tag}> is not allowed by Telegram"


def visible_length(text: str) -> int:
    """Return the length Telegram counts: UTF-16 code units of the visible text."""
    return len(visible_text(text).encode("utf-16-le")) // 2
