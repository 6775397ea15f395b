"""Migration 0006: our batch tables and procrastinate's schema come and go together."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from alembic import command
from app.core.db import alembic_config

OBJECTS = """
SELECT to_regclass('public.ingest_batch') IS NOT NULL,
       to_regclass('public.ingest_item') IS NOT NULL,
       to_regclass('procrastinate.procrastinate_jobs') IS NOT NULL,
       (SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
         WHERE n.nspname = 'procrastinate' AND p.proname LIKE 'procrastinate%'),
       (SELECT count(*) FROM pg_proc WHERE proname LIKE 'procrastinate%'
         AND pronamespace = 'public'::regnamespace)
"""


async def _alembic(url: str, action: str, revision: str) -> None:
    await asyncio.to_thread(getattr(command, action), alembic_config(url), revision)


async def test_upgrade_creates_both_and_downgrade_drops_both(
    new_database: Callable[..., Awaitable[str]],
) -> None:
    url = await new_database("ce_mig6")
    await _alembic(url, "upgrade", "0006_ingest_jobs")
    engine = create_async_engine(url)
    try:
        async with engine.connect() as conn:
            batch, item, jobs, functions, in_public = (await conn.execute(text(OBJECTS))).one()
        assert (batch, item, jobs) == (True, True, True)
        assert functions >= 15  # defer, fetch, finish, retry, heartbeat, triggers ...
        assert in_public == 0  # nothing of the queue in our schema

        await _alembic(url, "downgrade", "0005_event_actor_date")
        async with engine.connect() as conn:
            batch, item, jobs, functions, _ = (await conn.execute(text(OBJECTS))).one()
            schema = await conn.scalar(text("SELECT to_regnamespace('procrastinate')"))
            types = await conn.scalar(
                text("SELECT count(*) FROM pg_type WHERE typname LIKE 'procrastinate%'")
            )
        assert (batch, item, jobs, functions, schema, types) == (False, False, False, 0, None, 0)

        await _alembic(url, "upgrade", "head")  # and back up again
        async with engine.connect() as conn:
            assert (await conn.execute(text(OBJECTS))).one()[:3] == (True, True, True)
    finally:
        await engine.dispose()
