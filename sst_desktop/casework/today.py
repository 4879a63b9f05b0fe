"""Today: what needs doing now, for the acting staff member's team, from the data and the
programme rules (domain.md, the work process). One query per kind of item over all the team's
cases (no query per case), so it stays fast with thousands of cases.

Every item the user could not open (another authority's record without a consent covering it)
is left out, by the same authorisation rule as every other read.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy import case as sql_case

from sst_desktop.casework import access
from sst_desktop.casework.context import ServiceContext
from sst_desktop.casework.dto import TodayItem, TodayKind, WorkspaceTab
from sst_desktop.casework.rating_queries import scored_series, unreplaced
from sst_desktop.casework.rating_service import guardian_numbers
from sst_desktop.config.programmes import ProgrammeConfig
from sst_desktop.instruments import shipped_catalogue
from sst_desktop.models.case import Case, CaseAssignment, Decision
from sst_desktop.models.closure import FollowUp, Rating
from sst_desktop.models.consent import Consent, ConsentParty
from sst_desktop.models.contact import Contact, DailyContactOffer, Meeting
from sst_desktop.models.people import Student
from sst_desktop.models.plan import PlanRevision
from sst_desktop.store.unit_of_work import UnitOfWork
from sst_rules import authorisation as authz
from sst_rules.consent import ConsentState
from sst_rules.enums import CaseStatus, DecisionKind, MeetingKind, MeetingStatus, Programme
from sst_rules.retention import add_months

FOLLOW_UP_NOTICE = timedelta(days=7)
CONSENT_NOTICE = timedelta(days=30)
EVALUATION_NOTICE = timedelta(days=14)
OPEN_STATES = (
    CaseStatus.DECIDED,
    CaseStatus.INFORMATION_MEETING,
    CaseStatus.ADMITTED,
    CaseStatus.STARTED,
    CaseStatus.MAPPING,
    CaseStatus.ACTIVE,
    CaseStatus.SIX_MONTH_EVALUATION,
    CaseStatus.CLOSING,
)
SUPPORT_STATES = (CaseStatus.STARTED, CaseStatus.MAPPING, CaseStatus.ACTIVE, CaseStatus.CLOSING)
REVIEW_KINDS = (MeetingKind.START, MeetingKind.INFO_AND_START, MeetingKind.REVIEW)
SIGNAL_NOTICE = timedelta(days=28)  # a rating signal older than this is history, not news


@dataclass(frozen=True)
class _CaseFacts:
    """The columns of a case the rules read (no ORM object: thousands are loaded at once)."""

    id: str
    reference: str
    programme: Programme
    status: CaseStatus
    district_id: str | None
    started_on: date | None
    has_time_limit_reason: bool


@dataclass
class _TeamView:
    """The team's cases with what the rules need: loaded once for all kinds of item."""

    cases: dict[str, _CaseFacts]
    names: dict[str, str]
    mine: set[str]
    scopes: dict[str, authz.CaseScope]
    consents: dict[str, list[ConsentState]]
    today: date
    rules: dict[tuple[Programme, str | None], ProgrammeConfig]


def today_items(ctx: ServiceContext) -> list[TodayItem]:
    today = ctx.clock.today()
    with ctx.unit_of_work() as uow:
        view = _team_view(uow, ctx, today)
        items = [
            *_meetings_today(uow, ctx, view),
            *_daily_contact_missing(uow, ctx, view),
            *_reviews_due(uow, ctx, view),
            *_sst_plus_evaluations(uow, ctx, view),
            *_time_limit_reasons(ctx, view),
            *_plans_awaiting_signatures(uow, ctx, view),
            *_follow_ups_due(uow, ctx, view),
            *_consents_expiring(uow, ctx, view),
            *_rating_signals(uow, ctx, view),
        ]
        uow.audit("list", "today", None, None, count=len(items))
        uow.commit()
    return sorted(items, key=lambda i: (i.due_on >= today, i.due_on, i.kind.value, i.reference))


def _team_cases(ctx: ServiceContext) -> Select[Any]:
    return select(Case.id).where(Case.team_id == ctx.actor.team_id, Case.deleted.is_(False))


