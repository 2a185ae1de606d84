"""Processes for the end-to-end benchmarks: the fake Bot API and the bot, each in its own process.

The bot runs as ``python -m bot`` from a source tree: this checkout, or another commit exported
with ``git archive`` (the baseline a benchmark compares against in the same run). The fake Bot
API (tests/fakebotapi.py) always comes from this checkout, so both bots face the same server.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
TOKEN = "123456:BENCH-TOKEN"


def merge_base() -> str:
    """The commit this branch started from (the default baseline)."""
    out = subprocess.run(
        ["git", "merge-base", "HEAD", "main"], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return out.stdout.strip()


@contextmanager
def source_tree(ref: str | None) -> Iterator[Path]:
    """This checkout (``ref`` None), or ``ref`` exported into a temporary folder."""
    if ref is None:
        yield ROOT
        return
    with tempfile.TemporaryDirectory(prefix="bench-tree-") as tmp:
        archive = subprocess.run(
            ["git", "archive", "--format=tar", ref], cwd=ROOT, capture_output=True, check=True
        )
        subprocess.run(["tar", "-x", "-C", tmp], input=archive.stdout, check=True)
        yield Path(tmp)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def fake_server(rate: float | None = None, latency: float = 0.0) -> Iterator[str]:
    """Run the fake Bot API in a child process; yield its control URL (``.../fake``)."""
    port = free_port()
    command = [sys.executable, "-m", "tests.fakebotapi", "--port", str(port)]
    command += ["--latency", str(latency)]
    if rate is not None:
        command += ["--rate", str(rate)]
    child = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL)
    try:
        control = f"http://127.0.0.1:{port}/fake"
        deadline = time.monotonic() + 20
        while True:
            try:
                httpx.get(f"{control}/stats", timeout=1)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
        yield control
    finally:
        stop(child)


def api_base_url(control: str) -> str:
    return control.removesuffix("/fake") + "/bot"


@contextmanager
def bot_process(
    tree: Path, control: str, workdir: Path, env: Mapping[str, str] | None = None
) -> Iterator[subprocess.Popen[bytes]]:
    """Build the knowledge, then run ``python -m bot`` from ``tree`` until it long-polls."""
    environ = {
        k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "BOT_", "FLOOD_"))
    }
    environ.update(
        PYTHONPATH=str(tree),
        PTB_TIMEDELTA="true",
        TELEGRAM_BOT_TOKEN=TOKEN,
        TELEGRAM_API_BASE_URL=api_base_url(control),
        BOT_DB_PATH=str(workdir / "bot.sqlite3"),
        KNOWLEDGE_DIR=str(tree / "knowledge"),
        LOG_LEVEL="WARNING",
    )
    environ.update(env or {})
    subprocess.run(
        [sys.executable, "-m", "bot", "kb", "build"],
        cwd=workdir,
        env=environ,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    log = (workdir / "bot.log").open("wb")
    child = subprocess.Popen(
        [sys.executable, "-m", "bot"], cwd=workdir, env=environ, stdout=log, stderr=log
    )
    try:
        deadline = time.monotonic() + 60
        while not any(call["method"] == "getUpdates" for call in get(control, "calls")):
            if child.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"the bot did not start: {(workdir / 'bot.log').read_text()}")
            time.sleep(0.1)
        yield child
    finally:
        stop(child)
        log.close()


def stop(child: subprocess.Popen[Any], grace: float = 5.0) -> None:
    """Ask a child to stop (SIGINT, as Ctrl-C), kill it after ``grace`` seconds."""
    if child.poll() is None:
        child.send_signal(signal.SIGINT)
        try:
            child.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait(timeout=10)


def get(control: str, action: str, **params: Any) -> Any:
    return httpx.get(f"{control}/{action}", params=params, timeout=30).json()


def post(control: str, action: str, body: Any) -> Any:
    return httpx.post(f"{control}/{action}", json=body, timeout=30).json()


def rss_mb(pid: int) -> float:
    """Resident set size of a process, in MB (Linux)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


def workdir() -> tempfile.TemporaryDirectory[str]:
    return tempfile.TemporaryDirectory(prefix="bench-bot-")
