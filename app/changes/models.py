"""The ``event_change`` table: an append-only log of every change to an event, tombstones included."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, CheckConstraint, Column, DateTime, Text, func
from sqlmodel import Field, SQLModel

import app.core.db  # noqa: F401  (metadata naming convention before any table)

CHANGE_KINDS = ("created", "updated", "merged", "deleted")


class EventChange(SQLModel, table=True):
    """One change of one event; ``id`` (a bigserial) is the feed's cursor.

    No foreign key to ``event``: a tombstone (``deleted``, ``merged``) outlives its event.
    """

    __tablename__ = "event_change"
    __table_args__ = (
        CheckConstraint("kind IN ('created', 'updated', 'merged', 'deleted')", name="kind_valid"),
    )

    id: int | None = Field(default=None, sa_column=Column(BigInteger, primary_key=True, autoincrement=True))
    event_id: int = Field(sa_column=Column(BigInteger, nullable=False))
    kind: str = Field(sa_column=Column(Text, nullable=False))
    merged_into: int | None = Field(default=None, sa_column=Column(BigInteger, nullable=True))
    source_id: int | None = Field(default=None, sa_column=Column(BigInteger, nullable=True))
    changed_at: datetime | None = Field(
        default=None, sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now())
    )
