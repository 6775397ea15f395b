"""The job queue: procrastinate on our Postgres (its tables live in the schema ``procrastinate``,
created by migration 0006), its tasks, and the worker that runs them.

* ``ingest_chunk(batch_id, first, last)``: one job per chunk of ``JOBS_CHUNK_SIZE`` articles, deferred
  with ``lock = "ingest:<batch>:<first>"`` so that two jobs of one chunk never run at the same time;
  procrastinate hands each job to one worker (``SELECT ... FOR UPDATE SKIP LOCKED``).
* ``ingest_maintenance`` (every minute, one run across all workers): retries the jobs of workers
  that stopped sending heartbeats (killed machines), and queues batches the API stored but could not
  queue (``enqueued_at`` NULL for more than a minute).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import socket
from typing import Any

import procrastinate
import psycopg_pool
from procrastinate import JobContext, RetryStrategy
from sqlalchemy.engine import make_url

from app.core.config import Settings
from app.jobs import repository, service
from app.jobs.models import IngestBatch
from app.jobs.service import WorkerResources

logger = logging.getLogger(__name__)

SCHEMA = "procrastinate"
QUEUE = "ingest"
CHUNK_TASK = "ingest_chunk"
MAINTENANCE_TASK = "ingest_maintenance"
# A transient failure (database or extraction pool away) is retried 10 times, 2 s to 17 min apart
# (about 34 minutes in all); on the last attempt it is recorded on the article instead.
RETRY = RetryStrategy(max_attempts=10, exponential_wait=2)
STALLED_AFTER_S = 60.0  # a worker silent for this long (heartbeat every 10 s) is presumed dead
NOT_ENQUEUED_AFTER_S = 60.0
RESTART_S = 5.0  # an in-process worker that failed is started again after this
STOP_MARGIN_S = 2.0  # past its grace, a worker that has not stopped is cancelled again this often
SHUTDOWN_GRACE_S = Settings.model_fields["shutdown_grace_s"].default


def conninfo(url: str) -> str:
    """The libpq form of our SQLAlchemy URL (``postgresql+asyncpg://...`` -> ``postgresql://...``);
    asyncpg's ``ssl=`` is libpq's ``sslmode=``."""
    parsed = make_url(url).set(drivername="postgresql")
    query = dict(parsed.query)
    if "ssl" in query:
        query["sslmode"] = query.pop("ssl")
    return parsed.set(query=query).render_as_string(hide_password=False)


def worker_name(suffix: str = "") -> str:
    return f"{socket.gethostname()}:{os.getpid()}{suffix}"


class _LazyPool(psycopg_pool.AsyncConnectionPool):
    """A pool that opens without waiting for its first connection, like the SQLAlchemy engine: the
    API starts while the database is away, and answers 503 until it is back."""

    async def open(self, wait: bool = False, timeout: float = 30.0) -> None:  # noqa: ASYNC109 (the pool's API)
        await super().open(wait=False, timeout=timeout)


def make_queue(url: str, max_connections: int = 10) -> procrastinate.App:
    """A procrastinate app on ``url`` with the ingestion tasks; open it with ``async with app.open_async()``."""
    connector = procrastinate.PsycopgConnector(
        pool_factory=_LazyPool,
        conninfo=conninfo(url),
        min_size=1,
        max_size=max_connections,
        kwargs={"options": f"-c search_path={SCHEMA}"},
    )
    app = procrastinate.App(connector=connector)

    @app.task(name=CHUNK_TASK, queue=QUEUE, pass_context=True, retry=RETRY)
    async def ingest_chunk(context: JobContext, batch_id: int, first: int, last: int) -> int:
        resources: WorkerResources = context.additional_context["resources"]
        final = context.job.attempts >= (RETRY.max_attempts or 0)
        name = context.worker_name or "worker"
        return await service.process_chunk(resources, batch_id, first, last, name, final)

    @app.periodic(cron="* * * * *")
    @app.task(name=MAINTENANCE_TASK, queue=QUEUE, queueing_lock=MAINTENANCE_TASK, pass_context=True)
    async def ingest_maintenance(context: JobContext, timestamp: int) -> None:
        for job in await app.job_manager.get_stalled_jobs(seconds_since_heartbeat=STALLED_AFTER_S):
            logger.warning("retrying job %s of a worker presumed dead", job.id)
            await app.job_manager.retry_job(job)
        resources: WorkerResources = context.additional_context["resources"]
        async with resources.sessionmaker() as session, session.begin():
            for batch in await repository.batches_not_enqueued(session, NOT_ENQUEUED_AFTER_S):
                logger.warning("queueing batch %s, stored but never queued", batch.id)
                await enqueue(app, batch)
                await repository.mark_enqueued(session, [batch.id or 0])

    return app


async def enqueue(queue: procrastinate.App, batch: IngestBatch) -> None:
    """Defer one ``ingest_chunk`` job per chunk of ``batch`` (one statement)."""
    task = queue.tasks[CHUNK_TASK]
    jobs = [
        task.configure(lock=f"ingest:{batch.id}:{first}").make_new_job(
            batch_id=batch.id, first=first, last=last
        )
        for first, last in service.chunks(batch)
    ]
    await queue.job_manager.batch_defer_jobs_async(jobs)


def concurrency(settings: Settings) -> int:
    """Jobs one worker runs at once: ``JOBS_WORKER_CONCURRENCY``, else two per extraction process."""
    return settings.jobs_worker_concurrency or 2 * max(1, settings.extract_workers)


def start_worker(
    queue: procrastinate.App,
    resources: WorkerResources,
    concurrency: int,
    name: str,
    grace_s: float = SHUTDOWN_GRACE_S,
) -> asyncio.Task[None]:
    """Run a worker as a task of this event loop (the API's in-process worker; tests), started again
    a few seconds after it fails (the database went away), until ``stop_worker``."""
    options = worker_options(resources, concurrency, name, install_signal_handlers=False, grace_s=grace_s)

    async def supervise() -> None:
        while True:
            try:
                await queue.run_worker_async(**options)
            except Exception as exc:  # cancellation (stop_worker) is not an Exception: it ends the loop
                logger.warning("job worker %s failed (%s); starting it again in %g s", name, exc, RESTART_S)
            await asyncio.sleep(RESTART_S)

    return asyncio.create_task(supervise(), name=f"job worker {name}")


async def stop_worker(task: asyncio.Task[None], grace_s: float = SHUTDOWN_GRACE_S) -> None:
    """Stop a worker started by ``start_worker``: running jobs get its ``grace_s`` to finish; jobs
    cut short are retried by the next worker (procrastinate's retry on shutdown).

    A worker whose listener hangs on a connection the database dropped (an outage) never ends its
    graceful shutdown: past the grace it is cancelled again, so that the service still stops."""
    task.cancel()
    done, _ = await asyncio.wait({task}, timeout=grace_s + STOP_MARGIN_S)
    for _ in range(3):
        if done:
            break
        logger.warning("job worker %s did not stop within %g s; cancelling it again", task.get_name(), grace_s)
        task.cancel()
        done, _ = await asyncio.wait({task}, timeout=STOP_MARGIN_S)
    if done:
        with contextlib.suppress(asyncio.CancelledError, Exception):
            task.result()


def worker_options(
    resources: WorkerResources,
    concurrency: int,
    name: str,
    install_signal_handlers: bool,
    grace_s: float = SHUTDOWN_GRACE_S,
) -> dict[str, Any]:
    """``run_worker_async``'s options; ``grace_s``: how long running jobs get to finish once the
    worker is asked to stop (``SHUTDOWN_GRACE_S``). A chunk cut short is retried; its items
    finished before are not done again."""
    return {
        "queues": [QUEUE],
        "concurrency": concurrency,
        "name": name,
        "additional_context": {"resources": resources},
        "install_signal_handlers": install_signal_handlers,
        "shutdown_graceful_timeout": grace_s,
        "delete_jobs": "successful",
    }
