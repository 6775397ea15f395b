"""The seed article through a real server: post it, find its events every documented way, re-post."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest

AIN_AL_ASAD = (33.80, 42.44)
ANBAR_BBOX = "38.8,30.9,44.4,35.2"  # min_lon,min_lat,max_lon,max_lat around Al Anbar province


def event_ids(items: list[dict[str, Any]]) -> set[int]:
    return {e["id"] for e in items}


@pytest.fixture(scope="module")
def seed_posted(server: str, seed_article: str, auth: dict[str, str]) -> dict[str, Any]:
    response = httpx.post(
        f"{server}/articles",
        headers=auth,
        json={
            "text": seed_article,
            "url": "https://www.reuters.com/world/middle-east/us-strikes-iraq-militia-2023-11-21/?utm_source=e2e",
            "title": "Series of Strikes Against Iran-Backed Militia in Iraq Conducted by U.S. Forces",
            "publisher": "Reuters",
            "published_at": "2023-11-21",
            "language": "en",
        },
        timeout=120,
    )
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    assert body["events"], "the seed article should yield events"
    return body


def query(server: str, **params: Any) -> set[int]:
    response = httpx.get(f"{server}/events", params=params, timeout=30)
    assert response.status_code == 200, response.text
    return event_ids(response.json()["items"])


def test_seed_events_are_found_by_actor_date_country_place_and_type(
    server: str, seed_posted: dict[str, Any]
) -> None:
    # other e2e tests share this server's database: compare with the seed's own events
    seed = event_ids(seed_posted["events"])
    by_actor = query(server, actor="United States") & seed
    assert by_actor
    assert query(server, actor="US") & seed == by_actor  # the country's news names are aliases
    by_date = query(server, date_from="2023-11-20", date_to="2023-11-21") & seed
    assert by_date
    assert query(server, date_from="2023-11-22", date_to="2023-12-31") & seed == set()
    in_iraq = query(server, country="Iraq") & seed
    assert in_iraq
    assert query(server, country="IRQ") & seed == in_iraq
    in_anbar = query(server, bbox=ANBAR_BBOX) & seed
    assert in_anbar
    near_base = query(server, lat=AIN_AL_ASAD[0], lon=AIN_AL_ASAD[1], radius_km=50) & seed
    assert near_base and near_base <= in_anbar
    assert query(server, lat=36.19, lon=44.01, radius_km=50) & near_base == set()  # Erbil, ~300 km away
    strikes = query(server, sub_event_type="Air/drone strike") & seed
    assert strikes
    both = query(server, actor="united states", country="Iraq", date_from="2023-11-20", date_to="2023-11-21")
    assert both & seed and both & seed <= by_actor & by_date


def test_seed_event_detail_keeps_evidence_offsets(
    server: str, seed_posted: dict[str, Any], seed_article: str
) -> None:
    event = seed_posted["events"][0]
    detail = httpx.get(f"{server}/events/{event['id']}", timeout=30).json()
    (source,) = detail["sources"]
    assert source["id"] == seed_posted["source"]["id"]
    for evidence in source["evidence"]:
        assert seed_article[evidence["start"] : evidence["end"]] == evidence["text"]


def test_reposting_the_seed_duplicates_nothing(
    server: str, seed_posted: dict[str, Any], seed_article: str, auth: dict[str, str]
) -> None:
    again = httpx.post(
        f"{server}/articles",
        headers=auth,
        json={
            "text": seed_article,
            "url": "https://WWW.REUTERS.COM/world/middle-east/us-strikes-iraq-militia-2023-11-21",
        },
        timeout=120,
    )
    assert again.status_code == 200, again.text
    assert again.json()["source"]["id"] == seed_posted["source"]["id"]
    assert event_ids(again.json()["events"]) == event_ids(seed_posted["events"])
    same_text = httpx.post(f"{server}/articles", json={"text": seed_article + "\n\n"}, headers=auth, timeout=120)
    assert same_text.status_code == 200
    assert query(server, source_id=seed_posted["source"]["id"]) == event_ids(seed_posted["events"])
    sources = httpx.get(f"{server}/sources", timeout=30).json()["items"]
    assert [s["id"] for s in sources if s["url"] and "reuters" in s["url"]] == [seed_posted["source"]["id"]]


def test_malformed_requests_get_json_errors(server: str, auth: dict[str, str]) -> None:
    bad = httpx.get(f"{server}/events", params={"bbox": "42.0,33.0,43.0"}, timeout=30)
    assert bad.status_code == 422
    assert bad.json() == {"error": "invalid_filter", "detail": bad.json()["detail"], "field": "bbox"}
    assert httpx.get(f"{server}/events/999999", timeout=30).json()["error"] == "not_found"
    assert httpx.post(f"{server}/articles", json={"text": ""}, headers=auth, timeout=30).status_code == 422
    unkeyed = httpx.post(f"{server}/articles", json={"text": "Gunmen attacked a bus."}, timeout=30)
    assert unkeyed.status_code == 401 and unkeyed.json()["error"] == "unauthorized"


async def test_fifty_parallel_posts_of_one_article_store_it_once(server: str, auth: dict[str, str]) -> None:
    article = {
        "text": "Gunmen on motorbikes killed five villagers and burned granaries in Kadaga village, in "
        "Niger's Tillaberi region, on 2 February 2024, local officials said on Saturday.",
        "url": "https://www.example-sahel.org/niger/tillaberi-kadaga-attack",
        "published_at": "2024-02-03",
    }
    async with httpx.AsyncClient(base_url=server, timeout=120, headers=auth) as client:
        responses = await asyncio.gather(*(client.post("/articles", json=article) for _ in range(50)))
        statuses = sorted(r.status_code for r in responses)
        assert statuses == [200] * 49 + [201], statuses
        source_ids = {r.json()["source"]["id"] for r in responses}
        assert len(source_ids) == 1
        event_sets = {tuple(sorted(e["id"] for e in r.json()["events"])) for r in responses}
        assert len(event_sets) == 1
        (source_id,) = source_ids
        stored = (await client.get("/events", params={"source_id": source_id})).json()["items"]
        assert len(stored) == len(next(iter(event_sets)))
