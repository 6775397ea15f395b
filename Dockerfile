# syntax=docker/dockerfile:1
# Multi-stage: build the virtualenv with the package, then copy it into a slim image that runs as
# an unprivileged user. Used by docker-compose.yml (Postgres in its own container, DATABASE_URL set).

FROM python:3.11-slim AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1 PYTHONDONTWRITEBYTECODE=1
RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH
WORKDIR /src
# dependencies first (cached while only the code changes): install from pyproject's pins
COPY pyproject.toml README.md ./
RUN python -c "import tomllib; print('\n'.join(tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies']))" \
    > /tmp/requirements.txt
RUN pip install -r /tmp/requirements.txt
COPY app ./app
RUN pip install --no-deps .

FROM python:3.11-slim AS runtime
ENV PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1 PATH=/opt/venv/bin:$PATH \
    HOST=0.0.0.0 PORT=8000 DATA_DIR=/app/.data CONFLICT_EVENTS_CACHE=/app/.cache
RUN useradd --system --create-home --home-dir /home/app --uid 10001 app
COPY --from=build /opt/venv /opt/venv
WORKDIR /app
# migrations are read from the working directory (app/core/db.py: migrations_dir)
COPY alembic.ini ./
COPY alembic ./alembic
RUN mkdir -p /app/.data /app/.cache && chown -R app:app /app/.data /app/.cache
USER app
# build the gazetteer index into the image so the first request does not pay for it
RUN python -c "from app.extraction.geo import build_index; build_index()" || echo "gazetteer index will be built on first use"
EXPOSE 8000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
    CMD python -c "import os, urllib.request; urllib.request.urlopen(f'http://127.0.0.1:{os.environ.get(\"PORT\", \"8000\")}/health', timeout=2)"
# serve waits for the database (DB_WAIT_S), migrates to head, then serves
CMD ["conflict-events", "serve"]
