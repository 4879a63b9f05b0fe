"""Handlingsplan (SST) and genomförandeplan (SST plus): revisions, goals, interventions and
signatures. A signed revision is immutable here, in a database trigger and on the server."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from sst_desktop.models.base import Base, CaseRecord, RecordMeta
from sst_rules.enums import (
    GoalStatus,
    PlanKind,
    PlanPerspective,
    PlanRevisionStatus,
    SignerRole,
)


class Plan(CaseRecord, Base):
    __tablename__ = "plans"

    kind: Mapped[PlanKind]
    maintenance: Mapped[bool] = mapped_column(default=False)  # påminnelseplan


class PlanRevision(CaseRecord, Base):
    __tablename__ = "plan_revisions"
    __table_args__ = (UniqueConstraint("plan_id", "number", name="number"),)

    plan_id: Mapped[str] = mapped_column(ForeignKey("plans.id"), index=True)
    number: Mapped[int]
    status: Mapped[PlanRevisionStatus]
    overall_aims: Mapped[str | None] = mapped_column(Text)
    valid_from: Mapped[date | None]
    review_on: Mapped[date | None]
    signed_at: Mapped[datetime | None]
    supersedes_id: Mapped[str | None] = mapped_column(ForeignKey("plan_revisions.id"))


class PlanGoal(CaseRecord, Base):
    """A goal or, with ``parent_id``, a sub-goal in one perspective, with a measurable criterion."""

    __tablename__ = "plan_goals"

    revision_id: Mapped[str] = mapped_column(ForeignKey("plan_revisions.id"), index=True)
    parent_id: Mapped[str | None] = mapped_column(ForeignKey("plan_goals.id"))
    perspective: Mapped[PlanPerspective]
    text: Mapped[str] = mapped_column(Text)
    criterion: Mapped[str | None] = mapped_column(Text)
    target_date: Mapped[date | None]
    position: Mapped[int] = mapped_column(default=0)


class PlanIntervention(CaseRecord, Base):
    """An intervention from the toolbox catalogue or in free text: who, for whom, where, when."""

    __tablename__ = "plan_interventions"

    revision_id: Mapped[str] = mapped_column(ForeignKey("plan_revisions.id"), index=True)
    goal_id: Mapped[str | None] = mapped_column(ForeignKey("plan_goals.id"))
    toolbox_code: Mapped[str | None] = mapped_column(String(60))
    free_text: Mapped[str | None] = mapped_column(Text)
    responsible: Mapped[str] = mapped_column(String(200))
    recipient: Mapped[str | None] = mapped_column(String(200))
    setting: Mapped[str | None] = mapped_column(String(20))
    active_from: Mapped[date | None]
    active_to: Mapped[date | None]
    frequency: Mapped[str | None] = mapped_column(String(100))  # how often: "twice a week"


class PlanSignature(CaseRecord, Base):
    __tablename__ = "plan_signatures"

    revision_id: Mapped[str] = mapped_column(ForeignKey("plan_revisions.id"), index=True)
    signer_role: Mapped[SignerRole]
    signer_name: Mapped[str] = mapped_column(String(200))
    signed_on: Mapped[date]
    method: Mapped[str] = mapped_column(String(20), default="paper")  # paper | screen | declined
    declined_reason: Mapped[str | None] = mapped_column(Text)  # when a signer declines


class PlanGoalReview(CaseRecord, Base):
    """A goal's status judged at a review: feeds closure and the follow-up file. Reviews come
    after signing, so they are records of their own, never edits of the signed goal."""

    __tablename__ = "plan_goal_reviews"

    goal_id: Mapped[str] = mapped_column(ForeignKey("plan_goals.id"), index=True)
    reviewed_on: Mapped[date]
    status: Mapped[GoalStatus]
    note: Mapped[str | None] = mapped_column(Text)


class ToolboxItem(RecordMeta, Base):
    """The toolbox catalogue (verktygslåda), editable per organisation."""

    __tablename__ = "toolbox_items"

    code: Mapped[str] = mapped_column(String(60), unique=True)
    label_sv: Mapped[str] = mapped_column(String(200))
    label_en: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(default=True)
