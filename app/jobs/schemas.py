"""Bodies of ``POST /articles/batch`` (202) and ``GET /jobs/{id}``."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from app.core.errors import ErrorBody

MAX_BATCH_ITEMS = 1000

JobStatus = Literal["queued", "running", "done", "failed"]


class BatchAccepted(BaseModel):
    """What ``POST /articles/batch`` answers: the job to poll."""

    model_config = ConfigDict(
        json_schema_extra={"examples": [{"job_id": 12, "status": "queued", "items": 3, "url": "/jobs/12"}]}
    )

    job_id: int = Field(description="Poll `GET /jobs/{job_id}` for progress and results.")
    status: JobStatus
    items: int = Field(description="How many articles the batch holds.")
    url: str = Field(description="Where the job's progress is read.")


class JobTotals(BaseModel):
    """Progress counts; ``done`` = ``created`` + ``duplicates`` + ``failed``."""

    items: int = Field(examples=[3])
    queued: int = Field(description="Not yet taken by a worker.", examples=[0])
    running: int = Field(description="Taken by a worker, not finished.", examples=[0])
    done: int = Field(description="Finished, successfully or not.", examples=[3])
    created: int = Field(description="Stored as new sources.", examples=[1])
    duplicates: int = Field(description="Already stored (same canonical URL or text).", examples=[1])
    failed: int = Field(examples=[1])


class JobItem(BaseModel):
    """The outcome of one article of the batch (``index``: its position in the request, from 0)."""

    index: int = Field(examples=[0])
    status: Literal["queued", "running", "done", "failed"]
    source_id: int | None = Field(default=None, description="The stored source (new or existing).")
    created: bool | None = Field(default=None, description="True: stored now; false: already stored.")
    event_ids: list[int] | None = Field(default=None, description="The source's events.")
    error: ErrorBody | None = Field(
        default=None, description="Why the article failed (the usual error model)."
    )
    attempts: int = Field(description="How many times a worker took the article (1 unless a worker died).")


class JobPublic(BaseModel):
    """A batch job: status, progress and one page of per-article results."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": 12,
                    "status": "done",
                    "created_at": "2026-11-24T10:00:00Z",
                    "started_at": "2026-11-24T10:00:01Z",
                    "finished_at": "2026-11-24T10:00:03Z",
                    "totals": {
                        "items": 3,
                        "queued": 0,
                        "running": 0,
                        "done": 3,
                        "created": 1,
                        "duplicates": 1,
                        "failed": 1,
                    },
                    "items": [
                        {
                            "index": 0,
                            "status": "done",
                            "source_id": 41,
                            "created": True,
                            "event_ids": [101, 102],
                            "error": None,
                            "attempts": 1,
                        },
                        {
                            "index": 1,
                            "status": "done",
                            "source_id": 7,
                            "created": False,
                            "event_ids": [12],
                            "error": None,
                            "attempts": 1,
                        },
                        {
                            "index": 2,
                            "status": "failed",
                            "source_id": None,
                            "created": None,
                            "event_ids": None,
                            "error": {
                                "error": "invalid_input",
                                "detail": "url: not an http(s) URL",
                                "field": "url",
                            },
                            "attempts": 1,
                        },
                    ],
                    "next_offset": None,
                }
            ]
        }
    )

    id: int
    status: JobStatus = Field(
        description="`queued`, `running`, `done` (every article finished; some may have failed) or "
        "`failed` (every article failed)."
    )
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None
    totals: JobTotals
    items: list[JobItem] = Field(description="Results in request order, from `offset`.")
    next_offset: int | None = Field(description="Pass as `offset` for the next page; null on the last page.")


def item_public(row: Any) -> JobItem:
    """A ``JobItem`` from an ``ingest_item`` row."""
    return JobItem(
        index=row.position,
        status=row.status,
        source_id=row.source_id,
        created=row.created,
        event_ids=row.event_ids,
        error=ErrorBody.model_validate(row.error) if row.error else None,
        attempts=row.attempts,
    )
