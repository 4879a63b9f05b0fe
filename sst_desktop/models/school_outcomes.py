"""What the school measures: absence with its period and source, participation, grades."""

from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from sst_desktop.models.base import Base, CaseRecord
from sst_rules.enums import AbsenceMeasure, ParticipationLevel


class AbsenceRecord(CaseRecord, Base):
    """One absence figure, always with its period, measurement date and source (001:L589)."""

    __tablename__ = "absence_records"
    __table_args__ = (
        CheckConstraint("percent >= 0 AND percent <= 100", name="percent"),
        CheckConstraint("period_end >= period_start", name="period"),
    )

    period_start: Mapped[date]
    period_end: Mapped[date]
    measured_on: Mapped[date]
    source: Mapped[str] = mapped_column(String(100))
    measure: Mapped[AbsenceMeasure]
    percent: Mapped[float]


class ParticipationRecord(CaseRecord, Base):
    __tablename__ = "participation_records"

    assessed_on: Mapped[date]
    level: Mapped[ParticipationLevel]
    source: Mapped[str | None] = mapped_column(String(100))
    note: Mapped[str | None] = mapped_column(Text)


class GradeRecord(CaseRecord, Base):
    """Acceptable knowledge (godtagbara kunskaper) and, in year 9, upper-secondary eligibility."""

    __tablename__ = "grade_records"

    assessed_on: Mapped[date]
    acceptable_knowledge: Mapped[bool | None]
    subjects_passed: Mapped[int | None]
    subjects_total: Mapped[int | None]
    upper_secondary_eligible: Mapped[bool | None]
    source: Mapped[str | None] = mapped_column(String(100))
