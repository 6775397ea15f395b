"""Probes and the database-down path."""

from __future__ import annotations

import httpx

from app.core.config import Settings
from app.main import create_app


async def test_health_is_ok_without_touching_the_database(client: httpx.AsyncClient) -> None:
    response = await client.get("/health")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


async def test_ready_reports_the_database_at_the_head_revision(client: httpx.AsyncClient) -> None:
    response = await client.get("/ready")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ready"
    assert body["revision"] == body["head"]
    assert body["head"] is not None and body["head"].startswith("00")


async def test_unknown_route_is_a_json_404(client: httpx.AsyncClient) -> None:
    response = await client.get("/no-such-thing")
    assert response.status_code == 404
    assert response.json()["error"] == "not_found"


async def test_openapi_documents_every_endpoint_with_a_summary(client: httpx.AsyncClient) -> None:
    spec = (await client.get("/openapi.json")).json()
    paths = spec["paths"]
    for path in (
        "/articles",
        "/extract",
        "/events",
        "/events/{event_id}",
        "/sources",
        "/sources/{source_id}",
        "/actors",
        "/health",
        "/ready",
    ):
        assert path in paths, path
        for operation in paths[path].values():
            assert operation.get("summary"), (path, operation)


async def test_database_down_gives_503_with_retry_after() -> None:
    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        database_url="postgresql+asyncpg://postgres@127.0.0.1:9/nowhere",
        migrate_on_start=False,
        extract_workers=0,
        db_connect_timeout_s=1,
    )
    app = create_app(settings)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
            ready = await http.get("/ready")
            events = await http.get("/events")
    assert ready.status_code == 503
    assert ready.json()["error"] == "database_unavailable"
    assert events.status_code == 503
    assert events.json() == {
        "error": "database_unavailable",
        "detail": "the database cannot be reached; retry shortly",
        "field": None,
    }
    assert events.headers["retry-after"] == "5"


async def test_ready_is_503_until_the_database_is_migrated(new_database) -> None:  # type: ignore[no-untyped-def]
    url = await new_database("ce_unmigrated")
    settings = Settings(_env_file=None, database_url=url, migrate_on_start=False, extract_workers=0)  # type: ignore[call-arg]
    app = create_app(settings)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
            response = await http.get("/ready")
    assert response.status_code == 503
    assert response.json()["error"] == "migrations_pending"
    assert "conflict-events migrate" in response.json()["detail"]


async def test_start_up_migrates_an_empty_database(new_database) -> None:  # type: ignore[no-untyped-def]
    url = await new_database("ce_startup")
    settings = Settings(_env_file=None, database_url=url, extract_workers=0)  # type: ignore[call-arg]
    app = create_app(settings)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
            ready = await http.get("/ready")
            events = await http.get("/events")
    assert ready.status_code == 200
    assert events.json() == {"items": [], "next_cursor": None}
