"""``python -m bot broadcast``: send an alert to subscribers from the command line.

The text is checked as Telegram HTML and shown with its audience before anything is sent; the
command asks for confirmation unless ``--yes``. One text per language
(``--text-file en=alert.html --text-file es=alerta.html``; a file alone is English): each
subscriber gets the text of their language, or the English one with a line saying so, which
``--english-for-missing`` must confirm when the audience has such subscribers. Delivery runs
through the engine with a progress line. Run again with the same texts and segments, it resumes
that broadcast (after an interruption) or retries its failed recipients, instead of starting a
new one.
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import re
import sqlite3
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO
from zoneinfo import ZoneInfo

from bot import DEFAULT_KNOWLEDGE_DIR
from bot.broadcast import segments as segs
from bot.broadcast import telegram_html
from bot.broadcast.engine import DEFAULT_WORKERS, PAID_WORKERS, Engine, Report, release_time
from bot.broadcast.pacer import Pacer
from bot.cli.common import (
    MAX_MESSAGE_FILE_BYTES,
    CliError,
    decode_text,
    open_knowledge,
    open_state,
    read_regular_file,
)
from bot.config import Settings
from bot.core.alerts_flow import alert_copy
from bot.core.i18n import DEFAULT_LANGUAGE, Catalog
from bot.kb.errors import KnowledgeError
from bot.storage import broadcasts
from bot.storage.broadcasts import Counts

_LANG = re.compile(r"^[a-z]{2,3}$")


def register(commands: argparse._SubParsersAction) -> None:
    """Add ``broadcast``."""
    parser = commands.add_parser(
        "broadcast",
        help="send an alert to subscribers",
        description=__doc__.split("\n\n")[0],
    )
    parser.add_argument(
        "--text-file",
        action="append",
        default=[],
        metavar="[LANG=]FILE",
        help="the message: a UTF-8 text file in Telegram HTML, at most 4,096 characters shown; "
        "repeat as LANG=FILE for each language (en=alert.html es=alerta.html); FILE alone is "
        "English, which every broadcast needs",
    )
    parser.add_argument(
        "--english-for-missing",
        action="store_true",
        help="send the English text to subscribers of a language with no text of its own",
    )
    parser.add_argument(
        "--segment",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="town=, senate=, house=, legislator=, "
        "status=ban|moratorium|limited|oversight|no-ban, language=, or all; "
        "repeat a key for OR, combine keys for AND",
    )
    parser.add_argument("--dry-run", action="store_true", help="show the audience, send nothing")
    parser.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    parser.add_argument("--urgent", action="store_true", help="send even in quiet hours")
    parser.add_argument("--at", metavar="ISO", help="hold until this time (e.g. 2025-06-02T10:00)")
    parser.add_argument("--cancel", type=int, metavar="ID", help="cancel an unfinished broadcast")
    parser.add_argument("--workers", type=int, default=None, help="concurrent sends")
    parser.set_defaults(handler=broadcast)


def broadcast(settings: Settings, args: argparse.Namespace) -> int:
    """Check, show, confirm and deliver a broadcast, or resume or retry the unfinished one."""
    conn = open_state(settings)
    try:
        if args.cancel is not None:
            return cancel(conn, args.cancel)
        return _broadcast(settings, conn, args)
    finally:
        conn.close()


def cancel(conn: sqlite3.Connection, broadcast_id: int) -> int:
    """Cancel an unfinished broadcast: its pending and failed recipients are never sent."""
    if not broadcasts.cancel(conn, broadcast_id, actor=None):
        found = broadcasts.get_broadcast(conn, broadcast_id)
        state = f"it is {found.state}" if found else "there is none"
        raise CliError(f"--cancel {broadcast_id}: nothing to cancel ({state})")
    print(f"Broadcast #{broadcast_id} cancelled.")
    return 0


def _broadcast(settings: Settings, conn: sqlite3.Connection, args: argparse.Namespace) -> int:
    if not args.text_file:
        raise CliError("--text-file is required (or --cancel ID)", 2)
    catalog = _catalog(settings)
    files = text_files(args.text_file, catalog.languages)
    texts = {lang: read_message(path) for lang, path in files.items()}
    try:
        chosen = segs.parse(args.segment)
    except ValueError as exc:
        raise CliError(f"--segment: {exc}", 2) from None
    at = _parse_at(args.at, settings.timezone)
    if not args.dry_run and not settings.token:
        raise CliError("TELEGRAM_BOT_TOKEN is not set: broadcasts are sent through the bot", 2)
    labels = [str(s) for s in chosen]
    for lang, path in files.items():
        print(f"Text, {lang} ({path}):")
        print("\n".join(f"  | {line}" for line in texts[lang].splitlines()))
    existing = broadcasts.find_resumable(conn, broadcasts.text_sha256(texts), labels)
    if existing is not None and existing.state != "draft":
        counts = broadcasts.progress(conn, existing.id)
        verb = "Retrying" if counts.failed else "Resuming"
        print(f"{verb} broadcast #{existing.id} ({', '.join(labels)}): {counts_line(counts)}")
        return 0 if args.dry_run else _deliver(settings, conn, existing.id, args.workers)
    others = broadcasts.unfinished(conn)
    if others:
        ids = ", ".join(f"#{b.id}" for b in others)
        raise CliError(
            f"broadcast {ids} is unfinished with another text or audience: run it again with "
            "its text and segments to finish it, or cancel it with --cancel ID"
        )
    kb = None
    if any(s.key not in ("all", "language") for s in chosen):
        kb = open_knowledge(settings)
    try:
        audience = segs.resolve(conn, kb.db.conn if kb else None, chosen)
    except segs.SegmentError as exc:
        raise CliError(f"--segment: {exc}", 2) from None
    finally:
        if kb is not None:
            kb.close()
    print(audience.preview())
    spoken = broadcasts.languages_of(conn, audience.chat_ids)
    print("By language: " + language_line(spoken, texts))
    missing = {lang: n for lang, n in spoken.items() if lang not in texts}
    now = datetime.now(UTC)
    release = release_time(
        now, urgent=args.urgent, scheduled_for=at, quiet=settings.quiet_hours, tz=settings.timezone
    )
    if release > now:
        print(f"It will be held until {release.isoformat(timespec='minutes')} (quiet hours/--at).")
    if not audience.chat_ids:
        raise CliError("--segment: nobody to send to")
    if args.dry_run:
        return 0
    if missing and not args.english_for_missing:
        listed = ", ".join(f"{lang} ({n})" for lang, n in missing.items())
        raise CliError(
            f"no text for {listed}: add --text-file LANG=FILE for each, or confirm with "
            "--english-for-missing that they get the English text",
            2,
        )
    if not args.yes and not _confirm(f"Send to {len(audience.chat_ids)} subscriber(s)?"):
        print("Not sent.")
        return 1
    if existing is not None:
        bid = existing.id
    else:
        bid = broadcasts.create_broadcast(conn, texts, labels, None, args.urgent, at)
    broadcasts.enqueue(conn, bid, audience.chat_ids)
    print(f"Broadcast #{bid} queued.")
    return _deliver(settings, conn, bid, args.workers)


def text_files(values: list[str], languages: tuple[str, ...]) -> dict[str, Path]:
    """``--text-file`` values by language: ``es=alerta.html``, or a file alone for English."""
    files: dict[str, Path] = {}
    for value in values:
        lang, sep, rest = value.partition("=")
        if sep and _LANG.match(lang):
            if lang not in languages:
                known = ", ".join(languages)
                raise CliError(f"--text-file {value}: {lang!r} is not one of {known}", 2)
            path = Path(rest)
        else:
            lang, path = DEFAULT_LANGUAGE, Path(value)
        if lang in files:
            raise CliError(f"--text-file: two texts for {lang}", 2)
        files[lang] = path
    if DEFAULT_LANGUAGE not in files:
        raise CliError(
            "--text-file: an English text is required (en=FILE or FILE): it goes to "
            "subscribers of a language with no text",
            2,
        )
    return dict(sorted(files.items(), key=lambda item: item[0] != DEFAULT_LANGUAGE))


def language_line(spoken: dict[str, int], texts: dict[str, str]) -> str:
    """ "en 12 (own text), pt 3 (English text)": the audience per language, counts as shown
    to organizers (under 5: "<5")."""
    return (
        ", ".join(
            f"{lang} {broadcasts.shown(n)} ({'own text' if lang in texts else 'English text'})"
            for lang, n in spoken.items()
        )
        or "nobody"
    )


def read_message(path: Path) -> str:
    """Read a broadcast text: a regular UTF-8 text file that Telegram accepts as HTML."""
    text = decode_text(path, read_regular_file(path, MAX_MESSAGE_FILE_BYTES)).strip()
    problems = telegram_html.validate(text)
    if problems:
        raise CliError(f"{path}: Telegram would refuse this text: {'; '.join(problems)}", 2)
    return text


def _parse_at(value: str | None, tz: str) -> datetime | None:
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise CliError(f"--at: {value!r} is not an ISO time such as 2025-06-02T10:00", 2) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=ZoneInfo(tz))


def _confirm(question: str) -> bool:
    try:
        return input(f"{question} [y/N] ").strip().lower() in ("y", "yes")
    except EOFError:
        return False


def _deliver(settings: Settings, conn: sqlite3.Connection, bid: int, workers: int | None) -> int:
    if workers is None:
        workers = PAID_WORKERS if settings.paid_broadcast else DEFAULT_WORKERS
    holder = broadcasts.lease_holder(conn, bid)
    if holder is not None:
        print(f"Broadcast #{bid} is being delivered by another process ({holder}); following it.")
    progress = ProgressLine(sys.stderr, bid)
    try:
        report = asyncio.run(_run(settings, conn, bid, workers, progress))
    except KeyboardInterrupt:
        raise CliError(
            f"broadcast #{bid} interrupted: run the same command again to resume it", 130
        ) from None
    finally:
        progress.close()
    print(
        f"Broadcast #{bid} {report.state} in {report.elapsed:.0f} s: {counts_line(report.counts)}"
        + (f"; {report.interrupted} interrupted message(s) resent" if report.interrupted else "")
    )
    if report.state != "done":
        raise CliError(_unfinished(bid, report))
    return 0


def _unfinished(bid: int, report: Report) -> str:
    """Why a delivery ended without "done", and what to do about it."""
    again = f"run the same command again to {{}}, or cancel it with --cancel {bid}"
    if report.state == "incomplete":
        failed = f"broadcast #{bid}: {report.counts.failed} recipient(s) failed"
        return f"{failed}; " + again.format("retry them")
    if report.state == "aborted":
        return f"broadcast #{bid} stopped: {report.error}; " + again.format("resume it")
    if report.state == "taken over":
        return f"broadcast #{bid} was taken over by another process, which delivers the rest"
    return f"broadcast #{bid} is {report.state}"


async def _run(
    settings: Settings, conn: sqlite3.Connection, bid: int, workers: int, progress: ProgressLine
) -> Report:
    # The Telegram adapter is imported only when sending: the other commands do without it.
    from bot.channels.tg.sender import TelegramSender, broadcast_bot

    bot = broadcast_bot(settings.token or "", settings.api_base_url, workers + 4)
    async with bot:
        engine = Engine(
            conn,
            TelegramSender(bot, paid=settings.paid_broadcast),
            Pacer.for_settings(settings),
            workers=workers,
            paid=settings.paid_broadcast,
            quiet_hours=settings.quiet_hours,
            timezone=settings.timezone,
            progress=progress,
            personalize=functools.partial(alert_copy, conn, _catalog(settings)),
        )
        return await engine.run(bid)


class ProgressLine:
    """A one-line progress display on a terminal (plain lines when not a terminal)."""

    def __init__(self, out: TextIO, bid: int) -> None:
        self.out = out
        self.bid = bid
        self.tty = out.isatty()
        self._last = ""

    def __call__(self, counts: Counts) -> None:
        line = f"#{self.bid} {_bar(counts)} {counts_line(counts)}"
        if line == self._last:
            return
        self._last = line
        if self.tty:
            self.out.write("\r" + line + "\x1b[K")
        else:
            self.out.write(line + "\n")
        self.out.flush()

    def close(self) -> None:
        if self.tty and self._last:
            self.out.write("\n")
            self.out.flush()


def _bar(counts: Counts, width: int = 24) -> str:
    done = counts.total - counts.remaining
    filled = width * done // counts.total if counts.total else width
    return "[" + "#" * filled + "." * (width - filled) + "]"


def counts_line(counts: Counts) -> str:
    """Return "sent N, blocked N, failed N, remaining N of N"."""
    return (
        f"sent {counts.sent}, blocked {counts.blocked}, failed {counts.failed}, "
        f"remaining {counts.remaining} of {counts.total}"
    )


def _catalog(settings: Settings) -> Catalog:
    """The message catalog for the line under each alert: the configured knowledge's, or the
    one that ships with the bot when the configured folder has none."""
    try:
        return Catalog.load(settings.knowledge_dir)
    except (KnowledgeError, OSError):
        return Catalog.load(DEFAULT_KNOWLEDGE_DIR)
