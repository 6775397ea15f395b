"""Pathological texts sent to ``POST /extract`` end in bounded time as 200 or 422, and the service
keeps serving. Sizes stay under the body limit; times measured here (2 shared cores): 1 MB of one
word 5 s, 100,000 numbers 2 s, 1 MB of punctuation 3 s, 2,000 place names 2.5 s (the places stage
is quadratic in the number of place mentions: 3,000 names take 5 s, 12,000 take 78 s)."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator

import httpx
import pytest
from fastapi import FastAPI

from app.auth.service import create_key
from app.core.config import Settings
from app.main import create_app

from .helpers import client_for

TIME_LIMIT_S = 60.0
PLACES = ["Mogadishu", "Baghdad", "Nairobi", "Kismayo", "Gao", "Mosul", "Kabul", "Aleppo"]
CASES = {
    "one word, 1 MB": "attack " * (980_000 // 7),
    "100,000 numbers": " ".join(str(i) for i in range(100_000)),
    "punctuation, 1 MB": "!?.,;:-" * (980_000 // 7),
    "2,000 place names": ", ".join(PLACES * 250),
}


@pytest.fixture(scope="module")
async def patho_app(hardening_db_url: str) -> AsyncIterator[FastAPI]:
    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        database_url=hardening_db_url,
        migrate_on_start=False,
        extract_workers=0,
        extract_timeout_s=TIME_LIMIT_S,
        max_body_bytes=1_000_000,
    )
    app = create_app(settings)
    async with app.router.lifespan_context(app):
        async with app.state.sessionmaker() as session, session.begin():
            _, app.state.write_key = await create_key(session, ["write"], name="pathological")
        yield app


async def _extract(http: httpx.AsyncClient, app: FastAPI, text: str) -> httpx.Response:
    return await http.post(
        "/extract",
        json={"text": text, "published_at": "2024-05-04"},
        headers={"X-API-Key": app.state.write_key},
        timeout=TIME_LIMIT_S * 2,
    )


@pytest.mark.parametrize("name", list(CASES))
async def test_pathological_text_ends_in_bounded_time_and_service_stays_up(patho_app: FastAPI, name: str) -> None:
    async with client_for(patho_app) as http:
        started = time.perf_counter()
        response = await _extract(http, patho_app, CASES[name])
        elapsed = time.perf_counter() - started
        assert elapsed < TIME_LIMIT_S + 5, f"{name}: {elapsed:.1f} s"
        assert response.status_code in (200, 422), response.text
        if response.status_code == 422:
            assert response.json()["error"] in ("extraction_timeout", "invalid_input")
        assert (await http.get("/health")).status_code == 200
        normal = await _extract(
            http, patho_app, "Al Shabaab militants attacked a police station in Mandera on 3 May 2024, killing two officers."
        )
        assert normal.status_code == 200
        assert normal.json()["events"][0]["fatalities"] == 2
