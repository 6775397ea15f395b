"""SQL of the change feed and of source deletion."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlmodel import col
from sqlmodel.ext.asyncio.session import AsyncSession

from app.changes.models import EventChange
from app.core.db import run, write, write_many
from app.sources.models import Source

_CHANGE = EventChange.__table__  # type: ignore[attr-defined]
_SOURCE = Source.__table__  # type: ignore[attr-defined]

# One advisory lock orders the writers of the feed: a transaction takes it just before appending its
# changes (its last write) and holds it until commit, so cursor ids are handed out in commit order and
# a reader that has seen id N will never later see a smaller id appear.
FEED_LOCK_KEY = 4_004_004


@dataclass(frozen=True)
class Change:
    event_id: int
    kind: str  # created, updated, merged, deleted
    source_id: int | None = None
    merged_into: int | None = None


async def record(session: AsyncSession, changes: list[Change]) -> None:
    """Append ``changes`` to the feed; must be the transaction's last write (see ``FEED_LOCK_KEY``)."""
    if not changes:
        return
    await write(session, "SELECT pg_advisory_xact_lock($1)", FEED_LOCK_KEY)
    await write_many(
        session,
        "INSERT INTO event_change (event_id, kind, source_id, merged_into) VALUES ($1, $2, $3, $4)",
        [(c.event_id, c.kind, c.source_id, c.merged_into) for c in changes],
    )


async def since(session: AsyncSession, cursor: int, limit: int) -> list[EventChange]:
    """Changes after ``cursor``, oldest first."""
    stmt = select(EventChange).where(col(EventChange.id) > cursor).order_by(col(EventChange.id)).limit(limit)
    return [row[0] for row in (await run(session, stmt)).all()]


async def delete_source(session: AsyncSession, source_id: int) -> bool:
    """Delete the source (its ``event_source`` rows go with it); False when it did not exist."""
    result = await run(session, delete(_SOURCE).where(_SOURCE.c.id == source_id).returning(_SOURCE.c.id))
    return result.scalar_one_or_none() is not None
