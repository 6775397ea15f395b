"""JSON logs with a request id on every line; Prometheus metrics by route template."""

from __future__ import annotations

import io
import json
import logging
import re
from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from sqlalchemy import text

from app.core import db
from app.core.config import Settings
from app.core.errors import install_error_handlers
from app.core.logging import JsonFormatter, RequestIdMiddleware
from app.core.metrics import (
    REGISTRY,
    MetricsMiddleware,
    instrument_runner,
    metrics_router,
    update_pool_gauges,
)

from .helpers import client_for

handler_logger = logging.getLogger("tests.hardening.handler")


def _app() -> FastAPI:
    app = FastAPI()
    install_error_handlers(app)
    app.add_middleware(MetricsMiddleware)
    app.add_middleware(RequestIdMiddleware)
    app.include_router(metrics_router)

    @app.get("/events/{event_id}")
    async def get_event(event_id: int) -> dict[str, int]:
        handler_logger.info("serving event %d", event_id, extra={"event_id": event_id})
        return {"id": event_id}

    @app.get("/boom")
    async def boom() -> None:
        raise RuntimeError("secret internal detail")

    return app


@pytest.fixture
def log_lines() -> Iterator[io.StringIO]:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    root.addHandler(handler)
    old_level = root.level
    root.setLevel(logging.INFO)
    try:
        yield stream
    finally:
        root.removeHandler(handler)
        root.setLevel(old_level)


def _records(stream: io.StringIO) -> list[dict]:
    return [json.loads(line) for line in stream.getvalue().splitlines() if line.strip()]


async def test_given_request_id_is_echoed_and_on_every_log_line(log_lines: io.StringIO) -> None:
    async with client_for(_app()) as http:
        response = await http.get("/events/42", headers={"X-Request-ID": "req-abc.123"})
    assert response.headers["x-request-id"] == "req-abc.123"
    records = _records(log_lines)
    handler_line = next(r for r in records if r["logger"] == "tests.hardening.handler")
    access_line = next(r for r in records if r["logger"] == "conflict_events.access")
    assert handler_line["request_id"] == "req-abc.123"
    assert handler_line["message"] == "serving event 42"
    assert handler_line["event_id"] == 42
    assert access_line["request_id"] == "req-abc.123"
    assert access_line["route"] == "/events/{event_id}"
    assert access_line["status"] == 200


async def test_missing_or_unsafe_request_id_is_replaced(log_lines: io.StringIO) -> None:
    async with client_for(_app()) as http:
        plain = await http.get("/events/1")
        unsafe = await http.get("/events/2", headers={"X-Request-ID": "x" * 300})
    assert re.fullmatch(r"[0-9a-f]{32}", plain.headers["x-request-id"])
    assert re.fullmatch(r"[0-9a-f]{32}", unsafe.headers["x-request-id"])
    assert plain.headers["x-request-id"] != unsafe.headers["x-request-id"]


async def test_crash_gives_json_500_without_trace_and_logs_trace_with_id(log_lines: io.StringIO) -> None:
    async with client_for(_app()) as http:
        response = await http.get("/boom", headers={"X-Request-ID": "crash-1"})
    assert response.status_code == 500
    assert response.json()["error"] == "internal_error"
    assert "secret internal detail" not in response.text and "Traceback" not in response.text
    logged = [r for r in _records(log_lines) if r.get("exc_type") == "RuntimeError"]
    assert logged and logged[0]["request_id"] == "crash-1"
    assert "secret internal detail" in logged[0]["exc"]


def _sample(name: str, **labels: str) -> float:
    value = REGISTRY.get_sample_value(name, labels)
    return value or 0.0


async def test_latency_histogram_is_labelled_by_route_template() -> None:
    before = _sample("http_request_duration_seconds_count", method="GET", route="/events/{event_id}", status="200")
    async with client_for(_app()) as http:
        await http.get("/events/7")
        await http.get("/events/8")
        await http.get("/no/such/path")
        exposition = (await http.get("/metrics")).text
    after = _sample("http_request_duration_seconds_count", method="GET", route="/events/{event_id}", status="200")
    assert after - before == 2
    assert 'route="/events/{event_id}"' in exposition
    assert 'route="/events/7"' not in exposition
    assert 'route="<unmatched>",status="404"' in exposition


class _FakeRunner:
    def __init__(self, events: list[str], fail: bool = False) -> None:
        self.events = events
        self.fail = fail

    async def extract(self, text: str, published_at: object) -> list[str]:
        if self.fail:
            raise TimeoutError("too slow")
        return self.events


async def test_instrumented_runner_counts_events_and_times_outcomes() -> None:
    events_before = _sample("events_extracted_total")
    ok_before = _sample("extraction_duration_seconds_count", outcome="ok")
    timeout_before = _sample("extraction_duration_seconds_count", outcome="timeout")
    runner = instrument_runner(_FakeRunner(["e1", "e2", "e3"]))
    assert instrument_runner(runner) is runner  # wrapping twice counts once
    assert await runner.extract("Troops shelled Sirte.", None) == ["e1", "e2", "e3"]
    failing = instrument_runner(_FakeRunner([], fail=True))
    with pytest.raises(TimeoutError):
        await failing.extract("x", None)
    assert _sample("events_extracted_total") - events_before == 3
    assert _sample("extraction_duration_seconds_count", outcome="ok") - ok_before == 1
    assert _sample("extraction_duration_seconds_count", outcome="timeout") - timeout_before == 1


async def test_pool_gauges_follow_checked_out_connections(hardening_db_url: str) -> None:
    settings = Settings(_env_file=None, database_url=hardening_db_url, db_pool_size=3)  # type: ignore[call-arg]
    engine = db.make_engine(hardening_db_url, settings)
    try:
        async with engine.connect() as conn:
            await conn.execute(text("SELECT 1"))
            during = update_pool_gauges(engine)
        after = update_pool_gauges(engine)
    finally:
        await engine.dispose()
    assert during["size"] == 3 and during["checkedout"] == 1
    assert after["checkedout"] == 0 and after["checkedin"] == 1
    assert _sample("db_pool_checked_out") == 0


async def test_the_pool_keeps_the_connections_it_opens_under_load(hardening_db_url: str) -> None:
    """More concurrent requests than DB_POOL_SIZE wait for a connection; none is opened for one
    request and closed after it (each new one is a new backend with empty statement and plan caches)."""
    import asyncio

    settings = Settings(_env_file=None, database_url=hardening_db_url, db_pool_size=4)  # type: ignore[call-arg]
    engine = db.make_engine(hardening_db_url, settings)
    backends: set[int] = set()

    async def request() -> None:
        async with engine.connect() as conn:
            backends.add(int((await conn.execute(text("SELECT pg_backend_pid() FROM pg_sleep(0.05)"))).scalar_one()))

    try:
        for _ in range(3):
            await asyncio.gather(*(request() for _ in range(8)))
    finally:
        await engine.dispose()
    assert len(backends) <= 4
