"""``POST /articles`` and ``POST /extract``."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response, status

from app.articles import service
from app.articles.schemas import ArticleIn, ArticleOut, ExtractIn, ExtractOut
from app.core.db import SessionDep
from app.core.errors import error_responses
from app.core.extraction_runner import ExtractionRunner

router = APIRouter(tags=["articles"])


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
    article: ArticleIn, request: Request, response: Response, session: SessionDep
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
async def post_extract(body: ExtractIn, request: Request) -> ExtractOut:
    return await service.extract_only(_runner(request), body)
