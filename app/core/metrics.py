"""Prometheus metrics: request latency by route template, extraction time, events extracted, pool use.

Everything lives in one ``REGISTRY`` of this module (not the client's global one) so that building
several apps in one process (tests) registers nothing twice. ``MetricsMiddleware`` times requests
and labels them with the route template (``/events/{event_id}``, never the raw path, so the label
set stays small); ``instrument_runner`` wraps an ``ExtractionRunner`` so its work is timed and its
events counted; ``metrics_router`` serves ``GET /metrics`` and reads the pool gauges at scrape time.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import APIRouter, Request, Response
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
)
from starlette.types import ASGIApp, Message, Receive, Scope, Send

REGISTRY = CollectorRegistry(auto_describe=True)

_LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0)
UNMATCHED_ROUTE = "<unmatched>"

REQUEST_LATENCY = Histogram(
    "http_request_duration_seconds",
    "Time from request to the end of the response, by route template.",
    ("method", "route", "status"),
    buckets=_LATENCY_BUCKETS,
    registry=REGISTRY,
)
REQUESTS_IN_PROGRESS = Gauge(
    "http_requests_in_progress", "Requests being served.", ("method",), registry=REGISTRY
)
EXTRACTION_TIME = Histogram(
    "extraction_duration_seconds",
    "Time to code one text into events (including the wait for a worker).",
    ("outcome",),
    buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0),
    registry=REGISTRY,
)
EVENTS_EXTRACTED = Counter("events_extracted", "Events coded from texts.", registry=REGISTRY)
DB_POOL_SIZE = Gauge("db_pool_size", "Configured size of the database pool.", registry=REGISTRY)
DB_POOL_CHECKED_OUT = Gauge("db_pool_checked_out", "Connections lent out to requests.", registry=REGISTRY)
DB_POOL_CHECKED_IN = Gauge("db_pool_checked_in", "Idle connections held by the pool.", registry=REGISTRY)
DB_POOL_OVERFLOW = Gauge(
    "db_pool_overflow", "Connections above the pool size (negative: not yet opened).", registry=REGISTRY
)


def route_template(scope: Scope) -> str:
    """The path template of the route that served ``scope`` (set by the router), else ``<unmatched>``."""
    route = scope.get("route")
    path = getattr(route, "path", None)
    return path if isinstance(path, str) else UNMATCHED_ROUTE


class MetricsMiddleware:
    """Pure ASGI: observe each HTTP request's duration with method, route template and status."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        method = scope["method"]
        status = 500  # stays 500 if the app raises before answering
        started = time.perf_counter()

        async def send_status(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        REQUESTS_IN_PROGRESS.labels(method).inc()
        try:
            await self.app(scope, receive, send_status)
        finally:
            REQUESTS_IN_PROGRESS.labels(method).dec()
            REQUEST_LATENCY.labels(method, route_template(scope), str(status)).observe(
                time.perf_counter() - started
            )


def observe_extraction(seconds: float, events: int | None, outcome: str = "ok") -> None:
    """Record one extraction: its time, outcome (ok, timeout, error) and how many events it gave."""
    EXTRACTION_TIME.labels(outcome).observe(seconds)
    if events:
        EVENTS_EXTRACTED.inc(events)


def instrument_runner(runner: Any) -> Any:
    """Wrap ``runner.extract`` (an ``ExtractionRunner``) so every call is timed and counted.

    Returns the same runner. Wrapping the instance leaves the runner's module untouched.
    """
    inner: Callable[..., Awaitable[list[Any]]] = runner.extract
    if getattr(inner, "_instrumented", False):
        return runner

    async def extract(*args: Any, **kwargs: Any) -> list[Any]:
        started = time.perf_counter()
        try:
            events = await inner(*args, **kwargs)
        except Exception as exc:
            outcome = "timeout" if "timeout" in type(exc).__name__.lower() else "error"
            observe_extraction(time.perf_counter() - started, None, outcome)
            raise
        observe_extraction(time.perf_counter() - started, len(events))
        return events

    extract._instrumented = True  # type: ignore[attr-defined]
    runner.extract = extract
    return runner


def update_pool_gauges(engine: Any) -> dict[str, int]:
    """Read the pool statistics of an (async or sync) SQLAlchemy engine into the gauges."""
    pool = getattr(engine, "sync_engine", engine).pool
    stats = {}
    for name, gauge in (
        ("size", DB_POOL_SIZE),
        ("checkedout", DB_POOL_CHECKED_OUT),
        ("checkedin", DB_POOL_CHECKED_IN),
        ("overflow", DB_POOL_OVERFLOW),
    ):
        reader = getattr(pool, name, None)
        if callable(reader):
            stats[name] = int(reader())
            gauge.set(stats[name])
    return stats


metrics_router = APIRouter()


@metrics_router.get("/metrics", include_in_schema=False)
async def metrics(request: Request) -> Response:
    """The Prometheus text exposition of this process's metrics."""
    engine = getattr(request.app.state, "engine", None)
    if engine is not None:
        update_pool_gauges(engine)
    return Response(generate_latest(REGISTRY), media_type=CONTENT_TYPE_LATEST)
