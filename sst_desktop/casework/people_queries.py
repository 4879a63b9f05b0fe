"""Read service for the case workspace's Family and participants tab: the student's guardians
and the case's participants who are not app users (mentor, counsellor, nurse...).

Everyone on the case sees the guardians' names and how to reach them: both authorities work
with the family directly. Under protected identity the contact details and identity numbers
are left out for everyone but the responsible social-services staff (security.md)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from sst_desktop.casework import access
from sst_desktop.casework.context import ServiceContext, get_or_fail
from sst_desktop.casework.support_queries import visible_records
from sst_desktop.models.case import Case
from sst_desktop.models.people import CaseParticipant, Guardian
from sst_rules.authorisation import can_read_protected_fields


@dataclass(frozen=True)
class GuardianRow:
    guardian_id: str
    name: str
    relation: str | None
    has_custody: bool
    language: str | None
    needs_interpreter: bool
    personal_id: str | None  # None also when withheld
    phone: str | None
    email: str | None
    address: str | None
    details_withheld: bool  # protected identity: contact details not for this user


@dataclass(frozen=True)
class ParticipantRow:
    participant_id: str
    name: str
    role: str
    organisation: str | None
    phone: str | None
    email: str | None


@dataclass(frozen=True)
class CasePeople:
    guardians: tuple[GuardianRow, ...]
    participants: tuple[ParticipantRow, ...]


def case_people(ctx: ServiceContext, case_id: str) -> CasePeople:
    return CasePeople(
        guardians=tuple(_guardians(ctx, case_id)),
        participants=tuple(
            ParticipantRow(p.id, p.name, p.role, p.organisation, p.phone, p.email)
            for p in sorted(visible_records(ctx, case_id, CaseParticipant), key=lambda p: p.name)
        ),
    )


def _guardians(ctx: ServiceContext, case_id: str) -> list[GuardianRow]:
    with ctx.unit_of_work() as uow:
        case: Case = get_or_fail(uow, Case, case_id)
        scope = access.case_scope(uow, case)
        if not access.case_visible(ctx.actor, scope) or case.student_id is None:
            return []
        withheld = scope.protected_identity and not can_read_protected_fields(
            access.user_scope(ctx.actor), scope
        )
        guardians = list(
            uow.session.scalars(
                select(Guardian)
                .where(Guardian.student_id == case.student_id, Guardian.deleted.is_(False))
                .order_by(Guardian.name)
            )
        )
        uow.audit("list", "guardians", None, case_id, count=len(guardians), withheld=0)
        uow.commit()
        return [_guardian_row(g, withheld) for g in guardians]


def _guardian_row(g: Guardian, withheld: bool) -> GuardianRow:
    def shown(value: str | None) -> str | None:
        return None if withheld else value

    return GuardianRow(
        guardian_id=g.id,
        name=g.name,
        relation=g.relation,
        has_custody=g.has_custody,
        language=g.language,
        needs_interpreter=g.needs_interpreter,
        personal_id=shown(g.personal_id),
        phone=shown(g.phone),
        email=shown(g.email),
        address=shown(g.address),
        details_withheld=withheld,
    )
