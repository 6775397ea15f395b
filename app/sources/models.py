"""The ``source`` table: one stored article."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Column, DateTime, Text, func
from sqlmodel import Field, SQLModel

import app.core.db  # noqa: F401  (metadata naming convention before any table)


class SourceBase(SQLModel):
    """Fields a client may send with an article."""

    url: str | None = Field(default=None, sa_type=Text, description="Canonical URL (unique when present).")
    title: str | None = Field(default=None, sa_type=Text)
    publisher: str | None = Field(default=None, sa_type=Text)
    published_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))
    language: str | None = Field(default=None, sa_type=Text)


class Source(SourceBase, table=True):
    """A stored article; ``content_sha256`` of its whitespace-normalised text makes re-posts idempotent."""

    __tablename__ = "source"

    id: int | None = Field(default=None, sa_column=Column(BigInteger, primary_key=True, autoincrement=True))
    url: str | None = Field(default=None, sa_column=Column(Text, unique=True, nullable=True))
    text: str = Field(sa_column=Column(Text, nullable=False))
    content_sha256: str = Field(sa_column=Column(Text, nullable=False, unique=True))
    ingested_at: datetime | None = Field(
        default=None, sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now())
    )
