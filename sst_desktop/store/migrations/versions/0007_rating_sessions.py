"""Ratings in a session: the contact they belong to, which guardian rated, how the rating was
entered (clinician, client-facing, paper, imported), a skipped rating, and the totals a CSV
import brought without items. The new columns are as final as the old: the trigger of 0002 is
made again with them.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02 17:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

NO_PURGE = "NOT EXISTS (SELECT 1 FROM purge_session)"
OLD_COLS = [
    "instrument",
    "instrument_version",
    "respondent",
    "session_number",
    "rated_on",
    "item_scores",
    "supersedes_id",
    "deleted",
    "case_id",
]
NEW_COLS = ["contact_id", "guardian_id", "entry", "skipped", "imported_scores"]


def _final_trigger(cols: list[str]) -> None:
    changed = " OR ".join(f"NEW.{c} IS NOT OLD.{c}" for c in cols)
    op.execute(
        f"CREATE TRIGGER rating_update BEFORE UPDATE ON ratings FOR EACH ROW "
        f"WHEN {NO_PURGE} AND ({changed}) "
        f"BEGIN SELECT RAISE(ABORT, 'sst:rating_final'); END"
    )


def upgrade() -> None:
    op.execute("DROP TRIGGER rating_update")
    with op.batch_alter_table("ratings", schema=None) as batch_op:
        batch_op.add_column(sa.Column("contact_id", sa.String(length=36), nullable=True))
        batch_op.add_column(sa.Column("guardian_id", sa.String(length=36), nullable=True))
        batch_op.add_column(
            sa.Column(
                "entry",
                sa.Enum(
                    "clinician",
                    "client",
                    "paper",
                    "imported",
                    name="ratingentry",
                    native_enum=False,
                    length=40,
                ),
                nullable=False,
                server_default="clinician",
            )
        )
        batch_op.add_column(
            sa.Column("skipped", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch_op.add_column(sa.Column("imported_scores", sa.JSON(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_ratings_contact_id_contacts"), "contacts", ["contact_id"], ["id"]
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_ratings_guardian_id_guardians"), "guardians", ["guardian_id"], ["id"]
        )
        batch_op.create_index(batch_op.f("ix_ratings_contact_id"), ["contact_id"], unique=False)
    _final_trigger(OLD_COLS + NEW_COLS)


def downgrade() -> None:
    op.execute("DROP TRIGGER rating_update")
    with op.batch_alter_table("ratings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ratings_contact_id"))
        batch_op.drop_constraint(batch_op.f("fk_ratings_guardian_id_guardians"), type_="foreignkey")
        batch_op.drop_constraint(batch_op.f("fk_ratings_contact_id_contacts"), type_="foreignkey")
        for column in reversed(NEW_COLS):
            batch_op.drop_column(column)
    _final_trigger(OLD_COLS)
