"""The status report's pure parts: its period (the last complete quarter by default, a named
quarter or month, dates), small cells hidden in figures, parts of a whole and statistics, and
the free-texts file checked whole."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from sst_desktop.errors import ValidationError
from sst_desktop.reports.followup_suppress import CountTable
from sst_desktop.reports.status_report_model import Breakdown, Count, Section, Statistic
from sst_desktop.reports.status_report_period import (
    ReportPeriod,
    last_complete_quarter,
    named_period,
    resolve_period,
)
from sst_desktop.reports.status_report_shown import ShownFigures, ShownTable, part_of, show
from sst_desktop.reports.status_report_texts import load_texts, parse_texts


@pytest.mark.parametrize(
    ("today", "start", "end"),
    [
        (date(2026, 4, 15), date(2026, 1, 1), date(2026, 3, 31)),
        (date(2026, 3, 31), date(2025, 10, 1), date(2025, 12, 31)),
        (date(2026, 1, 1), date(2025, 10, 1), date(2025, 12, 31)),
        (date(2026, 12, 2), date(2026, 7, 1), date(2026, 9, 30)),
    ],
)
def test_the_default_is_the_last_complete_quarter(today: date, start: date, end: date) -> None:
    assert last_complete_quarter(today) == ReportPeriod(start, end)
    assert resolve_period(None, None, today) == ReportPeriod(start, end)


def test_a_named_quarter_or_month() -> None:
    assert named_period("2026Q3") == ReportPeriod(date(2026, 7, 1), date(2026, 9, 30))
    assert named_period("2026-q1").name == "kvartal 1 2026"
    assert named_period("2026-02") == ReportPeriod(date(2026, 2, 1), date(2026, 2, 28))
    assert named_period("2024-02").end == date(2024, 2, 29)
    assert named_period("2026-05").name == "maj 2026"
    assert ReportPeriod(date(2026, 1, 5), date(2026, 3, 31)).name is None
    for wrong in ("2026Q5", "2026-13", "Q3", "hösten"):
        with pytest.raises(ValidationError):
            named_period(wrong)


def test_dates_given_alone_or_together() -> None:
    today = date(2026, 5, 20)
    assert resolve_period(date(2026, 4, 1), None, today) == ReportPeriod(date(2026, 4, 1), today)
    assert resolve_period(None, date(2026, 2, 10), today).start == date(2026, 1, 1)
    with pytest.raises(ValidationError) as refused:
        resolve_period(date(2026, 3, 1), date(2026, 2, 1), today)
    assert "2026-03-01" in refused.value.message


@pytest.mark.parametrize(
    ("part", "whole", "shown"),
    [
        (7, 12, "7 av 12"),
        (3, 12, "<5 av 12"),  # the part is small
        (10, 12, ".. av 12"),  # the rest (2) is small: 12 - 10 would give it away
        (0, 12, "0 av 12"),
        (12, 12, "12 av 12"),
        (3, 3, "<5 av <5"),
        (0, 0, "0 av 0"),
    ],
)
def test_a_part_of_a_whole(part: int, whole: int, shown: str) -> None:
    assert part_of(part, whole, 5) == shown


def test_a_section_hides_its_small_cells() -> None:
    table = CountTable("Orsak", "", ("Antal",), (("a", (7,)), ("b", (2,)), ("c", (6,))),
                       columns_partition=False)  # fmt: skip
    section = Section(
        "impact_1",
        "Rubrik",
        "Målet",
        (
            Count("Antal", "räknar", 3),
            Statistic("Median", "räknar", Decimal("55.0"), 4, unit=" %"),
            Statistic("Medel", "räknar", Decimal("8.0"), 6, signed=True),
            Breakdown("Tabell", table, "räknar"),
            Count("Efter", "räknar", 0),
        ),
    )
    shown = show(section, 5)
    first, middle, last = shown.blocks
    assert isinstance(first, ShownFigures) and isinstance(middle, ShownTable)
    assert [value for _l, value, _c in first.rows] == ["<5", "visas inte (n<5)", "+8,0"]
    # b (2) is hidden, and the smallest other count with it: the total would give b away
    assert middle.grid[1:] == (("a", "7"), ("b", "<5"), ("c", ".."), ("Totalt", "15"))
    assert isinstance(last, ShownFigures) and last.rows[0][1] == "0"


def test_the_texts_file_is_checked_whole(tmp_path: Path) -> None:
    texts = parse_texts({"deviations": "Inga.", "impact_1": "Bra."}, "t.json")
    assert texts.get("deviations") == "Inga." and texts.get("project_2") == ""
    assert texts.given == ("deviations", "impact_1")
    for data, field in (({"impakt_1": "x"}, "impakt_1"), ({"deviations": 3}, "deviations")):
        with pytest.raises(ValidationError) as refused:
            parse_texts(data, "t.json")
        assert field in refused.value.message
    broken = tmp_path / "texter.json"
    broken.write_text('{"deviations": "Inga."', encoding="utf-8")
    with pytest.raises(ValidationError) as refused:
        load_texts(broken)
    assert "texter.json" in refused.value.message and "line 1" in refused.value.message
    broken.write_text("[]", encoding="utf-8")
    with pytest.raises(ValidationError):
        load_texts(broken)
