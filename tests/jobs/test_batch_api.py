"""POST /articles/batch and GET /jobs/{id} without a worker: validation, limits, auth, idempotency."""

from __future__ import annotations

import json
import uuid
from collections.abc import AsyncIterator
from typing import Any

from sqlalchemy import text

from tests.jobs.conftest import api, short_article

NDJSON = {"content-type": "application/x-ndjson"}


async def _count(app: Any, sql: str, **params: Any) -> int:
    async with app.state.engine.connect() as conn:
        return int(await conn.scalar(text(sql), params))


async def test_a_json_array_is_accepted_with_202_and_shows_as_queued(jobs_database_url: str) -> None:
    async with api(jobs_database_url) as (_, client):
        resp = await client.post("/articles/batch", json=[short_article(1), short_article(2)])
        assert resp.status_code == 202, resp.text
        body = resp.json()
        assert body["status"] == "queued" and body["items"] == 2
        assert resp.headers["location"] == f"/jobs/{body['job_id']}" == body["url"]

        job = (await client.get(body["url"])).json()
        assert job["status"] == "queued"
        assert job["totals"] == {
            "items": 2,
            "queued": 2,
            "running": 0,
            "done": 0,
            "created": 0,
            "duplicates": 0,
            "failed": 0,
        }
        assert [(i["index"], i["status"], i["source_id"]) for i in job["items"]] == [
            (0, "queued", None),
            (1, "queued", None),
        ]


async def test_ndjson_is_read_line_by_line_and_blank_lines_are_skipped(jobs_database_url: str) -> None:
    lines = [json.dumps(short_article(n)) for n in (3, 4, 5)]
    body = lines[0] + "\n\n" + lines[1] + "\r\n" + lines[2]  # no final newline either
    async with api(jobs_database_url) as (_, client):
        resp = await client.post("/articles/batch", content=body.encode(), headers=NDJSON)
        assert resp.status_code == 202, resp.text
        assert resp.json()["items"] == 3


async def test_more_than_1000_articles_get_422_and_nothing_is_stored(jobs_database_url: str) -> None:
    async with api(jobs_database_url) as (app, client):
        before = await _count(app, "SELECT count(*) FROM ingest_batch")
        resp = await client.post("/articles/batch", json=[{"text": f"Article {n}."} for n in range(1001)])
        assert resp.status_code == 422
        assert resp.json()["error"] == "invalid_input"
        assert "1001" in resp.json()["detail"] and "1000" in resp.json()["detail"]
        exactly = await client.post("/articles/batch", json=[{"text": f"Article {n}."} for n in range(1000)])
        assert exactly.status_code == 202
        assert await _count(app, "SELECT count(*) FROM ingest_batch") == before + 1


async def test_an_invalid_article_gets_422_naming_its_index_and_nothing_is_queued(
    jobs_database_url: str,
) -> None:
    async with api(jobs_database_url) as (app, client):
        batches = await _count(app, "SELECT count(*) FROM ingest_batch")
        jobs = await _count(app, "SELECT count(*) FROM procrastinate.procrastinate_jobs")

        blank = await client.post(
            "/articles/batch", json=[short_article(6), short_article(7), {"text": "  "}]
        )
        assert blank.status_code == 422
        assert blank.json()["error"] == "invalid_input"
        assert blank.json()["field"] == "2.text"
        assert blank.json()["detail"].startswith("item 2: text:")

        unknown = await client.post(
            "/articles/batch", json=[short_article(8), {"text": "x", "colour": "red"}]
        )
        assert (unknown.status_code, unknown.json()["field"]) == (422, "1.colour")

        bad_url = await client.post(
            "/articles/batch", json=[{**short_article(9), "url": "ftp://example.org/a"}]
        )
        assert (bad_url.status_code, bad_url.json()["field"]) == (422, "0.url")

        ndjson = json.dumps(short_article(10)) + "\n\n{not json\n"
        broken = await client.post("/articles/batch", content=ndjson.encode(), headers=NDJSON)
        assert broken.status_code == 422
        assert broken.json()["error"] == "invalid_json"
        assert broken.json()["field"] == "1"
        assert "line 3" in broken.json()["detail"]

        for body in ([], {"text": "one article, not an array"}):
            assert (await client.post("/articles/batch", json=body)).status_code == 422
        not_json = await client.post(
            "/articles/batch", content=b"[{", headers={"content-type": "application/json"}
        )
        assert (not_json.status_code, not_json.json()["error"]) == (422, "invalid_json")

        assert await _count(app, "SELECT count(*) FROM ingest_batch") == batches
        assert await _count(app, "SELECT count(*) FROM procrastinate.procrastinate_jobs") == jobs


async def test_other_media_types_get_415(jobs_database_url: str) -> None:
    async with api(jobs_database_url) as (_, client):
        resp = await client.post("/articles/batch", content=b"text=x", headers={"content-type": "text/plain"})
        assert resp.status_code == 415
        assert resp.json()["error"] == "unsupported_media_type"


