"""The request-body guards, with the batch path's own size limit and media types.

Every path goes through ``InputLimitMiddleware`` (size, NUL, UTF-8 of JSON) then
``BodyGuardMiddleware`` (size, JSON only) with ``MAX_BODY_BYTES``, except ``POST /articles/batch``:
it gets ``InputLimitMiddleware`` with ``BATCH_MAX_BODY_BYTES`` (1,000 articles do not fit in 1 MB)
and checks its media type itself (JSON or NDJSON; 415 otherwise, in ``app.jobs.service``).
"""

from __future__ import annotations

from starlette.types import ASGIApp, Receive, Scope, Send

from app.core.limits import InputLimitMiddleware
from app.core.middleware import BodyGuardMiddleware


class BodyLimitsMiddleware:
    def __init__(self, app: ASGIApp, max_body_bytes: int, batch_max_body_bytes: int, batch_path: str) -> None:
        self.default = InputLimitMiddleware(BodyGuardMiddleware(app, max_body_bytes), max_body_bytes)
        self.batch = InputLimitMiddleware(app, batch_max_body_bytes)
        self.batch_path = batch_path

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["path"] == self.batch_path:
            await self.batch(scope, receive, send)
        else:
            await self.default(scope, receive, send)
