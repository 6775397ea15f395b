"""A text that runs past the extraction time limit gets 422, and its worker does not run on."""

from __future__ import annotations

from datetime import date

import pytest

from app.core.errors import ExtractionTimeoutError
from app.core.extraction_runner import ExtractionRunner


async def test_a_timed_out_extraction_replaces_the_worker_pool_and_the_next_text_is_coded() -> None:
    runner = ExtractionRunner(workers=1, timeout_s=120)
    runner.start()
    try:
        warm = await runner.extract("Gunmen killed two traders in Mandera town on 3 March 2024.", date(2024, 3, 4))
        assert warm, "the worker should code a plain report"
        old_pool = runner._executor
        runner.timeout_s = 0.001
        with pytest.raises(ExtractionTimeoutError):
            await runner.extract("Gunmen killed two traders in Mandera town. " * 2000, date(2024, 3, 4))
        assert runner._executor is not old_pool
        runner.timeout_s = 120
        events = await runner.extract("Gunmen killed two traders in Mandera town on 3 March 2024.", date(2024, 3, 4))
        assert events and events[0].fatalities == 2
    finally:
        await runner.aclose()


async def test_extraction_workers_run_at_a_lower_priority_than_the_api() -> None:
    import asyncio
    import os

    runner = ExtractionRunner(workers=1, timeout_s=120, nice=5)
    runner.start()
    try:
        assert runner._executor is not None
        worker_nice = await asyncio.wrap_future(runner._executor.submit(os.nice, 0))
        assert worker_nice >= min(os.nice(0) + 5, 19)
    finally:
        await runner.aclose()
