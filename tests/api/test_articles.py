"""POST /articles and POST /extract: coding, storing, idempotency."""

from __future__ import annotations

import httpx

from .factories import MAIDUGURI, MANDERA, actor_names, post_article


async def test_post_article_stores_the_source_and_its_coded_events(client: httpx.AsyncClient) -> None:
    body = await post_article(client, MANDERA)
    source = body["source"]
    assert source["url"] == "https://www.example-news.co.ke/counties/mandera-police-station-attack"
    assert source["publisher"] == "Example News Kenya"
    assert source["text"] == MANDERA["text"]
    assert len(source["content_sha256"]) == 64
    assert body["events"], "the Mandera attack should be coded as an event"
    event = body["events"][0]
    assert event["event_date"] == "2024-03-03"
    assert event["country"] == "Kenya"
    assert event["iso3"] == "KEN"
    assert event["fatalities"] == 2
    assert any("shabaab" in name.lower() for name in actor_names(event))
    assert event["source_ids"] == [source["id"]]
    assert source["event_count"] == len(body["events"])


async def test_reposting_the_same_url_returns_200_and_the_stored_rows(client: httpx.AsyncClient) -> None:
    first = await post_article(client, MANDERA)
    # same article reached through another link: other tracking parameters, upper-case host
    again = dict(
        MANDERA, url="HTTPS://WWW.EXAMPLE-NEWS.CO.KE/counties/mandera-police-station-attack?utm_medium=social"
    )
    second = await post_article(client, again, expect=200)
    assert second["source"]["id"] == first["source"]["id"]
    assert [e["id"] for e in second["events"]] == [e["id"] for e in first["events"]]
    sources = (await client.get("/sources")).json()["items"]
    assert [s["id"] for s in sources] == [first["source"]["id"]]


async def test_reposting_the_same_text_rewrapped_without_url_is_idempotent(client: httpx.AsyncClient) -> None:
    first = await post_article(client, {"text": MAIDUGURI["text"], "published_at": "2023-06-15"})
    rewrapped = "  " + MAIDUGURI["text"].replace(" in an ambush ", "\nin an ambush ") + "\n"
    second = await post_article(client, {"text": rewrapped, "published_at": "2023-06-15"}, expect=200)
    assert second["source"]["id"] == first["source"]["id"]
    total = (await client.get("/events", params={"source_id": first["source"]["id"]})).json()["items"]
    assert len(total) == len(first["events"])


async def test_extract_codes_the_text_and_stores_nothing(client: httpx.AsyncClient) -> None:
    response = await client.post("/extract", json={"text": MANDERA["text"], "published_at": "2024-03-04"})
    assert response.status_code == 200, response.text
    events = response.json()["events"]
    assert events and events[0]["country"] == "Kenya"
    assert events[0]["fatalities"] == 2
    for evidence in events[0]["evidence"]:
        assert MANDERA["text"][evidence["start"] : evidence["end"]] == evidence["text"]
    assert (await client.get("/sources")).json()["items"] == []
    assert (await client.get("/events")).json()["items"] == []
