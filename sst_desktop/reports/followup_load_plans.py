"""Interventions and goals from the plans. A revision counts when it was signed (it is signed or
was superseded by a later one); a case whose plan was never signed counts its latest draft, so
an episode is not shown without interventions because the signing is late. Interventions are
the union over the counted revisions (what was used at some point); goals are those of each
plan's latest counted revision (what the plan said at the end)."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import select

from sst_desktop.models.plan import Plan, PlanGoal, PlanIntervention, PlanRevision
from sst_desktop.reports.followup_access import CaseIds, ReadRule
from sst_desktop.reports.followup_facts import EpisodeFacts
from sst_desktop.store.unit_of_work import UnitOfWork
from sst_rules.enums import PlanRevisionStatus, RecordCategory

_SIGNED = {PlanRevisionStatus.SIGNED, PlanRevisionStatus.SUPERSEDED}


def load_plans(uow: UnitOfWork, ids: CaseIds, eps: dict[str, EpisodeFacts], rule: ReadRule) -> None:
    counted, latest = _counted_revisions(uow, ids, eps, rule)
    _add_interventions(uow, ids, eps, counted)
    _add_goals(uow, ids, eps, latest)


def _counted_revisions(
    uow: UnitOfWork, ids: CaseIds, eps: dict[str, EpisodeFacts], rule: ReadRule
) -> tuple[set[str], set[str]]:
    r = PlanRevision
    rows = uow.session.execute(
        select(r.id, r.case_id, r.plan_id, r.number, r.status, r.authority)
        .where(r.case_id.in_(ids), r.deleted.is_(False))
        .order_by(r.number)
    )
    by_case: dict[str, list[Any]] = defaultdict(list)
    for row in rows:
        if rule.keep(eps[row.case_id], row.authority, RecordCategory.PLANS):
            by_case[row.case_id].append(row)
    counted: set[str] = set()
    latest: dict[str, str] = {}  # plan id -> its latest counted revision
    for revisions in by_case.values():
        signed = [r for r in revisions if r.status in _SIGNED] or revisions[-1:]
        counted.update(r.id for r in signed)
        latest.update({r.plan_id: r.id for r in signed})  # ordered by number: last one wins
    return counted, set(latest.values())


def _add_interventions(
    uow: UnitOfWork, ids: CaseIds, eps: dict[str, EpisodeFacts], counted: set[str]
) -> None:
    i = PlanIntervention
    free: dict[str, set[str]] = defaultdict(set)
    rows = uow.session.execute(
        select(i.case_id, i.revision_id, i.toolbox_code, i.free_text).where(
            i.case_id.in_(ids), i.deleted.is_(False)
        )
    )
    for row in rows:
        if row.revision_id not in counted:
            continue
        if row.toolbox_code:
            eps[row.case_id].toolbox.add(row.toolbox_code)
        elif row.free_text and row.free_text.strip():
            free[row.case_id].add(row.free_text.strip().casefold())
    for case_id, texts in free.items():
        eps[case_id].free_interventions = len(texts)


def _add_goals(
    uow: UnitOfWork, ids: CaseIds, eps: dict[str, EpisodeFacts], latest: set[str]
) -> None:
    """Top-level goals of ordinary plans (a maintenance plan's goals are the student's own
    reminders, not the plan's goals)."""
    g = PlanGoal
    rows = uow.session.execute(
        select(g.case_id, g.revision_id)
        .join(PlanRevision, PlanRevision.id == g.revision_id)
        .join(Plan, Plan.id == PlanRevision.plan_id)
        .where(
            g.case_id.in_(ids),
            g.deleted.is_(False),
            g.parent_id.is_(None),
            Plan.maintenance.is_(False),
        )
    )
    for row in rows:
        if row.revision_id in latest:
            eps[row.case_id].goals += 1
