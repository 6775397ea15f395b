"""Body size limit (also for chunked bodies), NUL bytes, invalid UTF-8, and HTML reduced to text."""

from __future__ import annotations

from collections.abc import AsyncIterator, MutableMapping
from typing import Any

import httpx
import pytest
from fastapi import FastAPI, Request

from app.core.errors import install_error_handlers
from app.core.limits import (
    InputLimitMiddleware,
    TextError,
    check_text,
    html_to_text,
    looks_like_html,
    text_from_submission,
)

from .helpers import client_for

LIMIT = 1_000


def _echo_app(calls: list[int]) -> FastAPI:
    app = FastAPI()
    install_error_handlers(app)
    app.add_middleware(InputLimitMiddleware, max_body_bytes=LIMIT)

    @app.post("/echo")
    async def echo(request: Request) -> dict[str, int]:
        calls.append(1)
        return {"received": len(await request.body())}

    return app


async def _chunks(total: int, size: int = 256) -> AsyncIterator[bytes]:
    sent = 0
    while sent < total:
        piece = min(size, total - sent)
        sent += piece
        yield b"x" * piece


async def test_declared_oversize_body_is_413_and_handler_never_runs() -> None:
    calls: list[int] = []
    async with client_for(_echo_app(calls)) as http:
        response = await http.post("/echo", content=b"a" * (LIMIT + 1), headers={"content-type": "text/plain"})
    assert response.status_code == 413
    assert response.json()["error"] == "payload_too_large"
    assert "1000 bytes" in response.json()["detail"]
    assert calls == []


async def test_chunked_oversize_body_is_413_and_handler_never_runs() -> None:
    calls: list[int] = []
    async with client_for(_echo_app(calls)) as http:
        response = await http.post("/echo", content=_chunks(LIMIT * 3), headers={"content-type": "text/plain"})
    assert "content-length" not in response.request.headers
    assert response.status_code == 413
    assert response.json()["error"] == "payload_too_large"
    assert calls == []


async def test_chunked_body_under_limit_reaches_handler_whole() -> None:
    calls: list[int] = []
    async with client_for(_echo_app(calls)) as http:
        response = await http.post("/echo", content=_chunks(900, 100), headers={"content-type": "text/plain"})
    assert response.status_code == 200
    assert response.json() == {"received": 900}


async def test_invalid_utf8_json_is_400_invalid_utf8() -> None:
    calls: list[int] = []
    body = b'{"text": "Attack in Mogadish\xff"}'
    async with client_for(_echo_app(calls)) as http:
        response = await http.post("/echo", content=body, headers={"content-type": "application/json"})
    assert response.status_code == 400
    assert response.json()["error"] == "invalid_utf8"
    assert "byte 28" in response.json()["detail"]
    assert calls == []


async def test_raw_nul_byte_in_json_is_400_nul_byte() -> None:
    calls: list[int] = []
    async with client_for(_echo_app(calls)) as http:
        response = await http.post(
            "/echo", content=b'{"text": "Kismayo\x00"}', headers={"content-type": "application/json"}
        )
    assert response.status_code == 400
    assert response.json() == {"error": "nul_byte", "detail": "the body contains a NUL byte at offset 17", "field": None}


async def test_get_requests_pass_untouched() -> None:
    app = _echo_app([])

    @app.get("/ping")
    async def ping() -> dict[str, str]:
        return {"ok": "yes"}

    async with client_for(app) as http:
        assert (await http.get("/ping")).json() == {"ok": "yes"}


