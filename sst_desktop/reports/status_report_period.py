"""The status report's period: the last complete quarter before today unless given; a named
quarter (``2026Q3``) or month (``2026-05``, the ESF project reported monthly); or dates.

With only a start the period runs to today; with only an end it starts at the beginning of
that end's quarter."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from sst_desktop.errors import ValidationError, error_code
from sst_rules.retention import add_months

BAD_PERIOD = error_code(
    "status_report.period", "The period must start on or before its end ({start} – {end})."
)
BAD_PERIOD_NAME = error_code(
    "status_report.period_name",
    "Cannot read the period '{period}': write a quarter as 2026Q3 or a month as 2026-05.",
)
_QUARTER = re.compile(r"^(\d{4})-?[Qq]([1-4])$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
MONTHS_SV = (
    "januari", "februari", "mars", "april", "maj", "juni",
    "juli", "augusti", "september", "oktober", "november", "december",
)  # fmt: skip


@dataclass(frozen=True)
class ReportPeriod:
    start: date
    end: date

    @property
    def name(self) -> str | None:
        """ "kvartal 3 2026" or "maj 2026" when the period is exactly one, else None."""
        start, end = self.start, self.end
        if start.day != 1 or end != month_end(end):
            return None
        months = (end.year - start.year) * 12 + end.month - start.month + 1
        if months == 1:
            return f"{MONTHS_SV[start.month - 1]} {start.year}"
        if months == 3 and start.month % 3 == 1:
            return f"kvartal {start.month // 3 + 1} {start.year}"
        return None


def month_end(day: date) -> date:
    return add_months(day.replace(day=1), 1) - timedelta(days=1)


def quarter_of(day: date) -> ReportPeriod:
    first = day.replace(month=(day.month - 1) // 3 * 3 + 1, day=1)
    return ReportPeriod(first, month_end(add_months(first, 2)))


def last_complete_quarter(today: date) -> ReportPeriod:
    return quarter_of(quarter_of(today).start - timedelta(days=1))


def named_period(name: str) -> ReportPeriod:
    """``2026Q3`` (or ``2026-Q3``) or ``2026-05``."""
    text = name.strip()
    if found := _QUARTER.match(text):
        return quarter_of(date(int(found[1]), int(found[2]) * 3 - 2, 1))
    found = _MONTH.match(text)
    if found and 1 <= int(found[2]) <= 12:
        first = date(int(found[1]), int(found[2]), 1)
        return ReportPeriod(first, month_end(first))
    raise ValidationError(BAD_PERIOD_NAME, period=name)


def resolve_period(start: date | None, end: date | None, today: date) -> ReportPeriod:
    if start is None and end is None:
        return last_complete_quarter(today)
    chosen_end = end or today
    period = ReportPeriod(start or quarter_of(chosen_end).start, chosen_end)
    if period.start > period.end:
        raise ValidationError(
            BAD_PERIOD, start=period.start.isoformat(), end=period.end.isoformat()
        )
    return period


def month_starts(first: date, last: date) -> list[date]:
    """The first day of every month from ``first``'s to ``last``'s."""
    months, day = [], first.replace(day=1)
    while day <= last:
        months.append(day)
        day = add_months(day, 1)
    return months
