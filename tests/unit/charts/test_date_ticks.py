"""Date ticks worked out for the chart's time axis (day ordinals)."""

from __future__ import annotations

from datetime import date

from sst_desktop.charts.date_ticks import date_ticks
from sst_desktop.charts.rating_chart_data import ChartTexts

MONTHS = ChartTexts().months


def ticks(first: date, last: date) -> list[tuple[date, str]]:
    positions, labels = date_ticks(first.toordinal(), last.toordinal(), MONTHS)
    return [(date.fromordinal(int(p)), label) for p, label in zip(positions, labels, strict=True)]


def test_months_with_the_year_on_the_first_tick_and_on_january() -> None:
    assert ticks(date(2025, 10, 20), date(2026, 3, 10)) == [
        (date(2025, 11, 1), "Nov 2025"),
        (date(2025, 12, 1), "Dec"),
        (date(2026, 1, 1), "Jan 2026"),
        (date(2026, 2, 1), "Feb"),
        (date(2026, 3, 1), "Mar"),
    ]


def test_a_long_case_steps_by_round_months_and_labels_every_other_tick() -> None:
    got = ticks(date(2024, 1, 15), date(2026, 11, 30))
    assert len(got) <= 9
    assert all(day.day == 1 and (day.month - 1) % 6 == 0 for day, _ in got)
    assert [label for _, label in got] == ["Jul 2024", "Jan 2025", "Jul", "Jan 2026", "Jul"]


def test_more_than_six_ticks_leave_every_other_label_empty_but_januaries() -> None:
    labels = [label for _, label in ticks(date(2025, 6, 10), date(2026, 3, 20))]
    assert labels == ["Jul 2025", "", "Sep", "", "Nov", "", "Jan 2026", "", "Mar"]


def test_a_short_case_gets_weekly_ticks_on_mondays() -> None:
    got = ticks(date(2026, 3, 4), date(2026, 4, 2))
    assert [day for day, _ in got] == [date(2026, 3, 9), date(2026, 3, 16), date(2026, 3, 23),
                                       date(2026, 3, 30)]  # fmt: skip
    assert [label for _, label in got] == ["9 Mar", "16 Mar", "23 Mar", "30 Mar"]
