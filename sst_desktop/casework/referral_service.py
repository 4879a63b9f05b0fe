"""How students reach the team: SST's anonymous referral request and its decision; SST plus
applications by any route, social services' assessments, the admission group's decision with a
priority suggestion, decisions per authority, decline with guidance, and consultations."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import date

from sqlalchemy import select

from sst_desktop.casework.case_service import NewCase, apply_transition, open_case
from sst_desktop.casework.context import (
    ServiceContext,
    get_or_fail,
    owner_tags,
    require_authority,
    require_text,
)
from sst_desktop.casework.deidentification import require_no_identity
from sst_desktop.casework.student_service import StudentInput, register_student
from sst_desktop.errors import ValidationError, WorkflowError, error_code
from sst_desktop.models.case import Assignment, Case, Decision
from sst_desktop.models.consent import Consent
from sst_desktop.models.people import Student
from sst_desktop.models.referral import (
    AdmissionDecision,
    Application,
    Assessment,
    Consultation,
    Guidance,
    ReferralRequest,
)
from sst_desktop.models.rules.priority import check_override
from sst_desktop.store.unit_of_work import ChangeSet, UnitOfWork
from sst_rules.enums import (
    AdmissionOutcome,
    Authority,
    CaseStatus,
    ConsentPurpose,
    DecisionKind,
    Gender,
    LegalBasis,
    Programme,
    RecordClass,
    ReferralRoute,
)

NO_FAMILY_YES = error_code(
    "referral.no_family_consent",
    "A student can be linked to the request only after the family has said yes (consent).",
)
ALREADY_DECIDED = error_code("referral.decided", "This referral request is already decided.")
ABSENCE_RANGE = error_code(
    "referral.absence_range", "An absence percentage must be between 0 and 100."
)
DECISION_AUTHORITY = {
    DecisionKind.ASSISTANCE: Authority.SOCIAL_SERVICES,
    DecisionKind.CONTINUATION: Authority.SOCIAL_SERVICES,
    DecisionKind.SPECIAL_SUPPORT: Authority.SCHOOL,
    DecisionKind.ADDITIONAL_ADAPTATIONS: Authority.SCHOOL,
}


@dataclass(frozen=True)
class RequestInput:
    """The fields of domain.md's referral request. There is deliberately no name field."""

    received_on: date
    district_id: str | None
    school_id: str | None
    school_year: int | None
    gender: Gender | None
    absence_percent: int | None
    cause_student_view: str | None = None
    cause_guardian_view: str | None = None
    concern_report_last_6_months: bool | None = None
    adaptations_tried: str | None = None
    assessments_done: str | None = None
    measures_taken: str | None = None
    expected_of_team: str | None = None


def receive_referral_request(
    ctx: ServiceContext, data: RequestInput, team_id: str | None
) -> tuple[str, str]:
    """Store the anonymous request and open an SST case without a student; (request, case)."""
    if data.absence_percent is not None and not 0 <= data.absence_percent <= 100:
        raise ValidationError(ABSENCE_RANGE)
    texts = {
        f.name: getattr(data, f.name)
        for f in fields(data)
        if isinstance(getattr(data, f.name), str) and not f.name.endswith("_id")  # ids: ours
    }
    require_no_identity(texts, ctx.clock.today())
    with ctx.unit_of_work() as uow:
        case = open_case(
            uow,
            ctx,
            NewCase(
                programme=Programme.SST,
                status=CaseStatus.REQUESTED,
                opened_on=data.received_on,
                team_id=team_id,
                district_id=data.district_id,
                school_id=data.school_id,
                school_year=data.school_year,
                legal_basis=LegalBasis.SERVICE,
            ),
        )
        request = uow.add(
            ReferralRequest(
                **{f.name: getattr(data, f.name) for f in fields(data)},
                case_id=case.id,
                authority=ctx.actor.authority,
                record_class=RecordClass.REFERRAL_REQUEST,
            )
        )
        uow.commit()
        return str(request.id), str(case.id)


def decide_referral_request(
    ctx: ServiceContext, request_id: str, accept: bool, guided_to: str | None = None
) -> ChangeSet:
    """Accept (the case is decided) or decline, which always needs guidance to other support."""
    with ctx.unit_of_work() as uow:
        request: ReferralRequest = get_or_fail(uow, ReferralRequest, request_id)
        if request.decision is not None:
            raise WorkflowError(ALREADY_DECIDED)
        request.decision = "accepted" if accept else "declined"
        request.decided_on, request.decided_by = ctx.clock.today(), ctx.actor.staff_id
        case: Case = get_or_fail(uow, Case, request.case_id or "")
        if not accept:
            _add_guidance(uow, ctx, case.id, request.id, guided_to)
        target = CaseStatus.DECIDED if accept else CaseStatus.DECLINED
        apply_transition(uow, ctx, case, target)
        return uow.commit()


