"""SQL of event resolution: the indexed candidate lookup, reports, derived updates, merges."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.dialects.postgresql import distinct_on, insert
from sqlmodel import col
from sqlmodel.ext.asyncio.session import AsyncSession

from app.actors.models import Actor
from app.core.db import fetch, run, write
from app.events import repository as events_repo
from app.events.models import EARTH_POINT, ROLES, Event, EventActor, EventSource

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
        await write(session, "SELECT pg_advisory_xact_lock(hashtext($1))", "resolve:" + key)


_CANDIDATE_SQL = (
    "SELECT e.id, " + ", ".join(f"e.{f}" for f in CANDIDATE_FIELDS) + ", "
    # actor names as role:name, by role then position (roles hold no ':')
    "(SELECT coalesce(array_agg(ea.role || ':' || a.name ORDER BY array_position($1::text[], ea.role), "
    "ea.position), '{{}}') FROM event_actor ea JOIN actor a ON a.id = ea.actor_id WHERE ea.event_id = e.id), "
    # the sites any report of the event names
    "(SELECT coalesce(array_agg(DISTINCT site), '{{}}') FROM event_source es, "
    "jsonb_array_elements_text(coalesce(es.report -> 'sites', '[]'::jsonb)) AS site WHERE es.event_id = e.id), "
    "(SELECT coalesce(array_agg(DISTINCT es.source_id), '{{}}') FROM event_source es WHERE es.event_id = e.id) "
    "FROM event e WHERE e.iso3 = $2 "
    "AND (e.event_date BETWEEN $3 AND $4 OR (e.time_precision > 1 AND e.event_date BETWEEN $5 AND $6)) "
    "AND lower(e.sub_event_type) = ANY($7::text[]) AND {place} "
    "AND e.id NOT IN (SELECT es.event_id FROM event_source es WHERE es.source_id = $8) "
    "ORDER BY e.id DESC LIMIT $9"
)
_NEAR_POINT = (
    "(e.geo_precision = 3 OR e.latitude IS NULL OR e.longitude IS NULL OR "
    f"({EARTH_POINT} <@ earth_box(ll_to_earth($10, $11), $12) "
    f"AND earth_distance(ll_to_earth($10, $11), {EARTH_POINT}) <= $12))"
)


@dataclass
class Candidate:
    """A stored event resolution may link a report to: the columns a report holds, actor names by
    role, the sites its reports name and its source ids."""

    event_id: int
    values: dict[str, Any]
    actors: dict[str, list[str]]
    sites: list[str]
    source_ids: list[int]


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
) -> list[Candidate]:
    """Stored events of the country and type family whose date may agree with ``day``, with their
    actors, sites and sources: one statement.

    Two index range scans: ``ix_event_iso3_event_date`` over ``day ± tolerance`` and the partial
    ``ix_event_iso3_event_date_coarse`` over ``day ± 31`` (week- or month-precise events). The place
    is pre-filtered here so that a busy country's day stays a handful of rows: with a ``point`` (a
    report located at a place), located events within 25 km plus region-only or unlocated ones; with
    only ``admin1``, events of that admin1. The exact date, place and actor rules are the caller's.
    """
    args: list[Any] = [
        list(ROLES),
        iso3,
        day - timedelta(days=tolerance_days),
        day + timedelta(days=tolerance_days),
        day - timedelta(days=COARSE_WINDOW_DAYS),
        day + timedelta(days=COARSE_WINDOW_DAYS),
        sub_event_types,
        exclude_source_id,
        MAX_CANDIDATES,
    ]
    if point is not None:
        place = _NEAR_POINT
        args += [point[0], point[1], MAX_DISTANCE_M]
    elif admin1:
        place = "lower(e.admin1) = $10"
        args.append(admin1.lower())
    else:
        place = "true"
    out = []
    for row in await fetch(session, _CANDIDATE_SQL.format(place=place), *args):
        actors: dict[str, list[str]] = {}
        for link in row[-3]:
            role, _, name = link.partition(":")
            actors.setdefault(role, []).append(name)
        values = dict(zip(CANDIDATE_FIELDS, row[1:-3], strict=True))
        out.append(Candidate(row[0], values, actors, list(row[-2]), sorted(row[-1])))
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
