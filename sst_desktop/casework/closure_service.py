"""Closing a case schedules its follow-ups from the programme rules; follow-ups record
participation and knowledge at 3 and 6 months (ratings: ``rating_service``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sst_desktop.casework.context import ServiceContext, get_or_fail, owner_tags
from sst_desktop.errors import ValidationError, WorkflowError, error_code
from sst_desktop.models.case import Case
from sst_desktop.models.closure import Closure, FollowUp
from sst_desktop.store.unit_of_work import ChangeSet, UnitOfWork
from sst_rules.enums import ClosureReason, ParticipationLevel
from sst_rules.retention import add_months

GOALS_MET_VALUES = ("yes", "partly", "no")
GOALS_MET_INVALID = error_code("closure.goals_met", "Goals met must be yes, partly or no.")
FOLLOW_UP_DONE = error_code("follow_up.done", "This follow-up is already recorded.")
ALREADY_CLOSED = error_code("closure.exists", "This case already has a closure recorded.")


@dataclass(frozen=True)
class ClosureInput:
    closed_on: date
    reason: ClosureReason
    goals_met: str
    declined_recommendations: tuple[str, ...] = ()
    maintenance_plan_wanted: bool = False
    student_view: str | None = None
    guardian_view: str | None = None
    note: str | None = None


def record_closure(
    uow: UnitOfWork, ctx: ServiceContext, case: Case, data: ClosureInput, follow_up_consent: bool
) -> None:
    """Write the closure and its follow-ups inside the caller's unit of work (the workflow
    transition to closed)."""
    if data.goals_met not in GOALS_MET_VALUES:
        raise ValidationError(GOALS_MET_INVALID)
    if any(not c.deleted for c in uow.session.query(Closure).filter_by(case_id=case.id)):
        raise WorkflowError(ALREADY_CLOSED)
    uow.add(
        Closure(
            case_id=case.id,
            closed_on=data.closed_on,
            reason=data.reason,
            goals_met=data.goals_met,
            declined_recommendations=list(data.declined_recommendations),
            maintenance_plan_wanted=data.maintenance_plan_wanted,
            student_view=data.student_view,
            guardian_view=data.guardian_view,
            note=data.note,
            **owner_tags(ctx.actor),
        )
    )
    config = ctx.rules.for_case(case.programme, case.district_id, data.closed_on)
    if config.follow_up_requires_consent and not follow_up_consent:
        return
    for months in config.follow_up_months:
        uow.add(
            FollowUp(
                case_id=case.id,
                months_after=months,
                due_on=add_months(data.closed_on, months),
                done_on=None,
                participation_level=None,
                acceptable_knowledge=None,
                upper_secondary_eligible=None,
                note=None,
                **owner_tags(ctx.actor),
            )
        )


@dataclass(frozen=True)
class FollowUpInput:
    done_on: date
    participation_level: ParticipationLevel | None
    acceptable_knowledge: bool | None
    upper_secondary_eligible: bool | None = None
    note: str | None = None


def record_follow_up(ctx: ServiceContext, follow_up_id: str, data: FollowUpInput) -> ChangeSet:
    with ctx.unit_of_work() as uow:
        follow_up: FollowUp = get_or_fail(uow, FollowUp, follow_up_id)
        if follow_up.done_on is not None:
            raise WorkflowError(FOLLOW_UP_DONE)
        follow_up.done_on, follow_up.note = data.done_on, data.note
        follow_up.participation_level = data.participation_level
        follow_up.acceptable_knowledge = data.acceptable_knowledge
        follow_up.upper_secondary_eligible = data.upper_secondary_eligible
        return uow.commit()
