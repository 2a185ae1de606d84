"""A terminal chat over the same conversation core: buttons become numbered choices."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from typing import TextIO

from bot.core.context import UserContext
from bot.core.reply import Button, Reply
from bot.services import Services

CONSOLE_CHAT_ID = 0  # the console is one local user; nothing is sent anywhere
_LINK = re.compile(r'<a href="([^"]*)">(.*?)</a>', re.S)
_TAG = re.compile(r"</?[a-z-]+[^>]*>")


def to_plain(text: str) -> str:
    """Telegram HTML to terminal text: links as "text (url)", tags dropped, entities decoded."""

    def link(match: re.Match[str]) -> str:
        url, label = html.unescape(match.group(1)), match.group(2)
        return label if label == url else f"{label} ({url})"

    return html.unescape(_TAG.sub("", _LINK.sub(link, text)))


def render(reply: Reply) -> tuple[str, list[Button]]:
    """The text of a reply and its buttons, numbered from 1."""
    buttons = [button for row in reply.buttons for button in row]
    lines = [to_plain(reply.text)]
    if reply.location is not None:  # the console's "share my location": type the numbers
        lines.insert(0 if reply.buttons or reply.edit else 1, to_plain(reply.location.text))
        lines.append(f"  [{reply.location.label}: type /pin LATITUDE,LONGITUDE]")
    for number, button in enumerate(buttons, 1):
        target = f" -> {button.url}" if button.url else ""
        lines.append(f"  [{number}] {button.label}{target}")
    return "\n".join(lines), buttons


def pin(services: Services, user: UserContext, text: str) -> list[Reply]:
    """``/pin 42.3967,-71.1223``: what sharing that location in Telegram would answer."""
    try:
        latitude, longitude = (float(part) for part in text.replace(" ", "").split(","))
    except ValueError:
        return [Reply("Type /pin LATITUDE,LONGITUDE, for example /pin 42.3967,-71.1223")]
    return services.location.answer(user, latitude, longitude)


def run_console(services: Services, stdin: TextIO, stdout: TextIO, prompt: bool = True) -> int:
    """Chat on the terminal until end of input or /quit."""
    conversation = services.conversation
    settle = services.languages.settle
    base = UserContext(chat_id=CONSOLE_CHAT_ID, first_name=None)
    commands: dict[str, Callable[[UserContext, str], list[Reply]]] = {
        "/start": lambda user, arg: conversation.start(user, arg or None),
        "/help": lambda user, arg: conversation.help(user),
        "/privacy": lambda user, arg: conversation.privacy(user),
        "/language": lambda user, arg: [services.languages.menu(user)],
        "/legislators": lambda user, arg: [services.legislators.command(arg, user)],
    }
    alerts = services.alerts
    commands["/subscribe"] = lambda user, arg: alerts.subscribe_command(user, arg)
    commands["/unsubscribe"] = lambda user, arg: alerts.unsubscribe(user)
    commands["/mydata"] = lambda user, arg: alerts.mydata(user)
    commands["/forget"] = lambda user, arg: alerts.forget_ask(user)
    commands["/pin"] = lambda user, arg: pin(services, user, arg)
    buttons: list[Button] = []

    def show(replies: list[Reply]) -> None:
        nonlocal buttons
        for reply in replies:
            text, new_buttons = render(reply)
            print(text, file=stdout)
            print(file=stdout)
            if new_buttons:
                buttons = new_buttons

    print("Press Pause on Face Surveillance (console). Type a town, /help or /quit.", file=stdout)
    show(conversation.start(settle(base)))
    while True:
        if prompt:
            print("> ", end="", file=stdout, flush=True)
        line = stdin.readline()
        if not line:
            return 0
        text = line.strip()
        if not text:
            continue
        if text in {"/quit", "/exit"}:
            return 0
        command, _, arg = text.partition(" ")
        user = settle(base)  # the language chosen with /language, or English
        if command in commands:
            show(commands[command](user, arg.strip()))
        elif text.isdigit() and 1 <= int(text) <= len(buttons):
            button = buttons[int(text) - 1]
            if button.data is not None:
                show(conversation.callback(user, button.data))
            else:
                print(f"Open {button.url}", file=stdout)
        else:
            show(conversation.text(user, text))
