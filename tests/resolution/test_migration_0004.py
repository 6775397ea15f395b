"""Migration 0004 on a database that already holds events: reports filled in, feed seeded, revertable."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from alembic import command
from app.core.db import alembic_config


async def _alembic(url: str, action: str, revision: str) -> None:
    await asyncio.to_thread(getattr(command, action), alembic_config(url), revision)


async def test_upgrade_fills_each_source_report_from_its_event_and_seeds_the_feed(
    new_database: Callable[..., Awaitable[str]],
) -> None:
    url = await new_database("ce_mig4")
    await _alembic(url, "upgrade", "0003_bench_indexes")
    engine = create_async_engine(url)
    try:
        async with engine.begin() as conn:
            await conn.execute(
                text(
                    "INSERT INTO source (id, text, content_sha256, publisher, published_at) VALUES "
                    "(1, 'Two officers were killed when gunmen attacked a police post in Mandera on Sunday.', "
                    "'sha-1', 'Example News Kenya', '2024-03-04T07:30:00Z')"
                )
            )
            await conn.execute(
                text(
                    "INSERT INTO event (id, event_date, event_type, sub_event_type, country, iso3, location, "
                    "fatalities) VALUES (1, '2024-03-03', 'Battles', 'Armed clash', 'Kenya', 'KEN', 'Mandera', 2)"
                )
            )
            await conn.execute(
                text("INSERT INTO actor (id, name, inter) VALUES (1, 'Police Forces of Kenya (2022-)', 1)")
            )
            await conn.execute(
                text("INSERT INTO event_actor (event_id, role, actor_id) VALUES (1, 'actor2', 1)")
            )
            await conn.execute(
                text(
                    "INSERT INTO event_source (event_id, source_id, evidence_start, evidence_end) VALUES (1, 1, 0, 80)"
                )
            )
        await _alembic(url, "upgrade", "head")
        async with engine.connect() as conn:
            fatalities, report = (
                await conn.execute(text("SELECT fatalities, report FROM event_source WHERE event_id = 1"))
            ).one()
            changes = (await conn.execute(text("SELECT event_id, kind FROM event_change ORDER BY id"))).all()
        assert fatalities == 2
        assert report["event_date"] == "2024-03-03"
        assert report["location"] == "Mandera"
        assert report["actor2"] == "Police Forces of Kenya (2022-)"
        assert report["actor1"] == ""
        assert report["published_at"].startswith("2024-03-04T07:30:00")
        assert [tuple(c) for c in changes] == [(1, "created")]

        await _alembic(url, "downgrade", "0003_bench_indexes")
        async with engine.connect() as conn:
            assert await conn.scalar(text("SELECT to_regclass('event_change')")) is None
            assert await conn.scalar(text("SELECT count(*) FROM event_source")) == 1
    finally:
        await engine.dispose()
