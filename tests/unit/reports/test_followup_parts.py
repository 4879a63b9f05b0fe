"""The follow-up file's pure parts: small-cell suppression (a property over random tables),
masking of free text, the CSV's cells, age bands, which absence figure counts, pseudonyms and
the Swedish vocabulary."""

from __future__ import annotations

import random
from datetime import date
from enum import Enum

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sst_desktop.reports import followup_labels as sv
from sst_desktop.reports.followup import pseudonyms
from sst_desktop.reports.followup_csv import csv_cell
from sst_desktop.reports.followup_facts import AbsenceFigure, EpisodeFacts
from sst_desktop.reports.followup_redact import MASK, Redactor
from sst_desktop.reports.followup_suppress import SECONDARY, CountTable, suppress
from sst_desktop.reports.followup_values import absence_at_end, absence_at_start, age_band
from sst_rules.enums import (
    AbsenceMeasure,
    CaseStatus,
    ClosureReason,
    Gender,
    ParticipationLevel,
    Programme,
)

THRESHOLD = 5


def _hidden(cell: str | int) -> bool:
    return cell == SECONDARY or (isinstance(cell, str) and cell.startswith("<"))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.integers(0, 12), min_size=3, max_size=3), min_size=1, max_size=5))
def test_no_hidden_count_can_be_worked_out_from_a_line_and_its_total(
    counts: list[list[int]],
) -> None:
    table = CountTable(
        "t", "rad", ("a", "b", "c"), tuple((f"r{i}", tuple(r)) for i, r in enumerate(counts))
    )
    grid = [line[1:] for line in suppress(table, THRESHOLD)[1:]]
    values = [[*r, sum(r)] for r in counts]
    values.append([sum(col) for col in zip(*values, strict=True)])
    for shown, actual in zip(grid, values, strict=True):
        for cell, value in zip(shown, actual, strict=True):
            assert _hidden(cell) or cell == value
            assert _hidden(cell) or not 0 < value < THRESHOLD
    lines = [list(line) for line in grid] + [list(col) for col in zip(*grid, strict=True)]
    assert all(sum(map(_hidden, line)) != 1 for line in lines)


def test_a_small_count_shows_as_below_the_threshold() -> None:
    table = CountTable("t", "rad", ("a", "b"), (("x", (3, 10)), ("y", (8, 9))))
    header, x, _y, total = suppress(table, THRESHOLD)
    assert header == ["rad", "a", "b", "Totalt"]
    assert x[1] == "<5" and SECONDARY in x[2:]  # the rest of row x hides one more
    assert total[0] == "Totalt"


def test_a_table_without_totals_hides_only_small_counts() -> None:
    table = CountTable(
        "t", "", ("Antal",), (("p", (3,)), ("q", (40,))), columns_partition=False, total_row=False
    )
    assert suppress(table, THRESHOLD)[1:] == [["p", "<5"], ["q", 40]]


def test_free_text_loses_names_numbers_and_addresses() -> None:
    redactor = Redactor(["Lisa Lindqvist-Örn", "Storgatan 12, 123 45 Ekby", "Per Svensson"])
    text = (
        "lisa och per Svensson (20100101-1238, 100101-1238) bor på Storgatan 12, 123 45 Ekby; "
        "ring 070-123 45 67 eller mejla per.s@example.se. Eleven mår bättre."
    )
    masked = redactor.mask(text)
    for gone in ("lisa", "per", "Svensson", "1238", "Storgatan", "Ekby", "123 45", "070", "@"):
        assert gone not in masked
    assert masked.endswith("Eleven mår bättre.") and MASK in masked


def test_csv_cells_are_for_swedish_excel_and_never_formulas() -> None:
    assert csv_cell(45.5) == "45,5" and csv_cell(3) == "3" and csv_cell(None) == ""
    assert csv_cell("=HYPERLINK(1)") == "'=HYPERLINK(1)" and csv_cell("-1") == "'-1"
    assert csv_cell("ja") == "ja"


@pytest.mark.parametrize(
    ("birth", "label"),
    [
        (date(2016, 9, 2), "under 10 år"),
        (date(2016, 9, 1), "10–12 år"),
        (date(2013, 9, 1), "13–15 år"),
        (date(2010, 9, 1), "16 år eller äldre"),
        (None, None),
    ],
)
def test_age_is_given_in_bands(birth: date | None, label: str | None) -> None:
    assert age_band(birth, date(2026, 9, 1)) == label


def _episode(started: date, closed: date | None, *measured: date) -> EpisodeFacts:
    facts = EpisodeFacts(
        "c", "s", "sst", "closed", date(2026, 1, 5), started, closed, 7, "D", None, None, None
    )
    facts.absences = [AbsenceFigure(float(d.day), d, "skolan", "total") for d in measured]
    return facts


def test_absence_at_intake_and_at_closure() -> None:
    facts = _episode(
        date(2026, 2, 10),
        date(2026, 6, 1),
        date(2026, 1, 20), date(2026, 2, 10), date(2026, 5, 30), date(2026, 6, 2),
    )  # fmt: skip
    assert absence_at_start(facts).measured_on == date(2026, 2, 10)  # type: ignore[union-attr]
    assert absence_at_end(facts).measured_on == date(2026, 5, 30)  # type: ignore[union-attr]
    assert absence_at_end(_episode(date(2026, 2, 10), None, date(2026, 3, 1))) is None
    without = _episode(date(2026, 2, 10), None, date(2026, 3, 1))
    assert absence_at_start(without) is None
    without.referral_absence = AbsenceFigure(50.0, date(2026, 1, 5), "förfrågan")
    assert absence_at_start(without) == without.referral_absence  # the referral's own figure


def test_pseudonyms_are_a_fresh_numbering_each_time() -> None:
    keys = [f"student-{n}" for n in range(120)]
    first, second = pseudonyms(keys, random.Random(1)), pseudonyms(keys, random.Random(2))
    assert sorted(first.values()) == sorted(second.values()) == [f"P{n:04d}" for n in range(1, 121)]
    assert first != second
    assert pseudonyms(keys + keys, random.Random(1)) == first  # one per individual


@pytest.mark.parametrize(
    ("enum", "table"),
    [
        (Programme, sv.PROGRAMME),
        (Gender, sv.GENDER),
        (CaseStatus, sv.STATUS),
        (ClosureReason, sv.CLOSURE_REASON),
        (ParticipationLevel, sv.PARTICIPATION),
        (AbsenceMeasure, sv.ABSENCE_MEASURE),
    ],
)
def test_every_code_has_a_swedish_word(enum: type[Enum], table: dict[str, str]) -> None:
    assert {m.value for m in enum} == set(table)
