"""``python -m bot subscribers export|import``: subscribers as JSON lines."""

from __future__ import annotations

import argparse
import contextlib
import sys
from pathlib import Path
from typing import TextIO

from bot.cli.common import (
    CliError,
    open_knowledge,
    open_knowledge_for_names,
    open_state,
    read_regular_file,
)
from bot.cli.stats import place_namer
from bot.config import Settings
from bot.core.i18n import Catalog
from bot.kb.store import KnowledgeStore
from bot.storage import subscribers


def register(commands: argparse._SubParsersAction) -> None:
    """Add ``subscribers export`` and ``subscribers import``."""
    parser = commands.add_parser(
        "subscribers", help="export or import subscribers (JSON lines)", description=__doc__
    )
    actions = parser.add_subparsers(title="actions", metavar="ACTION", required=True)
    export = actions.add_parser(
        "export", help="write every subscriber as JSON lines", description=export_.__doc__
    )
    export.add_argument("--out", type=Path, help="file to write (default: standard output)")
    export.set_defaults(handler=export_)
    imp = actions.add_parser(
        "import", help="add subscribers from JSON lines (idempotent)", description=import_.__doc__
    )
    imp.add_argument(
        "file",
        type=Path,
        help="JSON lines: chat_id, town (or place_id), language, optionally created",
    )
    imp.set_defaults(handler=import_)


def export_(settings: Settings, args: argparse.Namespace) -> int:
    """Write one JSON object per subscriber: chat_id, town, place_id, language, created."""
    conn = open_state(settings)
    kb = open_knowledge_for_names(settings)
    try:
        with contextlib.ExitStack() as stack:
            out: TextIO = sys.stdout
            if args.out is not None:
                try:
                    out = stack.enter_context(args.out.open("w", encoding="utf-8"))
                except OSError as exc:
                    raise CliError(f"{args.out}: cannot write it ({exc.strerror})") from None
            n = subscribers.export_jsonl(conn, out, place_namer(kb))
    finally:
        conn.close()
        if kb is not None:
            kb.close()
    print(f"Exported {n} subscriber(s).", file=sys.stderr)
    return 0


def import_(settings: Settings, args: argparse.Namespace) -> int:
    """Add or update subscribers from JSON lines; report every rejected line and keep going.

    A line needs ``chat_id``, ``town`` (a name, "Name, ST" or a place id) or ``place_id``, and
    a ``language`` of the message catalog; ``created`` defaults to today. A town that names
    several places is rejected: give its state or ``place_id``.
    """
    data = read_regular_file(args.file)
    if b"\x00" in data:
        raise CliError(f"{args.file}: binary, not JSON lines")
    languages = Catalog.load(settings.knowledge_dir).languages
    kb = open_knowledge(settings)
    conn = open_state(settings)
    try:
        report = subscribers.import_jsonl(conn, data.split(b"\n"), _place_finder(kb), languages)
    finally:
        conn.close()
        kb.close()
    print(
        f"Added {report.added}, updated {report.updated}, unchanged {report.unchanged}, "
        f"rejected {len(report.rejected)}."
    )
    for number, reason in report.rejected:
        print(f"{args.file}:{number}: {reason}", file=sys.stderr)
    if report.rejected:
        raise CliError(f"{args.file}: {len(report.rejected)} line(s) rejected")
    return 0


def _place_finder(kb: KnowledgeStore) -> subscribers.PlaceFinder:
    def find(text: str) -> str:
        places = kb.places_named(text)
        if not places:
            raise ValueError(f"unknown town {text!r}")
        if len(places) > 1:
            ids = " or ".join(p.id for p in places)
            raise ValueError(f"town {text!r} is ambiguous ({ids}): give its state or place_id")
        return places[0].id

    return find
