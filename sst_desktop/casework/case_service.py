"""The case's life: workflow steps checked against the programme's rules, stepping between
SST and SST plus without re-creating the case, staff assignment and hand-over."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from sst_desktop.casework.closure_service import ClosureInput, record_closure
from sst_desktop.casework.context import ServiceContext, get_or_fail, owner_tags, require_text
from sst_desktop.errors import ValidationError, WorkflowError, error_code
from sst_desktop.models.case import Case, CaseAssignment, CaseStatusChange, Decision
from sst_desktop.models.consent import Consent
from sst_desktop.models.organisation import Staff
from sst_desktop.models.referral import Guidance
from sst_desktop.models.rules import workflow
from sst_desktop.store.unit_of_work import ChangeSet, UnitOfWork
from sst_rules.consent import ConsentState, is_active
from sst_rules.enums import CaseStatus, ConsentPurpose, DecisionKind, Programme
from sst_rules.retention import add_months

CLOSURE_REQUIRED = error_code(
    "case.closure_required", "Closing a case needs the closure details (reason, goals met)."
)
NOT_ASSIGNED = error_code("case.not_assigned", "That staff member is not assigned to this case.")
_REFERENCE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"


@dataclass(frozen=True)
class NewCase:
    programme: Programme
    status: CaseStatus
    opened_on: date
    team_id: str | None
    district_id: str | None
    school_id: str | None = None
    school_year: int | None = None
    student_id: str | None = None
    legal_basis: str | None = None


def open_case(uow: UnitOfWork, ctx: ServiceContext, data: NewCase) -> Case:
    """Create a case inside the caller's unit of work, with its first status change."""
    case = uow.add(
        Case(
            programme=data.programme,
            status=data.status,
            student_id=data.student_id,
            team_id=data.team_id,
            district_id=data.district_id,
            school_id=data.school_id,
            school_year=data.school_year,
            opened_on=data.opened_on,
            started_on=None,
            closed_on=None,
            legal_basis=data.legal_basis,
            reference=_new_reference(data.programme, data.opened_on),
            **owner_tags(ctx.actor),
        )
    )
    _log_change(uow, ctx, case, None, None, None)
    return case


def _new_reference(programme: Programme, opened_on: date) -> str:
    """Short, speakable, unique across offline devices, and free of personal data."""
    prefix = "SSTP" if programme == Programme.SST_PLUS else "SST"
    tail = "".join(secrets.choice(_REFERENCE_ALPHABET) for _ in range(6))
    return f"{prefix}-{opened_on:%y}-{tail}"


def _log_change(
    uow: UnitOfWork,
    ctx: ServiceContext,
    case: Case,
    from_programme: Programme | None,
    from_status: CaseStatus | None,
    reason: str | None,
) -> None:
    uow.add(
        CaseStatusChange(
            case_id=case.id,
            at=ctx.clock.now(),
            from_programme=from_programme,
            to_programme=case.programme,
            from_status=from_status,
            to_status=case.status,
            reason=reason,
            **owner_tags(ctx.actor),
        )
    )


def transition(
    ctx: ServiceContext,
    case_id: str,
    to_status: CaseStatus,
    *,
    reason: str | None = None,
    closure: ClosureInput | None = None,
) -> ChangeSet:
    """Move the case one step; the programme's workflow and its guards decide if it may."""
    with ctx.unit_of_work() as uow:
        case: Case = get_or_fail(uow, Case, case_id)
        apply_transition(uow, ctx, case, to_status, reason=reason, closure=closure)
        return uow.commit()


def apply_transition(
    uow: UnitOfWork,
    ctx: ServiceContext,
    case: Case,
    to_status: CaseStatus,
    *,
    reason: str | None = None,
    closure: ClosureInput | None = None,
) -> None:
    today = ctx.clock.today()
    config = ctx.rules.for_case(case.programme, case.district_id, today)
    facts = _facts(uow, ctx, case, to_status, today, reason)
    workflow.check_transition(config, case.status, to_status, context=facts)
    from_status = case.status
    case.status = to_status
    if to_status == CaseStatus.STARTED and case.started_on is None:
        case.started_on = today
    if to_status in config.workflow.closed_states and case.closed_on is None:
        case.closed_on = today
    if to_status == CaseStatus.CLOSED and from_status != CaseStatus.CLOSED:
        if closure is None:
            raise ValidationError(CLOSURE_REQUIRED)
        record_closure(uow, ctx, case, closure, follow_up_consent=facts.follow_up_consent)
    if reason and from_status in (CaseStatus.ACTIVE, CaseStatus.CLOSING) and facts.past_time_limit:
        case.time_limit_reason = reason
    _log_change(uow, ctx, case, case.programme, from_status, reason)


def _facts(
    uow: UnitOfWork,
    ctx: ServiceContext,
    case: Case,
    to_status: CaseStatus,
    today: date,
    reason: str | None,
) -> workflow.TransitionContext:
    """Gather only the facts this transition's guards (and a closure) read: each one is a query."""
    config = ctx.rules.for_case(case.programme, case.district_id, today)
    needed = workflow.required_facts(config, case.status, to_status)
    if to_status == CaseStatus.CLOSED:
        needed.add("follow_up_consent")
    active: list[ConsentState] = []
    if needed & {"intervention_consent", "follow_up_consent"}:
        consents = uow.session.scalars(
            select(Consent).where(Consent.case_id == case.id, Consent.deleted.is_(False))
        )
        active = [s for s in map(_consent_state, consents) if is_active(s, today)]
    return workflow.TransitionContext(
        intervention_consent=any(_covers(c, case.programme) for c in active),
        guidance_recorded="guidance_recorded" in needed
        and _exists(uow, select(Guidance.id).where(Guidance.case_id == case.id)),
        continuation_decision="continuation_decision" in needed
        and _exists(
            uow,
            select(Decision.id).where(
                Decision.case_id == case.id,
                Decision.kind == DecisionKind.CONTINUATION,
                Decision.granted.is_(True),
            ),
        ),
        past_time_limit=_past_time_limit(config.time_limit_months, case, today),
        time_limit_reason=bool(case.time_limit_reason or (reason or "").strip()),
        follow_up_consent=any(ConsentPurpose.FOLLOW_UP_AFTER_CLOSURE in c.purposes for c in active),
    )


