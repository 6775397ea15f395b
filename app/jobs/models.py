"""``ingest_batch`` (one row per ``POST /articles/batch``) and ``ingest_item`` (one row per article).

The queue's jobs (procrastinate, schema ``procrastinate``) carry only a batch id and a range of item
positions; everything a client reads back (progress, per-article results) lives in these two tables.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Column,
    DateTime,
    ForeignKey,
    Integer,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.dialects.postgresql import ARRAY, JSONB
from sqlmodel import Field, SQLModel

import app.core.db  # noqa: F401  (metadata naming convention before any table)

BATCH_STATUSES = ("queued", "running", "done", "failed")
ITEM_STATUSES = ("queued", "running", "done", "failed")


class IngestBatch(SQLModel, table=True):
    """One submitted batch; ``id`` is the job id clients poll."""

    __tablename__ = "ingest_batch"
    __table_args__ = (
        CheckConstraint("status IN ('queued', 'running', 'done', 'failed')", name="status_valid"),
        UniqueConstraint("idempotency_key"),
    )

    id: int | None = Field(default=None, sa_column=Column(BigInteger, primary_key=True, autoincrement=True))
    status: str = Field(default="queued", sa_column=Column(Text, nullable=False, server_default="queued"))
    item_count: int = Field(sa_column=Column(Integer, nullable=False))
    chunk_size: int = Field(sa_column=Column(Integer, nullable=False))
    idempotency_key: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    request_sha256: str = Field(sa_column=Column(Text, nullable=False))
    created_at: datetime | None = Field(
        default=None, sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now())
    )
    # NULL until the chunk jobs are in the queue; the sweeper queues batches left so (see queue.py)
    enqueued_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True)))
    started_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True)))
    finished_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True)))


class IngestItem(SQLModel, table=True):
    """One article of a batch: its validated input and, once processed, its result or error.

    ``attempts`` counts claims: a worker claims the items of its chunk by raising it, and records the
    result only if the count is still the one it claimed with, so a re-claimed item is written once.
    """

    __tablename__ = "ingest_item"
    __table_args__ = (
        CheckConstraint("status IN ('queued', 'running', 'done', 'failed')", name="status_valid"),
    )

    batch_id: int = Field(
        sa_column=Column(BigInteger, ForeignKey("ingest_batch.id", ondelete="CASCADE"), primary_key=True)
    )
    position: int = Field(sa_column=Column(Integer, primary_key=True, autoincrement=False))
    input: dict[str, Any] = Field(sa_column=Column(JSONB, nullable=False))
    status: str = Field(default="queued", sa_column=Column(Text, nullable=False, server_default="queued"))
    attempts: int = Field(default=0, sa_column=Column(Integer, nullable=False, server_default="0"))
    worker: str | None = Field(default=None, sa_column=Column(Text))
    # No foreign key: the result stays readable after DELETE /sources/{id}.
    source_id: int | None = Field(default=None, sa_column=Column(BigInteger))
    created: bool | None = Field(default=None, sa_column=Column(Boolean))
    event_ids: list[int] | None = Field(default=None, sa_column=Column(ARRAY(BigInteger)))
    error: dict[str, Any] | None = Field(default=None, sa_column=Column(JSONB))
    finished_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True)))
