"""The ``actor`` table."""

from __future__ import annotations

from sqlalchemy import BigInteger, CheckConstraint, Column, Index, SmallInteger, Text, text
from sqlalchemy.dialects.postgresql import ARRAY
from sqlmodel import Field, SQLModel

import app.core.db  # noqa: F401  (metadata naming convention before any table)

# An IMMUTABLE wrapper (created by the migration) so the aliases can sit in a trigram index.
ALIASES_TEXT = "ce_immutable_array_to_string(aliases, ' | ')"


class Actor(SQLModel, table=True):
    """An actor under ACLED's naming convention, e.g. "Military Forces of Iraq (2022-)"."""

    __tablename__ = "actor"
    __table_args__ = (
        CheckConstraint("inter BETWEEN 1 AND 8", name="inter_range"),
        Index("ix_actor_name_trgm", "name", postgresql_using="gin", postgresql_ops={"name": "gin_trgm_ops"}),
        Index(
            "ix_actor_aliases_trgm",
            text(f"({ALIASES_TEXT}) gin_trgm_ops"),
            postgresql_using="gin",
        ),
    )

    id: int | None = Field(default=None, sa_column=Column(BigInteger, primary_key=True, autoincrement=True))
    name: str = Field(sa_column=Column(Text, nullable=False, unique=True))
    inter: int | None = Field(default=None, sa_column=Column(SmallInteger, nullable=True))
    country: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))
    aliases: list[str] = Field(
        default_factory=list,
        sa_column=Column(ARRAY(Text), nullable=False, server_default=text("'{}'::text[]")),
    )
