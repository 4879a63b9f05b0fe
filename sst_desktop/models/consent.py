"""Consent: who said yes to what, for whom, until when; and concern reports, which need none."""

from __future__ import annotations

from datetime import date

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sst_desktop.models.base import Base, CaseRecord
from sst_rules.enums import Authority


class Consent(CaseRecord, Base):
    __tablename__ = "consents"

    purposes: Mapped[list[str]]
    categories: Mapped[list[str]]  # record categories shared; "everything" is not a scope
    recipient_authority: Mapped[Authority]
    given_on: Mapped[date]
    valid_until: Mapped[date | None]
    withdrawn_on: Mapped[date | None]
    withdrawn_by: Mapped[str | None] = mapped_column(String(200))  # "student" or guardian id
    form: Mapped[str] = mapped_column(String(20))  # written | oral
    information_given: Mapped[str | None] = mapped_column(Text)  # what the family was told
    parties: Mapped[list[ConsentParty]] = relationship(
        back_populates="consent", cascade="all", order_by="ConsentParty.created_at"
    )


class ConsentParty(CaseRecord, Base):
    """The student and each guardian answer for themselves."""

    __tablename__ = "consent_parties"

    consent_id: Mapped[str] = mapped_column(ForeignKey("consents.id"), index=True)
    party: Mapped[str] = mapped_column(String(20))  # student | guardian
    guardian_id: Mapped[str | None] = mapped_column(ForeignKey("guardians.id"))
    agreed: Mapped[bool]
    answered_on: Mapped[date]
    consent: Mapped[Consent] = relationship(back_populates="parties")


class ConcernReport(CaseRecord, Base):
    """Orosanmälan: always possible, whatever the consent; visible to social services only."""

    __tablename__ = "concern_reports"

    reported_on: Mapped[date]
    reported_to: Mapped[str] = mapped_column(String(200))
    summary: Mapped[str] = mapped_column(Text)
    reporter_role: Mapped[str | None] = mapped_column(String(40))
