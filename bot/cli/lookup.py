"""``python -m bot lookup`` and ``legislators``: answers and representatives, as people or JSON."""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from collections.abc import Iterable
from typing import Any

import sqlite_utils

from bot.cli.common import CliError
from bot.config import Settings
from bot.core.context import UserContext
from bot.core.legislators import Directory, Member, UnknownPrecinct
from bot.kb.models import Place

CLI_USER = UserContext(chat_id=0)


def register(commands: argparse._SubParsersAction) -> None:
    """Add ``lookup`` and ``legislators``."""
    lookup_parser = commands.add_parser(
        "lookup",
        help="answer place queries (one a line from stdin when none is given)",
        description=lookup.__doc__,
    )
    lookup_parser.add_argument("query", nargs="*", help="a town, neighbourhood or ZIP code")
    lookup_parser.add_argument("--json", action="store_true", help="one JSON object a line")
    lookup_parser.set_defaults(handler=lookup)

    seats = commands.add_parser(
        "legislators", help="a place's state legislators", description=legislators.__doc__
    )
    seats.add_argument("query", nargs="+", help="a Massachusetts town or neighbourhood")
    seats.add_argument("--ward", help="narrow a split town to one ward")
    seats.add_argument("--precinct", help="narrow a split town to one precinct of the ward")
    seats.add_argument("--json", action="store_true", help="print JSON instead of text")
    seats.set_defaults(handler=legislators)


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
                continue
            print(f"> {query}")
            for reply in services.conversation.text(CLI_USER, query):
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
    from bot.kb.standing import stated

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
    out["status"] = _standing_json(knowledge.standing(place.id), knowledge.coverage(place.state))
    if place.state == "MA":
        out["status"]["statewide"] = [
            _measure_json(m)
            for m in stated(knowledge.statewide("MA"))
            if m.state.kind in {"in_force", "pending"}
        ]
    return out


def _standing_json(standing: Any, coverage: Any) -> dict[str, Any]:
    """Where a place stands, from the one classification the answers use too."""
    main = standing.measure
    if main is None:
        as_of = coverage.sources_through.isoformat() if coverage else None
        state = "unverified_reports_only" if standing.unverified else "no_measure_on_record"
        return {"kind": "none", "in_force": False, "state": state, "as_of": as_of}
    return {"kind": standing.kind, "in_force": standing.in_force, **_measure_json(main)}


def _measure_json(m: Any) -> dict[str, Any]:
    return {
        "id": m.id,
        "what": m.what,
        "binds": list(m.binds),
        "state": m.state.kind,
        "state_date": m.state.date.isoformat() if m.state.date else None,
        "adopted": m.adopted.isoformat() if m.adopted else None,
        "effective": m.effective.isoformat() if m.effective else None,
        "headline": m.headline["en"],
        "bills": list(m.bills),
        "sources": [s.url for s in m.sources],
        "confidence": m.confidence,
        "checked": m.checked.isoformat(),
        "as_of": m.sources_through.isoformat() if m.sources_through else None,
    }


def legislators(settings: Settings, args: argparse.Namespace) -> int:
    """Print a place's senator and representatives."""
    from bot.channels.console import to_plain
    from bot.services import open_services

    services = open_services(settings)
    try:
        query = " ".join(args.query)
        result = services.resolver.resolve(query)
        if result.place is None or result.place.state != "MA":
            names = ", ".join(f"{c.name}, {c.state}" for c in result.candidates)
            hint = f"; did you mean: {names}?" if names else ""
            raise CliError(f"no single Massachusetts municipality found for {query!r}{hint}")
        if args.json:
            try:
                data = legislators_json(
                    services.knowledge.db, result.place, args.ward, args.precinct
                )
            except UnknownPrecinct as exc:
                raise CliError(f"--ward/--precinct: {exc}") from None
            print(json.dumps(data, ensure_ascii=False))
        else:
            reply = services.legislators.start(result.place.id, CLI_USER)
            print(to_plain(reply.text))
    finally:
        services.close()
    return 0


def legislators_json(
    db: sqlite3.Connection | sqlite_utils.Database,
    place: Place | str,
    ward: str | None = None,
    precinct: str | None = None,
) -> dict[str, Any]:
    """Return a place's legislators as plain data, narrowed to one precinct when given.

    Raises LookupError for a place that is not a Massachusetts municipality and
    ``bot.core.legislators.UnknownPrecinct`` for a ward/precinct the town does not have.
    """
    directory = Directory(db)
    place_id = place if isinstance(place, str) else place.id
    found = directory.lookup(place_id, ward, precinct)
    if found is None:
        raise LookupError(f"no Massachusetts municipality {place_id!r}")
    shown: dict[str, str | None]
    if isinstance(place, Place):
        shown = {"name": place.name, "state": place.state, "kind": place.kind}
        shown["county"] = place.county
    else:
        town = found.town
        shown = {"name": town.name, "state": "MA", "kind": town.kind, "county": town.county}
    return {
        "place": shown,
        "split": found.split,
        "senate": [_member(m) for m in found.senate],
        "house": [_member(m) for m in found.house],
        "as_of": found.as_of.isoformat(),
    }


def _member(member: Member) -> dict[str, Any]:
    return {
        "name": member.name,
        "party": member.party,
        "district": member.district,
        "phone": member.phone,
        "email": member.email,
        "vacant": member.vacant,
        "wards_precincts": list(member.wards_precincts) if member.wards_precincts else None,
    }


def _place_json(place: Place) -> dict[str, Any]:
    return {"name": place.name, "state": place.state, "kind": place.kind, "county": place.county}
