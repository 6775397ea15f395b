"""Initial schema: source, event, actor, event_actor, event_source and the indexes behind the filters.

Revision ID: 0001_initial
Revises:
Create Date: 2026-11-24
"""

from collections.abc import Sequence

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

from alembic import op

revision: str = "0001_initial"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # pg_trgm: actor name/alias search; cube + earthdistance: bbox and radius search.
    op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    op.execute("CREATE EXTENSION IF NOT EXISTS cube")
    op.execute("CREATE EXTENSION IF NOT EXISTS earthdistance")
    # array_to_string is only STABLE; aliases are plain text, so an IMMUTABLE wrapper is safe and
    # lets the aliases sit in a trigram index.
    op.execute(
        "CREATE OR REPLACE FUNCTION ce_immutable_array_to_string(text[], text) RETURNS text "
        "LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$ SELECT array_to_string($1, $2) $$"
    )

    op.create_table(
        "source",
        sa.Column("id", sa.BigInteger(), autoincrement=True, nullable=False),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("publisher", sa.Text(), nullable=True),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("language", sa.Text(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("content_sha256", sa.Text(), nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_source"),
        sa.UniqueConstraint("url", name="uq_source_url"),
        sa.UniqueConstraint("content_sha256", name="uq_source_content_sha256"),
    )

    op.create_table(
        "actor",
        sa.Column("id", sa.BigInteger(), autoincrement=True, nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("inter", sa.SmallInteger(), nullable=True),
        sa.Column("country", sa.Text(), server_default="", nullable=False),
        sa.Column(
            "aliases", postgresql.ARRAY(sa.Text()), server_default=sa.text("'{}'::text[]"), nullable=False
        ),
        sa.CheckConstraint("inter BETWEEN 1 AND 8", name="ck_actor_inter_range"),
        sa.PrimaryKeyConstraint("id", name="pk_actor"),
        sa.UniqueConstraint("name", name="uq_actor_name"),
    )
    op.create_index(
        "ix_actor_name_trgm",
        "actor",
        ["name"],
        postgresql_using="gin",
        postgresql_ops={"name": "gin_trgm_ops"},
    )
    op.execute(
        "CREATE INDEX ix_actor_aliases_trgm ON actor "
        "USING gin ((ce_immutable_array_to_string(aliases, ' | ')) gin_trgm_ops)"
    )

    op.create_table(
        "event",
        sa.Column("id", sa.BigInteger(), autoincrement=True, nullable=False),
        sa.Column("event_date", sa.Date(), nullable=False),
        sa.Column("time_precision", sa.SmallInteger(), server_default="1", nullable=False),
        sa.Column("disorder_type", sa.Text(), server_default="", nullable=False),
        sa.Column("event_type", sa.Text(), server_default="", nullable=False),
        sa.Column("sub_event_type", sa.Text(), server_default="", nullable=False),
        sa.Column("inter1", sa.SmallInteger(), server_default="0", nullable=False),
        sa.Column("inter2", sa.SmallInteger(), server_default="0", nullable=False),
        sa.Column("interaction", sa.SmallInteger(), server_default="0", nullable=False),
        sa.Column("civilian_targeting", sa.Text(), server_default="", nullable=False),
        sa.Column("country", sa.Text(), server_default="", nullable=False),
        sa.Column("iso3", sa.Text(), server_default="", nullable=False),
        sa.Column("admin1", sa.Text(), server_default="", nullable=False),
        sa.Column("admin2", sa.Text(), server_default="", nullable=False),
        sa.Column("location", sa.Text(), server_default="", nullable=False),
        sa.Column("latitude", sa.Float(), nullable=True),
        sa.Column("longitude", sa.Float(), nullable=True),
        sa.Column("geo_precision", sa.SmallInteger(), server_default="3", nullable=False),
        sa.Column("fatalities", sa.Integer(), server_default="0", nullable=False),
        sa.Column("injuries", sa.Integer(), server_default="0", nullable=False),
        sa.Column("notes", sa.Text(), server_default="", nullable=False),
        sa.Column("confidence", sa.Float(), server_default="0.5", nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint("time_precision BETWEEN 1 AND 3", name="ck_event_time_precision_range"),
        sa.CheckConstraint("geo_precision BETWEEN 1 AND 3", name="ck_event_geo_precision_range"),
        sa.CheckConstraint("fatalities >= 0", name="ck_event_fatalities_non_negative"),
        sa.CheckConstraint("injuries >= 0", name="ck_event_injuries_non_negative"),
        sa.CheckConstraint("latitude BETWEEN -90 AND 90", name="ck_event_latitude_range"),
        sa.CheckConstraint("longitude BETWEEN -180 AND 180", name="ck_event_longitude_range"),
        sa.PrimaryKeyConstraint("id", name="pk_event"),
    )
    op.create_index("ix_event_event_date_id", "event", [sa.text("event_date DESC"), sa.text("id DESC")])
    op.create_index("ix_event_iso3_event_date", "event", ["iso3", "event_date"])
    op.create_index("ix_event_event_type_lower", "event", [sa.text("lower(event_type)")])
    op.create_index("ix_event_sub_event_type_lower", "event", [sa.text("lower(sub_event_type)")])
    op.execute(
        "CREATE INDEX ix_event_earth ON event USING gist (ll_to_earth(latitude, longitude)) "
        "WHERE latitude IS NOT NULL AND longitude IS NOT NULL"
    )

    op.create_table(
        "event_actor",
        sa.Column("event_id", sa.BigInteger(), nullable=False),
        sa.Column("role", sa.Text(), nullable=False),
        sa.Column("position", sa.SmallInteger(), server_default="0", nullable=False),
        sa.Column("actor_id", sa.BigInteger(), nullable=False),
        sa.CheckConstraint(
            "role IN ('actor1', 'assoc_actor_1', 'actor2', 'assoc_actor_2')", name="ck_event_actor_role_valid"
        ),
        sa.ForeignKeyConstraint(
            ["event_id"], ["event.id"], name="fk_event_actor_event_id_event", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["actor_id"], ["actor.id"], name="fk_event_actor_actor_id_actor", ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("event_id", "role", "position", name="pk_event_actor"),
    )
    op.create_index("ix_event_actor_actor_id_role", "event_actor", ["actor_id", "role"])

    op.create_table(
        "event_source",
        sa.Column("id", sa.BigInteger(), autoincrement=True, nullable=False),
        sa.Column("event_id", sa.BigInteger(), nullable=False),
        sa.Column("source_id", sa.BigInteger(), nullable=False),
        sa.Column("evidence_start", sa.Integer(), nullable=True),
        sa.Column("evidence_end", sa.Integer(), nullable=True),
        sa.Column("evidence_text", sa.Text(), nullable=True),
        sa.CheckConstraint(
            "evidence_start >= 0 AND evidence_end >= evidence_start", name="ck_event_source_evidence_span"
        ),
        sa.ForeignKeyConstraint(
            ["event_id"], ["event.id"], name="fk_event_source_event_id_event", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["source_id"], ["source.id"], name="fk_event_source_source_id_source", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_event_source"),
        sa.UniqueConstraint(
            "event_id",
            "source_id",
            "evidence_start",
            "evidence_end",
            name="uq_event_source_span",
            postgresql_nulls_not_distinct=True,
        ),
    )
    op.create_index("ix_event_source_source_id", "event_source", ["source_id"])


def downgrade() -> None:
    op.drop_table("event_source")
    op.drop_table("event_actor")
    op.drop_table("event")
    op.drop_table("actor")
    op.drop_table("source")
    op.execute("DROP FUNCTION IF EXISTS ce_immutable_array_to_string(text[], text)")
    # the extensions stay: other schemas in the database may use them
