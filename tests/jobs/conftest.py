"""Batch ingestion on a database of its own, with apps and workers built per test.

The shared ``app`` fixture runs every request in a rolled-back transaction, which a worker (another
connection) could never see; here requests commit, and workers are real procrastinate workers
(``app.jobs.queue``) with their own engines, queue connections and extraction runners.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from app.auth.service import create_key
from app.core import db
from app.core.config import Settings
from app.core.extraction_runner import ExtractionRunner
from app.jobs import queue as jobs_queue
from app.jobs.service import WorkerResources
from app.main import create_app


def short_article(n: int, place: str = "Mandera") -> dict[str, Any]:
    """A distinct one-event article (the number of officers and the day make its text unique)."""
    day = 1 + n % 27
    return {
        "text": f"On {day} March 2024, Al Shabaab militants attacked a police station in {place} town, "
        f"killing {n + 2} officers, police said.",
        "published_at": f"2024-03-{day + 1:02d}",
    }


@pytest.fixture(scope="session")
async def jobs_database_url(new_database) -> str:  # type: ignore[no-untyped-def]
    url: str = await new_database("ce_jobs")
    await db.migrate(url)
    return url


def settings_for(url: str, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "database_url": url,
        "migrate_on_start": False,
        "extract_workers": 0,
        "extract_timeout_s": 60,
        "jobs_inprocess_worker": False,
        "db_pool_size": 8,
    }
    values.update(overrides)
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


@asynccontextmanager
async def api(url: str, **overrides: Any) -> AsyncIterator[tuple[FastAPI, httpx.AsyncClient]]:
    """The app with its lifespan (no in-process worker unless asked) and a client holding a write key."""
    application = create_app(settings_for(url, **overrides))
    async with application.router.lifespan_context(application):
        async with application.state.sessionmaker() as session, session.begin():
            _, write_key = await create_key(session, ["write"], name="jobs-tests")
            _, application.state.read_key = await create_key(session, ["read"], name="jobs-tests-read")
        transport = httpx.ASGITransport(app=application, raise_app_exceptions=False)
        async with httpx.AsyncClient(
            transport=transport, base_url="http://test", headers={"X-API-Key": write_key}
        ) as client:
            yield application, client


@asynccontextmanager
async def worker(
    url: str, name: str, concurrency: int = 1, extract_timeout_s: float = 60, extract_processes: int = 0
) -> AsyncIterator[ExtractionRunner]:
    """A procrastinate worker on its own connections, running in this event loop; yields its runner."""
    settings = settings_for(url)
    engine = db.make_engine(url, settings)
    runner = ExtractionRunner(extract_processes, extract_timeout_s)
    queue = jobs_queue.make_queue(url, max_connections=concurrency + 3)
    try:
        async with queue.open_async():
            task = jobs_queue.start_worker(
                queue, WorkerResources(db.make_sessionmaker(engine), runner), concurrency, name
            )
            try:
                yield runner
            finally:
                await jobs_queue.stop_worker(task)
    finally:
        await runner.aclose()
        await engine.dispose()


async def wait_for_job(client: httpx.AsyncClient, job_id: int, timeout_s: float = 120) -> dict[str, Any]:
    """Poll ``GET /jobs/{id}`` until the job is done or failed; its last page of 1000 results."""
    deadline = time.monotonic() + timeout_s
    while True:
        body: dict[str, Any] = (await client.get(f"/jobs/{job_id}?limit=1000")).json()
        if body["status"] in ("done", "failed"):
            return body
        if time.monotonic() > deadline:
            raise AssertionError(f"job {job_id} not finished after {timeout_s} s: {body['totals']}")
        await asyncio.sleep(0.2)
