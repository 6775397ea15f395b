"""GET /events filters and pagination, GET /events/{id}, GET /sources, GET /actors."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from sqlmodel.ext.asyncio.session import AsyncSession

from .factories import MAIDUGURI, MANDERA, actor_names, post_article


@pytest.fixture
async def two_articles(client: httpx.AsyncClient) -> tuple[dict[str, Any], dict[str, Any]]:
    kenya = await post_article(client, MANDERA)
    nigeria = await post_article(client, MAIDUGURI)
    assert kenya["events"] and nigeria["events"]
    return kenya, nigeria


async def ids(client: httpx.AsyncClient, **params: Any) -> set[int]:
    response = await client.get("/events", params=params)
    assert response.status_code == 200, response.text
    return {e["id"] for e in response.json()["items"]}


def event_ids(article: dict[str, Any]) -> set[int]:
    return {e["id"] for e in article["events"]}


async def test_country_filter_takes_names_and_iso_codes(client: httpx.AsyncClient, two_articles) -> None:  # type: ignore[no-untyped-def]
    kenya, nigeria = two_articles
    assert await ids(client, country="Kenya") == event_ids(kenya)
    assert await ids(client, country="KEN") == event_ids(kenya)
    assert await ids(client, country="nigeria") == event_ids(nigeria)
    assert await ids(client, country=["Kenya", "NGA"]) == event_ids(kenya) | event_ids(nigeria)
    assert await ids(client, country="Iraq") == set()


async def test_actor_filter_is_case_insensitive_on_names(client: httpx.AsyncClient, two_articles) -> None:  # type: ignore[no-untyped-def]
    kenya, nigeria = two_articles
    shabaab = await ids(client, actor="al shabaab")
    assert shabaab and shabaab <= event_ids(kenya)
    boko = await ids(client, actor="BOKO HARAM")
    assert boko and boko <= event_ids(nigeria)
    role = next(r for r in ("actor1", "actor2") if "boko" in nigeria["events"][0][r].lower())
    other = "actor1" if role == "actor2" else "actor2"
    assert await ids(client, actor="boko haram", actor_role=role) >= {nigeria["events"][0]["id"]}
    assert nigeria["events"][0]["id"] not in await ids(client, actor="boko haram", actor_role=other)


async def test_date_window_is_inclusive(client: httpx.AsyncClient, two_articles) -> None:  # type: ignore[no-untyped-def]
    kenya, nigeria = two_articles
    assert await ids(client, date_from="2024-03-03", date_to="2024-03-03") == event_ids(kenya)
    assert await ids(client, date_to="2023-12-31") == event_ids(nigeria)
    assert await ids(client, date_from="2024-03-04") == set()


async def test_bbox_and_radius_find_events_by_their_coordinates(
    client: httpx.AsyncClient, two_articles
) -> None:  # type: ignore[no-untyped-def]
    kenya, _ = two_articles
    event = kenya["events"][0]
    lat, lon = event["latitude"], event["longitude"]
    assert lat is not None and lon is not None, "Mandera should be geocoded"
    assert 3.0 < lat < 4.5 and 40.5 < lon < 42.5  # Mandera, north-east Kenya
    box = f"{lon - 0.5},{lat - 0.5},{lon + 0.5},{lat + 0.5}"
    assert event["id"] in await ids(client, bbox=box)
    assert event["id"] not in await ids(client, bbox="2.0,6.0,15.0,14.0")  # Nigeria
    assert event["id"] in await ids(client, lat=lat + 0.3, lon=lon, radius_km=50)  # ~33 km away
    assert event["id"] not in await ids(client, lat=lat + 0.3, lon=lon, radius_km=20)


async def test_type_fatality_and_source_filters(client: httpx.AsyncClient, two_articles) -> None:  # type: ignore[no-untyped-def]
    kenya, nigeria = two_articles
    event = nigeria["events"][0]
    assert event["fatalities"] == 12
    assert event["id"] in await ids(client, sub_event_type=event["sub_event_type"].upper())
    assert event["id"] in await ids(client, event_type=event["event_type"])
    assert event["id"] in await ids(client, min_fatalities=12)
    assert await ids(client, min_fatalities=13) == set()
    assert await ids(client, source_id=kenya["source"]["id"]) == event_ids(kenya)


async def test_cursor_pages_newest_first_without_repeats(client: httpx.AsyncClient, two_articles) -> None:  # type: ignore[no-untyped-def]
    kenya, nigeria = two_articles
    seen: list[dict[str, Any]] = []
    cursor = None
    for _ in range(20):
        params: dict[str, Any] = {"limit": 1}
        if cursor:
            params["cursor"] = cursor
        page = (await client.get("/events", params=params)).json()
        seen.extend(page["items"])
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert {e["id"] for e in seen} == event_ids(kenya) | event_ids(nigeria)
    assert len(seen) == len({e["id"] for e in seen})
    keys = [(e["event_date"], e["id"]) for e in seen]
    assert keys == sorted(keys, reverse=True)
    assert seen[0]["event_date"] == "2024-03-03"


async def test_event_detail_has_actors_sources_and_evidence(client: httpx.AsyncClient, two_articles) -> None:  # type: ignore[no-untyped-def]
    kenya, _ = two_articles
    event = kenya["events"][0]
    detail = (await client.get(f"/events/{event['id']}")).json()
    assert detail["id"] == event["id"]
    assert {a["name"] for a in detail["actors"]} == set(actor_names(event))
    assert {a["role"] for a in detail["actors"]} <= {"actor1", "assoc_actor_1", "actor2", "assoc_actor_2"}
    (source,) = detail["sources"]
    assert source["id"] == kenya["source"]["id"]
    assert source["evidence"], "the event should keep its evidence sentence"
    for evidence in source["evidence"]:
        assert MANDERA["text"][evidence["start"] : evidence["end"]] == evidence["text"]


async def test_source_detail_lists_its_events(client: httpx.AsyncClient, two_articles) -> None:  # type: ignore[no-untyped-def]
    kenya, nigeria = two_articles
    detail = (await client.get(f"/sources/{nigeria['source']['id']}")).json()
    assert detail["title"] == MAIDUGURI["title"]
    assert {e["id"] for e in detail["events"]} == event_ids(nigeria)
    page = (await client.get("/sources", params={"limit": 1})).json()
    assert len(page["items"]) == 1 and page["next_cursor"]
    rest = (await client.get("/sources", params={"cursor": page["next_cursor"]})).json()
    assert {s["id"] for s in page["items"] + rest["items"]} == {
        kenya["source"]["id"],
        nigeria["source"]["id"],
    }
    assert "text" not in page["items"][0]


async def test_actors_search_counts_events(client: httpx.AsyncClient, two_articles) -> None:  # type: ignore[no-untyped-def]
    kenya, _ = two_articles
    items = (await client.get("/actors", params={"q": "shabaab"})).json()["items"]
    assert items, "Al Shabaab should be stored as an actor"
    top = items[0]
    assert "shabaab" in top["name"].lower()
    assert top["event_count"] == sum(1 for e in kenya["events"] if top["name"] in actor_names(e))
    assert (await client.get("/actors", params={"q": "no such actor zzz"})).json()["items"] == []


async def test_actors_are_found_by_their_news_aliases(client: httpx.AsyncClient, two_articles) -> None:  # type: ignore[no-untyped-def]
    kenya, _ = two_articles
    items = (await client.get("/actors", params={"q": "al-shabab"})).json()["items"]
    assert [a["name"] for a in items] == ["Al Shabaab"]
    assert "HSM" in items[0]["aliases"]
    assert items[0]["inter"] == 2
    assert await ids(client, actor="Harakat al-Shabaab") == {
        e["id"] for e in kenya["events"] if "Al Shabaab" in actor_names(e)
    }


async def test_actor_search_matches_from_the_start_of_a_word(client: httpx.AsyncClient, two_articles) -> None:  # type: ignore[no-untyped-def]
    _, nigeria = two_articles
    names = {a["name"] for a in (await client.get("/actors", params={"q": "nig"})).json()["items"]}
    assert any("Nigeria" in n for n in names)
    # "geria" is inside a word only: no match (a plain substring search would find Nigeria)
    assert (await client.get("/actors", params={"q": "geria"})).json()["items"] == []
    assert await ids(client, actor="oko haram") == set()
    assert await ids(client, actor="boko") == {
        e["id"] for e in nigeria["events"] if "Boko" in " ".join(actor_names(e))
    }
    # regular-expression characters are taken literally
    assert (await client.get("/actors", params={"q": "boko.*"})).json()["items"] == []
    assert (await client.get("/actors", params={"q": "(2023-)"})).status_code == 200


async def test_state_actors_are_found_by_the_countrys_news_names(
    client: httpx.AsyncClient, two_articles
) -> None:  # type: ignore[no-untyped-def]
    _, nigeria = two_articles
    items = (await client.get("/actors", params={"q": "nigerian"})).json()["items"]
    assert "Military Forces of Nigeria" in items[0]["name"]
    assert "Nigerian" in items[0]["aliases"]
    assert nigeria["events"][0]["id"] in await ids(client, actor="Nigerian", actor_role="actor1")


async def test_page_body_is_exactly_what_pydantic_writes_for_it(
    client: httpx.AsyncClient, two_articles: tuple[dict[str, Any], dict[str, Any]]
) -> None:
    """The page's JSON is built from rows, not models (app/events/service.list_events): it must be the
    bytes ``EventPage.model_dump_json`` writes, with every field, in order, typed as the schema says."""
    from app.events.schemas import EventDetail, EventPage

    for params in ({}, {"limit": 1}, {"country": "Kenya"}, {"actor": "Al Shabaab"}):
        response = await client.get("/events", params=params)
        assert response.status_code == 200, response.text
        page = EventPage.model_validate_json(response.content, strict=True)
        assert page.items
        assert response.content == page.model_dump_json().encode()
    # and the same event as GET /events/{id} reads it through the models
    first = page.items[0]
    detail = EventDetail.model_validate((await client.get(f"/events/{first.id}")).json())
    assert first.model_dump() == detail.model_dump(include=set(first.model_dump()))


@pytest.mark.parametrize("value", [12.0, -0.0, 0.0, 33.8, -1.2345, 45.3438, 1.0, 0.85, 50.450123456789012, 179.9999])
async def test_postgres_writes_a_float_as_pydantic_does(session: AsyncSession, value: float) -> None:
    """The page's JSON is written by Postgres (repository._PAGE_JSON_COLUMNS): its floats must be pydantic's."""
    from pydantic_core import to_json

    from app.core.db import fetch
    from app.events.repository import _json_float

    (row,) = await fetch(session, f"SELECT {_json_float('$1::float8')}::text", value)
    assert row[0].encode() == to_json(value)


@pytest.mark.parametrize("micro", [0, 1, 120000, 999999])
async def test_postgres_writes_a_timestamp_as_pydantic_does(session: AsyncSession, micro: int) -> None:
    from datetime import UTC, datetime

    from pydantic_core import to_json

    from app.core.db import fetch
    from app.events.repository import _json_utc

    moment = datetime(2023, 11, 22, 8, 0, 5, micro, tzinfo=UTC)
    (row,) = await fetch(session, f"SELECT {_json_utc('$1::timestamptz')}::text", moment)
    assert row[0].encode() == to_json(moment)
