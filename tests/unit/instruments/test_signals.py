"""Signals and change on constructed trajectories (ORS at 15: cut-off 28, reliable change 5;
SRS: line 36, a drop of 1 point)."""

from __future__ import annotations

import pytest

from sst_desktop.instruments import AnswerError, Catalogue, SeriesResult, score_series
from tests.unit.instruments.conftest import ors_total, srs_total


def ors(catalogue: Catalogue, *totals: float, after: int | None = None) -> SeriesResult:
    sessions = [ors_total(t) for t in totals]
    return score_series(catalogue.get("ors"), sessions, age=15, no_improvement_after=after)


def fired(result: SeriesResult) -> list[tuple[int, str]]:
    return [(s.session, s.kind) for s in result.signals]


def test_from_below_the_cutoff_to_above_it_is_clinically_significant(
    catalogue: Catalogue,
) -> None:
    result = ors(catalogue, 20.0, 22.0, 26.0, 29.0)
    assert fired(result) == [
        (3, "reliable_improvement"),  # +6 but still under 28
        (4, "clinically_significant_improvement"),  # said instead of reliable improvement
    ]
    assert result.change == "clinically_significant_improvement"
    signal = result.signals[-1]
    assert signal.id == "ors.clinically_significant_improvement"
    assert "20.0" in signal.explanation.en and "29.0" in signal.explanation.en
    assert "20,0" in signal.explanation.sv and "28" in signal.rule.sv


def test_crossing_the_cutoff_without_reliable_change_is_no_change(catalogue: Catalogue) -> None:
    result = ors(catalogue, 26.0, 29.0)
    assert fired(result) == []
    assert result.change == "none"


def test_a_reliable_improvement_that_started_above_the_cutoff(catalogue: Catalogue) -> None:
    result = ors(catalogue, 29.0, 34.0)
    assert fired(result) == [(2, "reliable_improvement")]
    assert result.change == "reliable_improvement"


@pytest.mark.parametrize(
    ("last", "change", "signals"),
    [(25.0, "reliable_deterioration", [(2, "reliable_deterioration")]), (25.1, "none", [])],
)
def test_reliable_deterioration_is_five_points_or_more(
    catalogue: Catalogue, last: float, change: str, signals: list[tuple[int, str]]
) -> None:
    result = ors(catalogue, 30.0, last)
    assert (fired(result), result.change) == (signals, change)


def test_no_reliable_improvement_by_the_sixth_session(catalogue: Catalogue) -> None:
    result = ors(catalogue, 20.0, 21.0, 22.0, 23.0, 24.0, 24.9, 23.0)
    assert fired(result) == [(6, "no_reliable_improvement"), (7, "no_reliable_improvement")]
    signal = result.signals[0]
    assert signal.explanation.en.startswith("After 6 sessions")
    assert "consider changing the approach" in signal.explanation.en
    assert "överväg att ändra arbetssättet" in signal.explanation.sv
    assert result.change == "none"


def test_the_number_of_sessions_is_configurable(catalogue: Catalogue) -> None:
    result = ors(catalogue, 20.0, 21.0, 22.0, 23.0, after=3)
    assert fired(result) == [(3, "no_reliable_improvement"), (4, "no_reliable_improvement")]
    assert "from session 3 on" in result.signals[0].rule.en


def test_an_improvement_that_fades_is_signalled_again(catalogue: Catalogue) -> None:
    result = ors(catalogue, 20.0, 26.0, 21.0, 21.0, 21.0, 21.0)
    assert fired(result) == [(2, "reliable_improvement"), (6, "no_reliable_improvement")]
    assert result.change == "none"


def test_the_session_rating_asks_for_a_talk_about_the_alliance(catalogue: Catalogue) -> None:
    totals = [38.0, 37.5, 36.0, 35.9, 37.0]
    result = score_series(catalogue.get("srs"), [srs_total(t) for t in totals])
    assert fired(result) == [(3, "drop_from_previous"), (4, "below_cutoff")]
    drop, below = result.signals
    assert drop.explanation.en == (
        "The session's total 36.0 is 1.5 points below the previous session's (37.5): "
        "talk about the alliance."
    )
    assert below.explanation.sv == "Sessionens summa 35,9 är under 36: prata om alliansen."
    assert below.rule.en.startswith("A total below 36")
    assert result.change is None  # the session rating has no reliable-change rule


def test_a_drop_of_exactly_one_point_counts(catalogue: Catalogue) -> None:
    result = score_series(catalogue.get("csrs"), [srs_total(39.0), srs_total(38.0)], age=9)
    assert fired(result) == [(2, "drop_from_previous")]
    assert result.signals[0].id == "csrs.drop_from_previous"


def test_a_first_session_under_the_line_is_signalled(catalogue: Catalogue) -> None:
    result = score_series(catalogue.get("srs"), [srs_total(30.0)])
    assert fired(result) == [(1, "below_cutoff")]


def test_cors_uses_the_childrens_line(catalogue: Catalogue) -> None:
    sessions = [ors_total(26.0), ors_total(31.9), ors_total(32.0)]
    result = score_series(catalogue.get("cors"), sessions, age=10)
    assert fired(result) == [(2, "reliable_improvement"), (3, "clinically_significant_improvement")]


def test_a_single_session_has_no_change(catalogue: Catalogue) -> None:
    assert ors(catalogue, 12.0).change == "none"
    assert score_series(catalogue.get("ycors"), [ors_total(10)], age=4).change is None


def test_the_number_of_sessions_is_two_or_more(catalogue: Catalogue) -> None:
    with pytest.raises(AnswerError, match="2 or more"):
        ors(catalogue, 20.0, 21.0, after=1)
