"""Bridge from stored records to the pure authorisation rule: which category a record falls
in, and the scopes the rule needs. Every read service filters through ``readable``."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import select

from sst_desktop.models.case import Case, CaseAssignment
from sst_desktop.models.consent import Consent
from sst_desktop.models.enums import RecordCategory, RecordClass
from sst_desktop.models.people import Student
from sst_desktop.models.rules import authorisation as authz
from sst_desktop.models.rules.consent import ConsentState
from sst_desktop.store.unit_of_work import Actor, UnitOfWork

CATEGORY_OF_TABLE: dict[str, RecordCategory] = {
    "referral_requests": RecordCategory.REFERRAL,
    "applications": RecordCategory.REFERRAL,
    "assessments": RecordCategory.REFERRAL,
    "admission_decisions": RecordCategory.REFERRAL,
    "guidance": RecordCategory.REFERRAL,
    "decisions": RecordCategory.DECISIONS,
    "assignments": RecordCategory.DECISIONS,
    "meetings": RecordCategory.MEETINGS,
    "sips": RecordCategory.MEETINGS,
    "team_notes": RecordCategory.MEETINGS,
    "case_participants": RecordCategory.MEETINGS,
    "contacts": RecordCategory.CONTACTS,
    "daily_contact_offers": RecordCategory.CONTACTS,
    "absence_records": RecordCategory.ABSENCE,
    "participation_records": RecordCategory.ABSENCE,
    "grade_records": RecordCategory.ABSENCE,
    "ratings": RecordCategory.RATINGS,
    "plans": RecordCategory.PLANS,
    "plan_revisions": RecordCategory.PLANS,
    "plan_goals": RecordCategory.PLANS,
    "plan_interventions": RecordCategory.PLANS,
    "plan_signatures": RecordCategory.PLANS,
    "closures": RecordCategory.CLOSURE_FOLLOW_UP,
    "follow_ups": RecordCategory.CLOSURE_FOLLOW_UP,
}
MAPPING_CATEGORY = {
    "pedagogical": RecordCategory.MAPPING_PEDAGOGICAL,
    "psychological": RecordCategory.MAPPING_PSYCHOLOGICAL,
    "social_therapeutic": RecordCategory.MAPPING_SOCIAL,
}
# Case metadata every team member needs to work the case; they hold no narrative content.
ALWAYS_VISIBLE = frozenset(
    {"case_status_changes", "case_assignments", "consents", "consent_parties"}
)


def category_of(record: Any) -> RecordCategory:
    table = type(record).__tablename__
    if table == "mapping_sections":
        return MAPPING_CATEGORY[record.perspective.value]
    if table in ("mappings", "mapping_trials"):
        if record.record_class == RecordClass.SOCIAL_SERVICES_RECORD:
            return RecordCategory.MAPPING_SOCIAL
        if record.record_class == RecordClass.PUPIL_HEALTH_RECORD:
            return RecordCategory.MAPPING_PSYCHOLOGICAL
        return RecordCategory.MAPPING_PEDAGOGICAL
    return CATEGORY_OF_TABLE.get(table, RecordCategory.REFERRAL)


def user_scope(actor: Actor) -> authz.UserScope:
    return authz.UserScope(
        staff_id=actor.staff_id, role=actor.role, authority=actor.authority, team_id=actor.team_id
    )


def case_scope(uow: UnitOfWork, case: Case) -> authz.CaseScope:
    student = uow.session.get(Student, case.student_id) if case.student_id else None
    named = frozenset(
        uow.session.scalars(
            select(CaseAssignment.staff_id).where(
                CaseAssignment.case_id == case.id, CaseAssignment.ended_on.is_(None)
            )
        )
    )
    return authz.CaseScope(
        case_id=case.id,
        team_id=case.team_id,
        protected_identity=bool(student and student.protected_identity),
        protected_access_staff_ids=named,
    )


def consent_scopes(uow: UnitOfWork, case_id: str) -> list[ConsentState]:
    return [
        ConsentState.from_record(c)
        for c in uow.session.scalars(
            select(Consent).where(Consent.case_id == case_id, Consent.deleted.is_(False))
        )
    ]


def tags_of(record: Any) -> authz.RecordTags:
    return authz.RecordTags(
        authority=record.authority,
        record_class=record.record_class,
        category=category_of(record),
        case_id=getattr(record, "case_id", None),
        is_concern_report=type(record).__tablename__ == "concern_reports",
    )


def readable(
    actor: Actor,
    records: Sequence[Any],
    case: authz.CaseScope,
    consents: Sequence[ConsentState],
    on: date,
) -> tuple[list[Any], int]:
    """The records the actor may read, and how many were withheld."""
    user = user_scope(actor)
    visible = [
        r
        for r in records
        if type(r).__tablename__ in ALWAYS_VISIBLE
        or authz.can_read(user, tags_of(r), case, consents, on=on).allowed
    ]
    return visible, len(records) - len(visible)


def case_visible(actor: Actor, case: authz.CaseScope) -> bool:
    return (case.team_id is not None and case.team_id == actor.team_id) or (
        actor.staff_id in case.protected_access_staff_ids
    )
