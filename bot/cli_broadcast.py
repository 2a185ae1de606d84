"""Command line for organizers: ``broadcast``, ``stats``, ``subscribers export|import``.

``broadcast`` checks the text as Telegram HTML, shows who will receive it, asks for
confirmation (unless ``--yes``) and delivers it through the engine with a progress line. Run
again with the same text and segments after an interruption, it resumes that broadcast instead
of starting a new one. Wired into ``python -m bot`` by :func:`add_arguments`; also runnable as
``python -m bot.cli_broadcast``.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import sqlite3
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO
from zoneinfo import ZoneInfo

from bot.broadcast import segments as segs
from bot.broadcast import telegram_html
from bot.broadcast.engine import DEFAULT_WORKERS, PAID_WORKERS, Engine, Report, release_time
from bot.broadcast.pacer import Pacer
from bot.config import Settings
from bot.storage import broadcasts, subscribers
from bot.storage.broadcasts import Counts
from bot.storage.db import connect
from bot.storage.outcomes import outcome_totals

logger = logging.getLogger(__name__)


def add_arguments(subparsers: argparse._SubParsersAction) -> None:
    """Add ``broadcast``, ``stats`` and ``subscribers`` to a parser's subcommands."""
    b = subparsers.add_parser("broadcast", help="send an alert to subscribers")
    b.add_argument("--text-file", type=Path, help="the message, in Telegram HTML")
    b.add_argument(
        "--segment",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="town=, senate=, house=, legislator=, "
        "status=ban|moratorium|limited|oversight|no-ban, language=, or all; "
        "repeat a key for OR, combine keys for AND",
    )
    b.add_argument("--dry-run", action="store_true", help="show the audience, send nothing")
    b.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    b.add_argument("--urgent", action="store_true", help="send even in quiet hours")
    b.add_argument("--at", metavar="ISO", help="hold until this time (e.g. 2025-06-02T10:00)")
    b.add_argument("--cancel", type=int, metavar="ID", help="cancel an unfinished broadcast")
    b.add_argument("--workers", type=int, default=None, help="concurrent sends")
    b.set_defaults(handler=cmd_broadcast)
    s = subparsers.add_parser("stats", help="subscribers and broadcasts (small counts hidden)")
    s.set_defaults(handler=cmd_stats)
    sub = subparsers.add_parser("subscribers", help="export or import subscribers (JSON lines)")
    actions = sub.add_subparsers(dest="subscribers_action", required=True)
    export = actions.add_parser("export", help="write every subscriber as JSON lines")
    export.add_argument("--out", type=Path, help="file to write (default: standard output)")
    imp = actions.add_parser("import", help="add subscribers from JSON lines (idempotent)")
    imp.add_argument("file", type=Path)
    sub.set_defaults(handler=cmd_subscribers)


# -- broadcast ------------------------------------------------------------------------------


