"""The overview's figures and the chart's months, worked out from the period's facts (pure: the
facts were read under the read rule in ``status_report_load``). The goals' sections are
``status_report_goals``."""

from __future__ import annotations

from collections import Counter
from datetime import date

from sst_desktop.reports import status_report_labels as sv
from sst_desktop.reports.followup_facts import EpisodeFacts
from sst_desktop.reports.followup_labels import CLOSURE_REASON
from sst_desktop.reports.followup_suppress import CountTable
from sst_desktop.reports.status_report_load import PeriodFacts, StatusChange
from sst_desktop.reports.status_report_load_goals import active_in, closed_in
from sst_desktop.reports.status_report_model import Breakdown, Count, MonthCounts, Section
from sst_desktop.reports.status_report_period import ReportPeriod, month_end, month_starts
from sst_rules.enums import CaseStatus, ClosureReason, RecordCategory
from sst_rules.retention import add_months

CHART_MONTHS = 12
# The chart's state groups (``sv.CHART_GROUPS``); closed states are not a caseload.
STATE_GROUPS: tuple[frozenset[str], ...] = (
    frozenset({CaseStatus.REQUESTED, CaseStatus.APPLIED, CaseStatus.ASSESSED, CaseStatus.ADMITTED}),
    frozenset({CaseStatus.DECIDED, CaseStatus.INFORMATION_MEETING}),
    frozenset({CaseStatus.STARTED, CaseStatus.ACTIVE, CaseStatus.MAPPING, CaseStatus.CLOSING,
               CaseStatus.SIX_MONTH_EVALUATION}),
)  # fmt: skip


def overview(facts: PeriodFacts) -> Section:
    period, episodes = facts.period, facts.episodes
    items = (
        Count(*sv.REFERRED, facts.opened, key="referred"),
        Count(*sv.DECIDED, len(facts.changes_in_period(CaseStatus.DECIDED)), key="decided"),
        Count(*sv.DECLINED, len(facts.changes_in_period(CaseStatus.DECLINED)), key="declined"),
        Count(
            *sv.STARTED,
            sum(period.start <= e.started_on <= period.end for e in episodes),
            key="started",
        ),
        Count(*sv.ACTIVE_IN_PERIOD, sum(active_in(e, period) for e in episodes), key="active"),
        Count(*sv.ACTIVE, sum(_active_at(e, period.end) for e in episodes), key="active_at_end"),
        _closed_by_reason(episodes, period),
        Count(*sv.FOLLOW_UPS_DONE, _follow_ups_done(episodes, period), key="follow_ups_done"),
        Count(
            *sv.FOLLOW_UPS_OVERDUE,
            _follow_ups_overdue(episodes, period.end),
            key="follow_ups_overdue",
        ),
    )
    return Section("overview", sv.OVERVIEW, None, items)


def _active_at(facts: EpisodeFacts, day: date) -> bool:
    return facts.started_on <= day and (facts.closed_on is None or facts.closed_on > day)


def closure_key(facts: EpisodeFacts) -> str:
    if facts.closure is not None:
        return facts.closure.reason
    if facts.no_access(RecordCategory.CLOSURE_FOLLOW_UP):
        return "no_access"
    if facts.status in (CaseStatus.WITHDRAWN, CaseStatus.HANDED_OVER):
        return facts.status
    return "unknown"


def _closed_by_reason(episodes: list[EpisodeFacts], period: ReportPeriod) -> Breakdown:
    counted = Counter(closure_key(e) for e in episodes if closed_in(e, period))
    rows = [(_reason_label(r.value), counted[r.value]) for r in ClosureReason]
    rows += [(label, counted[key]) for key, label in sv.CLOSED_WITHOUT_CLOSURE.items()
             if counted[key]]  # fmt: skip
    table = CountTable(
        sv.CLOSED_CAPTION,
        sv.REASON,
        (sv.COUNT,),
        tuple((label, (n,)) for label, n in rows),
        columns_partition=False,
    )
    return Breakdown(sv.CLOSED_CAPTION, table, sv.CLOSED_COUNTS)


def _reason_label(reason: str) -> str:
    words = CLOSURE_REASON.get(reason, reason)
    return words[:1].upper() + words[1:]


def _follow_ups_done(episodes: list[EpisodeFacts], period: ReportPeriod) -> int:
    return sum(
        f.done_on is not None and period.start <= f.done_on <= period.end
        for e in episodes
        for f in e.follow_ups
    )


def _follow_ups_overdue(episodes: list[EpisodeFacts], end: date) -> int:
    return sum(
        f.due_on < end and (f.done_on is None or f.done_on > end)
        for e in episodes
        for f in e.follow_ups
    )


def chart_months(facts: PeriodFacts) -> tuple[MonthCounts, ...]:
    """Cases by state at the end of each of the twelve months up to the period's end (or every
    month of a longer period)."""
    period = facts.period
    first = min(period.start, add_months(period.end.replace(day=1), 1 - CHART_MONTHS))
    months = []
    for start in month_starts(first, period.end):
        end = min(month_end(start), period.end)
        states = Counter(_state_on(changes, end) for changes in facts.history.values())
        counts = tuple(sum(states[s] for s in group) for group in STATE_GROUPS)
        in_period = end >= period.start
        months.append(MonthCounts(f"{start:%Y-%m}", counts, in_period))
    return tuple(months)


def _state_on(changes: list[StatusChange], day: date) -> str | None:
    state = None
    for changed_on, status, _programme in changes:  # oldest first
        if changed_on > day:
            break
        state = status
    return state
