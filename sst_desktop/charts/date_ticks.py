"""Date ticks for a time axis in day ordinals (``date.toordinal()``), worked out here.

matplotlib's own date locator and formatter cost more than the rest of the ratings chart
together (they convert every candidate tick through ``datetime`` and try several intervals on
every draw). A case spans weeks to a few years, so months (or weeks, for a short case) at a
fixed step are enough, with the month names given by the caller in the UI language.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

MAX_TICKS = 9
MAX_LABELS = 6  # each label costs a text to lay out and draw: past this, every other one
MONTH_STEPS = (1, 2, 3, 6, 12, 24, 60)
WEEK = 7


def date_ticks(
    first: int, last: int, months: Sequence[str]
) -> tuple[tuple[float, ...], tuple[str, ...]]:
    """Tick positions (day ordinals) and labels for the days ``first``..``last``.

    Month starts at a step that keeps the ticks at ``MAX_TICKS`` or fewer; the year is written
    on the first tick and on every January. Fewer than three month starts: weekly ticks
    (Mondays) labelled day and month instead. Past ``MAX_LABELS`` ticks only every other one
    is labelled (an empty label), a January always.
    """
    start, end = date.fromordinal(first), date.fromordinal(last)
    span = (end.year - start.year) * 12 + end.month - start.month
    if span < 3:
        return _week_ticks(start, end, months)
    step = next((s for s in MONTH_STEPS if span / s <= MAX_TICKS), MONTH_STEPS[-1])
    index = start.year * 12 + start.month  # the month after the start's: its first day is in range
    index += (-index) % step  # months count from January, so the ticks fall on round months
    positions: list[float] = []
    labels: list[str] = []
    while True:
        year, month0 = divmod(index, 12)
        day = date(year, month0 + 1, 1)
        if day > end:
            break
        positions.append(float(day.toordinal()))
        name = months[month0]
        labels.append(f"{name} {year}" if not labels or month0 == 0 else name)
        index += step
    return tuple(positions), _thinned(labels)


def _thinned(labels: list[str]) -> tuple[str, ...]:
    if len(labels) <= MAX_LABELS:
        return tuple(labels)
    return tuple(
        label if n % 2 == 0 or label[-1].isdigit() else "" for n, label in enumerate(labels)
    )


def _week_ticks(
    start: date, end: date, months: Sequence[str]
) -> tuple[tuple[float, ...], tuple[str, ...]]:
    monday = start + timedelta(days=(-start.weekday()) % WEEK)
    weeks = max(1, -(-((end - monday).days + 1) // (WEEK * MAX_TICKS)))
    positions: list[float] = []
    labels: list[str] = []
    day = monday
    while day <= end:
        positions.append(float(day.toordinal()))
        labels.append(f"{day.day} {months[day.month - 1]}")
        day += timedelta(days=WEEK * weeks)
    return tuple(positions), _thinned(labels)
