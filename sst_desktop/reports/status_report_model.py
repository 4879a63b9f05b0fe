"""The status report's content before small cells are hidden: sections of figures, each with the
line that says what it counts. ``status_report_figures`` fills them from the period's facts;
``status_report_shown`` turns them into the strings both documents print."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sst_desktop.reports.followup_suppress import CountTable


@dataclass(frozen=True)
class Count:
    label: str
    counts: str
    value: int
    whole: int | None = None  # printed "value av whole" when the count is part of a whole
    key: str = ""  # the overview's counts go into the audit event under this name


@dataclass(frozen=True)
class Statistic:
    """A median or mean over ``n`` cases (shown only when ``n`` reaches the threshold)."""

    label: str
    counts: str
    value: Decimal | None
    n: int
    unit: str = ""
    signed: bool = False


@dataclass(frozen=True)
class Breakdown:
    """A table of counts whose rows (and total) hide small cells together."""

    caption: str
    table: CountTable
    counts: str


Item = Count | Statistic | Breakdown


@dataclass(frozen=True)
class Section:
    key: str  # the texts file's key of its comment: overview, impact_1 ... project_4
    heading: str
    goal: str | None  # the goal in the programme's words
    items: tuple[Item, ...]
    note: str | None = None


@dataclass(frozen=True)
class MonthCounts:
    """Cases in each state at one month's end (the chart)."""

    month: str  # "2026-03"
    counts: tuple[int, ...]  # per state group, in ``CHART_GROUPS`` order
    in_period: bool