def link_student(ctx: ServiceContext, case_id: str, student_id: str) -> ChangeSet:
    """After the family's yes the case (and its request) gets its student."""
    with ctx.unit_of_work() as uow:
        case: Case = get_or_fail(uow, Case, case_id)
        student: Student = get_or_fail(uow, Student, student_id)
        _require_family_yes(uow, case_id)
        case.student_id = student.id
        case.school_id = case.school_id or student.school_id
        return uow.commit()


def link_new_student(ctx: ServiceContext, case_id: str, data: StudentInput) -> str:
    """Register the student and link them, checking the family's yes first so a refused link
    leaves no student record behind."""
    with ctx.unit_of_work() as uow:
        _require_family_yes(uow, case_id)
    student_id = register_student(ctx, data)
    link_student(ctx, case_id, student_id)
    return student_id


def _require_family_yes(uow: UnitOfWork, case_id: str) -> None:
    consents = uow.session.scalars(
        select(Consent).where(
            Consent.case_id == case_id,
            Consent.withdrawn_on.is_(None),
            Consent.deleted.is_(False),
        )
    ).all()
    if not any(_family_said_yes(c) for c in consents):
        raise WorkflowError(NO_FAMILY_YES)


def _family_said_yes(consent: Consent) -> bool:
    purposes = {ConsentPurpose.INFORMATION_MEETING_PARTICIPATION, ConsentPurpose.SST_INTERVENTION}
    return (
        bool(purposes & set(consent.purposes))
        and bool(consent.parties)
        and all(p.agreed for p in consent.parties)
    )


@dataclass(frozen=True)
class ApplicationInput:
    route: ReferralRoute
    received_on: date
    student_id: str
    team_id: str | None
    district_id: str | None
    applicant: str | None = None
    reason: str | None = None
    absence_percent: int | None = None
    other_indicators: str | None = None


def receive_application(ctx: ServiceContext, data: ApplicationInput) -> str:
    """An identified SST plus application by any route opens an SST plus case ('applied')."""
    if data.absence_percent is not None and not 0 <= data.absence_percent <= 100:
        raise ValidationError(ABSENCE_RANGE)
    with ctx.unit_of_work() as uow:
        student: Student = get_or_fail(uow, Student, data.student_id)
        case = open_case(
            uow,
            ctx,
            NewCase(
                programme=Programme.SST_PLUS,
                status=CaseStatus.APPLIED,
                opened_on=data.received_on,
                team_id=data.team_id,
                district_id=data.district_id,
                school_id=student.school_id,
                school_year=student.school_year,
                student_id=student.id,
                legal_basis=LegalBasis.ASSISTANCE,
            ),
        )
        uow.add(
            Application(
                case_id=case.id,
                route=data.route,
                received_on=data.received_on,
                applicant=data.applicant,
                reason=data.reason,
                absence_percent=data.absence_percent,
                other_indicators=data.other_indicators,
                **owner_tags(ctx.actor),
            )
        )
        uow.commit()
        return str(case.id)


def receive_application_for_new_student(
    ctx: ServiceContext, student: StudentInput, data: ApplicationInput
) -> str:
    """An application for a student not yet in the profile: the application is checked first,
    so a refused one leaves no student record behind."""
    if data.absence_percent is not None and not 0 <= data.absence_percent <= 100:
        raise ValidationError(ABSENCE_RANGE)
    student_id = register_student(ctx, student)
    return receive_application(ctx, replace(data, student_id=student_id))


def record_assessment(
    ctx: ServiceContext, case_id: str, kind: str, assessed_on: date, summary: str
) -> ChangeSet:
    """Social services' own assessment; the case moves to 'assessed' when still 'applied'."""
    require_authority(ctx.actor, Authority.SOCIAL_SERVICES, "assessment")
    with ctx.unit_of_work() as uow:
        case: Case = get_or_fail(uow, Case, case_id)
        uow.add(
            Assessment(
                case_id=case_id,
                kind=require_text(kind, "kind"),
                assessed_on=assessed_on,
                summary=require_text(summary, "summary"),
                **owner_tags(ctx.actor),
            )
        )
        if case.status == CaseStatus.APPLIED:
            apply_transition(uow, ctx, case, CaseStatus.ASSESSED)
        return uow.commit()


@dataclass(frozen=True)
class AdmissionInput:
    met_on: date
    outcome: AdmissionOutcome
    suggested_rank: int | None
    final_rank: int | None
    members: tuple[str, ...]
    override_reason: str | None = None
    guided_to: str | None = None


