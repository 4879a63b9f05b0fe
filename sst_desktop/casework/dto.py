"""Plain, frozen data handed to views and the CLI: never ORM objects."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(frozen=True)
class CaseListItem:
    case_id: str
    reference: str
    programme: str
    status: str
    student_name: str | None  # None for a case without an identified student
    personal_id: str | None  # formatted YYYYMMDD-NNNN, or None
    school_name: str | None
    district_name: str | None
    school_year: int | None
    opened_on: date
    staff_names: tuple[str, ...]
    protected_identity: bool
    mine: bool


@dataclass(frozen=True)
class TimelineEntry:
    at: datetime
    kind: str  # table name of the record
    record_id: str
    label: str  # a code the UI translates, e.g. "meeting.start.held"
    author_id: str


@dataclass(frozen=True)
class ConsentSummary:
    consent_id: str
    purposes: tuple[str, ...]
    categories: tuple[str, ...]
    recipient_authority: str
    given_on: date
    valid_until: date | None
    withdrawn_on: date | None
    active: bool


@dataclass(frozen=True)
class CaseDetail:
    item: CaseListItem
    student_address: str | None  # None when hidden (protected identity) or unknown
    guardians: tuple[str, ...]
    consents: tuple[ConsentSummary, ...]
    timeline: tuple[TimelineEntry, ...]
    hidden_records: int  # records on the case the user may not see (a count, never content)
    counts: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class ProfileStats:
    counts: dict[str, int]
    cases_by_programme_status: dict[str, int]
    schema_revision: str | None
    audit_events: int
    outbox_pending: int
