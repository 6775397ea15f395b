"""SQL for ``event``, ``event_actor`` and ``event_source``."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import and_, func, or_, select, text, tuple_
from sqlalchemy.dialects.postgresql import insert
from sqlmodel import col
from sqlmodel.ext.asyncio.session import AsyncSession

from app.actors import repository as actors_repo
from app.actors.models import Actor
from app.core.db import run
from app.events.models import EARTH_POINT, ROLES, Event, EventActor, EventSource
from app.sources.models import Source

_EVENT = Event.__table__  # type: ignore[attr-defined]
_EVENT_ACTOR = EventActor.__table__  # type: ignore[attr-defined]
_EVENT_SOURCE = EventSource.__table__  # type: ignore[attr-defined]


@dataclass
class EventQuery:
    """Validated filters of ``GET /events`` (see ``app.events.service.parse_filters``)."""

    actor: str | None = None
    actor_role: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    iso3: list[str] = field(default_factory=list)
    country_names: list[str] = field(default_factory=list)
    admin1: list[str] = field(default_factory=list)
    location: list[str] = field(default_factory=list)
    bbox: tuple[float, float, float, float] | None = None
    bbox_circle: tuple[float, float, float] | None = None  # lat, lon, metres: index pre-filter
    radius: tuple[float, float, float] | None = None  # lat, lon, metres
    event_type: list[str] = field(default_factory=list)
    sub_event_type: list[str] = field(default_factory=list)
    min_fatalities: int | None = None
    source_id: int | None = None
    updated_since: datetime | None = None
    after: tuple[date, int] | None = None
    limit: int = 100


def _conditions(q: EventQuery) -> list[Any]:
    e = _EVENT.c
    conds: list[Any] = []
    if q.actor:
        actor_ids = select(col(Actor.id)).where(actors_repo.matches(q.actor))
        linked = select(_EVENT_ACTOR.c.event_id).where(_EVENT_ACTOR.c.actor_id.in_(actor_ids))
        if q.actor_role:
            linked = linked.where(_EVENT_ACTOR.c.role == q.actor_role)
        conds.append(e.id.in_(linked))
    if q.date_from:
        conds.append(e.event_date >= q.date_from)
    if q.date_to:
        conds.append(e.event_date <= q.date_to)
    if q.iso3 or q.country_names:
        conds.append(or_(e.iso3.in_(q.iso3), func.lower(e.country).in_(q.country_names)))
    if q.admin1:
        conds.append(func.lower(e.admin1).in_([a.lower() for a in q.admin1]))
    if q.location:
        conds.append(func.lower(e.location).in_([a.lower() for a in q.location]))
    if q.event_type:
        conds.append(func.lower(e.event_type).in_([t.lower() for t in q.event_type]))
    if q.sub_event_type:
        conds.append(func.lower(e.sub_event_type).in_([t.lower() for t in q.sub_event_type]))
    if q.min_fatalities is not None:
        conds.append(e.fatalities >= q.min_fatalities)
    if q.source_id is not None:
        conds.append(
            e.id.in_(select(_EVENT_SOURCE.c.event_id).where(_EVENT_SOURCE.c.source_id == q.source_id))
        )
    if q.updated_since is not None:
        conds.append(e.updated_at >= q.updated_since)
    if q.bbox or q.radius:
        conds.append(and_(e.latitude.is_not(None), e.longitude.is_not(None)))
    if q.bbox:
        min_lon, min_lat, max_lon, max_lat = q.bbox
        conds.append(e.latitude.between(min_lat, max_lat))
        if min_lon <= max_lon:
            conds.append(e.longitude.between(min_lon, max_lon))
        else:  # the box crosses the antimeridian
            conds.append(or_(e.longitude >= min_lon, e.longitude <= max_lon))
        if q.bbox_circle:
            conds.append(_within(*q.bbox_circle, exact=False))
    if q.radius:
        conds.append(_within(*q.radius, exact=True))
    if q.after:
        conds.append(tuple_(e.event_date, e.id) < tuple_(*q.after))
    return conds


def _within(lat: float, lon: float, metres: float, *, exact: bool) -> Any:
    """Points within ``metres`` of (lat, lon): a GiST-indexed cube test, then the exact distance."""
    params = {"clat": lat, "clon": lon, "cm": metres}
    box = text(f"{EARTH_POINT} <@ earth_box(ll_to_earth(:clat, :clon), :cm)")
    if not exact:
        return box.bindparams(**params)
    return text(
        f"{EARTH_POINT} <@ earth_box(ll_to_earth(:rlat, :rlon), :rm) "
        f"AND earth_distance(ll_to_earth(:rlat, :rlon), {EARTH_POINT}) <= :rm"
    ).bindparams(rlat=lat, rlon=lon, rm=metres)


async def query(session: AsyncSession, q: EventQuery) -> list[Event]:
    """Events matching ``q``, newest first (event_date, id), at most ``q.limit``."""
    stmt = (
        select(Event)
        .where(*_conditions(q))
        .order_by(col(Event.event_date).desc(), col(Event.id).desc())
        .limit(q.limit)
    )
    result = await run(session, stmt)
    return [row[0] for row in result.all()]


async def get(session: AsyncSession, event_id: int) -> Event | None:
    return await session.get(Event, event_id)


async def for_source(session: AsyncSession, source_id: int) -> list[Event]:
    """The events a source supports, in the order they were stored."""
    ids = select(_EVENT_SOURCE.c.event_id).where(_EVENT_SOURCE.c.source_id == source_id)
    result = await run(session, select(Event).where(col(Event.id).in_(ids)).order_by(col(Event.id)))
    return [row[0] for row in result.all()]


@dataclass
class ActorLink:
    actor_id: int
    name: str
    role: str
    position: int
    inter: int | None


async def actors_of(session: AsyncSession, event_ids: list[int]) -> dict[int, list[ActorLink]]:
    """Each event's actors, in role then position order."""
    if not event_ids:
        return {}
    ea = _EVENT_ACTOR.c
    stmt = (
        select(ea.event_id, ea.role, ea.position, col(Actor.id), col(Actor.name), col(Actor.inter))
        .join(Actor, col(Actor.id) == ea.actor_id)
        .where(ea.event_id.in_(event_ids))
        .order_by(ea.event_id, ea.position)
    )
    out: dict[int, list[ActorLink]] = defaultdict(list)
    for event_id, role, position, actor_id, name, inter in (await run(session, stmt)).all():
        out[event_id].append(ActorLink(actor_id, name, role, position, inter))
    for links in out.values():
        links.sort(key=lambda link: (ROLES.index(link.role), link.position))
    return out


