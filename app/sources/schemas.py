"""What the source endpoints return."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field

from app.events.schemas import EventPublic


class SourceSummary(BaseModel):
    """A stored article without its text."""

    id: int = Field(examples=[1])
    url: str | None = Field(examples=["https://www.reuters.com/world/middle-east/us-strikes-iraq-2023-11-22"])
    title: str | None = Field(examples=["US strikes Iran-backed group in Iraq after attack on base"])
    publisher: str | None = Field(examples=["Reuters"])
    published_at: datetime | None = Field(examples=["2023-11-22T02:14:00Z"])
    language: str | None = Field(examples=["en"])
    content_sha256: str = Field(description="SHA-256 of the whitespace-normalised text.")
    ingested_at: datetime
    event_count: int = Field(examples=[2])


class SourcePublic(SourceSummary):
    """A stored article with its text."""

    text: str


class SourceDetail(SourcePublic):
    """A stored article with the events read from it."""

    events: list[EventPublic]


class SourcePage(BaseModel):
    """One page of sources, most recently ingested first."""

    items: list[SourceSummary]
    next_cursor: str | None = Field(description="Opaque; null on the last page.", examples=[None])
