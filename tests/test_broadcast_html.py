"""The Telegram HTML check run before a broadcast is stored."""

from __future__ import annotations

import pytest

from bot.broadcast.telegram_html import validate


@pytest.mark.parametrize(
    "text",
    [
        "<b>Hearing</b> &amp; <i>rally</i>: <a href='https://aclum.org'>details</a>",
        '<span class="tg-spoiler">s</span> <tg-spoiler>t</tg-spoiler> <u>u</u> <s>s</s>',
        '<pre><code class="language-python">x = 1</code></pre> <code>y</code>',
        "<blockquote expandable>Quote</blockquote> &lt;3 &#128512; &quot;ok&quot;",
        "x" * 4096,
    ],
)
def test_telegram_html_passes(text):
    assert validate(text) == []


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("<div>Hearing</div>", "<div> is not allowed"),
        ("<b>Hearing", "<b> is never closed"),
        ("<i><b>x</i></b>", "unexpected </i>"),
        ("Tom & Jerry", "bare '&'"),
        ("1 < 2", "bare '<'"),
        ("&nbsp;hi", "unsupported entity"),
        ('<a title="x">x</a>', "needs exactly one href"),
        ('<span class="red">x</span>', 'class="tg-spoiler"'),
        ('<code class="language-py">x</code>', "only inside <pre>"),
        ("x" * 4097, "4097 characters"),
        ("   ", "empty"),
    ],
)
def test_what_telegram_would_refuse_is_named(text, problem):
    assert any(problem in found for found in validate(text)), validate(text)
