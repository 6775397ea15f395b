"""Runs the CPU-bound extractor off the event loop, with a time limit.

``EXTRACT_WORKERS >= 1``: a process pool (spawned, so no forked event loop or DB connection) whose
workers load the extractor once at start. ``EXTRACT_WORKERS = 0``: a thread pool in this process
(used by the in-process API tests and handy when debugging).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Iterator
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from datetime import date
from multiprocessing.connection import wait as wait_for_ready
from multiprocessing.process import BaseProcess
from typing import TYPE_CHECKING

from app.core.errors import ExtractionTimeoutError, ExtractionUnavailableError

if TYPE_CHECKING:  # the engine is imported in the workers only, so the API starts without it
    from app.extraction.types import Event

logger = logging.getLogger(__name__)


# How long terminated workers get to exit before they are killed (SIGTERM ends them at once: they
# install no handler for it; this covers a worker stuck in the kernel).
_JOIN_S = 5.0


def _exit_with_parent() -> None:
    """End this worker as soon as the process that spawned it is gone, even if that one was killed
    (SIGKILL, OOM) and could not stop its pool: otherwise the worker waits for work forever, with
    parent 1. The parent's sentinel (a pipe the parent holds open) becomes readable when it exits."""
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        wait_for_ready([parent.sentinel])
        os._exit(0)  # nothing to flush: a worker only computes

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def _warm_up(nice: int = 0) -> None:
    """Process-pool initializer: leave SIGINT to the parent (Ctrl-C signals the whole process group;
    the parent stops the pool; see ``_sigint_blocked``), exit with the parent, lower the worker's
    priority (reads answered by the API process keep the CPU while articles are coded), then load
    lexicons and gazetteer once."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _exit_with_parent()
    if nice > 0 and hasattr(os, "nice"):
        try:
            os.nice(nice)
        except OSError:  # not permitted here: run at the normal priority
            logging.getLogger(__name__).warning("could not lower the extraction workers' priority")
    try:
        from app.extraction import get_extractor

        get_extractor()
    except Exception:  # a broken engine must not kill the pool: extract() reports it per request
        logging.getLogger(__name__).exception("extractor failed to load in worker")


def _noop() -> None:
    return None


def _extract(text: str, published_at: date | None) -> list[Event]:
    from app.extraction import get_extractor

    return get_extractor().extract(text, published_at)


@contextmanager
def _sigint_blocked() -> Iterator[None]:
    """Block SIGINT in this thread while it spawns workers: they inherit the mask, so a Ctrl-C
    (sent to the whole process group) never interrupts them, not even while they import; the
    parent stops them. A SIGINT that arrives meanwhile waits and is then delivered here."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _stop_pool(pool: ProcessPoolExecutor) -> list[BaseProcess]:
    """Cancel the queued jobs of ``pool`` and terminate its workers, running jobs included; returns
    the workers, to be joined."""
    processes = list((getattr(pool, "_processes", None) or {}).values())  # CPython's pool internals
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()
    return processes


def _running(process: BaseProcess) -> bool:
    """Whether a stopped worker still runs. Not ``is_alive()``: the pool's manager thread joins the
    workers too, and a worker it has reaped looks alive to ``is_alive()`` (its ``waitpid`` fails)."""
    if process.exitcode is not None or process.pid is None:
        return False
    try:
        os.kill(process.pid, 0)
    except ProcessLookupError:
        return False
    return True


def _join(processes: list[BaseProcess], timeout_s: float) -> None:
    """Wait up to ``timeout_s`` for stopped workers to exit; kill those still running."""
    deadline = time.monotonic() + timeout_s
    for process in processes:
        process.join(max(0.0, deadline - time.monotonic()))
    for process in filter(_running, processes):
        logger.warning("extraction worker %s did not stop in %g s; killing it", process.pid, timeout_s)
        with contextlib.suppress(ProcessLookupError):
            os.kill(process.pid or 0, signal.SIGKILL)


class ExtractionRunner:
    """Owns the executor; ``await runner.extract(text, published_at)`` returns the coded events."""

    def __init__(self, workers: int, timeout_s: float, nice: int = 0) -> None:
        self.workers = workers
        self.timeout_s = timeout_s
        self.nice = nice
        self._executor: Executor | None = None

    def start(self) -> None:
        if self._executor is not None:
            return
        if self.workers <= 0:
            self._executor = ThreadPoolExecutor(max_workers=2, thread_name_prefix="extract")
        else:
            pool = ProcessPoolExecutor(
                max_workers=self.workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_warm_up,
                initargs=(self.nice,),
            )
            # Workers spawn on demand: start them now so that they load the extractor while the
            # service starts, not during the first request (which would count against its time limit).
            with _sigint_blocked():
                for _ in range(self.workers):
                    pool.submit(_noop)
            self._executor = pool

    def shutdown(self) -> None:
        """Drop the executor without waiting (after a broken pool; the process keeps running)."""
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = None

    def _replace_pool(self) -> None:
        """After a time-out, a process pool is replaced and its workers killed: a runaway text must
        not keep a worker busy for minutes. Other jobs of the old pool fail with 503 and a retry."""
        if not isinstance(self._executor, ProcessPoolExecutor):
            return  # a thread cannot be killed; it finishes in the background
        old, self._executor = self._executor, None
        processes = _stop_pool(old)
        logger.warning("extraction timed out; replaced the worker pool (%d worker(s) stopped)", len(processes))
        self.start()

    async def aclose(self) -> None:
        """Stop the workers now and wait until they have exited.

        Called once the service takes no more work (uvicorn has drained the requests, the job worker
        has stopped): a job still running then has nobody waiting for its result, so it is not
        waited for. (Waiting for it, up to ``EXTRACT_TIMEOUT_S``, kept a stopped server alive past
        its process manager's patience, which then killed it and left the workers behind.) The
        workers must have exited before we return: uvicorn re-raises SIGTERM once the app has shut
        down, and workers not joined by then would be left as orphans.
        """
        executor, self._executor = self._executor, None
        if executor is None:
            return
        if isinstance(executor, ProcessPoolExecutor):
            processes = _stop_pool(executor)
            await asyncio.to_thread(_join, processes, _JOIN_S)
        else:  # a thread cannot be stopped: a running extraction finishes in the background
            executor.shutdown(wait=False, cancel_futures=True)

    async def extract(self, text: str, published_at: date | None) -> list[Event]:
        """The events of ``text``; 422 ``extraction_timeout`` past the limit, 503 if the engine fails."""
        if self._executor is None:
            self.start()
        assert self._executor is not None
        loop = asyncio.get_running_loop()
        try:
            future = loop.run_in_executor(self._executor, _extract, text, published_at)
        except RuntimeError as exc:  # the pool is shutting down or broken
            self.shutdown()
            raise ExtractionUnavailableError("the extraction pool is restarting; retry shortly") from exc
        # asyncio.wait, not wait_for: a TimeoutError raised *inside* the engine is a bug, not a timeout
        done, _ = await asyncio.wait({future}, timeout=self.timeout_s)
        if not done:
            future.cancel()  # a job still queued is dropped
            self._replace_pool()
            raise ExtractionTimeoutError(
                f"extraction took longer than {self.timeout_s:g} s; send a shorter text", field="text"
            )
        try:
            return future.result()
        except (NotImplementedError, ImportError) as exc:
            raise ExtractionUnavailableError(f"the extraction engine is not available: {exc}") from exc
        except BrokenProcessPool as exc:
            logger.error("extraction pool broke; restarting it")
            self.shutdown()
            raise ExtractionUnavailableError("an extraction worker died; retry shortly") from exc