def cmd_broadcast(settings: Settings, args: argparse.Namespace) -> int:
    """Check, preview, confirm and deliver a broadcast, or resume the interrupted one."""
    conn = connect(settings.db_path)
    if args.cancel is not None:
        done = broadcasts.cancel(conn, args.cancel, actor=None)
        print(f"Broadcast #{args.cancel} {'cancelled' if done else 'is not unfinished'}.")
        return 0 if done else 1
    if args.text_file is None:
        print("--text-file is required", file=sys.stderr)
        return 2
    text = args.text_file.read_text(encoding="utf-8").strip()
    problems = telegram_html.validate(text)
    if problems:
        print("The text is not valid Telegram HTML:", file=sys.stderr)
        for problem in problems:
            print(f"  {problem}", file=sys.stderr)
        return 2
    try:
        chosen = segs.parse(args.segment)
        at = _parse_at(args.at, settings.timezone)
    except ValueError as exc:
        print(exc, file=sys.stderr)
        return 2
    labels = [str(s) for s in chosen]
    existing = broadcasts.find_resumable(conn, broadcasts.text_sha256(text), labels)
    if existing is not None and existing.state != "draft":
        counts = broadcasts.progress(conn, existing.id)
        print(f"Resuming broadcast #{existing.id}: {_counts_line(counts)}")
        if args.dry_run:
            return 0
        return _deliver(settings, conn, existing.id, args.workers)
    others = broadcasts.unfinished(conn)
    if others:
        ids = ", ".join(f"#{b.id}" for b in others)
        print(
            f"Broadcast {ids} is unfinished with another text or audience: run it again with "
            "its text to finish it, or cancel it with --cancel ID.",
            file=sys.stderr,
        )
        return 1
    kb = _knowledge(settings) if any(s.key not in ("all", "language") for s in chosen) else None
    try:
        audience = segs.resolve(conn, kb, chosen)
    except segs.SegmentError as exc:
        print(exc, file=sys.stderr)
        return 2
    print(audience.preview())
    now = datetime.now(UTC)
    release = release_time(
        now, urgent=args.urgent, scheduled_for=at, quiet=settings.quiet_hours, tz=settings.timezone
    )
    if release > now:
        print(f"It will be held until {release.isoformat(timespec='minutes')} (quiet hours/--at).")
    if not audience.chat_ids:
        print("Nobody to send to.")
        return 1
    if args.dry_run:
        return 0
    if not args.yes and not _confirm(f"Send to {len(audience.chat_ids)} subscriber(s)?"):
        print("Not sent.")
        return 1
    if existing is not None:
        bid = existing.id
    else:
        bid = broadcasts.create_broadcast(conn, text, labels, None, args.urgent, at)
    broadcasts.enqueue(conn, bid, audience.chat_ids)
    print(f"Broadcast #{bid} queued.")
    return _deliver(settings, conn, bid, args.workers)


def _parse_at(value: str | None, tz: str) -> datetime | None:
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(
            f"--at must be an ISO time such as 2025-06-02T10:00, not {value!r}"
        ) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=ZoneInfo(tz))


def _confirm(question: str) -> bool:
    try:
        return input(f"{question} [y/N] ").strip().lower() in ("y", "yes")
    except EOFError:
        return False


def _deliver(settings: Settings, conn: sqlite3.Connection, bid: int, workers: int | None) -> int:
    if not settings.token:
        print("TELEGRAM_BOT_TOKEN is not set", file=sys.stderr)
        return 2
    if workers is None:
        workers = PAID_WORKERS if settings.paid_broadcast else DEFAULT_WORKERS
    progress = ProgressLine(sys.stderr, bid)
    try:
        report = asyncio.run(_run(settings, conn, bid, workers, progress))
    except KeyboardInterrupt:
        progress.close()
        print("Interrupted: run the same command again to resume.", file=sys.stderr)
        return 130
    progress.close()
    print(
        f"Broadcast #{bid} {report.state} in {report.elapsed:.0f} s: {_counts_line(report.counts)}"
        + (f"; {report.interrupted} interrupted message(s) resent" if report.interrupted else "")
    )
    if report.error:
        print(report.error, file=sys.stderr)
    return 0 if report.state == "done" else 1


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
        line = f"#{self.bid} {_bar(counts)} {_counts_line(counts)}"
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


def _counts_line(counts: Counts) -> str:
    return (
        f"sent {counts.sent}, blocked {counts.blocked}, failed {counts.failed}, "
        f"remaining {counts.remaining} of {counts.total}"
    )


# -- stats and subscribers ------------------------------------------------------------------


def cmd_stats(settings: Settings, args: argparse.Namespace) -> int:
    """Print subscribers by town and broadcast outcomes, counts under 5 shown as "<5"."""
    conn = connect(settings.db_path)
    kb = _knowledge(settings, required=False)
    data = broadcasts.stats(conn)
    print(broadcasts.format_stats(data, _place_name(kb)))
    if kb is not None:  # by the same classification the answers and segments use
        print(segs.format_by_status(segs.by_status(data.by_place, kb)))
    print(format_calls(outcome_totals(conn)))
    return 0


