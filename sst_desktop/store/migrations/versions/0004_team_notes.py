"""Team notes: per-case notes from the team's weekly meeting.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "team_notes",
        sa.Column("meeting_on", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
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
            ["case_id"], ["cases.id"], name=op.f("fk_team_notes_case_id_cases")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_team_notes")),
    )
    with op.batch_alter_table("team_notes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_team_notes_case_id"), ["case_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("team_notes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_team_notes_case_id"))
    op.drop_table("team_notes")
