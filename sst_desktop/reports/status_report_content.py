"""What the status report holds, read in the caller's transaction: the team's and municipality's
names, the overview and one section per goal with small cells hidden, the chart's months and
the free texts. No document library here: ``status_report_pdf`` and ``status_report_docx``
print the same content."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from sst_desktop.charts.status_chart import MonthBars, StatusChartData
from sst_desktop.models.organisation import District, Municipality, Team
from sst_desktop.reports import status_report_labels as sv
from sst_desktop.reports.followup_facts import EpisodeFacts
from sst_desktop.reports.status_report_figures import chart_months, overview
from sst_desktop.reports.status_report_goals import goal_sections
from sst_desktop.reports.status_report_load import PeriodFacts, load_period
from sst_desktop.reports.status_report_load_goals import active_in, closed_in
from sst_desktop.reports.status_report_model import Count, MonthCounts
from sst_desktop.reports.status_report_period import ReportPeriod
from sst_desktop.reports.status_report_shown import ShownSection, show
from sst_desktop.reports.status_report_texts import ReportTexts
from sst_desktop.store.unit_of_work import Actor, UnitOfWork


@dataclass(frozen=True)
class StatusReport:
    team_name: str | None
    municipality_name: str | None
    period: ReportPeriod
    printed_on: date
    threshold: int
    sections: tuple[ShownSection, ...]  # the overview first, then the goals
    chart: StatusChartData
    texts: ReportTexts
    episodes: int  # started episodes active in the period
    withheld: int  # records of those episodes the reader may not read, left out
    counts: Mapping[str, int]  # the overview's figures before small cells are hidden (audit)

    @property
    def title(self) -> str:
        """For the documents' metadata and a print job's name: no personal data."""
        return f"{sv.TITLE} {self.period_text}"

    @property
    def period_text(self) -> str:
        dates = f"{self.period.start.isoformat()} – {self.period.end.isoformat()}"
        return f"{dates} ({self.period.name})" if self.period.name else dates


@dataclass(frozen=True)
class ReportInput:
    actor: Actor
    period: ReportPeriod
    today: date
    threshold: int
    follow_up_months: Mapping[str, Collection[int]]  # by programme, from its rules
    texts: ReportTexts


def load_report(uow: UnitOfWork, given: ReportInput) -> StatusReport:
    facts = load_period(uow, given.actor, given.period, given.today)
    months = _follow_up_months(facts, given.follow_up_months)
    first = overview(facts)
    sections = (first, *goal_sections(facts, months))
    team, municipality = _names(uow, given.actor)
    relevant = _relevant(facts)
    return StatusReport(
        team_name=team,
        municipality_name=municipality,
        period=given.period,
        printed_on=given.today,
        threshold=given.threshold,
        sections=tuple(show(s, given.threshold) for s in sections),
        chart=chart_data(chart_months(facts), given.threshold),
        texts=given.texts,
        episodes=sum(active_in(e, given.period) for e in facts.episodes),
        withheld=sum(e.withheld for e in relevant),
        counts={
            **{i.key: i.value for i in first.items if isinstance(i, Count) and i.key},
            "closed": sum(closed_in(e, given.period) for e in facts.episodes),
        },
    )


def _relevant(facts: PeriodFacts) -> list[EpisodeFacts]:
    """The episodes the figures read: active in the period, or followed up in it."""
    period = facts.period
    return [
        e
        for e in facts.episodes
        if active_in(e, period)
        or any(period.start <= (f.done_on or f.due_on) <= period.end for f in e.follow_ups)
    ]


def _follow_up_months(facts: PeriodFacts, by_programme: Mapping[str, Collection[int]]) -> list[int]:
    """The follow-ups the team's programmes schedule, and any the records hold (an SST plus
    team's report has no row for SST's two-month follow-up)."""
    programmes = {e.programme for e in facts.episodes}
    months = {m for p in programmes for m in by_programme.get(p, ())}
    return sorted(months | {f.months_after for e in facts.episodes for f in e.follow_ups})


def chart_data(months: Sequence[MonthCounts], threshold: int) -> StatusChartData:
    bars = []
    previous_year = None
    for month in months:
        year, number = month.month.split("-")
        label = sv.CHART_MONTHS[int(number) - 1]
        if year != previous_year:
            label, previous_year = f"{label}\n{year}", year
        values = tuple(None if 0 < n < threshold else n for n in month.counts)
        bars.append(MonthBars(label, values, month.in_period))
    return StatusChartData(
        tuple(bars), sv.CHART_GROUPS, sv.CHART_AXIS, f"<{threshold}", sv.PERIOD_IN_CHART
    )


def _names(uow: UnitOfWork, actor: Actor) -> tuple[str | None, str | None]:
    team = uow.session.get(Team, actor.team_id) if actor.team_id else None
    district = uow.session.get(District, team.district_id) if team and team.district_id else None
    municipality = uow.session.get(Municipality, district.municipality_id) if district else None
    return (team.name if team else None, municipality.name if municipality else None)
