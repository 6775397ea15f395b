"""Limits of what Postgres can store or compare, checked before a value reaches SQL."""

from __future__ import annotations

from collections.abc import Iterable

from app.core.errors import InvalidFilterError

MAX_ID = 2**63 - 1  # bigint
MAX_INT = 2**31 - 1  # integer


def storable_text(value: str) -> str:
    """``value`` unchanged, or ``ValueError`` if Postgres cannot hold it (NUL, lone surrogates)."""
    if "\x00" in value:
        raise ValueError(f"contains a NUL character at position {value.index(chr(0))}")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ValueError(f"is not valid Unicode at position {exc.start}") from exc
    return value


def filter_text(values: str | Iterable[str] | None, field: str) -> None:
    """Raise 422 ``invalid_filter`` on ``field`` when a query value cannot be sent to Postgres."""
    if values is None:
        return
    for value in [values] if isinstance(values, str) else values:
        try:
            storable_text(value)
        except ValueError as exc:
            raise InvalidFilterError(f"{field} {exc}", field=field) from exc


def valid_id(value: object) -> int:
    """An integer usable as a bigint id, else ``ValueError``."""
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_ID:
        raise ValueError(f"not an id: {value!r}")
    return value
