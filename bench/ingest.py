#!/usr/bin/env python3
"""Ingest benchmark: articles per second through ``POST /articles`` while users query.

usage: python -m bench.ingest [--events 1000000] [--articles 600] [--long-articles 300]
                              [--concurrency 8] [--query-concurrency 2] [--keep]

Against the benchmark database (``bench.dataset``) and the real server (uvicorn, production
settings, extraction in its process pool), it measures:

1. the idle query p95: the ``bench.query`` mix at ``--query-concurrency`` with nothing else running;
2. short texts (analyst-note size, ``bench.textgen``) posted at ``--concurrency``, with the same query
   mix running at the same time: articles/s and the query p95 during ingest;
3. the same for ~3 KB articles.

Articles are generated fresh (random names, numbers and dates), so each is extracted and stored
(201), not answered from the store. Afterwards the rows the run added are deleted (``--keep`` keeps
them) so that the benchmark data set stays as loaded. Last line, exactly:
``ingest short_per_s=<float> long_per_s=<float> query_p95_idle_ms=<float> query_p95_ingest_ms=<float> events=<int>``
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import time
from collections import Counter

import asyncpg
import httpx

from bench import dataset
from bench.common import Server, asyncpg_dsn, machine_line, open_database, percentile
from bench.query import Request, build_mix
from bench.textgen import TextGenerator, load_places


async def _query_loop(client: httpx.AsyncClient, mix: list[Request], concurrency: int, stop: asyncio.Event,
                      limit: int | None = None) -> list[float]:
    """Run the query mix round-robin until ``stop`` is set (or ``limit`` requests); latencies in ms."""
    times: list[float] = []
    counter = iter(range(10**9))

    async def worker() -> None:
        while not stop.is_set():
            i = next(counter)
            if limit is not None and i >= limit:
                return
            r = mix[i % len(mix)]
            t0 = time.perf_counter()
            resp = await client.get("/events", params=r.params)
            resp.raise_for_status()
            times.append((time.perf_counter() - t0) * 1000)

    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return times


async def _ingest(client: httpx.AsyncClient, bodies: list[dict[str, str]], concurrency: int) -> tuple[float, Counter[int], int]:
    """POST every body at ``concurrency``; (seconds, status counts, events created)."""
    queue: asyncio.Queue[dict[str, str]] = asyncio.Queue()
    for b in bodies:
        queue.put_nowait(b)
    statuses: Counter[int] = Counter()
    events = 0

    async def worker() -> None:
        nonlocal events
        while True:
            try:
                body = queue.get_nowait()
            except asyncio.QueueEmpty:
                return
            resp = await client.post("/articles", json=body)
            statuses[resp.status_code] += 1
            if resp.status_code in (200, 201):
                events += len(resp.json()["events"])

    t0 = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return time.perf_counter() - t0, statuses, events


async def _phase(client: httpx.AsyncClient, name: str, bodies: list[dict[str, str]], args: argparse.Namespace,
                 mix: list[Request]) -> tuple[float, list[float]]:
    stop = asyncio.Event()
    queries = asyncio.create_task(_query_loop(client, mix, args.query_concurrency, stop))
    seconds, statuses, events = await _ingest(client, bodies, args.concurrency)
    stop.set()
    times = await queries
    if set(statuses) - {200, 201}:
        raise RuntimeError(f"{name}: POST /articles answered {dict(statuses)}")
    rate = len(bodies) / seconds
    avg = sum(len(b["text"]) for b in bodies) / max(1, len(bodies))
    print(f"{name}: {len(bodies)} articles (avg {avg:.0f} chars) in {seconds:.1f} s = {rate:.1f} articles/s; "
          f"HTTP {dict(statuses)}; {events} events; queries during: n={len(times)} "
          f"p50={percentile(times, 50):.1f} ms p95={percentile(times, 95):.1f} ms")
    return rate, times


def extraction_alone(gen: TextGenerator, short: int = 100, long: int = 20) -> tuple[float, float]:
    """Milliseconds per short text and per 3 KB article for the extractor alone, in this process."""
    from datetime import date

    from app.extraction import get_extractor

    extractor = get_extractor()
    shorts = [gen.short()[0] for _ in range(short)]
    longs = [gen.long(3000)[0] for _ in range(long)]
    for text in shorts[:10]:  # warm the caches
        extractor.extract(text, date(2024, 1, 1))
    out = []
    for texts in (shorts, longs):
        t0 = time.perf_counter()
        for text in texts:
            extractor.extract(text, date(2024, 1, 1))
        out.append((time.perf_counter() - t0) * 1000 / len(texts))
    return out[0], out[1]


async def _write_key(url: str) -> tuple[str, int]:
    """A new API key with the write scope in the benchmark database: (clear key, its id)."""
    from app.auth.service import create_key
    from app.core import db
    from app.core.config import Settings

    engine = db.make_engine(url, Settings(database_url=url))
    try:
        async with db.make_sessionmaker(engine)() as session, session.begin():
            row, clear = await create_key(session, ["write"], name="bench-ingest")
        return clear, int(row.id or 0)
    finally:
        await engine.dispose()


async def _cleanup(dsn: str, marks: dict[str, int]) -> None:
    """Delete what the run added: events, sources and actors above the marks taken before."""
    conn = await asyncpg.connect(dsn)
    try:
        async with conn.transaction():
            await conn.execute("DELETE FROM event WHERE id > $1", marks["event"])
            await conn.execute("DELETE FROM source WHERE id > $1", marks["source"])
            await conn.execute("DELETE FROM api_key WHERE id = $1", marks["api_key"])
            await conn.execute(
                "DELETE FROM actor a WHERE a.id > $1 AND NOT EXISTS "
                "(SELECT 1 FROM event_actor ea WHERE ea.actor_id = a.id)", marks["actor"])
    finally:
        await conn.close()


async def run(args: argparse.Namespace) -> str:
    url = await open_database(args.data_dir)
    await dataset.ensure(url, args.events, args.sources, args.actors, args.seed, niceness=args.nice)
    dsn = asyncpg_dsn(url)
    conn = await asyncpg.connect(dsn)
    try:
        mix = await build_mix(conn, 20, args.seed)
        marks = {t: int(await conn.fetchval(f"SELECT coalesce(max(id), 0) FROM {t}")) for t in ("event", "source", "actor")}
        events = int(await conn.fetchval("SELECT count(*) FROM event"))
    finally:
        await conn.close()

    key, marks["api_key"] = await _write_key(url)
    gen = TextGenerator(int(time.time()), load_places(random.Random(args.seed)))
    run_id = int(time.time())
    numbers = iter(range(10**9))

    def bodies(n: int, long: bool) -> list[dict[str, str]]:
        out = []
        for _ in range(n):
            text, day = gen.long(3000) if long else gen.short()
            url = f"https://bench.example/{run_id}/{'long' if long else 'short'}-{next(numbers)}"
            out.append({"text": text, "published_at": day, "url": url})
        return out

    short, long = bodies(args.articles, False), bodies(args.long_articles, True)
    print(f"machine: {machine_line()}")
    short_ms, long_ms = extraction_alone(gen)
    print(f"extractor alone, one process: {short_ms:.1f} ms per short text, {long_ms:.1f} ms per 3 KB article")
    print(f"{events} events; POST /articles at concurrency {args.concurrency}; queries at {args.query_concurrency}")
    try:
        async with Server(url, workers=1, extract_workers=args.extract_workers) as server:
            limits = httpx.Limits(max_connections=args.concurrency + args.query_concurrency + 2)
            headers = {"X-API-Key": key}
            async with httpx.AsyncClient(
                base_url=server.base_url, timeout=120.0, limits=limits, headers=headers
            ) as client:
                # warm the extractor processes and the query path
                await _ingest(client, bodies(args.concurrency * 2, False), args.concurrency)
                await _query_loop(client, mix, args.query_concurrency, asyncio.Event(), limit=40)
                idle = await _query_loop(client, mix, args.query_concurrency, asyncio.Event(), limit=args.idle_queries)
                print(f"idle queries: n={len(idle)} p50={percentile(idle, 50):.1f} ms p95={percentile(idle, 95):.1f} ms")
                short_rate, during_short = await _phase(client, "short", short, args, mix)
                long_rate, during_long = await _phase(client, "3 KB", long, args, mix)
    finally:
        if not args.keep:
            await _cleanup(dsn, marks)
    during = during_short + during_long
    return (f"ingest short_per_s={short_rate:.1f} long_per_s={long_rate:.1f} "
            f"query_p95_idle_ms={percentile(idle, 95):.2f} query_p95_ingest_ms={percentile(during, 95):.2f} "
            f"events={events}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    dataset.add_arguments(parser)
    parser.add_argument("--articles", type=int, default=600, help="short texts to post (default 600)")
    parser.add_argument("--long-articles", type=int, default=300, help="~3 KB articles to post (default 300)")
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--query-concurrency", type=int, default=2)
    parser.add_argument("--idle-queries", type=int, default=300)
    parser.add_argument("--extract-workers", type=int, default=int(os.environ.get("EXTRACT_WORKERS", 2)))
    parser.add_argument("--keep", action="store_true", help="keep the ingested rows")
    args = parser.parse_args(argv)
    print(asyncio.run(run(args)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

