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


async def test_processes_starting_together_migrate_a_fresh_database_once(new_database) -> None:  # type: ignore[no-untyped-def]
    """Replicas and workers that start together on one empty database must not race on the DDL."""
    import asyncio
    import subprocess
    import sys

    url = await new_database("ce_mig_race")
    env = {**__import__("os").environ, "DATABASE_URL": url}

    def migrate() -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "app.cli", "migrate"], env=env, capture_output=True,
                              text=True, timeout=240)

    results = await asyncio.gather(*(asyncio.to_thread(migrate) for _ in range(3)))
    assert [r.returncode for r in results] == [0, 0, 0], [r.stderr[-800:] for r in results]
    engine = create_async_engine(url)
    try:
        async with engine.connect() as conn:
            versions = (await conn.execute(text("SELECT version_num FROM alembic_version"))).scalars().all()
    finally:
        await engine.dispose()
    assert len(versions) == 1
