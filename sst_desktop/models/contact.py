"""Meetings, contacts (home visits, daily contact) and the daily-contact offer."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import CheckConstraint, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from sst_desktop.models.base import Base, CaseRecord
from sst_rules.enums import ContactKind, MeetingKind, MeetingStatus, Setting


class Meeting(CaseRecord, Base):
    """A booked meeting; rebooked and cancelled ones are kept, not deleted."""

    __tablename__ = "meetings"

    kind: Mapped[MeetingKind]
    status: Mapped[MeetingStatus]
    scheduled_at: Mapped[datetime]
    duration_minutes: Mapped[int | None]
    setting: Mapped[Setting | None]
    place: Mapped[str | None] = mapped_column(String(200))
    participants: Mapped[list[dict[str, Any]]]  # {"kind": staff|guardian|student|participant, "id"}
    agenda: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str | None] = mapped_column(Text)
    rebooked_to_id: Mapped[str | None] = mapped_column(ForeignKey("meetings.id"))
    cancel_reason: Mapped[str | None] = mapped_column(Text)


class Contact(CaseRecord, Base):
    """A contact with the student or family. Append-only once held: a correction is a new
    contact that supersedes this one and says why."""

    __tablename__ = "contacts"
    __table_args__ = (CheckConstraint("duration_minutes >= 0", name="duration"),)

    kind: Mapped[ContactKind]
    status: Mapped[MeetingStatus]
    at: Mapped[datetime]
    duration_minutes: Mapped[int | None]
    setting: Mapped[Setting | None]
    place: Mapped[str | None] = mapped_column(String(200))
    participants: Mapped[list[dict[str, Any]]]
    note: Mapped[str | None] = mapped_column(Text)
    supersedes_id: Mapped[str | None] = mapped_column(ForeignKey("contacts.id"))
    correction_reason: Mapped[str | None] = mapped_column(Text)


class DailyContactOffer(CaseRecord, Base):
    """Every SST plus student is offered daily contact; not all want it (000:L389)."""

    __tablename__ = "daily_contact_offers"

    offered_on: Mapped[date]
    wanted: Mapped[bool]
    channel: Mapped[str | None] = mapped_column(String(40))
    ended_on: Mapped[date | None]


class Sip(CaseRecord, Base):
    """SIP, a coordinated individual plan with the region when health care is involved."""

    __tablename__ = "sips"

    held_on: Mapped[date]
    coordinator: Mapped[str | None] = mapped_column(String(200))
    participants: Mapped[list[dict[str, Any]]]
    agreed_actions: Mapped[str | None] = mapped_column(Text)
    next_review_on: Mapped[date | None]


class TeamNote(CaseRecord, Base):
    """A note on one case at the team's weekly meeting: owned by its author's authority and
    shared with the other authority only as far as a consent covers meetings."""

    __tablename__ = "team_notes"

    meeting_on: Mapped[date]
    note: Mapped[str] = mapped_column(Text)
