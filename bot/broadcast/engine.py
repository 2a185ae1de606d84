"""Deliver a queued broadcast from its outbox: paced, retried, resumable, never doubled.

The engine is channel-neutral: it sends through a :class:`Sender` and paces itself with the
shared :class:`~bot.broadcast.pacer.Pacer` at broadcast priority, so residents' replies go first.

How a recipient is served (each step its own committed write in the state database):

1. wait for a send slot from the pacer (the row is still ``pending``);
2. commit the row as ``sending`` (attempts + 1);
3. call the sender;
4. commit the outcome: ``sent`` (with the message id), ``blocked`` (and unsubscribe the chat in
   the same transaction), ``failed`` (a permanent error, or transient errors ``max_attempts``
   times), or back to ``pending`` (a 429: the whole pacer pauses for ``retry_after`` and the
   message is requeued; a timeout or network error: retried after an exponential backoff).

Duplicate-window policy. A row found in ``sending`` when a broadcast resumes was interrupted
between steps 2 and 4: Telegram may or may not have delivered it, and there is no way to ask.
We RESEND it (the row goes back to ``pending`` and the number is written to the audit log): a
missed alert about a hearing costs more than a repeated one. Each worker has at most one row in
``sending`` at a time, so a crash or kill causes at most ``workers`` duplicates, and only for
the messages that were in flight at that instant. The same holds for a timeout or a reset
connection after Telegram received the request (it is retried; at most one duplicate per such
error). Nothing else can send a message twice: the outbox row is the only ticket to send.

One engine per broadcast. Before it sends anything the engine takes the broadcast's lease in
the state database (:func:`bot.storage.broadcasts.take_lease`), renews it while it runs and
releases it at the end; each of its writes checks it still holds it. A second engine on the
same database (the bot started while the command line delivers, or a second bot) waits, showing
the counts as they move, and returns when the holder finishes, or takes the delivery over when
the lease expires (a crashed holder on another machine) or at once when the holder was a
process of this machine that is gone. If the holder was only stalled, it finds its lease taken
at its next write and stops (report state ``taken over``); the messages it had in flight are
the duplicate window above.

Failures. A recipient whose sends all failed (an outage outlasting ``max_attempts``) leaves the
broadcast ``incomplete``: not done, its failed rows kept, and the next run of the engine on it
retries them.

Quiet hours: a broadcast that is not urgent waits until ``scheduled_for`` and is never sent
inside quiet hours (default 21:00-09:00 America/New_York); started before quiet hours begin, it
pauses when they begin and continues when they end.
"""

from __future__ import annotations

import asyncio
import contextlib
import heapq
import logging
import random
import sqlite3
import time as clock
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta
from typing import Any, Literal, Protocol, TypeVar
from zoneinfo import ZoneInfo

from bot.broadcast.pacer import Pacer, Priority
from bot.core.reply import Button
from bot.storage import broadcasts as store
from bot.storage.broadcasts import Counts

T = TypeVar("T")
logger = logging.getLogger(__name__)

ResultKind = Literal["ok", "blocked", "retry_after", "transient", "permanent"]

DEFAULT_WORKERS = 8  # enough to keep 30/s busy with Telegram's ~100-250 ms response times
PAID_WORKERS = 64  # for 1,000/s paid broadcasts
DEFAULT_MAX_ATTEMPTS = 5
BACKOFF_BASE = 1.0  # seconds; doubles with each attempt: 1, 2, 4, 8 (then give up)
BACKOFF_MAX = 60.0
# The same permanent error this many times in a row before any success means the message itself
# is wrong (bad HTML, bad token): stop instead of failing every recipient.
ABORT_AFTER_PERMANENT = 20
LEASE_POLL = 1.0  # seconds between looks at a lease another engine holds