def _team_view(uow: UnitOfWork, ctx: ServiceContext, today: date) -> _TeamView:
    cases: dict[str, _CaseFacts] = {}
    names: dict[str, str] = {}
    protected: set[str] = set()
    rows = uow.session.execute(
        select(
            Case.id,
            Case.reference,
            Case.programme,
            Case.status,
            Case.district_id,
            Case.started_on,
            Case.time_limit_reason.is_not(None),
            Student.first_name,
            Student.last_name,
            Student.protected_identity,
        )
        .outerjoin(Student, Student.id == Case.student_id)
        .where(Case.team_id == ctx.actor.team_id, Case.deleted.is_(False))
    )
    for row in rows:
        cases[row[0]] = _CaseFacts(*row[:7])
        if row[7] is not None:
            names[row[0]] = f"{row[7]} {row[8]}"
        if row[9]:
            protected.add(row[0])
    named: dict[str, set[str]] = {}
    for case_id, staff_id in uow.session.execute(
        select(CaseAssignment.case_id, CaseAssignment.staff_id).where(
            CaseAssignment.case_id.in_(_team_cases(ctx)), CaseAssignment.ended_on.is_(None)
        )
    ):
        named.setdefault(case_id, set()).add(staff_id)
    scopes = {
        case_id: authz.CaseScope(
            case_id,
            ctx.actor.team_id,
            protected_identity=case_id in protected,
            protected_access_staff_ids=frozenset(named.get(case_id, set())),
        )
        for case_id in cases
    }
    mine = {case_id for case_id, staff in named.items() if ctx.actor.staff_id in staff}
    return _TeamView(cases, names, mine, scopes, {}, today, {})


def _consent_states(uow: UnitOfWork, case_ids: set[str]) -> dict[str, list[ConsentState]]:
    """The consents of these cases, with "did every party agree" counted in SQL."""
    answers = (
        select(
            ConsentParty.consent_id,
            func.count().label("asked"),
            func.sum(sql_case((ConsentParty.agreed.is_(True), 1), else_=0)).label("agreed"),
        )
        .where(ConsentParty.deleted.is_(False))
        .group_by(ConsentParty.consent_id)
        .subquery()
    )
    states: dict[str, list[ConsentState]] = {}
    for consent, asked, agreed in uow.session.execute(
        select(Consent, answers.c.asked, answers.c.agreed)
        .outerjoin(answers, answers.c.consent_id == Consent.id)
        .where(Consent.case_id.in_(sorted(case_ids)), Consent.deleted.is_(False))
    ):
        states.setdefault(consent.case_id, []).append(
            ConsentState(
                case_id=consent.case_id,
                recipient_authority=str(consent.recipient_authority),
                purposes=frozenset(consent.purposes),
                categories=frozenset(consent.categories),
                given_on=consent.given_on,
                valid_until=consent.valid_until,
                withdrawn_on=consent.withdrawn_on,
                all_parties_agreed=bool(asked) and asked == agreed,
            )
        )
    return states


def _item(
    view: _TeamView,
    kind: TodayKind,
    case_id: str,
    due_on: date,
    target: WorkspaceTab,
    record_id: str | None = None,
    at: datetime | None = None,
) -> TodayItem:
    case = view.cases[case_id]
    return TodayItem(
        kind=kind,
        case_id=case_id,
        reference=case.reference,
        programme=case.programme.value,
        student_name=view.names.get(case_id),
        due_on=due_on,
        at=at,
        target=target,
        record_id=record_id,
        mine=case_id in view.mine,
    )


def _readable(
    uow: UnitOfWork, ctx: ServiceContext, view: _TeamView, records: Iterable[Any]
) -> list[Any]:
    """The records the actor may open; consents are read only for the cases that need them
    (another authority's records), not for the whole team."""
    user = access.user_scope(ctx.actor)
    candidates = [r for r in records if r.case_id in view.cases]
    other = {r.case_id for r in candidates if r.authority != ctx.actor.authority}
    missing = other - view.consents.keys()
    if missing:
        view.consents.update({case_id: [] for case_id in missing})
        view.consents.update(_consent_states(uow, missing))
    return [
        r
        for r in candidates
        if r.case_id in view.cases
        and authz.can_read(
            user,
            access.tags_of(r),
            view.scopes[r.case_id],
            view.consents.get(r.case_id, []),
            on=view.today,
        ).allowed
    ]


def _day_bounds(day: date) -> tuple[datetime, datetime]:
    start = datetime.combine(day, time.min, tzinfo=UTC)  # stored times are aware UTC
    return start, start + timedelta(days=1)


def _meetings_today(uow: UnitOfWork, ctx: ServiceContext, view: _TeamView) -> list[TodayItem]:
    start, end = _day_bounds(view.today)
    meetings = uow.session.scalars(
        select(Meeting)
        .where(
            Meeting.case_id.in_(_team_cases(ctx)),
            Meeting.status == MeetingStatus.BOOKED,
            Meeting.deleted.is_(False),
            Meeting.scheduled_at >= start,
            Meeting.scheduled_at < end,
        )
        .order_by(Meeting.scheduled_at)
    )
    return [
        _item(
            view,
            TodayKind.MEETING_TODAY,
            m.case_id,
            view.today,
            WorkspaceTab.MEETINGS,
            m.id,
            m.scheduled_at,
        )
        for m in _readable(uow, ctx, view, meetings)
    ]


