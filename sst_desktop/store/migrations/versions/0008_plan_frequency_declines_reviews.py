"""Plans: how often an intervention happens, a signer who declines (with the reason), and each
goal's status at a review. The two new plan columns are as sealed by signing as the old ones:
the signed-plan triggers of 0002 for those tables are made again with them.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02 17:37:03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

NO_PURGE = "NOT EXISTS (SELECT 1 FROM purge_session)"
MESSAGE = "sst:signed_plan_immutable"
# The columns of 0002 for each table, and what this revision adds (kept here on purpose).
SEALED = {
    "plan_interventions": (
        [
            "revision_id",
            "goal_id",
            "toolbox_code",
            "free_text",
            "responsible",
            "recipient",
            "setting",
            "active_from",
            "active_to",
            "deleted",
            "case_id",
        ],
        ["frequency"],
    ),
    "plan_signatures": (
        ["revision_id", "signer_role", "signer_name", "signed_on", "method", "deleted", "case_id"],
        ["declined_reason"],
    ),
}


def _signed_update_trigger(table: str, cols: list[str]) -> None:
    signed = "(SELECT signed_at FROM plan_revisions WHERE id = OLD.revision_id) IS NOT NULL"
    changed = " OR ".join(f"NEW.{c} IS NOT OLD.{c}" for c in cols)
    op.execute(
        f"CREATE TRIGGER {table}_signed_update BEFORE UPDATE ON {table} FOR EACH ROW "
        f"WHEN {signed} AND {NO_PURGE} AND ({changed}) "
        f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END"
    )


def upgrade() -> None:
    op.create_table(
        "plan_goal_reviews",
        sa.Column("goal_id", sa.String(length=36), nullable=False),
        sa.Column("reviewed_on", sa.Date(), nullable=False),
        sa.Column(
            "status",
            sa.Enum("met", "partly", "not_yet", name="goalstatus", native_enum=False, length=40),
            nullable=False,
        ),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("authority", sa.String(length=20), nullable=False),
        sa.Column("record_class", sa.String(length=40), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=36), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=36), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("server_version", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_plan_goal_reviews_case_id_cases")
        ),
        sa.ForeignKeyConstraint(
            ["goal_id"], ["plan_goals.id"], name=op.f("fk_plan_goal_reviews_goal_id_plan_goals")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_goal_reviews")),
    )
    with op.batch_alter_table("plan_goal_reviews", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_plan_goal_reviews_case_id"), ["case_id"])
        batch_op.create_index(batch_op.f("ix_plan_goal_reviews_goal_id"), ["goal_id"])
    # Plain ADD COLUMN (no table copy), so every other trigger and index stays as it is.
    op.add_column("plan_interventions", sa.Column("frequency", sa.String(100), nullable=True))
    op.add_column("plan_signatures", sa.Column("declined_reason", sa.Text(), nullable=True))
    for table, (old, new) in SEALED.items():
        op.execute(f"DROP TRIGGER {table}_signed_update")
        _signed_update_trigger(table, old + new)


def downgrade() -> None:
    for table, (old, _new) in SEALED.items():
        op.execute(f"DROP TRIGGER {table}_signed_update")
        _signed_update_trigger(table, old)
    op.drop_column("plan_signatures", "declined_reason")
    op.drop_column("plan_interventions", "frequency")
    op.drop_table("plan_goal_reviews")
