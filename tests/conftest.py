"""Shared fixtures: a real Postgres, a fresh migrated database per session (and xdist worker), the
app with its lifespan, and a per-test transaction that is rolled back.

Postgres comes from ``TEST_DATABASE_URL`` (e.g. ``postgresql+asyncpg://postgres@127.0.0.1:5432/postgres``:
the database named there is used only to create and drop the test database) or, when unset, from
an embedded server started in a temporary directory.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import create_async_engine
from sqlmodel.ext.asyncio.session import AsyncSession

REPO_ROOT = Path(__file__).resolve().parents[1]
SEED_ARTICLE = REPO_ROOT.parent / "shared" / "eval" / "cases" / "iraq_strikes_2023-11-21.txt"


def _asyncpg(url: str) -> str:
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+asyncpg://" + url[len(prefix) :]
    return url


async def _admin(url: str, sql: str) -> None:
    engine = create_async_engine(url, isolation_level="AUTOCOMMIT")
    try:
        async with engine.connect() as conn:
            await conn.execute(text(sql))
    finally:
        await engine.dispose()


def _reap_stale_test_servers() -> None:
    """Stop and delete embedded test servers left by killed runs (SIGKILL/SIGTERM skip teardown)."""
    import json

    import psutil

    from app.core import embedded_pg

    for data_dir in Path(tempfile.gettempdir()).glob("ce-test-pg-*"):
        handles = data_dir / "pg" / ".handle_pids.json"
        if not handles.exists():
            continue  # being initialised by another session right now (or never started)
        try:
            pids = json.loads(handles.read_text())
        except (OSError, ValueError):
            continue
        if any(psutil.pid_exists(pid) for pid in pids):
            continue  # a live test session owns it
        embedded_pg.force_stop(data_dir)
        shutil.rmtree(data_dir, ignore_errors=True)


@pytest.fixture(scope="session")
def pg_admin_url() -> Iterator[str]:
    """URL of a maintenance database on the Postgres server the tests use."""
    external = os.environ.get("TEST_DATABASE_URL")
    if external:
        yield _asyncpg(external)
        return
    from app.core import embedded_pg

    # Not pytest's tmp_path: run as root, the server runs as another user and needs to traverse the
    # directory's parents, which pytest keeps private (0700).
    _reap_stale_test_servers()
    data_dir = Path(tempfile.mkdtemp(prefix="ce-test-pg-"))
    server = embedded_pg.start(data_dir, database="postgres")
    try:
        yield server.url("postgres")
    finally:
        embedded_pg.stop(data_dir)
        shutil.rmtree(data_dir, ignore_errors=True)


@pytest.fixture(scope="session")
def new_database(pg_admin_url: str):  # type: ignore[no-untyped-def]
    """A factory of fresh, empty databases on the test server, dropped at the end of the session."""
    created: list[str] = []

    async def make(prefix: str = "ce_test") -> str:
        worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
        name = f"{prefix}_{worker}_{uuid.uuid4().hex[:8]}"
        await _admin(pg_admin_url, f'CREATE DATABASE "{name}"')
        created.append(name)
        return make_url(pg_admin_url).set(database=name).render_as_string(hide_password=False)

    yield make
    import asyncio

    async def drop_all() -> None:
        for name in created:
            await _admin(pg_admin_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    asyncio.run(drop_all())


@pytest.fixture(scope="session")
async def database_url(new_database) -> str:  # type: ignore[no-untyped-def]
    """A fresh database for this session, migrated with ``alembic upgrade head``."""
    from app.core import db

    url: str = await new_database()
    await db.migrate(url)
    return url


@pytest.fixture(scope="session")
async def app(database_url: str):  # type: ignore[no-untyped-def]
    """The application with its real lifespan; extraction in a thread (EXTRACT_WORKERS=0)."""
    from app.core.config import Settings
    from app.main import create_app

    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        database_url=database_url,
        migrate_on_start=False,
        extract_workers=0,
        extract_timeout_s=120,
    )
    application = create_app(settings)
    async with application.router.lifespan_context(application):
        from app.auth.service import create_key

        async with application.state.sessionmaker() as key_session, key_session.begin():
            _, application.state.test_api_key = await create_key(key_session, ["write"], name="tests")
        yield application


@pytest.fixture
async def session(app) -> AsyncIterator[AsyncSession]:  # type: ignore[no-untyped-def]
    """A session inside a transaction that is rolled back after the test.

    The request's commit only releases a savepoint ("join an external transaction"), so nothing a
    test writes is visible to the next test.
    """
    async with app.state.engine.connect() as conn:
        outer = await conn.begin()
        test_session = AsyncSession(
            bind=conn, expire_on_commit=False, join_transaction_mode="create_savepoint"
        )
        try:
            yield test_session
        finally:
            await test_session.close()
            await outer.rollback()


@pytest.fixture
async def client(app, session: AsyncSession) -> AsyncIterator[httpx.AsyncClient]:  # type: ignore[no-untyped-def]
    """An HTTP client calling the app in-process, every request in the test's transaction."""
    from app.core.db import get_session

    async def test_session_dependency() -> AsyncIterator[AsyncSession]:
        try:
            yield session
        except BaseException:
            await session.rollback()
            raise
        else:
            await session.commit()

    app.dependency_overrides[get_session] = test_session_dependency
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    try:
        async with httpx.AsyncClient(
            transport=transport, base_url="http://test", headers={"X-API-Key": app.state.test_api_key}
        ) as http:
            yield http
    finally:
        app.dependency_overrides.pop(get_session, None)


@pytest.fixture(scope="session")
def seed_article() -> str:
    """The seed Reuters article from the shared evaluation cases (skips when absent)."""
    if not SEED_ARTICLE.exists():
        pytest.skip(f"seed article not found at {SEED_ARTICLE}")
    return SEED_ARTICLE.read_text(encoding="utf-8")
