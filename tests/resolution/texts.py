"""Short news reports written for these tests (not taken from any evaluation set)."""

from __future__ import annotations

from typing import Any

import httpx

KISMAYO_FIRST = {
    "text": "At least five people were killed on Sunday when Al Shabaab militants stormed a hotel in the "
    "southern Somali port city of Kismayo, a police officer said. The gunmen fought security forces for "
    "several hours before they were killed.",
    "url": "https://www.example-horn.com/somalia/kismayo-hotel-attack",
    "publisher": "Example Horn News",
    "published_at": "2024-03-04T06:00:00Z",
}

KISMAYO_NEXT_DAY = {
    "text": "Twelve people were killed in Sunday's attack by Al Shabaab militants on a hotel in Kismayo, a "
    "regional official said on Tuesday, raising the toll as more bodies were recovered from the rubble.",
    "url": "https://www.example-wire.com/africa/somalia-kismayo-toll-rises",
    "publisher": "Example Wire",
    "published_at": "2024-03-05T09:00:00Z",
}

BELEDWEYNE_BASE = {
    "text": "Al Shabaab fighters attacked a military base in Beledweyne on Monday, killing three Somali "
    "soldiers, a local commander said.",
    "url": "https://www.example-horn.com/somalia/beledweyne-base-attack",
    "publisher": "Example Horn News",
    "published_at": "2024-05-14",
}

BELEDWEYNE_BOMB = {
    "text": "Five civilians were killed on Monday when a roadside bomb struck a minibus in Beledweyne, "
    "witnesses said. No group claimed responsibility for the blast.",
    "url": "https://www.example-wire.com/africa/beledweyne-minibus-bomb",
    "publisher": "Example Wire",
    "published_at": "2024-05-14",
}

MOGADISHU_POLICE = {
    "text": "Al Shabaab fighters attacked a police station in Mogadishu's Hodan district on Monday, killing "
    "two policemen, police said.",
    "url": "https://www.example-horn.com/somalia/hodan-police-station",
    "publisher": "Example Horn News",
    "published_at": "2024-05-14",
}

MOGADISHU_ARMY = {
    "text": "Somali troops clashed with Al Shabaab fighters on the outskirts of Mogadishu on Monday, killing "
    "four militants, the army said.",
    "url": "https://www.example-wire.com/africa/mogadishu-outskirts-clash",
    "publisher": "Example Wire",
    "published_at": "2024-05-14",
}


async def post(client: httpx.AsyncClient, article: dict[str, Any], expect: int = 201) -> dict[str, Any]:
    response = await client.post("/articles", json=article)
    assert response.status_code == expect, response.text
    body: dict[str, Any] = response.json()
    return body


async def all_events(client: httpx.AsyncClient) -> list[dict[str, Any]]:
    response = await client.get("/events", params={"limit": 1000})
    assert response.status_code == 200, response.text
    items: list[dict[str, Any]] = response.json()["items"]
    return items


async def feed(client: httpx.AsyncClient, since: int = 0) -> list[dict[str, Any]]:
    response = await client.get("/changes", params={"since": since, "limit": 1000})
    assert response.status_code == 200, response.text
    items: list[dict[str, Any]] = response.json()["items"]
    return items
