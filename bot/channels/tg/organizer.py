"""Handlers for organizers: ``/broadcast``, its ``bc:`` buttons, and delivery in the background.

A confirmed broadcast is delivered by :class:`~bot.broadcast.engine.Engine` in the bot's own
event loop, through the application's bot and the pacer the app factory shares with the
rate limiter, so residents' replies keep going first (the engine calls the state database from
the loop itself; this module's own database calls run on the core threads). One message in the
organizer's chat shows progress, edited at most every :data:`PROGRESS_EVERY` seconds, and a
final report follows.

Deliveries are asyncio tasks kept in ``bot_data["deliveries"]``, not ``Application.create_task``
tasks: ``Application.stop`` awaits those, and a broadcast held for quiet hours would keep the
bot from stopping until morning. :func:`stop_deliveries` cancels them instead; the outbox
keeps every recipient's state and :func:`resume_unfinished` picks them up at the next start.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import html
import logging
import time

from telegram import Bot, Update
from telegram.error import TelegramError
from telegram.ext import (
    Application,
    BaseHandler,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
)

from bot.broadcast.engine import DEFAULT_WORKERS, PAID_WORKERS, Engine, Report
from bot.broadcast.pacer import Pacer
from bot.channels.tg.render import CoreThreads, core, send, services, speaker
from bot.channels.tg.sender import TelegramSender
from bot.core import callbacks
from bot.core.alerts_flow import alert_copy
from bot.services import Services
from bot.storage import broadcasts
from bot.storage.broadcasts import Counts
from bot.storage.subscribers import actor_hash

logger = logging.getLogger(__name__)

# The progress message is edited at most this often: the organizer sees it move without the
# edits eating the organizer chat's one-message-a-second budget.
PROGRESS_EVERY = 3.0
ENGINE_TICK = 1.0  # how often the engine reports counts (seconds)
DELIVERIES = "deliveries"  # bot_data key: broadcast id -> its task


async def broadcast(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Start a broadcast (organizers), or refuse politely (everyone else)."""
    if update.effective_chat is None:
        return
    svc = services(context)
    who = await speaker(context, update)
    await send(update, context, await core(context, svc.organizer.start, who))


async def button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answer a ``bc:`` button; a confirmation starts the delivery in the background."""
    query = update.callback_query
    if query is None or update.effective_chat is None:
        return
    await query.answer()
    svc = services(context)
    who = await speaker(context, update)
    outcome = await core(context, svc.organizer.callback, who, query.data or "")
    await send(update, context, outcome.replies)
    if outcome.deliver is not None:
        start_delivery(context.application, outcome.deliver, update.effective_chat.id)


def handlers() -> list[BaseHandler[Update, ContextTypes.DEFAULT_TYPE, None]]:
    """The organizer's command and buttons (refused for everyone else)."""
    return [
        CommandHandler("broadcast", broadcast),
        CallbackQueryHandler(button, pattern=callbacks.pattern(callbacks.BROADCAST)),
    ]


# -- delivery -------------------------------------------------------------------------------


class ProgressMessage:
    """One message in the organizer's chat, edited as the counts change."""

    def __init__(self, bot: Bot, chat_id: int | None, svc: Services, broadcast_id: int) -> None:
        self.bot = bot
        self.chat_id = chat_id
        self.svc = svc
        self.broadcast_id = broadcast_id
        self.message_id: int | None = None
        self.shown = ""
        self.last_edit = float("-inf")
        self.pending: asyncio.Task[None] | None = None

    def text(self, counts: Counts) -> str:
        return self.svc.catalog.t(
            "broadcast.progress",
            id=self.broadcast_id,
            sent=counts.sent,
            blocked=counts.blocked,
            failed=counts.failed,
            remaining=counts.remaining,
            total=counts.total,
        )

    async def post(self, text: str) -> None:
        """Send the message that later edits replace."""
        if self.chat_id is None:
            return
        try:
            message = await self.bot.send_message(self.chat_id, text)
        except TelegramError as exc:
            logger.warning("Could not post broadcast progress: %s", exc)
            return
        self.message_id = message.message_id
        self.shown = text

    def __call__(self, counts: Counts) -> None:
        """The engine's progress callback: schedule an edit when one is due."""
        text = self.text(counts)
        due = time.monotonic() - self.last_edit >= PROGRESS_EVERY
        idle = self.pending is None or self.pending.done()
        if text != self.shown and due and idle:
            self.pending = asyncio.get_running_loop().create_task(self.edit(text))

    async def edit(self, text: str) -> None:
        if self.chat_id is None or self.message_id is None or text == self.shown:
            return
        self.last_edit = time.monotonic()
        try:
            await self.bot.edit_message_text(
                text, chat_id=self.chat_id, message_id=self.message_id
            )
        except TelegramError as exc:  # the organizer deleted it, or blocked the bot
            logger.warning("Could not edit broadcast progress: %s", exc)
            return
        self.shown = text

    async def fail(self, error: str) -> None:
        """Say the broadcast stopped, and why."""
        if self.chat_id is None:
            return
        text = self.svc.catalog.t(
            "broadcast.failed", id=self.broadcast_id, error=html.escape(error)
        )
        try:
            await self.bot.send_message(self.chat_id, text)
        except TelegramError as exc:
            logger.warning("Could not report a stopped broadcast: %s", exc)

    async def finish(self, report: Report) -> None:
        """Show the final counts and send the report as a new message (it notifies)."""
        if self.pending is not None:
            with contextlib.suppress(Exception):
                await self.pending
        await self.edit(self.text(report.counts))
        if self.chat_id is None:
            return
        counts = report.counts
        text = self.svc.catalog.t(
            "broadcast.report",
            id=self.broadcast_id,
            state=report.state,
            elapsed=f"{report.elapsed:.0f}",
            sent=counts.sent,
            blocked=counts.blocked,
            failed=counts.failed,
            remaining=counts.remaining,
        )
        if report.error:
            text += "\n" + self.svc.catalog.t(
                "broadcast.failed", id=self.broadcast_id, error=html.escape(report.error)
            )
        try:
            await self.bot.send_message(self.chat_id, text)
        except TelegramError as exc:
            logger.warning("Could not send the broadcast report: %s", exc)


