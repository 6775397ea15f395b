"""``GET /changes`` (the change feed) and ``DELETE /sources/{id}``."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query

from app.auth.deps import AUTH_RESPONSES, require_scope
from app.changes import service
from app.changes.schemas import ChangePage, SourceDeleted
from app.core.db import SessionDep
from app.core.errors import error_responses
from app.core.validation import MAX_ID

router = APIRouter()


@router.get(
    "/changes",
    tags=["events"],
    summary="Every change to events, in order (for clients that keep a copy)",
    description=(
        "The append-only feed of event changes: `created`, `updated` (a new source, a deleted source, "
        "fields derived again), `merged` and `deleted` (tombstones). Start with `since=0`, then pass "
        "`next_since` back; cursors are handed out in commit order, so replaying the feed misses "
        "nothing. Fetch the current state of a created or updated event with `GET /events/{id}`."
    ),
    response_model=ChangePage,
    responses=error_responses(422, 503),
)
async def list_changes(
    session: SessionDep,
    since: Annotated[
        int, Query(ge=0, le=MAX_ID, description="The last cursor seen (0: from the start).")
    ] = 0,
    limit: Annotated[int, Query(ge=1, le=1000, description="Page size (at most 1000).")] = 100,
) -> ChangePage:
    return await service.changes_since(session, since, limit)


@router.delete(
    "/sources/{source_id}",
    tags=["sources"],
    summary="Delete a stored article (write scope)",
    description=(
        "Deletes the source and its evidence. Events it alone supported are deleted and tombstoned in "
        "`GET /changes`; the others have their fields derived again from their remaining sources."
    ),
    response_model=SourceDeleted,
    dependencies=[Depends(require_scope("write"))],
    responses={**error_responses(404, 422, 503), **AUTH_RESPONSES},
)
async def delete_source(
    session: SessionDep, source_id: Annotated[int, Path(ge=1, le=MAX_ID, examples=[1])]
) -> SourceDeleted:
    return await service.delete_source(session, source_id)
