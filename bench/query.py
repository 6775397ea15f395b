#!/usr/bin/env python3
"""Query benchmark: the filters users run, through the real server and directly through asyncpg.

usage: python -m bench.query [--events 1000000] [--requests 150] [--concurrency 16] [--workers 1]
                             [--explain bench/out/plans.txt]

Loads (or reuses) the benchmark data set (``bench.dataset``), starts the service with uvicorn in a
subprocess (production settings: no reload, no access log, log level warning) pointed at it, and runs
a fixed, seeded mix of eight query shapes at the given concurrency with a lean keep-alive HTTP client
(``bench.common.KeepAliveClient``; ``--client httpx`` for httpx):

    actor; date window; country + date window; bbox; radius; sub_event_type + min_fatalities;
    actor + country + date; first page (no filter) and a deep page through a cursor.

The same requests then run directly through an asyncpg pool at the same concurrency. The direct
SQL is the repository's own: each request's filters go through ``app.events.service.parse_filters``
and the repository functions the endpoint calls (``actor_ids_sql`` when there is an actor filter,
then ``page_sql``: the events with their actor names and source ids in one statement, as SQL text
with asyncpg parameters), with the service's connection settings, so both sides do the same
database work.

Prints per-shape p50/p95 and, last, exactly:
``query p95_ms=<float> api_over_sql=<float> events=<int>``
(p95 over the whole API mix; median API latency over median direct-SQL latency; events stored).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import time
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import asyncpg
import httpx

from bench import dataset
from bench.common import KeepAliveClient, Server, asyncpg_dsn, machine_line, median, open_database, percentile

SHAPES = (
    "actor", "date_window", "country_date", "bbox", "radius", "subtype_fatalities", "actor_country_date",
    "first_page", "deep_page",
)


@dataclass
class Request:
    shape: str
    params: dict[str, Any]
    last_ms: float = 0.0  # latency of its latest run


# --- the query mix -----------------------------------------------------------------------------


async def build_mix(conn: asyncpg.Connection, per_shape: int, seed: int) -> list[Request]:
    """``per_shape`` requests of each shape with parameters drawn from the stored data, shuffled."""
    from app.events.service import encode_cursor

    rng = random.Random(seed)
    lo, hi = await conn.fetchrow("SELECT min(event_date), max(event_date) FROM event")
    span = (hi - lo).days
    # actors by activity: users ask about busy actors more often, but also about rare ones
    actors = await conn.fetch(
        """SELECT a.name, a.country, count(*) AS n FROM event_actor ea JOIN actor a ON a.id = ea.actor_id
           GROUP BY a.id ORDER BY n DESC, a.id LIMIT 400"""
    )
    countries = await conn.fetch(
        "SELECT iso3, count(*) AS n FROM event GROUP BY iso3 ORDER BY n DESC, iso3 LIMIT 30"
    )
    places = await conn.fetch(
        "SELECT latitude, longitude FROM event TABLESAMPLE SYSTEM (1) REPEATABLE ($1) WHERE latitude IS NOT NULL "
        "ORDER BY id LIMIT 2000", seed
    )
    military = await conn.fetch(
        "SELECT name, country FROM actor WHERE name LIKE 'Military Forces of %' OR name LIKE 'Police Forces of %' "
        "ORDER BY name"
    )
    iso3_of = {r["country"]: r["iso3"] for r in await conn.fetch("SELECT DISTINCT country, iso3 FROM event")}
    total = await conn.fetchval("SELECT count(*) FROM event")

    def window(days: int) -> dict[str, str]:
        start = lo + timedelta(days=rng.randrange(max(1, span - days)))
        return {"date_from": start.isoformat(), "date_to": (start + timedelta(days=days)).isoformat()}

    def country() -> str:
        return str(rng.choices(countries, weights=[r["n"] for r in countries])[0]["iso3"])

    def actor() -> str:
        # half from the ten busiest, half from the long tail
        pool = actors[:10] if rng.random() < 0.5 else actors[10:]
        return str(rng.choice(pool)["name"])

    def place() -> tuple[float, float]:
        row = rng.choice(places)
        return round(row["latitude"], 3), round(row["longitude"], 3)

    subtypes = [("Air/drone strike", 5), ("Armed clash", 10), ("Attack", 3), ("Shelling/artillery/missile attack", 2),
                ("Remote explosive/landmine/IED", 1), ("Excessive force against protesters", 1)]
    deep_rows: list[asyncpg.Record] = []
    for frac in [rng.uniform(0.1, 0.95) for _ in range(20)]:
        deep_rows.append(await conn.fetchrow(
            "SELECT event_date, id FROM event ORDER BY event_date DESC, id DESC OFFSET $1 LIMIT 1",
            int(total * frac)))

    mix: list[Request] = []
    for _ in range(per_shape):
        lat, lon = place()
        st, fat = rng.choice(subtypes)
        soldier = rng.choice(military)
        deep = rng.choice(deep_rows)
        mix += [
            Request("actor", {"actor": actor()}),
            Request("date_window", window(rng.choice((7, 30, 90)))),
            Request("country_date", {"country": country(), **window(rng.choice((30, 90, 365)))}),
            Request("bbox", {"bbox": f"{lon - 0.5:.3f},{lat - 0.4:.3f},{lon + 0.5:.3f},{lat + 0.4:.3f}"}),
            Request("radius", {"lat": lat, "lon": lon, "radius_km": rng.choice((10, 25, 50))}),
            Request("subtype_fatalities", {"sub_event_type": st, "min_fatalities": fat}),
            Request("actor_country_date", {"actor": soldier["name"], "country": iso3_of.get(soldier["country"], ""),
                                           **window(365)}),
            Request("first_page", {}),
            Request("deep_page", {"cursor": encode_cursor([deep["event_date"].isoformat(), deep["id"]])}),
        ]
    rng.shuffle(mix)
    return mix


# --- the repository's SQL -----------------------------------------------------------------------


def _event_query(params: dict[str, Any]) -> Any:
    """The ``EventQuery`` the endpoint builds for ``params`` (the API's own validation)."""
    from app.events import service

    def listed(name: str) -> list[str]:
        value = params.get(name)
        return [value] if isinstance(value, str) else list(value or [])

    q = service.parse_filters(
        actor=params.get("actor"), actor_role=None,
        date_from=date.fromisoformat(params["date_from"]) if "date_from" in params else None,
        date_to=date.fromisoformat(params["date_to"]) if "date_to" in params else None,
        country=listed("country"), admin1=[], location=[], bbox=params.get("bbox"),
        lat=params.get("lat"), lon=params.get("lon"),
        radius_km=float(params["radius_km"]) if "radius_km" in params else None,
        event_type=[], sub_event_type=listed("sub_event_type"), min_fatalities=params.get("min_fatalities"),
        source_id=None, cursor=params.get("cursor"), limit=int(params.get("limit", 100)),
    )
    q.limit += 1  # as service.list_events does, to know whether there is a next page
    return q


class Statements:
    """What one request runs: the actor lookup (with an actor filter) and the page statement."""

    def __init__(self, lookup: tuple[str, list[Any]] | None, page: tuple[str, list[Any]]) -> None:
        self.lookup = lookup
        self.page = page


async def statements(conn: asyncpg.Connection | None, params: dict[str, Any]) -> Statements:
    """The request's statements as the repository writes them (SQL text and asyncpg parameters); the
    actor ids are looked up once, here, so the page statement is the one the service builds for them."""
    from app.events import repository

    q = _event_query(params)
    lookup = None
    ids = None
    if q.actor:
        if conn is None:
            raise ValueError("an actor filter needs a connection to look up the actor ids")
        lookup = repository.actor_ids_sql(q.actor)
        ids = [row[0] for row in await conn.fetch(lookup[0], *lookup[1])]
    return Statements(lookup, repository.page_sql(q, ids))


async def main_statement(
    params: dict[str, Any], conn: asyncpg.Connection | None = None
) -> tuple[str, list[Any]]:
    """The page statement of a request (for EXPLAIN); ``conn`` looks up an actor filter's ids."""
    return (await statements(conn, params)).page


# --- runners -----------------------------------------------------------------------------------


async def _run_pool(mix: list[Request], concurrency: int, one: Any) -> dict[str, list[float]]:
    """Run ``one(request)`` for the whole mix with ``concurrency`` workers; latencies (ms) per shape."""
    queue: asyncio.Queue[Request] = asyncio.Queue()
    for r in mix:
        queue.put_nowait(r)
    times: dict[str, list[float]] = defaultdict(list)

    async def worker() -> None:
        while True:
            try:
                r = queue.get_nowait()
            except asyncio.QueueEmpty:
                return
            t0 = time.perf_counter()
            await one(r)
            r.last_ms = (time.perf_counter() - t0) * 1000
            times[r.shape].append(r.last_ms)

    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return times


async def run_api(
    base_url: str, mix: list[Request], concurrency: int, client: str = "lean"
) -> tuple[dict[str, list[float]], dict[str, int]]:
    """The mix through the server; ``client`` is ``lean`` (``KeepAliveClient``) or ``httpx``."""
    rows: dict[str, int] = defaultdict(int)

    def check(r: Request, status: int, body: bytes) -> None:
        if status != 200:
            raise RuntimeError(f"{r.shape} {r.params}: HTTP {status} {body[:300]!r}")
        rows[r.shape] += len(json.loads(body)["items"])

    if client == "httpx":
        limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
        async with httpx.AsyncClient(base_url=base_url, timeout=60.0, limits=limits) as http:

            async def one(r: Request) -> None:
                resp = await http.get("/events", params=r.params)
                check(r, resp.status_code, resp.content)

            return await _run_pool(mix, concurrency, one), rows
    lean = KeepAliveClient(base_url)
    try:

        async def one_lean(r: Request) -> None:
            check(r, *await lean.get("/events", r.params))

        return await _run_pool(mix, concurrency, one_lean), rows
    finally:
        await lean.aclose()


async def run_sql(dsn: str, mix: list[Request], concurrency: int) -> dict[str, list[float]]:
    # statements built beforehand: the direct side measures the database (and asyncpg), not Python
    conn = await asyncpg.connect(dsn)
    try:
        compiled = {id(r): await statements(conn, r.params) for r in mix}
    finally:
        await conn.close()
    from app.core.db import SERVER_SETTINGS  # the service's connection settings

    async with asyncpg.create_pool(
        dsn, min_size=concurrency, max_size=concurrency, server_settings=SERVER_SETTINGS
    ) as pool:

        async def one(r: Request) -> None:
            st = compiled[id(r)]
            async with pool.acquire() as conn:
                if st.lookup:
                    await conn.fetch(st.lookup[0], *st.lookup[1])
                await conn.fetch(st.page[0], *st.page[1])

        return await _run_pool(mix, concurrency, one)


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


async def explain(dsn: str, mix: list[Request], path: Path) -> None:
    """EXPLAIN (ANALYZE, BUFFERS) of each shape's typical (median) and slowest request, run alone."""
    from app.core.db import SERVER_SETTINGS

    out: list[str] = []
    conn = await asyncpg.connect(dsn, server_settings=SERVER_SETTINGS)
    try:
        for shape in SHAPES:
            runs = sorted((r for r in mix if r.shape == shape), key=lambda r: r.last_ms)
            if not runs:
                continue
            for label, r in (("median", runs[len(runs) // 2]), ("slowest", runs[-1])):
                sql, args = await main_statement(r.params, conn)
                plan = await conn.fetch("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + sql, *args)
                out.append(f"## {shape} ({label} under load: {r.last_ms:.1f} ms)  {r.params}\n"
                           + "\n".join(row[0] for row in plan) + "\n")
    finally:
        await conn.close()
    await asyncio.to_thread(_write, path, "\n".join(out))
    print(f"plans written to {path}")


def report(api: dict[str, list[float]], sql: dict[str, list[float]], rows: dict[str, int], title: str) -> tuple[float, float]:
    print(title)
    print(f"{'shape':<20} {'n':>5} {'api_p50':>8} {'api_p95':>8} {'sql_p50':>8} {'sql_p95':>8} {'rows/req':>8}")
    for shape in SHAPES:
        a, s = api.get(shape, []), sql.get(shape, [])
        n = max(1, len(a))
        print(f"{shape:<20} {len(a):>5} {median(a):>8.1f} {percentile(a, 95):>8.1f} "
              f"{median(s):>8.1f} {percentile(s, 95):>8.1f} {rows.get(shape, 0) / n:>8.1f}")
    all_api = [t for ts in api.values() for t in ts]
    all_sql = [t for ts in sql.values() for t in ts]
    return percentile(all_api, 95), median(all_api) / max(1e-9, median(all_sql))


async def run(args: argparse.Namespace) -> str:
    url = await open_database(args.data_dir)
    await dataset.ensure(url, args.events, args.sources, args.actors, args.seed, niceness=args.nice)
    dsn = asyncpg_dsn(url)
    conn = await asyncpg.connect(dsn)
    try:
        events = int(await conn.fetchval("SELECT count(*) FROM event"))
        mix = await build_mix(conn, args.requests, args.seed)
    finally:
        await conn.close()
    print(f"machine: {machine_line()}")
    print(f"{len(mix)} requests ({args.requests} per shape), concurrency {args.concurrency}, "
          f"{args.workers} uvicorn worker(s), {events} events")
    async with Server(url, workers=args.workers) as server:
        await run_api(server.base_url, mix[: len(SHAPES) * 5], args.concurrency, args.client)  # warm-up
        api, rows = await run_api(server.base_url, mix, args.concurrency, args.client)
        # one request at a time: each shape's own cost, without queueing behind the others
        serial_mix = [r for shape in SHAPES for r in [x for x in mix if x.shape == shape][: args.serial]]
        api_serial, rows_serial = await run_api(server.base_url, serial_mix, 1, args.client)
    sql = await run_sql(dsn, mix, args.concurrency)
    if args.explain:
        await explain(dsn, mix, args.explain)
    sql_serial = await run_sql(dsn, serial_mix, 1)
    report(api_serial, sql_serial, rows_serial, f"one request at a time ({args.serial} per shape), ms:")
    p95, ratio = report(api, sql, rows, f"concurrency {args.concurrency}, ms:")
    return f"query p95_ms={p95:.2f} api_over_sql={ratio:.2f} events={events}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    dataset.add_arguments(parser)
    parser.add_argument("--requests", type=int, default=150, help="requests per shape (default 150)")
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--workers", type=int, default=int(os.environ.get("BENCH_WORKERS", 1)),
                        help="uvicorn worker processes (default 1)")
    parser.add_argument(
        "--client",
        choices=("lean", "httpx"),
        default="lean",
        help="HTTP client of the API side: lean (bench.common.KeepAliveClient, default) or httpx",
    )
    parser.add_argument("--serial", type=int, default=15, help="requests per shape also run one at a time")
    parser.add_argument("--explain", type=Path, default=None, help="write EXPLAIN ANALYZE of each shape here")
    args = parser.parse_args(argv)
    line = asyncio.run(run(args))
    print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
