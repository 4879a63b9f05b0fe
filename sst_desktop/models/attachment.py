"""Large items of a case: a scanned signed plan, a signature image.

The bytes live in the encrypted database (``content``), never in a file. The record (hash,
size, media type, purpose) syncs like any case record, under the plans category; the bytes
never ride in it: they travel apart in chunks (``sync.large_items``), and a pulled attachment
has no ``content`` until they have all arrived and hash to ``sha256``. Chunks that have arrived
so far wait in ``attachment_chunks`` (in the same encrypted file), so a cut download resumes.

Immutable once saved, here and in a database trigger (migration 0006): only ``content`` may go
from empty to the bytes, once. A wrong scan is replaced by a new attachment.
"""

from __future__ import annotations

from sqlalchemy import (
    CheckConstraint,
    Column,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Table,
)
from sqlalchemy.orm import Mapped, mapped_column

from sst_desktop.models.base import Base, CaseRecord
from sst_rules.attachments import AttachmentPurpose


class Attachment(CaseRecord, Base):
    __tablename__ = "attachments"
    __table_args__ = (
        CheckConstraint("size > 0", name="size"),
        CheckConstraint("content IS NULL OR length(content) = size", name="content_size"),
    )

    sha256: Mapped[str] = mapped_column(String(64), index=True)  # lower-case hex
    size: Mapped[int]
    media_type: Mapped[str] = mapped_column(String(100))
    purpose: Mapped[AttachmentPurpose]
    plan_revision_id: Mapped[str | None] = mapped_column(ForeignKey("plan_revisions.id"))
    label: Mapped[str | None] = mapped_column(String(200))
    # Deferred: lists of attachments never read the bytes.
    content: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True, default=None)


# Chunks of a download under way, by the blob's hash. Not a record: never synced, never
# audited, gone once the whole has been checked and stored (or its attachment has gone).
attachment_chunks = Table(
    "attachment_chunks",
    Base.metadata,
    Column("sha256", String(64), primary_key=True),
    Column("chunk_index", Integer, primary_key=True),
    Column("data", LargeBinary, nullable=False),
)
