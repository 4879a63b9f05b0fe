"""What a case summary holds, read in the caller's transaction under the read rule: contacts by
kind and month in the period, absence and participation, the ratings (the chart's data and each
respondent's change) and the plan's goals with their status at the latest review. No
reportlab here: ``case_summary_pdf`` draws it."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select

from sst_desktop.casework import access
from sst_desktop.casework.context import ServiceContext
from sst_desktop.casework.rating_chart_source import chart_data
from sst_desktop.casework.rating_queries import RatingSeries, rating_records, ratings_of
from sst_desktop.charts.rating_chart_data import RatingChartData
from sst_desktop.instruments import shipped_catalogue
from sst_desktop.models.case import Case
from sst_desktop.models.contact import Contact
from sst_desktop.models.plan import Plan, PlanGoal, PlanGoalReview, PlanRevision
from sst_desktop.models.school_outcomes import AbsenceRecord, ParticipationRecord
from sst_desktop.reports import case_summary_labels as sv
from sst_desktop.reports.plan_assembly import organisation_names, student_label
from sst_desktop.store.unit_of_work import UnitOfWork
from sst_rules.enums import MeetingStatus, PlanRevisionStatus


@dataclass(frozen=True)
class MonthRow:
    month: str  # "2026-09"
    counts: tuple[int, ...]  # per kind, in ``CaseSummary.kinds`` order
    total: int


@dataclass(frozen=True)
class SeriesLine:
    respondent: str
    form: str
    sessions: int
    first: Decimal | int | None
    latest: Decimal | int | None
    change: str | None


@dataclass(frozen=True)
class GoalRow:
    perspective: str
    text: str
    criterion: str | None
    target: date | None
    status: str | None  # the latest review's status, None when not reviewed
    reviewed_on: date | None


@dataclass(frozen=True)
class CaseSummary:
    case_reference: str
    programme: str
    student: str
    team_name: str | None
    municipality_name: str | None
    period_from: date
    period_to: date
    printed_on: date
    kinds: tuple[str, ...]
    months: tuple[MonthRow, ...]
    absence: tuple[tuple[date, date, Decimal], ...]
    participation: tuple[tuple[date, str], ...]
    series: tuple[SeriesLine, ...]
    chart: RatingChartData
    plan: str | None  # "Genomförandeplan, revision 2"
    goals: tuple[GoalRow, ...]
    withheld: int  # records of the period the reader may not see, left out


def load_summary(
    uow: UnitOfWork,
    ctx: ServiceContext,
    case: Case,
    period: tuple[date, date],
    *,
    full_name: bool,
) -> CaseSummary:
    start, end = period
    scope = access.case_scope(uow, case)
    consents = access.consent_scopes(uow, case.id)
    records = [*_contacts(uow, case.id, start, end), *rating_records(uow, case.id)]
    plan_records, plan_title = _plan_records(uow, case.id)
    visible, withheld = access.readable(
        ctx.actor, [*records, *plan_records], scope, consents, ctx.clock.today()
    )
    ratings = ratings_of(uow, case, visible, withheld, shipped_catalogue())
    team, municipality = organisation_names(uow, case)
    kinds, months = _months([r for r in visible if isinstance(r, Contact)])
    in_period = [r for r in visible if _within(r, start, end)]
    return CaseSummary(
        case_reference=case.reference,
        programme=sv.label(sv.PROGRAMMES, case.programme.value),
        student=student_label(uow, case, full_name),
        team_name=team,
        municipality_name=municipality,
        period_from=start,
        period_to=end,
        printed_on=ctx.clock.today(),
        kinds=kinds,
        months=months,
        absence=tuple(
            (r.period_start, r.period_end, Decimal(str(r.percent)).quantize(Decimal("0.1")))
            for r in sorted(in_period, key=_on)
            if isinstance(r, AbsenceRecord)
        ),
        participation=tuple(
            (r.assessed_on, sv.label(sv.PARTICIPATION_LEVEL, r.level.value))
            for r in sorted(in_period, key=_on)
            if isinstance(r, ParticipationRecord)
        ),
        series=tuple(_series_line(s) for s in ratings.series),
        chart=chart_data(ratings, _respondent, texts=sv.CHART),
        plan=plan_title,
        goals=_goals(visible),
        withheld=withheld,
    )


def _contacts(uow: UnitOfWork, case_id: str, start: date, end: date) -> list[Contact]:
    """Held contacts of the period, each once: a corrected contact counts as its correction."""
    contacts = list(
        uow.session.scalars(
            select(Contact).where(Contact.case_id == case_id, Contact.deleted.is_(False))
        )
    )
    replaced = {c.supersedes_id for c in contacts if c.supersedes_id}
    return [
        c
        for c in contacts
        if c.id not in replaced and c.status == MeetingStatus.HELD and start <= c.at.date() <= end
    ]


def _months(contacts: list[Contact]) -> tuple[tuple[str, ...], tuple[MonthRow, ...]]:
    counted = Counter((c.at.strftime("%Y-%m"), c.kind.value) for c in contacts)
    kinds = tuple(k for k in sv.CONTACT_KIND if any(kind == k for _m, kind in counted))
    months = sorted({month for month, _kind in counted})
    rows = []
    for month in months:
        counts = tuple(counted[(month, kind)] for kind in kinds)
        rows.append(MonthRow(month, counts, sum(counts)))
    return kinds, tuple(rows)


def _on(record: Any) -> date:
    if isinstance(record, AbsenceRecord):
        return record.period_start
    if isinstance(record, ParticipationRecord):
        return record.assessed_on
    return date.min


def _within(record: Any, start: date, end: date) -> bool:
    if isinstance(record, AbsenceRecord):
        return record.period_end >= start and record.period_start <= end
    if isinstance(record, ParticipationRecord):
        return start <= record.assessed_on <= end
    return False


def _respondent(respondent: str, guardian_number: int | None) -> str:
    name = sv.label(sv.RESPONDENTS, respondent)
    return f"{name} {guardian_number}" if guardian_number else name


def _series_line(series: RatingSeries) -> SeriesLine:
    score = series.definition.change.score if series.definition.change else None
    first = series.rows[0].scores.get(score) if score else None
    latest = series.rows[-1].scores.get(score) if score else None
    return SeriesLine(
        respondent=_respondent(series.respondent, series.guardian_number),
        form=series.definition.name.sv,
        sessions=len(series.rows),
        first=first,
        latest=latest,
        change=series.change,
    )


def _plan_records(uow: UnitOfWork, case_id: str) -> tuple[list[Any], str | None]:
    """The goals of the plan's newest signed revision (else its newest), and their reviews."""
    plan = uow.session.scalars(
        select(Plan)
        .where(Plan.case_id == case_id, Plan.deleted.is_(False))
        .order_by(Plan.maintenance, Plan.created_at.desc())
    ).first()
    if plan is None:
        return [], None
    revisions = list(
        uow.session.scalars(
            select(PlanRevision)
            .where(PlanRevision.plan_id == plan.id, PlanRevision.deleted.is_(False))
            .order_by(PlanRevision.number.desc())
        )
    )
    signed = [r for r in revisions if r.status == PlanRevisionStatus.SIGNED]
    if not revisions:
        return [], None
    revision = (signed or revisions)[0]
    goals = list(
        uow.session.scalars(
            select(PlanGoal)
            .where(PlanGoal.revision_id == revision.id, PlanGoal.deleted.is_(False))
            .order_by(PlanGoal.perspective, PlanGoal.position)
        )
    )
    reviews = list(
        uow.session.scalars(
            select(PlanGoalReview).where(
                PlanGoalReview.goal_id.in_([g.id for g in goals]),
                PlanGoalReview.deleted.is_(False),
            )
        )
    )
    title = sv.PLAN_REVISION.format(
        plan=sv.label(sv.PLAN_KIND, plan.kind.value), number=revision.number
    )
    return [*goals, *reviews], title


def _goals(visible: list[Any]) -> tuple[GoalRow, ...]:
    latest: dict[str, PlanGoalReview] = {}
    reviews = [r for r in visible if isinstance(r, PlanGoalReview)]
    for review in sorted(reviews, key=lambda r: (r.reviewed_on, r.created_at)):
        latest[review.goal_id] = review  # the newest review of each goal stays
    rows = []
    for goal in (g for g in visible if isinstance(g, PlanGoal)):
        found = latest.get(goal.id)
        rows.append(
            GoalRow(
                perspective=sv.label(sv.PERSPECTIVES, goal.perspective.value),
                text=goal.text,
                criterion=goal.criterion,
                target=goal.target_date,
                status=found.status.value if found else None,
                reviewed_on=found.reviewed_on if found else None,
            )
        )
    return tuple(rows)
