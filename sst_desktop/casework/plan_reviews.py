"""Reviews of a signed plan: each goal's status at a review (met, partly, not yet), and when the
next review is due by the programme's rules.

A review is a record of its own beside the signed goal (the goal stays as signed). Only the
revision in force is reviewed: a draft has not been agreed yet, and a superseded revision has
been replaced by what the family signed since.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sst_desktop.casework.context import ServiceContext, get_or_fail, owner_tags
from sst_desktop.casework.plan_dto import NextReview
from sst_desktop.config.programmes import ProgrammeConfig
from sst_desktop.errors import ValidationError, WorkflowError, error_code
from sst_desktop.models.plan import PlanGoal, PlanGoalReview, PlanRevision
from sst_desktop.store.unit_of_work import ChangeSet
from sst_rules.enums import GoalStatus, PlanRevisionStatus
from sst_rules.retention import add_months

NOT_IN_FORCE = error_code(
    "plan.review_not_in_force",
    "Only the signed revision in force is reviewed; revision {number} is {status}.",
)
REVIEW_LATER = error_code("plan.review_in_future", "A review cannot be dated after today ({day}).")
NOTHING_REVIEWED = error_code("plan.review_empty", "Give a status for at least one goal.")


@dataclass(frozen=True)
class GoalReviewInput:
    goal_id: str
    status: GoalStatus
    note: str | None = None


def review_goals(
    ctx: ServiceContext, reviewed_on: date, reviews: Sequence[GoalReviewInput]
) -> ChangeSet:
    """The goals' status at one review, written together."""
    if not reviews:
        raise ValidationError(NOTHING_REVIEWED)
    today = ctx.clock.today()
    if reviewed_on > today:
        raise ValidationError(REVIEW_LATER, day=today.isoformat())
    with ctx.unit_of_work() as uow:
        for wanted in reviews:
            goal: PlanGoal = get_or_fail(uow, PlanGoal, wanted.goal_id)
            revision: PlanRevision = get_or_fail(uow, PlanRevision, goal.revision_id)
            if revision.status != PlanRevisionStatus.SIGNED:
                raise WorkflowError(
                    NOT_IN_FORCE, number=revision.number, status=revision.status.value
                )
            uow.add(
                PlanGoalReview(
                    case_id=goal.case_id,
                    goal_id=goal.id,
                    reviewed_on=reviewed_on,
                    status=wanted.status,
                    note=(wanted.note or "").strip() or None,
                    **owner_tags(ctx.actor),
                )
            )
        return uow.commit()


def review_goal(
    ctx: ServiceContext,
    goal_id: str,
    reviewed_on: date,
    status: GoalStatus,
    note: str | None = None,
) -> ChangeSet:
    return review_goals(ctx, reviewed_on, [GoalReviewInput(goal_id, status, note)])


def next_review(
    config: ProgrammeConfig,
    *,
    started_on: date | None,
    valid_from: date | None,
    last_review: date | None,
    planned: date | None,
    today: date,
) -> NextReview:
    """When the plan is next reviewed.

    The date written in the plan counts while no review has been held on or after it. Else
    the programme: SST reviews every ``review_weeks`` (4-6) after the plan took effect or the
    last review; SST plus meets ``follow_up_meeting_months`` (3) after the start and evaluates
    at ``evaluation_months`` (6), after which a continuation decision sets what follows.
    A draft is dated from today, as if signed now."""
    if planned is not None and (last_review is None or planned > last_review):
        return NextReview(planned, planned, "planned")
    base = max(d for d in (valid_from or today, last_review) if d is not None)
    if config.review_weeks is not None:
        return NextReview(
            base + timedelta(weeks=config.review_weeks.max),
            base + timedelta(weeks=config.review_weeks.min),
            "weeks",
        )
    start = started_on or valid_from or today
    for months, rule in (
        (config.follow_up_meeting_months, "follow_up_meeting"),
        (config.evaluation_months, "evaluation"),
    ):
        if months:
            due = add_months(start, months)
            if due > base:
                return NextReview(due, due, rule)
    return NextReview(None, None, "none")
