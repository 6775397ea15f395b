"""``POST /articles/batch`` and ``GET /jobs/{id}``."""

from __future__ import annotations

import logging
from typing import Annotated, Any

from fastapi import APIRouter, Header, Path, Query, Request, Response, status

from app.articles.schemas import EXAMPLE_TEXT
from app.core.db import SessionDep
from app.core.errors import error_responses
from app.core.validation import MAX_ID
from app.jobs import queue, repository, service
from app.jobs.schemas import MAX_BATCH_ITEMS, BatchAccepted, JobPublic

logger = logging.getLogger(__name__)

router = APIRouter()

BATCH_PATH = "/articles/batch"

_ARRAY_EXAMPLE = [
    {
        "text": EXAMPLE_TEXT,
        "url": "https://www.reuters.com/world/middle-east/us-strikes-iraq-2023-11-22/",
        "publisher": "Reuters",
        "published_at": "2023-11-22T02:14:00Z",
    },
    {
        "text": "On 3 March 2024, Al Shabaab militants attacked a police station in Mandera town, "
        "killing two officers.",
        "published_at": "2024-03-04",
    },
]
_NDJSON_EXAMPLE = (
    '{"text": "On 3 March 2024, Al Shabaab militants attacked a police station in Mandera town.", '
    '"published_at": "2024-03-04"}\n'
    '{"text": "Protesters blocked roads in Nairobi on Tuesday.", "published_at": "2024-06-26"}\n'
)

_BATCH_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {
                "schema": {
                    "type": "array",
                    "items": {"$ref": "#/components/schemas/ArticleIn"},
                    "minItems": 1,
                    "maxItems": MAX_BATCH_ITEMS,
                },
                "examples": {"two_articles": {"summary": "Two articles", "value": _ARRAY_EXAMPLE}},
            },
            "application/x-ndjson": {
                "schema": {"type": "string", "description": "One ArticleIn JSON object per line."},
                "examples": {"two_lines": {"summary": "Two articles as NDJSON", "value": _NDJSON_EXAMPLE}},
            },
        },
    }
}


def _media_type(request: Request) -> str:
    return request.headers.get("content-type", "").split(";")[0].strip().lower()


@router.post(
    BATCH_PATH,
    tags=["articles"],
    summary="Queue up to 1,000 articles for storing (write scope)",
    description=(
        "The body is a JSON array of articles as `POST /articles` takes them, or NDJSON "
        "(`application/x-ndjson`, one per line); at most 1,000 articles and `BATCH_MAX_BODY_BYTES` "
        "(20 MB). Every article is validated first: one invalid article gives **422** naming its index "
        '(`field` = `"<index>.<field>"`, from 0) and nothing is queued. Otherwise **202** with the job '
        "to poll at `GET /jobs/{job_id}`; workers store each article exactly as `POST /articles` does "
        "(idempotent: an article already stored is reported as a duplicate).\n\n"
        "`Idempotency-Key`: a retried POST with the same key and the same articles returns the same "
        "job (202, header `Idempotent-Replayed: true`); the same key with other articles gives **409**."
    ),
    status_code=status.HTTP_202_ACCEPTED,
    response_model=BatchAccepted,
    responses={
        **error_responses(413, 415, 422, 503),
        409: {**error_responses(409)[409], "description": "Idempotency-Key already used for another batch"},
    },
    openapi_extra=_BATCH_BODY,
)
async def post_batch(
    request: Request,
    response: Response,
    session: SessionDep,
    idempotency_key: Annotated[
        str | None,
        Header(
            alias="Idempotency-Key",
            min_length=1,
            max_length=255,
            description="Any unique string (a UUID); a retry with the same key returns the same job.",
        ),
    ] = None,
) -> BatchAccepted:
    articles = service.parse_batch(await request.body(), _media_type(request))
    settings = request.app.state.settings
    batch, created = await service.create_batch(session, articles, settings.jobs_chunk_size, idempotency_key)
    response.headers["Location"] = f"/jobs/{batch.id}"
    if not created:
        response.headers["Idempotent-Replayed"] = "true"
        return service.accepted(batch)
    # Commit before queueing: a worker must find the rows its job names. If queueing fails, the batch
    # stays stored with enqueued_at NULL and a worker's maintenance task queues it within minutes.
    await session.commit()
    try:
        await queue.enqueue(request.app.state.jobs_queue, batch)
    except Exception:
        logger.exception("batch %s stored but not queued; the maintenance task will queue it", batch.id)
        return service.accepted(batch)
    await repository.mark_enqueued(session, [batch.id or 0])
    return service.accepted(batch)


@router.get(
    "/jobs/{job_id}",
    tags=["articles"],
    summary="Progress and per-article results of a batch",
    description=(
        "The job's status (`queued`, `running`, `done`, `failed`), its totals, and the results of its "
        "articles in request order from `offset` (`limit` at a time; follow `next_offset`). Each "
        "result names the stored source, whether it was created or already stored, its event ids, or "
        "the error that stopped it."
    ),
    response_model=JobPublic,
    responses=error_responses(404, 422, 503),
)
async def get_job(
    session: SessionDep,
    job_id: Annotated[int, Path(ge=1, le=MAX_ID, examples=[12])],
    offset: Annotated[int, Query(ge=0, le=MAX_BATCH_ITEMS, description="First article index.")] = 0,
    limit: Annotated[int, Query(ge=1, le=MAX_BATCH_ITEMS, description="Results per page.")] = 100,
) -> JobPublic:
    return await service.get_job(session, job_id, offset, limit)
