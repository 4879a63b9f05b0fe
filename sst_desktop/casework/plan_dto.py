"""A case's plans as the Plan tab reads them: frozen rows, no ORM objects."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum


class SignerStateKind(StrEnum):
    SIGNED = "signed"  # at least one signature of the role (a decline beside it stays shown)
    DECLINED = "declined"  # only declines: blocks signing until someone of the role signs
    MISSING = "missing"


@dataclass(frozen=True)
class GoalReviewView:
    review_id: str
    goal_id: str  # the goal reviewed: this revision's or an earlier copy of it
    reviewed_on: date
    status: str  # GoalStatus: met, partly, not_yet
    note: str | None


@dataclass(frozen=True)
class GoalView:
    goal_id: str
    parent_id: str | None
    number: str  # "1", "1.2": by perspective, then position, as printed
    perspective: str  # PlanPerspective; a sub-goal's is its goal's
    text: str
    criterion: str | None
    target_date: date | None
    position: int
    reviews: tuple[GoalReviewView, ...] = ()  # newest first, earlier revisions' copies too

    @property
    def latest_status(self) -> str | None:
        return self.reviews[0].status if self.reviews else None


@dataclass(frozen=True)
class InterventionView:
    intervention_id: str
    goal_id: str | None
    toolbox_code: str | None
    label_sv: str | None  # the toolbox item's labels (the code when the catalogue lost it)
    label_en: str | None
    free_text: str | None
    responsible: str
    recipient: str | None
    setting: str | None  # Setting: home, school, other
    frequency: str | None
    active_from: date | None
    active_to: date | None


@dataclass(frozen=True)
class SignatureView:
    signature_id: str
    role: str  # SignerRole
    name: str
    signed_on: date
    method: str  # paper, screen, declined
    declined_reason: str | None
    image_id: str | None  # the drawn signature's attachment, when signed on screen


@dataclass(frozen=True)
class SignerState:
    role: str
    required: bool
    state: SignerStateKind
    signatures: tuple[SignatureView, ...]  # all recorded for the role, oldest first


@dataclass(frozen=True)
class RevisionView:
    revision_id: str
    number: int
    status: str  # PlanRevisionStatus
    overall_aims: str | None
    valid_from: date | None
    review_on: date | None
    signed_at: datetime | None
    supersedes_id: str | None
    goals: tuple[GoalView, ...]  # in printed order
    interventions: tuple[InterventionView, ...]
    signatures: tuple[SignatureView, ...]
    signers: tuple[SignerState, ...]
    scans: tuple[str, ...] = ()  # attachment ids of scanned signed pages

    @property
    def editable(self) -> bool:
        return self.status == "draft"

    def goal(self, goal_id: str) -> GoalView | None:
        return next((g for g in self.goals if g.goal_id == goal_id), None)

    def interventions_of(self, goal_id: str | None) -> tuple[InterventionView, ...]:
        return tuple(i for i in self.interventions if i.goal_id == goal_id)


@dataclass(frozen=True)
class NextReview:
    on: date | None  # when; None when the programme sets no further review
    earliest: date | None  # the window's start (SST: 4 weeks), or ``on``
    rule: str  # planned, weeks, follow_up_meeting, evaluation, none


@dataclass(frozen=True)
class PlanView:
    plan_id: str
    kind: str  # PlanKind
    maintenance: bool
    revisions: tuple[RevisionView, ...]  # oldest first
    next_review: NextReview

    @property
    def latest(self) -> RevisionView:
        return self.revisions[-1]

    @property
    def in_force(self) -> RevisionView | None:
        """The signed revision the work follows now (the latest may be a draft of the next)."""
        return next((r for r in reversed(self.revisions) if r.status == "signed"), None)

    def revision(self, number: int) -> RevisionView | None:
        return next((r for r in self.revisions if r.number == number), None)


@dataclass(frozen=True)
class ToolView:
    code: str
    label_sv: str
    label_en: str


@dataclass(frozen=True)
class CasePlans:
    case_id: str
    case_reference: str
    programme: str
    plan_kind: str  # the kind the programme's new plan has
    required_signers: tuple[str, ...]
    plans: tuple[PlanView, ...]  # the main plan first, a maintenance plan after
    toolbox: tuple[ToolView, ...] = field(default=())
    withheld: int = 0  # plan records of the other authority without a consent in force
    suggested_review: date | None = None  # for a draft's review date, from the programme
