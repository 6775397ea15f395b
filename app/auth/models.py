"""The ``api_key`` table: one issued key, stored as a SHA-256 hash (never in clear)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, CheckConstraint, Column, DateTime, Text, func
from sqlalchemy.dialects.postgresql import ARRAY
from sqlmodel import Field, SQLModel

import app.core.db  # noqa: F401  (metadata naming convention before any table)


class ApiKey(SQLModel, table=True):
    """An API key. ``prefix`` is the public part shown in listings and logs; ``key_hash`` is the
    SHA-256 of the whole key (keys are 256-bit random, so a slow password hash buys nothing)."""

    __tablename__ = "api_key"
    __table_args__ = (
        CheckConstraint(
            "scopes <@ ARRAY['read', 'write', 'admin']::text[] AND cardinality(scopes) > 0", name="scopes_known"
        ),
    )

    id: int | None = Field(default=None, sa_column=Column(BigInteger, primary_key=True, autoincrement=True))
    name: str = Field(sa_column=Column(Text, nullable=False, server_default=""))
    prefix: str = Field(sa_column=Column(Text, nullable=False, unique=True))
    key_hash: str = Field(sa_column=Column(Text, nullable=False))
    scopes: list[str] = Field(sa_column=Column(ARRAY(Text), nullable=False))
    created_at: datetime | None = Field(
        default=None, sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now())
    )
    revoked_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True), nullable=True))
    last_used_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True), nullable=True))
