"""One loader per kind of record the follow-up file reads. Each runs one query over all the
episodes (``case_ids`` is a subquery), passes every row through the read rule and adds what
it says to the episode's facts. Rows are plain column tuples, not ORM objects: a city's file
of thousands of episodes loads in well under a second."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from sqlalchemy import case, func, select

from sst_desktop.models.case import CaseStatusChange
from sst_desktop.models.closure import Closure, FollowUp
from sst_desktop.models.contact import Contact, DailyContactOffer, Meeting
from sst_desktop.models.mapping import MappingSection
from sst_desktop.models.referral import Application, ReferralRequest
from sst_desktop.models.school_outcomes import AbsenceRecord, GradeRecord, ParticipationRecord
from sst_desktop.reports import followup_labels as sv
from sst_desktop.reports.followup_access import CaseIds, ReadRule
from sst_desktop.reports.followup_facts import (
    AbsenceFigure,
    ClosureFact,
    EpisodeFacts,
    FollowUpFact,
    Outcome,
)
from sst_desktop.store.unit_of_work import UnitOfWork
from sst_rules.categories import category_of
from sst_rules.enums import ContactKind, MeetingStatus, RecordCategory
from sst_rules.retention import add_months

Episodes = dict[str, EpisodeFacts]
Loader = Callable[[UnitOfWork, CaseIds, Episodes, ReadRule], None]


def _rows(uow: UnitOfWork, model: Any, case_ids: CaseIds, *columns: Any) -> Any:
    return uow.session.execute(
        select(model.case_id, model.authority, *columns).where(
            model.case_id.in_(case_ids), model.deleted.is_(False)
        )
    )


def load_referrals(uow: UnitOfWork, ids: CaseIds, eps: Episodes, rule: ReadRule) -> None:
    r = ReferralRequest
    for row in _rows(
        uow, r, ids, r.gender, r.absence_percent, r.received_on, r.cause_student_view,
        r.cause_guardian_view,
    ):  # fmt: skip
        facts = eps[row.case_id]
        if not rule.keep(facts, row.authority, RecordCategory.REFERRAL):
            continue
        if facts.gender is None and row.gender is not None:
            facts.gender = str(row.gender)
        if row.absence_percent is not None:
            facts.referral_absence = AbsenceFigure(
                float(row.absence_percent),
                row.received_on,
                sv.REFERRAL_ABSENCE_SOURCE,
                period_start=add_months(row.received_on, -2),
                period_end=row.received_on,
            )
        _add_text(facts.causes_student, row.cause_student_view)
        _add_text(facts.causes_guardian, row.cause_guardian_view)


def load_applications(uow: UnitOfWork, ids: CaseIds, eps: Episodes, rule: ReadRule) -> None:
    a = Application
    for row in _rows(uow, a, ids, a.absence_percent, a.received_on, a.reason, a.other_indicators):
        facts = eps[row.case_id]
        if not rule.keep(facts, row.authority, RecordCategory.REFERRAL):
            continue
        if row.absence_percent is not None and facts.referral_absence is None:
            facts.referral_absence = AbsenceFigure(
                float(row.absence_percent), row.received_on, sv.APPLICATION_ABSENCE_SOURCE
            )
        _add_text(facts.causes_other, row.reason)
        _add_text(facts.causes_other, row.other_indicators)


def load_mapping(uow: UnitOfWork, ids: CaseIds, eps: Episodes, rule: ReadRule) -> None:
    m = MappingSection
    for row in _rows(uow, m, ids, m.perspective, m.absence_function):
        facts = eps[row.case_id]
        category = category_of("mapping_sections", perspective=str(row.perspective))
        if rule.keep(facts, row.authority, category):
            _add_text(facts.causes_other, row.absence_function)


def load_absence(uow: UnitOfWork, ids: CaseIds, eps: Episodes, rule: ReadRule) -> None:
    a = AbsenceRecord
    columns = (a.percent, a.measured_on, a.source, a.measure, a.period_start, a.period_end)
    for row in _rows(uow, a, ids, *columns):
        facts = eps[row.case_id]
        if rule.keep(facts, row.authority, RecordCategory.ABSENCE):
            facts.absences.append(
                AbsenceFigure(
                    row.percent,
                    row.measured_on,
                    row.source,
                    str(row.measure),
                    row.period_start,
                    row.period_end,
                )
            )


def load_outcomes(uow: UnitOfWork, ids: CaseIds, eps: Episodes, rule: ReadRule) -> None:
    g, p = GradeRecord, ParticipationRecord
    for row in _rows(
        uow, g, ids, g.assessed_on, g.acceptable_knowledge, g.upper_secondary_eligible
    ):
        facts = eps[row.case_id]
        if rule.keep(facts, row.authority, RecordCategory.ABSENCE):
            facts.outcomes.append(
                Outcome(row.assessed_on, row.acceptable_knowledge, row.upper_secondary_eligible)
            )
    for row in _rows(uow, p, ids, p.assessed_on, p.level):
        facts = eps[row.case_id]
        if rule.keep(facts, row.authority, RecordCategory.ABSENCE):
            facts.outcomes.append(Outcome(row.assessed_on, participation=str(row.level)))


def load_contacts(uow: UnitOfWork, ids: CaseIds, eps: Episodes, rule: ReadRule) -> None:
    """Held contacts, not counting one a later correction replaced."""
    c = Contact
    replaced = select(c.supersedes_id).where(c.supersedes_id.is_not(None), c.deleted.is_(False))
    query = (
        select(
            c.case_id,
            c.authority,
            func.count().label("n"),
            func.coalesce(func.sum(c.duration_minutes), 0).label("minutes"),
            func.sum(case((c.kind == ContactKind.HOME_VISIT, 1), else_=0)).label("home"),
        )
        .where(
            c.case_id.in_(ids),
            c.deleted.is_(False),
            c.status == MeetingStatus.HELD,
            c.id.not_in(replaced),
        )
        .group_by(c.case_id, c.authority)
    )
    for row in uow.session.execute(query):
        facts = eps[row.case_id]
        if rule.keep(facts, row.authority, RecordCategory.CONTACTS, row.n):
            was = facts.extent
            facts.extent = replace(
                was,
                contacts=was.contacts + row.n,
                contact_minutes=was.contact_minutes + int(row.minutes),
                home_visits=was.home_visits + int(row.home or 0),
            )


def load_meetings(uow: UnitOfWork, ids: CaseIds, eps: Episodes, rule: ReadRule) -> None:
    m = Meeting
    query = (
        select(m.case_id, m.authority, func.count().label("n"))
        .where(m.case_id.in_(ids), m.deleted.is_(False), m.status == MeetingStatus.HELD)
        .group_by(m.case_id, m.authority)
    )
    for row in uow.session.execute(query):
        facts = eps[row.case_id]
        if rule.keep(facts, row.authority, RecordCategory.MEETINGS, row.n):
            facts.extent = replace(facts.extent, meetings=facts.extent.meetings + row.n)


def load_daily_contact(uow: UnitOfWork, ids: CaseIds, eps: Episodes, rule: ReadRule) -> None:
    for row in _rows(uow, DailyContactOffer, ids, DailyContactOffer.wanted):
        facts = eps[row.case_id]
        if rule.keep(facts, row.authority, RecordCategory.CONTACTS):
            wanted = row.wanted or facts.daily_contact == "wanted"
            facts.daily_contact = "wanted" if wanted else "not_wanted"


def load_closures(uow: UnitOfWork, ids: CaseIds, eps: Episodes, rule: ReadRule) -> None:
    c = Closure
    for row in _rows(uow, c, ids, c.reason, c.goals_met, c.student_view, c.guardian_view):
        facts = eps[row.case_id]
        if rule.keep(facts, row.authority, RecordCategory.CLOSURE_FOLLOW_UP):
            facts.closure = ClosureFact(
                str(row.reason), row.goals_met, row.student_view, row.guardian_view
            )


def load_follow_ups(uow: UnitOfWork, ids: CaseIds, eps: Episodes, rule: ReadRule) -> None:
    f = FollowUp
    columns = (
        f.months_after,
        f.due_on,
        f.done_on,
        f.participation_level,
        f.acceptable_knowledge,
        f.upper_secondary_eligible,
    )
    for row in _rows(uow, f, ids, *columns):
        facts = eps[row.case_id]
        if rule.keep(facts, row.authority, RecordCategory.CLOSURE_FOLLOW_UP):
            level = None if row.participation_level is None else str(row.participation_level)
            facts.follow_ups.append(
                FollowUpFact(
                    row.months_after,
                    row.due_on,
                    row.done_on,
                    level,
                    row.acceptable_knowledge,
                    row.upper_secondary_eligible,
                )
            )


def load_programme_steps(uow: UnitOfWork, ids: CaseIds, eps: Episodes, rule: ReadRule) -> None:
    """Case metadata every team member sees (``categories.ALWAYS_VISIBLE``)."""
    s = CaseStatusChange
    query = select(s.case_id).where(
        s.case_id.in_(ids),
        s.deleted.is_(False),
        s.from_programme.is_not(None),
        s.from_programme != s.to_programme,
    )
    for case_id in uow.session.scalars(query):
        eps[case_id].stepped = True


def _add_text(texts: list[str], value: str | None) -> None:
    if value and value.strip():
        texts.append(value.strip())


LOADERS: tuple[Loader, ...] = (
    load_referrals,
    load_applications,
    load_mapping,
    load_absence,
    load_outcomes,
    load_contacts,
    load_meetings,
    load_daily_contact,
    load_closures,
    load_follow_ups,
    load_programme_steps,
)
