"""Database plumbing: metadata conventions, the async engine, the request session, migrations.

The request's session dependency owns the transaction: it commits when the handler returns and
rolls back when it raises. Services and repositories never commit.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Annotated, Any

import asyncpg
from alembic.config import Config
from fastapi import Depends, Request
from sqlalchemy import Executable, text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, async_sessionmaker, create_async_engine
from sqlmodel import SQLModel
from sqlmodel.ext.asyncio.session import AsyncSession

from app.core.config import Settings
from app.core.errors import DatabaseUnavailableError

logger = logging.getLogger(__name__)

# Explicit constraint names so that migrations are reviewable and revertable.
SQLModel.metadata.naming_convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

REPO_ROOT = Path(__file__).resolve().parents[2]


async def resolve_database_url(settings: Settings) -> str:
    """``DATABASE_URL`` when set, else the URL of the embedded server (started if needed)."""
    if settings.database_url:
        return settings.database_url
    from app.core import embedded_pg

    server = await asyncio.to_thread(
        embedded_pg.start, settings.data_dir, shared_buffers_mb=settings.pg_shared_buffers_mb
    )
    return server.url()


def make_engine(url: str, settings: Settings) -> AsyncEngine:
    """The async engine with a bounded pool and a connect timeout (so a dead database fails fast).

    No overflow: SQLAlchemy closes an overflow connection as soon as it is returned, so with the old
    ``max_overflow`` = ``pool_size`` = 10, 16 concurrent requests opened a new connection for about
    4% of requests (a new backend, the dialect's codec set-up, and a statement cache and plan cache
    started from nothing): Postgres CPU per request -25% and the server's -15% with all 20 kept
    (docs/performance.md, 2026-11-25 03:47).

    No ``pool_pre_ping``: it cost one round trip per request (GET /events 8.1-10.1 -> 6.3-7.6 ms in
    process at 1M events, docs/performance.md). A connection that died with the server fails its
    request with a 503, and that disconnect invalidates the pool, so the next request reconnects
    (tests/hardening/test_faults.py).
    """
    return create_async_engine(
        url,
        pool_size=settings.db_pool_size,
        max_overflow=0,
        pool_timeout=settings.db_connect_timeout_s,
        connect_args={"timeout": settings.db_connect_timeout_s, "server_settings": SERVER_SETTINGS},
    )


# Settings of every connection of the service: its statements are short reads and writes, for which
# starting parallel workers or compiling with JIT costs more than it saves (a box query's page took
# 1.4 ms of execution and 5 ms more to start two workers; docs/performance.md).
SERVER_SETTINGS = {"max_parallel_workers_per_gather": "0", "jit": "off"}


def make_sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    """Sessions that keep loaded objects usable after commit."""
    return async_sessionmaker(engine, class_=AsyncSession, expire_on_commit=False)


async def get_session(request: Request) -> AsyncIterator[AsyncSession]:
    """The request's session: commit on success, roll back on error."""
    maker: async_sessionmaker[AsyncSession] = request.app.state.sessionmaker
    async with maker() as session:
        try:
            yield session
        except BaseException:
            await session.rollback()
            raise
        else:
            await session.commit()


# scope="function": commit before the response is sent, so a 201 means the rows are durable and
# visible to the next request (the default "request" scope would commit after sending).
SessionDep = Annotated[AsyncSession, Depends(get_session, scope="function")]


async def run(session: AsyncSession, statement: Executable) -> Any:
    """Execute a SQLAlchemy Core statement (select of columns, insert ... returning) on ``session``.

    SQLModel's ``exec`` is typed for its own ``select`` only; the repositories build Core
    statements, so this is the one place that bridges the two.
    """
    return await session.exec(statement)  # type: ignore[call-overload]


# Errors of the driver that mean the connection or the server is gone (not a bad statement); an
# InterfaceError only counts when the connection is closed (a DataError is one too).
_DISCONNECTS: tuple[type[BaseException], ...] = (
    asyncpg.exceptions.ConnectionDoesNotExistError,
    asyncpg.PostgresConnectionError,
    asyncpg.exceptions.OperatorInterventionError,  # admin shutdown, cannot connect now
    OSError,
)


async def fetch(session: AsyncSession, sql: str, *args: Any) -> list[asyncpg.Record]:
    """Run one SQL text with numbered parameters (``$1``) on the session's connection, straight
    through asyncpg: no statement compilation or result processing in SQLAlchemy, and asyncpg's
    statement cache keeps it prepared. It runs in the session's transaction when one has begun;
    otherwise in none (asyncpg autocommits a lone statement), which saves a read its BEGIN and COMMIT.

    A lost connection is invalidated, the pool is renewed (its other connections died with the
    server too) and the request gets 503 ``database_unavailable``.
    """
    return await _on_driver(session, False, lambda driver: driver.fetch(sql, *args))


