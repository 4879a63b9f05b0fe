"""What the status report reads, in the caller's transaction and in a fixed number of set-based
queries: the team's episodes (the follow-up file's loader, under the read rule), every team
case's status history (case metadata every team member sees), the cases opened and the
consultations given in the period, and the goals' own facts (``status_report_load_goals``).

Episodes are read from the team's first one to the period's end: a follow-up due in the period
belongs to a case closed months before it, and the chart looks back a year."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, select

from sst_desktop.models.case import Case, CaseStatusChange
from sst_desktop.models.referral import Consultation
from sst_desktop.reports import status_report_load_goals as goals
from sst_desktop.reports.followup_access import load_read_rule
from sst_desktop.reports.followup_facts import EpisodeFacts
from sst_desktop.reports.followup_load import Period, episode_query, load_episodes
from sst_desktop.reports.status_report_period import ReportPeriod
from sst_desktop.store.unit_of_work import Actor, UnitOfWork

StatusChange = tuple[date, str, str]  # (day, to status, to programme)


@dataclass
class PeriodFacts:
    period: ReportPeriod
    episodes: list[EpisodeFacts]  # every episode started on or before the period's end
    opened: int  # cases opened in the period (requests and applications received)
    consultations: int  # about students the team does not take, held in the period
    history: dict[str, list[StatusChange]]  # every team case's status changes, oldest first
    goals: goals.GoalFacts = field(default_factory=goals.GoalFacts)

    def changes_in_period(self, status: str) -> list[StatusChange]:
        """Each case's first change to ``status`` in the period."""
        found = []
        for changes in self.history.values():
            first = next((c for c in changes if c[1] == status and self._within(c[0])), None)
            if first is not None:
                found.append(first)
        return found

    def _within(self, day: date) -> bool:
        return self.period.start <= day <= self.period.end


def load_period(uow: UnitOfWork, actor: Actor, period: ReportPeriod, today: date) -> PeriodFacts:
    episodes = load_episodes(uow, actor, Period(None, period.end), today)
    facts = PeriodFacts(
        period=period,
        episodes=episodes,
        opened=_opened(uow, actor, period),
        consultations=_consultations(uow, actor, period),
        history=_history(uow, actor, period.end),
    )
    rule = load_read_rule(uow, actor, episode_query(actor, Period(None, period.end)), today)
    facts.goals = goals.load_goal_facts(uow, episodes, period, rule)
    return facts


def _opened(uow: UnitOfWork, actor: Actor, period: ReportPeriod) -> int:
    query = select(func.count()).where(
        Case.team_id == actor.team_id,
        Case.deleted.is_(False),
        Case.opened_on.between(period.start, period.end),
    )
    return int(uow.session.scalar(query) or 0)


def _consultations(uow: UnitOfWork, actor: Actor, period: ReportPeriod) -> int:
    query = select(func.count()).where(
        Consultation.team_id == actor.team_id,
        Consultation.deleted.is_(False),
        Consultation.held_on.between(period.start, period.end),
    )
    return int(uow.session.scalar(query) or 0)


def _history(uow: UnitOfWork, actor: Actor, end: date) -> dict[str, list[StatusChange]]:
    s = CaseStatusChange
    rows = uow.session.execute(
        select(s.case_id, s.at, s.to_status, s.to_programme)
        .join(Case, Case.id == s.case_id)
        .where(Case.team_id == actor.team_id, Case.deleted.is_(False), s.deleted.is_(False))
        .order_by(s.at)
    )
    history: dict[str, list[StatusChange]] = defaultdict(list)
    for row in rows:
        day = row.at.date()
        if day <= end:
            history[row.case_id].append((day, str(row.to_status), str(row.to_programme)))
    return dict(history)
