"""Rules of article submission: identity, extraction, and the one-transaction write."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

import pycountry
from sqlmodel.ext.asyncio.session import AsyncSession

from app.actors import catalogue
from app.actors import repository as actors_repo
from app.articles.schemas import ArticleIn, ArticleOut, ExtractIn, ExtractOut
from app.changes import repository as changes_repo
from app.changes.repository import Change
from app.core.errors import InvalidInputError
from app.core.extraction_runner import ExtractionRunner
from app.events import repository as events_repo
from app.events import resolution
from app.events import service as events_service
from app.events.models import ROLES
from app.events.schemas import ExtractedEvent
from app.sources import repository as sources_repo
from app.sources import service as sources_service
from app.sources.canonical import InvalidURLError, canonical_url, content_sha256
from app.sources.models import Source

if TYPE_CHECKING:
    from app.extraction.types import Event as ExtractedEventData

_COUNTRY_IN_NAME = re.compile(
    r"(?:\bof (?:the )?(?P<of>[A-Z][\w' .-]+?)(?: \(\d{4}-\d{0,4}\))?$)|\((?P<paren>[^()\d]+)\)$"
)


def actor_country(name: str) -> str:
    """The country an ACLED actor name states: "Military Forces of Iraq (2022-)", "Civilians (Iraq)"."""
    match = _COUNTRY_IN_NAME.search(name.strip())
    if not match:
        return ""
    candidate = (match.group("of") or match.group("paren") or "").strip()
    try:
        pycountry.countries.lookup(candidate)
    except LookupError:
        return ""
    return candidate


def _as_utc(moment: datetime | None) -> datetime | None:
    if moment is None:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _report_date(moment: datetime | None) -> date | None:
    moment = _as_utc(moment)
    return moment.date() if moment else None


def _clamp(value: int, low: int, high: int) -> int:
    return min(max(int(value), low), high)


def _event_row(e: ExtractedEventData) -> dict[str, Any]:
    """Column values of one extracted event (actors and evidence are stored apart)."""
    lat, lon = e.latitude, e.longitude
    if lat is None or lon is None or not (-90 <= lat <= 90 and -180 <= lon <= 180):
        lat = lon = None
    return {
        "event_date": e.event_date,
        "time_precision": _clamp(e.time_precision, 1, 3),
        "disorder_type": e.disorder_type,
        "event_type": e.event_type,
        "sub_event_type": e.sub_event_type,
        "inter1": e.inter1,
        "inter2": e.inter2,
        "interaction": e.interaction,
        "civilian_targeting": e.civilian_targeting,
        "country": e.country,
        "iso3": e.iso3,
        "admin1": e.admin1,
        "admin2": e.admin2,
        "location": e.location,
        "latitude": lat,
        "longitude": lon,
        "geo_precision": _clamp(e.geo_precision, 1, 3),
        "fatalities": max(0, e.fatalities),
        "injuries": max(0, e.injuries),
        "notes": e.notes,
        "confidence": e.confidence,
    }


def _actors_by_role(e: ExtractedEventData) -> dict[str, list[str]]:
    """Role -> actor names; ACLED joins several associated actors with "; "."""
    out: dict[str, list[str]] = {}
    for role in ROLES:
        raw: str = getattr(e, role) or ""
        out[role] = [n.strip() for n in raw.split(";") if n.strip()]
    return out


async def store_events(
    session: AsyncSession,
    source_id: int,
    text: str,
    events: list[ExtractedEventData],
    published_at: datetime | None = None,
) -> None:
    """Write the events of one source with their actors and evidence (the caller's transaction).

    An event already stored from another source is linked to, not stored again, and its fields are
    derived again from all its sources (``app.events.resolution``); every change goes to the feed.
    """
    wanted: list[tuple[str, int | None, str, tuple[str, ...]]] = []
    for e in events:
        for role, names in _actors_by_role(e).items():
            inter = e.inter1 if role == "actor1" else e.inter2 if role == "actor2" else None
            for name in names:
                known = catalogue.lookup(name)
                wanted.append(
                    (
                        name,
                        inter or (known.inter if known else None),
                        actor_country(name) or (known.country if known else ""),
                        known.aliases if known else (),
                    )
                )
    actor_ids = await actors_repo.upsert_many(session, wanted)

    # One event, many sources: each event is first resolved against the stored ones
    # (app/events/resolution.py); a match gets this source as one more report instead of a new row.
    reports = [
        resolution.Report(
            values=_event_row(e),
            actors=_actors_by_role(e),
            source_id=source_id,
            published_at=published_at,
            sites=resolution.site_names(" ".join(ev.text for ev in e.evidence)),
        )
        for e in events
    ]
    resolved = await resolution.resolve(session, reports)
    targets = resolved.targets

    actor_rows: list[dict[str, Any]] = []
    source_rows: list[dict[str, Any]] = []
    changes: list[Change] = []
    linked: list[int] = []
    for e, report, target in zip(events, reports, targets, strict=True):
        if target is None:
            event_id = await events_repo.insert_event(session, report.values)
            changes.append(Change(event_id, "created", source_id=source_id))
            for role, names in report.actors.items():
                for position, name in enumerate(dict.fromkeys(names)):
                    actor_rows.append(
                        {
                            "event_id": event_id,
                            "role": role,
                            "position": position,
                            "actor_id": actor_ids[name],
                        }
                    )
        else:
            event_id = target
            linked.append(event_id)
        # this source's own figures and coding, kept on each of its evidence rows
        own = {"fatalities": report.values["fatalities"], "injuries": report.values["injuries"]}
        own["report"] = report.to_json()
        spans = [ev for ev in e.evidence if 0 <= ev.start <= ev.end <= len(text)]
        if not spans:
            source_rows.append({"event_id": event_id, "source_id": source_id, **own})
        for ev in spans:
            source_rows.append(
                {
                    "event_id": event_id,
                    "source_id": source_id,
                    "evidence_start": ev.start,
                    "evidence_end": ev.end,
                    "evidence_text": ev.text,
                    **own,
                }
            )
    await events_repo.link_actors(session, actor_rows)
    await events_repo.link_sources(session, source_rows)
    for survivor, absorbed in resolved.merges.items():
        for event_id in absorbed:
            await resolution.merge(session, survivor, event_id)
            changes.append(Change(event_id, "merged", source_id=source_id, merged_into=survivor))
    for event_id in linked:
        await resolution.recompute(session, event_id)
        changes.append(Change(event_id, "updated", source_id=source_id))
    await changes_repo.record(session, changes)  # the last write: it orders the change feed


async def _stored(session: AsyncSession, source: Source) -> ArticleOut:
    events = await events_service.of_source(session, source.id or 0)
    return ArticleOut(source=sources_service.public(source, len(events)), events=events)


async def submit_article(
    session: AsyncSession, runner: ExtractionRunner, article: ArticleIn
) -> tuple[ArticleOut, bool]:
    """Store ``article`` and its events; ``(result, created)``.

    An article already stored (same canonical URL or same normalised text) is returned as stored,
    without running the extractor. Two requests racing with the same article both insert with
    ``ON CONFLICT DO NOTHING``: the loser waits for the winner's transaction, then reads its rows.
    """
    url = None
    if article.url:
        try:
            url = canonical_url(article.url)
        except InvalidURLError as exc:
            raise InvalidInputError(str(exc), field="url") from exc
    sha = content_sha256(article.text)

    existing = await sources_repo.find_existing(session, url, sha)
    if existing is not None:
        return await _stored(session, existing), False
    # Nothing is written yet: end the read so that the pooled connection is not held idle in a
    # transaction for the seconds extraction can take (50 concurrent posts would drain the pool).
    await session.rollback()

    events = await runner.extract(article.text, _report_date(article.published_at))

    source = await sources_repo.insert_if_new(
        session,
        {
            "url": url,
            "title": article.title,
            "publisher": article.publisher,
            "published_at": _as_utc(article.published_at),
            "language": article.language,
            "text": article.text,
            "content_sha256": sha,
        },
    )
    if source is None:  # a concurrent request stored it first
        existing = await sources_repo.find_existing(session, url, sha)
        if existing is None:  # pragma: no cover - the winner rolled back between our two statements
            raise InvalidInputError("the article was being stored concurrently; retry", field=None)
        return await _stored(session, existing), False

    await store_events(session, source.id or 0, article.text, events, _as_utc(article.published_at))
    # Commit now: the resolution lock of the event's (country, family) is held until the commit, and
    # concurrent articles about the same country wait on it; reading back what was stored need not.
    await session.commit()
    return await _stored(session, source), True


async def extract_only(runner: ExtractionRunner, body: ExtractIn) -> ExtractOut:
    """Code ``body.text`` without storing anything."""
    events = await runner.extract(body.text, _report_date(body.published_at))
    return ExtractOut(events=[ExtractedEvent.model_validate(e.to_dict()) for e in events])
