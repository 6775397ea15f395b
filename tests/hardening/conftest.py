"""Fixtures of the hardening tests: a database of their own (keys and committed writes stay out of
the API tests' database) and a small app that carries just the pieces under test."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

import pytest
from fastapi import Depends, FastAPI

from app.auth.config import AuthSettings
from app.auth.deps import AUTH_RESPONSES, require_method_scope
from app.core import db
from app.core.config import Settings
from app.core.errors import install_error_handlers

from .helpers import AppFactory, things_router


@pytest.fixture(scope="session")
async def hardening_db_url(new_database: Callable[..., Awaitable[str]]) -> str:
    """A fresh database migrated to head (0002 included), shared by the hardening tests."""
    url: str = await new_database("ce_hard")
    await db.migrate(url)
    return url


@pytest.fixture
async def make_app(hardening_db_url: str) -> AsyncIterator[AppFactory]:
    """Build apps wired like the service (engine, sessionmaker, error handlers) on the test database."""
    engines = []
    settings = Settings(_env_file=None, database_url=hardening_db_url, migrate_on_start=False)  # type: ignore[call-arg]

    def make(auth: AuthSettings | None = None, protect: bool = True) -> FastAPI:
        engine = db.make_engine(hardening_db_url, settings)
        engines.append(engine)

        @asynccontextmanager
        async def lifespan(app: FastAPI) -> AsyncIterator[None]:
            yield

        app = FastAPI(lifespan=lifespan)
        app.state.engine = engine
        app.state.sessionmaker = db.make_sessionmaker(engine)
        app.state.auth_settings = auth or AuthSettings(_env_file=None)  # type: ignore[call-arg]
        install_error_handlers(app)
        deps = [Depends(require_method_scope)] if protect else []
        app.include_router(things_router(), dependencies=deps, responses=AUTH_RESPONSES)
        return app

    yield make
    for engine in engines:
        await engine.dispose()
