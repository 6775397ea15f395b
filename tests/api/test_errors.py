"""Malformed requests get 4xx JSON errors in the one error model, never a 500."""

from __future__ import annotations

import json

import httpx
import pytest

ARTICLE = (
    "On 3 March 2024, Al Shabaab militants attacked a police station in Mandera town, killing two officers."
)


def assert_error(response: httpx.Response, status: int, error: str, field: str | None) -> None:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error", "detail", "field"}
    assert body["error"] == error
    assert body["field"] == field
    assert body["detail"]


@pytest.mark.parametrize(
    ("query", "field", "fragment"),
    [
        ("bbox=42.0,33.0,43.0", "bbox", "4 comma-separated numbers"),
        ("bbox=42.0,33.0,east,34.0", "bbox", "numbers"),
        ("bbox=42.0,35.0,43.0,34.0", "bbox", "min_lat"),
        ("bbox=200,33,201,34", "bbox", "longitudes"),
        ("date_from=2023-11-22&date_to=2023-11-20", "date_to", "before"),
        ("radius_km=50", "lat", "lat, lon"),
        ("lat=33.8&radius_km=50", "lon", "lon"),
        ("lat=33.8&lon=42.4", "radius_km", "radius_km"),
        ("cursor=not-a-cursor", "cursor", "cursor"),
        ("actor_role=actor1", "actor_role", "needs actor"),
        ("actor=%20%20", "actor", "empty"),
    ],
)
async def test_invalid_event_filters_are_422_invalid_filter(
    client: httpx.AsyncClient, query: str, field: str, fragment: str
) -> None:
    response = await client.get(f"/events?{query}")
    assert_error(response, 422, "invalid_filter", field)
    assert fragment in response.json()["detail"]


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("limit=1001", "limit"),
        ("limit=0", "limit"),
        ("date_from=21/11/2023", "date_from"),
        ("lat=95&lon=40&radius_km=5", "lat"),
        ("radius_km=-3&lat=1&lon=1", "radius_km"),
        ("min_fatalities=-1", "min_fatalities"),
        ("actor_role=victim&actor=x", "actor_role"),
    ],
)
async def test_malformed_query_values_are_422_with_the_field(
    client: httpx.AsyncClient, query: str, field: str
) -> None:
    assert_error(await client.get(f"/events?{query}"), 422, "invalid_filter", field)


async def test_unknown_event_and_source_ids_are_404(client: httpx.AsyncClient) -> None:
    assert_error(await client.get("/events/987654321"), 404, "not_found", "event_id")
    assert_error(await client.get("/sources/987654321"), 404, "not_found", "source_id")


async def test_non_numeric_id_is_422_not_500(client: httpx.AsyncClient) -> None:
    assert_error(await client.get("/events/abc"), 422, "invalid_path", "event_id")


@pytest.mark.parametrize("path", ["/articles", "/extract"])
async def test_empty_or_blank_text_is_422(client: httpx.AsyncClient, path: str) -> None:
    assert_error(await client.post(path, json={"text": ""}), 422, "invalid_input", "text")
    assert_error(await client.post(path, json={"text": "  \n\t "}), 422, "invalid_input", "text")
    assert_error(await client.post(path, json={"url": "https://example.com/a"}), 422, "invalid_input", "text")


async def test_unknown_body_field_is_rejected(client: httpx.AsyncClient) -> None:
    response = await client.post("/articles", json={"text": ARTICLE, "body": "typo"})
    assert_error(response, 422, "invalid_input", "body")


async def test_relative_or_non_http_url_is_422_on_url(client: httpx.AsyncClient) -> None:
    response = await client.post("/articles", json={"text": ARTICLE, "url": "ftp://example.com/story"})
    assert_error(response, 422, "invalid_input", "url")


async def test_invalid_json_is_422_invalid_json(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/articles", content=b'{"text": "unterminated', headers={"content-type": "application/json"}
    )
    assert_error(response, 422, "invalid_json", None)


async def test_wrong_content_type_is_415(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/articles", content=ARTICLE.encode(), headers={"content-type": "text/plain"}
    )
    assert_error(response, 415, "unsupported_media_type", "content-type")


async def test_body_over_the_limit_is_413(client: httpx.AsyncClient, app) -> None:  # type: ignore[no-untyped-def]
    limit = app.state.settings.max_body_bytes
    response = await client.post("/articles", json={"text": "x" * (limit + 10)})
    assert_error(response, 413, "payload_too_large", None)


async def test_chunked_body_over_the_limit_is_413(client: httpx.AsyncClient, app) -> None:  # type: ignore[no-untyped-def]
    limit = app.state.settings.max_body_bytes
    chunk = b'{"text": "' + b"y" * (limit + 10) + b'"}'

    async def stream():  # type: ignore[no-untyped-def]
        for i in range(0, len(chunk), 65536):
            yield chunk[i : i + 65536]

    response = await client.post("/articles", content=stream(), headers={"content-type": "application/json"})
    assert_error(response, 413, "payload_too_large", None)


async def test_wrong_method_is_405_json(client: httpx.AsyncClient) -> None:
    assert_error(await client.delete("/events"), 405, "method_not_allowed", None)


@pytest.mark.parametrize(
    ("path", "field"),
    [
        ("/events?source_id=99999999999999999999", "source_id"),
        ("/events?min_fatalities=99999999999", "min_fatalities"),
        ("/events/99999999999999999999", "event_id"),
        ("/sources/99999999999999999999", "source_id"),
        ("/events?actor=al%00shabaab", "actor"),
        ("/events?country=Ke%00nya", "country"),
        ("/actors?q=%00", "q"),
    ],
)
async def test_out_of_range_ids_and_nul_characters_are_422_not_500(
    client: httpx.AsyncClient, path: str, field: str
) -> None:
    response = await client.get(path)
    assert response.status_code == 422, response.text
    assert response.json()["field"] == field


async def test_cursor_with_an_out_of_range_id_is_422(client: httpx.AsyncClient) -> None:
    import base64
    import json

    forged = base64.urlsafe_b64encode(json.dumps(["2023-11-21", 10**30]).encode()).decode()
    assert_error(await client.get(f"/events?cursor={forged}"), 422, "invalid_filter", "cursor")
    assert_error(await client.get(f"/sources?cursor={forged}"), 422, "invalid_filter", "cursor")


@pytest.mark.parametrize(
    "text", ["Gunmen attacked\x00 a bus in Mandera.", "Gunmen attacked a bus \ud800 in Mandera."]
)
async def test_text_postgres_cannot_store_is_422(client: httpx.AsyncClient, text: str) -> None:
    body = json.dumps({"text": text})  # json.dumps escapes the NUL and the lone surrogate
    response = await client.post("/articles", content=body, headers={"content-type": "application/json"})
    assert_error(response, 422, "invalid_input", "text")