def _daily_contact_missing(
    uow: UnitOfWork, ctx: ServiceContext, view: _TeamView
) -> list[TodayItem]:
    """Only students who asked for daily contact, and only while their case is in support."""
    wanted = {
        o.case_id: o
        for o in uow.session.scalars(
            select(DailyContactOffer).where(
                DailyContactOffer.case_id.in_(_team_cases(ctx)),
                DailyContactOffer.wanted.is_(True),
                DailyContactOffer.ended_on.is_(None),
                DailyContactOffer.offered_on <= view.today,
                DailyContactOffer.deleted.is_(False),
            )
        )
    }
    start, end = _day_bounds(view.today)
    contacted = set(
        uow.session.scalars(
            select(Contact.case_id).where(
                Contact.case_id.in_(list(wanted)),
                Contact.at >= start,
                Contact.at < end,
                Contact.status != MeetingStatus.CANCELLED,
                Contact.deleted.is_(False),
            )
        )
    )
    return [
        _item(
            view,
            TodayKind.DAILY_CONTACT_MISSING,
            case_id,
            view.today,
            WorkspaceTab.CONTACTS,
            offer.id,
        )
        for case_id, offer in wanted.items()
        if case_id not in contacted and view.cases[case_id].status in SUPPORT_STATES
    ]


def _rules(ctx: ServiceContext, view: _TeamView, case: _CaseFacts) -> ProgrammeConfig:
    key = (case.programme, case.district_id)
    if key not in view.rules:
        view.rules[key] = ctx.rules.for_case(case.programme, case.district_id, view.today)
    return view.rules[key]


def _reviews_due(uow: UnitOfWork, ctx: ServiceContext, view: _TeamView) -> list[TodayItem]:
    """SST: a review 4-6 weeks after the start or the last review; SST plus: the meeting three
    months after the start. Due from the earliest week; the date shown is the latest."""
    last_held = dict(
        uow.session.execute(
            select(Meeting.case_id, func.max(Meeting.scheduled_at))
            .where(
                Meeting.case_id.in_(_team_cases(ctx)),
                Meeting.kind.in_(REVIEW_KINDS),
                Meeting.status == MeetingStatus.HELD,
                Meeting.deleted.is_(False),
            )
            .group_by(Meeting.case_id)
        ).all()
    )
    items = []
    for case in view.cases.values():
        if case.status not in SUPPORT_STATES or case.started_on is None:
            continue
        rules = _rules(ctx, view, case)
        since = last_held.get(case.id)
        base = since.date() if since else case.started_on
        if rules.review_weeks is not None:
            earliest = base + timedelta(weeks=rules.review_weeks.min)
            due = base + timedelta(weeks=rules.review_weeks.max)
        elif rules.follow_up_meeting_months and not since:
            due = add_months(case.started_on, rules.follow_up_meeting_months)
            earliest = due - EVALUATION_NOTICE
        else:
            continue
        if view.today >= earliest:
            items.append(_item(view, TodayKind.REVIEW_DUE, case.id, due, WorkspaceTab.MEETINGS))
    return items


def _sst_plus_evaluations(uow: UnitOfWork, ctx: ServiceContext, view: _TeamView) -> list[TodayItem]:
    with_continuation = set(
        uow.session.scalars(
            select(Decision.case_id).where(
                Decision.case_id.in_(_team_cases(ctx)),
                Decision.kind == DecisionKind.CONTINUATION.value,
                Decision.deleted.is_(False),
            )
        )
    )
    items = []
    for case in view.cases.values():
        if case.programme != Programme.SST_PLUS or case.started_on is None:
            continue
        rules = _rules(ctx, view, case)
        if case.status in SUPPORT_STATES and rules.evaluation_months:
            due = add_months(case.started_on, rules.evaluation_months)
            if view.today >= due - EVALUATION_NOTICE:
                items.append(
                    _item(
                        view,
                        TodayKind.SIX_MONTH_EVALUATION_DUE,
                        case.id,
                        due,
                        WorkspaceTab.MEETINGS,
                    )
                )
        past_limit = view.today >= add_months(case.started_on, rules.time_limit_months)
        evaluating = case.status == CaseStatus.SIX_MONTH_EVALUATION
        if (evaluating or (past_limit and case.status in SUPPORT_STATES)) and (
            case.id not in with_continuation
        ):
            due = add_months(case.started_on, rules.time_limit_months)
            items.append(
                _item(
                    view, TodayKind.CONTINUATION_DECISION_DUE, case.id, due, WorkspaceTab.DECISIONS
                )
            )
    return items


