"""Soak run: mixed ingest and queries at high concurrency against a real server, for a bounded time.

    python tests/hardening/soak.py [--duration 300] [--concurrency 32] [--url URL --key KEY]

Without ``--url`` it starts ``conflict-events serve`` on a free port with an embedded Postgres in a
temporary directory and creates a write key with ``conflict-events keys create``. Then
``--concurrency`` clients loop until ``--duration`` seconds are up: about one request in five posts
a new (or, now and then, an already stored) article, the others query events, one event, sources,
actors and the probes. Reported as one JSON object on stdout:

* requests, per kind, by status; latency p50/p95/p99/max;
* errors: transport failures, 5xx, and 4xx where none was expected (exit status 1 if any);
* the server's resident memory (its process and the extraction workers) after the warm-up (the
  first tenth of the run) and at the end: "flat" means it grew less than 20 % (exit 1 otherwise);
* the database pool gauges from ``/metrics`` before and after: connections still checked out after
  the run are a leak (exit 1).

The texts are generated from a few templates of generic conflict-news sentences written for this
tool (no evaluation data).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import psutil

REPO_ROOT = Path(__file__).resolve().parents[2]

ACTORS = [
    "Government troops", "Unidentified gunmen", "Rebel fighters", "Police", "A local militia",
    "Armed men on motorcycles", "Islamist militants", "Soldiers", "Protesters", "Rioters",
]
VERBS = [
    ("attacked", "killing {n} people"), ("clashed with rebels near", "leaving {n} dead"),
    ("shelled", "killing {n} civilians"), ("ambushed a convoy outside", "killing {n} soldiers"),
    ("staged a protest in", "without injuries"), ("raided a village near", "abducting {n} residents"),
]
PLACES = [
    ("Mogadishu", "Somalia"), ("Kismayo", "Somalia"), ("Mandera", "Kenya"), ("Garissa", "Kenya"),
    ("Maiduguri", "Nigeria"), ("Gao", "Mali"), ("Mosul", "Iraq"), ("Aleppo", "Syria"),
    ("Goma", "Democratic Republic of Congo"), ("Kabul", "Afghanistan"), ("Khartoum", "Sudan"),
]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October"]


def make_article(rng: random.Random, serial: int) -> dict[str, Any]:
    """A short news item; ``serial`` makes its text (and so its hash) unique."""
    actor = rng.choice(ACTORS)
    verb, outcome = rng.choice(VERBS)
    place, country = rng.choice(PLACES)
    day, month, n = rng.randint(1, 28), rng.choice(MONTHS), rng.randint(1, 30)
    text = (
        f"{actor} {verb} {place}, {country}, on {day} {month} 2024, {outcome.format(n=n)}, officials said. "
        f"The incident was the {serial}th reported in the area this year, according to local sources."
    )
    return {"text": text, "published_at": f"2024-{MONTHS.index(month) + 1:02d}-{min(day + 1, 28):02d}"}


@dataclass
class Stats:
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    statuses: dict[str, Counter[int]] = field(default_factory=lambda: defaultdict(Counter))
    errors: list[str] = field(default_factory=list)
    error_kinds: Counter[str] = field(default_factory=Counter)
    event_ids: list[int] = field(default_factory=list)
    posted: list[dict[str, Any]] = field(default_factory=list)


EXPECTED = {
    "post_article": {200, 201},
    "list_events": {200},
    "filter_events": {200},
    "get_event": {200},
    "list_sources": {200},
    "list_actors": {200},
    "health": {200},
}


async def one_request(http: httpx.AsyncClient, rng: random.Random, stats: Stats, serial: int, key: str) -> None:
    roll = rng.random()
    if roll < 0.2:
        kind = "post_article"
        # one post in ten repeats a stored article: the idempotent path
        body = rng.choice(stats.posted) if stats.posted and rng.random() < 0.1 else make_article(rng, serial)
        call = http.post("/articles", json=body, headers={"X-API-Key": key})
    elif roll < 0.45:
        kind = "list_events"
        call = http.get("/events", params={"limit": rng.choice([10, 50, 100])})
    elif roll < 0.65:
        kind = "filter_events"
        place, country = rng.choice(PLACES)
        params = rng.choice([{"country": country}, {"location": place}, {"date_from": "2024-03-01"}, {"min_fatalities": 5}])
        call = http.get("/events", params=params)  # type: ignore[arg-type]
    elif roll < 0.8 and stats.event_ids:
        kind = "get_event"
        call = http.get(f"/events/{rng.choice(stats.event_ids)}")
    elif roll < 0.9:
        kind = "list_sources"
        call = http.get("/sources", params={"limit": 20})
    elif roll < 0.97:
        kind = "list_actors"
        call = http.get("/actors")
    else:
        kind = "health"
        call = http.get("/health")
    started = time.perf_counter()
    try:
        response = await call
    except httpx.HTTPError as exc:
        stats.errors.append(f"{kind}: {type(exc).__name__}: {exc}")
        stats.error_kinds[type(exc).__name__] += 1
        return
    stats.latencies[kind].append(time.perf_counter() - started)
    stats.statuses[kind][response.status_code] += 1
    if response.status_code not in EXPECTED[kind]:
        stats.errors.append(f"{kind}: {response.status_code} {response.text[:200]}")
        code = response.json().get("error", "") if "json" in response.headers.get("content-type", "") else ""
        stats.error_kinds[f"{response.status_code} {code}".strip()] += 1
        return
    if kind == "post_article":
        if response.status_code == 201 and len(stats.posted) < 1000:
            stats.posted.append(body)
        stats.event_ids.extend(e["id"] for e in response.json().get("events", []))
        del stats.event_ids[:-5000]


def rss_mb(pid: int | None) -> float | None:
    """Resident memory of ``pid`` and its children (the extraction workers), in MB."""
    if pid is None:
        return None
    try:
        proc = psutil.Process(pid)
        procs = [proc, *proc.children(recursive=True)]
        return sum(p.memory_info().rss for p in procs if p.is_running() and "postgres" not in p.name()) / 1e6
    except psutil.Error:
        return None


async def pool_gauges(http: httpx.AsyncClient) -> dict[str, float]:
    text = (await http.get("/metrics")).text
    gauges = {}
    for line in text.splitlines():
        if line.startswith("db_pool_"):
            name, value = line.rsplit(" ", 1)
            gauges[name] = float(value)
    return gauges


def percentiles(values: list[float]) -> dict[str, float]:
    if not values:
        return {}
    ordered = sorted(values)
    q = statistics.quantiles(ordered, n=100) if len(ordered) > 1 else [ordered[0]] * 99
    return {
        "p50_ms": round(q[49] * 1000, 1),
        "p95_ms": round(q[94] * 1000, 1),
        "p99_ms": round(q[98] * 1000, 1),
        "max_ms": round(ordered[-1] * 1000, 1),
    }


async def soak(url: str, key: str, duration: float, concurrency: int, server_pid: int | None, seed: int) -> dict[str, Any]:
    stats = Stats()
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=url, timeout=120, limits=limits) as http:
        pool_before = await pool_gauges(http)
        rss_start = rss_mb(server_pid)
        deadline = time.monotonic() + duration
        samples: list[tuple[float, float]] = []
        serial = 0

        async def client(n: int) -> None:
            nonlocal serial
            rng = random.Random(seed * 1000 + n)
            while time.monotonic() < deadline:
                serial += 1
                await one_request(http, rng, stats, serial, key)

        async def sampler() -> None:
            t0 = time.monotonic()
            while time.monotonic() < deadline:
                value = rss_mb(server_pid)
                if value is not None:
                    samples.append((time.monotonic() - t0, value))
                await asyncio.sleep(2)

        started = time.monotonic()
        await asyncio.gather(sampler(), *(client(i) for i in range(concurrency)))
        elapsed = time.monotonic() - started
        await asyncio.sleep(1)  # let the last responses return their connections
        pool_after = await pool_gauges(http)
        rss_end = rss_mb(server_pid)

    warm = [v for t, v in samples if t >= duration / 10]
    rss_warm = warm[0] if warm else rss_start
    total = sum(sum(c.values()) for c in stats.statuses.values())
    all_latencies = [x for values in stats.latencies.values() for x in values]
    growth = (rss_end / rss_warm - 1) if rss_end and rss_warm else None
    leak = pool_after.get("db_pool_checked_out", 0.0) > 0
    return {
        "duration_s": round(elapsed, 1),
        "concurrency": concurrency,
        "requests": total,
        "requests_per_s": round(total / elapsed, 1) if elapsed else None,
        "errors": len(stats.errors),
        "error_kinds": dict(stats.error_kinds),
        "first_errors": stats.errors[:10],
        "by_kind": {
            kind: {"count": sum(stats.statuses[kind].values()), "statuses": dict(stats.statuses[kind])}
            | percentiles(stats.latencies[kind])
            for kind in sorted(stats.statuses)
        },
        "latency": percentiles(all_latencies),
        "memory_mb": {
            "start": rss_start and round(rss_start, 1),
            "after_warmup": rss_warm and round(rss_warm, 1),
            "end": rss_end and round(rss_end, 1),
            "max": round(max((v for _, v in samples), default=0.0), 1),
            "growth_after_warmup": growth if growth is None else round(growth, 3),
        },
        "pool_before": pool_before,
        "pool_after": pool_after,
        "ok": not stats.errors and not leak and (growth is None or growth < 0.2),
    }


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(data_dir: Path, port: int) -> tuple[subprocess.Popen[bytes], str]:
    env = os.environ | {"DATA_DIR": str(data_dir), "PORT": str(port), "LOG_LEVEL": "warning"}
    env.pop("DATABASE_URL", None)
    log = open(data_dir / "server.log", "wb")  # noqa: SIM115  (open for the server's lifetime)
    cmd = [sys.executable, "-m", "app.cli", "serve", "--port", str(port)]
    server = subprocess.Popen(cmd, cwd=REPO_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"the server exited with {server.returncode}; see {data_dir / 'server.log'}")
        try:
            if httpx.get(f"{url}/ready", timeout=2).status_code == 200:
                return server, url
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    server.terminate()
    raise SystemExit("the server did not become ready in 180 s")


def create_key(data_dir: Path) -> str:
    env = os.environ | {"DATA_DIR": str(data_dir), "MIGRATE_ON_START": "false"}
    env.pop("DATABASE_URL", None)
    out = subprocess.run(
        [sys.executable, "-m", "app.cli", "keys", "create", "--scope", "write", "--name", "soak", "--json"],
        cwd=REPO_ROOT, env=env, capture_output=True, text=True, check=True,
    )
    key: str = json.loads(out.stdout.strip().splitlines()[-1])["key"]
    return key


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--duration", type=float, default=float(os.environ.get("SOAK_SECONDS", 300)))
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--url", default=None, help="an already running server (default: start one)")
    parser.add_argument("--key", default=os.environ.get("SOAK_API_KEY"), help="write key for --url")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)

    server = None
    data_dir = None
    try:
        if args.url:
            url, key, pid = args.url, args.key or "", None
            for proc in psutil.process_iter(["cmdline"]):  # measure the server's memory if it is local
                if proc.info["cmdline"] and "serve" in proc.info["cmdline"] and "app.cli" in " ".join(proc.info["cmdline"]):
                    pid = proc.pid
        else:
            data_dir = Path(tempfile.mkdtemp(prefix="ce-soak-"))
            server, url = start_server(data_dir, free_port())
            key, pid = create_key(data_dir), server.pid
        report = asyncio.run(soak(url, key, args.duration, args.concurrency, pid, args.seed))
    finally:
        if server is not None:
            server.terminate()
            try:
                server.wait(30)
            except subprocess.TimeoutExpired:
                server.kill()
        if data_dir is not None:
            log = data_dir / "server.log"
            if log.exists():
                kept = Path(tempfile.gettempdir()) / f"ce-soak-server-{os.getpid()}.log"
                shutil.copy(log, kept)
                print(f"server log: {kept}", file=sys.stderr)
            shutil.rmtree(data_dir, ignore_errors=True)
    print(json.dumps(report, indent=2))
    return 0 if report["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
