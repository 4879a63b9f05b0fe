"""The case (ärende): one episode of support for one student, in a programme that may change."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from sst_desktop.models.base import Base, CaseRecord, OwnedRecord
from sst_rules.enums import CaseStatus, Programme


class Case(OwnedRecord, Base):
    __tablename__ = "cases"

    programme: Mapped[Programme]
    status: Mapped[CaseStatus]
    student_id: Mapped[str | None] = mapped_column(ForeignKey("students.id"), index=True)
    team_id: Mapped[str | None] = mapped_column(ForeignKey("teams.id"), index=True)
    district_id: Mapped[str | None] = mapped_column(ForeignKey("districts.id"))
    school_id: Mapped[str | None] = mapped_column(ForeignKey("schools.id"))
    school_year: Mapped[int | None]
    opened_on: Mapped[date]
    started_on: Mapped[date | None]
    closed_on: Mapped[date | None]
    episode: Mapped[int] = mapped_column(default=1)  # a re-referred student has a second episode
    time_limit_reason: Mapped[str | None] = mapped_column(Text)
    legal_basis: Mapped[str | None] = mapped_column(String(20))
    reference: Mapped[str] = mapped_column(String(20), unique=True)  # human-friendly, no PII


class CaseAssignment(CaseRecord, Base):
    """Who works on the case, from when to when; a hand-over ends one and starts another."""

    __tablename__ = "case_assignments"

    staff_id: Mapped[str] = mapped_column(ForeignKey("staff.id"), index=True)
    responsibility: Mapped[str] = mapped_column(String(40))  # e.g. responsible_family_therapist
    assigned_on: Mapped[date]
    ended_on: Mapped[date | None]
    handover_note: Mapped[str | None] = mapped_column(Text)


class CaseStatusChange(CaseRecord, Base):
    """Every step of the workflow and every change of programme, kept for the timeline."""

    __tablename__ = "case_status_changes"

    at: Mapped[datetime]
    from_programme: Mapped[Programme | None]
    to_programme: Mapped[Programme]
    from_status: Mapped[CaseStatus | None]
    to_status: Mapped[CaseStatus]
    reason: Mapped[str | None] = mapped_column(Text)


class Decision(CaseRecord, Base):
    """A decision by one authority: biståndsbeslut, special support or additional adaptations,
    an SST start decision, or a continuation decision."""

    __tablename__ = "decisions"

    kind: Mapped[str] = mapped_column(String(30))
    decided_on: Mapped[date]
    granted: Mapped[bool]
    legal_basis: Mapped[str | None] = mapped_column(String(20))
    valid_from: Mapped[date | None]
    valid_to: Mapped[date | None]
    decided_by: Mapped[str | None] = mapped_column(String(200))
    reference: Mapped[str | None] = mapped_column(String(60))
    note: Mapped[str | None] = mapped_column(Text)


class Assignment(CaseRecord, Base):
    """Uppdrag: what the family-therapy unit is asked to do under a biståndsbeslut."""

    __tablename__ = "assignments"

    decision_id: Mapped[str] = mapped_column(ForeignKey("decisions.id"))
    overall_goal: Mapped[str] = mapped_column(Text)
    recipient_unit: Mapped[str | None] = mapped_column(String(200))
    application_attached: Mapped[bool] = mapped_column(default=True)
