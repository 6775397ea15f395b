"""SQL for ``event``, ``event_actor`` and ``event_source``."""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import Select, and_, func, or_, select, text, tuple_, union_all
from sqlalchemy.dialects.postgresql import aggregate_order_by, insert
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


def _conditions(q: EventQuery, *, through_links: bool = False, spatial: bool = True) -> list[Any]:
    """The WHERE conditions on ``event`` for ``q``; with ``through_links`` the actor, date and cursor
    conditions are left out because the ``event_actor`` scan (``_links``) applies them; without
    ``spatial`` the bbox and radius conditions are left out (``_walk_conditions`` has them)."""
    e = _EVENT.c
    conds: list[Any] = []
    if q.actor and not through_links:
        actor_ids = select(col(Actor.id)).where(actors_repo.matches(q.actor))
        linked = select(_EVENT_ACTOR.c.event_id).where(_EVENT_ACTOR.c.actor_id.in_(actor_ids))
        if q.actor_role:
            linked = linked.where(_EVENT_ACTOR.c.role == q.actor_role)
        conds.append(e.id.in_(linked))
    if q.date_from and not through_links:
        conds.append(e.event_date >= q.date_from)
    if q.date_to and not through_links:
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
    if (q.bbox or q.radius) and spatial:
        conds.append(and_(e.latitude.is_not(None), e.longitude.is_not(None)))
    if q.bbox and spatial:
        min_lon, min_lat, max_lon, max_lat = q.bbox
        conds.append(e.latitude.between(min_lat, max_lat))
        if min_lon <= max_lon:
            conds.append(e.longitude.between(min_lon, max_lon))
        else:  # the box crosses the antimeridian
            conds.append(or_(e.longitude >= min_lon, e.longitude <= max_lon))
        if q.bbox_circle:
            conds.append(_within(*q.bbox_circle, exact=False))
    if q.radius and spatial:
        conds.append(_within(*q.radius, exact=True))
    if q.after and not through_links:
        conds.append(tuple_(e.event_date, e.id) < tuple_(*q.after))
    return conds


# A box or radius over a hotspot holds tens of thousands of events, which the GiST index returns in
# no useful order (all fetched, then sorted: 0.15-0.55 s at 1M). Reading the date index newest first
# and testing the place stops after one page when the area holds a fair share of the events. The
# walk is bounded to WALK_ROWS_PER_ROW rows per page row (an area with 1% of the events fills a page;
# 10,100 rows cost about 4 ms); an area too sparse for that falls back to the GiST plan in the same
# statement, and holds few enough events for that plan to be cheap. With 40, a 50 km circle holding
# 2.5% of the events missed by one row and paid 180 ms for the fallback.
WALK_ROWS_PER_ROW = 100
_M_PER_DEGREE = 6378168.0 * math.pi / 180  # earthdistance's earth(), one degree of latitude


def _walk_conditions(q: EventQuery, c: Any) -> list[Any]:
    """The bbox / radius test on the columns ``c`` of a row already read, without the GiST index:
    plain comparisons, then the exact distance for a radius."""
    conds: list[Any] = [c.latitude.is_not(None), c.longitude.is_not(None)]
    if q.bbox:
        min_lon, min_lat, max_lon, max_lat = q.bbox
        conds.append(c.latitude.between(min_lat, max_lat))
        if min_lon <= max_lon:
            conds.append(c.longitude.between(min_lon, max_lon))
        else:
            conds.append(or_(c.longitude >= min_lon, c.longitude <= max_lon))
    if q.radius:
        lat, lon, metres = q.radius
        dlat = metres / _M_PER_DEGREE * 1.01 + 0.01
        conds.append(c.latitude.between(lat - dlat, lat + dlat))
        cos_lat = math.cos(math.radians(min(89.9, abs(lat) + dlat)))
        dlon = dlat / cos_lat if cos_lat > 0 else 360.0
        if abs(lat) + dlat < 89.0 and dlon < 170.0 and lon - dlon >= -180.0 and lon + dlon <= 180.0:
            conds.append(c.longitude.between(lon - dlon, lon + dlon))
        conds.append(
            func.earth_distance(
                func.ll_to_earth(lat, lon), func.ll_to_earth(c.latitude, c.longitude)
            ) <= metres
        )
    return conds


def _spatial_page(q: EventQuery, limit: int) -> Any:
    """Events in q's box or circle, newest first: the date-ordered walk when it fills the page, else
    the GiST-indexed plan (evaluated only then: its gate is a one-time filter)."""
    e = _EVENT.c
    window = (
        select(_EVENT)
        .where(*_conditions(q, spatial=False))
        .order_by(e.event_date.desc(), e.id.desc())
        .limit(limit * WALK_ROWS_PER_ROW)
        .subquery("window")
    )
    walk = (
        select(window)
        .where(*_walk_conditions(q, window.c))
        .order_by(window.c.event_date.desc(), window.c.id.desc())
        .limit(limit)
        .cte("walk")
    )
    found = select(func.count()).select_from(walk).scalar_subquery()
    indexed = (
        select(_EVENT).where(*_conditions(q)).order_by(e.event_date.desc(), e.id.desc()).limit(limit)
    ).subquery("indexed")
    return union_all(
        select(walk).where(found >= limit),
        select(indexed).where(found < limit),
    )


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