def _time_limit_reasons(ctx: ServiceContext, view: _TeamView) -> list[TodayItem]:
    items = []
    for case in view.cases.values():
        if case.programme != Programme.SST or case.status not in SUPPORT_STATES:
            continue
        if case.started_on is None or case.has_time_limit_reason:
            continue
        limit = add_months(case.started_on, _rules(ctx, view, case).time_limit_months)
        if view.today > limit:
            items.append(
                _item(
                    view,
                    TodayKind.TIME_LIMIT_REASON_MISSING,
                    case.id,
                    limit,
                    WorkspaceTab.DECISIONS,
                )
            )
    return items


def _plans_awaiting_signatures(
    uow: UnitOfWork, ctx: ServiceContext, view: _TeamView
) -> list[TodayItem]:
    revisions = uow.session.scalars(
        select(PlanRevision).where(
            PlanRevision.case_id.in_(_team_cases(ctx)),
            PlanRevision.status == "awaiting_signatures",
            PlanRevision.deleted.is_(False),
        )
    )
    return [
        _item(
            view,
            TodayKind.PLAN_AWAITING_SIGNATURES,
            r.case_id,
            (r.updated_at.date() if r.updated_at else view.today),
            WorkspaceTab.PLAN,
            r.id,
        )
        for r in _readable(uow, ctx, view, revisions)
    ]


def _follow_ups_due(uow: UnitOfWork, ctx: ServiceContext, view: _TeamView) -> list[TodayItem]:
    follow_ups = uow.session.scalars(
        select(FollowUp).where(
            FollowUp.case_id.in_(_team_cases(ctx)),
            FollowUp.done_on.is_(None),
            FollowUp.due_on <= view.today + FOLLOW_UP_NOTICE,
            FollowUp.deleted.is_(False),
        )
    )
    return [
        _item(view, TodayKind.FOLLOW_UP_DUE, f.case_id, f.due_on, WorkspaceTab.CLOSURE, f.id)
        for f in _readable(uow, ctx, view, follow_ups)
    ]


def _consents_expiring(uow: UnitOfWork, ctx: ServiceContext, view: _TeamView) -> list[TodayItem]:
    consents = uow.session.scalars(
        select(Consent).where(
            Consent.case_id.in_(_team_cases(ctx)),
            Consent.withdrawn_on.is_(None),
            Consent.valid_until >= view.today,
            Consent.valid_until <= view.today + CONSENT_NOTICE,
            Consent.deleted.is_(False),
        )
    )
    return [
        _item(view, TodayKind.CONSENT_EXPIRING, c.case_id, until, WorkspaceTab.CONSENT, c.id)
        for c in consents
        if (until := c.valid_until) is not None
        and c.case_id in view.cases
        and view.cases[c.case_id].status in OPEN_STATES
    ]


def _rating_signals(uow: UnitOfWork, ctx: ServiceContext, view: _TeamView) -> list[TodayItem]:
    """The signals of each respondent's latest rating in the open cases rated lately (the
    alliance, deterioration, no improvement, improvement), each with its sentence."""
    recent = (
        select(Rating.case_id)
        .where(
            Rating.case_id.in_(_team_cases(ctx)),
            Rating.rated_on >= view.today - SIGNAL_NOTICE,
            Rating.deleted.is_(False),
        )
        .distinct()
    )
    ratings = _readable(
        uow,
        ctx,
        view,
        uow.session.scalars(
            select(Rating).where(Rating.case_id.in_(recent), Rating.deleted.is_(False))
        ),
    )
    by_case: dict[str, list[Rating]] = {}
    for rating in ratings:
        if view.cases[rating.case_id].status in SUPPORT_STATES:
            by_case.setdefault(rating.case_id, []).append(rating)
    births = dict(
        uow.session.execute(
            select(Case.id, Student.birth_date)
            .join(Student, Student.id == Case.student_id)
            .where(Case.id.in_(by_case))
        ).all()
    )
    students = dict(
        uow.session.execute(select(Case.id, Case.student_id).where(Case.id.in_(by_case))).all()
    )
    numbers = guardian_numbers(uow, set(students.values()))
    catalogue = shipped_catalogue()
    items = []
    for case_id, held in by_case.items():
        guardians = numbers.get(students.get(case_id) or "", {})
        for series in scored_series(catalogue, unreplaced(held), guardians, births.get(case_id)):
            last = series.rows[-1]
            if last.rated_on < view.today - SIGNAL_NOTICE:
                continue
            for signal in series.current_signals():
                item = _item(
                    view, TodayKind.RATING_SIGNAL, case_id, last.rated_on, WorkspaceTab.RATINGS
                )
                items.append(replace(item, record_id=last.rating_id, note=signal.explanation))
    return items
