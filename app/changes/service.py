"""Rules of the change feed and of deleting a source."""

from __future__ import annotations

from sqlmodel.ext.asyncio.session import AsyncSession

from app.changes import repository as repo
from app.changes.repository import Change
from app.changes.schemas import ChangeOut, ChangePage, SourceDeleted
from app.core.errors import NotFoundError
from app.events import resolution
from app.events import resolution_repository as resolution_repo


async def changes_since(session: AsyncSession, since: int, limit: int) -> ChangePage:
    """The feed after cursor ``since``."""
    rows = await repo.since(session, since, limit)
    items = [
        ChangeOut(
            cursor=r.id or 0,
            event_id=r.event_id,
            kind=r.kind,
            merged_into=r.merged_into,
            source_id=r.source_id,
            changed_at=r.changed_at,  # type: ignore[arg-type]
        )
        for r in rows
    ]
    return ChangePage(items=items, next_since=items[-1].cursor if items else since)


async def delete_source(session: AsyncSession, source_id: int) -> SourceDeleted:
    """Delete a source: events left without a source are deleted (tombstoned), the others derived
    again from their remaining sources."""
    event_ids = await resolution_repo.events_of_source(session, source_id)
    await resolution.lock_for(session, event_ids)
    if not await repo.delete_source(session, source_id):
        raise NotFoundError(f"no source with id {source_id}", field="source_id")
    deleted: list[int] = []
    updated: list[int] = []
    for event_id in event_ids:
        if await resolution.recompute(session, event_id):
            updated.append(event_id)
        else:
            await resolution_repo.delete_event(session, event_id)
            deleted.append(event_id)
    await repo.record(
        session,
        [Change(e, "deleted", source_id=source_id) for e in deleted]
        + [Change(e, "updated", source_id=source_id) for e in updated],
    )
    return SourceDeleted(source_id=source_id, deleted_event_ids=deleted, updated_event_ids=updated)
