"""The mapping as the Mapping tab sees it: frozen data, never ORM objects."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sst_rules.enums import MappingItemKind, MappingPart, MappingPerspective


@dataclass(frozen=True)
class SectionView:
    section_id: str
    perspective: MappingPerspective
    author_name: str
    mine: bool  # the actor wrote it: only they may change it
    student_view: str | None
    guardian_view: str | None
    absence_function: str | None
    observations: str | None


@dataclass(frozen=True)
class ItemView:
    item_id: str
    kind: MappingItemKind
    text: str
    author_name: str
    editable: bool  # written by the actor's authority


@dataclass(frozen=True)
class TrialView:
    trial_id: str
    intervention: str
    tried_from: date
    tried_to: date | None
    child_response: str | None


@dataclass(frozen=True)
class ScalingView:
    respondent: str  # self, parent, team
    guardian_number: int | None  # "Guardian 1" when a guardian scaled
    value: int
    rated_on: date


@dataclass(frozen=True)
class PartState:
    part: MappingPart
    written: bool
    marked_missing: bool
    missing_reason: str | None  # why it is missing; None when not marked or not shared

    @property
    def accounted(self) -> bool:
        return self.written or self.marked_missing


@dataclass(frozen=True)
class RevisionRef:
    mapping_id: str
    revision: int
    started_on: date
    completed_on: date | None


@dataclass(frozen=True)
class MappingView:
    case_id: str
    mapping_id: str
    revision: int
    started_on: date
    completed_on: date | None
    newest: bool  # the case's current revision (an older one is only read)
    ours: bool  # kept by the actor's authority: its own fields are the actor's to write
    sections: tuple[SectionView, ...]
    hidden_sections: tuple[MappingPerspective, ...]  # written, not shared with the actor
    items: tuple[ItemView, ...]
    trials: tuple[TrialView, ...]
    scalings: tuple[ScalingView, ...]  # the newest per respondent (and guardian)
    absence_functions: tuple[str, ...]
    absence_function_note: str | None
    analysis: str | None
    parts: tuple[PartState, ...]
    revisions: tuple[RevisionRef, ...]  # every revision of the case, newest first
    guardian_ids: tuple[str, ...]  # the student's guardians: "Guardian 1" is the first
    withheld: int  # records of the revision the actor may not read
    carry_over: int  # the actor's authority's records of the superseded revision not here yet

    @property
    def draft(self) -> bool:
        return self.completed_on is None

    def items_of(self, kind: MappingItemKind) -> tuple[ItemView, ...]:
        return tuple(i for i in self.items if i.kind == kind)

    def section(self, perspective: MappingPerspective) -> SectionView | None:
        return next((s for s in self.sections if s.perspective == perspective), None)
