"""The ``conflict-events`` command: serve, migrate, ingest, worker, extract, gazetteer, keys."""

from __future__ import annotations

import argparse
import asyncio
import logging
import math
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

logger = logging.getLogger("conflict_events")


def _configure_logging(level: str) -> None:
    logging.basicConfig(level=level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s")


# --- serve / migrate ---------------------------------------------------------------------------


def cmd_serve(args: argparse.Namespace) -> int:
    """Migrate, then serve the API with uvicorn (one process; extraction runs in a process pool)."""
    import uvicorn

    from app.core.config import get_settings
    from app.core.logging import configure_logging
    from app.main import create_app

    settings = get_settings()
    host = args.host or settings.host
    port = args.port or settings.port
    configure_logging(args.log_level or settings.log_level)  # JSON lines on stdout, with request ids
    uvicorn.run(
        create_app(settings),
        host=host,
        port=port,
        log_level=settings.log_level.lower(),
        log_config=None,  # keep our handlers: uvicorn's loggers propagate to the JSON root handler
        access_log=False,  # RequestIdMiddleware writes the access line
        timeout_graceful_shutdown=math.ceil(settings.shutdown_grace_s),  # then requests in flight end
    )
    return 0


def cmd_migrate(args: argparse.Namespace) -> int:
    """``alembic upgrade head`` on DATABASE_URL or the embedded server."""
    from app.core import db
    from app.core.config import get_settings

    async def run() -> None:
        url = await db.resolve_database_url(get_settings())
        await db.migrate(url)
        print(f"database at {db.head_revision(url)}: {db.redacted(url)}")

    asyncio.run(run())
    return 0


# --- ingest ------------------------------------------------------------------------------------


def _count_lines(path: Path) -> int:
    with path.open("rb") as fh:
        return sum(1 for line in fh if line.strip())


def cmd_ingest(args: argparse.Namespace) -> int:
    """Store each JSON line (an article: ``text`` plus optional url/title/publisher/published_at/
    language) with its events, one transaction per article, exactly as ``POST /articles`` does.

    The file is streamed; at most ``2 x EXTRACT_WORKERS`` articles are in flight. Bad lines are
    reported and skipped. Exit status 1 only when no line could be stored.
    """
    from pydantic import ValidationError
    from tqdm import tqdm

    from app.articles.schemas import ArticleIn
    from app.articles.service import submit_article
    from app.core import db
    from app.core.config import get_settings
    from app.core.errors import AppError
    from app.core.extraction_runner import ExtractionRunner

    settings = get_settings()
    path = Path(args.file)
    try:
        total = _count_lines(path)
    except OSError as exc:
        print(f"cannot read {path}: {exc}", file=sys.stderr)
        return 2

    async def run() -> dict[str, int]:
        url = await db.resolve_database_url(settings)
        engine = db.make_engine(url, settings)
        if settings.migrate_on_start:
            await db.wait_for_database(engine, settings.db_wait_s)
            await db.migrate(url)
        maker = db.make_sessionmaker(engine)
        runner = ExtractionRunner(settings.extract_workers, settings.extract_timeout_s, settings.extract_nice)
        runner.start()
        counts = {"created": 0, "existing": 0, "failed": 0, "events": 0}
        queue: asyncio.Queue[tuple[int, str] | None] = asyncio.Queue(maxsize=64)
        bar = tqdm(total=total, unit="article", desc=path.name, disable=args.quiet)

        def skip(lineno: int, reason: str) -> None:
            counts["failed"] += 1
            tqdm.write(f"{path}:{lineno}: skipped: {reason}", file=sys.stderr)

        async def consume() -> None:
            while (item := await queue.get()) is not None:
                lineno, line = item
                try:
                    article = ArticleIn.model_validate_json(line)
                    async with maker() as session:
                        result, created = await submit_article(session, runner, article)
                        await session.commit()
                    counts["created" if created else "existing"] += 1
                    if created:
                        counts["events"] += len(result.events)
                except ValidationError as exc:
                    first = exc.errors()[0]
                    where = ".".join(str(p) for p in first.get("loc", ())) or "line"
                    skip(lineno, f"{where}: {first.get('msg')}")
                except AppError as exc:
                    skip(lineno, f"{exc.code}: {exc.detail}")
                except Exception as exc:  # an engine bug on one article must not stop the file
                    logger.exception("%s:%d: failed", path, lineno)
                    skip(lineno, f"{type(exc).__name__}: {exc}")
                finally:
                    bar.update(1)

        consumers = [asyncio.create_task(consume()) for _ in range(max(1, settings.extract_workers) * 2)]
        try:
            with path.open(encoding="utf-8") as fh:  # noqa: ASYNC230 (a local file, read line by line)
                for lineno, line in enumerate(fh, 1):
                    if line.strip():
                        await queue.put((lineno, line))
            for _ in consumers:
                await queue.put(None)
            await asyncio.gather(*consumers)
        finally:
            bar.close()
            await runner.aclose()
            await engine.dispose()
            if not settings.database_url:
                from app.core import embedded_pg

                await asyncio.to_thread(embedded_pg.stop, settings.data_dir)
        return counts

    counts = asyncio.run(run())
    print(
        f"{counts['created']} articles stored with {counts['events']} events, "
        f"{counts['existing']} already stored, {counts['failed']} failed"
    )
    return 1 if counts["failed"] and not (counts["created"] or counts["existing"]) else 0


# --- worker ------------------------------------------------------------------------------------


def cmd_worker(args: argparse.Namespace) -> int:
    """Run a job worker: it takes the chunks of ``POST /articles/batch`` batches from the queue and
    stores their articles as ``POST /articles`` does, until SIGINT/SIGTERM (running jobs finish first).

    Any number of workers, on one machine or many, may share one database: each job goes to one of them.
    """
    from app.core import db
    from app.core.config import get_settings
    from app.core.extraction_runner import ExtractionRunner
    from app.jobs import queue as jobs_queue
    from app.jobs.service import WorkerResources

    settings = get_settings()
    concurrency = args.concurrency or jobs_queue.concurrency(settings)
    if concurrency < 1:
        print("--concurrency must be at least 1", file=sys.stderr)
        return 2

    async def run() -> None:
        url = await db.resolve_database_url(settings)
        engine = db.make_engine(url, settings)
        runner = ExtractionRunner(settings.extract_workers, settings.extract_timeout_s, settings.extract_nice)
        try:
            await db.wait_for_database(engine, settings.db_wait_s)
            if settings.migrate_on_start:
                await db.migrate(url)
            runner.start()
            resources = WorkerResources(db.make_sessionmaker(engine), runner)
            name = args.name or jobs_queue.worker_name()
            queue = jobs_queue.make_queue(url, max_connections=concurrency + 3)
            async with queue.open_async():
                logger.info("worker %s: concurrency %d on %s", name, concurrency, db.redacted(url))
                options = jobs_queue.worker_options(
                    resources, concurrency, name, install_signal_handlers=True, grace_s=settings.shutdown_grace_s
                )
                await queue.run_worker_async(**options)
        finally:
            await runner.aclose()
            await engine.dispose()
            if not settings.database_url:
                from app.core import embedded_pg

                await asyncio.to_thread(embedded_pg.stop, settings.data_dir)

    asyncio.run(run())
    return 0


# --- commands owned by the extraction library --------------------------------------------------


def _add_library_command(subparsers: Any, name: str, module: str, func: str, help_text: str) -> None:
    """Let the extraction library add its own subcommand; if it cannot, the command says why."""
    try:
        mod = __import__(module, fromlist=[func])
        getattr(mod, func)(subparsers)
    except Exception as exc:  # the library is written in parallel: never break the other commands
        reason = f"{type(exc).__name__}: {exc}"
        parser = subparsers.add_parser(name, help=f"{help_text} (unavailable)", add_help=False)
        parser.add_argument("rest", nargs=argparse.REMAINDER)

        def unavailable(args: argparse.Namespace) -> int:
            print(
                f"`conflict-events {name}` is not available: {module}.{func} failed to load ({reason})",
                file=sys.stderr,
            )
            return 2

        parser.set_defaults(func=unavailable)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="conflict-events", description="News text in, ACLED-style conflict events out."
    )
    parser.add_argument("--log-level", default=None, help="debug, info, warning (default: LOG_LEVEL or info)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    serve = sub.add_parser(
        "serve", help="migrate and serve the HTTP API (HOST, PORT, DATABASE_URL, DATA_DIR)"
    )
    serve.add_argument("--host", default=None, help="default: HOST or 127.0.0.1")
    serve.add_argument("--port", type=int, default=None, help="default: PORT or 8000")
    serve.set_defaults(func=cmd_serve)

    migrate = sub.add_parser("migrate", help="alembic upgrade head on DATABASE_URL or the embedded server")
    migrate.set_defaults(func=cmd_migrate)

    ingest = sub.add_parser("ingest", help="store the articles of a JSON-lines file with their events")
    ingest.add_argument(
        "file", help="one JSON object per line: {text, url?, title?, publisher?, published_at?, language?}"
    )
    ingest.add_argument("--quiet", action="store_true", help="no progress bar")
    ingest.set_defaults(func=cmd_ingest)

    worker = sub.add_parser(
        "worker", help="process queued batches (POST /articles/batch); run as many as you like"
    )
    worker.add_argument(
        "--concurrency",
        type=int,
        default=None,
        help="jobs run at once (default: JOBS_WORKER_CONCURRENCY, else 2 x EXTRACT_WORKERS)",
    )
    worker.add_argument("--name", default=None, help="shown in logs and job results (default: host:pid)")
    worker.set_defaults(func=cmd_worker)

    _add_library_command(
        sub, "extract", "app.extraction.cli", "add_extract_command", "code texts into events"
    )
    _add_library_command(
        sub, "gazetteer", "app.extraction.geo.cli", "add_gazetteer_command", "build or load the gazetteer"
    )
    _add_library_command(sub, "keys", "app.cli_keys", "add_keys_command", "create, revoke and list API keys")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from app.core.config import get_settings

    _configure_logging(args.log_level or get_settings().log_level)
    started = datetime.now()
    code = args.func(args)
    logger.debug("%s finished in %s", args.command, datetime.now() - started)
    return int(code or 0)


if __name__ == "__main__":
    sys.exit(main())
