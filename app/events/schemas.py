"""What the event endpoints return."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

_EXAMPLE_EVENT: dict[str, Any] = {
    "id": 1,
    "event_date": "2023-11-21",
    "time_precision": 1,
    "disorder_type": "Political violence",
    "event_type": "Explosions/Remote violence",
    "sub_event_type": "Air/drone strike",
    "actor1": "Military Forces of the United States (2021-)",
    "assoc_actor_1": "",
    "inter1": 8,
    "actor2": "Kataib Hezbollah",
    "assoc_actor_2": "",
    "inter2": 3,
    "interaction": 38,
    "civilian_targeting": "",
    "country": "Iraq",
    "iso3": "IRQ",
    "admin1": "Al Anbar",
    "admin2": "Hit",
    "location": "Ain al-Asad Air Base",
    "latitude": 33.8,
    "longitude": 42.44,
    "geo_precision": 1,
    "fatalities": 0,
    "injuries": 0,
    "notes": "On 21 November 2023, US forces struck Kataib Hezbollah facilities in Iraq.",
    "confidence": 0.7,
    "source_ids": [1],
    "source_count": 1,
    "created_at": "2023-11-22T08:00:00Z",
    "updated_at": "2023-11-22T08:00:00Z",
}


class EvidenceOut(BaseModel):
    """A sentence of the source that supports the event; ``text == source.text[start:end]``."""

    start: int = Field(examples=[0])
    end: int = Field(examples=[112])
    text: str = Field(examples=["The U.S. military carried out strikes in Iraq on Tuesday."])


class ExtractedEvent(BaseModel):
    """An event as the extractor codes it (ACLED field names), before it is stored."""

    event_date: date
    time_precision: int = Field(description="1 day, 2 week, 3 month (ACLED).")
    disorder_type: str
    event_type: str
    sub_event_type: str
    actor1: str
    assoc_actor_1: str = ""
    inter1: int = 0
    actor2: str = ""
    assoc_actor_2: str = ""
    inter2: int = 0
    interaction: int = 0
    civilian_targeting: str = ""
    country: str = ""
    iso3: str = ""
    admin1: str = ""
    admin2: str = ""
    location: str = ""
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int = Field(default=3, description="1 the exact place, 2 near it, 3 a region.")
    fatalities: int = 0
    injuries: int = 0
    notes: str = ""
    confidence: float = 0.5
    evidence: list[EvidenceOut] = Field(default_factory=list)


class EventPublic(BaseModel):
    """A stored event: ACLED's fields, its actors by role, and the ids of its sources."""

    model_config = ConfigDict(json_schema_extra={"examples": [_EXAMPLE_EVENT]})

    id: int
    event_date: date
    time_precision: int
    disorder_type: str
    event_type: str
    sub_event_type: str
    actor1: str = Field(description="Primary actor (ACLED naming).")
    assoc_actor_1: str = Field(description="Actors associated with actor1, joined by '; '.")
    inter1: int
    actor2: str
    assoc_actor_2: str
    inter2: int
    interaction: int
    civilian_targeting: str
    country: str
    iso3: str
    admin1: str
    admin2: str
    location: str
    latitude: float | None
    longitude: float | None
    geo_precision: int
    fatalities: int
    injuries: int
    notes: str
    confidence: float
    source_ids: list[int]
    source_count: int = Field(description="How many sources report the event.", examples=[2])
    created_at: datetime
    updated_at: datetime = Field(description="Last change (a source added or deleted, fields derived again).")


class EventActorOut(BaseModel):
    """An actor of the event with its role."""

    id: int
    name: str = Field(examples=["Military Forces of the United States (2021-)"])
    role: str = Field(examples=["actor1"])
    inter: int | None = Field(examples=[8])


class EventSourceOut(BaseModel):
    """A source of the event with the sentences that support it."""

    id: int
    url: str | None
    title: str | None
    publisher: str | None
    published_at: datetime | None
    evidence: list[EvidenceOut]
    event_date: date | None = Field(default=None, description="The date this source gives the event.")
    fatalities: int | None = Field(default=None, description="The fatalities this source reports.")
    injuries: int | None = Field(default=None, description="The injuries this source reports.")


class EventDetail(EventPublic):
    """An event with its actors, sources and evidence."""

    actors: list[EventActorOut]
    sources: list[EventSourceOut]


class EventPage(BaseModel):
    """One page of events, newest first; pass ``next_cursor`` as ``cursor`` for the next one."""

    items: list[EventPublic]
    next_cursor: str | None = Field(description="Opaque; null on the last page.", examples=[None])