async def source_ids_of(session: AsyncSession, event_ids: list[int]) -> dict[int, list[int]]:
    """Each event's source ids, ascending."""
    if not event_ids:
        return {}
    es = _EVENT_SOURCE.c
    stmt = select(es.event_id, es.source_id).where(es.event_id.in_(event_ids)).distinct()
    out: dict[int, list[int]] = defaultdict(list)
    for event_id, source_id in (await run(session, stmt)).all():
        out[event_id].append(source_id)
    for ids in out.values():
        ids.sort()
    return out


async def sources_with_evidence(
    session: AsyncSession, event_id: int
) -> list[tuple[Source, list[EventSource]]]:
    """The sources of one event, each with its evidence rows (ordered by offset)."""
    stmt = (
        select(Source, EventSource)
        .join(EventSource, col(EventSource.source_id) == col(Source.id))
        .where(col(EventSource.event_id) == event_id)
        .order_by(col(Source.id), col(EventSource.evidence_start))
    )
    grouped: dict[int, tuple[Source, list[EventSource]]] = {}
    for source, link in (await run(session, stmt)).all():
        grouped.setdefault(source.id, (source, []))[1].append(link)
    return list(grouped.values())


async def insert_event(session: AsyncSession, values: dict[str, Any]) -> int:
    """Insert one event row; its id."""
    result = await run(session, insert(_EVENT).values(**values).returning(_EVENT.c.id))
    return int(result.scalar_one())


async def link_actors(session: AsyncSession, rows: list[dict[str, Any]]) -> None:
    """Insert ``event_actor`` rows (event_id, role, position, actor_id)."""
    if rows:
        await run(session, insert(_EVENT_ACTOR).values(rows).on_conflict_do_nothing())


async def link_sources(session: AsyncSession, rows: list[dict[str, Any]]) -> None:
    """Insert ``event_source`` rows (event_id, source_id, evidence_start/end/text)."""
    if rows:
        await run(session, insert(_EVENT_SOURCE).values(rows).on_conflict_do_nothing())