async def write(session: AsyncSession, sql: str, *args: Any) -> list[asyncpg.Record]:
    """``fetch`` for a statement that belongs to the session's transaction (a write, a lock): the
    transaction must have begun, i.e. a SQLAlchemy statement ran in it first (asyncpg would
    otherwise commit the statement on its own)."""
    return await _on_driver(session, True, lambda driver: driver.fetch(sql, *args))


async def write_many(session: AsyncSession, sql: str, rows: list[tuple[Any, ...]]) -> None:
    """``write`` once per parameter tuple of ``rows``, in one round trip (asyncpg's executemany)."""
    if rows:
        await _on_driver(session, True, lambda driver: driver.executemany(sql, rows))


# session.info key of the connection the session's current transaction holds (see _driver_of)
_DRIVER = "conflict_events.driver"


async def _driver_of(session: AsyncSession) -> tuple[AsyncConnection, asyncpg.Connection]:
    """The session's connection and its asyncpg connection. A session keeps one connection for the
    life of its (SQLAlchemy) transaction, so it is looked up once per transaction: each lookup costs
    two greenlet switches, and a POST /articles runs a dozen statements (docs/performance.md)."""
    transaction = session.sync_session.get_transaction()
    cached = session.info.get(_DRIVER)
    if cached is not None and transaction is not None and cached[0] is transaction and transaction.is_active:
        return cached[1], cached[2]
    conn = await session.connection()
    driver = (await conn.get_raw_connection()).driver_connection
    assert driver is not None
    # holding the transaction object also keeps its identity from being reused by a later one
    session.info[_DRIVER] = (session.sync_session.get_transaction(), conn, driver)
    return conn, driver


async def _on_driver(
    session: AsyncSession, in_transaction: bool, call: Callable[[asyncpg.Connection], Awaitable[Any]]
) -> Any:
    conn, driver = await _driver_of(session)
    if in_transaction and not driver.is_in_transaction():
        raise RuntimeError("the session's transaction has not begun: run a SQLAlchemy statement first")
    try:
        return await call(driver)
    except Exception as exc:
        if not isinstance(exc, _DISCONNECTS) and not driver.is_closed():
            raise
        session.info.pop(_DRIVER, None)
        await conn.invalidate(exc)
        await conn.engine.dispose(close=False)
        raise DatabaseUnavailableError("the database cannot be reached; retry shortly") from exc


# --- migrations --------------------------------------------------------------------------------


def migrations_dir() -> Path:
    """The Alembic script directory: the source tree's, else the working directory's (the Docker
    image installs the package and copies ``alembic/`` to its working directory)."""
    for candidate in (REPO_ROOT / "alembic", Path.cwd() / "alembic"):
        if (candidate / "env.py").exists() and (candidate / "versions").is_dir():
            return candidate
    raise RuntimeError("migrations not found: run from the repository (or the image's /app)")


async def wait_for_database(engine: AsyncEngine, timeout_s: float) -> None:
    """Retry ``SELECT 1`` until the database answers (a container may start before Postgres)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout_s
    while True:
        try:
            async with engine.connect() as conn:
                await conn.execute(text("SELECT 1"))
            return
        except Exception as exc:  # any failure to connect: retry until the deadline
            if loop.time() >= deadline:
                raise RuntimeError(f"database not reachable after {timeout_s:g} s: {exc}") from exc
            logger.info("waiting for the database: %s", exc)
            await asyncio.sleep(1.0)


def alembic_config(url: str) -> Config:
    """An Alembic ``Config`` for ``url`` that works from any working directory."""
    script_location = migrations_dir()
    cfg = Config()
    cfg.set_main_option("script_location", str(script_location))
    # ConfigParser interpolation: a literal % in a password must be doubled
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def _upgrade_head(url: str) -> None:
    from alembic import command

    logging.getLogger("alembic.runtime.plugins").setLevel(logging.WARNING)  # one line per plugin
    command.upgrade(alembic_config(url), "head")


async def migrate(url: str) -> None:
    """``alembic upgrade head`` on ``url`` (in a worker thread: Alembic's env runs its own loop)."""
    await asyncio.to_thread(_upgrade_head, url)


def head_revision(url: str) -> str | None:
    """The revision the migration scripts end at."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config(url)).get_current_head()


async def current_revision(engine: AsyncEngine) -> str | None:
    """The revision the database is at (``None`` before the first migration)."""
    async with engine.connect() as conn:
        exists = await conn.scalar(text("SELECT to_regclass('alembic_version') IS NOT NULL"))
        if not exists:
            return None
        return await conn.scalar(text("SELECT version_num FROM alembic_version"))


def redacted(url: str) -> str:
    """``url`` with its password hidden, for logs."""
    return make_url(url).render_as_string(hide_password=True)
