"""Input limits: request body size, NUL bytes, invalid UTF-8, and HTML sent where text is expected.

* ``InputLimitMiddleware`` (pure ASGI) answers 422 ``invalid_filter`` to a query string holding a NUL
  character (``%00``: Postgres cannot compare with one, so it would fail as a 500), and reads the body of POST/PUT/PATCH/DELETE requests before the
  application sees it, up to ``max_body_bytes`` (default 1 MB = 1,000,000 bytes). A larger body,
  declared by ``Content-Length`` or only discovered while a chunked body streams in, gets 413
  ``payload_too_large`` without the application ever running, so nothing is changed. JSON bodies
  (``application/json`` or ``+json``) that are not UTF-8 get 400 ``invalid_utf8``, and raw NUL bytes
  400 ``nul_byte``. The buffered body is then replayed to the application unchanged.
* ``check_text`` is for field validators: it refuses NUL characters (``\\u0000`` in JSON decodes to
  one; Postgres cannot store it) and lone surrogates (``\\ud800``; not encodable as UTF-8), which
  would otherwise fail deep in the database as a 500.
* ``html_to_text`` reduces an HTML page or fragment to its text with paragraph breaks kept
  (scripts, styles and other non-content elements dropped); ``looks_like_html`` decides whether a
  submitted text is HTML at all.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from itertools import islice
from urllib.parse import parse_qsl

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.core.errors import error_response

DEFAULT_MAX_BODY_BYTES = 1_000_000
_BODY_METHODS = {"POST", "PUT", "PATCH", "DELETE"}


class TextError(ValueError):
    """A text that cannot be accepted; ``code`` is the error code to report."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def _content_type(scope: Scope) -> str:
    for key, value in scope.get("headers", ()):
        if key.lower() == b"content-type":
            return value.decode("latin-1").split(";")[0].strip().lower()
    return ""


def _content_length(scope: Scope) -> int | None:
    for key, value in scope.get("headers", ()):
        if key.lower() == b"content-length":
            raw = value.decode("latin-1").strip()
            return int(raw) if raw.isdigit() else None
    return None


class InputLimitMiddleware:
    """Refuse NUL in query strings (422), request bodies over ``max_body_bytes`` (413) and
    non-UTF-8 or NUL-laden JSON bodies (400)."""

    def __init__(
        self, app: ASGIApp, max_body_bytes: int = DEFAULT_MAX_BODY_BYTES, check_encoding: bool = True
    ) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes
        self.check_encoding = check_encoding

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        bad_param = _nul_query_parameter(scope.get("query_string", b""))
        if bad_param is not None:
            resp = error_response(
                422, "invalid_filter", f"{bad_param}: NUL characters are not allowed", bad_param or None
            )
            await resp(scope, receive, send)
            return
        if scope["method"] not in _BODY_METHODS:
            await self.app(scope, receive, send)
            return
        declared = _content_length(scope)
        if declared is not None and declared > self.max_body_bytes:
            await self._too_large(scope, receive, send)
            return

        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return  # the client left: nothing to answer, nothing to run
            body = message.get("body", b"")
            size += len(body)
            if size > self.max_body_bytes:
                await self._too_large(scope, receive, send)
                return
            chunks.append(body)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)

        if self.check_encoding and body:
            ctype = _content_type(scope)
            if ctype == "application/json" or ctype.endswith("+json"):
                problem = _encoding_problem(body)
                if problem is not None:
                    await error_response(400, problem[0], problem[1], None)(scope, receive, send)
                    return

        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()  # after the body: wait for the disconnect, as the server would

        await self.app(scope, replay, send)

    async def _too_large(self, scope: Scope, receive: Receive, send: Send) -> None:
        resp = error_response(
            413,
            "payload_too_large",
            f"the request body is larger than {self.max_body_bytes} bytes",
            None,
            Connection="close",
        )
        await resp(scope, receive, send)


