"""A fake Telegram Bot API server on 127.0.0.1 for tests and benchmarks.

python-telegram-bot runs against it unchanged::

    async with FakeBotAPI() as api:
        app = ApplicationBuilder().token(TOKEN).base_url(api.base_url).build()
        api.push_text(42, "/start town-cambridge")
        await api.wait_for("sendMessage")

PTB 22 sends every request as a POST with an ``application/x-www-form-urlencoded`` body (or
``multipart/form-data`` when it uploads a file). Each value is a string: ``str`` parameters as
they are, everything else JSON-encoded (``chat_id=42``, ``reply_markup={"inline_keyboard":...}``).
The server also accepts a JSON body and GET query strings, as Telegram does.

What is checked like Telegram: message text empty or over 4,096 characters, callback data over
64 bytes, unsupported or unbalanced HTML tags when ``parse_mode`` is HTML, editing a message to
the same text and markup ("message is not modified"), getUpdates while a webhook is set (409),
blocked chats (403, see :meth:`FakeBotAPI.block`). What is not: concurrent getUpdates conflicts,
entity parsing (text is echoed as sent). Files: sendPhoto and sendDocument take an upload
(a photo must be a PNG, JPEG or WebP within Telegram's size limits) or a ``file_id`` this server
gave out, anything else is "wrong file identifier"; the uploaded bytes are kept in ``uploads``
by file_id. Inline queries (:meth:`FakeBotAPI.push_inline_query`) are answered once, within
:data:`INLINE_QUERY_TTL` seconds, with valid article results (``inline_answers``).

Run standalone with ``python -m tests.fakebotapi --port 8081 [--rate 30]``; push updates there
with ``POST /fake/push_text`` and a JSON body ``{"chat_id": 1, "text": "hi"}``, or let the server
push streams of texts on its own clock with ``POST /fake/push_streams`` (see
:meth:`FakeBotAPI.push_stream`); ``GET /fake/pushes`` and ``/fake/calls`` return what happened,
each with its ``time.monotonic()`` on the server.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import html.parser
import io
import json
import math
import random
import socket
import threading
import time
from collections import Counter, defaultdict, deque
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, NamedTuple

from aiohttp import web

BOT_ID = 123456
BOT_USERNAME = "pause_test_bot"
BOT_FIRST_NAME = "Pause Test Bot"

MESSAGE_METHODS = ("sendMessage", "editMessageText")
FILE_METHODS = {"sendPhoto": "photo", "sendDocument": "document"}  # method -> its file parameter
MAX_CAPTION_CHARS = 1024
MAX_PHOTO_BYTES = 10 * 1024 * 1024  # Telegram's limit for an uploaded photo
MAX_PHOTO_SIDES = 10_000  # width + height of an uploaded photo, at most
PHOTO_SIZES = (90, 320, 800, 1280)  # the sizes Telegram keeps of a photo (longest side)
MAX_INLINE_RESULTS = 50
INLINE_QUERY_TTL = 10.0  # seconds Telegram waits for answerInlineQuery
FAULT_KINDS = ("429", "403", "400", "500", "502", "timeout", "reset")
MAX_TEXT_CHARS = 4096  # Telegram's limit for a message text after entity parsing
MAX_CALLBACK_BYTES = 64
# Update types Telegram delivers when allowed_updates is empty (all but these three).
_OPT_IN_UPDATES = frozenset({"chat_member", "message_reaction", "message_reaction_count"})
# Parameters that are plain strings; every other form value is JSON-decoded when it parses.
_STRING_PARAMS = frozenset(
    [
        "text",
        "caption",
        "parse_mode",
        "callback_query_id",
        "inline_message_id",
        "url",
        "secret_token",
        "ip_address",
        "language_code",
        "action",
        "description",
        "short_description",
        "name",
        "title",
        "query",
        "emoji",
        "question",
        "explanation",
        "payload",
        "business_connection_id",
        "message_effect_id",
        "inline_query_id",
        "switch_pm_text",
        "switch_pm_parameter",
        "next_offset",
        "photo",
        "document",
    ]
)
_HTML_TAGS = frozenset(
    [
        "b",
        "strong",
        "i",
        "em",
        "u",
        "ins",
        "s",
        "strike",
        "del",
        "span",
        "tg-spoiler",
        "a",
        "code",
        "pre",
        "blockquote",
        "tg-emoji",
    ]
)


class Pushed(NamedTuple):
    """One queued update: its id, the chat it came from (None: no chat), ``time.monotonic()``."""

    update_id: int
    chat_id: int | None
    at: float


class Call(NamedTuple):
    """One recorded request: method name, decoded parameters, ``time.monotonic()`` on arrival."""

    method: str
    params: dict[str, Any]
    at: float


@dataclass
class _Fault:
    method: str
    kind: str
    remaining: int
    chat_id: int | str | None
    retry_after: int
    delay: float | None
    description: str | None


class _ApiError(Exception):
    def __init__(self, code: int, description: str, retry_after: int | None = None) -> None:
        super().__init__(description)
        self.code = code
        self.description = description
        self.retry_after = retry_after


class FakeBotAPI:
    """A Bot API server that records calls, queues updates and injects faults.

    ``rate_limit=True`` enforces Telegram's flood limits on sendMessage/editMessageText: at most
    ``global_rate`` messages in any one-second window and one message per chat per
    ``per_chat_interval`` seconds. Both windows are shortened by ``tolerance`` seconds (50 ms by
    default) so that a sender pacing itself exactly at the limit is not punished for timer
    jitter and the time a request spends on the wire. Exceeding a limit returns 429 with
    ``retry_after``; ``stats["429"]`` counts every 429 and ``stats["rate_limited"]`` those.

    ``stats`` counts "calls", "updates_pushed", "sent" (successful sendMessage/editMessageText),
    each fault kind ("429", "403", "400", "500", "502", "timeout", "reset") and "rate_limited".

    ``latency`` delays every response (getUpdates excepted) like a round trip to Telegram.

    ``timeout_delay`` is how long a "timeout" fault holds the response: make it longer than the
    client's read timeout (PTB's default is 5 s).
    """

    def __init__(
        self,
        *,
        port: int = 0,
        token: str | None = None,
        rate_limit: bool = False,
        global_rate: float = 30.0,
        per_chat_interval: float = 1.0,
        tolerance: float = 0.05,
        timeout_delay: float = 10.0,
        check_html: bool = True,
        latency: float = 0.0,
    ) -> None:
        self.port = port
        self.token = token
        self.rate_limit = rate_limit
        self.global_rate = global_rate
        self.per_chat_interval = per_chat_interval
        self.tolerance = tolerance
        self.timeout_delay = timeout_delay
        self.check_html = check_html
        self.latency = latency

        self.calls: list[Call] = []
        self.pushes: list[Pushed] = []
        self.stats: Counter[str] = Counter()
        self.commands: dict[str, list[dict[str, Any]]] = {}
        self.webhook_url = ""

        self._cond = threading.Condition(threading.Lock())
        self._updates: list[dict[str, Any]] = []
        self._allowed_updates: frozenset[str] | None = None
        self._next_update_id = 1
        self._next_callback_id = 1
        # Keyed by chat_id as the client sent it (an int, or "@channel").
        self._message_ids: defaultdict[Any, int] = defaultdict(int)
        self._messages: dict[tuple[Any, Any], dict[str, Any]] = {}
        self._delivered: list[Call] = []
        self._delivered_files: list[Call] = []
        self.uploads: dict[str, bytes] = {}  # file_id -> the bytes uploaded with it
        self.inline_mode = True  # whether /setinline was done at BotFather
        self._inline_queries: dict[str, float] = {}  # id -> when it was pushed
        self.inline_answers: dict[str, dict[str, Any]] = {}  # id -> answerInlineQuery params
        self._next_file = 1
        self._bench_start = 0.0
        self._faults: list[_Fault] = []
        self._random_faults: dict[str, float] = {}
        self._random_methods: frozenset[str] = frozenset(MESSAGE_METHODS)
        self._random = random.Random(0)
        self._blocked: set[int | str] = set()
        self._recent_global: deque[float] = deque()
        self._last_per_chat: dict[int | str, float] = {}
        self._waiters: list[tuple[asyncio.AbstractEventLoop, asyncio.Event]] = []
        self._background: set[asyncio.Task[None]] = set()

        self._loop: asyncio.AbstractEventLoop | None = None
        self._runner: web.AppRunner | None = None
        self._update_event: asyncio.Event | None = None
        self._closing: asyncio.Event | None = None

    # -- lifecycle -------------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        """The value for ``ApplicationBuilder().base_url(...)``; PTB appends token and method."""
        return f"http://127.0.0.1:{self.port}/bot"

    async def start(self) -> None:
        """Bind 127.0.0.1 (port 0 picks a free port) and serve in the running loop."""
        self._loop = asyncio.get_running_loop()
        self._update_event = asyncio.Event()
        self._closing = asyncio.Event()
        app = web.Application(client_max_size=50 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        app.router.add_post("/fake/{action}", self._handle_control)
        app.router.add_get("/fake/{action}", self._handle_control)
        # handler_cancellation: a long poll whose client went away must not linger. A short
        # shutdown timeout: stop() wakes long polls, and held-back faults must not delay it.
        self._runner = web.AppRunner(
            app, access_log=None, handler_cancellation=True, shutdown_timeout=0.5
        )
        await self._runner.setup()
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.bind(("127.0.0.1", self.port))
            self.port = sock.getsockname()[1]
            await web.SockSite(self._runner, sock).start()
        except BaseException:
            sock.close()
            await self.stop()
            raise

    async def stop(self) -> None:
        """Wake pending long polls and delayed responses, then close the server."""
        if self._closing is not None:
            self._closing.set()
        for task in list(self._background):
            task.cancel()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> FakeBotAPI:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    @classmethod
    @contextlib.contextmanager
    def in_thread(cls, **kwargs: Any) -> Iterator[FakeBotAPI]:
        """Run a server in its own thread and event loop (for blocking tests and benchmarks)."""
        api = cls(**kwargs)
        loop = asyncio.new_event_loop()
        thread = threading.Thread(target=loop.run_forever, name="fakebotapi", daemon=True)
        thread.start()
        try:
            asyncio.run_coroutine_threadsafe(api.start(), loop).result(timeout=10)
            yield api
        finally:
            with contextlib.suppress(Exception):
                asyncio.run_coroutine_threadsafe(api.stop(), loop).result(timeout=10)
            loop.call_soon_threadsafe(loop.stop)
            thread.join(timeout=10)
            loop.close()

    # -- injecting updates (thread-safe) --------------------------------------------------

    def push_update(self, update: Mapping[str, Any]) -> int:
        """Queue a raw update; ``update_id`` is assigned unless given. Return the update id."""
        with self._cond:
            raw = dict(update)
            if "update_id" not in raw:
                raw["update_id"] = self._next_update_id
            self._next_update_id = max(self._next_update_id, raw["update_id"]) + 1
            self._updates.append(raw)
            self.pushes.append(Pushed(raw["update_id"], _update_chat(raw), time.monotonic()))
            self.stats["updates_pushed"] += 1
        self._in_loop(self._wake_pollers)
        return int(raw["update_id"])

    def push_text(
        self,
        chat_id: int,
        text: str,
        user_id: int | None = None,
        first_name: str = "Ana",
        language_code: str = "en",
    ) -> int:
        """Queue a text message from a user; a leading ``/command`` gets a bot_command entity."""
        message = self._user_message(chat_id, user_id, first_name, language_code)
        message["text"] = text
        if text.startswith("/"):
            command = text.split(maxsplit=1)[0]
            message["entities"] = [
                {"type": "bot_command", "offset": 0, "length": _utf16_len(command)}
            ]
        return self.push_update({"message": message})

    def push_callback(
        self,
        chat_id: int,
        data: str,
        message_id: int,
        user_id: int | None = None,
        first_name: str = "Ana",
        language_code: str = "en",
    ) -> str:
        """Queue a button press on ``message_id``; return the callback query id."""
        with self._cond:
            query_id = str(self._next_callback_id)
            self._next_callback_id += 1
            message = self._messages.get((chat_id, message_id)) or {
                **self._bot_message(chat_id, message_id),
                "text": "(a message with buttons)",
            }
        query = {
            "id": query_id,
            "from": _user(user_id if user_id is not None else chat_id, first_name, language_code),
            "message": message,
            "chat_instance": str(chat_id),
            "data": data,
        }
        self.push_update({"callback_query": query})
        return query_id

    def push_sticker(self, chat_id: int, user_id: int | None = None, emoji: str = "👍") -> int:
        """Queue a sticker message."""
        message = self._user_message(chat_id, user_id, "Ana")
        message["sticker"] = {
            "file_id": "sticker-file",
            "file_unique_id": "sticker-unique",
            "type": "regular",
            "width": 512,
            "height": 512,
            "is_animated": False,
            "is_video": False,
            "emoji": emoji,
        }
        return self.push_update({"message": message})

    def push_photo(
        self, chat_id: int, caption: str | None = None, user_id: int | None = None
    ) -> int:
        """Queue a photo message, with a caption if given."""
        message = self._user_message(chat_id, user_id, "Ana")
        message["photo"] = [
            {"file_id": "photo-small", "file_unique_id": "ps", "width": 90, "height": 90},
            {"file_id": "photo-large", "file_unique_id": "pl", "width": 800, "height": 800},
        ]
        if caption is not None:
            message["caption"] = caption
        return self.push_update({"message": message})

    def push_location(
        self,
        chat_id: int,
        latitude: float,
        longitude: float,
        user_id: int | None = None,
        live_period: int | None = None,
        edit_of: int | None = None,
    ) -> int:
        """Queue a shared location (the "📍 Share my location" button, or a pin dropped in
        the attachment menu); ``edit_of`` makes it a live location's later position."""
        message = self._user_message(chat_id, user_id, "Ana")
        message["location"] = {"latitude": latitude, "longitude": longitude}
        if live_period is not None:
            message["location"]["live_period"] = live_period
        if edit_of is not None:
            message["message_id"] = edit_of
            message["edit_date"] = message["date"]
            return self.push_update({"edited_message": message})
        return self.push_update({"message": message})

    def push_voice(self, chat_id: int, duration: int = 3, user_id: int | None = None) -> int:
        """Queue a voice message."""
        message = self._user_message(chat_id, user_id, "Ana")
        message["voice"] = {
            "file_id": "voice-file",
            "file_unique_id": "voice-unique",
            "duration": duration,
            "mime_type": "audio/ogg",
        }
        return self.push_update({"message": message})

    def push_edit(
        self, chat_id: int, message_id: int, text: str, user_id: int | None = None
    ) -> int:
        """Queue an ``edited_message``: the user changed the text of their message."""
        message = self._user_message(chat_id, user_id, "Ana")
        message["message_id"] = message_id
        message["edit_date"] = message["date"]
        message["text"] = text
        return self.push_update({"edited_message": message})

    def push_inline_query(
        self,
        user_id: int,
        query: str,
        language_code: str = "en",
        chat_type: str = "private",
        first_name: str = "Ana",
    ) -> str:
        """Queue an inline query ("@bot <query>" typed in a chat); return its id."""
        with self._cond:
            query_id = f"iq{self._next_callback_id}"
            self._next_callback_id += 1
            self._inline_queries[query_id] = time.monotonic()
        user = _user(user_id, first_name)
        user["language_code"] = language_code
        inline = {
            "id": query_id,
            "from": user,
            "query": query,
            "offset": "",
            "chat_type": chat_type,
        }
        self.push_update({"inline_query": inline})
        return query_id

    def push_channel_post(self, chat_id: int, text: str) -> int:
        """Queue a ``channel_post`` in a channel the bot administers (no sender user)."""
        with self._cond:
            self._message_ids[chat_id] += 1
            message_id = self._message_ids[chat_id]
        message = {
            "message_id": message_id,
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": "channel", "title": "Test channel"},
            "text": text,
        }
        return self.push_update({"channel_post": message})

    async def push_stream(
        self, chat_id: int, texts: list[str], every: float, count: int, delay: float = 0.0
    ) -> None:
        """Push ``count`` texts from ``chat_id``, one every ``every`` seconds on this server's
        clock (absolute times, so a late push does not shift the rest), after ``delay``."""
        start = time.monotonic() + delay
        for i in range(count):
            wait = start + i * every - time.monotonic()
            if wait > 0:
                await asyncio.sleep(wait)
            self.push_text(chat_id, texts[i % len(texts)])

    # -- faults (thread-safe) -------------------------------------------------------------

    def fail_next(
        self,
        method: str,
        kind: str,
        count: int = 1,
        chat_id: int | str | None = None,
        retry_after: int = 1,
        *,
        delay: float | None = None,
        description: str | None = None,
    ) -> None:
        """Make the next ``count`` calls of ``method`` (``"*"`` for any) fail with ``kind``.

        Kinds: "429" (flood, ``retry_after``), "403" (blocked by the user), "400", "500",
        "502" (an HTML error page from a proxy, not JSON), "timeout" (hold the response
        ``delay`` or ``timeout_delay`` seconds, then answer 504; nothing is delivered), "reset"
        (close the connection without a response). With
        ``chat_id`` only calls to that chat count.
        """
        if kind not in FAULT_KINDS:
            raise ValueError(f"unknown fault kind {kind!r}; expected one of {FAULT_KINDS}")
        with self._cond:
            self._faults.append(
                _Fault(method, kind, count, chat_id, retry_after, delay, description)
            )

    def random_faults(
        self,
        probabilities: Mapping[str, float],
        seed: int = 0,
        methods: tuple[str, ...] = MESSAGE_METHODS,
    ) -> None:
        """Fail calls of ``methods`` at random, e.g. ``{"429": 0.05, "reset": 0.01}``."""
        unknown = set(probabilities) - set(FAULT_KINDS)
        if unknown:
            raise ValueError(f"unknown fault kinds {sorted(unknown)}")
        if sum(probabilities.values()) > 1:
            raise ValueError("fault probabilities add up to more than 1")
        with self._cond:
            self._random_faults = dict(probabilities)
            self._random_methods = frozenset(methods)
            self._random = random.Random(seed)

    def clear_faults(self) -> None:
        """Drop scripted and random faults."""
        with self._cond:
            self._faults.clear()
            self._random_faults = {}

    def block(self, chat_id: int | str) -> None:
        """Answer every later message to ``chat_id`` with 403, like a user who blocked the bot."""
        with self._cond:
            self._blocked.add(chat_id)

    # -- inspection (thread-safe) ---------------------------------------------------------

    def calls_of(self, method: str) -> list[Call]:
        """Return the recorded calls of one method, faulted ones included."""
        with self._cond:
            return [call for call in self.calls if call.method == method]

    def sent(self, chat_id: int | str | None = None) -> list[Call]:
        """Return the sendMessage/editMessageText calls that succeeded, optionally for one chat."""
        with self._cond:
            return [
                call
                for call in self._delivered
                if chat_id is None or _same_chat(call.params.get("chat_id"), chat_id)
            ]

    def files_sent(self, chat_id: int | str | None = None) -> list[Call]:
        """Return the sendPhoto/sendDocument calls that succeeded, optionally for one chat."""
        with self._cond:
            return [
                call
                for call in self._delivered_files
                if chat_id is None or _same_chat(call.params.get("chat_id"), chat_id)
            ]

    def texts(self, chat_id: int | str | None = None) -> list[str]:
        """Return the texts of :meth:`sent`."""
        return [str(call.params.get("text", "")) for call in self.sent(chat_id)]

    def last_message(self, chat_id: int | str) -> dict[str, Any] | None:
        """Return the bot's latest message in a chat as Telegram returned it (for callbacks)."""
        with self._cond:
            keys = [key for key in self._messages if key[0] == chat_id]
            return dict(self._messages[max(keys, key=lambda k: k[1])]) if keys else None

    def pending_updates(self) -> int:
        """Return how many queued updates the bot has not confirmed yet."""
        with self._cond:
            return len(self._updates)

    async def wait_for(
        self,
        method: str,
        predicate: Callable[[dict[str, Any]], bool] | None = None,
        count: int = 1,
        timeout: float = 5.0,  # noqa: ASYNC109 (the brief's signature; asyncio.timeout inside)
    ) -> list[Call]:
        """Wait until ``count`` calls of ``method`` whose params match were recorded; return them.

        Works from any event loop (the server's or another thread's). Faulted calls count.
        Raises ``TimeoutError`` naming what was recorded instead.
        """
        event = asyncio.Event()
        waiter = (asyncio.get_running_loop(), event)
        with self._cond:
            self._waiters.append(waiter)
        found: list[Call] = []
        scanned = 0
        try:
            deadline = time.monotonic() + timeout
            while True:
                event.clear()
                with self._cond:
                    new = self.calls[scanned:]
                    scanned = len(self.calls)
                found += [c for c in new if _matches(c, method, predicate)]
                if len(found) >= count:
                    return found[:count]
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise TimeoutError(self._timeout_message(method, count, len(found)))
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(event.wait(), remaining)
        finally:
            with self._cond:
                self._waiters.remove(waiter)

    def wait_for_blocking(
        self,
        method: str,
        predicate: Callable[[dict[str, Any]], bool] | None = None,
        count: int = 1,
        timeout: float = 5.0,
    ) -> list[Call]:
        """Like :meth:`wait_for`, for a plain thread (with :meth:`in_thread`)."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                found = [c for c in self.calls if _matches(c, method, predicate)]
                if len(found) >= count:
                    return found[:count]
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise TimeoutError(self._timeout_message(method, count, len(found)))
                self._cond.wait(remaining)

    def _timeout_message(self, method: str, count: int, found: int) -> str:
        seen = Counter(call.method for call in self.calls)
        return f"waited for {count} {method} call(s), got {found}; recorded: {dict(seen)}"

    # -- HTTP ------------------------------------------------------------------------------

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        method = request.match_info["method"]
        if self.token is not None and request.match_info["token"] != self.token:
            return _error(401, "Unauthorized")
        params, files = await _read_params(request)
        call = Call(method, params, time.monotonic())
        with self._cond:
            self.calls.append(call)
            self.stats["calls"] += 1
            fault = self._take_fault(method, params)
            self._cond.notify_all()
            waiters = list(self._waiters)
        for loop, event in waiters:
            _set_event(loop, event)

        if fault is not None:
            return await self._apply_fault(request, fault)
        if self.latency and method.lower() != "getupdates":
            await asyncio.sleep(self.latency)
        try:
            if method.lower() == "getupdates":
                result = await self._get_updates(params)
            else:
                result = self._dispatch(method, params, call, files)
        except _ApiError as exc:
            if exc.code == 429:
                self.stats["429"] += 1
            return _error(exc.code, exc.description, exc.retry_after)
        return web.json_response({"ok": True, "result": result})

    async def _handle_control(self, request: web.Request) -> web.Response:
        action = request.match_info["action"]
        body: dict[str, Any] = await request.json() if request.can_read_body else {}
        if action == "push_text":
            return web.json_response({"update_id": self.push_text(**body)})
        if action == "push_callback":
            return web.json_response({"callback_query_id": self.push_callback(**body)})
        if action == "push_update":
            return web.json_response({"update_id": self.push_update(body)})
        if action == "calls":
            with self._cond:
                calls = [c._asdict() for c in self.calls]
            return web.json_response(calls)
        if action == "sent":
            with self._cond:
                sent = [c._asdict() for c in self._delivered]
            return web.json_response(sent)
        if action == "stats":
            return web.json_response(dict(self.stats))
        if action == "push_many":
            # For benchmarks with the server in another process: queue n texts at once and
            # remember when, so "throughput" can time the replies on this server's clock.
            texts, chats, first = body["texts"], int(body["chats"]), int(body["first_chat"])
            self._bench_start = time.monotonic()
            for i in range(int(body["n"])):
                self.push_text(first + i % chats, texts[i % len(texts)])
            return web.json_response({"pushed": int(body["n"])})
        if action == "push_streams":
            # For benchmarks: let this server generate the traffic on its own clock.
            assert self._loop is not None
            for stream in body["streams"]:
                task = self._loop.create_task(self.push_stream(**stream))
                self._background.add(task)
                task.add_done_callback(self._background.discard)
            return web.json_response({"streams": len(body["streams"])})
        if action == "pushes":
            with self._cond:
                pushes = [p._asdict() for p in self.pushes]
            return web.json_response(pushes)
        if action == "throughput":
            n = int(request.query["n"])
            with self._cond:
                done = len(self._delivered) >= n
                last = self._delivered[n - 1].at if done else None
            elapsed = last - self._bench_start if last is not None else None
            return web.json_response({"sent": self.stats["sent"], "elapsed": elapsed})
        raise web.HTTPNotFound()

    def _take_fault(self, method: str, params: dict[str, Any]) -> _Fault | None:
        for fault in self._faults:
            if fault.method not in ("*", method):
                continue
            if fault.chat_id is not None and not _same_chat(params.get("chat_id"), fault.chat_id):
                continue
            fault.remaining -= 1
            if fault.remaining <= 0:
                self._faults.remove(fault)
            return fault
        if self._random_faults and method in self._random_methods:
            roll = self._random.random()
            for kind, probability in self._random_faults.items():
                if roll < probability:
                    return _Fault(method, kind, 1, None, 1, None, None)
                roll -= probability
        return None

    async def _apply_fault(self, request: web.Request, fault: _Fault) -> web.StreamResponse:
        self.stats[fault.kind] += 1
        if fault.kind == "429":
            return _error(
                429, f"Too Many Requests: retry after {fault.retry_after}", fault.retry_after
            )
        if fault.kind == "403":
            return _error(403, fault.description or "Forbidden: bot was blocked by the user")
        if fault.kind == "400":
            return _error(400, fault.description or "Bad Request: chat not found")
        if fault.kind == "500":
            return _error(500, fault.description or "Internal Server Error")
        if fault.kind == "502":
            # What a proxy in front of Telegram answers: an HTML page, not JSON.
            page = "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>"
            return web.Response(status=502, text=page, content_type="text/html")
        if fault.kind == "timeout":
            assert self._closing is not None
            delay = self.timeout_delay if fault.delay is None else fault.delay
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._closing.wait(), delay)
            return _error(504, "Gateway Timeout")
        # "reset": drop the connection; the client sees it closed with no response.
        if request.transport is not None:
            request.transport.abort()
        raise asyncio.CancelledError

    # -- methods ---------------------------------------------------------------------------

    async def _get_updates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        assert self._update_event is not None and self._closing is not None
        timeout = float(params.get("timeout") or 0)
        limit = min(max(int(params.get("limit") or 100), 1), 100)
        offset = params.get("offset")
        deadline = time.monotonic() + timeout
        with self._cond:
            if self.webhook_url:
                raise _ApiError(
                    409, "Conflict: can't use getUpdates method while webhook is active"
                )
            if "allowed_updates" in params:
                allowed = params["allowed_updates"] or []
                self._allowed_updates = frozenset(allowed) if allowed else None
        while True:
            event = self._update_event
            with self._cond:
                if offset is not None:
                    offset = int(offset)
                    if offset < 0:
                        self._updates = self._updates[offset:]
                    else:
                        self._updates = [u for u in self._updates if u["update_id"] >= offset]
                self._updates = [u for u in self._updates if self._is_allowed(u)]
                if self._updates:
                    return self._updates[:limit]
            remaining = deadline - time.monotonic()
            if remaining <= 0 or self._closing.is_set():
                return []
            waits = {
                asyncio.ensure_future(event.wait()),
                asyncio.ensure_future(self._closing.wait()),
            }
            try:
                await asyncio.wait(waits, timeout=remaining, return_when=asyncio.FIRST_COMPLETED)
            finally:
                for task in waits:
                    task.cancel()

    def _is_allowed(self, update: dict[str, Any]) -> bool:
        kinds = set(update) - {"update_id"}
        if self._allowed_updates is None:
            return not kinds <= _OPT_IN_UPDATES or not kinds
        return bool(kinds & self._allowed_updates)

    def _wake_pollers(self) -> None:
        if self._update_event is not None:
            self._update_event.set()
            self._update_event = asyncio.Event()

    def _dispatch(
        self, method: str, params: dict[str, Any], call: Call, files: dict[str, bytes]
    ) -> Any:
        with self._cond:
            if method == "getMe":
                return _bot_user(full=True, inline=self.inline_mode)
            if method in FILE_METHODS:
                result = self._file_method(method, params, files)
                self._delivered_files.append(call)
                return result
            if method == "answerInlineQuery":
                return self._answer_inline_query(params)
            if method in MESSAGE_METHODS:
                result = self._message_method(method, params)
                self._delivered.append(call)
                self.stats["sent"] += 1
                return result
            if method == "editMessageReplyMarkup":
                return self._edit(params, text=None)
            if method == "deleteMessage":
                self._messages.pop((params.get("chat_id"), params.get("message_id")), None)
                return True
            if method == "setMyCommands":
                self.commands[_commands_key(params)] = list(params.get("commands") or [])
                return True
            if method == "getMyCommands":
                return self.commands.get(_commands_key(params), [])
            if method == "deleteMyCommands":
                self.commands.pop(_commands_key(params), None)
                return True
            if method == "setWebhook":
                self.webhook_url = str(params.get("url") or "")
                if params.get("drop_pending_updates"):
                    self._updates.clear()
                return True
            if method == "deleteWebhook":
                self.webhook_url = ""
                if params.get("drop_pending_updates"):
                    self._updates.clear()
                return True
            if method == "getWebhookInfo":
                return {
                    "url": self.webhook_url,
                    "has_custom_certificate": False,
                    "pending_update_count": len(self._updates),
                }
            # answerCallbackQuery, sendChatAction, close, logOut and anything unknown.
            return True

    def _message_method(self, method: str, params: dict[str, Any]) -> Any:
        chat_id = params.get("chat_id")
        text = params.get("text")
        if chat_id is None and method == "sendMessage":
            raise _ApiError(400, "Bad Request: chat_id is empty")
        if chat_id in self._blocked:
            raise _ApiError(403, "Forbidden: bot was blocked by the user")
        if not isinstance(text, str) or not text.strip():
            raise _ApiError(400, "Bad Request: message text is empty")
        if len(text) > MAX_TEXT_CHARS:
            raise _ApiError(400, "Bad Request: message is too long")
        _check_markup(params.get("reply_markup"), edit=method != "sendMessage")
        if self.check_html and str(params.get("parse_mode", "")).upper() == "HTML":
            _check_html(text)
        if self.rate_limit and chat_id is not None:
            self._enforce_rate(chat_id)
        if method == "editMessageText":
            return self._edit(params, text=text)
        self._message_ids[chat_id] += 1
        message = self._bot_message(chat_id, self._message_ids[chat_id])
        message["text"] = text
        for key in ("entities", "reply_markup", "link_preview_options"):
            if params.get(key) is not None:
                message[key] = params[key]
        if "inline_keyboard" not in message.get("reply_markup", {"inline_keyboard": []}):
            del message["reply_markup"]  # a message carries inline keyboards only
        self._messages[(chat_id, message["message_id"])] = message
        return message

    def _file_method(self, method: str, params: dict[str, Any], files: dict[str, bytes]) -> Any:
        """sendPhoto and sendDocument: an upload, or a file_id this server gave out."""
        name = FILE_METHODS[method]
        chat_id = params.get("chat_id")
        if chat_id is None:
            raise _ApiError(400, "Bad Request: chat_id is empty")
        if chat_id in self._blocked:
            raise _ApiError(403, "Forbidden: bot was blocked by the user")
        caption = params.get("caption")
        if caption is not None:
            if len(str(caption)) > MAX_CAPTION_CHARS:
                raise _ApiError(400, "Bad Request: message caption is too long")
            if self.check_html and str(params.get("parse_mode", "")).upper() == "HTML":
                _check_html(str(caption))
        _check_markup(params.get("reply_markup"))
        value = params.get(name)
        if name in files:
            data = files[name]
            if not data:
                raise _ApiError(400, "Bad Request: file must be non-empty")
            width, height = _image_size(data) if name == "photo" else (0, 0)
            if name == "photo" and (width == 0 or len(data) > MAX_PHOTO_BYTES):
                raise _ApiError(400, "Bad Request: IMAGE_PROCESS_FAILED")
            if name == "photo" and width + height > MAX_PHOTO_SIDES:
                raise _ApiError(400, "Bad Request: PHOTO_INVALID_DIMENSIONS")
            filename = str(value.get("filename") or "file") if isinstance(value, dict) else "file"
        elif isinstance(value, str) and value in self.uploads:
            data = self.uploads[value]
            width, height = _image_size(data) if name == "photo" else (0, 0)
            filename = "file"
        else:
            raise _ApiError(400, "Bad Request: wrong file identifier/HTTP URL specified")
        if self.rate_limit:
            self._enforce_rate(chat_id)
        self._message_ids[chat_id] += 1
        message = self._bot_message(chat_id, self._message_ids[chat_id])
        if caption is not None:
            message["caption"] = caption
        if params.get("reply_markup") is not None:
            message["reply_markup"] = params["reply_markup"]
        if name == "photo":
            message["photo"] = [
                self._file(data, {"width": w, "height": h}) for w, h in _photo_sizes(width, height)
            ]
        else:
            message["document"] = self._file(data, {"file_name": filename})
        self._messages[(chat_id, message["message_id"])] = message
        return message

    def _file(self, data: bytes, extra: dict[str, Any]) -> dict[str, Any]:
        file_id = f"file-{self._next_file}"
        self._next_file += 1
        self.uploads[file_id] = data
        return {
            "file_id": file_id,
            "file_unique_id": f"u{file_id}",
            "file_size": len(data),
            **extra,
        }

    def _answer_inline_query(self, params: dict[str, Any]) -> bool:
        """answerInlineQuery, checked as Telegram does: once per live query, valid results."""
        query_id = str(params.get("inline_query_id") or "")
        pushed = self._inline_queries.pop(query_id, None)
        if pushed is None or time.monotonic() - pushed > INLINE_QUERY_TTL:
            raise _ApiError(
                400,
                "Bad Request: query is too old and response timeout expired or query ID is "
                "invalid",
            )
        results = params.get("results")
        if not isinstance(results, list):
            raise _ApiError(400, "Bad Request: can't parse inline query results JSON object")
        if len(results) > MAX_INLINE_RESULTS:
            raise _ApiError(400, "Bad Request: RESULTS_TOO_MUCH")
        seen: set[str] = set()
        for result in results:
            _check_inline_result(result, self.check_html)
            if result["id"] in seen:
                raise _ApiError(400, "Bad Request: RESULT_ID_DUPLICATE")
            seen.add(result["id"])
        self.inline_answers[query_id] = params
        return True

    def _edit(self, params: dict[str, Any], text: str | None) -> Any:
        if params.get("inline_message_id"):
            return True
        key = (params.get("chat_id"), params.get("message_id"))
        if key[0] is None or key[1] is None:
            raise _ApiError(400, "Bad Request: message to edit not found")
        old = self._messages.get(key)
        markup = params.get("reply_markup")
        unchanged = old is not None and old.get("text") == (text or old.get("text"))
        if unchanged and old is not None and old.get("reply_markup") == markup:
            raise _ApiError(
                400,
                "Bad Request: message is not modified: specified new message content and "
                "reply markup are exactly the same as a current content and reply markup "
                "of the message",
            )
        message = dict(old) if old is not None else self._bot_message(key[0], int(key[1]))
        message["edit_date"] = int(time.time())
        if text is not None:
            message["text"] = text
            message.pop("entities", None)
            if params.get("entities") is not None:
                message["entities"] = params["entities"]
        message.setdefault("text", "")
        if markup is not None:
            message["reply_markup"] = markup
        else:
            message.pop("reply_markup", None)
        self._messages[key] = message
        return message

    def _enforce_rate(self, chat_id: int | str) -> None:
        now = time.monotonic()
        window = 1.0 - self.tolerance
        recent = self._recent_global
        while recent and recent[0] <= now - window:
            recent.popleft()
        last = self._last_per_chat.get(chat_id)
        wait = 0.0
        if len(recent) >= self.global_rate:
            wait = recent[0] + window - now
        if last is not None and now - last < self.per_chat_interval - self.tolerance:
            wait = max(wait, last + self.per_chat_interval - self.tolerance - now)
        if wait > 0:
            self.stats["rate_limited"] += 1
            retry_after = max(1, math.ceil(wait))
            raise _ApiError(429, f"Too Many Requests: retry after {retry_after}", retry_after)
        recent.append(now)
        self._last_per_chat[chat_id] = now

    # -- helpers ---------------------------------------------------------------------------

    def _in_loop(self, callback: Callable[[], None]) -> None:
        loop = self._loop
        if loop is None or loop.is_closed():
            return
        if _running_loop() is loop:
            callback()
        else:
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(callback)

    def _user_message(
        self, chat_id: int, user_id: int | None, first_name: str, language_code: str = "en"
    ) -> dict[str, Any]:
        with self._cond:
            self._message_ids[chat_id] += 1
            message_id = self._message_ids[chat_id]
        return {
            "message_id": message_id,
            "date": int(time.time()),
            "chat": _chat(chat_id, first_name),
            "from": _user(user_id if user_id is not None else chat_id, first_name, language_code),
        }

    def _bot_message(self, chat_id: Any, message_id: int) -> dict[str, Any]:
        return {
            "message_id": message_id,
            "date": int(time.time()),
            "chat": _chat(chat_id, "Ana"),
            "from": _bot_user(),
        }


def _matches(call: Call, method: str, predicate: Callable[[dict[str, Any]], bool] | None) -> bool:
    return call.method == method and (predicate is None or predicate(call.params))


def _update_chat(update: Mapping[str, Any]) -> int | None:
    for key in ("message", "edited_message", "channel_post", "edited_channel_post"):
        if isinstance(update.get(key), dict):
            chat_id = update[key].get("chat", {}).get("id")
            return chat_id if isinstance(chat_id, int) else None
    query = update.get("callback_query")
    if isinstance(query, dict) and isinstance(query.get("message"), dict):
        chat_id = query["message"].get("chat", {}).get("id")
        return chat_id if isinstance(chat_id, int) else None
    return None


def _user(user_id: int, first_name: str, language_code: str = "en") -> dict[str, Any]:
    return {
        "id": user_id,
        "is_bot": False,
        "first_name": first_name,
        "language_code": language_code,
    }


def _bot_user(full: bool = False, inline: bool = False) -> dict[str, Any]:
    user: dict[str, Any] = {
        "id": BOT_ID,
        "is_bot": True,
        "first_name": BOT_FIRST_NAME,
        "username": BOT_USERNAME,
    }
    if full:
        user.update(
            can_join_groups=True,
            can_read_all_group_messages=False,
            supports_inline_queries=inline,
        )
    return user


def _chat(chat_id: int | str, first_name: str) -> dict[str, Any]:
    if isinstance(chat_id, int) and chat_id < 0:
        return {"id": chat_id, "type": "group", "title": "Test group"}
    if isinstance(chat_id, str):
        return {"id": -1000000000001, "type": "channel", "title": chat_id}
    return {"id": chat_id, "type": "private", "first_name": first_name}


def _same_chat(value: Any, chat_id: int | str) -> bool:
    return value == chat_id or str(value) == str(chat_id)


def _commands_key(params: dict[str, Any]) -> str:
    scope = params.get("scope") or {"type": "default"}
    return json.dumps([scope, params.get("language_code") or ""], sort_keys=True)


def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _set_event(loop: asyncio.AbstractEventLoop, event: asyncio.Event) -> None:
    if _running_loop() is loop:
        event.set()
    else:
        with contextlib.suppress(RuntimeError):  # the waiter's loop has closed
            loop.call_soon_threadsafe(event.set)


def _running_loop() -> asyncio.AbstractEventLoop | None:
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None


def _error(code: int, description: str, retry_after: int | None = None) -> web.Response:
    body: dict[str, Any] = {"ok": False, "error_code": code, "description": description}
    if retry_after is not None:
        body["parameters"] = {"retry_after": retry_after}
    return web.json_response(body, status=code)


async def _read_params(request: web.Request) -> tuple[dict[str, Any], dict[str, bytes]]:
    """The request's parameters, and the bytes of each uploaded file by its field name.

    An uploaded file's parameter reads ``{"filename": ..., "size": ...}``; a parameter that
    refers to an upload as ``attach://<field>`` (as PTB sends files) reads the same.
    """
    raw: dict[str, Any] = dict(request.query)
    files: dict[str, bytes] = {}
    if request.method == "POST" and request.can_read_body:
        if request.content_type == "application/json":
            body = await request.json()
            if isinstance(body, dict):
                return {**raw, **body}, files
        else:
            for name, value in (await request.post()).items():
                if isinstance(value, web.FileField):
                    data = value.file.read()
                    files[name] = data
                    raw[name] = {"filename": value.filename, "size": len(data)}
                else:
                    raw[name] = value
    params = {name: _decode(name, value) for name, value in raw.items()}
    for name, value in list(params.items()):
        if isinstance(value, str) and value.startswith("attach://"):
            field = value.removeprefix("attach://")
            if field in files:
                files[name] = files[field]
                params[name] = params[field]
    return params, files


def _decode(name: str, value: Any) -> Any:
    if not isinstance(value, str) or name in _STRING_PARAMS:
        return value
    try:
        return json.loads(value)
    except ValueError:
        return value


def _check_markup(markup: Any, edit: bool = False) -> None:
    if isinstance(markup, str):
        markup = json.loads(markup)
    if not isinstance(markup, dict):
        return
    if "keyboard" in markup:
        # A reply keyboard: only on a new message (an edit takes inline keyboards only).
        if edit:
            raise _ApiError(400, "Bad Request: inline keyboard expected")
        rows = markup["keyboard"]
        if not rows or not all(rows) or not all(b.get("text") for r in rows for b in r):
            raise _ApiError(400, "Bad Request: keyboard button text is empty")
    for row in markup.get("inline_keyboard", []):
        for button in row:
            data = button.get("callback_data")
            if data is not None and len(str(data).encode()) > MAX_CALLBACK_BYTES:
                raise _ApiError(400, "Bad Request: BUTTON_DATA_INVALID")


def _image_size(data: bytes) -> tuple[int, int]:
    """(width, height) of a PNG or JPEG, or (0, 0) when it is neither."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.format not in {"PNG", "JPEG", "WEBP"}:
                return 0, 0
            return image.size
    except (UnidentifiedImageError, OSError):
        return 0, 0


