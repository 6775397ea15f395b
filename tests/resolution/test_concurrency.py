"""Concurrent posts on committed transactions (a database of their own, not the rolled-back one)."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from app.auth.config import AuthSettings

from .texts import KISMAYO_FIRST, KISMAYO_NEXT_DAY


@pytest.fixture
async def committed_app(new_database: Callable[..., Awaitable[str]]) -> AsyncIterator[FastAPI]:
    """The real app, every request committing, on a fresh migrated database."""
    from app.core import db
    from app.core.config import Settings
    from app.main import create_app

    url = await new_database("ce_res")
    await db.migrate(url)
    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        database_url=url,
        migrate_on_start=False,
        extract_workers=0,
        extract_timeout_s=120,
        db_pool_size=20,
    )
    application = create_app(settings)
    # the key check has its own tests (tests/hardening); here every request may write
    application.state.auth_settings = AuthSettings(_env_file=None, auth_disabled=True)  # type: ignore[call-arg]
    async with application.router.lifespan_context(application):
        yield application


async def _post_many(app: FastAPI, articles: list[dict[str, Any]]) -> list[httpx.Response]:
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://test", timeout=120) as http:
        return list(await asyncio.gather(*(http.post("/articles", json=a) for a in articles)))


async def _get(app: FastAPI, path: str, **params: Any) -> Any:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
        response = await http.get(path, params=params)
        assert response.status_code == 200, response.text
        return response.json()


async def test_fifty_parallel_posts_of_one_article_store_one_source_and_one_created_change_per_event(
    committed_app: FastAPI,
) -> None:
    responses = await _post_many(committed_app, [KISMAYO_FIRST] * 50)
    assert Counter(r.status_code for r in responses) == {201: 1, 200: 49}
    source_ids = {r.json()["source"]["id"] for r in responses}
    assert len(source_ids) == 1
    events = (await _get(committed_app, "/events"))["items"]
    assert len(events) == 1 and events[0]["fatalities"] == 5
    changes = (await _get(committed_app, "/changes", since=0))["items"]
    assert [(c["event_id"], c["kind"]) for c in changes] == [(events[0]["id"], "created")]


async def test_two_outlets_posting_the_same_attack_at_once_make_one_event(committed_app: FastAPI) -> None:
    responses = await _post_many(committed_app, [KISMAYO_FIRST, KISMAYO_NEXT_DAY])
    assert [r.status_code for r in responses] == [201, 201]
    (event,) = (await _get(committed_app, "/events"))["items"]
    assert event["source_count"] == 2
    assert event["fatalities"] == 12
    changes = (await _get(committed_app, "/changes", since=0))["items"]
    assert [c["kind"] for c in changes] == ["created", "updated"]
    assert [c["cursor"] for c in changes] == sorted(c["cursor"] for c in changes)
