"""One event, many sources, through the API: resolution, derived fields, the change feed, deletion."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import text
from sqlmodel.ext.asyncio.session import AsyncSession

from app.auth.config import AuthSettings
from app.core.db import run

from .texts import (
    BELEDWEYNE_BASE,
    BELEDWEYNE_BOMB,
    KISMAYO_FIRST,
    KISMAYO_NEXT_DAY,
    MOGADISHU_ARMY,
    MOGADISHU_POLICE,
    all_events,
    feed,
    post,
)


@pytest.fixture
def writes_open(app: FastAPI, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Deletes allowed without a key (the key check itself is covered by the hardening tests)."""
    settings = AuthSettings(_env_file=None, auth_disabled=True)  # type: ignore[call-arg]
    monkeypatch.setattr(app.state, "auth_settings", settings, raising=False)
    yield


async def test_same_article_twice_is_one_source_one_set_of_events(client: httpx.AsyncClient) -> None:
    first = await post(client, KISMAYO_FIRST)
    again = await post(
        client, dict(KISMAYO_FIRST, url=KISMAYO_FIRST["url"] + "/?utm_source=x#top"), expect=200
    )
    assert again["source"]["id"] == first["source"]["id"]
    events = await all_events(client)
    assert [e["id"] for e in events] == [e["id"] for e in first["events"]]
    assert events[0]["source_count"] == 1
    assert [c["kind"] for c in await feed(client)] == ["created"] * len(events)


async def test_seed_article_and_its_paragraph_from_another_publisher_are_one_missile_attack(
    client: httpx.AsyncClient, seed_article: str
) -> None:
    reuters = await post(
        client,
        {
            "text": seed_article,
            "url": "https://www.reuters.com/world/middle-east/us-strikes-iraq-2023-11-21/",
            "publisher": "Reuters",
            "published_at": "2023-11-21",
        },
    )
    paragraph = seed_article[seed_article.index("About 24 hours earlier") :].split("\n\n")[0]
    other = await post(
        client,
        {
            "text": paragraph,
            "url": "https://www.example-defense.com/iraq/ain-al-asad-attack",
            "publisher": "Example Defense Daily",
            "published_at": "2023-11-21",
        },
    )
    missiles = [
        e for e in await all_events(client) if e["sub_event_type"] == "Shelling/artillery/missile attack"
    ]
    assert len(missiles) == 1
    missile = missiles[0]
    assert missile["source_count"] == 2
    assert missile["source_ids"] == [reuters["source"]["id"], other["source"]["id"]]
    assert missile["event_date"] == "2023-11-20"
    assert missile["injuries"] == 8
    assert abs(missile["latitude"] - 33.80) < 0.3 and abs(missile["longitude"] - 42.44) < 0.3
    # the paragraph adds no event of its own: every event it supports was already stored
    assert {e["id"] for e in other["events"]} <= {e["id"] for e in reuters["events"]}
    assert len(await all_events(client)) == len(reuters["events"])

    detail = (await client.get(f"/events/{missile['id']}")).json()
    assert [s["publisher"] for s in detail["sources"]] == ["Reuters", "Example Defense Daily"]
    for source, body in zip(detail["sources"], (seed_article, paragraph), strict=True):
        assert source["injuries"] == 8
        assert source["evidence"], source
        for ev in source["evidence"]:
            assert body[ev["start"] : ev["end"]] == ev["text"]
        assert any("ballistic missile" in ev["text"] for ev in source["evidence"])


async def test_two_different_attacks_on_the_same_day_in_the_same_town_stay_two_events(
    client: httpx.AsyncClient,
) -> None:
    base = await post(client, BELEDWEYNE_BASE)
    bomb = await post(client, BELEDWEYNE_BOMB)
    assert base["events"][0]["location"] == bomb["events"][0]["location"] == "Beledweyne"
    assert base["events"][0]["event_date"] == bomb["events"][0]["event_date"] == "2024-05-13"
    events = await all_events(client)
    assert len(events) == 2
    assert sorted(e["fatalities"] for e in events) == [3, 5]
    assert all(e["source_count"] == 1 for e in events)


async def test_police_station_raid_and_army_clash_in_one_city_on_one_day_stay_two_events(
    client: httpx.AsyncClient,
) -> None:
    police = await post(client, MOGADISHU_POLICE)
    army = await post(client, MOGADISHU_ARMY)
    assert police["events"][0]["admin1"] == army["events"][0]["admin1"] == "Banadir"
    events = await all_events(client)
    assert len(events) == 2
    assert sorted(e["fatalities"] for e in events) == [2, 4]


async def test_same_attack_a_day_later_with_a_higher_toll_updates_the_event(
    client: httpx.AsyncClient,
) -> None:
    first = await post(client, KISMAYO_FIRST)
    (event,) = first["events"]
    assert event["fatalities"] == 5
    cursor = (await feed(client))[-1]["cursor"]

    later = await post(client, KISMAYO_NEXT_DAY)
    assert [e["id"] for e in later["events"]] == [event["id"]]
    (stored,) = await all_events(client)
    assert stored["fatalities"] == 12  # the later report's figure replaces the first one
    assert stored["source_count"] == 2
    assert stored["event_date"] == "2024-03-03"
    assert stored["actor1"] == "Al Shabaab"  # the report that names the attackers
    detail = (await client.get(f"/events/{event['id']}")).json()
    assert [(s["publisher"], s["fatalities"]) for s in detail["sources"]] == [
        ("Example Horn News", 5),
        ("Example Wire", 12),
    ]
    changes = await feed(client, cursor)
    assert [(c["event_id"], c["kind"], c["source_id"]) for c in changes] == [
        (event["id"], "updated", later["source"]["id"])
    ]
    since = (await client.get("/events", params={"updated_since": stored["updated_at"]})).json()["items"]
    assert [e["id"] for e in since] == [event["id"]]