def _photo_sizes(width: int, height: int) -> list[tuple[int, int]]:
    """The sizes Telegram keeps of a photo, largest last (never larger than the upload)."""
    longest = max(width, height, 1)
    sizes = []
    for side in PHOTO_SIZES:
        scale = min(1.0, side / longest)
        size = (max(1, round(width * scale)), max(1, round(height * scale)))
        if size not in sizes:
            sizes.append(size)
    return sizes


def _check_inline_result(result: Any, check_html: bool) -> None:
    if not isinstance(result, dict) or not isinstance(result.get("id"), str):
        raise _ApiError(400, "Bad Request: RESULT_ID_INVALID")
    if not 1 <= len(result["id"].encode()) <= 64:
        raise _ApiError(400, "Bad Request: RESULT_ID_INVALID")
    if result.get("type") != "article":
        raise _ApiError(400, "Bad Request: RESULT_TYPE_INVALID")  # the fake knows articles only
    if not str(result.get("title") or "").strip():
        raise _ApiError(400, "Bad Request: RESULT_TITLE_EMPTY")
    content = result.get("input_message_content")
    if not isinstance(content, dict):
        raise _ApiError(400, "Bad Request: MESSAGE_EMPTY")
    text = content.get("message_text")
    if not isinstance(text, str) or not text.strip():
        raise _ApiError(400, "Bad Request: MESSAGE_EMPTY")
    if len(text) > MAX_TEXT_CHARS:
        raise _ApiError(400, "Bad Request: MESSAGE_TOO_LONG")
    if check_html and str(content.get("parse_mode", "")).upper() == "HTML":
        _check_html(text)
    markup = result.get("reply_markup")
    _check_markup(markup)
    for row in (markup or {}).get("inline_keyboard", []):
        for button in row:
            url = button.get("url")
            if url is not None and not str(url).startswith(("https://", "http://", "tg://")):
                raise _ApiError(400, "Bad Request: BUTTON_URL_INVALID")
            if "callback_data" in button and "url" in button:
                raise _ApiError(400, "Bad Request: BUTTON_TYPE_INVALID")


