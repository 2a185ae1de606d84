"""``python -m bot map`` and ``qr``: the map of measures and flyer QR codes, written to files."""

from __future__ import annotations

import argparse
import asyncio
import logging
from pathlib import Path
from typing import Literal

from bot.cli.common import CliError, open_knowledge, write_file
from bot.config import Settings
from bot.core.i18n import Catalog
from bot.core.resolver import Outcome, Resolver
from bot.kb.models import Place
from bot.pictures.service import Pictures, is_municipality, valid_username

logger = logging.getLogger(__name__)


def register(commands: argparse._SubParsersAction) -> None:
    """Add ``map`` and ``qr``."""
    drawn = commands.add_parser(
        "map", help="write the map of measures (PNG)", description=map_command.__doc__
    )
    drawn.add_argument(
        "--out", type=Path, required=True, metavar="FILE.png", help="the PNG to write"
    )
    drawn.add_argument("--town", help="outline this municipality, as an answer's map does")
    drawn.add_argument("--lang", default="en", help="the language of the map's words (en)")
    drawn.set_defaults(handler=map_command)

    codes = commands.add_parser(
        "qr",
        help="write flyer QR codes: qr town=cambridge --out FILE.png|FILE.svg, qr all --out DIR",
        description=qr_command.__doc__,
    )
    codes.add_argument("target", metavar="town=NAME|all", help="one municipality, or all 351")
    codes.add_argument(
        "--out",
        type=Path,
        required=True,
        metavar="FILE|DIR",
        help="FILE.png or FILE.svg for one town; a folder for all",
    )
    codes.add_argument(
        "--format",
        choices=("png", "svg"),
        default=None,
        help="for all: the files' format (png); for one town the --out suffix decides",
    )
    codes.add_argument("--lang", default="en", help="the language of the call to action (en)")
    codes.set_defaults(handler=qr_command)


def map_command(settings: Settings, args: argparse.Namespace) -> int:
    """Write the map of Massachusetts' 351 municipalities, coloured by what is on record."""
    if args.out.suffix.lower() != ".png":
        raise CliError(f"{args.out}: the map is a PNG; name the file .png")
    kb = open_knowledge(settings)
    try:
        catalog = Catalog.load(settings.knowledge_dir)
        lang = _language(catalog, args.lang)
        town = _town(Resolver.from_store(kb), args.town) if args.town else None
        pictures = Pictures.open(settings.knowledge_dir, kb, catalog, settings.db_path)
        write_file(args.out, pictures.map(lang, town).png())
    finally:
        kb.close()
    print(f"map written to {args.out}")
    return 0


def qr_command(settings: Settings, args: argparse.Namespace) -> int:
    """Write a QR code of a town's deep link (its name and a call to action under it).

    The link names the bot: its own username when TELEGRAM_BOT_TOKEN is set (asked of Telegram),
    else BOT_USERNAME.
    """
    target: str = args.target.strip()
    one = target.lower() != "all"
    name = target.split("=", 1)[1] if target.lower().startswith("town=") else target
    if one and not name.strip():
        raise CliError("qr: name a town (town=cambridge) or all")
    if one:
        kind = _kind(args.out.suffix.lower().lstrip("."), args.out)
        if args.format is not None and args.format != kind:
            raise CliError(f"{args.out}: --format {args.format} does not match the file's suffix")
    else:
        kind = _kind(args.format or "png", args.out)
        if args.out.exists() and not args.out.is_dir():
            raise CliError(f"{args.out}: not a folder (qr all writes one file per municipality)")
    username = bot_username(settings)
    kb = open_knowledge(settings)
    try:
        catalog = Catalog.load(settings.knowledge_dir)
        lang = _language(catalog, args.lang)
        resolver = Resolver.from_store(kb)
        pictures = Pictures.open(settings.knowledge_dir, kb, catalog, settings.db_path)
        if one:
            town = _town(resolver, name)
            write_file(args.out, pictures.qr(town, username, kind, lang))
            print(f"QR code for {town.name} ({town_url(username, town)}) written to {args.out}")
            return 0
        towns = sorted(
            (p for p in resolver.places.values() if is_municipality(p)), key=lambda p: p.id
        )
        for town in towns:
            write_file(
                args.out / f"town-{town.id}.{kind}", pictures.qr(town, username, kind, lang)
            )
        print(f"{len(towns)} QR codes written to {args.out}")
    finally:
        kb.close()
    return 0


def town_url(username: str, town: Place) -> str:
    from bot.pictures.qr import town_link

    return town_link(username, town.id)


def bot_username(settings: Settings) -> str:
    """The bot's username: from Telegram's getMe with a token, else BOT_USERNAME."""
    if settings.token is not None:
        try:
            from bot.channels.tg.pictures import own_username

            found = asyncio.run(own_username(settings))
        except Exception as exc:
            if type(exc).__name__ in {"InvalidToken", "TokenRejected"}:
                raise
            if settings.bot_username is None:
                raise CliError(
                    f"could not ask Telegram for the bot's username ({type(exc).__name__}); "
                    "set BOT_USERNAME to work offline"
                ) from None
            logger.warning("Telegram did not answer getMe; using BOT_USERNAME")
            return settings.bot_username
        name = valid_username(found)
        if name is None:
            raise CliError("Telegram's getMe returned no username for this bot")
        return name
    if settings.bot_username is None:
        raise CliError(
            "the QR code needs the bot's username: set BOT_USERNAME (or TELEGRAM_BOT_TOKEN)", 2
        )
    return settings.bot_username


def _town(resolver: Resolver, query: str) -> Place:
    """One Massachusetts municipality by place id or name; an ambiguous name lists the choices."""
    place = resolver.places.get(query.strip().lower())
    if place is not None and is_municipality(place):
        return place
    found = resolver.resolve(query)
    if found.outcome is Outcome.MATCH and found.place is not None:
        if is_municipality(found.place):
            return found.place
        raise CliError(
            f"{query!r} is {found.place.name}, {found.place.state}: "
            "not a Massachusetts municipality"
        )
    towns = [p for p in found.candidates if is_municipality(p)]
    if towns:
        names = ", ".join(f"{p.name} (town={p.id})" for p in towns)
        raise CliError(f"{query!r} could be several towns: {names}")
    raise CliError(f"no Massachusetts municipality found for {query!r}")


def _kind(suffix: str, path: Path) -> Literal["png", "svg"]:
    if suffix == "png":
        return "png"
    if suffix == "svg":
        return "svg"
    raise CliError(f"{path}: name the file .png or .svg")


def _language(catalog: Catalog, lang: str) -> str:
    if lang not in catalog.languages:
        raise CliError(f"--lang {lang}: not one of {', '.join(catalog.languages)}")
    return lang
