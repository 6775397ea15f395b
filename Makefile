# Two commands on a fresh machine: `make run` and `make test`. Everything else is optional.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install run migrate test test-api test-e2e lint format bench-extract bench-data bench-query bench-ingest bench-soak eval clean clean-data

# Re-installs only when pyproject.toml changes (or the venv is missing).
$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@$(BIN)/python -c "from app.extraction.geo import build_index; build_index()" \
		|| echo "note: gazetteer index not built now; it is built on first use"
	@touch $(STAMP)

install: $(STAMP) ## the venv with the console script .venv/bin/conflict-events

run: install ## migrate and serve on http://$${HOST:-127.0.0.1}:$${PORT:-8000} (embedded Postgres unless DATABASE_URL)
	$(BIN)/conflict-events serve

migrate: install
	$(BIN)/conflict-events migrate

test: install ## the whole suite (embedded Postgres unless TEST_DATABASE_URL)
	$(BIN)/python -m pytest -q

test-api: install
	$(BIN)/python -m pytest -q tests/api

test-e2e: install
	$(BIN)/python -m pytest -q tests/e2e

lint: install ## ruff and mypy
	$(BIN)/ruff check app tests alembic
	$(BIN)/mypy app

format: install
	$(BIN)/ruff check --fix app tests alembic
	$(BIN)/ruff format app tests alembic

bench-extract: install ## extraction speed (bench/extract.sh)
	bash bench/extract.sh

bench-soak: install ## soak: mixed ingest and queries at concurrency 32 for SOAK_SECONDS (default 300)
	$(BIN)/python tests/hardening/soak.py --duration $${SOAK_SECONDS:-300} --concurrency 32

eval: install ## extraction quality on ../shared/eval (dev sets, MUC-4, seed case); skipped when absent
	$(BIN)/python bench/eval.py

bench-data: install ## load (or reuse) the 1M-event benchmark data set (.data/bench-pg, or DATABASE_URL)
	nice -n 10 $(BIN)/python -m bench.dataset $(BENCH_ARGS)

bench-query: install ## query mix at concurrency 16, API vs direct SQL; last line: query p95_ms=... api_over_sql=... events=...
	$(BIN)/python -m bench.query $(BENCH_ARGS)

bench-ingest: install ## POST /articles per second (short and 3 KB texts) with query p95 measured alongside
	$(BIN)/python -m bench.ingest $(BENCH_ARGS)

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache *.egg-info

clean-data: ## stop the embedded Postgres and delete its data (DATA_DIR, default .data)
	-$(BIN)/python -c "from pathlib import Path; import os; from app.core import embedded_pg; embedded_pg.force_stop(Path(os.environ.get('DATA_DIR', '.data')))"
	rm -rf $${DATA_DIR:-.data}
