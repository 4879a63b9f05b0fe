"""SDQ scoring against hand-worked forms: reverse items, prorating (half up), sums, impact,
and the four bands of sdqinfo's UK norms per informant."""

from __future__ import annotations

import pytest

from sst_desktop.errors import ValidationError
from sst_desktop.instruments import AnswerError, Catalogue, Definition, score_answers
from sst_desktop.instruments.norms import bands_for, norm_for

SUBSCALES = {
    "emotional": ("3", "8", "13", "16", "24"),
    "conduct": ("5", "7", "12", "18", "22"),
    "hyperactivity": ("2", "10", "15", "21", "25"),
    "peer": ("6", "11", "14", "19", "23"),
    "prosocial": ("1", "4", "9", "17", "20"),
}


@pytest.fixture
def sdq(catalogue: Catalogue) -> Definition:
    return catalogue.get("sdq")


def ticked(**by_subscale: tuple[int | None, ...]) -> dict[str, object]:
    """Answers as ticked, given per subscale in the order of SUBSCALES (None: left out)."""
    answers: dict[str, object] = {}
    for name, values in by_subscale.items():
        for key, value in zip(SUBSCALES[name], values, strict=True):
            if value is not None:
                answers[key] = value
    return answers


def everything(value: int) -> dict[str, object]:
    return {str(n): value for n in range(1, 26)}


def test_a_hand_scored_parent_form(sdq: Definition) -> None:
    answers = ticked(
        emotional=(2, 1, 1, 0, 2),  # 6
        conduct=(1, 0, 0, 1, 0),  # item 7 ticked 0 scores 2: 4
        hyperactivity=(2, 2, 1, 0, 1),  # 21 ticked 0 -> 2, 25 ticked 1 -> 1: 8
        peer=(0, 2, 2, 1, 0),  # 11 and 14 ticked 2 -> 0: 1
        prosocial=(2, 2, 1, 2, 2),  # 9
    )
    answers |= {"difficulties": 2, "distress": 2, "home": 3, "friendships": 1}
    answers |= {"classroom": 2, "leisure": 0}  # impact 1 + 2 + 0 + 1 + 0
    result = score_answers(sdq, answers, respondent="parent", age=9)
    assert result.scores == {
        "emotional": 6,
        "conduct": 4,
        "hyperactivity": 8,
        "peer": 1,
        "prosocial": 9,
        "total_difficulties": 19,
        "externalising": 12,
        "internalising": 7,
        "impact": 4,
    }
    assert result.bands == {
        "emotional": "high",
        "conduct": "high",
        "hyperactivity": "high",
        "peer": "close_to_average",
        "prosocial": "close_to_average",
        "total_difficulties": "high",
        "impact": "very_high",
    }


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0, {"emotional": 0, "conduct": 2, "hyperactivity": 4, "peer": 4, "prosocial": 0}),
        (2, {"emotional": 10, "conduct": 8, "hyperactivity": 6, "peer": 6, "prosocial": 10}),
    ],
)
def test_reverse_items_are_7_11_14_21_25(
    sdq: Definition, value: int, expected: dict[str, int]
) -> None:
    scores = score_answers(sdq, everything(value), respondent="teacher").scores
    assert {k: scores[k] for k in expected} == expected
    problems = expected["emotional"] + expected["conduct"]
    problems += expected["hyperactivity"] + expected["peer"]
    assert scores["total_difficulties"] == problems


def test_prorating_rounds_half_up_not_to_even(sdq: Definition) -> None:
    """Four answers summing to 2: 2 * 5 / 4 = 2.5, which is 3 (Python's round says 2)."""
    assert round(2.5) == 2  # the trap
    answers = ticked(emotional=(1, 1, 0, 0, None), peer=(1, 2, 2, 1, None))  # peer 1+0+0+1
    scores = score_answers(sdq, answers, respondent="parent").scores
    assert scores["emotional"] == 3
    assert scores["peer"] == 3


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ((2, 2, 2, 0, None), 8),  # 6 * 5 / 4 = 7.5 -> 8
        ((1, 0, 0, None, None), 2),  # 1 * 5 / 3 = 1.67 -> 2
        ((2, 1, 1, None, None), 7),  # 4 * 5 / 3 = 6.67 -> 7
        ((1, 1, None, None, None), None),  # two answered: not computable
        ((2, 2, 2, 2, 2), 10),
    ],
)
def test_prorating_needs_three_of_five(
    sdq: Definition, values: tuple[int | None, ...], expected: int | None
) -> None:
    scores = score_answers(sdq, ticked(emotional=values), respondent="parent").scores
    assert scores["emotional"] == expected


def test_a_prorated_subscale_reverses_before_it_scales(sdq: Definition) -> None:
    # conduct: 5 ticked 0, 7 ticked 1 (scores 1), 12 ticked 1; 2 of 3 answered: 10 / 3 -> 3
    scores = score_answers(sdq, ticked(conduct=(0, 1, 1, None, None)), respondent="self", age=12)
    assert scores.scores["conduct"] == 3


def test_sums_are_null_where_a_part_is(sdq: Definition) -> None:
    answers = ticked(
        emotional=(1, None, None, None, None),  # not computable
        conduct=(1, 1, 1, 1, 1),  # 5 (item 7: 1)
        hyperactivity=(0, 0, 0, 2, 2),  # 0
        peer=(0, 0, 0, 0, 0),  # 4 (items 11 and 14 ticked 0)
    )
    scores = score_answers(sdq, answers, respondent="parent").scores
    assert scores["emotional"] is None
    assert scores["total_difficulties"] is None
    assert scores["internalising"] is None
    assert scores["externalising"] == 5
    assert scores["prosocial"] is None
    assert scores["impact"] is None


