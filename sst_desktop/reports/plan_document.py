"""A plan revision as the printed page needs it: plain frozen values, already filtered for the
reader and with the student shown as the print options say. The renderer sees nothing else."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class GoalLine:
    number: str  # "1", "1.2": the goal's place on the page, for talking about it
    perspective: str  # PlanPerspective value
    text: str
    criterion: str | None
    target_date: date | None
    sub_goal: bool


@dataclass(frozen=True)
class InterventionLine:
    goal_number: str | None  # None: not tied to a goal
    perspective: str | None  # the goal's perspective, None without a goal
    label: str  # the toolbox item's Swedish label and/or the free text
    responsible: str
    recipient: str | None
    setting: str | None  # Setting value
    active_from: date | None
    active_to: date | None
    frequency: str | None = None  # how often: "två gånger i veckan"


@dataclass(frozen=True)
class Signature:
    name: str  # as shown: initials for the student and guardians unless full names are asked
    signed_on: date
    method: str  # "paper", "screen" or "declined"
    image: bytes | None = field(default=None, repr=False)  # the PNG drawn on screen


@dataclass(frozen=True)
class SignerSlot:
    """One signature block: a required role and what was recorded for it, if anything."""

    role: str  # SignerRole value
    signature: Signature | None


@dataclass(frozen=True)
class PlanDocument:
    kind: str  # PlanKind value
    maintenance: bool
    case_reference: str
    student: str  # initials or the full name
    team_name: str | None
    municipality_name: str | None
    revision_number: int
    status: str  # PlanRevisionStatus value
    revision_date: date  # signed: the day it took effect; otherwise the day it is printed
    review_on: date | None
    printed_on: date
    overall_aims: str | None
    goals: tuple[GoalLine, ...]
    interventions: tuple[InterventionLine, ...]
    signers: tuple[SignerSlot, ...]
    copy_to: tuple[str, ...]  # copy-list codes from the programme configuration
    fingerprint: str
