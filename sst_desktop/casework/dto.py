"""Plain, frozen data handed to views and the CLI: never ORM objects."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from sst_desktop.instruments.dto import Wording


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
    guardian_refs: tuple[tuple[str, str], ...] = ()  # (guardian id, name): who answers consent
    student_id: str | None = None  # None until the family's yes links a student


@dataclass(frozen=True)
class ProfileStats:
    counts: dict[str, int]
    cases_by_programme_status: dict[str, int]
    schema_revision: str | None
    audit_events: int
    outbox_pending: int


class TodayKind(StrEnum):
    MEETING_TODAY = "meeting_today"
    DAILY_CONTACT_MISSING = "daily_contact_missing"
    REVIEW_DUE = "review_due"
    SIX_MONTH_EVALUATION_DUE = "six_month_evaluation_due"
    CONTINUATION_DECISION_DUE = "continuation_decision_due"
    TIME_LIMIT_REASON_MISSING = "time_limit_reason_missing"
    PLAN_AWAITING_SIGNATURES = "plan_awaiting_signatures"
    FOLLOW_UP_DUE = "follow_up_due"
    CONSENT_EXPIRING = "consent_expiring"
    RATING_SIGNAL = "rating_signal"


class WorkspaceTab(StrEnum):
    """Where in a case an item opens (the case workspace's tabs)."""

    OVERVIEW = "overview"
    PEOPLE = "people"
    DECISIONS = "decisions"
    CONSENT = "consent"
    MEETINGS = "meetings"
    CONTACTS = "contacts"
    ABSENCE = "absence"
    MAPPING = "mapping"
    RATINGS = "ratings"
    PLAN = "plan"
    CLOSURE = "closure"
    AUDIT = "audit"


@dataclass(frozen=True)
class TodayItem:
    kind: TodayKind
    case_id: str
    reference: str
    programme: str
    student_name: str | None
    due_on: date
    at: datetime | None  # the time, for a meeting today
    target: WorkspaceTab
    record_id: str | None
    mine: bool
    note: Wording | None = None  # a rating signal's sentence, in Swedish and English
