"""SQL of the change feed and of source deletion."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlmodel import col
from sqlmodel.ext.asyncio.session import AsyncSession

from app.changes.models import EventChange
from app.core.db import run, write
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


# The lock and the rows in one statement (one round trip): the lock is an InitPlan of the WHERE
# clause, which runs once, before the first row leaves the scan, so before any row takes its id
# from the sequence. Rows get their ids in the order of ``changes`` (unnest keeps array order).
_RECORD_SQL = (
    "INSERT INTO event_change (event_id, kind, source_id, merged_into) "
    "SELECT c.event_id, c.kind, c.source_id, c.merged_into "
    "FROM unnest($2::bigint[], $3::text[], $4::bigint[], $5::bigint[]) AS c(event_id, kind, source_id, merged_into) "
    "WHERE (SELECT count(*) FROM (SELECT pg_advisory_xact_lock($1)) AS feed_lock) = 1"
)


async def record(session: AsyncSession, changes: list[Change]) -> None:
    """Append ``changes`` to the feed; must be the transaction's last write (see ``FEED_LOCK_KEY``)."""
    if not changes:
        return
    await write(
        session,
        _RECORD_SQL,
        FEED_LOCK_KEY,
        [c.event_id for c in changes],
        [c.kind for c in changes],
        [c.source_id for c in changes],
        [c.merged_into for c in changes],
    )


async def since(session: AsyncSession, cursor: int, limit: int) -> list[EventChange]:
    """Changes after ``cursor``, oldest first."""
    stmt = select(EventChange).where(col(EventChange.id) > cursor).order_by(col(EventChange.id)).limit(limit)
    return [row[0] for row in (await run(session, stmt)).all()]


async def delete_source(session: AsyncSession, source_id: int) -> bool:
    """Delete the source (its ``event_source`` rows go with it); False when it did not exist."""
    result = await run(session, delete(_SOURCE).where(_SOURCE.c.id == source_id).returning(_SOURCE.c.id))
    return result.scalar_one_or_none() is not None
