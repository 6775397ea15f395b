"""Indexes found missing by the scale benchmark (bench/query.py at 1M events, docs/performance.md).

* ``ix_event_sub_event_type_lower_date``: ``sub_event_type`` + ``min_fatalities`` read newest first;
  for rare types the old single-column index meant a bitmap of every row of the type and a sort,
  now an ordered scan of the type that stops after one page.
* ``ix_event_country_lower_date``: ``country=`` is ``iso3 IN (...) OR lower(country) IN (...)``; with
  no index on the second arm the OR could use neither, and a country + date window fell back to
  scanning every event of the window. With both arms indexed Postgres can BitmapOr them
  (Germany, one year: 7.0 ms -> 1.2 ms).

Both are plain B-trees that ``bench.dataset`` also rebuilds after its COPY.

Revision ID: 0003_bench_indexes
Revises: 0002_api_keys
Create Date: 2026-11-24
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0003_bench_indexes"
down_revision: str | None = "0002_api_keys"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute(
        "CREATE INDEX IF NOT EXISTS ix_event_sub_event_type_lower_date "
        "ON event (lower(sub_event_type), event_date DESC, id DESC)"
    )
    op.execute(
        "CREATE INDEX IF NOT EXISTS ix_event_country_lower_date ON event (lower(country), event_date DESC, id DESC)"
    )


def downgrade() -> None:
    op.execute("DROP INDEX IF EXISTS ix_event_country_lower_date")
    op.execute("DROP INDEX IF EXISTS ix_event_sub_event_type_lower_date")