@dataclass(frozen=True)
class SendResult:
    """What happened to one message. Build with the class methods."""

    kind: ResultKind
    message_id: int | None = None
    seconds: float | None = None
    error: str | None = None

    @classmethod
    def ok(cls, message_id: int) -> SendResult:
        return cls("ok", message_id=message_id)

    @classmethod
    def blocked(cls, error: str | None = None) -> SendResult:
        return cls("blocked", error=error)

    @classmethod
    def retry_after(cls, seconds: float) -> SendResult:
        return cls("retry_after", seconds=seconds)

    @classmethod
    def transient(cls, error: str) -> SendResult:
        return cls("transient", error=error)

    @classmethod
    def permanent(cls, error: str) -> SendResult:
        return cls("permanent", error=error)


Buttons = tuple[tuple[Button, ...], ...]
# One subscriber's copy of an alert: (chat id, the text it gets, that text's language) ->
# (text, buttons).
Personalize = Callable[[int, str, str], tuple[str, Buttons]]


class Sender(Protocol):
    """A channel that can send one HTML message to one chat."""

    async def send(
        self, chat_id: int, text_html: str, *, paid: bool, buttons: Buttons = ()
    ) -> SendResult:
        """Send and report the outcome; never raise for an expected Telegram error."""
        ...


@dataclass
class Report:
    """The outcome of :meth:`Engine.run`."""

    broadcast_id: int
    # "done"; "incomplete" (recipients failed: run again to retry them); "aborted" (the message
    # itself is refused); "cancelled"; "taken over" (another engine holds the lease now).
    state: str
    counts: Counts
    interrupted: int = 0  # rows found in "sending" on start: resent (see the policy above)
    retries: int = 0
    rate_limited: int = 0  # 429 answers received
    elapsed: float = 0.0
    error: str | None = None


ProgressCallback = Callable[[Counts], object]


# -- quiet hours ----------------------------------------------------------------------------


def in_quiet_hours(moment: datetime, quiet: tuple[time, time], tz: str) -> bool:
    """Return True if ``moment`` falls inside the quiet hours (which may span midnight)."""
    start, end = quiet
    local = moment.astimezone(ZoneInfo(tz)).time().replace(tzinfo=None)
    if start == end:
        return False
    if start < end:
        return start <= local < end
    return local >= start or local < end


def quiet_end(moment: datetime, quiet: tuple[time, time], tz: str) -> datetime:
    """Return when the quiet hours containing ``moment`` end (``moment`` if it is outside)."""
    if not in_quiet_hours(moment, quiet, tz):
        return moment
    zone = ZoneInfo(tz)
    local = moment.astimezone(zone)
    end = datetime.combine(local.date(), quiet[1], tzinfo=zone)
    if end <= local:
        end = datetime.combine(local.date() + timedelta(days=1), quiet[1], tzinfo=zone)
    return end.astimezone(UTC)


def release_time(
    now: datetime,
    *,
    urgent: bool,
    scheduled_for: datetime | None,
    quiet: tuple[time, time],
    tz: str,
) -> datetime:
    """Return when a broadcast may be sent: after ``scheduled_for``, outside quiet hours."""
    start = max(now, scheduled_for) if scheduled_for is not None else now
    return start if urgent else quiet_end(start, quiet, tz)


def parse_when(value: str | None) -> datetime | None:
    """Parse a stored ISO time; a naive time is taken as UTC."""
    if not value:
        return None
    moment = datetime.fromisoformat(value)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


# -- the engine -----------------------------------------------------------------------------


@dataclass
class _Work:
    ready: deque[tuple[int, int]] = field(default_factory=deque)  # (chat_id, attempts)
    delayed: list[tuple[float, int, int]] = field(default_factory=list)  # (at, chat, attempts)
    outstanding: int = 0
    changed: asyncio.Event = field(default_factory=asyncio.Event)


