"""Rules of batch ingestion: reading and validating a batch, storing it, reporting on it, and
processing one chunk of it (in a worker), each article through ``app.articles.service.submit_article``.
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError
from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel.ext.asyncio.session import AsyncSession

from app.articles.schemas import ArticleIn
from app.articles.service import submit_article
from app.core.errors import (
    AppError,
    DatabaseUnavailableError,
    ExtractionUnavailableError,
    InvalidInputError,
    NotFoundError,
    _is_connection_error,
)
from app.core.extraction_runner import ExtractionRunner
from app.jobs import repository
from app.jobs.models import IngestBatch
from app.jobs.schemas import MAX_BATCH_ITEMS, BatchAccepted, JobPublic, JobTotals, item_public
from app.sources.canonical import InvalidURLError, canonical_url

logger = logging.getLogger(__name__)

JSON_TYPES = ("application/json",)
NDJSON_TYPES = ("application/x-ndjson", "application/ndjson", "application/jsonl", "application/jsonlines")


class UnsupportedMediaTypeError(AppError):
    status_code = 415
    code = "unsupported_media_type"


class IdempotencyConflictError(AppError):
    status_code = 409
    code = "idempotency_key_reused"


# --- reading a batch ---------------------------------------------------------------------------


def _decoded(body: bytes) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InvalidInputError(
            f"the body is not valid UTF-8 (byte {exc.start})", code="invalid_utf8"
        ) from exc


def _raw_items(body: bytes, content_type: str) -> list[tuple[Any, str]]:
    """The batch's raw items with where each came from ("item 3" or "line 5"), unvalidated."""
    if content_type in JSON_TYPES or content_type.endswith("+json"):
        try:
            value = json.loads(_decoded(body))
        except json.JSONDecodeError as exc:
            raise InvalidInputError(f"the body is not valid JSON: {exc}", code="invalid_json") from exc
        if not isinstance(value, list):
            raise InvalidInputError("the body must be a JSON array of articles (or NDJSON, one per line)")
        return [(item, f"item {i}") for i, item in enumerate(value)]
    if content_type in NDJSON_TYPES:
        items = []
        for lineno, line in enumerate(_decoded(body).splitlines(), 1):
            if not line.strip():
                continue
            try:
                items.append((json.loads(line), f"line {lineno}"))
            except json.JSONDecodeError as exc:
                raise InvalidInputError(
                    f"item {len(items)} (line {lineno}) is not valid JSON: {exc}",
                    field=str(len(items)),
                    code="invalid_json",
                ) from exc
        return items
    shown = content_type or "none"
    raise UnsupportedMediaTypeError(
        f"send a JSON array (application/json) or NDJSON (application/x-ndjson), got {shown}",
        field="content-type",
    )


def parse_batch(body: bytes, content_type: str) -> list[ArticleIn]:
    """Every article of the body, validated as ``POST /articles`` validates one; 422 naming the first
    bad item's index (from 0, in request order) otherwise."""
    raw = _raw_items(body, content_type)
    if not raw:
        raise InvalidInputError("the batch holds no article")
    if len(raw) > MAX_BATCH_ITEMS:
        raise InvalidInputError(f"the batch holds {len(raw)} articles; the limit is {MAX_BATCH_ITEMS}")
    articles = []
    for index, (value, origin) in enumerate(raw):
        place = f"item {index}" if origin == f"item {index}" else f"item {index} ({origin})"
        try:
            article = ArticleIn.model_validate(value)
            if article.url:
                canonical_url(article.url)  # refused now rather than by the worker
            articles.append(article)
        except InvalidURLError as exc:
            raise InvalidInputError(f"{place}: url: {exc}", field=f"{index}.url") from exc
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first.get("loc", ()))
            field = f"{index}.{where}" if where else str(index)
            more = f" (and {len(exc.errors()) - 1} more problem(s))" if len(exc.errors()) > 1 else ""
            raise InvalidInputError(
                f"{place}: {where or 'article'}: {first.get('msg')}{more}", field=field
            ) from exc
    return articles


# --- storing and reading batches ----------------------------------------------------------------


def chunks(batch: IngestBatch) -> list[tuple[int, int]]:
    """``(first, last)`` item positions of each job of the batch."""
    size = batch.chunk_size
    return [(first, min(first + size, batch.item_count) - 1) for first in range(0, batch.item_count, size)]


def accepted(batch: IngestBatch) -> BatchAccepted:
    assert batch.id is not None
    return BatchAccepted.model_validate(
        {"job_id": batch.id, "status": batch.status, "items": batch.item_count, "url": f"/jobs/{batch.id}"}
    )


