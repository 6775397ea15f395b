"""The ``event``, ``event_actor`` and ``event_source`` tables."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    SmallInteger,
    Text,
    UniqueConstraint,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlmodel import Field, SQLModel

import app.core.db  # noqa: F401  (metadata naming convention before any table)

ROLES = ("actor1", "assoc_actor_1", "actor2", "assoc_actor_2")

# The expression of the spatial index; queries must use the same text to hit it.
EARTH_POINT = "ll_to_earth(latitude, longitude)"
# The 0.25-degree grid cell of a located event (migration 0007, ``ix_event_grid_cell_date``); the
# repository's queries must use the same text to hit the index.
GRID_CELL = "(floor(latitude * 4) * 2000 + floor(longitude * 4))::integer"


def _text_col(default: str = "") -> Column[str]:
    return Column(Text, nullable=False, server_default=default)


class Event(SQLModel, table=True):
    """One coded event with ACLED's field names; actors live in ``event_actor``."""

    __tablename__ = "event"
    __table_args__ = (
        CheckConstraint("time_precision BETWEEN 1 AND 3", name="time_precision_range"),
        CheckConstraint("geo_precision BETWEEN 1 AND 3", name="geo_precision_range"),
        CheckConstraint("fatalities >= 0", name="fatalities_non_negative"),
        CheckConstraint("injuries >= 0", name="injuries_non_negative"),
        CheckConstraint("latitude BETWEEN -90 AND 90", name="latitude_range"),
        CheckConstraint("longitude BETWEEN -180 AND 180", name="longitude_range"),
        # newest-first keyset pagination and date windows
        Index("ix_event_event_date_id", text("event_date DESC"), text("id DESC")),
        Index("ix_event_iso3_event_date", "iso3", "event_date"),
        # type filters compare case-insensitively
        Index("ix_event_sub_event_type_lower", text("lower(sub_event_type)")),
        Index("ix_event_event_type_lower", text("lower(event_type)")),
        # migration 0003 (found by the scale benchmark): type or country read newest first
        Index(
            "ix_event_sub_event_type_lower_date",
            text("lower(sub_event_type)"),
            text("event_date DESC"),
            text("id DESC"),
        ),
        Index(
            "ix_event_country_lower_date", text("lower(country)"), text("event_date DESC"), text("id DESC")
        ),
        # migration 0004: GET /events?updated_since= and the resolution of coarse-dated events
        Index("ix_event_updated_at_id", "updated_at", "id"),
        Index(
            "ix_event_iso3_event_date_coarse",
            "iso3",
            "event_date",
            postgresql_where=text("time_precision > 1"),
        ),
        # migration 0007: a box or circle read grid cell by grid cell, newest first
        Index(
            "ix_event_grid_cell_date",
            text(GRID_CELL),
            text("event_date DESC"),
            text("id DESC"),
            postgresql_where=text("latitude IS NOT NULL AND longitude IS NOT NULL"),
        ),
        # bbox / radius through cube + earthdistance
        Index(
            "ix_event_earth",
            text(EARTH_POINT),
            postgresql_using="gist",
            postgresql_where=text("latitude IS NOT NULL AND longitude IS NOT NULL"),
        ),
    )

    id: int | None = Field(default=None, sa_column=Column(BigInteger, primary_key=True, autoincrement=True))
    event_date: date = Field(sa_column=Column(Date, nullable=False))
    time_precision: int = Field(default=1, sa_column=Column(SmallInteger, nullable=False, server_default="1"))
    disorder_type: str = Field(default="", sa_column=_text_col())
    event_type: str = Field(default="", sa_column=_text_col())
    sub_event_type: str = Field(default="", sa_column=_text_col())
    inter1: int = Field(default=0, sa_column=Column(SmallInteger, nullable=False, server_default="0"))
    inter2: int = Field(default=0, sa_column=Column(SmallInteger, nullable=False, server_default="0"))
    interaction: int = Field(default=0, sa_column=Column(SmallInteger, nullable=False, server_default="0"))
    civilian_targeting: str = Field(default="", sa_column=_text_col())
    country: str = Field(default="", sa_column=_text_col())
    iso3: str = Field(default="", sa_column=_text_col())
    admin1: str = Field(default="", sa_column=_text_col())
    admin2: str = Field(default="", sa_column=_text_col())
    location: str = Field(default="", sa_column=_text_col())
    latitude: float | None = Field(default=None, sa_column=Column(Float, nullable=True))
    longitude: float | None = Field(default=None, sa_column=Column(Float, nullable=True))
    geo_precision: int = Field(default=3, sa_column=Column(SmallInteger, nullable=False, server_default="3"))
    fatalities: int = Field(default=0, sa_column=Column(Integer, nullable=False, server_default="0"))
    injuries: int = Field(default=0, sa_column=Column(Integer, nullable=False, server_default="0"))
    notes: str = Field(default="", sa_column=_text_col())
    confidence: float = Field(default=0.5, sa_column=Column(Float, nullable=False, server_default="0.5"))
    created_at: datetime | None = Field(
        default=None, sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now())
    )
    updated_at: datetime | None = Field(
        default=None, sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now())
    )


