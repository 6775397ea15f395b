"""``GET /actors``."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from app.actors import service
from app.actors.schemas import ActorList
from app.core.db import SessionDep
from app.core.errors import error_responses

router = APIRouter(tags=["actors"])


@router.get(
    "/actors",
    summary="Search actors",
    description="Canonical actors with a word of their name or an alias starting with `q` (ignoring case), with the "
    "number of stored events each takes part in. Without `q`: the most active actors.\n\n"
    "Example: `GET /actors?q=hezbollah`",
    response_model=ActorList,
    responses=error_responses(422, 503),
)
async def list_actors(
    session: SessionDep,
    q: Annotated[str | None, Query(max_length=200, examples=["United States"])] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 50,
) -> ActorList:
    return await service.search_actors(session, q, limit)
