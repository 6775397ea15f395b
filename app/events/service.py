"""Rules of the event endpoints: filter validation, cursors, assembling actors and sources."""

from __future__ import annotations

import base64
import binascii
import contextlib
import json
import math
from datetime import UTC, date, datetime
from typing import Any

import pycountry
from pydantic_core import to_json
from sqlmodel.ext.asyncio.session import AsyncSession

from app.core.errors import InvalidFilterError, NotFoundError
from app.core.validation import filter_text, valid_id
from app.events import repository as repo
from app.events.models import Event
from app.events.schemas import (
    EventActorOut,
    EventDetail,
    EventPublic,
    EventSourceOut,
    EvidenceOut,
)

MAX_LIMIT = 1000
EARTH_RADIUS_M = repo.EARTH_RADIUS_M


# --- cursors -----------------------------------------------------------------------------------


def encode_cursor(values: list[Any]) -> str:
    raw = json.dumps(values, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str, field: str = "cursor") -> list[Any]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        values = json.loads(raw)
    except (binascii.Error, ValueError, UnicodeDecodeError) as exc:
        raise InvalidFilterError("cursor is not one this API returned", field=field) from exc
    if not isinstance(values, list):
        raise InvalidFilterError("cursor is not one this API returned", field=field)
    return values


def _event_cursor(cursor: str) -> tuple[date, int]:
    values = decode_cursor(cursor)
    try:
        day, event_id = values
        return date.fromisoformat(day), valid_id(event_id)
    except (TypeError, ValueError) as exc:
        raise InvalidFilterError("cursor is not one this API returned", field="cursor") from exc


# --- filters -----------------------------------------------------------------------------------


def _split_numbers(raw: str, field: str, count: int) -> list[float]:
    parts = [p.strip() for p in raw.split(",")]
    if len(parts) != count:
        raise InvalidFilterError(
            f"{field} needs {count} comma-separated numbers, got {len(parts)}", field=field
        )
    try:
        numbers = [float(p) for p in parts]
    except ValueError as exc:
        raise InvalidFilterError(f"{field} must be numbers: {raw!r}", field=field) from exc
    if not all(math.isfinite(n) for n in numbers):
        raise InvalidFilterError(f"{field} must be finite numbers", field=field)
    return numbers


def parse_bbox(raw: str) -> tuple[tuple[float, float, float, float], tuple[float, float, float] | None]:
    """``min_lon,min_lat,max_lon,max_lat`` -> the box and a circle around it for the spatial index."""
    min_lon, min_lat, max_lon, max_lat = _split_numbers(raw, "bbox", 4)
    for lon in (min_lon, max_lon):
        if not -180 <= lon <= 180:
            raise InvalidFilterError("bbox longitudes must be within [-180, 180]", field="bbox")
    for lat in (min_lat, max_lat):
        if not -90 <= lat <= 90:
            raise InvalidFilterError("bbox latitudes must be within [-90, 90]", field="bbox")
    if min_lat > max_lat:
        raise InvalidFilterError(
            "bbox min_lat is above max_lat (order: min_lon,min_lat,max_lon,max_lat)", field="bbox"
        )
    box = (min_lon, min_lat, max_lon, max_lat)
    if min_lon > max_lon:  # crosses the antimeridian: no circle, plain comparisons
        return box, None
    c_lat, c_lon = (min_lat + max_lat) / 2, (min_lon + max_lon) / 2
    corners = [(min_lat, min_lon), (min_lat, max_lon), (max_lat, min_lon), (max_lat, max_lon)]
    edges = [(c_lat, min_lon), (c_lat, max_lon), (min_lat, c_lon), (max_lat, c_lon)]
    radius = max(repo.haversine_m(c_lat, c_lon, la, lo) for la, lo in corners + edges)
    if radius > 0.45 * math.pi * EARTH_RADIUS_M:  # a hemisphere or more: the circle filters nothing
        return box, None
    return box, (c_lat, c_lon, radius * 1.05 + 1000.0)


def _countries(values: list[str]) -> tuple[list[str], list[str]]:
    """ISO3 codes and lower-case names for ``country=`` values (names or ISO 3166 codes)."""
    codes: set[str] = set()
    names: set[str] = set()
    for raw in values:
        value = raw.strip()
        if not value:
            raise InvalidFilterError("country is empty", field="country")
        names.add(value.lower())
        if len(value) == 3 and value.isalpha():
            codes.add(value.upper())
        with contextlib.suppress(LookupError):
            codes.add(pycountry.countries.lookup(value).alpha_3)
    return sorted(codes), sorted(names)