async def test_a_batch_needs_a_write_key(jobs_database_url: str) -> None:
    async with api(jobs_database_url) as (app, client):
        anonymous = await client.post("/articles/batch", json=[short_article(11)], headers={"X-API-Key": ""})
        assert (anonymous.status_code, anonymous.json()["error"]) == (401, "unauthorized")
        reader = await client.post(
            "/articles/batch", json=[short_article(11)], headers={"X-API-Key": app.state.read_key}
        )
        assert (reader.status_code, reader.json()["error"]) == (403, "forbidden")
        job = await client.post("/articles/batch", json=[short_article(11)])
        assert (await client.get(job.json()["url"], headers={"X-API-Key": ""})).status_code == 200


async def test_the_batch_has_its_own_body_limit(jobs_database_url: str) -> None:
    async with api(jobs_database_url, max_body_bytes=2_000, batch_max_body_bytes=20_000) as (_, client):
        articles = [short_article(n) for n in range(20, 40)]  # about 3 KB
        assert len(json.dumps(articles)) > 2_000
        assert (await client.post("/articles", json=articles[0] | {"title": "x" * 2_000})).status_code == 413
        assert (await client.post("/articles/batch", json=articles)).status_code == 202
        too_big = await client.post("/articles/batch", json=[{"text": "y" * 5_000}] * 5)
        assert (too_big.status_code, too_big.json()["error"]) == (413, "payload_too_large")

        async def stream() -> AsyncIterator[bytes]:  # no Content-Length: counted as it streams in
            for part in (b"[", b" " * 25_000, b"]"):
                yield part

        chunked = await client.post(
            "/articles/batch",
            content=stream(),
            headers={"content-type": "application/json"},
        )
        assert chunked.status_code == 413


async def test_an_idempotency_key_returns_the_same_job_for_the_same_articles(jobs_database_url: str) -> None:
    key = {"Idempotency-Key": str(uuid.uuid4())}
    articles = [short_article(41), short_article(42)]
    async with api(jobs_database_url) as (app, client):
        first = await client.post("/articles/batch", json=articles, headers=key)
        again = await client.post("/articles/batch", json=articles, headers=key)
        assert first.status_code == again.status_code == 202
        assert again.json()["job_id"] == first.json()["job_id"]
        assert again.headers["idempotent-replayed"] == "true"
        assert "idempotent-replayed" not in first.headers
        jobs = await _count(
            app,
            "SELECT count(*) FROM procrastinate.procrastinate_jobs WHERE (args->>'batch_id')::bigint = :id",
            id=first.json()["job_id"],
        )
        assert jobs == 1  # queued once

        other = await client.post("/articles/batch", json=[short_article(43)], headers=key)
        assert (other.status_code, other.json()["error"]) == (409, "idempotency_key_reused")
        without = await client.post("/articles/batch", json=articles)
        assert without.json()["job_id"] != first.json()["job_id"]


async def test_an_unknown_job_is_404_and_results_are_paged(jobs_database_url: str) -> None:
    async with api(jobs_database_url) as (_, client):
        missing = await client.get("/jobs/999999999")
        assert missing.status_code == 404
        assert missing.json() == {
            "error": "not_found",
            "detail": "no job with id 999999999",
            "field": "job_id",
        }

        job_id = (
            await client.post("/articles/batch", json=[short_article(n) for n in range(50, 55)])
        ).json()["job_id"]
        pages: list[int] = []
        offset: int | None = 0
        while offset is not None:
            page = (await client.get(f"/jobs/{job_id}", params={"offset": offset, "limit": 2})).json()
            assert page["totals"]["items"] == 5
            pages.append(len(page["items"]))
            assert all(i["index"] >= offset for i in page["items"])
            offset = page["next_offset"]
        assert pages == [2, 2, 1]


def test_the_schema_documents_both_body_types() -> None:
    from app.main import create_app

    operation = create_app().openapi()["paths"]["/articles/batch"]["post"]
    content = operation["requestBody"]["content"]
    assert set(content) == {"application/json", "application/x-ndjson"}
    assert content["application/json"]["schema"]["maxItems"] == 1000
    assert {"202", "401", "403", "409", "413", "415", "422"} <= set(operation["responses"])


def test_the_queue_connects_where_the_service_does() -> None:
    from app.jobs.queue import conninfo

    assert (
        conninfo("postgresql+asyncpg://u:p%40ss@db.internal:5433/ce")
        == "postgresql://u:p%40ss@db.internal:5433/ce"
    )
    assert conninfo("postgresql+asyncpg://postgres:@/postgres?host=/srv/data/pg") == (
        "postgresql://postgres:@/postgres?host=%2Fsrv%2Fdata%2Fpg"
    )
    assert conninfo("postgresql+asyncpg://u@db/ce?ssl=require") == "postgresql://u@db/ce?sslmode=require"
