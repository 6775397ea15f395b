"""SQL of event resolution: the indexed candidate lookup, reports, derived updates, merges."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy import and_, delete, func, or_, select, text, true, update
from sqlalchemy.dialects.postgresql import distinct_on, insert
from sqlmodel import col
from sqlmodel.ext.asyncio.session import AsyncSession

from app.actors.models import Actor
from app.core.db import run
from app.events import repository as events_repo
from app.events.models import EARTH_POINT, Event, EventActor, EventSource

_EVENT = Event.__table__  # type: ignore[attr-defined]
_EVENT_ACTOR = EventActor.__table__  # type: ignore[attr-defined]
_EVENT_SOURCE = EventSource.__table__  # type: ignore[attr-defined]

# Coarse-dated (week/month) stored events are looked up this far around the new date.
COARSE_WINDOW_DAYS = 31
MAX_CANDIDATES = 200
MAX_DISTANCE_M = 25_000.0  # resolution.MAX_DISTANCE_KM
CANDIDATE_FIELDS = (
    "event_date",
    "time_precision",
    "sub_event_type",
    "country",
    "iso3",
    "admin1",
    "admin2",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
)


async def lock(session: AsyncSession, keys: list[str]) -> None:
    """Transaction-level advisory locks on ``keys`` (take them sorted: no deadlock between writers)."""
    for key in keys:
        await run(session, select(func.pg_advisory_xact_lock(func.hashtext("resolve:" + key))))


async def candidates(
    session: AsyncSession,
    *,
    iso3: str,
    sub_event_types: list[str],
    day: date,
    tolerance_days: int,
    exclude_source_id: int,
    admin1: str = "",
    point: tuple[float, float] | None = None,
) -> list[tuple[int, dict[str, Any], dict[str, list[str]], list[str]]]:
    """Stored events of the country and type family whose date may agree with ``day``.

    Two index range scans: ``ix_event_iso3_event_date`` over ``day ± tolerance`` and the partial
    ``ix_event_iso3_event_date_coarse`` over ``day ± 31`` (week- or month-precise events). The place
    is pre-filtered here so that a busy country's day stays a handful of rows: with a ``point`` (a
    report located at a place), located events within 25 km plus region-only or unlocated ones; with
    only ``admin1``, events of that admin1. The exact date, place and actor rules are the caller's.
    """
    e = _EVENT.c
    near = e.event_date.between(day - timedelta(days=tolerance_days), day + timedelta(days=tolerance_days))
    coarse = and_(
        e.time_precision > 1,
        e.event_date.between(
            day - timedelta(days=COARSE_WINDOW_DAYS), day + timedelta(days=COARSE_WINDOW_DAYS)
        ),
    )
    supported = select(_EVENT_SOURCE.c.event_id).where(_EVENT_SOURCE.c.source_id == exclude_source_id)
    place: Any = true()
    if point is not None:
        within = text(
            f"{EARTH_POINT} <@ earth_box(ll_to_earth(:plat, :plon), :pm) "
            f"AND earth_distance(ll_to_earth(:plat, :plon), {EARTH_POINT}) <= :pm"
        ).bindparams(plat=point[0], plon=point[1], pm=MAX_DISTANCE_M)
        place = or_(e.geo_precision == 3, e.latitude.is_(None), e.longitude.is_(None), within)
    elif admin1:
        place = func.lower(e.admin1) == admin1.lower()
    stmt = (
        select(e.id, *(getattr(e, f) for f in CANDIDATE_FIELDS))
        .where(
            e.iso3 == iso3,
            or_(near, coarse),
            func.lower(e.sub_event_type).in_(sub_event_types),
            place,
            e.id.not_in(supported),
        )
        .order_by(e.id.desc())
        .limit(MAX_CANDIDATES)
    )
    rows = (await run(session, stmt)).all()
    ids = [row[0] for row in rows]
    links = await events_repo.actors_of(session, ids)
    sites = await sites_of(session, ids)
    out = []
    for row in rows:
        values = dict(zip(CANDIDATE_FIELDS, row[1:], strict=True))
        actors: dict[str, list[str]] = {}
        for link in links.get(row[0], []):
            actors.setdefault(link.role, []).append(link.name)
        out.append((row[0], values, actors, sites.get(row[0], [])))
    return out


async def sites_of(session: AsyncSession, event_ids: list[int]) -> dict[int, list[str]]:
    """The sites named by any report of each event."""
    if not event_ids:
        return {}
    es = _EVENT_SOURCE.c
    site = func.jsonb_array_elements_text(
        func.coalesce(es.report["sites"], text("'[]'::jsonb"))
    ).table_valued("value")
    stmt = (
        select(es.event_id, site.c.value)
        .select_from(_EVENT_SOURCE)
        .join(site, true())
        .where(es.event_id.in_(event_ids))
        .distinct()
    )
    out: dict[int, list[str]] = {}
    for event_id, name in (await run(session, stmt)).all():
        out.setdefault(int(event_id), []).append(str(name))
    return out


async def reports_of(session: AsyncSession, event_id: int) -> list[tuple[int, int, dict[str, Any] | None]]:
    """``(source_id, first event_source id, report)`` of each source of the event."""
    es = _EVENT_SOURCE.c
    stmt = (
        select(es.source_id, es.id, es.report)
        .where(es.event_id == event_id)
        .ext(distinct_on(es.source_id))
        .order_by(es.source_id, es.id)
    )
    return [(int(s), int(i), r) for s, i, r in (await run(session, stmt)).all()]


async def update_event(
    session: AsyncSession, event_id: int, values: dict[str, Any], actors: dict[str, list[str]]
) -> None:
    """Write derived values and actors; ``updated_at`` becomes now."""
    await run(session, update(_EVENT).where(_EVENT.c.id == event_id).values(**values, updated_at=func.now()))
    names = sorted({n for ns in actors.values() for n in ns})
    ids: dict[str, int] = {}
    if names:
        result = await run(session, select(col(Actor.name), col(Actor.id)).where(col(Actor.name).in_(names)))
        ids = {name: actor_id for name, actor_id in result.all()}
    await run(session, delete(_EVENT_ACTOR).where(_EVENT_ACTOR.c.event_id == event_id))
    rows = [
        {"event_id": event_id, "role": role, "position": position, "actor_id": ids[name]}
        for role, role_names in actors.items()
        for position, name in enumerate(dict.fromkeys(role_names))
        if name in ids
    ]
    if rows:
        await run(session, insert(_EVENT_ACTOR).values(rows).on_conflict_do_nothing())


async def touch(session: AsyncSession, event_id: int) -> None:
    await run(session, update(_EVENT).where(_EVENT.c.id == event_id).values(updated_at=func.now()))


async def delete_event(session: AsyncSession, event_id: int) -> None:
    """Delete an event (its actor and source links go with it)."""
    await run(session, delete(_EVENT).where(_EVENT.c.id == event_id))


async def events_of_source(session: AsyncSession, source_id: int) -> list[int]:
    es = _EVENT_SOURCE.c
    stmt = select(es.event_id).where(es.source_id == source_id).distinct().order_by(es.event_id)
    return [int(x) for x in (await run(session, stmt)).scalars().all()]


async def lock_events(session: AsyncSession, event_ids: list[int]) -> None:
    """Row locks on the events (in id order) before their sources change."""
    if event_ids:
        stmt = select(_EVENT.c.id).where(_EVENT.c.id.in_(event_ids)).order_by(_EVENT.c.id).with_for_update()
        await run(session, stmt)


async def move_sources(session: AsyncSession, from_event: int, to_event: int) -> None:
    """Re-point every ``event_source`` row of one event to another (merges)."""
    es = _EVENT_SOURCE.c
    await run(session, update(_EVENT_SOURCE).where(es.event_id == from_event).values(event_id=to_event))


async def kinds_of(session: AsyncSession, event_ids: list[int]) -> list[tuple[str, str]]:
    """``(iso3, sub_event_type)`` of each event."""
    if not event_ids:
        return []
    stmt = select(_EVENT.c.iso3, _EVENT.c.sub_event_type).where(_EVENT.c.id.in_(event_ids))
    return [(iso3, sub) for iso3, sub in (await run(session, stmt)).all()]


async def coding_of(
    session: AsyncSession, event_id: int
) -> tuple[dict[str, Any], dict[str, list[str]]] | None:
    """The event's current column values (those a report holds) and actor names by role."""
    event = await session.get(Event, event_id, populate_existing=True)
    if event is None:
        return None
    values = event.model_dump(exclude={"id", "created_at", "updated_at"})
    actors: dict[str, list[str]] = {}
    for link in (await events_repo.actors_of(session, [event_id])).get(event_id, []):
        actors.setdefault(link.role, []).append(link.name)
    return values, actors
