"""One event, many sources: which stored event a new report describes, and the event's fields
derived from all its reports.

A *report* is one source's coding of one event (ACLED fields, actors by role, the source's
``published_at``); it is kept on that source's ``event_source`` rows. Rules, in order:

* **Resolution.** A new report is linked to a stored event when (1) both sub-event types are in one
  family (``data/sub_event_families.tsv``), (2) the dates agree within the coarser time precision
  (1 day for precision 1, 7 for 2, 31 for 3), (3) the place agrees (same country; within 25 km when
  both are located at a place, otherwise the same admin2, or the same admin1 when an admin2 is
  missing), and (4) the actors agree (a named actor never contradicts the other report's actor in the
  same role; ``Unidentified ...`` matches anyone; an actor that changes sides rules a match out except
  in armed clashes, whose sides are unordered). Candidates are read with an indexed lookup
  (country + date range, see ``resolution_repository.candidates``); each stored event takes at most
  one report of a given source, best score first, and events the source already supports are never
  candidates (one source's separate events stay separate).
* **Derivation** (``derive``): fatalities and injuries: the lowest positive figure among the reports
  published on the latest publication day (ACLED codes the most conservative figure, and replaces
  it when a later report brings a better one; a report without a figure never lowers one);
  date: the finest time precision, then the earliest report; place: the finest geo precision, then the
  earliest report; types, actors, inter codes and notes: the report naming the most actors, then the
  earliest; confidence: the highest.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlmodel.ext.asyncio.session import AsyncSession

from app.events import resolution_repository as repo

ROLES = ("actor1", "assoc_actor_1", "actor2", "assoc_actor_2")
DATE_TOLERANCE_DAYS = {1: 1, 2: 7, 3: 31}
MAX_DISTANCE_KM = 25.0
MIN_EVIDENCE = 3  # see evidence()
EARTH_RADIUS_KM = 6371.0
FAMILIES_FILE = Path(__file__).parent / "data" / "sub_event_families.tsv"
SITE_NOUNS_FILE = Path(__file__).parent / "data" / "site_nouns.txt"
# words that may be capitalised before a site noun without naming it ("The village", "Army base")
_NOT_NAMES = frozenset(
    [
        "a",
        "an",
        "the",
        "this",
        "that",
        "its",
        "his",
        "her",
        "their",
        "our",
        "in",
        "at",
        "on",
        "of",
        "near",
        "to",
        "from",
        "by",
        "with",
        "and",
        "or",
        "for",
        "as",
        "army",
        "military",
        "police",
        "security",
        "government",
        "rebel",
        "militia",
        "refugee",
        "ips",
        "idp",
        "main",
        "central",
        "local",
    ]
)
_YEARS = re.compile(r"\s*\(\d{4}-\d{0,4}\)$")
# fields copied from the report chosen for each group of fields
TYPE_FIELDS = (
    "disorder_type",
    "event_type",
    "sub_event_type",
    "inter1",
    "inter2",
    "interaction",
    "civilian_targeting",
    "notes",
)
DATE_FIELDS = ("event_date", "time_precision")
PLACE_FIELDS = ("country", "iso3", "admin1", "admin2", "location", "latitude", "longitude", "geo_precision")


@dataclass
class Report:
    """One source's coding of one event: the ``event`` column values and actor names by role."""

    values: dict[str, Any]
    actors: dict[str, list[str]]
    source_id: int = 0
    published_at: datetime | None = None
    event_id: int | None = None  # set on stored events read as candidates
    order: int = 0  # ingest order (event_source id) among the reports of one event
    sites: list[str] = field(default_factory=list)  # named sites in the evidence ("maygaagta")

    def to_json(self) -> dict[str, Any]:
        """The JSON kept in ``event_source.report``."""
        out = dict(self.values)
        out["event_date"] = self.values["event_date"].isoformat()
        out.update({role: "; ".join(self.actors.get(role, [])) for role in ROLES})
        out["published_at"] = self.published_at.isoformat() if self.published_at else None
        out["sites"] = list(self.sites)
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any], source_id: int, order: int = 0) -> Report:
        values = {k: v for k, v in data.items() if k not in ROLES and k not in ("published_at", "sites")}
        values["event_date"] = date.fromisoformat(data["event_date"])
        actors = {role: [n for n in (data.get(role) or "").split("; ") if n] for role in ROLES}
        published = data.get("published_at")
        return cls(
            values=values,
            actors=actors,
            source_id=source_id,
            published_at=datetime.fromisoformat(published) if published else None,
            order=order,
            sites=list(data.get("sites") or []),
        )


