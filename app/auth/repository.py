"""SQL for the ``api_key`` table."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, or_, update
from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from app.auth.models import ApiKey

_KEY = ApiKey.__table__  # type: ignore[attr-defined]


async def add(session: AsyncSession, key: ApiKey) -> ApiKey:
    """Insert ``key`` and return it with its id and created_at."""
    session.add(key)
    await session.flush()
    await session.refresh(key)
    return key


async def by_prefix(session: AsyncSession, prefix: str) -> ApiKey | None:
    result = await session.exec(select(ApiKey).where(_KEY.c.prefix == prefix))
    return result.first()


async def by_prefix_or_id(session: AsyncSession, ref: str) -> ApiKey | None:
    """The key whose prefix is ``ref`` or, when ``ref`` is a number, whose id is ``ref``."""
    cond = _KEY.c.prefix == ref
    if ref.isdigit():
        cond = or_(cond, _KEY.c.id == int(ref))
    result = await session.exec(select(ApiKey).where(cond).order_by(_KEY.c.id).limit(1))
    return result.first()


async def all_keys(session: AsyncSession) -> list[ApiKey]:
    result = await session.exec(select(ApiKey).order_by(_KEY.c.id))
    return list(result.all())


async def revoke(session: AsyncSession, key_id: int) -> datetime | None:
    """Set revoked_at (once); the revocation time, or None if the key was already revoked."""
    stmt = (
        update(_KEY)
        .where(_KEY.c.id == key_id, _KEY.c.revoked_at.is_(None))
        .values(revoked_at=func.now())
        .returning(_KEY.c.revoked_at)
    )
    result = await session.exec(stmt)
    return result.scalar_one_or_none()


async def touch(session: AsyncSession, key_id: int, min_interval_s: float) -> None:
    """last_used_at = now(), unless it was set less than ``min_interval_s`` ago.

    The condition keeps concurrent requests with one key from all writing (and locking) its row.
    """
    stmt = (
        update(_KEY)
        .where(
            _KEY.c.id == key_id,
            or_(
                _KEY.c.last_used_at.is_(None),
                _KEY.c.last_used_at < func.now() - func.make_interval(0, 0, 0, 0, 0, 0, min_interval_s),
            ),
        )
        .values(last_used_at=func.now())
    )
    await session.exec(stmt)


async def count_active_with_scope(session: AsyncSession, scope: str) -> int:
    """How many unrevoked keys carry ``scope`` (or a scope that implies it)."""
    from app.auth.service import scopes_granting

    stmt = select(func.count()).select_from(_KEY).where(
        _KEY.c.revoked_at.is_(None), _KEY.c.scopes.overlap(sorted(scopes_granting(scope)))
    )
    result = await session.exec(stmt)
    return int(result.one())
