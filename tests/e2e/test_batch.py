"""Batch ingestion across real processes: ``conflict-events serve`` (no in-process worker) takes the
batch over HTTP, a separate ``conflict-events worker`` process stores it, the client polls the job."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.e2e.conftest import _cli, running_server
from tests.e2e.test_ingest import ARTICLES as STORABLE

ARTICLES = STORABLE[:2]  # two articles that code into events


@pytest.fixture(scope="module")
async def batch_database_url(new_database) -> str:  # type: ignore[no-untyped-def]
    """A database of its own: no other server's in-process worker can take these jobs."""
    url: str = await new_database("ce_e2e_batch")
    return url


@pytest.fixture(scope="module")
def batch_env(batch_database_url: str) -> dict[str, str]:
    env = dict(os.environ, DATABASE_URL=batch_database_url, LOG_LEVEL="warning", EXTRACT_WORKERS="1")
    env.setdefault("EXTRACT_TIMEOUT_S", "240")
    subprocess.run([*_cli(), "migrate"], env=env, check=True, capture_output=True, timeout=300)
    return env


@pytest.fixture(scope="module")
def batch_key(batch_env: dict[str, str]) -> str:
    made = subprocess.run(
        [*_cli(), "keys", "create", "--scope", "write", "--name", "e2e-batch", "--json"],
        env=batch_env,
        check=True,
        capture_output=True,
        text=True,
        timeout=300,
    )
    return str(json.loads(made.stdout)["key"])


@pytest.fixture(scope="module")
def worker_process(batch_env: dict[str, str], tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """``conflict-events worker --concurrency 2`` until the module ends (stopped with SIGTERM)."""
    log = tmp_path_factory.mktemp("e2e-batch") / "worker.log"
    with log.open("ab") as out:
        proc = subprocess.Popen(
            [*_cli(), "worker", "--concurrency", "2", "--name", "e2e-worker"],
            env=batch_env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        yield log
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            assert proc.wait(timeout=60) == 0, log.read_text()[-3000:]
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
            raise


def test_a_batch_posted_over_http_is_stored_by_a_worker_process(
    batch_env: dict[str, str], batch_key: str, worker_process: Path, tmp_path: Path
) -> None:
    overrides = {"DATABASE_URL": batch_env["DATABASE_URL"], "JOBS_INPROCESS_WORKER": "false"}
    with running_server(overrides, tmp_path / "server.log") as base:
        auth = {"X-API-Key": batch_key}
        ndjson = "\n".join(json.dumps(a) for a in [*ARTICLES, ARTICLES[0]]) + "\n"
        resp = httpx.post(
            f"{base}/articles/batch",
            content=ndjson.encode(),
            headers={**auth, "content-type": "application/x-ndjson", "Idempotency-Key": "e2e-batch-1"},
            timeout=30,
        )
        assert resp.status_code == 202, resp.text
        job_url = f"{base}{resp.json()['url']}"

        deadline = time.monotonic() + 240
        while True:
            job = httpx.get(job_url, timeout=30).json()
            if job["status"] in ("done", "failed"):
                break
            assert time.monotonic() < deadline, (
                f"not done: {job['totals']}\n{worker_process.read_text()[-3000:]}"
            )
            time.sleep(0.3)

        assert job["status"] == "done", job
        assert job["totals"] == {
            "items": 3,
            "queued": 0,
            "running": 0,
            "done": 3,
            "created": 2,
            "duplicates": 1,
            "failed": 0,
        }
        assert {i["status"] for i in job["items"]} == {"done"}
        assert all(i["event_ids"] for i in job["items"])
        first, second, again = job["items"]
        assert again["source_id"] == first["source_id"] != second["source_id"]
        source = httpx.get(f"{base}/sources/{first['source_id']}", timeout=30).json()
        assert source["url"] == ARTICLES[0]["url"]

        retried = httpx.post(
            f"{base}/articles/batch",
            content=ndjson.encode(),
            headers={**auth, "content-type": "application/x-ndjson", "Idempotency-Key": "e2e-batch-1"},
            timeout=30,
        )
        assert retried.status_code == 202 and retried.json()["job_id"] == job["id"]