def parse_filters(
    *,
    actor: str | None,
    actor_role: str | None,
    date_from: date | None,
    date_to: date | None,
    country: list[str],
    admin1: list[str],
    location: list[str],
    bbox: str | None,
    lat: float | None,
    lon: float | None,
    radius_km: float | None,
    event_type: list[str],
    sub_event_type: list[str],
    min_fatalities: int | None,
    source_id: int | None,
    cursor: str | None,
    limit: int,
    updated_since: datetime | None = None,
) -> repo.EventQuery:
    """Check the filters together and turn them into an ``EventQuery`` (422 ``invalid_filter``)."""
    q = repo.EventQuery(limit=limit)
    for name, value in (
        ("actor", actor),
        ("country", country),
        ("admin1", admin1),
        ("location", location),
        ("event_type", event_type),
        ("sub_event_type", sub_event_type),
    ):
        filter_text(value, name)
    if actor is not None:
        if not actor.strip():
            raise InvalidFilterError("actor is empty", field="actor")
        q.actor = actor.strip()
    if actor_role is not None and actor is None:
        raise InvalidFilterError("actor_role needs actor", field="actor_role")
    q.actor_role = actor_role
    if date_from and date_to and date_to < date_from:
        raise InvalidFilterError(f"date_to {date_to} is before date_from {date_from}", field="date_to")
    q.date_from, q.date_to = date_from, date_to
    q.iso3, q.country_names = _countries(country)
    q.admin1 = [a.strip() for a in admin1 if a.strip()]
    q.location = [a.strip() for a in location if a.strip()]
    q.event_type = [t.strip() for t in event_type if t.strip()]
    q.sub_event_type = [t.strip() for t in sub_event_type if t.strip()]
    if bbox is not None:
        q.bbox, q.bbox_circle = parse_bbox(bbox)
    given = {"lat": lat, "lon": lon, "radius_km": radius_km}
    if any(v is not None for v in given.values()):
        missing = [k for k, v in given.items() if v is None]
        if missing:
            field = missing[0]
            raise InvalidFilterError(
                f"a radius search needs lat, lon and radius_km together; {', '.join(missing)} missing",
                field=field,
            )
        assert lat is not None and lon is not None and radius_km is not None
        q.radius = (lat, lon, radius_km * 1000.0)
    q.min_fatalities = min_fatalities
    q.source_id = source_id
    if updated_since is not None and updated_since.tzinfo is None:
        updated_since = updated_since.replace(tzinfo=UTC)
    q.updated_since = updated_since
    if cursor:
        q.after = _event_cursor(cursor)
    return q


# --- reads -------------------------------------------------------------------------------------


def _public(event: Event, links: list[repo.ActorLink], source_ids: list[int]) -> dict[str, Any]:
    names: dict[str, list[str]] = {
        role: [] for role in ("actor1", "assoc_actor_1", "actor2", "assoc_actor_2")
    }
    for link in links:
        names[link.role].append(link.name)
    data = event.model_dump()
    data.update({role: "; ".join(values) for role, values in names.items()})
    data["source_ids"] = source_ids
    data["source_count"] = len(source_ids)
    return data


async def of_source(session: AsyncSession, source_id: int) -> list[EventPublic]:
    """The events a source supports, in the order they were stored, with their actors and sources."""
    return [EventPublic.model_validate(row) for row in await repo.public_of_source(session, source_id)]


async def to_public(session: AsyncSession, events: list[Event]) -> list[EventPublic]:
    """Events with their actor names by role and their source ids (two queries for the lot)."""
    ids = [e.id for e in events if e.id is not None]
    actors = await repo.actors_of(session, ids)
    sources = await repo.source_ids_of(session, ids)
    return [EventPublic(**_public(e, actors.get(e.id or 0, []), sources.get(e.id or 0, []))) for e in events]


async def list_events(session: AsyncSession, q: repo.EventQuery) -> bytes:
    """One page of events matching ``q`` as the JSON of an ``EventPage``: one statement (two with an
    actor filter). Postgres writes each event's JSON in the shape of ``EventPublic`` (the same bytes as
    ``EventPage.model_dump_json``; tests/api/test_events.py checks them against the models), and the page
    only wraps them."""
    limit = q.limit
    q.limit = limit + 1  # one more tells whether there is a next page
    rows = await repo.query_page(session, q)
    more = len(rows) > limit
    rows = rows[:limit]
    next_cursor = None
    if more and rows:
        last_id, last_date, _json = rows[-1]
        next_cursor = encode_cursor([last_date.isoformat(), last_id])
    # Postgres wrote each event's JSON (the bytes of EventPublic.model_dump_json); the page wraps them
    items = ",".join(row[2] for row in rows).encode()
    return b'{"items":[' + items + b'],"next_cursor":' + to_json(next_cursor) + b"}"


async def get_event(session: AsyncSession, event_id: int) -> EventDetail:
    """One event with its actors, sources and evidence; 404 when unknown."""
    event = await repo.get(session, event_id)
    if event is None:
        raise NotFoundError(f"no event with id {event_id}", field="event_id")
    (public,) = await to_public(session, [event])
    links = (await repo.actors_of(session, [event_id])).get(event_id, [])
    sources = []
    for source, rows in await repo.sources_with_evidence(session, event_id):
        evidence = [
            EvidenceOut(start=r.evidence_start, end=r.evidence_end, text=r.evidence_text or "")
            for r in rows
            if r.evidence_start is not None and r.evidence_end is not None
        ]
        report = rows[0].report or {}
        sources.append(
            EventSourceOut(
                id=source.id or 0,
                url=source.url,
                title=source.title,
                publisher=source.publisher,
                published_at=source.published_at,
                evidence=evidence,
                event_date=report.get("event_date"),
                fatalities=rows[0].fatalities,
                injuries=rows[0].injuries,
            )
        )
    return EventDetail(
        **public.model_dump(),
        actors=[EventActorOut(id=a.actor_id, name=a.name, role=a.role, inter=a.inter) for a in links],
        sources=sources,
    )
