"""Failed enrollments and token refreshes, under keyed hashes of address and device id, for
throttling across every server process (see sst_server.throttle).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26 09:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "auth_failures",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("key_hash", sa.String(length=64), nullable=False),
        sa.Column("failed_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        "ix_auth_failures_key_time", "auth_failures", ["key_hash", "failed_at"], unique=False
    )
    op.create_index("ix_auth_failures_time", "auth_failures", ["failed_at"], unique=False)


def downgrade() -> None:
    raise RuntimeError("SST profiles are never downgraded; restore a backup instead")
