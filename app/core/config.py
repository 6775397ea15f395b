"""One place for configuration: environment variables (or a ``.env`` file) read into ``Settings``."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


def _default_workers() -> int:
    return min(2, os.cpu_count() or 1)


class Settings(BaseSettings):
    """Service settings; every field is an environment variable of the same name in upper case."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    database_url: str | None = Field(
        default=None,
        description="postgresql+asyncpg://user:pass@host:port/db of an external Postgres >= 15; "
        "unset: an embedded Postgres is started with its data in DATA_DIR/pg.",
    )
    data_dir: Path = Field(default=Path(".data"), description="Where the embedded Postgres keeps its data.")
    pg_shared_buffers_mb: int | None = Field(
        default=None, ge=16,
        description="shared_buffers of the embedded Postgres in MB; unset: a quarter of the memory, "
        "between 128 and 1024 (app.core.embedded_pg.default_shared_buffers_mb).",
    )
    host: str = "127.0.0.1"
    port: int = 8000
    log_level: str = "info"
    migrate_on_start: bool = Field(default=True, description="Run `alembic upgrade head` at start-up.")
    extract_workers: int = Field(
        default_factory=_default_workers,
        description="Processes running the extractor; 0 runs it in a thread of the API process.",
    )
    extract_timeout_s: float = Field(default=60.0, gt=0, description="Time limit of one extraction.")
    extract_nice: int = Field(
        default=5, ge=0, le=19,
        description="Niceness of the extraction processes: queries keep the CPU when ingest is heavy.",
    )
    shutdown_grace_s: float = Field(
        default=5.0, ge=0,
        description="After SIGTERM or SIGINT: how long requests in flight and running batch jobs get to "
        "finish (each, one after the other) before they are cut short; a job cut short is retried.",
    )
    max_body_bytes: int = Field(default=1_000_000, gt=0, description="Larger request bodies get 413.")
    db_pool_size: int = Field(
        default=20, ge=1,
        description="Connections one process opens to the database at most; each is kept once opened.",
    )
    db_connect_timeout_s: float = Field(default=5.0, gt=0)
    db_wait_s: float = Field(default=30.0, ge=0, description="How long start-up waits for the database.")
    batch_max_body_bytes: int = Field(
        default=20_000_000, gt=0, description="Body limit of POST /articles/batch (larger bodies get 413)."
    )
    jobs_chunk_size: int = Field(
        default=10, ge=1, le=1000, description="Articles per queued job: the unit workers share."
    )
    jobs_inprocess_worker: bool = Field(
        default=True, description="`serve` also runs a job worker in the API process."
    )
    jobs_worker_concurrency: int = Field(
        default=0, ge=0, description="Jobs one worker runs at once; 0: twice the extraction processes."
    )

    @field_validator("database_url")
    @classmethod
    def _async_driver(cls, value: str | None) -> str | None:
        """Accept plain ``postgresql://`` / ``postgres://`` URLs and use asyncpg for them."""
        if not value:
            return None
        for prefix in ("postgresql://", "postgres://"):
            if value.startswith(prefix):
                return "postgresql+asyncpg://" + value[len(prefix) :]
        return value


@lru_cache
def get_settings() -> Settings:
    """The process-wide settings, read once from the environment."""
    return Settings()
