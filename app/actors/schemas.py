"""What the actor endpoint returns."""

from __future__ import annotations

from pydantic import BaseModel, Field


class ActorOut(BaseModel):
    """A canonical actor and the number of stored events it takes part in (any role)."""

    id: int = Field(examples=[3])
    name: str = Field(examples=["Military Forces of the United States (2021-)"])
    inter: int | None = Field(description="ACLED inter code 1-8.", examples=[8])
    country: str = Field(examples=["United States"])
    aliases: list[str] = Field(examples=[["US military", "U.S. forces"]])
    event_count: int = Field(examples=[2])


class ActorList(BaseModel):
    """Actors matching the query, most events first."""

    items: list[ActorOut]