def format_calls(totals: dict[tuple[str, str, str], int]) -> str:
    """Calls and emails residents reported, by outcome and by seat; counts under 5 as "<5"."""
    by_outcome: dict[str, int] = {}
    by_seat: dict[str, int] = {}
    for (chamber, district, outcome), n in totals.items():
        by_outcome[outcome] = by_outcome.get(outcome, 0) + n
        seat = f"{chamber.title()} {district}"
        by_seat[seat] = by_seat.get(seat, 0) + n
    lines = [f"Calls and emails reported: {broadcasts.shown(sum(by_outcome.values()))}"]
    lines += [f"  {outcome}: {broadcasts.shown(n)}" for outcome, n in sorted(by_outcome.items())]
    if by_seat:
        lines.append("By legislator's seat:")
        lines += [f"  {seat}: {broadcasts.shown(n)}" for seat, n in sorted(by_seat.items())]
    return "\n".join(lines)


def cmd_subscribers(settings: Settings, args: argparse.Namespace) -> int:
    """Export subscribers as JSON lines, or import them (idempotent)."""
    conn = connect(settings.db_path)
    if args.subscribers_action == "export":
        kb = _knowledge(settings, required=False)
        with contextlib.ExitStack() as stack:
            out: TextIO = sys.stdout
            if args.out is not None:
                out = stack.enter_context(args.out.open("w", encoding="utf-8"))
            n = subscribers.export_jsonl(conn, out, _place_name(kb))
        print(f"Exported {n} subscriber(s).", file=sys.stderr)
        return 0
    kb = _knowledge(settings)
    if kb is None:
        return 2
    with args.file.open(encoding="utf-8") as lines:
        report = subscribers.import_jsonl(conn, lines, _known_place(kb))
    print(
        f"Added {report.added}, updated {report.updated}, unchanged {report.unchanged}, "
        f"rejected {len(report.rejected)}."
    )
    for number, reason in report.rejected:
        print(f"  line {number}: {reason}", file=sys.stderr)
    return 0 if not report.rejected else 1


def _knowledge(settings: Settings, required: bool = True) -> sqlite3.Connection | None:
    """Open the knowledge database (rebuilt from YAML if needed); None if it cannot be."""
    try:
        from bot.kb.store import KnowledgeStore

        store = KnowledgeStore.open(settings.knowledge_dir, settings.knowledge_db_path)
    except Exception as exc:  # a knowledge error must not hide the command's own output
        if required:
            print(f"Cannot open the knowledge database: {exc}", file=sys.stderr)
        else:
            logger.warning("knowledge database unavailable, showing place ids: %s", exc)
        return None
    return store.db.conn


def _place_name(kb: sqlite3.Connection | None) -> Callable[[str], str | None] | None:
    if kb is None:
        return None

    def name(place_id: str) -> str | None:
        row = kb.execute("SELECT name FROM places WHERE id = ?", (place_id,)).fetchone()
        return str(row[0]) if row else None

    return name


def _known_place(kb: sqlite3.Connection) -> Callable[[str], str | None]:
    def known(town: str) -> str | None:
        row = kb.execute(
            "SELECT id FROM places WHERE id = ? OR lower(name) = lower(?)"
            " ORDER BY id = ? DESC, state != 'MA' LIMIT 1",
            (town, town, town),
        ).fetchone()
        return str(row[0]) if row else None

    return known


def main(argv: list[str] | None = None) -> int:
    """Run one of these commands with settings from the environment."""
    import os

    # PTB 22 warns on every 429 unless time periods are timedeltas; the sender handles both.
    os.environ.setdefault("PTB_TIMEDELTA", "true")
    parser = argparse.ArgumentParser(prog="python -m bot.cli_broadcast")
    add_arguments(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    settings = Settings.from_env()
    logging.basicConfig(level=settings.log_level, format="%(levelname)s %(name)s: %(message)s")
    # httpx logs every request URL at INFO, and the URL contains the bot token.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    handler: Callable[[Settings, argparse.Namespace], int] = args.handler
    return handler(settings, args)


if __name__ == "__main__":
    sys.exit(main())