# An actor filter matching more actors than this is served by one semi-join instead of one ordered
# scan per actor (a Merge Append of that many index scans costs more than it saves).
MAX_ORDERED_ACTORS = 64


async def actor_ids(session: AsyncSession, text_query: str) -> list[int]:
    """Ids of the actors whose name or alias has a word starting with ``text_query``."""
    stmt = select(col(Actor.id)).where(actors_repo.matches(text_query)).order_by(col(Actor.id))
    return [row[0] for row in (await run(session, stmt)).all()]


def _links(q: EventQuery, ids: list[int]) -> Any:
    """``(event_date, event_id)`` of the events linked to ``ids``, each actor's links read newest first
    through ``ix_event_actor_actor_id_event_date``; one event may appear once per link."""
    ea = _EVENT_ACTOR.c
    branches = []
    for actor_id in ids:
        branch = select(ea.event_date, ea.event_id).where(ea.actor_id == actor_id)
        if q.actor_role:
            branch = branch.where(ea.role == q.actor_role)
        if q.date_from:
            branch = branch.where(ea.event_date >= q.date_from)
        if q.date_to:
            branch = branch.where(ea.event_date <= q.date_to)
        if q.after:
            branch = branch.where(tuple_(ea.event_date, ea.event_id) < tuple_(*q.after))
        branches.append(branch)
    return (branches[0] if len(branches) == 1 else union_all(*branches)).subquery("links")


def page_statement(q: EventQuery, ids: list[int] | None = None, limit: int | None = None) -> Any:
    """One statement for a page: the events matching ``q`` newest first, each row with ``actors``
    (``role:name`` in position order) and ``source_ids`` (ascending, maybe repeated).

    ``ids`` are the actors ``q.actor`` matches (``actor_ids``): with at most ``MAX_ORDERED_ACTORS``
    of them the events are read through their links in page order, so a page costs one page of index
    entries however many events the actors have.
    """
    e = _EVENT.c
    limit = q.limit if limit is None else limit
    through_links = bool(q.actor) and ids is not None and 0 < len(ids) <= MAX_ORDERED_ACTORS
    if through_links:
        assert ids is not None
        links = _links(q, ids)
        inner = (
            select(_EVENT)
            .join(links, links.c.event_id == e.id)
            .where(*_conditions(q, through_links=True))
            .order_by(links.c.event_date.desc(), links.c.event_id.desc())
            .limit(limit)
        )
    else:
        conds = _conditions(q)
        if q.actor and ids is not None:
            ea = _EVENT_ACTOR.c
            linked = select(ea.event_id).where(ea.actor_id.in_(ids or [0]))
            if q.actor_role:
                linked = linked.where(ea.role == q.actor_role)
            conds[0] = e.id.in_(linked)  # the actor condition is the first one
        if (q.bbox or q.radius) and not q.actor:
            inner = _spatial_page(q, limit)
        else:
            inner = select(_EVENT).where(*conds).order_by(e.event_date.desc(), e.id.desc()).limit(limit)
    if not isinstance(inner, Select):  # the spatial union: aggregate over its rows
        page = inner.subquery("page")
        return select(page, *_aggregates(page.c.id)).order_by(page.c.event_date.desc(), page.c.id.desc())
    # Postgres evaluates the per-row subqueries only for the rows the LIMIT keeps (after any Sort)
    return inner.add_columns(*_aggregates(e.id))


def _aggregates(event_id: Any) -> tuple[Any, Any]:
    """``actors`` (``role:name`` in position order) and ``source_ids`` of the event ``event_id``."""
    ea, es, actor = _EVENT_ACTOR.c, _EVENT_SOURCE.c, Actor.__table__.c  # type: ignore[attr-defined]
    actors = (
        select(func.array_agg(aggregate_order_by(ea.role + ":" + actor.name, ea.position)))
        .select_from(_EVENT_ACTOR.join(Actor.__table__, actor.id == ea.actor_id))  # type: ignore[attr-defined]
        .where(ea.event_id == event_id)
        .scalar_subquery()
    )
    sources = (
        select(func.array_agg(aggregate_order_by(es.source_id, es.source_id)))
        .where(es.event_id == event_id)
        .scalar_subquery()
    )
    return actors.label("actors"), sources.label("source_ids")


async def query_page(session: AsyncSession, q: EventQuery) -> list[dict[str, Any]]:
    """Events matching ``q`` newest first, at most ``q.limit``, as plain dicts of the event's columns
    plus ``actors`` and ``source_ids`` (see ``page_statement``): one statement, two with ``actor``."""
    ids = await actor_ids(session, q.actor) if q.actor else None
    if ids == []:
        return []
    limit = q.limit
    while True:
        rows = (await run(session, page_statement(q, ids, limit))).mappings().all()
        seen: set[int] = set()
        events = []
        for row in rows:  # an event linked to two matching actors (or roles) comes once per link
            if row["id"] not in seen:
                seen.add(row["id"])
                events.append(dict(row))
        if len(events) >= q.limit or len(rows) < limit:
            return events[: q.limit]
        limit *= 2


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
