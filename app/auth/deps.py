"""FastAPI dependencies that check the ``X-API-Key`` header against a scope.

* ``require_scope("write")``: the request needs an unrevoked key granting ``write``;
* ``require_scope("read")``: the same, but only when ``AUTH_READS=true`` (reads are open otherwise);
* ``require_method_scope``: ``read`` for GET/HEAD/OPTIONS, ``write`` for everything else, so that a
  whole router can be protected with ``dependencies=[Depends(require_method_scope)]``.

``AUTH_DISABLED=true`` turns every check off. A verified key is trusted for ``KEY_CACHE_S`` seconds
(default 5) without asking the database again, so a revoked key stops working within that time. Missing or unknown keys give 401 ``unauthorized``; a
valid key without the scope gives 403 ``forbidden``. The key is looked up in a short transaction of
its own (not the request's), so that a failing request does not undo ``last_used_at`` and a long
request does not hold the key's row.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable
from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.security import APIKeyHeader
from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel.ext.asyncio.session import AsyncSession

from app.auth import repository, service
from app.auth.config import AuthSettings, get_auth_settings
from app.core.errors import AppError, error_responses

logger = logging.getLogger(__name__)

API_KEY_HEADER = "X-API-Key"
_READ_METHODS = {"GET", "HEAD", "OPTIONS"}

# auto_error=False: we render 401 ourselves in the shared error shape. Declaring the header as a
# security scheme puts it in the OpenAPI document ("Authorize" in /docs).
api_key_header = APIKeyHeader(
    name=API_KEY_HEADER,
    auto_error=False,
    scheme_name="ApiKey",
    description="An API key from `conflict-events keys create --scope write`.",
)

# For ``include_router(..., responses=AUTH_RESPONSES)`` so the schema documents 401/403.
AUTH_RESPONSES: dict[int | str, dict[str, Any]] = error_responses(401, 403)
AUTH_RESPONSES[401]["description"] = "Missing, unknown or revoked API key"
AUTH_RESPONSES[403]["description"] = "The API key lacks the scope this request needs"


class UnauthorizedError(AppError):
    status_code = 401
    code = "unauthorized"


class ForbiddenError(AppError):
    status_code = 403
    code = "forbidden"


# hash of a verified key -> (monotonic expiry, prefix, scopes). Only the hash is kept, never the key.
_verified: dict[str, tuple[float, str, tuple[str, ...]]] = {}
_CACHE_MAX = 1024


def clear_key_cache() -> None:
    """Forget every verified key (tests; a revocation then takes effect at once)."""
    _verified.clear()


def _settings(request: Request) -> AuthSettings:
    """``app.state.auth_settings`` when the app carries its own (tests), else the environment's."""
    settings = getattr(request.app.state, "auth_settings", None)
    return settings if isinstance(settings, AuthSettings) else get_auth_settings()


async def check_key(request: Request, clear: str | None, scope: str) -> None:
    """Raise 401/403 unless ``clear`` is a valid key granting ``scope`` (or no key is needed)."""
    settings = _settings(request)
    if settings.auth_disabled:
        return
    if scope == "read" and not settings.auth_reads:
        return
    if not clear:
        raise UnauthorizedError(
            f"this request needs an API key with the {scope} scope in the {API_KEY_HEADER} header",
            field=API_KEY_HEADER,
        )
    clear = clear.strip()
    digest = service.hash_key(clear)
    cached = _verified.get(digest)
    if cached is not None and cached[0] > time.monotonic():
        # A recently verified key: no database round trip (and no pooled connection) per request.
        _, prefix, scopes = cached
    else:
        prefix, scopes = await _verify_in_database(request, clear, settings)
        if settings.key_cache_s > 0:
            if len(_verified) >= _CACHE_MAX:
                _verified.clear()
            _verified[digest] = (time.monotonic() + settings.key_cache_s, prefix, scopes)
    if not service.grants(scopes, scope):
        raise ForbiddenError(
            f"the API key {prefix} has scopes {', '.join(scopes)}; this request needs {scope}",
            field=API_KEY_HEADER,
        )
    request.state.api_key_prefix = prefix


async def _verify_in_database(request: Request, clear: str, settings: AuthSettings) -> tuple[str, tuple[str, ...]]:
    """``(prefix, scopes)`` of a valid key, recording its use; 401 otherwise."""
    maker: async_sessionmaker[AsyncSession] = request.app.state.sessionmaker
    async with maker() as session, session.begin():
        key = await service.verify_key(session, clear)
        if key is None:
            # Only the prefix may appear in logs, never the key.
            logger.warning("rejected API key with prefix %s", service.split_key(clear) or "(malformed)")
            raise UnauthorizedError("unknown or revoked API key", field=API_KEY_HEADER)
        await repository.touch(session, key.id or 0, settings.key_touch_interval_s)
        return key.prefix, tuple(key.scopes)


def require_scope(scope: str) -> Callable[..., Awaitable[None]]:
    """A dependency demanding ``scope`` (one of ``read``, ``write``, ``admin``)."""
    if scope not in service.SCOPES:
        raise ValueError(f"unknown scope {scope!r}")

    async def dependency(
        request: Request, api_key: Annotated[str | None, Depends(api_key_header)] = None
    ) -> None:
        await check_key(request, api_key, scope)

    dependency.__name__ = f"require_{scope}"
    return dependency


async def require_method_scope(
    request: Request, api_key: Annotated[str | None, Depends(api_key_header)] = None
) -> None:
    """``read`` for GET/HEAD/OPTIONS, ``write`` for POST/PUT/PATCH/DELETE."""
    scope = "read" if request.method in _READ_METHODS else "write"
    await check_key(request, api_key, scope)


async def log_access_status(maker: async_sessionmaker[AsyncSession], settings: AuthSettings | None = None) -> str:
    """At start-up: say how writes are protected, and how to create a key when none can write.

    Returns the message it logged (also handy for tests). Never fails start-up: a database that
    is not ready yet is reported, not raised.
    """
    settings = settings or get_auth_settings()
    if settings.auth_disabled:
        message = "AUTH_DISABLED=true: every request is allowed without an API key (development only)"
        logger.warning(message)
        return message
    try:
        async with maker() as session, session.begin():
            has_key = await service.has_write_key(session)
    except Exception as exc:  # start-up must go on; /ready tells about the database
        message = f"could not check API keys: {type(exc).__name__}"
        logger.warning(message)
        return message
    reads = "need a read key" if settings.auth_reads else "are open (AUTH_READS=false)"
    if has_key:
        message = f"writes need an API key with the write scope; reads {reads}"
        logger.info(message)
    else:
        message = (
            "no API key can write yet: POST/DELETE will answer 401. Create one with "
            "`conflict-events keys create --scope write --name NAME` and send it as X-API-Key "
            f"(or set AUTH_DISABLED=true for local development); reads {reads}"
        )
        logger.warning(message)
    return message
