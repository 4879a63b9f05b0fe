"""The authorisation rule of design.md as one pure function, used by every read service (and,
with the sync issue, by the server).

A user reads a record when the record's case is assigned to the user's team and either the
record is owned by the user's own authority, or an active consent on the case covers the
record's category for the user's authority. A concern report is for social services only,
whatever the consent. Protected-identity address and contact fields are for the staff named on
the case only. A user writes only their own authority's records on their team's cases.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from sst_rules.consent import ConsentState, covers
from sst_rules.enums import Authority


@dataclass(frozen=True)
class UserScope:
    staff_id: str
    role: str
    authority: str
    team_id: str | None


@dataclass(frozen=True)
class RecordTags:
    authority: str
    record_class: str
    category: str
    case_id: str | None
    is_concern_report: bool = False


@dataclass(frozen=True)
class CaseScope:
    case_id: str
    team_id: str | None
    protected_identity: bool = False
    protected_access_staff_ids: frozenset[str] = field(default_factory=frozenset)


@dataclass(frozen=True)
class Decision:
    allowed: bool
    reason: str


def _team_ok(user: UserScope, record: RecordTags, case: CaseScope | None) -> Decision | None:
    if case is None or record.case_id != case.case_id:
        return Decision(False, "record_not_on_case")
    if user.team_id is None or case.team_id != user.team_id:
        return Decision(False, "case_not_on_team")
    return None


def can_read(
    user: UserScope,
    record: RecordTags,
    case: CaseScope | None,
    consents: Sequence[ConsentState],
    *,
    on: date,
) -> Decision:
    refused = _team_ok(user, record, case)
    if refused is not None:
        return refused
    if record.is_concern_report:
        ok = user.authority == Authority.SOCIAL_SERVICES
        return Decision(ok, "concern_report_social_services" if ok else "concern_report_hidden")
    if record.authority == user.authority:
        return Decision(True, "own_authority")
    assert case is not None
    if any(covers(c, case.case_id, record.category, user.authority, on) for c in consents):
        return Decision(True, "consent")
    return Decision(False, "no_consent")


def can_write(user: UserScope, record: RecordTags, case: CaseScope | None) -> Decision:
    refused = _team_ok(user, record, case)
    if refused is not None:
        return refused
    if record.is_concern_report:  # anyone on the case may report concern
        return Decision(True, "concern_report")
    if record.authority != user.authority:
        return Decision(False, "other_authority")
    return Decision(True, "own_authority")


def can_read_protected_fields(user: UserScope, case: CaseScope) -> bool:
    """Address, school and contact details of a protected-identity student."""
    if not case.protected_identity:
        return case.team_id is not None and case.team_id == user.team_id
    return user.staff_id in case.protected_access_staff_ids and (
        user.authority == Authority.SOCIAL_SERVICES
    )
