"""Faults: a write that fails part-way leaves nothing; a lost database gives 503 and heals itself."""

from __future__ import annotations

import asyncio
import shutil
import tempfile
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import asynccontextmanager
from datetime import date
from pathlib import Path

import pytest
from fastapi import FastAPI
from sqlalchemy import text

from app.auth.service import create_key
from app.core import embedded_pg
from app.core.config import Settings
from app.events import repository as events_repo
from app.extraction.types import Event, Evidence
from app.main import create_app

from .helpers import client_for


@asynccontextmanager
async def running_app(settings: Settings) -> AsyncIterator[FastAPI]:
    """The service's app with its lifespan, and a write key in ``app.state.write_key``."""
    app = create_app(settings)
    async with app.router.lifespan_context(app):
        async with app.state.sessionmaker() as session, session.begin():
            _, app.state.write_key = await create_key(session, ["write"], name="fault-tests")
        yield app


def _settings(**values: object) -> Settings:
    base: dict[str, object] = {"extract_workers": 0, "extract_timeout_s": 60, "db_connect_timeout_s": 2}
    return Settings(_env_file=None, **(base | values))  # type: ignore[arg-type,call-arg]


def _article(tag: str) -> dict[str, str]:
    return {
        "text": f"Gunmen from the Red Hand Militia ({tag}) attacked a market in Kismayo on 3 May 2024, "
        "killing four traders, police said.",
        "published_at": "2024-05-04",
    }


def _fake_events(actor: str) -> list[Event]:
    return [
        Event(
            event_date=date(2024, 5, 3),
            time_precision=1,
            disorder_type="Political violence",
            event_type="Violence against civilians",
            sub_event_type="Attack",
            actor1=actor,
            actor2="Civilians (Somalia)",
            country="Somalia",
            location="Kismayo",
            fatalities=4,
            notes=actor,
            evidence=[Evidence(start=0, end=20, text="Gunmen from the Red ")],
        )
    ]


async def _counts(app: FastAPI, actor: str, body_text: str) -> tuple[int, int, int]:
    async with app.state.engine.connect() as conn:
        sources = await conn.scalar(text("SELECT count(*) FROM source WHERE text = :t"), {"t": body_text})
        actors = await conn.scalar(text("SELECT count(*) FROM actor WHERE name = :n"), {"n": actor})
        events = await conn.scalar(text("SELECT count(*) FROM event WHERE notes = :n"), {"n": actor})
    return int(sources or 0), int(actors or 0), int(events or 0)


async def test_failure_between_statements_leaves_nothing_written(
    hardening_db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    tag = uuid.uuid4().hex[:8]
    actor = f"Red Hand Militia {tag}"
    article = _article(tag)
    async with running_app(_settings(database_url=hardening_db_url, migrate_on_start=False)) as app:

        async def fake_extract(body_text: str, published_at: date | None) -> list[Event]:
            return _fake_events(actor)

        monkeypatch.setattr(app.state.runner, "extract", fake_extract)

        async def fail_after_inserts(*args: object, **kwargs: object) -> None:
            # source, actors, event and event_actor rows are written by now (not committed)
            raise RuntimeError("injected failure between statements")

        monkeypatch.setattr(events_repo, "link_sources", fail_after_inserts)
        async with client_for(app) as http:
            failed = await http.post("/articles", json=article, headers={"X-API-Key": app.state.write_key})
        assert failed.status_code == 500
        assert failed.json()["error"] == "internal_error"
        assert "injected" not in failed.text
        assert await _counts(app, actor, article["text"]) == (0, 0, 0)

        # control: without the failure the same article is stored whole
        monkeypatch.undo()
        monkeypatch.setattr(app.state.runner, "extract", fake_extract)
        async with client_for(app) as http:
            stored = await http.post("/articles", json=article, headers={"X-API-Key": app.state.write_key})
        assert stored.status_code == 201, stored.text
        assert await _counts(app, actor, article["text"]) == (1, 1, 1)


@pytest.fixture
def own_pg_dir() -> Iterator[Path]:
    # Not pytest's tmp_path: the server runs as another user and must traverse the parents.
    data_dir = Path(tempfile.mkdtemp(prefix="ce-fault-pg-"))
    try:
        yield data_dir
    finally:
        embedded_pg.stop(data_dir)
        embedded_pg.force_stop(data_dir)
        shutil.rmtree(data_dir, ignore_errors=True)


async def _until(predicate: Callable[[], Awaitable[bool]], seconds: float = 10.0) -> bool:
    deadline = asyncio.get_running_loop().time() + seconds
    while asyncio.get_running_loop().time() < deadline:
        if await predicate():
            return True
        await asyncio.sleep(0.2)
    return False


async def test_database_outage_gives_503_with_retry_after_and_recovers(own_pg_dir: Path) -> None:
    """Stop the embedded Postgres under a running app, then start it again."""
    settings = _settings(data_dir=own_pg_dir, database_url=None, migrate_on_start=True)
    async with running_app(settings) as app, client_for(app) as http:
        assert (await http.get("/ready")).status_code == 200
        assert (await http.get("/events")).status_code == 200

        await asyncio.to_thread(embedded_pg.stop, own_pg_dir)

        for path in ("/events", "/sources", "/actors"):
            down = await http.get(path)
            assert down.status_code == 503, (path, down.text)
            assert down.json()["error"] == "database_unavailable"
            assert down.headers["retry-after"].isdigit()
            assert "Traceback" not in down.text
        write = await http.post("/articles", json=_article("outage"), headers={"X-API-Key": app.state.write_key})
        assert write.status_code == 503, write.text
        assert write.json()["error"] == "database_unavailable"
        not_ready = await http.get("/ready")
        assert not_ready.status_code == 503
        assert not_ready.json()["error"] == "database_unavailable"
        assert (await http.get("/health")).status_code == 200

        await asyncio.to_thread(embedded_pg.start, own_pg_dir)

        async def ready() -> bool:
            return (await http.get("/ready")).status_code == 200

        assert await _until(ready), "the app did not recover after Postgres came back"
        assert (await http.get("/events")).status_code == 200