async def test_nul_in_query_string_is_422_naming_the_parameter() -> None:
    app = _echo_app([])

    @app.get("/events")
    async def events(actor: str = "") -> dict[str, str]:
        return {"actor": actor}

    async with client_for(app) as http:
        bad = await http.get("/events?country=Somalia&actor=Al%20Shabaab%00")
        good = await http.get("/events?actor=Al%20Shabaab")
    assert bad.status_code == 422
    assert bad.json() == {
        "error": "invalid_filter",
        "detail": "actor: NUL characters are not allowed",
        "field": "actor",
    }
    assert good.json() == {"actor": "Al Shabaab"}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Gunmen killed two\x00 herders in Gedo", "nul_character"),
        ("Clashes in Baidoa \ud800", "invalid_unicode"),
        ("   \n\t ", "empty_text"),
        ("x" * 51, "text_too_long"),
    ],
)
def test_check_text_refuses_what_postgres_or_the_extractor_cannot_take(text: str, code: str) -> None:
    with pytest.raises(TextError) as info:
        check_text(text, max_chars=50)
    assert info.value.code == code


def test_check_text_returns_good_text_unchanged() -> None:
    text = "Al Shabaab fighters attacked an AMISOM base near Afgooye."
    assert check_text(text, max_chars=1000) is text


NEWS_PAGE = """<!DOCTYPE html><html><head><title>Site name</title>
<script>window.ads = {"x": "Mortar hits Baghdad"};</script><style>p { color: red }</style></head>
<body><nav>Home | World</nav>
<h1>Mortar attack hits Mogadishu market</h1>
<p>MOGADISHU, March 3 (Reuters) - At least five civilians were killed&nbsp;and 12 wounded
when mortar shells struck Bakara market on Sunday, police said.</p>
<p>Al Shabaab claimed the attack.<br>Officials said the toll may rise.</p>
<noscript>Enable JavaScript</noscript></body></html>"""


def test_html_page_is_reduced_to_paragraphs_without_scripts() -> None:
    assert looks_like_html(NEWS_PAGE)
    text = html_to_text(NEWS_PAGE)
    assert text.split("\n\n") == [
        "Home | World",
        "Mortar attack hits Mogadishu market",
        "MOGADISHU, March 3 (Reuters) - At least five civilians were killed and 12 wounded\n"
        "when mortar shells struck Bakara market on Sunday, police said.",
        "Al Shabaab claimed the attack.\nOfficials said the toll may rise.",
    ]
    assert "window.ads" not in text and "color: red" not in text and "Enable JavaScript" not in text


def test_plain_text_with_angle_brackets_is_left_alone() -> None:
    text = "Fighting killed < 10 people in Beledweyne, where temperatures were > 40C."
    assert not looks_like_html(text)
    assert text_from_submission(text) is text


def test_entities_are_decoded() -> None:
    assert html_to_text("<p>Al-Shabaab &amp; ISS clash in Puntland&#39;s Bari</p><p>2</p>") == (
        "Al-Shabaab & ISS clash in Puntland's Bari\n\n2"
    )


def test_client_disconnect_during_body_runs_nothing() -> None:
    """A client that leaves mid-body gets no handler run (nothing half-done)."""
    import asyncio

    calls: list[int] = []
    app = _echo_app(calls)
    messages: list[dict[str, Any]] = [
        {"type": "http.request", "body": b"abc", "more_body": True},
        {"type": "http.disconnect"},
    ]
    sent: list[MutableMapping[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return messages.pop(0)

    async def send(message: MutableMapping[str, Any]) -> None:
        sent.append(message)

    scope: dict[str, Any] = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST",
        "scheme": "http", "path": "/echo", "raw_path": b"/echo", "query_string": b"", "root_path": "",
        "headers": [(b"content-type", b"text/plain")], "client": ("t", 1), "server": ("t", 80),
    }
    asyncio.run(InputLimitMiddleware(app.router, max_body_bytes=LIMIT)(scope, receive, send))
    assert calls == [] and sent == []


def test_httpx_is_used_for_chunked_requests() -> None:
    # guard for the chunked test above: an async generator body has no Content-Length
    request = httpx.Request("POST", "http://t/echo", content=_chunks(10))
    assert "content-length" not in request.headers
    assert request.headers["transfer-encoding"] == "chunked"
