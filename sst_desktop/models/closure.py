"""Closure, follow-ups after closure, and well-being ratings."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from sst_desktop.models.base import Base, CaseRecord
from sst_rules.enums import ClosureReason, ParticipationLevel, RatingEntry


class Closure(CaseRecord, Base):
    __tablename__ = "closures"

    closed_on: Mapped[date]
    reason: Mapped[ClosureReason]
    goals_met: Mapped[str] = mapped_column(String(10))  # yes | partly | no
    declined_recommendations: Mapped[list[str]]
    maintenance_plan_wanted: Mapped[bool] = mapped_column(default=False)
    student_view: Mapped[str | None] = mapped_column(Text)
    guardian_view: Mapped[str | None] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)


class FollowUp(CaseRecord, Base):
    """Scheduled from the programme rules when a case closes (3 and 6 months in SST plus)."""

    __tablename__ = "follow_ups"

    months_after: Mapped[int]
    due_on: Mapped[date]
    done_on: Mapped[date | None]
    participation_level: Mapped[ParticipationLevel | None]
    acceptable_knowledge: Mapped[bool | None]
    upper_secondary_eligible: Mapped[bool | None]
    note: Mapped[str | None] = mapped_column(Text)


class Rating(CaseRecord, Base):
    """One completed instrument (ORS, SRS, SDQ...) in a session; append-only, corrections
    supersede. Item scores in the instrument's own units (line items in millimetres 0-100);
    totals are derived by the instrument engine, never stored, except ``imported_scores``: the
    totals a FIT platform's CSV brought without their items."""

    __tablename__ = "ratings"

    instrument: Mapped[str] = mapped_column(String(20))
    instrument_version: Mapped[str] = mapped_column(String(20))
    respondent: Mapped[str] = mapped_column(String(20))
    session_number: Mapped[int | None]
    rated_on: Mapped[date]
    item_scores: Mapped[dict[str, Any]]
    supersedes_id: Mapped[str | None] = mapped_column(ForeignKey("ratings.id"))
    # The session's contact: the outcome rating at its start and the session rating at its end
    # both point at it.
    contact_id: Mapped[str | None] = mapped_column(ForeignKey("contacts.id"), index=True)
    guardian_id: Mapped[str | None] = mapped_column(ForeignKey("guardians.id"))  # which parent
    entry: Mapped[RatingEntry] = mapped_column(default=RatingEntry.CLINICIAN)
    skipped: Mapped[bool] = mapped_column(default=False)  # not given this session: no scores
    imported_scores: Mapped[dict[str, Any] | None]