def _nul_query_parameter(query_string: bytes) -> str | None:
    """The name of the first query parameter whose name or value holds a NUL, else None."""
    if b"%00" not in query_string and b"\x00" not in query_string:
        return None
    for key, value in parse_qsl(query_string.decode("latin-1"), keep_blank_values=True):
        if "\x00" in key or "\x00" in value:
            return key.replace("\x00", "")
    return None


def _encoding_problem(body: bytes) -> tuple[str, str] | None:
    """``(code, message)`` when ``body`` is not UTF-8 or holds a NUL byte, else None."""
    try:
        body.decode("utf-8")
    except UnicodeDecodeError as exc:
        return "invalid_utf8", f"the body is not valid UTF-8 (byte {exc.start}: {body[exc.start:exc.start + 1]!r})"
    nul = body.find(b"\x00")
    if nul >= 0:
        return "nul_byte", f"the body contains a NUL byte at offset {nul}"
    return None


def check_text(value: str, max_chars: int | None = None) -> str:
    """``value`` if it can be stored and coded, else ``TextError`` (NUL, lone surrogate, blank, too long).

    Meant for pydantic ``field_validator``\\ s: a ``ValueError`` there becomes a 422 naming the field.
    """
    if "\x00" in value:
        raise TextError("nul_character", f"the text contains a NUL character at position {value.index(chr(0))}")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise TextError(
            "invalid_unicode", f"the text contains an unpaired surrogate at position {exc.start}"
        ) from None
    if not value.strip():
        raise TextError("empty_text", "the text is empty or only whitespace")
    if max_chars is not None and len(value) > max_chars:
        raise TextError("text_too_long", f"the text has {len(value)} characters; the limit is {max_chars}")
    return value


# --- HTML ----------------------------------------------------------------------------------------

# Elements whose content is never article text.
_SKIP = {"script", "style", "noscript", "template", "head", "svg", "iframe", "object", "canvas", "select"}
# Elements that end a paragraph (a blank line in the text).
_BLOCK = {
    "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "blockquote",
    "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "table", "tr", "pre", "figure",
    "figcaption", "form", "fieldset", "address", "hr", "li", "dt", "dd", "title", "caption", "body",
}
_VOID = {"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source", "track", "wbr"}
_TAG = re.compile(
    r"<\s*(?:!doctype\s+html|html|body|head|p|div|br|span|a\s|b|i|em|strong|h[1-6]|ul|ol|li|table|"
    r"script|style|article|section|meta|title)\b[^>]*>|</\s*[a-z][a-z0-9]*\s*>",
    re.IGNORECASE,
)


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body":
            self.skip_depth = 0  # an unclosed <head> ends here
        if tag in _SKIP:
            if tag not in _VOID:
                self.skip_depth += 1
            return
        if tag == "br":
            self.parts.append("\n")
        elif tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # <br/>, <p/>: never opens a skipped element
        if tag == "br":
            self.parts.append("\n")
        elif tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip_depth = max(0, self.skip_depth - 1)
        elif tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skip_depth:
            self.parts.append(data)


def looks_like_html(text: str) -> bool:
    """True when ``text`` has at least two HTML tags (one stray ``<b>`` in prose does not count)."""
    return next(islice(_TAG.finditer(text), 1, None), None) is not None


def html_to_text(html: str) -> str:
    """The text of ``html``: entities decoded, scripts/styles dropped, one blank line between
    paragraphs, runs of spaces collapsed, lines stripped."""
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    raw = "".join(parser.parts)
    paragraphs = []
    for block in re.split(r"\n\s*\n", raw):
        lines = [re.sub(r"[ \t\r\f\v\u00a0]+", " ", line).strip() for line in block.split("\n")]
        text = "\n".join(line for line in lines if line)
        if text:
            paragraphs.append(text)
    return "\n\n".join(paragraphs)


def text_from_submission(text: str) -> str:
    """``text`` itself, or its text content when it was sent as HTML."""
    return html_to_text(text) if looks_like_html(text) else text
