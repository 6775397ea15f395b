"""Shared plumbing of the scale benchmarks: the benchmark database, the server under test, statistics.

The benchmark database is an embedded Postgres in ``.data/bench-pg`` (through the project's own
``app.core.embedded_pg``), or ``DATABASE_URL`` when it is set. It is migrated the way the service
migrates (``app.core.db.migrate``: ``alembic upgrade head``).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import platform
import socket
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import httpx

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA_DIR = ROOT / ".data" / "bench-pg"


async def open_database(data_dir: Path = DEFAULT_DATA_DIR, database_url: str | None = None) -> str:
    """The SQLAlchemy URL of the benchmark database, migrated to head.

    ``database_url`` (default: ``DATABASE_URL``) wins; otherwise the embedded server with its cluster
    in ``data_dir/pg`` is started (or reattached) for the life of this process.
    """
    from app.core import db
    from app.core.config import Settings

    url = database_url or os.environ.get("DATABASE_URL") or None
    settings = Settings(database_url=url, data_dir=data_dir)
    resolved = await db.resolve_database_url(settings)
    await db.migrate(resolved)
    return resolved


def asyncpg_dsn(url: str) -> str:
    """asyncpg's DSN for a SQLAlchemy ``postgresql+asyncpg://`` URL (asyncpg reads ``?host=`` too)."""
    return url.replace("postgresql+asyncpg://", "postgresql://", 1)


def renice_backend_sync(pid: int, niceness: int) -> None:
    """Lower the CPU priority of one Postgres backend (we run as root or as its owner); best effort."""
    with contextlib.suppress(PermissionError, ProcessLookupError, OSError):
        os.setpriority(os.PRIO_PROCESS, pid, niceness)


def percentile(values: list[float], p: float) -> float:
    """The ``p``-th percentile (0-100) by linear interpolation; 0.0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    k = (len(ordered) - 1) * p / 100.0
    lo = int(k)
    hi = min(lo + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def median(values: list[float]) -> float:
    return statistics.median(values) if values else 0.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def machine_line() -> str:
    """Where and when a number was measured, for the reports."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem_gib = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    load = "/".join(f"{x:.1f}" for x in os.getloadavg())
    return (f"{now}; {os.cpu_count()} cores ({cpu}); {mem_gib:.0f} GiB; Python {platform.python_version()}; "
            f"load average {load} (the machine is shared)")


class KeepAliveClient:
    """A lean HTTP/1.1 GET client: one keep-alive connection per worker, the body read by its
    ``Content-Length``. The benchmarks run on the machine they measure; httpx spent 3-4 ms of CPU per
    request there (as much as the server itself), so it took CPU from the server under test, while the
    direct-SQL side uses asyncpg, a lean C client. ``--client httpx`` measures with httpx again.
    """

    def __init__(self, base_url: str, timeout: float = 60.0) -> None:
        host_port = base_url.split("://", 1)[1].rstrip("/")
        self.host, _, port = host_port.partition(":")
        self.port = int(port or 80)
        self.timeout = timeout
        self._idle: list[tuple[asyncio.StreamReader, asyncio.StreamWriter]] = []

    async def get(self, path: str, params: dict[str, Any] | None = None) -> tuple[int, bytes]:
        """``(status, body)`` of ``GET path?params``."""
        target = path + ("?" + urlencode(params, doseq=True) if params else "")
        if self._idle:
            reader, writer = self._idle.pop()
        else:
            reader, writer = await asyncio.open_connection(self.host, self.port)
        writer.write(f"GET {target} HTTP/1.1\r\nHost: {self.host}\r\n\r\n".encode("latin-1"))
        head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), self.timeout)
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split(" ", 2)[1])
        headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:] if line)}
        if "content-length" not in headers:
            writer.close()
            raise RuntimeError(f"GET {target}: no Content-Length in the response ({status})")
        body = await asyncio.wait_for(reader.readexactly(int(headers["content-length"])), self.timeout)
        if headers.get("connection", "").lower() == "close":
            writer.close()
        else:
            self._idle.append((reader, writer))
        return status, body

    async def aclose(self) -> None:
        for _, writer in self._idle:
            writer.close()
        self._idle.clear()


class Server:
    """The real service (uvicorn, production settings) in a subprocess, pointed at ``url``."""

    def __init__(self, url: str, *, workers: int = 1, extract_workers: int | None = None, port: int | None = None):
        self.url = url
        self.workers = workers
        self.extract_workers = extract_workers
        self.port = port or free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen[bytes] | None = None

    def command(self) -> list[str]:
        # uvicorn's own CLI so that --workers is available; the app factory reads the environment.
        return [
            sys.executable, "-m", "uvicorn", "app.main:create_app", "--factory",
            "--host", "127.0.0.1", "--port", str(self.port),
            "--workers", str(self.workers), "--no-access-log", "--log-level", "warning",
        ]

    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        env.update({"DATABASE_URL": self.url, "LOG_LEVEL": "warning", "MIGRATE_ON_START": "false"})
        if self.extract_workers is not None:
            env["EXTRACT_WORKERS"] = str(self.extract_workers)
        return env

    async def __aenter__(self) -> Server:
        self.proc = subprocess.Popen(self.command(), cwd=ROOT, env=self.env())  # noqa: ASYNC220 (returns at once)
        deadline = time.monotonic() + 120
        async with httpx.AsyncClient(base_url=self.base_url, timeout=2.0) as client:
            while time.monotonic() < deadline:
                if self.proc.poll() is not None:
                    raise RuntimeError(f"server exited with {self.proc.returncode}")
                try:
                    if (await client.get("/ready")).status_code == 200:
                        return self
                except httpx.HTTPError:
                    pass
                await asyncio.sleep(0.2)
        raise RuntimeError("server did not become ready in 120 s")

    async def __aexit__(self, *exc: object) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
