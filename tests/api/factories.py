"""Short realistic news texts (written for these tests) and helpers that post them."""

from __future__ import annotations

from typing import Any

import httpx

MANDERA = {
    "text": "On 3 March 2024, Al Shabaab militants attacked a police station in Mandera town, killing two officers.",
    "url": "https://www.example-news.co.ke/counties/mandera-police-station-attack/?utm_source=twitter#comments",
    "title": "Two officers killed in Mandera police station attack",
    "publisher": "Example News Kenya",
    "published_at": "2024-03-04T07:30:00+03:00",
    "language": "en",
}

MAIDUGURI = {
    "text": "Nigerian troops killed 12 Boko Haram fighters in an ambush near Maiduguri in Borno State on "
    "14 June 2023, the army said on Thursday.",
    "url": "https://www.example-wire.com/africa/nigeria-army-boko-haram-ambush-2023-06-15",
    "title": "Nigerian army says 12 Boko Haram fighters killed near Maiduguri",
    "publisher": "Example Wire",
    "published_at": "2023-06-15",
}


async def post_article(
    client: httpx.AsyncClient, article: dict[str, Any], expect: int = 201
) -> dict[str, Any]:
    response = await client.post("/articles", json=article)
    assert response.status_code == expect, response.text
    body: dict[str, Any] = response.json()
    return body


def actor_names(event: dict[str, Any]) -> list[str]:
    names = []
    for role in ("actor1", "assoc_actor_1", "actor2", "assoc_actor_2"):
        names.extend(n for n in event[role].split("; ") if n)
    return names
