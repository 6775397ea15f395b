"""``make run``'s path: no DATABASE_URL, an embedded Postgres whose data outlives the server."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import httpx
import psutil
import pytest

from app.core import embedded_pg

from .conftest import running_server

ARTICLE = {
    "text": "Protesters blocked the main road in Kisumu on 7 July 2023 to denounce rising fuel prices; "
    "police dispersed them with tear gas.",
    "published_at": "2023-07-08",
}


def postgres_running(pgdata: Path) -> bool:
    for proc in psutil.process_iter(["name", "cmdline"]):
        cmdline = proc.info.get("cmdline") or []
        if proc.info.get("name") == "postgres" and str(pgdata) in cmdline:
            return True
    return False


@pytest.fixture
def data_dir() -> Path:  # type: ignore[misc]
    path = Path(tempfile.mkdtemp(prefix="ce-e2e-data-"))
    yield path
    shutil.rmtree(path, ignore_errors=True)


def test_embedded_database_persists_between_runs_and_stops_with_the_server(
    data_dir: Path, tmp_path: Path
) -> None:
    # this test is about the embedded database; writes are opened explicitly, as documented
    env = {"DATA_DIR": str(data_dir), "AUTH_DISABLED": "true"}
    with running_server(env, tmp_path / "first.log", drop=("DATABASE_URL",)) as base:
        created = httpx.post(f"{base}/articles", json=ARTICLE, timeout=120)
        assert created.status_code == 201, created.text
        source_id = created.json()["source"]["id"]
        assert postgres_running(data_dir / "pg")
    assert not postgres_running(data_dir / "pg"), "the embedded server should stop with the API"

    with running_server(env, tmp_path / "second.log", drop=("DATABASE_URL",)) as base:
        again = httpx.post(f"{base}/articles", json=ARTICLE, timeout=120)
        assert again.status_code == 200
        assert again.json()["source"]["id"] == source_id
        sources = httpx.get(f"{base}/sources", timeout=30).json()["items"]
        assert [s["id"] for s in sources] == [source_id]


def test_stopping_the_server_leaves_no_extraction_workers_behind(data_dir: Path, tmp_path: Path) -> None:
    with running_server(
        {"DATA_DIR": str(data_dir), "EXTRACT_WORKERS": "2", "AUTH_DISABLED": "true"}, tmp_path / "s.log",
        drop=("DATABASE_URL",),
    ) as base:
        assert httpx.post(f"{base}/extract", json=ARTICLE, timeout=120).status_code == 200
        port = base.rsplit(":", 1)[1]
        workers = [
            p
            for p in psutil.process_iter(["cmdline", "environ"])
            if "multiprocessing" in " ".join(p.info.get("cmdline") or [])
            and (p.info.get("environ") or {}).get("PORT") == port
        ]
        assert workers, "the pool should have spawned its workers"
    _, alive = psutil.wait_procs(workers, timeout=10)
    assert alive == []


def _shared_buffers(server: embedded_pg.EmbeddedServer) -> str:
    return embedded_pg._psql(server, "SHOW shared_buffers").strip()


def test_the_embedded_server_runs_with_the_shared_buffers_asked_for(data_dir: Path) -> None:
    server = embedded_pg.start(data_dir, shared_buffers_mb=160)  # a new cluster: restarted once
    try:
        assert _shared_buffers(server) == "160MB"
    finally:
        embedded_pg.stop(data_dir)
    server = embedded_pg.start(data_dir, shared_buffers_mb=192)  # the file is written before the start
    try:
        assert _shared_buffers(server) == "192MB"
        # an operator's ALTER SYSTEM wins over our file, and is not restarted away
        embedded_pg._psql(server, "ALTER SYSTEM SET shared_buffers = '176MB'")
    finally:
        embedded_pg.stop(data_dir)
    server = embedded_pg.start(data_dir, shared_buffers_mb=192)
    try:
        assert _shared_buffers(server) == "176MB"
    finally:
        embedded_pg.stop(data_dir)
    assert not postgres_running(data_dir / "pg")


def test_the_default_shared_buffers_are_at_most_a_quarter_of_the_memory_within_bounds() -> None:
    default = embedded_pg.default_shared_buffers_mb()
    assert embedded_pg.MIN_SHARED_BUFFERS_MB <= default <= embedded_pg.MAX_SHARED_BUFFERS_MB
    quarter = psutil.virtual_memory().total // 4 // 2**20
    assert default <= quarter or default == embedded_pg.MIN_SHARED_BUFFERS_MB
