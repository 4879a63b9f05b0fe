"""Kartläggning: sections per perspective, each authored and owned; trialled interventions;
the analysis that grounds the plan."""

from __future__ import annotations

from datetime import date

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from sst_desktop.models.base import Base, CaseRecord
from sst_rules.enums import MappingPerspective


class Mapping(CaseRecord, Base):
    __tablename__ = "mappings"

    started_on: Mapped[date]
    completed_on: Mapped[date | None]
    analysis: Mapped[str | None] = mapped_column(Text)
    analysis_author_id: Mapped[str | None] = mapped_column(ForeignKey("staff.id"))


class MappingSection(CaseRecord, Base):
    """One perspective's section; ``author_id`` owns it and only they edit it."""

    __tablename__ = "mapping_sections"

    mapping_id: Mapped[str] = mapped_column(ForeignKey("mappings.id"), index=True)
    perspective: Mapped[MappingPerspective]
    author_id: Mapped[str] = mapped_column(ForeignKey("staff.id"))
    student_view: Mapped[str | None] = mapped_column(Text)
    guardian_view: Mapped[str | None] = mapped_column(Text)
    absence_function: Mapped[str | None] = mapped_column(Text)
    observations: Mapped[str | None] = mapped_column(Text)


class MappingTrial(CaseRecord, Base):
    """An intervention tried during mapping, and how the child responded."""

    __tablename__ = "mapping_trials"

    mapping_id: Mapped[str] = mapped_column(ForeignKey("mappings.id"), index=True)
    intervention: Mapped[str] = mapped_column(Text)
    tried_from: Mapped[date]
    tried_to: Mapped[date | None]
    child_response: Mapped[str | None] = mapped_column(Text)
    author_id: Mapped[str | None] = mapped_column(String(36))
