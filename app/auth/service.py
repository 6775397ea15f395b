"""Rules of API keys: the key format, scopes and what they imply, create / verify / revoke.

A key looks like ``ce_1a2b3c4d_<43 random characters>``: ``1a2b3c4d`` is its public prefix (shown in
listings and logs, and used to find the row), the whole string is hashed with SHA-256 and only the
hash is stored. The clear key exists once, in the return value of ``create_key``.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Iterable

from sqlalchemy.exc import IntegrityError
from sqlmodel.ext.asyncio.session import AsyncSession

from app.auth import repository
from app.auth.models import ApiKey

SCOPES = ("read", "write", "admin")
# A scope grants itself and those below it.
_IMPLIED = {"read": {"read"}, "write": {"read", "write"}, "admin": {"read", "write", "admin"}}
KEY_MARK = "ce"


class UnknownScopeError(ValueError):
    """A scope outside ``SCOPES``."""


def normalize_scopes(scopes: Iterable[str]) -> list[str]:
    """The distinct scopes, lower-cased, in ``SCOPES`` order; ``UnknownScopeError`` for others."""
    wanted = {s.strip().lower() for s in scopes if s.strip()}
    unknown = wanted - set(SCOPES)
    if unknown:
        raise UnknownScopeError(f"unknown scope(s) {sorted(unknown)}; use {', '.join(SCOPES)}")
    if not wanted:
        raise UnknownScopeError(f"give at least one scope of {', '.join(SCOPES)}")
    return [s for s in SCOPES if s in wanted]


def scopes_granting(scope: str) -> set[str]:
    """The scopes a key may hold to be allowed ``scope`` (e.g. read: read, write, admin)."""
    return {held for held, implied in _IMPLIED.items() if scope in implied}


def grants(held: Iterable[str], scope: str) -> bool:
    """True when a key with scopes ``held`` may do what ``scope`` protects."""
    return any(scope in _IMPLIED.get(s, set()) for s in held)


def hash_key(clear: str) -> str:
    return hashlib.sha256(clear.encode("utf-8")).hexdigest()


def split_key(clear: str) -> str | None:
    """The prefix of a well-formed key, else None."""
    parts = clear.split("_", 2)
    if len(parts) != 3 or parts[0] != KEY_MARK or len(parts[1]) != 8 or len(parts[2]) < 20:
        return None
    if not all(c in "0123456789abcdef" for c in parts[1]):
        return None
    return parts[1]


def new_clear_key() -> tuple[str, str]:
    """A fresh ``(prefix, clear key)``."""
    prefix = secrets.token_hex(4)
    return prefix, f"{KEY_MARK}_{prefix}_{secrets.token_urlsafe(32)}"


async def create_key(session: AsyncSession, scopes: Iterable[str], name: str = "") -> tuple[ApiKey, str]:
    """Store a new key; returns the row and the clear key (shown once, never stored)."""
    wanted = normalize_scopes(scopes)
    for _ in range(5):  # a prefix collision (1 in 4 billion per key) just draws again
        prefix, clear = new_clear_key()
        try:
            async with session.begin_nested():
                row = await repository.add(
                    session, ApiKey(name=name, prefix=prefix, key_hash=hash_key(clear), scopes=wanted)
                )
        except IntegrityError:
            continue
        return row, clear
    raise RuntimeError("could not draw an unused key prefix")


async def verify_key(session: AsyncSession, clear: str) -> ApiKey | None:
    """The unrevoked key whose hash matches ``clear``, else None (constant-time comparison)."""
    prefix = split_key(clear)
    if prefix is None:
        return None
    row = await repository.by_prefix(session, prefix)
    if row is None or row.revoked_at is not None:
        return None
    if not hmac.compare_digest(row.key_hash, hash_key(clear)):
        return None
    return row


async def revoke_key(session: AsyncSession, ref: str) -> ApiKey | None:
    """Revoke the key with prefix (or id) ``ref``; the row (revoked_at set) or None if unknown."""
    row = await repository.by_prefix_or_id(session, ref.strip())
    if row is None:
        return None
    when = await repository.revoke(session, row.id or 0)
    if when is not None:
        row.revoked_at = when
    return row


async def list_keys(session: AsyncSession) -> list[ApiKey]:
    """Every key, revoked ones included (no hashes leave this module's callers' screens)."""
    return await repository.all_keys(session)


async def has_write_key(session: AsyncSession) -> bool:
    """True when at least one unrevoked key may write."""
    return await repository.count_active_with_scope(session, "write") > 0
