"""Imports every table so ``SQLModel.metadata`` is complete (Alembic and tests import this)."""

from app.actors.models import Actor
from app.auth.models import ApiKey
from app.changes.models import EventChange
from app.events.models import Event, EventActor, EventSource
from app.jobs.models import IngestBatch, IngestItem
from app.sources.models import Source

__all__ = [
    "Actor",
    "ApiKey",
    "Event",
    "EventChange",
    "EventActor",
    "EventSource",
    "IngestBatch",
    "IngestItem",
    "Source",
]
