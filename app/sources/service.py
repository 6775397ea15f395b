"""Rules of the source endpoints."""

from __future__ import annotations

from datetime import datetime

from sqlmodel.ext.asyncio.session import AsyncSession

from app.core.errors import InvalidFilterError, NotFoundError
from app.core.validation import valid_id
from app.events.service import decode_cursor, encode_cursor, of_source
from app.sources import repository as repo
from app.sources.models import Source
from app.sources.schemas import SourceDetail, SourcePage, SourcePublic, SourceSummary


def summary(source: Source, event_count: int) -> SourceSummary:
    return SourceSummary(**source.model_dump(exclude={"text"}), event_count=event_count)


def public(source: Source, event_count: int) -> SourcePublic:
    return SourcePublic(**source.model_dump(), event_count=event_count)


async def list_sources(session: AsyncSession, cursor: str | None, limit: int) -> SourcePage:
    """Sources, most recently ingested first."""
    after = None
    if cursor:
        values = decode_cursor(cursor)
        try:
            after = (datetime.fromisoformat(values[0]), valid_id(values[1]))
        except (IndexError, TypeError, ValueError) as exc:
            raise InvalidFilterError("cursor is not one this API returned", field="cursor") from exc
    rows = await repo.list_page(session, after=after, limit=limit + 1)
    more = len(rows) > limit
    rows = rows[:limit]
    counts = await repo.event_counts(session, [s.id for s in rows if s.id is not None])
    next_cursor = None
    if more and rows and rows[-1].ingested_at is not None:
        next_cursor = encode_cursor([rows[-1].ingested_at.isoformat(), rows[-1].id])
    return SourcePage(items=[summary(s, counts.get(s.id or 0, 0)) for s in rows], next_cursor=next_cursor)


async def get_source(session: AsyncSession, source_id: int) -> SourceDetail:
    """One source with its text and events; 404 when unknown."""
    source = await repo.get(session, source_id)
    if source is None:
        raise NotFoundError(f"no source with id {source_id}", field="source_id")
    events = await of_source(session, source_id)
    return SourceDetail(**public(source, len(events)).model_dump(), events=events)
