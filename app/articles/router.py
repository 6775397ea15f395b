"""``POST /articles`` and ``POST /extract``."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Body, Request, Response, status
from fastapi.openapi.models import Example

from app.articles import service
from app.articles.schemas import EXAMPLE_TEXT, ArticleIn, ArticleOut, ExtractIn, ExtractOut
from app.core.db import SessionDep
from app.core.errors import error_responses
from app.core.extraction_runner import ExtractionRunner

router = APIRouter(tags=["articles"])

ARTICLE_EXAMPLES: dict[str, Example] = {
    "wire_report": {
        "summary": "A wire report with its metadata",
        "value": {
            "text": EXAMPLE_TEXT,
            "url": "https://www.reuters.com/world/middle-east/us-strikes-iraq-2023-11-22/?utm_source=twitter",
            "title": "US strikes Iran-backed group in Iraq after attack on base",
            "publisher": "Reuters",
            "published_at": "2023-11-22T02:14:00Z",
            "language": "en",
        },
    },
    "text_only": {
        "summary": "Only the text (dates resolve against today)",
        "value": {
            "text": "On 3 March 2024, Al Shabaab militants attacked a police station in Mandera town, "
            "killing two officers."
        },
    },
}

EXTRACT_EXAMPLES: dict[str, Example] = {
    "relative_dates": {
        "summary": "Relative dates resolved against published_at",
        "value": {"text": EXAMPLE_TEXT, "published_at": "2023-11-22"},
    }
}


def _runner(request: Request) -> ExtractionRunner:
    runner: ExtractionRunner = request.app.state.runner
    return runner


@router.post(
    "/articles",
    summary="Store an article and the events coded from it",
    description=(
        "Codes the article into ACLED-style events and stores both in one transaction. **201** with the "
        "new source and its events. Idempotent: an article already stored, by canonical URL (lower-case "
        "host, no fragment, no `utm_*`/tracking parameters, no trailing slash) or by the SHA-256 of its "
        "whitespace-normalised text, returns **200** with what is stored and runs nothing again."
    ),
    status_code=status.HTTP_201_CREATED,
    response_model=ArticleOut,
    responses={
        200: {"model": ArticleOut, "description": "Already stored: the stored source and events"},
        **error_responses(413, 415, 422, 503),
    },
)
async def post_article(
    article: Annotated[ArticleIn, Body(openapi_examples=ARTICLE_EXAMPLES)],
    request: Request,
    response: Response,
    session: SessionDep,
) -> ArticleOut:
    result, created = await service.submit_article(session, _runner(request), article)
    if not created:
        response.status_code = status.HTTP_200_OK
    return result


@router.post(
    "/extract",
    summary="Code a text into events without storing anything",
    description="Runs the extractor on `text` (relative dates resolved against `published_at`, default "
    "today) and returns the events with their evidence sentences. Nothing is written.",
    response_model=ExtractOut,
    responses=error_responses(413, 415, 422, 503),
)
async def post_extract(
    body: Annotated[ExtractIn, Body(openapi_examples=EXTRACT_EXAMPLES)], request: Request
) -> ExtractOut:
    return await service.extract_only(_runner(request), body)
