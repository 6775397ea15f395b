"""The migrations and the SQLModel tables describe the same schema."""

from __future__ import annotations

import warnings

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine
from sqlmodel import SQLModel

import app.core.models  # noqa: F401  (every table)


async def test_migrated_database_matches_the_models(database_url: str) -> None:
    engine = create_async_engine(database_url)
    try:
        async with engine.connect() as conn:
            with warnings.catch_warnings():  # the alias trigram index is an expression alembic skips
                warnings.simplefilter("ignore")
                diff = await conn.run_sync(
                    lambda sync: compare_metadata(MigrationContext.configure(sync), SQLModel.metadata)
                )
            extensions = set((await conn.execute(text("SELECT extname FROM pg_extension"))).scalars())
    finally:
        await engine.dispose()
    assert diff == []
    assert {"pg_trgm", "cube", "earthdistance"} <= extensions