def record_admission(ctx: ServiceContext, case_id: str, data: AdmissionInput) -> ChangeSet:
    """The admission group's outcome; granting admits the case, declining needs guidance."""
    check_override(data.suggested_rank, data.final_rank, data.override_reason)
    with ctx.unit_of_work() as uow:
        case: Case = get_or_fail(uow, Case, case_id)
        uow.add(
            AdmissionDecision(
                case_id=case_id,
                met_on=data.met_on,
                outcome=data.outcome,
                suggested_rank=data.suggested_rank,
                final_rank=data.final_rank,
                override_reason=data.override_reason,
                members=list(data.members),
                **owner_tags(ctx.actor),
            )
        )
        if data.outcome == AdmissionOutcome.GRANTED:
            apply_transition(uow, ctx, case, CaseStatus.ADMITTED)
        elif data.outcome == AdmissionOutcome.DECLINED:
            _add_guidance(uow, ctx, case.id, None, data.guided_to)
            apply_transition(uow, ctx, case, CaseStatus.DECLINED)
        return uow.commit()


@dataclass(frozen=True)
class DecisionInput:
    kind: DecisionKind
    decided_on: date
    granted: bool
    legal_basis: LegalBasis | None = None
    valid_from: date | None = None
    valid_to: date | None = None
    decided_by: str | None = None
    reference: str | None = None
    overall_goal: str | None = None  # the assignment's overall goal (biståndsbeslut)
    recipient_unit: str | None = None


def record_decision(ctx: ServiceContext, case_id: str, data: DecisionInput) -> str:
    """Each authority decides under its own rules; a granted biståndsbeslut carries an
    assignment with its overall goal."""
    owner = DECISION_AUTHORITY.get(data.kind)
    if owner is not None:
        require_authority(ctx.actor, owner, f"decision ({data.kind.value})")
    if data.kind == DecisionKind.ASSISTANCE and data.granted:
        require_text(data.overall_goal, "overall_goal")
    with ctx.unit_of_work() as uow:
        get_or_fail(uow, Case, case_id)
        decision = uow.add(
            Decision(
                case_id=case_id,
                kind=data.kind,
                decided_on=data.decided_on,
                granted=data.granted,
                legal_basis=data.legal_basis,
                valid_from=data.valid_from,
                valid_to=data.valid_to,
                decided_by=data.decided_by,
                reference=data.reference,
                **owner_tags(ctx.actor),
            )
        )
        if data.kind == DecisionKind.ASSISTANCE and data.granted:
            uow.add(
                Assignment(
                    case_id=case_id,
                    decision_id=decision.id,
                    overall_goal=data.overall_goal or "",
                    recipient_unit=data.recipient_unit,
                    **owner_tags(ctx.actor),
                )
            )
        uow.commit()
        return str(decision.id)


def decline_with_guidance(
    ctx: ServiceContext, case_id: str, guided_to: str, note: str | None = None
) -> ChangeSet:
    with ctx.unit_of_work() as uow:
        case: Case = get_or_fail(uow, Case, case_id)
        _add_guidance(uow, ctx, case.id, None, guided_to, note)
        apply_transition(uow, ctx, case, CaseStatus.DECLINED)
        return uow.commit()


def _add_guidance(
    uow: UnitOfWork,
    ctx: ServiceContext,
    case_id: str | None,
    request_id: str | None,
    guided_to: str | None,
    note: str | None = None,
) -> None:
    uow.add(
        Guidance(
            case_id=case_id,
            referral_request_id=request_id,
            given_on=ctx.clock.today(),
            guided_to=require_text(guided_to, "guided_to"),
            note=note,
            **owner_tags(ctx.actor),
        )
    )


@dataclass(frozen=True)
class ConsultationInput:
    held_on: date
    topic: str
    team_id: str | None = None
    asked_by_role: str | None = None
    school_id: str | None = None
    school_year: int | None = None
    advice: str | None = None


def log_consultation(ctx: ServiceContext, data: ConsultationInput) -> str:
    """Advice about a student the team does not take: no identified student, checked like a
    referral request."""
    require_no_identity({"topic": data.topic, "advice": data.advice}, ctx.clock.today())
    with ctx.unit_of_work() as uow:
        consultation = uow.add(
            Consultation(
                team_id=data.team_id,
                held_on=data.held_on,
                asked_by_role=data.asked_by_role,
                school_id=data.school_id,
                school_year=data.school_year,
                topic=require_text(data.topic, "topic"),
                advice=data.advice,
                **owner_tags(ctx.actor),
            )
        )
        uow.commit()
        return str(consultation.id)
