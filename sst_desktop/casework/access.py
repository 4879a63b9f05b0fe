"""Bridge from stored records to the pure authorisation rule: which category a record falls
in, and the scopes the rule needs. Every read service filters through ``readable``."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import select

from sst_desktop.models.case import Case, CaseAssignment
from sst_desktop.models.consent import Consent
from sst_desktop.models.people import Student
from sst_desktop.store.unit_of_work import Actor, UnitOfWork
from sst_rules import authorisation as authz
from sst_rules import categories
from sst_rules.consent import ConsentState


def category_of(record: Any) -> str:
    perspective = getattr(record, "perspective", None)
    return categories.category_of(
        type(record).__tablename__,
        perspective=perspective.value if perspective is not None else None,
        record_class=record.record_class,
    )


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
        if type(r).__tablename__ in categories.ALWAYS_VISIBLE
        or authz.can_read(user, tags_of(r), case, consents, on=on).allowed
    ]
    return visible, len(records) - len(visible)


def case_visible(actor: Actor, case: authz.CaseScope) -> bool:
    return (case.team_id is not None and case.team_id == actor.team_id) or (
        actor.staff_id in case.protected_access_staff_ids
    )