class _HtmlChecker(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.problem: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _HTML_TAGS:
            self.problem = self.problem or f'Unsupported start tag "{tag}"'
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.problem = self.problem or f'Unexpected end tag "{tag}"'
        else:
            self.stack.pop()


def _check_html(text: str) -> None:
    checker = _HtmlChecker()
    checker.feed(text)
    checker.close()
    if checker.problem is None and checker.stack:
        checker.problem = f'Can\'t find end tag corresponding to start tag "{checker.stack[-1]}"'
    if checker.problem is not None:
        raise _ApiError(400, f"Bad Request: can't parse entities: {checker.problem}")


async def _serve(port: int, rate: float | None, latency: float = 0.0) -> None:
    api = FakeBotAPI(
        port=port, rate_limit=rate is not None, global_rate=rate or 30.0, latency=latency
    )
    async with api:
        print(f"fake Bot API at {api.base_url} (TELEGRAM_API_BASE_URL); Ctrl-C stops", flush=True)
        await asyncio.Event().wait()


def main(argv: list[str] | None = None) -> None:
    """Run the fake server until interrupted."""
    parser = argparse.ArgumentParser(prog="python -m tests.fakebotapi", description=__doc__)
    parser.add_argument("--port", type=int, default=8081)
    parser.add_argument("--rate", type=float, default=None, help="enforce N messages/second")
    parser.add_argument("--latency", type=float, default=0.0, help="seconds added per response")
    args = parser.parse_args(argv)
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(_serve(args.port, args.rate, args.latency))


if __name__ == "__main__":
    main()
