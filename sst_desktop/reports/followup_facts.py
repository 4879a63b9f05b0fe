"""What the loader hands the row builder for one episode: plain values, already filtered by the
read rule. ``case_id`` and ``individual`` stay inside the export code: they key the loading and
the pseudonyms and are never written to a file."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class AbsenceFigure:
    percent: float
    measured_on: date
    source: str
    measure: str | None = None
    period_start: date | None = None
    period_end: date | None = None


@dataclass(frozen=True)
class Outcome:
    """A grade or participation assessment at a date (either field may be missing)."""

    on: date
    acceptable_knowledge: bool | None = None
    upper_secondary_eligible: bool | None = None
    participation: str | None = None


@dataclass(frozen=True)
class FollowUpFact:
    months_after: int
    due_on: date
    done_on: date | None
    participation: str | None
    acceptable_knowledge: bool | None
    upper_secondary_eligible: bool | None


@dataclass(frozen=True)
class ClosureFact:
    reason: str
    goals_met: str
    student_view: str | None
    guardian_view: str | None


@dataclass(frozen=True)
class Extent:
    """How much support there was: held contacts and meetings, minutes, home visits."""

    contacts: int = 0
    contact_minutes: int = 0
    home_visits: int = 0
    meetings: int = 0


@dataclass
class EpisodeFacts:
    case_id: str
    individual: str  # the student's id, or the case's when no student was ever linked
    programme: str
    status: str
    opened_on: date
    started_on: date
    closed_on: date | None
    school_year: int | None
    district: str | None
    school: str | None  # None for a protected-identity student
    gender: str | None
    birth_date: date | None
    stepped: bool = False
    absences: list[AbsenceFigure] = field(default_factory=list)
    referral_absence: AbsenceFigure | None = None
    causes_student: list[str] = field(default_factory=list)
    causes_guardian: list[str] = field(default_factory=list)
    causes_other: list[str] = field(default_factory=list)
    toolbox: set[str] = field(default_factory=set)
    free_interventions: int = 0
    goals: int = 0
    extent: Extent = field(default_factory=Extent)
    daily_contact: str | None = None  # wanted | not_wanted, None when never offered
    closure: ClosureFact | None = None
    outcomes: list[Outcome] = field(default_factory=list)
    follow_ups: list[FollowUpFact] = field(default_factory=list)
    withheld: int = 0
    withheld_categories: set[str] = field(default_factory=set)

    def no_access(self, category: str) -> bool:
        """Were records of ``category`` left out because the reader may not read them?"""
        return category in self.withheld_categories