@dataclass
class Resolution:
    """Where each new report goes: a stored event id or None (a new event), and merges it implies."""

    targets: list[int | None]
    merges: dict[int, list[int]] = field(default_factory=dict)  # survivor -> absorbed events


# --- the rules (pure) --------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _families() -> dict[str, str]:
    out: dict[str, str] = {}
    for line in FAMILIES_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        family, sub_event_type = line.split("\t")
        out[sub_event_type.strip().lower()] = family.strip()
    return out


@lru_cache(maxsize=1)
def _site_pattern() -> re.Pattern[str]:
    nouns = [
        line.strip()
        for line in SITE_NOUNS_FILE.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    name = r"[A-Z][\w'’-]+"
    return re.compile(rf"\b((?:{name} ){{0,2}}{name}) (?i:{'|'.join(map(re.escape, nouns))})s?\b")


def site_names(text: str) -> list[str]:
    """Names of specific sites in ``text``: "Maygaagta village" -> "maygaagta".

    All-caps text (wire copy of the 1980s) has no usable capitalisation and gives none.
    """
    letters = [c for c in text if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) > 0.6 * len(letters):
        return []
    out: list[str] = []
    for match in _site_pattern().finditer(text):
        words = match.group(1).split()
        # "Mogadishu's Hodan district" names Hodan
        owner = [i for i, w in enumerate(words) if w.endswith(("'s", "’s"))]
        if owner:
            words = words[owner[-1] + 1 :]
        while words and words[0].lower() in _NOT_NAMES:
            words = words[1:]
        if words:
            site = " ".join(words).lower()  # the name without its noun: "Galdogob town" = "Galdogob district"
            if site not in out:
                out.append(site)
    return out


def family(sub_event_type: str) -> str:
    """The family of a sub-event type (its own lower-cased name when it has none)."""
    key = sub_event_type.strip().lower()
    return _families().get(key, key)


def family_members(sub_event_type: str) -> list[str]:
    """Lower-cased sub-event types compatible with ``sub_event_type`` (itself included)."""
    fam = family(sub_event_type)
    members = [t for t, f in _families().items() if f == fam]
    return sorted(set(members) | {sub_event_type.strip().lower()})


def date_tolerance(precision: int) -> int:
    return DATE_TOLERANCE_DAYS.get(precision, 31)


def dates_agree(a: Report, b: Report) -> bool:
    tolerance = max(date_tolerance(a.values["time_precision"]), date_tolerance(b.values["time_precision"]))
    return abs((a.values["event_date"] - b.values["event_date"]).days) <= tolerance


def distance_km(a: Report, b: Report) -> float | None:
    lat1, lon1 = a.values.get("latitude"), a.values.get("longitude")
    lat2, lon2 = b.values.get("latitude"), b.values.get("longitude")
    if lat1 is None or lon1 is None or lat2 is None or lon2 is None:
        return None
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def places_agree(a: Report, b: Report) -> bool:
    """Same country, and within 25 km, or in the same admin2 (admin1) when one is region-only."""
    va, vb = a.values, b.values
    if not va.get("iso3") or va.get("iso3") != vb.get("iso3"):
        return False
    km = distance_km(a, b)
    if km is not None and va["geo_precision"] <= 2 and vb["geo_precision"] <= 2:
        return km <= MAX_DISTANCE_KM
    admin1_a, admin1_b = va.get("admin1", "").lower(), vb.get("admin1", "").lower()
    admin2_a, admin2_b = va.get("admin2", "").lower(), vb.get("admin2", "").lower()
    if admin1_a and admin1_b and admin1_a != admin1_b:
        return False
    if admin2_a and admin2_b:
        return admin2_a == admin2_b
    return bool(admin1_a and admin1_b)


def _name(actor: str) -> str:
    return _YEARS.sub("", actor.strip()).lower()


def _known(actor: str) -> bool:
    return bool(actor) and not actor.lower().startswith("unidentified")


def _side(report: Report, role: str) -> str:
    names = report.actors.get(role) or [""]
    return names[0]


def _same(x: str, y: str) -> bool:
    return not _known(x) or not _known(y) or _name(x) == _name(y)


def _groups_agree(a: Report, role_a: str, b: Report, role_b: str) -> bool:
    """Associated actors (who protested with the protesters, which militia fought beside the army):
    when both reports name some, they share one."""
    x = {_name(n) for n in a.actors.get(role_a, []) if _known(n)}
    y = {_name(n) for n in b.actors.get(role_b, []) if _known(n)}
    return not (x and y and not x & y)


def actors_agree(a: Report, b: Report) -> bool:
    """Named actors never contradict each other; sides may swap only in armed clashes."""
    a1, a2, b1, b2 = _side(a, "actor1"), _side(a, "actor2"), _side(b, "actor1"), _side(b, "actor2")
    # one outlet reports the civilians a raid killed (an Attack), another the fight with the forces
    # that ended it (an Armed clash): the victims of the one do not contradict the other's side
    kinds_differ = a.values["sub_event_type"].lower() != b.values["sub_event_type"].lower()
    victims = kinds_differ and (_name(a2).startswith("civilians") or _name(b2).startswith("civilians"))
    straight = (
        _same(a1, b1)
        and (_same(a2, b2) or victims)
        and _groups_agree(a, "assoc_actor_1", b, "assoc_actor_1")
        and _groups_agree(a, "assoc_actor_2", b, "assoc_actor_2")
    )
    swapped = (
        _same(a1, b2)
        and _same(a2, b1)
        and _groups_agree(a, "assoc_actor_1", b, "assoc_actor_2")
        and _groups_agree(a, "assoc_actor_2", b, "assoc_actor_1")
    )
    clash = "armed clash" in (a.values["sub_event_type"].lower(), b.values["sub_event_type"].lower())
    if clash:
        return straight or swapped
    reversed_roles = (_known(a1) and _known(b2) and _name(a1) == _name(b2)) or (
        _known(a2) and _known(b1) and _name(a2) == _name(b1)
    )
    return straight and not reversed_roles


def sites_agree(a: Report, b: Report) -> bool:
    """Two reports that each name a specific site share one (or one of them names none).

    Places the gazetteer does not know (villages, districts, markets) fall back to their region;
    the named site then still tells two clashes in one district apart.
    """
    return not (a.sites and b.sites and not set(a.sites) & set(b.sites))


def evidence(a: Report, b: Report) -> int:
    """How much positively ties two compatible reports: the same sub-event type, the same day, the
    same place (both located within 25 km), each named actor in common, a named site in common."""
    points = int(a.values["sub_event_type"].lower() == b.values["sub_event_type"].lower())
    points += int(a.values["event_date"] == b.values["event_date"])
    km = distance_km(a, b)
    points += int(
        km is not None
        and km <= MAX_DISTANCE_KM
        and max(a.values["geo_precision"], b.values["geo_precision"]) <= 2
    )
    named_a = {_name(n) for role in ("actor1", "actor2") for n in a.actors.get(role, [])[:1] if _known(n)}
    named_b = {_name(n) for role in ("actor1", "actor2") for n in b.actors.get(role, [])[:1] if _known(n)}
    points += len(named_a & named_b)
    points += 2 * bool(set(a.sites) & set(b.sites))
    return points


def agree(new: Report, stored: Report) -> bool:
    """Whether ``new`` reports the event ``stored`` describes: nothing contradicts, and enough ties
    them (a vague report of an unnamed attack somewhere in a region matches nothing)."""
    return (
        family(new.values["sub_event_type"]) == family(stored.values["sub_event_type"])
        and dates_agree(new, stored)
        and places_agree(new, stored)
        and actors_agree(new, stored)
        and sites_agree(new, stored)
        and evidence(new, stored) >= MIN_EVIDENCE
    )


def score(new: Report, stored: Report) -> float:
    """How well two agreeing reports match (higher is better)."""
    value = 0.0
    if new.values["sub_event_type"].lower() == stored.values["sub_event_type"].lower():
        value += 2.0
    value -= abs((new.values["event_date"] - stored.values["event_date"]).days) * 0.5
    km = distance_km(new, stored)
    value -= (km / MAX_DISTANCE_KM) if km is not None else 0.5
    for role in ("actor1", "actor2"):
        x, y = _side(new, role), _side(stored, role)
        if _known(x) and _known(y) and _name(x) == _name(y):
            value += 1.0
    return value


def _published_key(report: Report) -> tuple[int, datetime, int]:
    moment = report.published_at
    if moment is not None and moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    # reports without a publication time count as published when ingested (after the dated ones)
    return (moment is None, moment or datetime.max.replace(tzinfo=UTC), report.order)


def _figure(reports: list[Report], key: str) -> int:
    """The lowest positive figure among the reports of the latest publication day that give one."""
    given = [r for r in reports if (r.values.get(key) or 0) > 0]
    if not given:
        return 0
    dated = [r for r in given if r.published_at is not None]
    if dated:
        latest = max(_published_key(r)[1].date() for r in dated)
        given = [r for r in dated if _published_key(r)[1].date() == latest]
    return min(int(r.values[key]) for r in given)


def derive(reports: list[Report]) -> tuple[dict[str, Any], dict[str, list[str]]]:
    """The event's column values and actors from all its reports (see the module docstring)."""
    if not reports:
        raise ValueError("an event needs at least one report")
    ordered = sorted(reports, key=_published_key)

    def named(r: Report) -> int:
        return sum(1 for role in ROLES for n in r.actors.get(role, []) if _known(n))

    descriptive = max(ordered, key=lambda r: (named(r), -ordered.index(r)))
    dated = min(ordered, key=lambda r: (r.values["time_precision"], ordered.index(r)))
    placed = min(ordered, key=lambda r: (r.values["geo_precision"], ordered.index(r)))
    values: dict[str, Any] = {}
    values.update({k: descriptive.values[k] for k in TYPE_FIELDS if k in descriptive.values})
    values.update({k: dated.values[k] for k in DATE_FIELDS})
    values.update({k: placed.values.get(k) for k in PLACE_FIELDS})
    values["fatalities"] = _figure(ordered, "fatalities")
    values["injuries"] = _figure(ordered, "injuries")
    values["confidence"] = max(float(r.values.get("confidence", 0.5)) for r in ordered)
    return values, {role: list(descriptive.actors.get(role, [])) for role in ROLES}


def assign(
    new: list[Report], candidates: list[list[Report]], sources: dict[int, list[int]] | None = None
) -> Resolution:
    """Match new reports to stored events one-to-one, best score first.

    A stored event that the new report also matches, that matches the chosen event itself and shares
    no source with it (a source keeps its own events apart) is a duplicate: it is merged into the
    chosen one. Such duplicates come from data stored before resolution, or from fields that
    changed as sources came and went.
    """
    sources = sources or {}
    pairs: list[tuple[float, int, int]] = []
    for i, (report, stored) in enumerate(zip(new, candidates, strict=True)):
        for c in stored:
            if c.event_id is not None and agree(report, c):
                pairs.append((score(report, c), i, c.event_id))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    targets: list[int | None] = [None] * len(new)
    taken: set[int] = set()
    for _, i, event_id in pairs:
        if targets[i] is None and event_id not in taken:
            targets[i] = event_id
            taken.add(event_id)
    merges: dict[int, list[int]] = {}
    # the sources of each survivor with those of the events it has absorbed so far: a source that
    # keeps two events apart keeps them apart after one of them absorbed a third
    merged_sources: dict[int, set[int]] = {}
    for _, i, event_id in pairs:
        survivor = targets[i]
        if survivor is None or event_id in taken:
            continue
        chosen = next(c for c in candidates[i] if c.event_id == survivor)
        duplicate = next(c for c in candidates[i] if c.event_id == event_id)
        group = merged_sources.setdefault(survivor, set(sources.get(survivor, [])))
        if not group & set(sources.get(event_id, [])) and agree(duplicate, chosen):
            merges.setdefault(survivor, []).append(event_id)
            taken.add(event_id)
            group.update(sources.get(event_id, []))
    return Resolution(targets=targets, merges=merges)


# --- with the database -------------------------------------------------------------------------


def _point(report: Report) -> tuple[float, float] | None:
    """Where a report located at a place (geo precision 1 or 2) is; None for region-only reports."""
    lat, lon = report.values.get("latitude"), report.values.get("longitude")
    if lat is None or lon is None or report.values.get("geo_precision", 3) > 2:
        return None
    return (float(lat), float(lon))


async def resolve(session: AsyncSession, reports: list[Report]) -> Resolution:
    """The stored event each new report describes (None: a new event).

    Resolution is serialised per (country, family) with a transaction-level advisory lock, so two
    articles about one new event, stored at the same moment, do not both create it.
    """
    keys = sorted(
        {f"{r.values['iso3']}:{family(r.values['sub_event_type'])}" for r in reports if r.values.get("iso3")}
    )
    await repo.lock(session, keys)
    candidates: list[list[Report]] = []
    sources: dict[int, list[int]] = {}
    for r in reports:
        if not r.values.get("iso3"):
            candidates.append([])
            continue
        rows = await repo.candidates(
            session,
            iso3=r.values["iso3"],
            sub_event_types=family_members(r.values["sub_event_type"]),
            day=r.values["event_date"],
            tolerance_days=date_tolerance(r.values["time_precision"]),
            exclude_source_id=r.source_id,
            admin1=r.values.get("admin1") or "",
            point=_point(r),
        )
        candidates.append(
            [Report(values=c.values, actors=c.actors, event_id=c.event_id, sites=c.sites) for c in rows]
        )
        sources.update((c.event_id, c.source_ids) for c in rows)
    return assign(reports, candidates, sources)


async def merge(session: AsyncSession, survivor: int, absorbed: int) -> None:
    """Move the sources of ``absorbed`` to ``survivor`` and delete ``absorbed`` (the caller derives
    the survivor's fields again and records the ``merged`` tombstone)."""
    await repo.move_sources(session, absorbed, survivor)
    await repo.delete_event(session, absorbed)


async def lock_for(session: AsyncSession, event_ids: list[int]) -> None:
    """The resolution locks of these events' (country, family), then their rows: what a writer that
    changes stored events (deleting a source) takes so it does not interleave with resolution."""
    keys = sorted({f"{iso3}:{family(sub)}" for iso3, sub in await repo.kinds_of(session, event_ids) if iso3})
    await repo.lock(session, keys)
    await repo.lock_events(session, event_ids)


async def recompute(session: AsyncSession, event_id: int) -> bool:
    """Derive the event's fields from its remaining reports; False when it has none left."""
    rows = await repo.reports_of(session, event_id)
    if not rows:
        return False
    reports = [Report.from_json(data, source_id, order) for source_id, order, data in rows if data]
    legacy = [(source_id, order) for source_id, order, data in rows if not data]
    if legacy:
        # sources stored without a report of their own (bulk loads): the event as it stands is theirs
        current = await repo.coding_of(session, event_id)
        if current is None:
            return False
        values, actors = current
        if not reports:
            await repo.touch(session, event_id)
            return True
        reports += [Report(values=dict(values), actors=actors, source_id=s, order=o) for s, o in legacy]
    values, actors = derive(reports)
    await repo.update_event(session, event_id, values, actors)
    return True
