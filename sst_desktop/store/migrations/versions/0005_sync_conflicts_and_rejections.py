"""Sync: conflicts to resolve and changes the server refused, kept for the user to see.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25 02:16:05.039344
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_conflicts",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("entity_type", sa.String(length=64), nullable=False),
        sa.Column("entity_id", sa.String(length=36), nullable=False),
        sa.Column("case_id", sa.String(length=36), nullable=True),
        sa.Column("field", sa.String(length=64), nullable=False),
        sa.Column("base_value", sa.JSON(), nullable=True),
        sa.Column("kept_value", sa.JSON(), nullable=True),
        sa.Column("other_value", sa.JSON(), nullable=True),
        sa.Column("other_author", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        sa.Column("server_version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_conflicts")),
    )
    with op.batch_alter_table("sync_conflicts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sync_conflicts_case_id"), ["case_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_sync_conflicts_entity_id"), ["entity_id"], unique=False
        )

    op.create_table(
        "sync_rejections",
        sa.Column("mutation_id", sa.String(length=36), nullable=False),
        sa.Column("entity_type", sa.String(length=64), nullable=False),
        sa.Column("entity_id", sa.String(length=36), nullable=False),
        sa.Column("reason", sa.String(length=60), nullable=False),
        sa.Column("rejected_at", sa.DateTime(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("mutation_id", name=op.f("pk_sync_rejections")),
    )
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cases_status_programme"))

    with op.batch_alter_table("consents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_consents_valid_until"))

    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contacts_at"))

    with op.batch_alter_table("follow_ups", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_follow_ups_due_on"))

    with op.batch_alter_table("meetings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_meetings_scheduled_at"))

    with op.batch_alter_table("students", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_students_last_name_first_name"))


def downgrade() -> None:
    raise RuntimeError("SST profiles are never downgraded; restore a backup instead")
