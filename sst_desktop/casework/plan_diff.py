"""What changed between two revisions of a plan: goals and interventions added, removed or
changed (and which fields), the overall aims and review date, and who signed each.

Records are matched by their lineage (``plan_lineage``: a copy's id is derived from the id it
copies), step by step through the revisions between the two; what is left unmatched (revisions
copied before lineage ids, a goal removed and written again) is paired by content: a goal by
perspective and text, an intervention by its tool or description under the same goal. Pure:
it reads the frozen views ``plan_queries`` returns.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sst_desktop.casework.plan_dto import (
    GoalView,
    InterventionView,
    PlanView,
    RevisionView,
    SignatureView,
)
from sst_desktop.casework.plan_lineage import compose, copies

GOAL_FIELDS = ("perspective", "text", "criterion", "target_date", "parent")
INTERVENTION_FIELDS = (
    "goal",
    "toolbox_code",
    "free_text",
    "responsible",
    "recipient",
    "setting",
    "frequency",
    "active_from",
    "active_to",
)


class ChangeKind(StrEnum):
    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"


@dataclass(frozen=True)
class GoalChange:
    kind: ChangeKind
    before: GoalView | None
    after: GoalView | None
    fields: tuple[str, ...] = ()  # for CHANGED: names from GOAL_FIELDS


@dataclass(frozen=True)
class InterventionChange:
    kind: ChangeKind
    before: InterventionView | None
    after: InterventionView | None
    fields: tuple[str, ...] = ()  # for CHANGED: names from INTERVENTION_FIELDS


@dataclass(frozen=True)
class RevisionDiff:
    older: RevisionView
    newer: RevisionView
    aims_changed: bool
    review_changed: bool
    goals: tuple[GoalChange, ...]
    interventions: tuple[InterventionChange, ...]

    @property
    def older_signatures(self) -> tuple[SignatureView, ...]:
        return self.older.signatures

    @property
    def newer_signatures(self) -> tuple[SignatureView, ...]:
        return self.newer.signatures

    @property
    def empty(self) -> bool:
        return not (self.aims_changed or self.review_changed or self.goals or self.interventions)


def diff_revisions(plan: PlanView, older_number: int, newer_number: int) -> RevisionDiff:
    """The change from revision ``older_number`` to ``newer_number`` (either order given)."""
    low, high = sorted((older_number, newer_number))
    chain = [r for r in plan.revisions if low <= r.number <= high]
    if not chain or chain[0].number != low or chain[-1].number != high:
        raise ValueError(f"the plan has no revisions {low} and {high}")
    older, newer = chain[0], chain[-1]
    goal_map = _lineage(chain, lambda r: [g.goal_id for g in r.goals])
    item_map = _lineage(chain, lambda r: [i.intervention_id for i in r.interventions])
    goal_map.update(
        _pair_by_content(
            older.goals, newer.goals, goal_map, lambda g: (g.perspective, _norm(g.text))
        )
    )
    item_map.update(
        _pair_by_content(
            older.interventions,
            newer.interventions,
            item_map,
            lambda i: (
                goal_map.get(i.goal_id or "", i.goal_id),
                i.toolbox_code,
                _norm(i.free_text),
            ),
            lambda i: (i.goal_id, i.toolbox_code, _norm(i.free_text)),
        )
    )
    return RevisionDiff(
        older=older,
        newer=newer,
        aims_changed=_norm(older.overall_aims) != _norm(newer.overall_aims),
        review_changed=older.review_on != newer.review_on,
        goals=tuple(_goal_changes(older, newer, goal_map)),
        interventions=tuple(_intervention_changes(older, newer, item_map, goal_map)),
    )


def _lineage(
    chain: Sequence[RevisionView], ids: Callable[[RevisionView], list[str]]
) -> dict[str, str]:
    """Older id -> newer id through every step of ``chain``."""
    mapping = {i: i for i in ids(chain[0])}
    for before, after in itertools.pairwise(chain):
        mapping = compose(mapping, copies(after.revision_id, ids(before), ids(after)))
    return mapping


def _pair_by_content(
    olds: Sequence[Any],
    news: Sequence[Any],
    matched: dict[str, str],
    old_key: Callable[[Any], object],
    new_key: Callable[[Any], object] | None = None,
) -> dict[str, str]:
    taken = set(matched.values())
    free: dict[object, list[str]] = {}
    for new in news:
        if _id(new) not in taken:
            free.setdefault((new_key or old_key)(new), []).append(_id(new))
    paired = {}
    for old in olds:
        candidates = free.get(old_key(old), [])
        if _id(old) not in matched and candidates:
            paired[_id(old)] = candidates.pop(0)
    return paired


def _id(view: GoalView | InterventionView) -> str:
    return view.goal_id if isinstance(view, GoalView) else view.intervention_id


def _goal_changes(
    older: RevisionView, newer: RevisionView, mapping: dict[str, str]
) -> list[GoalChange]:
    changes = []
    after_of = {g.goal_id: g for g in newer.goals}
    for goal in older.goals:
        after = after_of.get(mapping.get(goal.goal_id, ""))
        if after is None:
            changes.append(GoalChange(ChangeKind.REMOVED, goal, None))
            continue
        fields = _changed(goal, after, GOAL_FIELDS, {"parent": lambda g: _parent(g, mapping)})
        if fields:
            changes.append(GoalChange(ChangeKind.CHANGED, goal, after, fields))
    kept = set(mapping.values())
    changes += [GoalChange(ChangeKind.ADDED, None, g) for g in newer.goals if g.goal_id not in kept]
    return changes


def _intervention_changes(
    older: RevisionView,
    newer: RevisionView,
    mapping: dict[str, str],
    goal_map: dict[str, str],
) -> list[InterventionChange]:
    changes = []
    after_of = {i.intervention_id: i for i in newer.interventions}
    for item in older.interventions:
        after = after_of.get(mapping.get(item.intervention_id, ""))
        if after is None:
            changes.append(InterventionChange(ChangeKind.REMOVED, item, None))
            continue
        goal = {"goal": lambda i: goal_map.get(i.goal_id or "", i.goal_id)}
        fields = _changed(item, after, INTERVENTION_FIELDS, goal)
        if fields:
            changes.append(InterventionChange(ChangeKind.CHANGED, item, after, fields))
    kept = set(mapping.values())
    changes += [
        InterventionChange(ChangeKind.ADDED, None, i)
        for i in newer.interventions
        if i.intervention_id not in kept
    ]
    return changes


def _changed(
    before: Any,
    after: Any,
    fields: Sequence[str],
    translate: dict[str, Callable[[Any], object]],
) -> tuple[str, ...]:
    """The fields that differ; ``translate`` gives an old record's value in the new revision's
    terms (its goal's id there), so a link to the same goal is not a change."""
    out = []
    for name in fields:
        if name in translate:
            old_value, new_value = translate[name](before), _own(after, name)
        else:
            old_value, new_value = getattr(before, name), getattr(after, name)
        if _norm(old_value) != _norm(new_value):
            out.append(name)
    return tuple(out)


def _own(view: Any, name: str) -> object:
    return view.parent_id if name == "parent" else getattr(view, f"{name}_id")


def _parent(goal: GoalView, mapping: dict[str, str]) -> str | None:
    return mapping.get(goal.parent_id, goal.parent_id) if goal.parent_id else None


def _norm(value: object) -> object:
    """Text compared without its spacing (an empty text is none); anything else as it is."""
    if isinstance(value, str):
        return " ".join(value.split()) or None
    return value
