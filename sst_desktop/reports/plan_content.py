"""A stored plan revision as the fingerprint's plain content, and as the numbered goal and
intervention lines a page shows. Reads only; the caller owns the unit of work and the checks."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from sst_desktop.models.plan import (
    Plan,
    PlanGoal,
    PlanIntervention,
    PlanRevision,
    PlanSignature,
    ToolboxItem,
)
from sst_desktop.reports import plan_labels as sv
from sst_desktop.reports.fingerprint import (
    GoalContent,
    InterventionContent,
    RevisionContent,
    ordered_goals,
)
from sst_desktop.reports.plan_document import GoalLine, InterventionLine
from sst_desktop.store.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class RevisionRecords:
    """A revision with everything stored under it (tombstoned rows left out)."""

    plan: Plan
    revision: PlanRevision
    goals: list[PlanGoal]
    interventions: list[PlanIntervention]
    signatures: list[PlanSignature]

    def all(self) -> list[object]:
        return [self.plan, self.revision, *self.goals, *self.interventions, *self.signatures]


def load_records(uow: UnitOfWork, plan: Plan, revision: PlanRevision) -> RevisionRecords:
    under = revision.id
    goals = select(PlanGoal).where(PlanGoal.revision_id == under, PlanGoal.deleted.is_(False))
    items = select(PlanIntervention).where(
        PlanIntervention.revision_id == under, PlanIntervention.deleted.is_(False)
    )
    signed = select(PlanSignature).where(
        PlanSignature.revision_id == under, PlanSignature.deleted.is_(False)
    )
    return RevisionRecords(
        plan,
        revision,
        list(uow.session.scalars(goals)),
        list(uow.session.scalars(items)),
        list(uow.session.scalars(signed.order_by(PlanSignature.signed_on, PlanSignature.id))),
    )


def revision_content(records: RevisionRecords) -> RevisionContent:
    """What the fingerprint is computed over."""
    return RevisionContent(
        kind=records.plan.kind.value,
        maintenance=records.plan.maintenance,
        overall_aims=records.revision.overall_aims,
        review_on=records.revision.review_on,
        goals=[
            GoalContent(
                key=g.id,
                parent_key=g.parent_id,
                perspective=g.perspective.value,
                text=g.text,
                criterion=g.criterion,
                target_date=g.target_date,
                position=g.position,
            )
            for g in records.goals
        ],
        interventions=[
            InterventionContent(
                goal_key=i.goal_id,
                toolbox_code=i.toolbox_code,
                free_text=i.free_text,
                responsible=i.responsible,
                recipient=i.recipient,
                setting=i.setting,
                active_from=i.active_from,
                active_to=i.active_to,
                frequency=i.frequency,
            )
            for i in records.interventions
        ],
    )


@dataclass(frozen=True)
class NumberedGoal:
    key: str
    line: GoalLine


def numbered_goals(content: RevisionContent) -> list[NumberedGoal]:
    """Goals by perspective (individual, school, social) and position, numbered 1, 2, ...;
    sub-goals under their goal as 1.1, 1.2 and shown in their goal's perspective."""
    goals = ordered_goals(content.goals)
    keys = {g.key for g in goals}
    children: dict[str | None, list[GoalContent]] = {}
    for goal in goals:
        children.setdefault(goal.parent_key if goal.parent_key in keys else None, []).append(goal)
    order = list(sv.PERSPECTIVE)
    tops = sorted(
        children.get(None, []),
        key=lambda g: order.index(g.perspective) if g.perspective in order else len(order),
    )
    numbered: list[NumberedGoal] = []

    def walk(goal: GoalContent, number: str, perspective: str) -> None:
        line = GoalLine(
            number, perspective, goal.text, goal.criterion, goal.target_date, "." in number
        )
        numbered.append(NumberedGoal(goal.key, line))
        for index, child in enumerate(children.get(goal.key, []), start=1):
            walk(child, f"{number}.{index}", perspective)

    for number, top in enumerate(tops, start=1):
        walk(top, str(number), top.perspective)
    return numbered


def intervention_lines(
    content: RevisionContent, goals: Sequence[NumberedGoal], labels: Mapping[str, str]
) -> list[InterventionLine]:
    """Interventions with their goal's number, in the goals' order, then by start date.
    ``labels``: the toolbox's Swedish label by code."""
    by_key = {g.key: g.line for g in goals}
    place = {g.line.number: index for index, g in enumerate(goals)}
    lines = []
    for item in content.interventions:
        goal = by_key.get(item.goal_key or "")
        lines.append(
            InterventionLine(
                goal_number=goal.number if goal else None,
                perspective=goal.perspective if goal else None,
                label=_label(item.toolbox_code, labels, item.free_text),
                responsible=item.responsible,
                recipient=item.recipient,
                setting=item.setting,
                active_from=item.active_from,
                active_to=item.active_to,
                frequency=item.frequency,
            )
        )
    return sorted(
        lines,
        key=lambda i: (
            place.get(i.goal_number or "", len(place)),
            i.active_from or date.min,
            i.label,
        ),
    )


def toolbox_labels(uow: UnitOfWork, content: RevisionContent) -> dict[str, str]:
    wanted = {i.toolbox_code for i in content.interventions if i.toolbox_code}
    if not wanted:
        return {}
    query = select(ToolboxItem.code, ToolboxItem.label_sv).where(ToolboxItem.code.in_(wanted))
    return {code: label for code, label in uow.session.execute(query)}


def _label(code: str | None, labels: Mapping[str, str], free_text: str | None) -> str:
    """The toolbox item's label, the free text, or both on two lines; a code the catalogue no
    longer has is shown as the code rather than dropped."""
    tool = labels.get(code, code) if code else None
    return "\n".join(part for part in (tool, free_text) if part and part.strip())
