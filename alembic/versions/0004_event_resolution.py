"""One event, many sources: each source's own figures on ``event_source``, the ``event_change`` feed,
indexes for ``updated_since`` and for resolving coarse-dated events.

* ``event_source.fatalities``, ``injuries``, ``report`` (JSONB: the source's own coding of the event,
  actors by role and its ``published_at``); existing rows are filled from their event.
* ``event_change``: append-only (bigserial cursor), one ``created`` row per existing event so that a
  client replaying from 0 sees every event.
* ``ix_event_updated_at_id`` (``GET /events?updated_since=``) and ``ix_event_iso3_event_date_coarse``
  (partial, ``time_precision > 1``: week- or month-precise events a new report may match).

Revision ID: 0004_event_resolution
Revises: 0003_bench_indexes
Create Date: 2026-11-24
"""

from collections.abc import Sequence

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

from alembic import op

revision: str = "0004_event_resolution"
down_revision: str | None = "0003_bench_indexes"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _actors(role: str) -> str:
    return (
        "coalesce((SELECT string_agg(a.name, '; ' ORDER BY ea.position) FROM event_actor ea "
        f"JOIN actor a ON a.id = ea.actor_id WHERE ea.event_id = e.id AND ea.role = '{role}'), '')"
    )


def upgrade() -> None:
    op.add_column("event_source", sa.Column("fatalities", sa.Integer(), nullable=True))
    op.add_column("event_source", sa.Column("injuries", sa.Integer(), nullable=True))
    op.add_column("event_source", sa.Column("report", postgresql.JSONB(), nullable=True))
    roles = ", ".join(f"'{r}', {_actors(r)}" for r in ("actor1", "assoc_actor_1", "actor2", "assoc_actor_2"))
    op.execute(
        "UPDATE event_source es SET fatalities = e.fatalities, injuries = e.injuries, "
        "report = (to_jsonb(e) - 'id' - 'created_at' - 'updated_at') || jsonb_build_object("
        f"{roles}, 'published_at', (SELECT s.published_at FROM source s WHERE s.id = es.source_id)) "
        "FROM event e WHERE e.id = es.event_id"
    )

    op.create_table(
        "event_change",
        sa.Column("id", sa.BigInteger(), autoincrement=True, nullable=False),
        sa.Column("event_id", sa.BigInteger(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("merged_into", sa.BigInteger(), nullable=True),
        sa.Column("source_id", sa.BigInteger(), nullable=True),
        sa.Column("changed_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint(
            "kind IN ('created', 'updated', 'merged', 'deleted')", name="ck_event_change_kind_valid"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_event_change"),
    )
    op.execute(
        "INSERT INTO event_change (event_id, kind, changed_at) "
        "SELECT id, 'created', created_at FROM event ORDER BY id"
    )

    op.create_index("ix_event_updated_at_id", "event", ["updated_at", "id"])
    op.create_index(
        "ix_event_iso3_event_date_coarse",
        "event",
        ["iso3", "event_date"],
        postgresql_where=sa.text("time_precision > 1"),
    )


def downgrade() -> None:
    op.drop_index("ix_event_iso3_event_date_coarse", table_name="event")
    op.drop_index("ix_event_updated_at_id", table_name="event")
    op.drop_table("event_change")
    op.drop_column("event_source", "report")
    op.drop_column("event_source", "injuries")
    op.drop_column("event_source", "fatalities")
