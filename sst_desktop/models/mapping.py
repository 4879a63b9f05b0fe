"""Kartläggning: sections per perspective, each authored and owned; trialled interventions; the
Signs of Safety columns and strengths as items; the 0-10 scaling as ratings of the Signs of
Safety instrument; the function of the absence and the analysis that grounds the plan.

A mapping is one **revision**: completing it seals it (here, in the service, and in database
triggers, migration 0009), and revising it starts a new draft that ``supersedes`` it, so the old
one stays readable as it was. A part that cannot be written is marked missing with a reason in
``missing`` (part code -> reason).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from sst_desktop.models.base import Base, CaseRecord
from sst_rules.enums import MappingItemKind, MappingPerspective


class Mapping(CaseRecord, Base):
    """One revision of the case's mapping. Its own fields (function of the absence, analysis,
    what is missing, completion) belong to the authority that started the revision."""

    __tablename__ = "mappings"

    started_on: Mapped[date]
    completed_on: Mapped[date | None]
    analysis: Mapped[str | None] = mapped_column(Text)
    analysis_author_id: Mapped[str | None] = mapped_column(ForeignKey("staff.id"))
    revision: Mapped[int] = mapped_column(default=1)
    supersedes_id: Mapped[str | None] = mapped_column(ForeignKey("mappings.id"))
    # Codes from the organisation's catalogue (config/absence_functions.py) and free text.
    absence_functions: Mapped[list[str]] = mapped_column(default=list)
    absence_function_note: Mapped[str | None] = mapped_column(Text)
    missing: Mapped[dict[str, Any]] = mapped_column(default=dict)  # MappingPart -> reason


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


class MappingItem(CaseRecord, Base):
    """A line in a Signs of Safety column, or a strength: written by ``author_id``, owned by
    their authority (its staff may change or remove it while the revision is a draft)."""

    __tablename__ = "mapping_items"

    mapping_id: Mapped[str] = mapped_column(ForeignKey("mappings.id"), index=True)
    kind: Mapped[MappingItemKind]
    text: Mapped[str] = mapped_column(Text)
    author_id: Mapped[str] = mapped_column(ForeignKey("staff.id"))
    position: Mapped[int] = mapped_column(default=0)


class MappingScaling(CaseRecord, Base):
    """A 0-10 scaling made for this revision: the rating itself is a ``Rating`` of the Signs of
    Safety instrument (final once saved, like every rating); this links it to the revision."""

    __tablename__ = "mapping_scalings"

    mapping_id: Mapped[str] = mapped_column(ForeignKey("mappings.id"), index=True)
    rating_id: Mapped[str] = mapped_column(ForeignKey("ratings.id"))
