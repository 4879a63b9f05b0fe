"""How a student reaches the team: the anonymous SST referral request, SST plus applications,
social services' assessments, the admission group, decline with guidance and consultations."""

from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from sst_desktop.models.base import Base, CaseRecord, OwnedRecord
from sst_rules.enums import AdmissionOutcome, Gender, ReferralRoute


class ReferralRequest(OwnedRecord, Base):
    """Uppdragsförfrågan: de-identified by construction. There is no name or identity column;
    free text is checked for identity numbers before it is stored. ``case_id`` is set only after
    the family has said yes."""

    __tablename__ = "referral_requests"
    __table_args__ = (CheckConstraint("absence_percent BETWEEN 0 AND 100", name="absence_percent"),)

    received_on: Mapped[date]
    district_id: Mapped[str | None] = mapped_column(ForeignKey("districts.id"))
    school_id: Mapped[str | None] = mapped_column(ForeignKey("schools.id"))
    school_year: Mapped[int | None]
    gender: Mapped[Gender | None]
    absence_percent: Mapped[int | None]  # over the last two months
    cause_student_view: Mapped[str | None] = mapped_column(Text)
    cause_guardian_view: Mapped[str | None] = mapped_column(Text)
    concern_report_last_6_months: Mapped[bool | None]
    adaptations_tried: Mapped[str | None] = mapped_column(Text)
    assessments_done: Mapped[str | None] = mapped_column(Text)  # psychologist, speech therapist
    measures_taken: Mapped[str | None] = mapped_column(Text)
    expected_of_team: Mapped[str | None] = mapped_column(Text)
    decision: Mapped[str | None] = mapped_column(String(20))  # accepted | declined
    decided_on: Mapped[date | None]
    decided_by: Mapped[str | None] = mapped_column(String(36))
    case_id: Mapped[str | None] = mapped_column(ForeignKey("cases.id"))


class Application(CaseRecord, Base):
    """An identified SST plus application, by any route, always with the family's consent."""

    __tablename__ = "applications"

    route: Mapped[ReferralRoute]
    received_on: Mapped[date]
    applicant: Mapped[str | None] = mapped_column(String(200))  # unit or role, not a child's name
    reason: Mapped[str | None] = mapped_column(Text)
    absence_percent: Mapped[int | None]
    other_indicators: Mapped[str | None] = mapped_column(Text)


class Assessment(CaseRecord, Base):
    """Social services' investigation, needs, safety or preliminary assessment."""

    __tablename__ = "assessments"

    kind: Mapped[str] = mapped_column(String(30))
    assessed_on: Mapped[date]
    summary: Mapped[str] = mapped_column(Text)


class AdmissionDecision(CaseRecord, Base):
    """The local admission group's outcome, with the suggested and the final priority."""

    __tablename__ = "admission_decisions"

    met_on: Mapped[date]
    outcome: Mapped[AdmissionOutcome]
    suggested_rank: Mapped[int | None]
    final_rank: Mapped[int | None]
    override_reason: Mapped[str | None] = mapped_column(Text)
    members: Mapped[list[str]]


class Guidance(OwnedRecord, Base):
    """Guidance to other support, required whenever a student is declined."""

    __tablename__ = "guidance"

    case_id: Mapped[str | None] = mapped_column(ForeignKey("cases.id"), index=True)
    referral_request_id: Mapped[str | None] = mapped_column(ForeignKey("referral_requests.id"))
    given_on: Mapped[date]
    guided_to: Mapped[str] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)


class Consultation(OwnedRecord, Base):
    """Advice about a student the team does not take; holds no identified student."""

    __tablename__ = "consultations"

    team_id: Mapped[str | None] = mapped_column(ForeignKey("teams.id"))
    held_on: Mapped[date]
    asked_by_role: Mapped[str | None] = mapped_column(String(40))
    school_id: Mapped[str | None] = mapped_column(ForeignKey("schools.id"))
    school_year: Mapped[int | None]
    topic: Mapped[str] = mapped_column(Text)
    advice: Mapped[str | None] = mapped_column(Text)
