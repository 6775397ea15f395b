"""Schemathesis against the app's own OpenAPI schema, in-process over ASGI, bounded for CI.

Every operation gets at most ``FUZZ_MAX_EXAMPLES`` generated requests (default 20; the environment
variable raises it for a longer local run). Two checks: no 5xx (``not_a_server_error``) and every
response as documented (``response_schema_conformance``). The app runs on a fresh database of its
own with its real lifespan (schemathesis runs the lifespan on its own event loop), extraction in a
thread, and a write key in ``X-API-Key`` so that writes are exercised when keys are required.
"""

from __future__ import annotations

import os

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis.checks import not_a_server_error
from schemathesis.generation.modes import GenerationMode
from schemathesis.specs.openapi.checks import response_schema_conformance

from app.auth import service as keys
from app.core import db
from app.core.config import Settings
from app.main import create_app

MAX_EXAMPLES = int(os.environ.get("FUZZ_MAX_EXAMPLES", "20"))
EXTRACT_TIMEOUT_S = 20.0
# Derandomized by default so that CI runs are repeatable; FUZZ_RANDOM=1 explores new inputs.
DERANDOMIZE = os.environ.get("FUZZ_RANDOM", "") not in ("1", "true")


def _describe(exc: BaseException) -> str:
    """The failure itself, not Hypothesis' wrapper ("unreliable results", exception groups)."""
    if isinstance(exc, BaseExceptionGroup):
        return "; ".join(_describe(e) for e in exc.exceptions)
    return f"{type(exc).__name__}: {exc}"


@pytest.fixture(scope="session")
async def fuzz_database(new_database) -> tuple[str, str]:
    """A fresh migrated database and a write key stored in it."""
    url: str = await new_database("ce_fuzz")
    await db.migrate(url)
    settings = Settings(_env_file=None, database_url=url, migrate_on_start=False)  # type: ignore[call-arg]
    engine = db.make_engine(url, settings)
    try:
        async with db.make_sessionmaker(engine)() as session, session.begin():
            _, clear = await keys.create_key(session, ["write"], name="fuzz")
    finally:
        await engine.dispose()
    return url, clear


@pytest.fixture(scope="session")
def fuzz_key(fuzz_database: tuple[str, str]) -> str:
    return fuzz_database[1]


@pytest.fixture(scope="session")
def fuzz_schema(fuzz_database: tuple[str, str]):
    url, _ = fuzz_database
    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        database_url=url,
        migrate_on_start=False,
        extract_workers=0,
        extract_timeout_s=EXTRACT_TIMEOUT_S,
        db_pool_size=8,
    )
    # Load lexicons and gazetteer now, not inside the first fuzzed request's time limit.
    from app.extraction import get_extractor

    get_extractor()
    return schemathesis.openapi.from_asgi("/openapi.json", create_app(settings))


# Each operation is driven through Hypothesis directly: ``schemathesis.pytest.from_fixture`` reads a
# pytest-internal attribute that pytest 9 no longer has.
def test_api_matches_its_schema_and_never_5xx(fuzz_schema, fuzz_key: str) -> None:
    """Valid and invalid requests to every operation: no 5xx, every response as documented."""
    failures: list[str] = []
    calls: dict[str, int] = {}
    for result in fuzz_schema.get_all_operations():
        operation = result.ok()
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            label = f"{operation.method.upper()} {operation.path} ({mode.value})"
            calls[label] = 0

            @given(case=operation.as_strategy(generation_mode=mode))
            @settings(
                max_examples=MAX_EXAMPLES,
                deadline=None,
                database=None,
                derandomize=DERANDOMIZE,
                suppress_health_check=list(HealthCheck),
            )
            def fuzz(case) -> None:
                calls[case.operation.label + f" ({case.meta.generation.mode.value})"] += 1
                case.call_and_validate(
                    headers={"X-API-Key": fuzz_key},
                    checks=[not_a_server_error, response_schema_conformance],
                    timeout=EXTRACT_TIMEOUT_S * 2,  # a slow text must end as 422 extraction_timeout
                )

            try:
                fuzz()
            except Unsatisfiable:
                # an operation without parameters or body has no invalid form to send
                if mode is GenerationMode.POSITIVE:
                    failures.append(f"{label}: no request could be generated")
            except Exception as exc:  # collect every operation's failure, then fail once
                failures.append(f"{label}: {_describe(exc)}")
    print("fuzzed requests per operation:", calls)
    assert not failures, "\n\n".join(failures)
    assert len(calls) >= 10, f"only {len(calls) // 2} operations in the schema"
    assert sum(calls.values()) >= len(calls) * min(MAX_EXAMPLES, 5), "too few requests were generated"
