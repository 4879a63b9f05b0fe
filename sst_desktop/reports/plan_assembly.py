"""Put a printed plan together from the records: who it is about (initials unless the full name
is asked for), the team and municipality, the goals and interventions, one signature block per
required signer and the copy list from the programme's configuration."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from sqlalchemy import func, select

from sst_desktop.casework.plan_lineage import image_id
from sst_desktop.config.programmes import ProgrammeRules
from sst_desktop.models.attachment import Attachment
from sst_desktop.models.case import Case
from sst_desktop.models.organisation import District, Municipality, Team
from sst_desktop.models.people import Guardian, Student
from sst_desktop.models.plan import PlanSignature
from sst_desktop.reports import plan_labels as sv
from sst_desktop.reports.fingerprint import fingerprint
from sst_desktop.reports.plan_content import (
    RevisionRecords,
    intervention_lines,
    numbered_goals,
    revision_content,
    toolbox_labels,
)
from sst_desktop.reports.plan_document import PlanDocument, Signature, SignerSlot
from sst_desktop.store.unit_of_work import UnitOfWork
from sst_rules.enums import PlanRevisionStatus, SignerRole

# Family members' names identify the child as well as the child's own (guardians often share
# the surname), so "initials only" covers their signature names too. Staff names stay whole.
FAMILY_ROLES = frozenset({SignerRole.STUDENT, SignerRole.GUARDIAN})
SEALED = (PlanRevisionStatus.SIGNED, PlanRevisionStatus.SUPERSEDED)


def assemble(
    uow: UnitOfWork,
    rules: ProgrammeRules,
    case: Case,
    records: RevisionRecords,
    *,
    full_name: bool,
    today: date,
) -> PlanDocument:
    content = revision_content(records)
    goals = numbered_goals(content)
    revision = records.revision
    day = _revision_date(records, today)
    config = rules.for_case(case.programme, case.district_id, day)
    team, municipality = organisation_names(uow, case)
    return PlanDocument(
        kind=records.plan.kind.value,
        maintenance=records.plan.maintenance,
        case_reference=case.reference,
        student=student_label(uow, case, full_name),
        team_name=team,
        municipality_name=municipality,
        revision_number=revision.number,
        status=revision.status.value,
        revision_date=day,
        review_on=revision.review_on,
        printed_on=today,
        overall_aims=revision.overall_aims,
        goals=tuple(g.line for g in goals),
        interventions=tuple(intervention_lines(content, goals, toolbox_labels(uow, content))),
        signers=tuple(
            signer_slots(
                config.required_plan_signers,
                records.signatures,
                _guardian_count(uow, case),
                full_name=full_name,
                open_for_signing=revision.status not in SEALED,
                images=signature_images(uow, records.signatures),
            )
        ),
        copy_to=tuple(config.copy_list),
        fingerprint=fingerprint(content),
    )


def _revision_date(records: RevisionRecords, today: date) -> date:
    """A sealed revision's date is the day it took effect; an open one is dated when printed."""
    revision = records.revision
    if revision.status in SEALED:
        if revision.valid_from is not None:
            return revision.valid_from
        if revision.signed_at is not None:
            return revision.signed_at.date()
    return today


def signer_slots(
    required: Sequence[SignerRole],
    signatures: Sequence[PlanSignature],
    guardians: int,
    *,
    full_name: bool,
    open_for_signing: bool,
    images: Mapping[str, bytes] | None = None,
) -> list[SignerSlot]:
    """A block per required role, filled with what was recorded; signatures of roles not
    required get blocks too. While the revision is open, every guardian with custody (at
    least one) gets a block, empty lines where nobody has signed yet; a sealed revision can
    no longer be signed, so it shows what was recorded and no empty lines."""
    roles = list(dict.fromkeys([*required, *(s.signer_role for s in signatures)]))
    slots = []
    for role in roles:
        recorded = [s for s in signatures if s.signer_role == role]
        wanted = max(guardians, 1) if role == SignerRole.GUARDIAN else 1
        blank = max(wanted - len(recorded), 0) if open_for_signing and role in required else 0
        slots += [
            SignerSlot(
                role.value, _signature(s, role, full_name, images.get(s.id) if images else None)
            )
            for s in recorded
        ]
        slots += [SignerSlot(role.value, None)] * blank
    return slots


def _signature(
    signed: PlanSignature, role: SignerRole, full_name: bool, image: bytes | None
) -> Signature:
    shown = (
        signed.signer_name
        if full_name or role not in FAMILY_ROLES
        else initials(signed.signer_name)
    )
    return Signature(shown, signed.signed_on, signed.method, image)


def signature_images(uow: UnitOfWork, signatures: Sequence[PlanSignature]) -> dict[str, bytes]:
    """The PNG of each signature drawn on screen, by the signature's id (decision 129)."""
    images = {}
    for signed in signatures:
        if signed.method != "screen":
            continue
        attachment = uow.session.get(Attachment, image_id(signed.id))
        if attachment is not None and attachment.content and not attachment.deleted:
            images[signed.id] = attachment.content
    return images


def initials(name: str) -> str:
    """The initials of a name: "Maja Lindqvist-Örn" -> "M. L.-Ö."."""
    parts = ["-".join(f"{p[0]}." for p in word.split("-") if p) for word in name.split()]
    return " ".join(p for p in parts if p)


def student_label(uow: UnitOfWork, case: Case, full_name: bool) -> str:
    student = uow.session.get(Student, case.student_id) if case.student_id else None
    if student is None:
        return sv.NOT_IDENTIFIED
    name = f"{student.first_name} {student.last_name}"
    return name if full_name else initials(name)


def family_names(uow: UnitOfWork, case: Case) -> list[str]:
    """The student's and the guardians' names (for the check that the text names nobody)."""
    student = uow.session.get(Student, case.student_id) if case.student_id else None
    if student is None:
        return []
    guardians = select(Guardian.name).where(
        Guardian.student_id == student.id, Guardian.deleted.is_(False)
    )
    return [student.first_name, student.last_name, *uow.session.scalars(guardians)]


def _guardian_count(uow: UnitOfWork, case: Case) -> int:
    if case.student_id is None:
        return 0
    query = select(func.count(Guardian.id)).where(
        Guardian.student_id == case.student_id,
        Guardian.has_custody.is_(True),
        Guardian.deleted.is_(False),
    )
    return int(uow.session.scalar(query) or 0)


def organisation_names(uow: UnitOfWork, case: Case) -> tuple[str | None, str | None]:
    team = uow.session.get(Team, case.team_id) if case.team_id else None
    district_id = case.district_id or (team.district_id if team else None)
    district = uow.session.get(District, district_id) if district_id else None
    municipality = uow.session.get(Municipality, district.municipality_id) if district else None
    return (team.name if team else None, municipality.name if municipality else None)
