"""What the change feed and source deletion return."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field


class ChangeOut(BaseModel):
    """One change of one event. ``deleted`` and ``merged`` are tombstones: the event is gone (a merged
    event lives on as ``merged_into``)."""

    cursor: int = Field(description="Position in the feed; pass the last one seen as `since`.", examples=[42])
    event_id: int = Field(examples=[7])
    kind: str = Field(description="created, updated, merged or deleted.", examples=["updated"])
    merged_into: int | None = Field(default=None, examples=[None])
    source_id: int | None = Field(
        default=None, description="The source whose arrival or deletion caused the change.", examples=[3]
    )
    changed_at: datetime


class ChangePage(BaseModel):
    """Changes after ``since``, oldest first; call again with ``next_since`` until ``items`` is empty."""

    items: list[ChangeOut]
    next_since: int = Field(description="The cursor of the last item (or `since` when none).", examples=[42])


class SourceDeleted(BaseModel):
    """What deleting a source did to the events it supported."""

    source_id: int = Field(examples=[3])
    deleted_event_ids: list[int] = Field(description="Events left without any source, now removed.")
    updated_event_ids: list[int] = Field(description="Events whose fields were derived again.")