async def test_deleting_sources_recomputes_then_tombstones_the_event(
    client: httpx.AsyncClient, writes_open: None
) -> None:
    first = await post(client, KISMAYO_FIRST)
    later = await post(client, KISMAYO_NEXT_DAY)
    event_id = first["events"][0]["id"]

    response = await client.delete(f"/sources/{later['source']['id']}")
    assert response.status_code == 200, response.text
    assert response.json() == {
        "source_id": later["source"]["id"],
        "deleted_event_ids": [],
        "updated_event_ids": [event_id],
    }
    (stored,) = await all_events(client)
    assert (stored["fatalities"], stored["source_count"]) == (5, 1)

    response = await client.delete(f"/sources/{first['source']['id']}")
    assert response.json()["deleted_event_ids"] == [event_id]
    assert (await client.get(f"/events/{event_id}")).status_code == 404
    assert await all_events(client) == []
    kinds = [(c["event_id"], c["kind"]) for c in await feed(client)]
    assert kinds == [
        (event_id, "created"),
        (event_id, "updated"),
        (event_id, "updated"),
        (event_id, "deleted"),
    ]
    cursors = [c["cursor"] for c in await feed(client)]
    assert cursors == sorted(cursors)

    assert (await client.delete(f"/sources/{first['source']['id']}")).json()["error"] == "not_found"


async def test_deleting_a_source_needs_a_write_key(
    client: httpx.AsyncClient, app: FastAPI, monkeypatch: pytest.MonkeyPatch
) -> None:
    stored = await post(client, KISMAYO_FIRST)
    settings = AuthSettings(_env_file=None, auth_disabled=False)  # type: ignore[call-arg]
    monkeypatch.setattr(app.state, "auth_settings", settings, raising=False)
    response = await client.delete(f"/sources/{stored['source']['id']}", headers={"X-API-Key": ""})
    assert response.status_code == 401, response.text
    assert response.json()["error"] == "unauthorized"
    assert (await client.get(f"/sources/{stored['source']['id']}")).status_code == 200


async def test_a_new_report_merges_duplicates_stored_before_resolution_and_leaves_a_tombstone(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    first = await post(client, KISMAYO_FIRST)
    original = first["events"][0]["id"]
    # what ingest stored before migration 0004: a second outlet's report of the attack as its own event
    duplicate = await session.scalar(
        text(
            "INSERT INTO event (event_date, time_precision, disorder_type, event_type, sub_event_type, "
            "country, iso3, admin1, admin2, location, latitude, longitude, geo_precision, fatalities) "
            "SELECT event_date, time_precision, disorder_type, event_type, sub_event_type, country, iso3, "
            "admin1, admin2, location, latitude, longitude, geo_precision, 6 FROM event WHERE id = :id "
            "RETURNING id"
        ),
        {"id": original},
    )
    legacy_source = await session.scalar(
        text(
            "INSERT INTO source (text, content_sha256, publisher) VALUES "
            "('Six people died when gunmen stormed a Kismayo hotel on Sunday.', 'legacy-sha', 'Legacy') "
            "RETURNING id"
        )
    )
    await run(
        session,
        text(
            "INSERT INTO event_source (event_id, source_id, fatalities, report) "
            "SELECT :dup, :src, 6, report || '{\"fatalities\": 6}'::jsonb FROM event_source "
            "WHERE event_id = :id LIMIT 1"
        ).bindparams(dup=duplicate, src=legacy_source, id=original),
    )
    await run(
        session,
        text(
            "INSERT INTO event_actor (event_id, role, position, actor_id) "
            "SELECT :dup, role, position, actor_id FROM event_actor WHERE event_id = :id"
        ).bindparams(dup=duplicate, id=original),
    )
    assert len(await all_events(client)) == 2

    later = await post(client, KISMAYO_NEXT_DAY)
    (event,) = await all_events(client)
    assert event["id"] == original == later["events"][0]["id"]
    assert event["source_count"] == 3 and event["fatalities"] == 12
    assert (await client.get(f"/events/{duplicate}")).status_code == 404
    tombstones = [c for c in await feed(client) if c["kind"] == "merged"]
    assert [(c["event_id"], c["merged_into"]) for c in tombstones] == [(duplicate, original)]


async def test_a_source_without_a_report_of_its_own_counts_as_the_event_as_stored(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    stored = await post(client, KISMAYO_NEXT_DAY)
    event_id = stored["events"][0]["id"]
    assert stored["events"][0]["actor1"] == "Al Shabaab"
    # rows bulk-loaded without a report (bench COPY, external writers)
    await run(session, text("UPDATE event_source SET report = NULL, fatalities = NULL"))
    await post(client, KISMAYO_FIRST)  # names no attacker: "Unidentified Armed Group"
    (event,) = await all_events(client)
    assert event["id"] == event_id and event["source_count"] == 2
    # the stored event keeps its named attacker: the legacy source counts with the event's coding
    assert (event["actor1"], event["event_date"], event["location"]) == (
        "Al Shabaab",
        "2024-03-03",
        "Kismayo",
    )
