"""SQL for the ``source`` table."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import func, select, tuple_
from sqlalchemy.dialects.postgresql import insert
from sqlmodel import col
from sqlmodel.ext.asyncio.session import AsyncSession

from app.core.db import fetch, run
from app.events.models import EventSource
from app.sources.models import Source

_SOURCE = Source.__table__  # type: ignore[attr-defined]


async def find_existing(session: AsyncSession, url: str | None, sha256: str) -> Source | None:
    """The stored source with this canonical URL or this text hash, if any (the URL match first: it
    names the article, the hash only its current text)."""
    if url:
        sql = "SELECT * FROM source WHERE content_sha256 = $1 OR url = $2 ORDER BY (url = $2) DESC LIMIT 1"
        rows = await fetch(session, sql, sha256, url)
    else:
        rows = await fetch(session, "SELECT * FROM source WHERE content_sha256 = $1 LIMIT 1", sha256)
    return Source(**dict(rows[0])) if rows else None


async def insert_if_new(session: AsyncSession, values: dict[str, Any]) -> Source | None:
    """``INSERT ... ON CONFLICT DO NOTHING``: the new source, or None when URL or hash already exist.
    (Through SQLAlchemy: the first write begins the request's transaction.)"""
    stmt = insert(_SOURCE).values(**values).on_conflict_do_nothing().returning(*_SOURCE.c)
    row = (await run(session, stmt)).mappings().one_or_none()
    return Source(**row) if row is not None else None


async def get(session: AsyncSession, source_id: int) -> Source | None:
    return await session.get(Source, source_id)


async def event_counts(session: AsyncSession, source_ids: list[int]) -> dict[int, int]:
    """How many distinct events each source supports."""
    if not source_ids:
        return {}
    stmt = (
        select(col(EventSource.source_id), func.count(func.distinct(col(EventSource.event_id))))
        .where(col(EventSource.source_id).in_(source_ids))
        .group_by(col(EventSource.source_id))
    )
    result = await run(session, stmt)
    return {sid: n for sid, n in result.all()}


async def list_page(session: AsyncSession, *, after: tuple[datetime, int] | None, limit: int) -> list[Source]:
    """Sources by ``ingested_at`` then id, newest first, after the keyset ``after``."""
    stmt = select(Source).order_by(col(Source.ingested_at).desc(), col(Source.id).desc())
    if after is not None:
        stmt = stmt.where(tuple_(col(Source.ingested_at), col(Source.id)) < tuple_(*after))
    result = await run(session, stmt.limit(limit))
    return [row[0] for row in result.all()]
