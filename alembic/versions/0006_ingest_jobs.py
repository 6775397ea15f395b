"""Batch ingestion: ``ingest_batch`` and ``ingest_item`` (ours) and procrastinate's job queue.

Procrastinate's tables, types and functions are created from the SQL the pinned library ships
(``procrastinate.schema.SchemaManager.get_schema()``) in a schema of their own, ``procrastinate``:
they stay out of ``public`` (and of the comparison of our models with the database), and the
downgrade drops them with that schema. The queue's connections put ``procrastinate`` on their
``search_path`` (``app/jobs/queue.py``).

Upgrading procrastinate past 3.10 means a new migration applying its own migration scripts
(``procrastinate.schema.SchemaManager.get_migrations_path()``) inside that schema.

Revision ID: 0006_ingest_jobs
Revises: 0005_event_actor_date
Create Date: 2026-11-24
"""

from collections.abc import Sequence

import sqlalchemy as sa
from procrastinate.schema import SchemaManager
from sqlalchemy.dialects import postgresql
from sqlalchemy.util import await_only

from alembic import context, op

revision: str = "0006_ingest_jobs"
down_revision: str | None = "0005_event_actor_date"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SCHEMA = "procrastinate"


def _run_script(sql: str) -> None:
    """Run a multi-statement script (functions with ``$$`` bodies) in the migration's transaction.

    asyncpg prepares what SQLAlchemy sends, and a prepared statement holds one command: the script
    goes to the driver connection's ``execute`` (the simple query protocol) instead.
    """
    if context.is_offline_mode():
        op.execute(sql)
        return
    driver = op.get_bind().connection.driver_connection
    await_only(driver.execute(sql))  # type: ignore[union-attr]


def upgrade() -> None:
    op.create_table(
        "ingest_batch",
        sa.Column("id", sa.BigInteger(), autoincrement=True, nullable=False),
        sa.Column("status", sa.Text(), server_default="queued", nullable=False),
        sa.Column("item_count", sa.Integer(), nullable=False),
        sa.Column("chunk_size", sa.Integer(), nullable=False),
        sa.Column("idempotency_key", sa.Text(), nullable=True),
        sa.Column("request_sha256", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.Column("enqueued_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint(
            "status IN ('queued', 'running', 'done', 'failed')", name="ck_ingest_batch_status_valid"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_ingest_batch"),
        sa.UniqueConstraint("idempotency_key", name="uq_ingest_batch_idempotency_key"),
    )
    op.create_table(
        "ingest_item",
        sa.Column("batch_id", sa.BigInteger(), nullable=False),
        sa.Column("position", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("input", postgresql.JSONB(), nullable=False),
        sa.Column("status", sa.Text(), server_default="queued", nullable=False),
        sa.Column("attempts", sa.Integer(), server_default="0", nullable=False),
        sa.Column("worker", sa.Text(), nullable=True),
        sa.Column("source_id", sa.BigInteger(), nullable=True),
        sa.Column("created", sa.Boolean(), nullable=True),
        sa.Column("event_ids", postgresql.ARRAY(sa.BigInteger()), nullable=True),
        sa.Column("error", postgresql.JSONB(), nullable=True),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint(
            "status IN ('queued', 'running', 'done', 'failed')", name="ck_ingest_item_status_valid"
        ),
        sa.ForeignKeyConstraint(
            ["batch_id"], ["ingest_batch.id"], name="fk_ingest_item_batch_id_ingest_batch", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("batch_id", "position", name="pk_ingest_item"),
    )
    op.execute(f"CREATE SCHEMA {SCHEMA}")
    # procrastinate's script names no schema: it creates its objects first on the search path. The
    # path is put back right after, so that later migrations of the same run write to public again.
    op.execute(f"SET LOCAL search_path TO {SCHEMA}")
    _run_script(SchemaManager.get_schema())
    op.execute("RESET search_path")


def downgrade() -> None:
    op.execute(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE")
    op.drop_table("ingest_item")
    op.drop_table("ingest_batch")
