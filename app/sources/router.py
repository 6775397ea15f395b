"""``GET /sources`` and ``GET /sources/{id}``."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from app.core.db import SessionDep
from app.core.errors import error_responses
from app.core.validation import MAX_ID
from app.sources import service
from app.sources.schemas import SourceDetail, SourcePage

router = APIRouter(tags=["sources"])


@router.get(
    "/sources",
    summary="List stored articles",
    description="Stored articles (without their text), most recently ingested first, with the number "
    "of events each supports. Pass `next_cursor` back as `cursor` for the next page.",
    response_model=SourcePage,
    responses=error_responses(422, 503),
)
async def list_sources(
    session: SessionDep,
    cursor: Annotated[str | None, Query(max_length=200)] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> SourcePage:
    return await service.list_sources(session, cursor, limit)


@router.get(
    "/sources/{source_id}",
    summary="One stored article with its events",
    description="The article's metadata and text, and the events coded from it.",
    response_model=SourceDetail,
    responses=error_responses(404, 422, 503),
)
async def get_source(
    session: SessionDep, source_id: Annotated[int, Path(ge=1, le=MAX_ID, examples=[1])]
) -> SourceDetail:
    return await service.get_source(session, source_id)
