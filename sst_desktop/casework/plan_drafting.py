"""Changing a draft: edit or remove a goal or an intervention, and take a revision that waits
for signatures back to a draft when the family wants something changed before signing.

Only a draft changes (``plan_service._draft``); a signed revision is changed by revising it.
Removing is a tombstone, like every delete of a synced record: a goal goes with its sub-goals
and with the interventions under them, so nothing is left pointing at a removed goal.
"""

from __future__ import annotations

from sqlalchemy import select

from sst_desktop.casework.context import ServiceContext, get_or_fail, require_text
from sst_desktop.casework.plan_service import (
    GoalInput,
    InterventionInput,
    _awaiting,
    _check_tool,
    _draft,
    check_period,
)
from sst_desktop.errors import ValidationError, error_code
from sst_desktop.models.plan import PlanGoal, PlanIntervention, PlanSignature
from sst_desktop.store.unit_of_work import ChangeSet, UnitOfWork
from sst_rules.enums import PlanRevisionStatus

NOT_IN_REVISION = error_code(
    "plan.goal_elsewhere", "The goal belongs to another revision of the plan."
)


def update_goal(ctx: ServiceContext, goal_id: str, data: GoalInput) -> ChangeSet:
    """New text, criterion, target date and perspective; a sub-goal stays under its goal."""
    with ctx.unit_of_work() as uow:
        goal: PlanGoal = get_or_fail(uow, PlanGoal, goal_id)
        _draft(uow, goal.revision_id)
        goal.text = require_text(data.text, "goal")
        goal.criterion = (data.criterion or "").strip() or None
        goal.target_date = data.target_date
        if goal.parent_id is None:
            goal.perspective = data.perspective
        return uow.commit()


def remove_goal(ctx: ServiceContext, goal_id: str) -> ChangeSet:
    with ctx.unit_of_work() as uow:
        goal: PlanGoal = get_or_fail(uow, PlanGoal, goal_id)
        _draft(uow, goal.revision_id)
        children = list(
            uow.session.scalars(
                select(PlanGoal).where(PlanGoal.parent_id == goal.id, PlanGoal.deleted.is_(False))
            )
        )
        gone = [goal, *children]
        gone += uow.session.scalars(
            select(PlanIntervention).where(
                PlanIntervention.goal_id.in_([g.id for g in gone]),
                PlanIntervention.deleted.is_(False),
            )
        )
        for record in gone:
            record.deleted = True
        return uow.commit()


def update_intervention(
    ctx: ServiceContext, intervention_id: str, data: InterventionInput
) -> ChangeSet:
    with ctx.unit_of_work() as uow:
        item: PlanIntervention = get_or_fail(uow, PlanIntervention, intervention_id)
        _draft(uow, item.revision_id)
        _check_tool(uow, data)
        check_period(data)
        _check_goal(uow, item.revision_id, data.goal_id)
        item.goal_id = data.goal_id
        item.toolbox_code = data.toolbox_code
        item.free_text = (data.free_text or "").strip() or None
        item.responsible = require_text(data.responsible, "responsible")
        item.recipient = (data.recipient or "").strip() or None
        item.setting = data.setting
        item.frequency = (data.frequency or "").strip() or None
        item.active_from, item.active_to = data.active_from, data.active_to
        return uow.commit()


def remove_intervention(ctx: ServiceContext, intervention_id: str) -> ChangeSet:
    with ctx.unit_of_work() as uow:
        item: PlanIntervention = get_or_fail(uow, PlanIntervention, intervention_id)
        _draft(uow, item.revision_id)
        item.deleted = True
        return uow.commit()


def back_to_draft(ctx: ServiceContext, revision_id: str) -> ChangeSet:
    """A revision waiting for signatures becomes a draft again. What was signed so far was
    signed for the content as it stood, so those signatures (and declines) are tombstoned:
    the audit trail and the synced tombstones keep that they were given."""
    with ctx.unit_of_work() as uow:
        revision = _awaiting(uow, revision_id)
        signed = list(
            uow.session.scalars(
                select(PlanSignature).where(
                    PlanSignature.revision_id == revision_id, PlanSignature.deleted.is_(False)
                )
            )
        )
        for signature in signed:
            signature.deleted = True
        revision.status = PlanRevisionStatus.DRAFT
        uow.audit("update", "plan_revisions", revision.id, revision.case_id, withdrawn=len(signed))
        return uow.commit()


def _check_goal(uow: UnitOfWork, revision_id: str, goal_id: str | None) -> None:
    if goal_id is None:
        return
    goal: PlanGoal = get_or_fail(uow, PlanGoal, goal_id)
    if goal.revision_id != revision_id:
        raise ValidationError(NOT_IN_REVISION)
