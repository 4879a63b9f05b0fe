"""Who may see and write what, on the server: the shared rule (``sst_rules.authorisation``)
applied to stored records. Nothing the client says about its own rights is trusted."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from sst_rules import authorisation as authz
from sst_rules.categories import ALWAYS_VISIBLE
from sst_rules.consent import ConsentState
from sst_server.db import records

ORGANISATION_TYPES = frozenset({"municipalities", "districts", "schools", "teams", "staff"})
PERSON_TYPES = frozenset({"students", "guardians"})
# Left out for everyone but the responsible social-services staff under protected identity.
PROTECTED_FIELDS = {
    "students": ("address", "phone", "school_id"),
    "guardians": ("address", "phone", "email", "personal_id"),
}
CONCERN_REPORTS = "concern_reports"


@dataclass(frozen=True)
class Staff:
    staff_id: str
    role: str
    authority: str
    team_id: str | None

    @property
    def user(self) -> authz.UserScope:
        return authz.UserScope(self.staff_id, self.role, self.authority, self.team_id)


@dataclass(frozen=True)
class CaseContext:
    """What the rule needs about the cases one page of records belongs to."""

    cases: Mapping[str, authz.CaseScope]
    consents: Mapping[str, list[ConsentState]]
    protected_students: Mapping[str, authz.CaseScope]  # student id -> a case scope of theirs
    protected_ids: frozenset[str] = frozenset()  # students with protected identity

    @classmethod
    def load(
        cls, conn: Connection, case_ids: Iterable[str], student_ids: Iterable[str]
    ) -> CaseContext:
        wanted = set(case_ids)
        students = set(student_ids)
        case_rows = list(
            conn.execute(
                select(records.c.entity_id, records.c.team_id, records.c.fields).where(
                    records.c.entity_type == "cases",
                    (records.c.entity_id.in_(wanted))
                    | (records.c.entity_id.in_(_cases_of(conn, students))),
                )
            )
        )
        wanted |= {row.entity_id for row in case_rows}
        related = list(
            conn.execute(
                select(records.c.entity_type, records.c.case_id, records.c.fields).where(
                    records.c.case_id.in_(wanted),
                    records.c.entity_type.in_(("consents", "consent_parties", "case_assignments")),
                    records.c.deleted.is_(False),
                )
            )
        )
        protected = _protected_student_ids(
            conn, {r.fields.get("student_id") for r in case_rows} | students
        )
        named: dict[str, set[str]] = {}
        for row in related:
            if row.entity_type == "case_assignments" and not row.fields.get("ended_on"):
                named.setdefault(row.case_id, set()).add(row.fields.get("staff_id"))
        scopes = {
            row.entity_id: authz.CaseScope(
                row.entity_id,
                row.team_id,
                protected_identity=row.fields.get("student_id") in protected,
                protected_access_staff_ids=frozenset(named.get(row.entity_id, set())),
            )
            for row in case_rows
        }
        by_student = {
            row.fields.get("student_id"): scopes[row.entity_id]
            for row in case_rows
            if row.fields.get("student_id") in protected
        }
        return cls(scopes, _consents(related), by_student, frozenset(protected))


def _cases_of(conn: Connection, student_ids: set[str]) -> list[str]:
    if not student_ids:
        return []
    rows = conn.execute(
        select(records.c.entity_id, records.c.fields).where(records.c.entity_type == "cases")
    )
    return [row.entity_id for row in rows if row.fields.get("student_id") in student_ids]


def _protected_student_ids(conn: Connection, student_ids: set[Any]) -> set[str]:
    ids = {s for s in student_ids if s}
    if not ids:
        return set()
    rows = conn.execute(
        select(records.c.entity_id, records.c.fields).where(records.c.entity_id.in_(ids))
    )
    return {row.entity_id for row in rows if row.fields.get("protected_identity")}


def _consents(related: list[Any]) -> dict[str, list[ConsentState]]:
    parties: dict[str, list[bool]] = {}
    for row in related:
        if row.entity_type == "consent_parties":
            parties.setdefault(row.fields.get("consent_id"), []).append(
                bool(row.fields.get("agreed"))
            )
    result: dict[str, list[ConsentState]] = {}
    for row in related:
        if row.entity_type != "consents":
            continue
        f = row.fields
        answers = parties.get(f.get("id"), [])
        result.setdefault(row.case_id, []).append(
            ConsentState(
                case_id=row.case_id,
                recipient_authority=str(f.get("recipient_authority")),
                purposes=frozenset(f.get("purposes") or ()),
                categories=frozenset(f.get("categories") or ()),
                given_on=_day(f.get("given_on")) or date.max,
                valid_until=_day(f.get("valid_until")),
                withdrawn_on=_day(f.get("withdrawn_on")),
                all_parties_agreed=bool(answers) and all(answers),
            )
        )
    return result


def _day(value: Any) -> date | None:
    return date.fromisoformat(str(value)[:10]) if value else None


def tags(row: Any) -> authz.RecordTags:
    return authz.RecordTags(
        authority=row.authority,
        record_class=row.record_class,
        category=row.category,
        case_id=row.case_id,
        is_concern_report=row.entity_type == CONCERN_REPORTS,
    )


def may_read(staff: Staff, row: Any, context: CaseContext, on: date) -> bool:
    if row.entity_type in ORGANISATION_TYPES:
        return True
    if row.entity_type == "cases":
        return row.team_id is not None and row.team_id == staff.team_id
    if row.case_id is None:  # a student or guardian: the team that holds them
        return row.team_id is not None and row.team_id == staff.team_id
    case = context.cases.get(row.case_id)
    if case is None:
        return False
    if row.entity_type in ALWAYS_VISIBLE:
        return case.team_id is not None and case.team_id == staff.team_id
    consents = context.consents.get(row.case_id, [])
    return authz.can_read(staff.user, tags(row), case, consents, on=on).allowed


def visible_fields(staff: Staff, row: Any, context: CaseContext) -> dict[str, Any]:
    """The record's fields, without protected-identity details the user may not hold."""
    hidden = PROTECTED_FIELDS.get(row.entity_type)
    if not hidden:
        return dict(row.fields)
    student_id = row.entity_id if row.entity_type == "students" else row.fields.get("student_id")
    if student_id not in context.protected_ids:
        return dict(row.fields)
    case = context.protected_students.get(student_id)
    if case is not None and authz.can_read_protected_fields(staff.user, case):
        return dict(row.fields)
    return {k: v for k, v in row.fields.items() if k not in hidden}
