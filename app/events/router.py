"""``GET /events`` and ``GET /events/{id}``."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query, Response

from app.core.db import SessionDep
from app.core.errors import error_responses
from app.core.validation import MAX_ID, MAX_INT
from app.events import service
from app.events.schemas import EventDetail, EventPage

router = APIRouter(tags=["events"])


@router.get(
    "/events",
    summary="Find events",
    description=(
        "Stored events matching every given filter, newest first (`event_date`, then id). Repeatable "
        "filters (`country`, `admin1`, `location`, `event_type`, `sub_event_type`) match any of their "
        "values. Text filters ignore case. Pass `next_cursor` back as `cursor` for the next page.\n\n"
        "Example: `GET /events?actor=United%20States&country=Iraq&date_from=2023-11-20&date_to=2023-11-22`"
        "\n\n`GET /events?lat=33.80&lon=42.44&radius_km=50` (within 50 km of Ain al-Asad air base);"
        " `GET /events?bbox=38.8,29.0,44.5,35.5` (Anbar province)."
    ),
    response_model=EventPage,
    responses=error_responses(422, 503),
)
async def list_events(
    session: SessionDep,
    actor: Annotated[
        str | None,
        Query(
            description="Text matched from the start of a word of an actor's canonical name or alias, "
            "ignoring case (`US` finds `US military`, not `Russia`), in any role.",
            examples=["United States"],
            max_length=200,
        ),
    ] = None,
    actor_role: Annotated[
        Literal["actor1", "assoc_actor_1", "actor2", "assoc_actor_2"] | None,
        Query(description="Only match `actor` in this role."),
    ] = None,
    date_from: Annotated[
        date | None, Query(description="First event_date (inclusive).", examples=["2023-11-20"])
    ] = None,
    date_to: Annotated[
        date | None, Query(description="Last event_date (inclusive).", examples=["2023-11-22"])
    ] = None,
    country: Annotated[
        list[str],
        Query(
            description="Country name or ISO 3166 code (alpha-3 or alpha-2); repeatable.", examples=["Iraq"]
        ),
    ] = [],  # noqa: B006  (FastAPI copies defaults)
    admin1: Annotated[list[str], Query(description="First-level region, e.g. `Al Anbar`; repeatable.")] = [],  # noqa: B006
    location: Annotated[list[str], Query(description="Location name as coded; repeatable.")] = [],  # noqa: B006
    bbox: Annotated[
        str | None,
        Query(
            description="`min_lon,min_lat,max_lon,max_lat` (WGS84 degrees).", examples=["38.8,29.0,44.5,35.5"]
        ),
    ] = None,
    lat: Annotated[
        float | None, Query(ge=-90, le=90, description="Centre latitude of a radius search.")
    ] = None,
    lon: Annotated[
        float | None, Query(ge=-180, le=180, description="Centre longitude of a radius search.")
    ] = None,
    radius_km: Annotated[
        float | None,
        Query(ge=0.001, le=20040, description="Radius in km (needs `lat` and `lon`).", examples=[50]),
    ] = None,
    event_type: Annotated[list[str], Query(description="ACLED event type; repeatable.")] = [],  # noqa: B006
    sub_event_type: Annotated[
        list[str], Query(description="ACLED sub-event type; repeatable.", examples=["Air/drone strike"])
    ] = [],  # noqa: B006
    min_fatalities: Annotated[
        int | None, Query(ge=0, le=MAX_INT, description="At least this many fatalities.")
    ] = None,
    source_id: Annotated[
        int | None, Query(ge=1, le=MAX_ID, description="Only events supported by this source.")
    ] = None,
    updated_since: Annotated[
        datetime | None,
        Query(
            description="Only events created or changed at or after this time (ISO 8601; UTC when no "
            "offset). Deletions and merges are in `GET /changes`.",
            examples=["2023-11-22T00:00:00Z"],
        ),
    ] = None,
    cursor: Annotated[
        str | None, Query(description="`next_cursor` of the previous page.", max_length=200)
    ] = None,
    limit: Annotated[int, Query(ge=1, le=service.MAX_LIMIT, description="Page size (at most 1000).")] = 100,
) -> Response:
    q = service.parse_filters(
        actor=actor,
        actor_role=actor_role,
        date_from=date_from,
        date_to=date_to,
        country=country,
        admin1=admin1,
        location=location,
        bbox=bbox,
        lat=lat,
        lon=lon,
        radius_km=radius_km,
        event_type=event_type,
        sub_event_type=sub_event_type,
        min_fatalities=min_fatalities,
        source_id=source_id,
        cursor=cursor,
        limit=limit,
        updated_since=updated_since,
    )
    # the JSON of an EventPage, built by the service: FastAPI does not validate it again
    return Response(await service.list_events(session, q), media_type="application/json")


@router.get(
    "/events/{event_id}",
    summary="One event with its actors, sources and evidence",
    description="The event, each actor with its role and inter code, and each source with the sentences "
    "(and their character offsets in the source text) that support the event.",
    response_model=EventDetail,
    responses=error_responses(404, 422, 503),
)
async def get_event(
    session: SessionDep, event_id: Annotated[int, Path(ge=1, le=MAX_ID, examples=[1])]
) -> EventDetail:
    return await service.get_event(session, event_id)
