"""Request and response bodies of ``POST /articles`` and ``POST /extract``."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field, field_validator

from app.core.limits import text_from_submission
from app.core.validation import storable_text
from app.events.schemas import EventPublic, ExtractedEvent
from app.sources.schemas import SourcePublic

EXAMPLE_TEXT = (
    "BAGHDAD, Nov 22 (Reuters) - The United States carried out strikes on two facilities used by "
    "Kataib Hezbollah in Iraq on Tuesday, the Pentagon said, hours after the Iran-backed group fired a "
    "missile at U.S. forces at Ain al-Asad air base in Anbar province. Eight militants were killed, "
    "Iraqi security sources said."
)


MAX_TEXT_CHARS = 200_000


def _non_blank(value: str) -> str:
    """HTML is reduced to its text; blank and over-long texts are refused."""
    value = text_from_submission(value)
    if not value.strip():
        raise ValueError("text is empty")
    if len(value) > MAX_TEXT_CHARS:
        raise ValueError(f"text has {len(value)} characters; the limit is {MAX_TEXT_CHARS}")
    return storable_text(value)


def _storable(value: str | None) -> str | None:
    return None if value is None else storable_text(value)


class ArticleIn(BaseModel):
    """An article to code and store. Only ``text`` is required."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "text": EXAMPLE_TEXT,
                    "url": "https://www.reuters.com/world/middle-east/us-strikes-iraq-2023-11-22/?utm_source=x",
                    "title": "US strikes Iran-backed group in Iraq after attack on base",
                    "publisher": "Reuters",
                    "published_at": "2023-11-22T02:14:00Z",
                    "language": "en",
                }
            ]
        },
    )

    text: str = Field(min_length=1, description="The article text (plain text).")
    url: str | None = Field(default=None, max_length=4096, description="Stored in canonical form.")
    title: str | None = Field(default=None, max_length=2000)
    publisher: str | None = Field(default=None, max_length=500)
    published_at: datetime | None = Field(
        default=None,
        description="When the article was published (a date or a date-time); relative dates in the "
        'text ("on Tuesday") are resolved against it. Default: today.',
    )
    language: str | None = Field(default=None, max_length=35, description="BCP 47 tag, e.g. `en`.")

    _text_not_blank = field_validator("text")(_non_blank)
    _metadata_storable = field_validator("url", "title", "publisher", "language")(_storable)


class ExtractIn(BaseModel):
    """A text to code without storing anything."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"text": EXAMPLE_TEXT, "published_at": "2023-11-22"}]},
    )

    text: str = Field(min_length=1)
    published_at: datetime | None = Field(default=None, description="A date or a date-time; default today.")

    _text_not_blank = field_validator("text")(_non_blank)


class ArticleOut(BaseModel):
    """The stored source and the events coded from it."""

    source: SourcePublic
    events: list[EventPublic]


class ExtractOut(BaseModel):
    """The events coded from the text (nothing stored)."""

    events: list[ExtractedEvent]
