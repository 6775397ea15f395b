"""``event_actor.event_date``: read one actor's events newest first without sorting them all.

``GET /events?actor=`` used to fetch every event linked to the matching actors and sort them to keep
one page (Civilians (Ukraine), 86k events at 1M: 624 ms). With the event's date copied onto each link
and ``ix_event_actor_actor_id_event_date`` on ``(actor_id, event_date DESC, event_id DESC)``, the
repository reads each matching actor's links in page order and stops after one page
(docs/performance.md).

The copy is kept by triggers, so that every writer (the service, tests, ad-hoc SQL) fills it:

* ``event_actor_fill_date`` (BEFORE INSERT, or UPDATE of ``event_id``, on ``event_actor``) takes the
  date from the event;
* ``event_sync_actor_date`` (AFTER UPDATE of ``event_date`` on ``event``) copies a changed date
  (resolution's recompute) onto the event's links.

Bulk loads that switch triggers off (``session_replication_role = replica``, ``bench.dataset``) must
write the column themselves.

Revision ID: 0005_event_actor_date
Revises: 0004_event_resolution
Create Date: 2026-11-24
"""

from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = "0005_event_actor_date"
down_revision: str | None = "0004_event_resolution"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("event_actor", sa.Column("event_date", sa.Date(), nullable=True))
    op.execute(
        "UPDATE event_actor ea SET event_date = e.event_date FROM event e WHERE e.id = ea.event_id"
    )
    op.alter_column("event_actor", "event_date", nullable=False)
    op.execute(
        "CREATE INDEX ix_event_actor_actor_id_event_date "
        "ON event_actor (actor_id, event_date DESC, event_id DESC)"
    )
    op.execute(
        """
        CREATE FUNCTION event_actor_fill_date() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            NEW.event_date := (SELECT e.event_date FROM event e WHERE e.id = NEW.event_id);
            RETURN NEW;
        END $$
        """
    )
    op.execute(
        "CREATE TRIGGER event_actor_fill_date BEFORE INSERT OR UPDATE OF event_id ON event_actor "
        "FOR EACH ROW EXECUTE FUNCTION event_actor_fill_date()"
    )
    op.execute(
        """
        CREATE FUNCTION event_sync_actor_date() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            UPDATE event_actor SET event_date = NEW.event_date WHERE event_id = NEW.id;
            RETURN NULL;
        END $$
        """
    )
    op.execute(
        "CREATE TRIGGER event_sync_actor_date AFTER UPDATE OF event_date ON event FOR EACH ROW "
        "WHEN (OLD.event_date IS DISTINCT FROM NEW.event_date) EXECUTE FUNCTION event_sync_actor_date()"
    )


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS event_sync_actor_date ON event")
    op.execute("DROP FUNCTION IF EXISTS event_sync_actor_date()")
    op.execute("DROP TRIGGER IF EXISTS event_actor_fill_date ON event_actor")
    op.execute("DROP FUNCTION IF EXISTS event_actor_fill_date()")
    op.execute("DROP INDEX IF EXISTS ix_event_actor_actor_id_event_date")
    op.drop_column("event_actor", "event_date")
