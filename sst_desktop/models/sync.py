"""What sync leaves for the user to see: conflicts to resolve and writes the server refused.
Neither travels through the outbox; a conflict's resolution is an ordinary edit of the record."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from sst_desktop.models.base import Base


class SyncConflict(Base):
    """One field two people changed at once: the server kept one value, here are both."""

    __tablename__ = "sync_conflicts"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    entity_type: Mapped[str] = mapped_column(String(64))
    entity_id: Mapped[str] = mapped_column(String(36), index=True)
    case_id: Mapped[str | None] = mapped_column(String(36), index=True)
    field: Mapped[str] = mapped_column(String(64))
    base_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    kept_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    other_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    other_author: Mapped[str] = mapped_column(String(36))
    created_at: Mapped[datetime]
    resolved_at: Mapped[datetime | None]
    server_version: Mapped[int]


class SyncRejection(Base):
    """A change the server refused (not the user's right, a signed plan...): kept to show why."""

    __tablename__ = "sync_rejections"

    mutation_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    entity_type: Mapped[str] = mapped_column(String(64))
    entity_id: Mapped[str] = mapped_column(String(36))
    reason: Mapped[str] = mapped_column(String(60))
    rejected_at: Mapped[datetime]
    note: Mapped[str | None] = mapped_column(Text)
