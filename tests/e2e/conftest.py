"""Start ``conflict-events serve`` as a real process and talk to it over HTTP."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _command() -> list[str]:
    script = Path(sys.executable).parent / "conflict-events"
    if script.exists():
        return [str(script), "serve"]
    return [sys.executable, "-m", "app.cli", "serve"]


@contextmanager
def running_server(
    env_overrides: dict[str, str], log_path: Path, drop: tuple[str, ...] = ()
) -> Iterator[str]:
    """Run the server until the block ends (SIGTERM, as a process manager would); yield its URL."""
    with server_process(env_overrides, log_path, drop) as (_, base):
        yield base


@contextmanager
def server_process(
    env_overrides: dict[str, str], log_path: Path, drop: tuple[str, ...] = (), new_session: bool = False
) -> Iterator[tuple[subprocess.Popen[bytes], str]]:
    """``running_server`` that also yields the process, for tests that stop it themselves;
    ``new_session``: in a process group of its own, as a shell's job is (Ctrl-C signals the group)."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k not in drop}
    # a generous time limit: CI machines are shared, and this is not the test of the limit
    env.update({"HOST": "127.0.0.1", "PORT": str(port), "EXTRACT_WORKERS": "1", "LOG_LEVEL": "warning"})
    env.setdefault("EXTRACT_TIMEOUT_S", "240")
    env.update(env_overrides)
    with log_path.open("ab") as log:
        proc = subprocess.Popen(
            _command(), env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=new_session
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"server exited with {proc.returncode}:\n{log_path.read_text()[-3000:]}")
            try:
                if httpx.get(f"{base}/ready", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"server not ready after 90 s:\n{log_path.read_text()[-3000:]}")
            time.sleep(0.2)
        yield proc, base
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


@pytest.fixture(scope="session")
async def e2e_database_url(new_database) -> str:  # type: ignore[no-untyped-def]
    """An empty database of its own: the server migrates it at start-up."""
    url: str = await new_database("ce_e2e")
    return url


def _cli() -> list[str]:
    script = Path(sys.executable).parent / "conflict-events"
    return [str(script)] if script.exists() else [sys.executable, "-m", "app.cli"]


@pytest.fixture(scope="session")
def write_key(e2e_database_url: str) -> str:
    """A write key made the way an operator makes one: ``conflict-events keys create``."""
    env = dict(os.environ, DATABASE_URL=e2e_database_url, LOG_LEVEL="warning")
    subprocess.run([*_cli(), "migrate"], env=env, check=True, capture_output=True, timeout=300)
    made = subprocess.run([*_cli(), "keys", "create", "--scope", "write", "--name", "e2e", "--json"],
                          env=env, check=True, capture_output=True, text=True, timeout=300)
    return str(json.loads(made.stdout)["key"])


@pytest.fixture(scope="session")
def auth(write_key: str) -> dict[str, str]:
    """Headers of a client allowed to write."""
    return {"X-API-Key": write_key}


@pytest.fixture(scope="session")
def server(e2e_database_url: str, write_key: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A ``conflict-events serve`` process on a free port against its own database."""
    log = tmp_path_factory.mktemp("e2e") / "server.log"
    with running_server({"DATABASE_URL": e2e_database_url}, log) as base:
        yield base
