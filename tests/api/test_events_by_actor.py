"""GET /events?actor= read through ``event_actor.event_date`` (migration 0005): pages, roles, events
linked to several matching actors, and the copied date following the event's date."""

from __future__ import annotations

from datetime import date
from typing import Any

import httpx
from sqlalchemy import text
from sqlmodel.ext.asyncio.session import AsyncSession

from app.core.db import run


async def _event(session: AsyncSession, day: str, country: str = "Sudan", iso3: str = "SDN") -> int:
    result = await run(
        session,
        text(
            "INSERT INTO event (event_date, event_type, sub_event_type, country, iso3, notes) "
            "VALUES (:day, 'Battles', 'Armed clash', :country, :iso3, 'RSF and SAF clashed.') RETURNING id"
        ).bindparams(day=date.fromisoformat(day), country=country, iso3=iso3),
    )
    return int(result.scalar_one())


async def _actor(session: AsyncSession, name: str) -> int:
    result = await run(
        session, text("INSERT INTO actor (name, country) VALUES (:n, 'Sudan') RETURNING id").bindparams(n=name)
    )
    return int(result.scalar_one())


async def _link(session: AsyncSession, event_id: int, role: str, actor_id: int) -> None:
    await run(
        session,
        text("INSERT INTO event_actor (event_id, role, actor_id) VALUES (:e, :r, :a)").bindparams(
            e=event_id, r=role, a=actor_id
        ),
    )


async def _page(client: httpx.AsyncClient, **params: Any) -> dict[str, Any]:
    response = await client.get("/events", params=params)
    assert response.status_code == 200, response.text
    return dict(response.json())


async def test_actor_pages_walk_newest_first_without_repeats(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    rsf = await _actor(session, "Rapid Support Forces")
    saf = await _actor(session, "Military Forces of Sudan (2019-)")
    days = ["2023-04-15", "2023-04-16", "2023-04-16", "2023-05-01", "2023-06-20"]
    events = [await _event(session, d) for d in days]
    for event_id in events:
        await _link(session, event_id, "actor1", rsf)
        await _link(session, event_id, "actor2", saf)
    # the same group on both sides of one clash (an internal split) is still one event
    await _link(session, events[0], "assoc_actor_2", rsf)

    first = await _page(client, actor="rapid support", limit=2)
    assert [e["id"] for e in first["items"]] == [events[4], events[3]]
    assert first["items"][0]["actor1"] == "Rapid Support Forces"
    assert first["items"][0]["actor2"] == "Military Forces of Sudan (2019-)"
    second = await _page(client, actor="rapid support", limit=2, cursor=first["next_cursor"])
    assert [e["id"] for e in second["items"]] == [events[2], events[1]]
    third = await _page(client, actor="rapid support", limit=2, cursor=second["next_cursor"])
    assert [e["id"] for e in third["items"]] == [events[0]] and third["next_cursor"] is None
    assert third["items"][0]["assoc_actor_2"] == "Rapid Support Forces"

    # "forces" matches both actors: each event once, in date order
    both = await _page(client, actor="forces", date_from="2023-04-16", date_to="2023-05-31")
    assert [e["id"] for e in both["items"]] == [events[3], events[2], events[1]]
    assert await _page(client, actor="rapid support", actor_role="actor2") == {"items": [], "next_cursor": None}
    assert await _page(client, actor="Wagner") == {"items": [], "next_cursor": None}


async def test_actor_filter_combines_with_country(client: httpx.AsyncClient, session: AsyncSession) -> None:
    rsf = await _actor(session, "Rapid Support Forces")
    sudan = await _event(session, "2024-01-10")
    chad = await _event(session, "2024-01-11", country="Chad", iso3="TCD")
    for event_id in (sudan, chad):
        await _link(session, event_id, "actor1", rsf)
    page = await _page(client, actor="Rapid Support Forces", country="Sudan")
    assert [e["id"] for e in page["items"]] == [sudan]


async def test_link_date_follows_the_event_date(session: AsyncSession) -> None:
    rsf = await _actor(session, "Rapid Support Forces")
    event_id = await _event(session, "2023-04-15")
    await _link(session, event_id, "actor1", rsf)
    stored = text("SELECT event_date FROM event_actor WHERE event_id = :e").bindparams(e=event_id)
    assert (await run(session, stored)).scalar_one() == date(2023, 4, 15)
    await run(session, text("UPDATE event SET event_date = '2023-04-13' WHERE id = :e").bindparams(e=event_id))
    assert (await run(session, stored)).scalar_one() == date(2023, 4, 13)
