"""SQL for the ``actor`` table."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import func, literal_column, or_, select, text, update
from sqlmodel import col
from sqlmodel.ext.asyncio.session import AsyncSession

from app.actors.models import ALIASES_TEXT, Actor
from app.core.db import run, write, write_many
from app.events.models import EventActor

_ACTOR = Actor.__table__  # type: ignore[attr-defined]


def word_prefix_pattern(q: str) -> str:
    """A Postgres regular expression: ``q`` (spaces collapsed) starting at a word boundary.

    "US" finds "US military" but not "Russia"; "hezbol" finds "Kataib Hezbollah". Every character
    that is not a letter, digit or space is escaped (in Postgres AREs a backslash before a
    non-alphanumeric character stands for the character itself).
    """
    words = " ".join(q.split())
    escaped = "".join(ch if ch.isalnum() or ch == " " else "\\" + ch for ch in words)
    # \m (start of a word) only makes sense before a word character
    return ("\\m" if words[:1].isalnum() else "") + escaped


def matches(q: str) -> Any:
    """SQL condition: a word of the actor's name or of one of its aliases starts with ``q``,
    ignoring case. Both sides sit in trigram GIN indexes, which serve regular expressions
    (``ix_actor_name_trgm``, ``ix_actor_aliases_trgm``).
    """
    pattern = word_prefix_pattern(q)
    return or_(
        _ACTOR.c.name.regexp_match(pattern, flags="i"),
        literal_column(ALIASES_TEXT).regexp_match(pattern, flags="i"),
    )


def matches_sql(pattern: str) -> str:
    """``matches`` as SQL text on ``actor``, for the placeholder ``pattern`` of a
    ``word_prefix_pattern``."""
    return f"(actor.name ~* {pattern} OR {ALIASES_TEXT} ~* {pattern})"


async def upsert_many(
    session: AsyncSession, actors: Iterable[tuple[str, int | None, str, Sequence[str]]]
) -> dict[str, int]:
    """Insert the (name, inter, country, aliases) actors that are new; return name -> id for all.

    Known actors keep their values, except that a missing inter code, country or alias list is
    filled in. ``ON CONFLICT DO NOTHING`` takes no lock on existing rows, and the fill-in update
    touches only rows that lack something, so concurrent articles naming the same actors do not
    queue behind each other's transactions. New rows are written in name order (lock order).

    The stored actors are read first, and only the names not found are inserted and read again:
    an article usually names known actors, so that is one round trip instead of two.
    """
    merged: dict[str, tuple[int | None, str, tuple[str, ...]]] = {}
    for name, inter, country, aliases in actors:
        old_inter, old_country, old_aliases = merged.get(name, (None, "", ()))
        merged[name] = (old_inter or inter, old_country or country, old_aliases or tuple(aliases))
    if not merged:
        return {}
    wanted = {
        n: (i if i and 1 <= i <= 8 else None, c or "", list(a)) for n, (i, c, a) in sorted(merged.items())
    }
    read = "SELECT id, name, inter, country, aliases FROM actor WHERE name = ANY($1::text[])"
    stored = list(await write(session, read, list(wanted)))
    missing = sorted(set(wanted) - {row[1] for row in stored})
    if missing:
        await write_many(
            session,
            "INSERT INTO actor (name, inter, country, aliases) VALUES ($1, $2, $3, $4) ON CONFLICT (name) DO NOTHING",
            [(n, *wanted[n]) for n in missing],
        )
        # a new statement, so a new snapshot: it sees the rows a concurrent article inserted first
        stored += await write(session, read, missing)
    c = _ACTOR.c
    ids: dict[str, int] = {}
    for actor_id, name, inter, country, aliases in stored:
        ids[name] = actor_id
        new_inter, new_country, new_aliases = wanted[name]
        fill: dict[str, Any] = {}
        if inter is None and new_inter is not None:
            fill["inter"] = new_inter
        if not country and new_country:
            fill["country"] = new_country
        if not aliases and new_aliases:
            fill["aliases"] = new_aliases
        if fill:
            await run(session, update(_ACTOR).where(c.id == actor_id).values(**fill))
    return ids


async def search(session: AsyncSession, q: str | None, limit: int) -> list[tuple[Actor, int]]:
    """Actors whose name or alias contains ``q`` with their event counts, most events first."""
    counts = (
        select(col(EventActor.actor_id), func.count(func.distinct(col(EventActor.event_id))).label("n"))
        .group_by(col(EventActor.actor_id))
        .subquery()
    )
    n = func.coalesce(counts.c.n, 0)
    stmt = select(Actor, n).outerjoin(counts, counts.c.actor_id == col(Actor.id))
    if q:
        stmt = stmt.where(matches(q))
        # exact and prefix matches first, then by activity
        stmt = stmt.order_by(
            text("similarity(actor.name, :q) DESC").bindparams(q=q), n.desc(), col(Actor.name)
        )
    else:
        stmt = stmt.order_by(n.desc(), col(Actor.name))
    result = await run(session, stmt.limit(limit))
    return [(actor, int(count)) for actor, count in result.all()]
