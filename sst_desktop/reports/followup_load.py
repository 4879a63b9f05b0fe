"""The export's repository: the team's episodes in a period and what their records say, in a
fixed number of set-based queries whatever the number of episodes (no query per case).

An episode is a case whose support started (``started_on`` is set): a request that was declined
or withdrawn before the start gave no support to follow up. It belongs to a period when it
started on or before the period's end and was not closed before its start.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select

from sst_desktop.models.case import Case
from sst_desktop.models.organisation import District, School
from sst_desktop.models.people import Student
from sst_desktop.reports import followup_load_plans, followup_load_records
from sst_desktop.reports.followup_access import CaseIds, load_read_rule
from sst_desktop.reports.followup_facts import EpisodeFacts
from sst_desktop.store.unit_of_work import Actor, UnitOfWork


@dataclass(frozen=True)
class Period:
    """Episodes active at some time between ``start`` and ``end`` (either may be open)."""

    start: date | None = None
    end: date | None = None


def episode_query(actor: Actor, period: Period) -> CaseIds:
    query = select(Case.id).where(
        Case.deleted.is_(False),
        Case.team_id == actor.team_id,
        Case.started_on.is_not(None),
    )
    if period.end is not None:
        query = query.where(Case.started_on <= period.end)
    if period.start is not None:
        query = query.where((Case.closed_on.is_(None)) | (Case.closed_on >= period.start))
    return query


def load_episodes(uow: UnitOfWork, actor: Actor, period: Period, today: date) -> list[EpisodeFacts]:
    case_ids = episode_query(actor, period)
    episodes = {row.id: _facts(row) for row in uow.session.execute(_case_rows(case_ids))}
    rule = load_read_rule(uow, actor, case_ids, today)
    for loader in (*followup_load_records.LOADERS, followup_load_plans.load_plans):
        loader(uow, case_ids, episodes, rule)
    return list(episodes.values())


def _case_rows(case_ids: CaseIds) -> Any:
    return (
        select(
            Case.id,
            Case.student_id,
            Case.programme,
            Case.status,
            Case.opened_on,
            Case.started_on,
            Case.closed_on,
            Case.school_year,
            District.name.label("district"),
            School.name.label("school"),
            Student.gender,
            Student.birth_date,
            Student.protected_identity,
        )
        .outerjoin(District, District.id == Case.district_id)
        .outerjoin(School, School.id == Case.school_id)
        .outerjoin(Student, Student.id == Case.student_id)
        .where(Case.id.in_(case_ids))
    )


def _facts(row: Any) -> EpisodeFacts:
    return EpisodeFacts(
        case_id=row.id,
        individual=row.student_id or f"case:{row.id}",
        programme=str(row.programme),
        status=str(row.status),
        opened_on=row.opened_on,
        started_on=row.started_on,
        closed_on=row.closed_on,
        school_year=row.school_year,
        district=row.district,
        # Protected identity: the school is left out of every export (design.md).
        school=None if row.protected_identity else row.school,
        gender=None if row.gender is None else str(row.gender),
        birth_date=row.birth_date,
    )
