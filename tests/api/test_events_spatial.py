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


async def test_busy_area_is_read_newest_first_and_paged(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
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


async def test_grid_cells_give_exactly_the_events_in_the_area_newest_first(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    """Boxes and circles over a few grid cells (migration 0007) answer what a plain scan answers:
    points on a 0.1-degree lattice around Khartoum, cells inside the area and on its edge."""
    points = [(15.0 + i * 0.1, 32.0 + j * 0.1) for i in range(12) for j in range(12)]
    stored = []
    for n, place in enumerate(points):
        day = n % 40
        stored.append((await _event(session, date(2023, 1, 1) + timedelta(days=day), place), place, day))
    newest = sorted(stored, key=lambda s: (s[2], s[0]), reverse=True)

    def expected(inside: Any) -> list[int]:
        return [event_id for event_id, place, _ in newest if inside(*place)]

    box = (32.15, 15.25, 32.95, 15.75)  # min_lon, min_lat, max_lon, max_lat: 16 cells, 2 wholly inside
    q = repository.EventQuery(bbox=box)
    cells = repository._grid_cells(q)
    assert cells is not None and any(inside for _, inside in cells) and not all(inside for _, inside in cells)
    in_box = expected(lambda la, lo: box[1] <= la <= box[3] and box[0] <= lo <= box[2])
    assert await _ids(client, bbox=",".join(map(str, box)), limit=1000) == in_box
    assert await _ids(client, bbox=",".join(map(str, box)), limit=5) == in_box[:5]

    centre = (15.5, 32.5)
    for km in (8, 30):
        found = await _ids(client, lat=centre[0], lon=centre[1], radius_km=km, limit=1000)
        near = expected(lambda la, lo, m=km * 1000: repository.haversine_m(*centre, la, lo) <= m)
        assert found == near and near


def test_circles_over_as_many_grid_cells_share_one_statement_text() -> None:
    """Which cells lie wholly inside the circle is a parameter, not part of the text, so the
    prepared-statement and plan caches serve every circle (and box) over that many cells."""
    west = repository.EventQuery(radius=(15.0, 32.117, 50_000.0))
    east = repository.EventQuery(radius=(15.0, 32.13, 50_000.0))
    west_cells, east_cells = repository._grid_cells(west), repository._grid_cells(east)
    assert west_cells is not None and east_cells is not None
    assert len(west_cells) == len(east_cells)
    assert [inside for _, inside in west_cells] != [inside for _, inside in east_cells]
    (west_sql, west_args), (east_sql, east_args) = repository.page_sql(west), repository.page_sql(east)
    assert west_sql == east_sql
    assert west_args != east_args
