"""Rules of the actor endpoint."""

from __future__ import annotations

from sqlmodel.ext.asyncio.session import AsyncSession

from app.actors import repository as repo
from app.actors.schemas import ActorList, ActorOut
from app.core.validation import filter_text


async def search_actors(session: AsyncSession, q: str | None, limit: int) -> ActorList:
    """Actors with a word of their name or an alias starting with ``q`` (all when empty), with event counts."""
    filter_text(q, "q")
    rows = await repo.search(session, q.strip() if q else None, limit)
    return ActorList(
        items=[
            ActorOut(
                id=actor.id or 0,
                name=actor.name,
                inter=actor.inter,
                country=actor.country,
                aliases=list(actor.aliases or []),
                event_count=count,
            )
            for actor, count in rows
        ]
    )