async def create_batch(
    session: AsyncSession, articles: list[ArticleIn], chunk_size: int, idempotency_key: str | None
) -> tuple[IngestBatch, bool]:
    """Store the batch and its items (the caller commits, then queues); ``(batch, created)``.

    With an ``idempotency_key`` already used for the same articles the stored batch is returned
    (``created`` False); used for other articles, 409.
    """
    inputs = [a.model_dump(mode="json", exclude_none=True) for a in articles]
    digest = hashlib.sha256(json.dumps(inputs, sort_keys=True, ensure_ascii=False).encode()).hexdigest()
    values = {
        "item_count": len(inputs),
        "chunk_size": chunk_size,
        "idempotency_key": idempotency_key,
        "request_sha256": digest,
    }
    batch_id = await repository.insert_batch(session, values)
    if batch_id is None:  # the key is taken: a retry (or a concurrent twin, whose commit we waited for)
        assert idempotency_key is not None
        existing = await repository.find_by_idempotency_key(session, idempotency_key)
        if existing is None:  # pragma: no cover - the twin rolled back between our two statements
            raise DatabaseUnavailableError("the same batch was being stored concurrently; retry")
        if existing.request_sha256 != digest:
            raise IdempotencyConflictError(
                f"Idempotency-Key {idempotency_key!r} was used for another batch (job {existing.id})",
                field="Idempotency-Key",
            )
        return existing, False
    await repository.insert_items(session, batch_id, inputs)
    batch = await repository.get_batch(session, batch_id)
    assert batch is not None
    return batch, True


async def get_job(session: AsyncSession, batch_id: int, offset: int, limit: int) -> JobPublic:
    batch = await repository.get_batch(session, batch_id)
    if batch is None:
        raise NotFoundError(f"no job with id {batch_id}", field="job_id")
    totals = await repository.totals(session, batch_id)
    rows = await repository.items_page(session, batch_id, offset, limit)
    last = rows[-1].position if rows else None
    assert batch.id is not None and batch.created_at is not None
    return JobPublic(
        id=batch.id,
        status=batch.status,  # type: ignore[arg-type]
        created_at=batch.created_at,
        started_at=batch.started_at,
        finished_at=batch.finished_at,
        totals=JobTotals(**totals),
        items=[item_public(r) for r in rows],
        next_offset=last + 1 if last is not None and last + 1 < batch.item_count else None,
    )


# --- processing (in a worker) -------------------------------------------------------------------


@dataclass(frozen=True)
class WorkerResources:
    """What a worker's jobs use: its database sessions and its extraction processes."""

    sessionmaker: async_sessionmaker[AsyncSession]
    runner: ExtractionRunner


def _is_transient(exc: BaseException) -> bool:
    """Failures that say nothing about the article: retry the job later."""
    return isinstance(exc, (ExtractionUnavailableError, DatabaseUnavailableError)) or _is_connection_error(
        exc
    )


def _error(exc: BaseException) -> dict[str, Any]:
    if isinstance(exc, AppError):
        return {"error": exc.code, "detail": exc.detail, "field": exc.field}
    return {
        "error": "internal_error",
        "detail": f"{type(exc).__name__}: the article could not be processed",
        "field": None,
    }


async def _process_item(
    res: WorkerResources,
    batch_id: int,
    position: int,
    raw: dict[str, Any],
    attempts: int,
    final_attempt: bool,
) -> None:
    """Submit one claimed article and record its outcome in the same transaction as the article."""
    failure: BaseException
    async with res.sessionmaker() as session:
        try:
            article = ArticleIn.model_validate(raw)
            result, created = await submit_article(session, res.runner, article)
            values = {
                "input": {},  # the stored source holds the article now; failed items keep theirs
                "status": "done",
                "source_id": result.source.id,
                "created": created,
                "event_ids": [e.id for e in result.events],
            }
            if await repository.record_result(session, batch_id, position, attempts, values):
                await session.commit()
            else:  # taken again by another attempt after this worker was presumed dead: that one records it
                await session.rollback()
                logger.warning("batch %d item %d: claim lost; result dropped", batch_id, position)
            return
        except Exception as exc:
            await session.rollback()
            if _is_transient(exc) and not final_attempt:
                raise
            if not isinstance(exc, AppError):
                logger.exception("batch %d item %d failed", batch_id, position)
            failure = exc
    async with res.sessionmaker() as session, session.begin():
        await repository.record_result(
            session, batch_id, position, attempts, {"status": "failed", "error": _error(failure)}
        )


async def process_chunk(
    res: WorkerResources, batch_id: int, first: int, last: int, worker: str, final_attempt: bool
) -> int:
    """Process the unfinished items ``first..last`` of a batch, one after the other; how many.

    A transient failure (database or extraction pool unavailable) propagates so that the queue
    retries the job; items finished before it are not done again. On the job's last attempt such
    a failure is recorded on the item instead.
    """
    async with res.sessionmaker() as session, session.begin():
        claimed = await repository.claim(session, batch_id, first, last, worker)
        if claimed:
            await repository.mark_running(session, batch_id)
    for row in claimed:
        await _process_item(res, batch_id, row.position, row.input, row.attempts, final_attempt)
    async with res.sessionmaker() as session, session.begin():
        await repository.finish_if_complete(session, batch_id)
    return len(claimed)
