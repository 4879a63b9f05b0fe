"""Properties over many generated forms: prorating is half-up rounding of the mean, subscales
stay in range, sums add up, line totals are the marks in cm, and the change of a series agrees
with the signals of its last session."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from sst_desktop.instruments import Catalogue, score_answers, score_series
from sst_desktop.instruments.subscales import prorate
from tests.unit.instruments.conftest import lines
from tests.unit.instruments.test_sdq import SUBSCALES

REVERSED = {"7", "11", "14", "21", "25"}
sdq_answers = st.dictionaries(
    st.sampled_from([str(n) for n in range(1, 26)]), st.integers(0, 2), max_size=25
)
marks = st.integers(0, 100)


@given(st.integers(3, 5).flatmap(lambda n: st.tuples(st.just(n), st.integers(0, 2 * n))))
def test_prorating_is_the_mean_times_five_rounded_half_up(case: tuple[int, int]) -> None:
    answered, total = case
    expected = (Decimal(total) * 5 / answered).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    assert prorate(total, answered, 5, 3) == int(expected)


def _reference(answers: dict[str, int], keys: tuple[str, ...]) -> int | None:
    values = [2 - answers[k] if k in REVERSED else answers[k] for k in keys if k in answers]
    if len(values) < 3:
        return None
    mean_times_five = Decimal(sum(values)) * 5 / len(values)
    return int(mean_times_five.quantize(Decimal(1), rounding=ROUND_HALF_UP))


@settings(max_examples=300)
@given(sdq_answers)
def test_sdq_scores_match_a_reference_scoring(
    catalogue: Catalogue, answers: dict[str, int]
) -> None:
    scores = score_answers(catalogue.get("sdq"), answers, respondent="parent").scores
    for name, keys in SUBSCALES.items():
        assert scores[name] == _reference(answers, keys)
        assert scores[name] is None or 0 <= scores[name] <= 10  # type: ignore[operator]
    problems = [scores[n] for n in ("emotional", "conduct", "hyperactivity", "peer")]
    if None in problems:
        assert scores["total_difficulties"] is None
    else:
        assert scores["total_difficulties"] == sum(problems)  # type: ignore[arg-type]


@given(marks, marks, marks, marks)
def test_the_line_total_is_the_marks_in_cm(
    catalogue: Catalogue, a: int, b: int, c: int, d: int
) -> None:
    total = score_answers(catalogue.get("ors"), lines(a, b, c, d), age=30).scores["total"]
    assert total == Decimal(a + b + c + d) / 10
    assert total is not None and Decimal(0) <= total <= Decimal(40)


@given(st.lists(st.tuples(marks, marks, marks, marks), min_size=2, max_size=8))
def test_the_change_agrees_with_the_last_sessions_signals(
    catalogue: Catalogue, sessions: list[tuple[int, int, int, int]]
) -> None:
    result = score_series(catalogue.get("ors"), [lines(*s) for s in sessions], age=15)
    last = {s.kind for s in result.signals if s.session == len(sessions)}
    change_kinds = {
        "reliable_improvement",
        "clinically_significant_improvement",
        "reliable_deterioration",
    }
    assert result.change is not None
    assert last & change_kinds == ({result.change} - {"none"})