def test_an_empty_form_scores_nothing(sdq: Definition) -> None:
    result = score_answers(sdq, {}, respondent="parent")
    assert set(result.scores.values()) == {None}
    assert set(result.bands.values()) == {None}


def test_impact_for_parent_and_self_sums_five_recoded_items(sdq: Definition) -> None:
    # not at all / only a little -> 0, quite a lot -> 1, a great deal -> 2
    answers = {"difficulties": 3, "distress": 3, "home": 3, "friendships": 3}
    answers |= {"classroom": 3, "leisure": 1}
    assert score_answers(sdq, answers, respondent="self", age=14).scores["impact"] == 8
    answers["leisure"] = 2
    assert score_answers(sdq, answers, respondent="parent").scores["impact"] == 9


def test_impact_for_teacher_sums_distress_peers_and_classroom(sdq: Definition) -> None:
    answers = {"difficulties": 1, "distress": 3, "friendships": 2, "classroom": 3}
    result = score_answers(sdq, answers, respondent="teacher")
    assert result.scores["impact"] == 5  # 2 + 1 + 2, the form's maximum is 6
    assert result.bands["impact"] == "very_high"
    with pytest.raises(AnswerError, match="has no item home"):
        score_answers(sdq, {"home": 1}, respondent="teacher")


def test_impact_is_zero_when_the_respondent_sees_no_difficulties(sdq: Definition) -> None:
    assert score_answers(sdq, {"difficulties": 0}, respondent="parent").scores["impact"] == 0
    partial = {"difficulties": 2, "distress": 2, "home": 2}
    assert score_answers(sdq, partial, respondent="parent").scores["impact"] is None


# The four bands of sdqinfo.org's scoring instructions (UK norms, 4-17), at every boundary.
BANDS = {
    "parent": {
        "total_difficulties": (13, 16, 19),
        "emotional": (3, 4, 6),
        "conduct": (2, 3, 5),
        "hyperactivity": (5, 7, 8),
        "peer": (2, 3, 4),
        "impact": (0, 1, 2),
    },
    "teacher": {
        "total_difficulties": (11, 15, 18),
        "emotional": (3, 4, 5),
        "conduct": (2, 3, 4),
        "hyperactivity": (5, 7, 8),
        "peer": (2, 4, 5),
        "impact": (0, 1, 2),
    },
    "self": {
        "total_difficulties": (14, 17, 19),
        "emotional": (4, 5, 6),
        "conduct": (3, 4, 5),
        "hyperactivity": (5, 6, 7),
        "peer": (2, 3, 4),
        "impact": (0, 1, 2),
    },
}
PROSOCIAL_LOWEST_CLOSE_TO_AVERAGE = {"parent": 8, "teacher": 6, "self": 7}


@pytest.mark.parametrize(
    ("respondent", "score", "tops"),
    [(who, score, tops) for who, table in BANDS.items() for score, tops in table.items()],
)
def test_bands_at_each_boundary(
    sdq: Definition, respondent: str, score: str, tops: tuple[int, int, int]
) -> None:
    norm = norm_for(sdq, respondent, None)
    names = ("close_to_average", "slightly_raised", "high", "very_high")
    for top, name, above in zip(tops, names[:-1], names[1:], strict=True):
        assert bands_for(norm, {score: top}) == {score: name}
        assert bands_for(norm, {score: top + 1}) == {score: above}


@pytest.mark.parametrize("respondent", ["parent", "teacher", "self"])
def test_prosocial_bands_run_downwards(sdq: Definition, respondent: str) -> None:
    norm = norm_for(sdq, respondent, None)
    close = PROSOCIAL_LOWEST_CLOSE_TO_AVERAGE[respondent]
    expected = ["close_to_average", "slightly_lowered", "low", "very_low"]
    got = [bands_for(norm, {"prosocial": close - n})["prosocial"] for n in range(4)]
    assert got == expected
    assert bands_for(norm, {"prosocial": 10}) == {"prosocial": "close_to_average"}


def test_externalising_and_internalising_have_no_bands(sdq: Definition) -> None:
    result = score_answers(sdq, everything(1), respondent="parent")
    assert "externalising" not in result.bands
    assert "internalising" not in result.bands


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ({"1": 3}, "item 1 must be a whole number from 0 to 2"),
        ({"1": -1}, "item 1 must be"),
        ({"1": 1.0}, "item 1 must be"),
        ({"1": True}, "item 1 must be"),
        ({"1": "2"}, "item 1 must be"),
        ({"26": 0}, "has no item 26"),
        ({"difficulties": 4}, "item difficulties must be a whole number from 0 to 3"),
    ],
)
def test_bad_answers_are_refused_with_the_item_named(
    sdq: Definition, answers: dict[str, object], message: str
) -> None:
    with pytest.raises(AnswerError, match=message) as raised:
        score_answers(sdq, answers, respondent="parent")
    assert isinstance(raised.value, ValidationError)


def test_the_respondent_is_required_and_the_self_report_starts_at_11(sdq: Definition) -> None:
    with pytest.raises(AnswerError, match="needs a respondent"):
        score_answers(sdq, everything(1))
    with pytest.raises(AnswerError, match="meant for ages 11-17, not 10"):
        score_answers(sdq, everything(1), respondent="self", age=10)
    assert score_answers(sdq, everything(1), respondent="self", age=11).scores["peer"] == 5
