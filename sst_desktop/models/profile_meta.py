"""What the profile knows about itself (owner, device) and what it has purged."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from sst_desktop.models.base import Base


class ProfileSetting(Base):
    """Key-value settings that must stay encrypted (owner staff id, device id, credentials)."""

    __tablename__ = "profile_settings"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class PurgedRecord(Base):
    """Ids purged by retention, so a purged record never comes back from sync or a backup."""

    __tablename__ = "purged_records"

    entity_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    entity_type: Mapped[str] = mapped_column(String(40))
    purged_at: Mapped[datetime]
    rule: Mapped[str] = mapped_column(String(60))


class PurgeSession(Base):
    """Present only inside a purge transaction; the immutability triggers let purges through."""

    __tablename__ = "purge_session"

    id: Mapped[int] = mapped_column(primary_key=True)


class Draft(Base):
    """What a form held when it was last autosaved, until it is saved or discarded.

    Not a record of the case: never synced, never audited, kept only on this device, removed
    when the form is saved, discarded or its case is purged. ``key`` names the form and the case
    (``contacts:<case id>``)."""

    __tablename__ = "drafts"

    key: Mapped[str] = mapped_column(String(120), primary_key=True)
    case_id: Mapped[str | None] = mapped_column(String(36), index=True)
    payload: Mapped[str] = mapped_column(Text)  # JSON of the form's fields
    saved_at: Mapped[datetime]
