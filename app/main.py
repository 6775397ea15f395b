"""The FastAPI application: lifespan (database, migrations, extraction pool), routers, errors."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import Depends, FastAPI, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from sqlalchemy import text

from app.actors.router import router as actors_router
from app.articles.router import router as articles_router
from app.auth.deps import AUTH_RESPONSES, log_access_status, require_method_scope
from app.changes.router import router as changes_router
from app.core import db
from app.core.config import Settings, get_settings
from app.core.errors import error_response, error_responses, install_error_handlers
from app.core.extraction_runner import ExtractionRunner
from app.core.logging import RequestIdMiddleware
from app.core.metrics import MetricsMiddleware, instrument_runner, metrics_router
from app.events.router import router as events_router
from app.jobs import queue as jobs_queue
from app.jobs import router as jobs_router
from app.jobs.body_limits import BodyLimitsMiddleware
from app.jobs.service import WorkerResources
from app.sources.router import router as sources_router

logger = logging.getLogger(__name__)

DESCRIPTION = """
Turns news text into **ACLED-style conflict events** and serves them back with filters.

* `POST /articles` stores an article and the events coded from it (idempotent: the same URL or the
  same text returns what is stored);
* `POST /extract` codes a text without storing anything;
* `POST /articles/batch` queues up to 1,000 articles for the job workers; `GET /jobs/{id}` reports
  the job's progress and each article's result;
* `GET /events` filters by actor, date window, country, admin1, location, bounding box, radius,
  event and sub-event type, fatalities and source, newest first, with cursor pagination;
* `GET /events/{id}`, `GET /sources`, `GET /sources/{id}`, `GET /actors`;
* one event, many sources: a report of a stored event is linked to it (`source_count`, each source's
  own figures on `GET /events/{id}`); `GET /changes?since=` replays every change, tombstones
  included; `DELETE /sources/{id}` (write key) removes an article.

Every error is `{"error": code, "detail": message, "field": name or null}`.
"""

TAGS = [
    {"name": "articles", "description": "Send news text in; get coded events back."},
    {"name": "events", "description": "Query stored events."},
    {"name": "sources", "description": "The stored articles."},
    {"name": "actors", "description": "Canonical actors and how many events they appear in."},
    {"name": "ops", "description": "Liveness and readiness probes."},
]


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the application for ``settings`` (default: from the environment)."""
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        url = await db.resolve_database_url(settings)
        logger.info("database: %s", db.redacted(url))
        engine = db.make_engine(url, settings)
        if settings.migrate_on_start:
            await db.wait_for_database(engine, settings.db_wait_s)
            await db.migrate(url)
        runner = ExtractionRunner(settings.extract_workers, settings.extract_timeout_s, settings.extract_nice)
        runner.start()
        instrument_runner(runner)  # extraction time and events extracted in /metrics
        app.state.engine = engine
        app.state.sessionmaker = db.make_sessionmaker(engine)
        await log_access_status(app.state.sessionmaker)  # says how to create a key when none can write
        app.state.runner = runner
        app.state.head_revision = db.head_revision(url)
        # the job queue (POST /articles/batch defers to it) and, if JOBS_INPROCESS_WORKER, a worker
        workers = jobs_queue.concurrency(settings)
        app.state.jobs_queue = jobs_queue.make_queue(url, max_connections=workers + 3)
        await app.state.jobs_queue.open_async()
        worker = None
        if settings.jobs_inprocess_worker:
            resources = WorkerResources(app.state.sessionmaker, runner)
            worker = jobs_queue.start_worker(
                app.state.jobs_queue, resources, workers, jobs_queue.worker_name(":api"),
                grace_s=settings.shutdown_grace_s,
            )
        try:
            yield
        finally:
            if worker is not None:
                await jobs_queue.stop_worker(worker, settings.shutdown_grace_s)
            await app.state.jobs_queue.close_async()
            await runner.aclose()
            await engine.dispose()
            if not settings.database_url:
                # uvicorn re-raises SIGTERM after shutdown, which skips atexit hooks: stop it here
                from app.core import embedded_pg

                await asyncio.to_thread(embedded_pg.stop, settings.data_dir)

    app = FastAPI(
        title="conflict-events",
        version="0.1.0",
        summary="News text in, ACLED-style conflict events out.",
        description=DESCRIPTION,
        openapi_tags=TAGS,
        lifespan=lifespan,
    )
    app.state.settings = settings
    # InputLimitMiddleware then BodyGuardMiddleware on every path, with the batch path's own limit
    app.add_middleware(
        BodyLimitsMiddleware,
        max_body_bytes=settings.max_body_bytes,
        batch_max_body_bytes=settings.batch_max_body_bytes,
        batch_path=jobs_router.BATCH_PATH,
    )
    app.add_middleware(MetricsMiddleware)
    app.add_middleware(RequestIdMiddleware)  # added last = outermost: the id is on every log line
    install_error_handlers(app)
    keyed: dict[str, Any] = {"dependencies": [Depends(require_method_scope)], "responses": AUTH_RESPONSES}
    app.include_router(articles_router, **keyed)
    app.include_router(events_router, **keyed)
    app.include_router(sources_router, **keyed)
    app.include_router(actors_router, **keyed)
    app.include_router(changes_router, **keyed)
    app.include_router(jobs_router.router, **keyed)
    app.include_router(metrics_router)
    _add_probes(app)
    return app


class Health(BaseModel):
    status: str = Field(examples=["ok"])


class Ready(BaseModel):
    status: str = Field(examples=["ready"])
    database: str = Field(examples=["ok"])
    revision: str | None = Field(examples=["0001_initial"])
    head: str | None = Field(examples=["0001_initial"])


def _add_probes(app: FastAPI) -> None:
    @app.get(
        "/health",
        tags=["ops"],
        summary="Liveness: the process answers",
        description="Always 200 while the process serves requests; touches no database.",
        response_model=Health,
    )
    async def health() -> Health:
        return Health(status="ok")

    @app.get(
        "/ready",
        tags=["ops"],
        summary="Readiness: database reachable and migrated to head",
        description="200 when Postgres answers and its Alembic revision is the latest; 503 otherwise "
        "(`database_unavailable` or `migrations_pending`), with `Retry-After`.",
        response_model=Ready,
        responses=error_responses(503),
    )
    async def ready(request: Request) -> Any:
        engine = request.app.state.engine
        head = request.app.state.head_revision
        try:
            async with engine.connect() as conn:
                await conn.execute(text("SELECT 1"))
            revision = await db.current_revision(engine)
        except Exception as exc:  # any failure to reach the database means not ready
            logger.warning("readiness: database unavailable: %s", exc)
            return error_response(
                503, "database_unavailable", "the database cannot be reached", None, **{"Retry-After": "5"}
            )
        if revision != head:
            return error_response(
                503,
                "migrations_pending",
                f"database at revision {revision}, code expects {head}: run `conflict-events migrate`",
                None,
                **{"Retry-After": "5"},
            )
        return JSONResponse({"status": "ready", "database": "ok", "revision": revision, "head": head})
