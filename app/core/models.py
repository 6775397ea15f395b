"""Imports every table so ``SQLModel.metadata`` is complete (Alembic and tests import this)."""

from app.actors.models import Actor
from app.events.models import Event, EventActor, EventSource
from app.sources.models import Source

__all__ = ["Actor", "Event", "EventActor", "EventSource", "Source"]
