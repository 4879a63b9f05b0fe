"""Students, their guardians, and case participants who are not users of the app."""

from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from sst_desktop.models.base import Base, CaseRecord, OwnedRecord
from sst_rules.enums import Gender


class Student(OwnedRecord, Base):
    """A child. The identity number may be missing (ordinary SST keeps the least data)."""

    __tablename__ = "students"
    __table_args__ = (CheckConstraint("school_year BETWEEN 0 AND 10", name="school_year"),)

    personal_id: Mapped[str | None] = mapped_column(String(12), index=True)
    first_name: Mapped[str] = mapped_column(String(100))
    last_name: Mapped[str] = mapped_column(String(100))
    birth_date: Mapped[date | None]
    gender: Mapped[Gender | None]
    school_id: Mapped[str | None] = mapped_column(ForeignKey("schools.id"))
    school_year: Mapped[int | None]
    protected_identity: Mapped[bool] = mapped_column(default=False)
    address: Mapped[str | None] = mapped_column(Text)
    phone: Mapped[str | None] = mapped_column(String(40))
    language: Mapped[str | None] = mapped_column(String(40))


class Guardian(OwnedRecord, Base):
    __tablename__ = "guardians"

    student_id: Mapped[str] = mapped_column(ForeignKey("students.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    relation: Mapped[str | None] = mapped_column(String(40))
    personal_id: Mapped[str | None] = mapped_column(String(12))
    phone: Mapped[str | None] = mapped_column(String(40))
    email: Mapped[str | None] = mapped_column(String(200))
    address: Mapped[str | None] = mapped_column(Text)
    has_custody: Mapped[bool] = mapped_column(default=True)
    language: Mapped[str | None] = mapped_column(String(40))
    needs_interpreter: Mapped[bool] = mapped_column(default=False)


class CaseParticipant(CaseRecord, Base):
    """Mentor, counsellor, principal, nurse...: take part and sign, but do not use the app."""

    __tablename__ = "case_participants"

    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(40))
    organisation: Mapped[str | None] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(40))
    email: Mapped[str | None] = mapped_column(String(200))
