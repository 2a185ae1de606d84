"""The command line: ``python -m bot [COMMAND]``.

Without a command it runs the bot: long polling when ``TELEGRAM_BOT_TOKEN`` is set (a webhook when
``WEBHOOK_URL`` is also set), otherwise a console chat on the built-in knowledge base. Every
command reads its settings from the environment, so ``BOT_DB_PATH`` applies to all of them.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from bot.config import ConfigError, Settings
from bot.kb.errors import KnowledgeError

logger = logging.getLogger(__name__)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bot", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command")
    commands.add_parser("run", help="run the bot (the default)")

    lookup = commands.add_parser("lookup", help="answer place queries (stdin when none given)")
    lookup.add_argument("query", nargs="*")
    lookup.add_argument("--json", action="store_true", help="one JSON object a line")

    legislators = commands.add_parser("legislators", help="a place's state legislators")
    legislators.add_argument("query", nargs="+")
    legislators.add_argument("--ward")
    legislators.add_argument("--precinct")
    legislators.add_argument("--json", action="store_true")

    kb = commands.add_parser("kb", help="knowledge base maintenance")
    kb_commands = kb.add_subparsers(dest="kb_command", required=True)
    kb_commands.add_parser("build", help="validate the YAML and rebuild the database")
    check = kb_commands.add_parser("check", help="report stale data")
    check.add_argument("--max-age-days", type=int, default=180)
    refresh = kb_commands.add_parser(
        "refresh-legislators", help="rewrite legislators.yaml from an Open States checkout"
    )
    refresh.add_argument("path", type=Path)
    refresh.add_argument("--dry-run", action="store_true")

    from bot import cli_broadcast

    cli_broadcast.add_arguments(commands)  # broadcast, stats, subscribers
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        settings = Settings.from_env()
    except ConfigError as exc:
        print(f"Configuration error: {exc}", file=sys.stderr)
        return 2
    from bot.logsafe import setup_logging  # the token and residents' data never reach a log

    setup_logging(settings)
    try:
        return dispatch(settings, args)
    except KnowledgeError as exc:
        print(f"Knowledge error: {exc}", file=sys.stderr)
        return 1


def dispatch(settings: Settings, args: argparse.Namespace) -> int:
    command = args.command or "run"
    if command == "run":
        return run(settings)
    if command == "lookup":
        return lookup(settings, args)
    if command == "legislators":
        return legislators(settings, args)
    if command == "kb":
        return kb(settings, args)
    handler: Callable[[Settings, argparse.Namespace], int] = args.handler
    return handler(settings, args)


def run(settings: Settings) -> int:
    """Run on Telegram when there is a token, else chat on the console."""
    from bot.services import open_services

    if settings.token is None:
        from bot.channels.console import run_console

        services = open_services(settings)
        try:
            return run_console(services, sys.stdin, sys.stdout, prompt=sys.stdin.isatty())
        finally:
            services.close()
    from bot.channels.tg.app import build_application

    services = open_services(settings)
    application = build_application(services)
    try:
        if settings.webhook_url:
            logger.info("Starting with a webhook on port %d", settings.webhook_port)
            application.run_webhook(
                listen=settings.webhook_listen,
                port=settings.webhook_port,
                url_path="telegram",
                webhook_url=settings.webhook_url,
                secret_token=settings.webhook_secret,
            )
        else:
            logger.info("Starting with long polling")
            application.run_polling()
    finally:
        services.close()
    return 0


def lookup(settings: Settings, args: argparse.Namespace) -> int:
    """Answer each query, as JSON lines or as a resident would read it."""
    from bot.channels.console import to_plain
    from bot.services import open_services

    services = open_services(settings)
    try:
        queries: Iterable[str] = args.query or (line.rstrip("\n") for line in sys.stdin)
        for query in queries:
            if args.json:
                print(json.dumps(lookup_json(services, query), ensure_ascii=False), flush=True)
            else:
                replies = services.conversation.text(_cli_user(), query)
                print(f"> {query}")
                for reply in replies:
                    print(to_plain(reply.text))
                    for row in reply.buttons:
                        for button in row:
                            print(f"  [{button.label}]")
                print()
    finally:
        services.close()
    return 0


def lookup_json(services: Any, query: str) -> dict[str, Any]:
    """The machine-readable answer for one query."""
    from bot.core.answers import main_measure, stated

    result = services.resolver.resolve(query)
    place = result.place
    out: dict[str, Any] = {
        "query": query,
        "outcome": result.outcome.value,
        "place": _place_json(place) if place else None,
        "candidates": [{"name": c.name, "state": c.state} for c in result.candidates],
        "status": None,
    }
    if place is None:
        return out
    knowledge = services.knowledge
    measures = stated(knowledge.measures_for(place.id))
    main = main_measure(measures)
    status: dict[str, Any] = {
        "measure": main.measure if main else None,
        "status": main.status if main else "no_measure_on_record",
        "adopted": main.adopted.isoformat() if main and main.adopted else None,
        "scope": main.scope if main else None,
        "sources": list(main.sources) if main else [],
        "confidence": main.confidence if main else None,
        "as_of": knowledge.as_of.isoformat(),
    }
    if place.state == "MA":
        status["statewide"] = [
            {
                "title": m.title,
                "measure": m.measure,
                "status": m.status,
                "adopted": m.adopted.isoformat() if m.adopted else None,
                "bills": list(m.bills),
                "sources": list(m.sources),
                "as_of": m.as_of.isoformat(),
            }
            for m in stated(knowledge.statewide("MA"))
            if m.status in {"in_force", "pending"}
        ]
    out["status"] = status
    return out


def legislators(settings: Settings, args: argparse.Namespace) -> int:
    """Print a place's senator and representatives."""
    from bot.channels.console import to_plain
    from bot.cli_legislators import legislators_json
    from bot.core.legislators import UnknownPrecinct
    from bot.services import open_services

    services = open_services(settings)
    try:
        query = " ".join(args.query)
        result = services.resolver.resolve(query)
        if result.place is None or result.place.state != "MA":
            names = ", ".join(f"{c.name}, {c.state}" for c in result.candidates)
            hint = f" Did you mean: {names}?" if names else ""
            print(
                f"No single Massachusetts municipality found for {query!r}.{hint}", file=sys.stderr
            )
            return 1
        if args.json:
            try:
                data = legislators_json(
                    services.knowledge.db, result.place, args.ward, args.precinct
                )
            except UnknownPrecinct as exc:
                print(f"Unknown ward/precinct: {exc}", file=sys.stderr)
                return 1
            print(json.dumps(data, ensure_ascii=False))
        else:
            reply = services.legislators.start(result.place.id, _cli_user())
            print(to_plain(reply.text))
    finally:
        services.close()
    return 0


def kb(settings: Settings, args: argparse.Namespace) -> int:
    """Build, check or refresh the knowledge base."""
    from bot.kb.build import build
    from bot.kb.store import KnowledgeStore

    if args.kb_command == "build":
        build(settings.knowledge_dir, settings.knowledge_db_path)
        print(f"Built {settings.knowledge_db_path}")
        return 0
    if args.kb_command == "refresh-legislators":
        from bot.cli_legislators import refresh_legislators

        print(refresh_legislators(args.path, settings.knowledge_dir, dry_run=args.dry_run))
        return 0
    from bot.cli_legislators import kb_check

    store = KnowledgeStore.open(settings.knowledge_dir, settings.knowledge_db_path)
    try:
        findings = kb_check(store.db, date.today(), args.max_age_days)
    finally:
        store.close()
    for finding in findings:
        print(finding)
    print(f"{len(findings)} finding(s)")
    return 1 if findings else 0


def _cli_user() -> Any:
    from bot.core.context import UserContext

    return UserContext(chat_id=0)


def _place_json(place: Any) -> dict[str, Any]:
    return {"name": place.name, "state": place.state, "kind": place.kind, "county": place.county}