class EventActor(SQLModel, table=True):
    """An actor in one of an event's four ACLED roles; ``position`` orders several associated actors."""

    __tablename__ = "event_actor"
    __table_args__ = (
        CheckConstraint("role IN ('actor1', 'assoc_actor_1', 'actor2', 'assoc_actor_2')", name="role_valid"),
        Index("ix_event_actor_actor_id_role", "actor_id", "role"),
        # migration 0005: one actor's events newest first (GET /events?actor=)
        Index(
            "ix_event_actor_actor_id_event_date", "actor_id", text("event_date DESC"), text("event_id DESC")
        ),
    )

    event_id: int = Field(
        sa_column=Column(BigInteger, ForeignKey("event.id", ondelete="CASCADE"), primary_key=True)
    )
    role: str = Field(sa_column=Column(Text, primary_key=True))
    position: int = Field(default=0, sa_column=Column(SmallInteger, primary_key=True, server_default="0"))
    actor_id: int = Field(
        sa_column=Column(BigInteger, ForeignKey("actor.id", ondelete="RESTRICT"), nullable=False)
    )
    # The event's date, copied so that an actor's links can be read in page order (migration 0005).
    # Triggers fill it on insert and follow the event's date when it changes: writers may omit it.
    event_date: date | None = Field(default=None, sa_column=Column(Date, nullable=False))


class EventSource(SQLModel, table=True):
    """A source supporting an event, with one evidence sentence and its offsets in the source text."""

    __tablename__ = "event_source"
    __table_args__ = (
        UniqueConstraint(
            "event_id",
            "source_id",
            "evidence_start",
            "evidence_end",
            name="uq_event_source_span",
            postgresql_nulls_not_distinct=True,
        ),
        CheckConstraint("evidence_start >= 0 AND evidence_end >= evidence_start", name="evidence_span"),
        Index("ix_event_source_source_id", "source_id"),
    )

    id: int | None = Field(default=None, sa_column=Column(BigInteger, primary_key=True, autoincrement=True))
    event_id: int = Field(
        sa_column=Column(BigInteger, ForeignKey("event.id", ondelete="CASCADE"), nullable=False)
    )
    source_id: int = Field(
        sa_column=Column(BigInteger, ForeignKey("source.id", ondelete="CASCADE"), nullable=False)
    )
    evidence_start: int | None = Field(default=None, sa_column=Column(Integer, nullable=True))
    evidence_end: int | None = Field(default=None, sa_column=Column(Integer, nullable=True))
    evidence_text: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    # The source's own figures and coding of the event (migration 0004); every evidence row of one
    # (event, source) pair carries the same values. The event's fields are derived from these.
    fatalities: int | None = Field(default=None, sa_column=Column(Integer, nullable=True))
    injuries: int | None = Field(default=None, sa_column=Column(Integer, nullable=True))
    report: dict[str, Any] | None = Field(default=None, sa_column=Column(JSONB, nullable=True))