class Engine:
    """Send one queued broadcast to its outbox through a sender, paced by a shared pacer."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        sender: Sender,
        pacer: Pacer,
        *,
        workers: int = DEFAULT_WORKERS,
        paid: bool = False,
        max_attempts: int = DEFAULT_MAX_ATTEMPTS,
        backoff_base: float = BACKOFF_BASE,
        backoff_max: float = BACKOFF_MAX,
        quiet_hours: tuple[time, time] | None = (time(21, 0), time(9, 0)),
        timezone: str = "America/New_York",
        progress: ProgressCallback | None = None,
        progress_interval: float = 1.0,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
        lease_seconds: float = store.LEASE_SECONDS,
        lease_poll: float = LEASE_POLL,
        clock: Callable[[], float] = clock.time,
        personalize: Personalize | None = None,
    ) -> None:
        self.conn = conn
        self.personalize = personalize
        self.sender = sender
        self.pacer = pacer
        self.workers = workers
        self.paid = paid
        self.max_attempts = max_attempts
        self.backoff_base = backoff_base
        self.backoff_max = backoff_max
        self.quiet_hours = quiet_hours
        self.timezone = timezone
        self.progress = progress
        self.progress_interval = progress_interval
        self.now = now
        self.lease_seconds = lease_seconds
        self.lease_poll = lease_poll
        self.clock = clock
        self.owner = store.new_owner()
        self._permanent_streak: list[str] = []
        self._texts: dict[str, str] = {}
        self._delivered_any = False

    async def _db(self, func: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run a state-database call on a thread: the event loop never waits on SQLite (a
        write lock held elsewhere delays this broadcast, not the residents' replies)."""
        return await asyncio.to_thread(func, *args, **kwargs)

    def release_time(self, broadcast: store.Broadcast) -> datetime:
        """Return when this broadcast may start (now if it may start now)."""
        if self.quiet_hours is None:
            scheduled = parse_when(broadcast.scheduled_for)
            return max(self.now(), scheduled) if scheduled else self.now()
        return release_time(
            self.now(),
            urgent=broadcast.urgent,
            scheduled_for=parse_when(broadcast.scheduled_for),
            quiet=self.quiet_hours,
            tz=self.timezone,
        )

    async def run(self, broadcast_id: int) -> Report:
        """Send every pending row of the broadcast; resume where a previous run stopped.

        Waits while another engine holds the broadcast's lease; a broadcast already finished
        (by that engine, or before) is reported as it stands and nothing is sent.
        """
        broadcast = await self._db(store.get_broadcast, self.conn, broadcast_id)
        if broadcast is None or broadcast.state == "draft":
            raise store.BroadcastStateError(f"broadcast {broadcast_id} was never queued")
        if broadcast.state in store.UNFINISHED_STATES:
            await self._hold(broadcast)
            if await self._take_lease(broadcast_id):
                try:
                    return await self._deliver(broadcast)
                finally:
                    await self._db(store.release_lease, self.conn, broadcast_id, self.owner)
        final = await self._db(store.get_broadcast, self.conn, broadcast_id)
        report = Report(
            broadcast_id,
            final.state if final else "cancelled",
            await self._db(store.progress, self.conn, broadcast_id),
        )
        if self.progress is not None:
            self.progress(report.counts)
        return report

    async def _take_lease(self, broadcast_id: int) -> bool:
        """Take the lease, waiting while a live engine holds it; False if it finished meanwhile."""
        waited = False
        while not await self._db(
            store.take_lease,
            self.conn,
            broadcast_id,
            self.owner,
            self.lease_seconds,
            now=self.clock(),
        ):
            current = await self._db(store.get_broadcast, self.conn, broadcast_id)
            if current is None or current.state not in store.UNFINISHED_STATES:
                return False
            if not waited:
                logger.info("broadcast %d is being delivered by another process", broadcast_id)
                waited = True
            if self.progress is not None:
                self.progress(await self._db(store.progress, self.conn, broadcast_id))
            await asyncio.sleep(self.lease_poll)
        return True

    async def _keep_lease(self, broadcast_id: int) -> None:
        """Renew the lease every third of its length; raise LeaseLost once it is taken over."""
        while True:
            await asyncio.sleep(self.lease_seconds / 3)
            if not await self._db(
                store.renew_lease,
                self.conn,
                broadcast_id,
                self.owner,
                self.lease_seconds,
                now=self.clock(),
            ):
                raise store.LeaseLost(f"broadcast {broadcast_id} was taken over")

    async def _deliver(self, broadcast: store.Broadcast) -> Report:
        broadcast_id = broadcast.id
        interrupted = set(
            await self._db(store.start_sending, self.conn, broadcast_id, owner=self.owner)
        )
        if interrupted:
            logger.warning(
                "broadcast %d: resending %d message(s) interrupted mid-send",
                broadcast_id,
                len(interrupted),
            )
        self._texts = await self._db(store.texts, self.conn, broadcast_id)
        work = _Work()
        rows = await self._db(store.pending, self.conn, broadcast_id)
        # Interrupted rows go last: their first attempt may have reached the chat a moment ago.
        work.ready.extend(row for row in rows if row[0] not in interrupted)
        work.ready.extend(row for row in rows if row[0] in interrupted)
        work.outstanding = len(work.ready)
        report = Report(
            broadcast_id, "done", await self._db(store.progress, self.conn, broadcast_id)
        )
        report.interrupted = len(interrupted)
        started = clock.monotonic()
        reporter = asyncio.create_task(self._report_progress(broadcast_id))
        keeper = asyncio.create_task(self._keep_lease(broadcast_id))
        tasks = [
            asyncio.create_task(self._worker(broadcast, work, report))
            for _ in range(max(1, self.workers))
        ]
        workers = asyncio.gather(*tasks)
        either: set[asyncio.Future[Any]] = {workers, keeper}
        try:
            await asyncio.wait(either, return_when=asyncio.FIRST_COMPLETED)
            if keeper.done():
                keeper.result()  # raises LeaseLost: it is the only way it ends
            await workers
        except _Abort as exc:
            report.state = "aborted"
            report.error = str(exc)
        except store.LeaseLost as exc:
            report.state = "taken over"
            report.error = str(exc)
        finally:
            running: list[asyncio.Future[Any]] = [*tasks, workers, keeper, reporter]
            for task in running:
                task.cancel()
            await asyncio.gather(*running, return_exceptions=True)
        report.elapsed = clock.monotonic() - started
        if report.state == "done" and await self._db(store.is_cancelled, self.conn, broadcast_id):
            report.state = "cancelled"
        if report.state == "done":
            try:
                report.counts = await self._db(
                    store.finish, self.conn, broadcast_id, owner=self.owner
                )
                report.state = "done" if report.counts.complete else "incomplete"
            except store.LeaseLost as exc:
                report.state = "taken over"
                report.error = str(exc)
            except store.BroadcastStateError:  # cancelled after the workers' last look
                report.state = "cancelled"
        if report.state not in ("done", "incomplete"):
            report.counts = await self._db(store.progress, self.conn, broadcast_id)
        if self.progress is not None:
            self.progress(report.counts)
        logger.info(
            "broadcast %d %s: sent %d, blocked %d, failed %d, remaining %d",
            broadcast_id,
            report.state,
            report.counts.sent,
            report.counts.blocked,
            report.counts.failed,
            report.counts.remaining,
        )
        return report

    async def _hold(self, broadcast: store.Broadcast) -> None:
        release = self.release_time(broadcast)
        delay = (release - self.now()).total_seconds()
        if delay > 0:
            logger.info("broadcast %d held until %s", broadcast.id, release.isoformat())
            await asyncio.sleep(delay)

    async def _report_progress(self, broadcast_id: int) -> None:
        if self.progress is None:
            return
        while True:
            self.progress(await self._db(store.progress, self.conn, broadcast_id))
            await asyncio.sleep(self.progress_interval)

    async def _take(self, work: _Work) -> tuple[int, int] | None:
        loop = asyncio.get_running_loop()
        while True:
            if work.ready:
                return work.ready.popleft()
            if work.outstanding <= 0:
                return None
            now = loop.time()
            if work.delayed and work.delayed[0][0] <= now:
                _, chat_id, attempts = heapq.heappop(work.delayed)
                return chat_id, attempts
            work.changed.clear()
            timeout = work.delayed[0][0] - now if work.delayed else None
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(work.changed.wait(), timeout)

    def _requeue(self, work: _Work, chat_id: int, attempts: int, delay: float) -> None:
        if delay <= 0:
            work.ready.appendleft((chat_id, attempts))
        else:
            at = asyncio.get_running_loop().time() + delay
            heapq.heappush(work.delayed, (at, chat_id, attempts))
        work.changed.set()

    def _settle(self, work: _Work) -> None:
        work.outstanding -= 1
        work.changed.set()

    async def _worker(self, broadcast: store.Broadcast, work: _Work, report: Report) -> None:
        bid = broadcast.id
        while True:
            item = await self._take(work)
            if item is None:
                return
            chat_id, attempts = item
            if await self._db(store.is_cancelled, self.conn, bid):
                work.ready.clear()
                work.delayed.clear()
                work.outstanding = 0
                work.changed.set()
                return
            await self._wait_for_daytime(broadcast)
            await self.pacer.acquire(chat_id, Priority.BROADCAST)
            if not await self._db(store.mark_sending, self.conn, bid, chat_id, owner=self.owner):
                self._settle(work)  # erased by forget() or cancelled meanwhile
                continue
            attempts += 1
            # The text the outbox recorded for this recipient when the audience was queued.
            lang = await self._db(store.recipient_language, self.conn, bid, chat_id)
            own = self._texts.get(lang) or broadcast.text
            text, buttons = (
                await self._db(self.personalize, chat_id, own, lang)
                if self.personalize is not None
                else (own, ())
            )
            result = await self.sender.send(chat_id, text, paid=self.paid, buttons=buttons)
            await self._record(bid, chat_id, attempts, result, work, report)

    async def _wait_for_daytime(self, broadcast: store.Broadcast) -> None:
        if broadcast.urgent or self.quiet_hours is None:
            return
        now = self.now()
        end = quiet_end(now, self.quiet_hours, self.timezone)
        if end > now:
            logger.info("broadcast %d paused for quiet hours", broadcast.id)
            await asyncio.sleep((end - now).total_seconds())

    async def _record(
        self,
        bid: int,
        chat_id: int,
        attempts: int,
        result: SendResult,
        work: _Work,
        report: Report,
    ) -> None:
        async def mark(state: str, **details: Any) -> None:
            await self._db(
                store.mark_done, self.conn, bid, chat_id, state, owner=self.owner, **details
            )

        if result.kind == "ok":
            await mark("sent", message_id=result.message_id)
            self._delivered_any = True
            self._permanent_streak.clear()
            self._settle(work)
        elif result.kind == "blocked":
            await mark("blocked", error=result.error, extra=_unsubscriber(chat_id))
            self._settle(work)
        elif result.kind == "retry_after":
            seconds = result.seconds or 1.0
            report.rate_limited += 1
            self.pacer.pause(seconds)
            # Not the recipient's fault: this attempt does not count against max_attempts.
            await mark(
                "pending", error=f"retry after {seconds}s", extra=_uncount_attempt(bid, chat_id)
            )
            self._requeue(work, chat_id, attempts - 1, 0)
        elif result.kind == "transient" and attempts < self.max_attempts:
            report.retries += 1
            await mark("pending", error=result.error)
            delay = min(self.backoff_max, self.backoff_base * 2 ** (attempts - 1))
            self._requeue(work, chat_id, attempts, delay * random.uniform(0.8, 1.2))
        else:
            await mark("failed", error=result.error)
            self._settle(work)
            if result.kind == "permanent" and not self._delivered_any:
                self._permanent_streak.append(result.error or "")
                streak = self._permanent_streak[-ABORT_AFTER_PERMANENT:]
                if len(streak) == ABORT_AFTER_PERMANENT and len(set(streak)) == 1:
                    raise _Abort(f"every message failed with: {streak[0]}")


class _Abort(Exception):
    """The message cannot be delivered to anyone; stop and leave the rest pending."""


def _unsubscriber(chat_id: int) -> Callable[[sqlite3.Connection], None]:
    def unsubscribe(conn: sqlite3.Connection) -> None:
        conn.execute("DELETE FROM subscribers WHERE chat_id = ?", (chat_id,))

    return unsubscribe


def _uncount_attempt(broadcast_id: int, chat_id: int) -> Callable[[sqlite3.Connection], None]:
    def uncount(conn: sqlite3.Connection) -> None:
        conn.execute(
            "UPDATE outbox SET attempts = attempts - 1 WHERE broadcast_id = ? AND chat_id = ?",
            (broadcast_id, chat_id),
        )

    return uncount
