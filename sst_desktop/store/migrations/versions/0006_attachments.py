"""Attachments: large items of a case (a scanned signed plan, a signature image) with their bytes
in this encrypted file, and the chunks of a download under way. An attachment is immutable once
saved: only its ``content`` may go from empty to the bytes, once (a pulled attachment gets them
when they have all arrived); only a purge transaction may delete it.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02 01:21:21.367842
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

NO_PURGE = "NOT EXISTS (SELECT 1 FROM purge_session)"
# What the attachment is and says (as 0002 does for contacts); the bytes are checked below.
ATTACHMENT_COLS = [
    "sha256",
    "size",
    "media_type",
    "purpose",
    "plan_revision_id",
    "label",
    "case_id",
    "authority",
    "record_class",
    "deleted",
]
MESSAGE = "sst:attachment_immutable"


def upgrade() -> None:
    op.create_table(
        "attachment_chunks",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("chunk_index", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("sha256", "chunk_index", name=op.f("pk_attachment_chunks")),
    )
    op.create_table(
        "attachments",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("media_type", sa.String(length=100), nullable=False),
        sa.Column(
            "purpose",
            sa.Enum(
                "signed_plan_scan",
                "signature",
                name="attachmentpurpose",
                native_enum=False,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("plan_revision_id", sa.String(length=36), nullable=True),
        sa.Column("label", sa.String(length=200), nullable=True),
        sa.Column("content", sa.LargeBinary(), nullable=True),
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
        sa.CheckConstraint(
            "content IS NULL OR length(content) = size", name=op.f("ck_attachments_content_size")
        ),
        sa.CheckConstraint("size > 0", name=op.f("ck_attachments_size")),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_attachments_case_id_cases")
        ),
        sa.ForeignKeyConstraint(
            ["plan_revision_id"],
            ["plan_revisions.id"],
            name=op.f("fk_attachments_plan_revision_id_plan_revisions"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attachments")),
    )
    with op.batch_alter_table("attachments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_attachments_case_id"), ["case_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_attachments_sha256"), ["sha256"], unique=False)
    changed = " OR ".join(f"NEW.{c} IS NOT OLD.{c}" for c in ATTACHMENT_COLS)
    bytes_replaced = "(OLD.content IS NOT NULL AND NEW.content IS NOT OLD.content)"
    op.execute(
        "CREATE TRIGGER attachment_update BEFORE UPDATE ON attachments FOR EACH ROW "
        f"WHEN {NO_PURGE} AND ({changed} OR {bytes_replaced}) "
        f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END"
    )
    op.execute(
        "CREATE TRIGGER attachment_delete BEFORE DELETE ON attachments FOR EACH ROW "
        f"WHEN {NO_PURGE} BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END"
    )


def downgrade() -> None:
    raise RuntimeError("SST profiles are never downgraded; restore a backup instead")
