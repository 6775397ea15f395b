"""A stopped server exits promptly and takes its extraction workers with it, whatever it was doing."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import httpx
import psutil
import pytest

from .conftest import server_process

# About 6 s of extraction each on our 2-core machine: a batch of six keeps a job running for 30 s.
SLOW_TEXT = "Gunmen killed two traders in Mandera town. " * 4000
GRACE_S = 2.0


@pytest.fixture
async def shutdown_database_url(new_database) -> str:  # type: ignore[no-untyped-def]
    """A database per test: a job cut short is retried, and must not land on another test's server."""
    url: str = await new_database("ce_shutdown")
    return url


def _env(database_url: str) -> dict[str, str]:
    return {
        "DATABASE_URL": database_url,
        "EXTRACT_WORKERS": "2",
        "AUTH_DISABLED": "true",
        "SHUTDOWN_GRACE_S": str(GRACE_S),
    }


def _left_running(processes: list[psutil.Process], timeout_s: float) -> list[int]:
    """The pids of ``processes`` still running after up to ``timeout_s`` (a zombie has exited: it
    waits to be reaped by its new parent)."""
    deadline = time.monotonic() + timeout_s
    while True:
        running = []
        for process in processes:
            try:
                if process.status() != psutil.STATUS_ZOMBIE:
                    running.append(process.pid)
            except psutil.NoSuchProcess:
                pass
        if not running or time.monotonic() > deadline:
            return running
        time.sleep(0.2)


def _wait_for_a_running_article(base: str, job_id: int, timeout_s: float = 120) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        items = httpx.get(f"{base}/jobs/{job_id}", timeout=30).json()["items"]
        if any(item["status"] == "running" for item in items):
            return
        time.sleep(0.2)
    raise AssertionError(f"no article of job {job_id} started within {timeout_s} s")


@pytest.mark.parametrize("how", ["SIGTERM", "SIGINT to the process group"])
def test_a_server_stopped_during_a_batch_job_exits_within_its_grace_and_leaves_no_processes(
    shutdown_database_url: str, tmp_path: Path, how: str
) -> None:
    env = _env(shutdown_database_url)
    with server_process(env, tmp_path / "server.log", new_session=True) as (proc, base):
        children = psutil.Process(proc.pid).children(recursive=True)
        assert len(children) >= 2, "the pool should have started its two workers"
        batch = [{"text": f"{SLOW_TEXT} ({i})", "published_at": "2024-03-04"} for i in range(6)]
        accepted = httpx.post(f"{base}/articles/batch", json=batch, timeout=60)
        assert accepted.status_code == 202, accepted.text
        _wait_for_a_running_article(base, accepted.json()["job_id"])

        started = time.monotonic()
        if how == "SIGTERM":
            proc.send_signal(signal.SIGTERM)
        else:  # Ctrl-C in a terminal: every process of the foreground group gets SIGINT
            os.killpg(proc.pid, signal.SIGINT)
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            pytest.fail("the server did not exit within 60 s")
        took = time.monotonic() - started
    # the grace for the running job, then the workers are stopped: a few seconds, not the job's 30 s
    assert took < GRACE_S + 8, f"the server took {took:.1f} s to exit"
    assert _left_running(children, timeout_s=5) == []


def test_extraction_workers_exit_when_the_server_is_killed(shutdown_database_url: str, tmp_path: Path) -> None:
    with server_process(_env(shutdown_database_url), tmp_path / "server.log") as (proc, base):
        assert httpx.post(f"{base}/extract", json={"text": "Gunmen killed two traders."}, timeout=120).status_code == 200
        children = psutil.Process(proc.pid).children(recursive=True)
        assert len(children) >= 2
        proc.kill()  # SIGKILL: no shutdown code runs; an OOM kill or a supervisor's last resort
        proc.wait()
    assert _left_running(children, timeout_s=10) == [], "the workers should not outlive the server"
