"""Batches processed by real procrastinate workers against the real Postgres."""

from __future__ import annotations

import asyncio
import time

from sqlalchemy import text

from app.extraction import get_extractor
from tests.jobs.conftest import api, short_article, wait_for_job, worker

LONG_TEXT = (
    "On 3 March 2024, Al Shabaab militants attacked a police station in Mandera town, killing two officers. "
    * 1900
)  # about 195,000 characters: several seconds of extraction, far past a 1 s limit


async def test_a_batch_is_processed_end_to_end_with_a_duplicate_and_a_failure(jobs_database_url: str) -> None:
    get_extractor()  # loaded before the worker's 1 s limit starts counting
    stored_before = short_article(100, place="Garissa")
    new = short_article(101, place="Wajir")
    async with api(jobs_database_url) as (app, client):
        known = await client.post("/articles", json=stored_before)
        assert known.status_code == 201
        batch = [new, stored_before, {"text": LONG_TEXT, "published_at": "2024-03-04"}, new]
        job_id = (await client.post("/articles/batch", json=batch)).json()["job_id"]

        async with worker(jobs_database_url, "w-e2e", extract_timeout_s=1.0):
            job = await wait_for_job(client, job_id)

        assert job["status"] == "done"
        assert job["started_at"] is not None and job["finished_at"] >= job["started_at"]
        assert job["totals"] == {
            "items": 4,
            "queued": 0,
            "running": 0,
            "done": 4,
            "created": 1,
            "duplicates": 2,
            "failed": 1,
        }
        created, duplicate, failed, same_again = job["items"]
        assert created["status"] == "done" and created["created"] is True and created["event_ids"]
        source = (await client.get(f"/sources/{created['source_id']}")).json()
        assert source["publisher"] is None and "Wajir" in source["text"]
        assert sorted(e["id"] for e in source["events"]) == sorted(created["event_ids"])

        assert duplicate["created"] is False
        assert duplicate["source_id"] == known.json()["source"]["id"]
        assert duplicate["event_ids"] == [e["id"] for e in known.json()["events"]]

        assert failed["status"] == "failed" and failed["source_id"] is None
        assert failed["error"]["error"] == "extraction_timeout"
        assert failed["error"]["field"] == "text"

        assert (same_again["created"], same_again["source_id"]) == (False, created["source_id"])
        assert {i["attempts"] for i in job["items"]} == {1}

        async with app.state.engine.connect() as conn:  # inputs kept only where no source holds them
            kept = await conn.execute(
                text("SELECT position FROM ingest_item WHERE batch_id = :id AND input <> '{}'::jsonb"),
                {"id": job_id},
            )
            assert [row.position for row in kept] == [2]


async def test_a_batch_whose_articles_all_fail_is_failed(jobs_database_url: str) -> None:
    get_extractor()
    async with api(jobs_database_url) as (_, client):
        job_id = (await client.post("/articles/batch", json=[{"text": LONG_TEXT + " Again."}])).json()[
            "job_id"
        ]
        async with worker(jobs_database_url, "w-fail", extract_timeout_s=1.0):
            job = await wait_for_job(client, job_id)
    assert job["status"] == "failed"
    assert job["totals"]["failed"] == 1


async def test_two_workers_share_one_batch_and_process_every_article_once(jobs_database_url: str) -> None:
    get_extractor()
    articles = [short_article(n, place="Lamu") for n in range(200, 240)]
    async with (
        api(jobs_database_url, jobs_chunk_size=1) as (app, client),
        worker(jobs_database_url, "w-one"),
        worker(jobs_database_url, "w-two"),
    ):
        async with app.state.engine.connect() as conn:  # both registered before there is work
            deadline = time.monotonic() + 30
            while await conn.scalar(text("SELECT count(*) FROM procrastinate.procrastinate_workers")) < 2:
                assert time.monotonic() < deadline, "workers did not register"
                await asyncio.sleep(0.1)
                await conn.rollback()
        job_id = (await client.post("/articles/batch", json=articles)).json()["job_id"]
        job = await wait_for_job(client, job_id)

        async with app.state.engine.connect() as conn:
            per_worker = dict(
                (
                    await conn.execute(
                        text("SELECT worker, count(*) FROM ingest_item WHERE batch_id = :id GROUP BY worker"),
                        {"id": job_id},
                    )
                ).all()
            )
            attempts = (
                await conn.execute(
                    text("SELECT min(attempts), max(attempts) FROM ingest_item WHERE batch_id = :id"),
                    {"id": job_id},
                )
            ).one()
            sources = await conn.scalar(
                text(
                    "SELECT count(*) FROM source WHERE id IN "
                    "(SELECT source_id FROM ingest_item WHERE batch_id = :id)"
                ),
                {"id": job_id},
            )
            texts = await conn.scalar(
                text("SELECT count(*) FROM source WHERE text LIKE '%police station in Lamu town%'")
            )

    assert job["status"] == "done"
    assert job["totals"]["created"] == 40 and job["totals"]["done"] == 40
    assert tuple(attempts) == (1, 1)  # every article taken exactly once
    assert sources == texts == 40  # one source per article, none stored twice
    assert set(per_worker) == {"w-one", "w-two"} and sum(per_worker.values()) == 40
    assert min(per_worker.values()) >= 5, per_worker  # shared, not one worker doing it all


async def test_a_chunk_left_running_by_a_dead_worker_is_taken_again(jobs_database_url: str) -> None:
    """A worker killed mid-chunk leaves its items `running`; the retried job takes them again."""
    get_extractor()
    async with api(jobs_database_url) as (app, client):
        job_id = (await client.post("/articles/batch", json=[short_article(300), short_article(301)])).json()[
            "job_id"
        ]
        async with app.state.engine.begin() as conn:  # what a worker killed after its claim leaves
            await conn.execute(
                text(
                    "UPDATE ingest_item SET status = 'running', attempts = 1, worker = 'dead' "
                    "WHERE batch_id = :id AND position = 0"
                ),
                {"id": job_id},
            )
        async with worker(jobs_database_url, "w-next"):
            job = await wait_for_job(client, job_id)
    assert job["status"] == "done"
    assert [(i["attempts"], i["created"]) for i in job["items"]] == [(2, True), (1, True)]


async def test_a_transient_failure_retries_the_job_without_redoing_finished_articles(
    jobs_database_url: str,
) -> None:
    """The extraction process dies mid-article (503 extraction_unavailable): the job is retried by
    procrastinate, and only the articles not yet finished are taken again."""
    batch = [
        short_article(400),
        {"text": LONG_TEXT + " Once more.", "published_at": "2024-03-04"},
        short_article(401),
    ]
    async with api(jobs_database_url) as (app, client):
        job_id = (await client.post("/articles/batch", json=batch)).json()["job_id"]
        async with worker(jobs_database_url, "w-retry", extract_processes=1) as runner:
            deadline = time.monotonic() + 60
            while (await client.get(f"/jobs/{job_id}")).json()["items"][0]["status"] != "done":
                assert time.monotonic() < deadline, "the first article was not stored"
                await asyncio.sleep(0.1)
            await asyncio.sleep(1.0)  # now inside the long text's extraction
            processes = list((getattr(runner._executor, "_processes", None) or {}).values())
            assert processes, "no extraction process to stop"
            for process in processes:
                process.kill()
            job = await wait_for_job(client, job_id, timeout_s=120)
    assert job["status"] == "done"
    assert [(i["status"], i["created"], i["attempts"]) for i in job["items"]] == [
        ("done", True, 1),  # finished before the failure: not taken again
        ("done", True, 2),
        ("done", True, 2),
    ]
