"""Request-body guards applied before routing: size limit (413) and JSON content type (415)."""

from __future__ import annotations

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.core.errors import error_response

_BODY_METHODS = {"POST", "PUT", "PATCH"}


class BodyGuardMiddleware:
    """Reject bodies over ``max_body_bytes`` (declared or streamed) and non-JSON bodies."""

    def __init__(self, app: ASGIApp, max_body_bytes: int) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in _BODY_METHODS:
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        length = headers.get("content-length")
        if length is not None and length.isdigit() and int(length) > self.max_body_bytes:
            await self._reject_size(scope, receive, send)
            return
        content_type = headers.get("content-type", "").split(";")[0].strip().lower()
        if content_type != "application/json" and not content_type.endswith("+json"):
            shown = content_type or "none"
            resp = error_response(
                415,
                "unsupported_media_type",
                f"send the body as application/json (got {shown})",
                "content-type",
            )
            await resp(scope, receive, send)
            return

        received = 0

        async def limited_receive() -> Message:
            # Chunked bodies have no Content-Length: count while FastAPI reads. FastAPI re-raises
            # HTTPException from body reading, and the error handler renders it as 413.
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body_bytes:
                    raise HTTPException(413, f"the body is larger than {self.max_body_bytes} bytes")
            return message

        await self.app(scope, limited_receive, send)

    async def _reject_size(self, scope: Scope, receive: Receive, send: Send) -> None:
        resp = error_response(
            413, "payload_too_large", f"the body is larger than {self.max_body_bytes} bytes", None
        )
        await resp(scope, receive, send)