def _covers(consent: ConsentState, programme: Programme) -> bool:
    wanted = (
        ConsentPurpose.SST_INTERVENTION
        if programme == Programme.SST
        else ConsentPurpose.SHARING_BETWEEN_AUTHORITIES
    )
    return wanted in consent.purposes


def _consent_state(consent: Consent) -> ConsentState:
    return ConsentState.from_record(consent)


def _exists(uow: UnitOfWork, query: object) -> bool:
    return uow.session.scalar(query) is not None  # type: ignore[call-overload]


def step_programme(ctx: ServiceContext, case_id: str, target: Programme, reason: str) -> ChangeSet:
    """SST -> SST plus or back, on the same case: history, plans and consents stay."""
    with ctx.unit_of_work() as uow:
        case: Case = get_or_fail(uow, Case, case_id)
        new_status = workflow.step_programme(case.programme, case.status, target)
        from_programme, from_status = case.programme, case.status
        case.programme, case.status = target, new_status
        _log_change(uow, ctx, case, from_programme, from_status, require_text(reason, "reason"))
        return uow.commit()


def assign_staff(
    ctx: ServiceContext, case_id: str, staff_id: str, responsibility: str, on: date
) -> ChangeSet:
    with ctx.unit_of_work() as uow:
        get_or_fail(uow, Case, case_id)
        uow.add(
            CaseAssignment(
                case_id=case_id,
                staff_id=staff_id,
                responsibility=responsibility,
                assigned_on=on,
                ended_on=None,
                **owner_tags(ctx.actor),
            )
        )
        return uow.commit()


def hand_over(
    ctx: ServiceContext,
    case_id: str,
    from_staff_id: str,
    to_staff_id: str,
    on: date,
    note: str | None = None,
) -> ChangeSet:
    """End one assignment and start the colleague's with the same responsibility."""
    with ctx.unit_of_work() as uow:
        current = uow.session.scalar(
            select(CaseAssignment).where(
                CaseAssignment.case_id == case_id,
                CaseAssignment.staff_id == from_staff_id,
                CaseAssignment.ended_on.is_(None),
            )
        )
        if current is None:
            raise WorkflowError(NOT_ASSIGNED)
        current.ended_on, current.handover_note = on, note
        uow.add(
            CaseAssignment(
                case_id=case_id,
                staff_id=to_staff_id,
                responsibility=current.responsibility,
                assigned_on=on,
                ended_on=None,
                handover_note=note,
                **owner_tags(ctx.actor),
            )
        )
        return uow.commit()


def _past_time_limit(limit_months: int, case: Case, today: date) -> bool:
    return case.started_on is not None and today > add_months(case.started_on, limit_months)


def is_past_time_limit(ctx: ServiceContext, case_id: str) -> bool:
    """Has the support run longer than the programme's time limit (from the start date)?"""
    with ctx.unit_of_work() as uow:
        case: Case = get_or_fail(uow, Case, case_id)
        today = ctx.clock.today()
        config = ctx.rules.for_case(case.programme, case.district_id, today)
        return _past_time_limit(config.time_limit_months, case, today)


def record_time_limit_reason(ctx: ServiceContext, case_id: str, reason: str) -> ChangeSet:
    """SST past its time limit continues only with a written reason (001:L343)."""
    with ctx.unit_of_work() as uow:
        case: Case = get_or_fail(uow, Case, case_id)
        case.time_limit_reason = require_text(reason, "reason")
        return uow.commit()


@dataclass(frozen=True)
class CaseSteps:
    """What the case's Referral and decisions tab offers: the workflow's next steps from here,
    the time limit, who works the case and who on the team could take it over."""

    status: str
    programme: str
    allowed: tuple[str, ...]
    past_time_limit: bool
    has_time_limit_reason: bool
    assigned: tuple[tuple[str, str], ...]  # (staff id, name)
    colleagues: tuple[tuple[str, str], ...]


def case_steps(ctx: ServiceContext, case_id: str) -> CaseSteps:
    today = ctx.clock.today()
    with ctx.unit_of_work() as uow:
        case: Case = get_or_fail(uow, Case, case_id)
        config = ctx.rules.for_case(case.programme, case.district_id, today)
        assigned = tuple(
            (row.id, row.name)
            for row in uow.session.execute(
                select(Staff.id, Staff.name)
                .join(CaseAssignment, CaseAssignment.staff_id == Staff.id)
                .where(CaseAssignment.case_id == case_id, CaseAssignment.ended_on.is_(None))
            )
        )
        colleagues = tuple(
            (row.id, row.name)
            for row in uow.session.execute(
                select(Staff.id, Staff.name)
                .where(Staff.team_id == ctx.actor.team_id, Staff.deleted.is_(False))
                .order_by(Staff.name)
            )
        )
        return CaseSteps(
            status=case.status.value,
            programme=case.programme.value,
            allowed=tuple(s.value for s in workflow.allowed_next(config, case.status)),
            past_time_limit=_past_time_limit(config.time_limit_months, case, today),
            has_time_limit_reason=bool(case.time_limit_reason),
            assigned=assigned,
            colleagues=colleagues,
        )
