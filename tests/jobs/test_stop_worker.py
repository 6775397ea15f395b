"""Stopping the in-process worker ends even when its graceful shutdown hangs."""

from __future__ import annotations

import asyncio

from app.jobs import queue as jobs_queue


async def test_a_worker_whose_graceful_shutdown_hangs_is_cancelled_again_past_its_grace() -> None:
    stuck = asyncio.Event()  # never set: a listener waiting on a connection the database dropped

    async def worker() -> None:
        try:
            await asyncio.sleep(3600)
        except asyncio.CancelledError:
            await stuck.wait()  # the graceful shutdown waits for it ... until cancelled again
            raise

    task = asyncio.create_task(worker())
    await asyncio.sleep(0)
    loop = asyncio.get_running_loop()
    started = loop.time()
    await asyncio.wait_for(jobs_queue.stop_worker(task, grace_s=0.1), timeout=10)
    assert task.done()
    assert loop.time() - started < jobs_queue.STOP_MARGIN_S * 2 + 1