async def deliver(
    application: Application, broadcast_id: int, chat_id: int | None
) -> Report | None:
    """Run the engine on one queued broadcast, reporting to ``chat_id`` (None: logs only)."""
    svc: Services = application.bot_data["services"]
    pacer: Pacer = application.bot_data["pacer"]
    settings = svc.settings
    progress = ProgressMessage(application.bot, chat_id, svc, broadcast_id)
    engine = Engine(
        svc.state,
        TelegramSender(application.bot, paid=settings.paid_broadcast),
        pacer,
        workers=PAID_WORKERS if settings.paid_broadcast else DEFAULT_WORKERS,
        paid=settings.paid_broadcast,
        quiet_hours=settings.quiet_hours,
        timezone=settings.timezone,
        progress=progress,
        progress_interval=ENGINE_TICK,
        personalize=functools.partial(alert_copy, svc.state, svc.catalog),
    )
    threads: CoreThreads = application.bot_data["core"]
    queued = await threads.run(broadcasts.get_broadcast, svc.state, broadcast_id)
    counts = await threads.run(broadcasts.progress, svc.state, broadcast_id)
    if queued is not None and engine.release_time(queued) > engine.now():
        when = svc.organizer.local_time(engine.release_time(queued))
        held = svc.catalog.t(
            "broadcast.progress_held", id=broadcast_id, when=when, total=counts.total
        )
        await progress.post(held)
    else:
        await progress.post(progress.text(counts))
    try:
        report = await engine.run(broadcast_id)
    except (broadcasts.BroadcastStateError, TelegramError) as exc:
        logger.error("Broadcast %d stopped: %s", broadcast_id, exc)
        await progress.fail(str(exc))
        return None
    await progress.finish(report)
    return report


def start_delivery(application: Application, broadcast_id: int, chat_id: int | None) -> None:
    """Deliver a broadcast in the background (once: a second call for it does nothing)."""
    running: dict[int, asyncio.Task[Report | None]] = application.bot_data.setdefault(
        DELIVERIES, {}
    )
    if broadcast_id in running and not running[broadcast_id].done():
        return
    task = asyncio.get_running_loop().create_task(
        _logged(application, broadcast_id, chat_id), name=f"broadcast-{broadcast_id}"
    )
    running[broadcast_id] = task
    task.add_done_callback(lambda _: running.pop(broadcast_id, None))


async def _logged(application: Application, bid: int, chat_id: int | None) -> Report | None:
    """Deliver, logging what ends it early: nobody awaits this task's result."""
    try:
        return await deliver(application, bid, chat_id)
    except asyncio.CancelledError:
        logger.info("Broadcast %d stopped with the bot; it resumes at the next start", bid)
        raise
    except Exception:
        logger.exception("Broadcast %d failed; it resumes at the next start", bid)
        return None


async def resume_unfinished(application: Application) -> None:
    """Restart every queued or interrupted broadcast, reporting to the organizer who sent it."""
    svc: Services = application.bot_data["services"]
    threads: CoreThreads = application.bot_data["core"]
    for unfinished in await threads.run(broadcasts.unfinished, svc.state):
        chat_id = next(
            (
                user_id
                for user_id in sorted(svc.settings.organizer_ids)
                if unfinished.created_by_hash == actor_hash(user_id)
            ),
            None,
        )
        logger.info("Resuming broadcast %d", unfinished.id)
        start_delivery(application, unfinished.id, chat_id)


async def stop_deliveries(application: Application) -> None:
    """Cancel deliveries in progress; the outbox keeps where each one stood."""
    running: dict[int, asyncio.Task[Report | None]] = application.bot_data.get(DELIVERIES, {})
    tasks = list(running.values())
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
