"""GET /events?bbox= and ?lat=&lon=&radius_km=: the date-ordered walk over a busy area and the
GiST-indexed plan for a sparse one give the same events, newest first."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import httpx
from sqlalchemy import text
from sqlmodel.ext.asyncio.session import AsyncSession

from app.core.db import run
from app.events import repository

KHARTOUM = (15.5007, 32.5599)
OMDURMAN = (15.6445, 32.4777)  # about 18 km from Khartoum
NYALA = (12.0489, 24.8807)


async def _event(session: AsyncSession, day: date, place: tuple[float, float]) -> int:
    result = await run(
        session,
        text(
            "INSERT INTO event (event_date, event_type, sub_event_type, country, iso3, latitude, longitude, "
            "notes) VALUES (:day, 'Explosions/Remote violence', 'Shelling/artillery/missile attack', 'Sudan', "
            "'SDN', :lat, :lon, 'Shelling was reported.') RETURNING id"
        ).bindparams(day=day, lat=place[0], lon=place[1]),
    )
    return int(result.scalar_one())


async def _ids(client: httpx.AsyncClient, **params: Any) -> list[int]:
    response = await client.get("/events", params=params)
    assert response.status_code == 200, response.text
    return [e["id"] for e in response.json()["items"]]


async def test_busy_area_is_read_newest_first_and_paged(client: httpx.AsyncClient, session: AsyncSession) -> None:
    start = date(2023, 5, 1)
    khartoum = [await _event(session, start + timedelta(days=i), KHARTOUM) for i in range(4)]
    nyala = await _event(session, start + timedelta(days=10), NYALA)
    box = "32.3,15.3,32.8,15.8"
    assert await _ids(client, bbox=box, limit=2) == [khartoum[3], khartoum[2]]  # the walk fills the page
    first = (await client.get("/events", params={"bbox": box, "limit": 3})).json()
    second = await _ids(client, bbox=box, limit=3, cursor=first["next_cursor"])
    assert [e["id"] for e in first["items"]] + second == khartoum[::-1]
    assert await _ids(client, lat=KHARTOUM[0], lon=KHARTOUM[1], radius_km=5, limit=1) == [khartoum[3]]
    assert nyala not in await _ids(client, bbox=box)


async def test_sparse_area_behind_many_newer_events_falls_back_to_the_index(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    old = await _event(session, date(2020, 1, 1), OMDURMAN)
    newer = date(2023, 6, 1)
    for i in range(repository.WALK_ROWS_PER_ROW + 5):  # more than the walk reads for a page of one
        await _event(session, newer + timedelta(days=i % 30), KHARTOUM)
    assert await _ids(client, lat=OMDURMAN[0], lon=OMDURMAN[1], radius_km=5, limit=1) == [old]
    assert await _ids(client, bbox="32.40,15.60,32.52,15.70", limit=1) == [old]
    assert await _ids(client, lat=OMDURMAN[0], lon=OMDURMAN[1], radius_km=25, limit=1) != [old]  # Khartoum
