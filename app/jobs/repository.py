"""SQL of batch ingestion: batches, their items, claims and results."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import and_, case, exists, func, select, update
from sqlalchemy.dialects.postgresql import insert
from sqlmodel.ext.asyncio.session import AsyncSession

from app.core.db import run
from app.jobs.models import IngestBatch, IngestItem

_BATCH = IngestBatch.__table__  # type: ignore[attr-defined]
_ITEM = IngestItem.__table__  # type: ignore[attr-defined]


async def insert_batch(session: AsyncSession, values: dict[str, Any]) -> int | None:
    """The new batch's id, or None when a batch with this idempotency key exists (or is being made)."""
    stmt = insert(_BATCH).values(**values).on_conflict_do_nothing(index_elements=["idempotency_key"])
    result = await run(session, stmt.returning(_BATCH.c.id))
    return result.scalar_one_or_none()


async def insert_items(session: AsyncSession, batch_id: int, inputs: list[dict[str, Any]]) -> None:
    rows = [{"batch_id": batch_id, "position": i, "input": value} for i, value in enumerate(inputs)]
    await run(session, insert(_ITEM).values(rows))


async def get_batch(session: AsyncSession, batch_id: int) -> IngestBatch | None:
    return await session.get(IngestBatch, batch_id)


async def find_by_idempotency_key(session: AsyncSession, key: str) -> IngestBatch | None:
    result = await run(session, select(IngestBatch).where(_BATCH.c.idempotency_key == key))
    row = result.first()
    return row[0] if row else None


async def mark_enqueued(session: AsyncSession, batch_ids: list[int]) -> None:
    stmt = update(_BATCH).where(_BATCH.c.id.in_(batch_ids), _BATCH.c.enqueued_at.is_(None))
    await run(session, stmt.values(enqueued_at=func.now()))


async def batches_not_enqueued(
    session: AsyncSession, older_than_s: float, limit: int = 100
) -> list[IngestBatch]:
    """Batches stored but never queued (the API lost the queue between its two steps), oldest first."""
    stmt = (
        select(IngestBatch)
        .where(
            _BATCH.c.enqueued_at.is_(None), _BATCH.c.created_at < func.now() - timedelta(seconds=older_than_s)
        )
        .order_by(_BATCH.c.id)
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    return [row[0] for row in (await run(session, stmt)).all()]


async def totals(session: AsyncSession, batch_id: int) -> dict[str, int]:
    """Item counts by outcome (one index range scan of the batch's items)."""
    status, created = _ITEM.c.status, _ITEM.c.created
    stmt = select(
        func.count().label("items"),
        func.count().filter(status == "queued").label("queued"),
        func.count().filter(status == "running").label("running"),
        func.count().filter(status.in_(("done", "failed"))).label("done"),
        func.count().filter(and_(status == "done", created.is_(True))).label("created"),
        func.count().filter(and_(status == "done", created.is_(False))).label("duplicates"),
        func.count().filter(status == "failed").label("failed"),
    ).where(_ITEM.c.batch_id == batch_id)
    return dict((await run(session, stmt)).one()._mapping)


async def items_page(session: AsyncSession, batch_id: int, offset: int, limit: int) -> list[Any]:
    """``limit`` items from position ``offset``, in request order (no input: results only)."""
    columns = [c for c in _ITEM.c if c.name != "input"]
    stmt = (
        select(*columns)
        .where(_ITEM.c.batch_id == batch_id, _ITEM.c.position >= offset)
        .order_by(_ITEM.c.position)
        .limit(limit)
    )
    return list((await run(session, stmt)).all())


async def claim(session: AsyncSession, batch_id: int, first: int, last: int, worker: str) -> list[Any]:
    """Take the unfinished items ``first..last`` of a batch: ``(position, input, attempts)`` rows.

    Items left ``running`` by a worker that died are taken again: the queue runs the jobs of one
    chunk one at a time (procrastinate's ``lock``), so a running item here is an abandoned one.
    """
    stmt = (
        update(_ITEM)
        .where(
            _ITEM.c.batch_id == batch_id,
            _ITEM.c.position.between(first, last),
            _ITEM.c.status.in_(("queued", "running")),
        )
        .values(status="running", attempts=_ITEM.c.attempts + 1, worker=worker)
        .returning(_ITEM.c.position, _ITEM.c.input, _ITEM.c.attempts)
    )
    return sorted((await run(session, stmt)).all(), key=lambda row: row.position)


async def mark_running(session: AsyncSession, batch_id: int) -> None:
    stmt = update(_BATCH).where(_BATCH.c.id == batch_id, _BATCH.c.status == "queued")
    await run(session, stmt.values(status="running", started_at=func.now()))


async def record_result(
    session: AsyncSession, batch_id: int, position: int, attempts: int, values: dict[str, Any]
) -> bool:
    """Write an item's outcome if it is still the claim made with ``attempts``; False otherwise."""
    stmt = (
        update(_ITEM)
        .where(
            _ITEM.c.batch_id == batch_id,
            _ITEM.c.position == position,
            _ITEM.c.status == "running",
            _ITEM.c.attempts == attempts,
        )
        .values(**values, finished_at=func.now())
        .returning(_ITEM.c.position)
    )
    return (await run(session, stmt)).first() is not None


async def finish_if_complete(session: AsyncSession, batch_id: int) -> None:
    """Close the batch once no item is unfinished: ``failed`` if every item failed, else ``done``.

    Each job runs this after its last item; under READ COMMITTED the job finishing last sees every
    other job's results, so one of them closes the batch.
    """
    unfinished = exists().where(_ITEM.c.batch_id == batch_id, _ITEM.c.status.in_(("queued", "running")))
    succeeded = exists().where(_ITEM.c.batch_id == batch_id, _ITEM.c.status == "done")
    stmt = (
        update(_BATCH)
        .where(_BATCH.c.id == batch_id, _BATCH.c.finished_at.is_(None), ~unfinished)
        .values(
            status=case((succeeded, "done"), else_="failed"),
            finished_at=func.now(),
            started_at=func.coalesce(_BATCH.c.started_at, func.now()),
        )
    )
    await run(session, stmt)
