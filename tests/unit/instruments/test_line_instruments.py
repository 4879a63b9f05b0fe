"""ORS, CORS, SRS, CSRS on the 10 cm line; YCORS recorded, not scored; the 0-10 scale."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from sst_desktop.instruments import AnswerError, Catalogue, score_answers
from tests.unit.instruments.conftest import lines, ors_total, session


def test_the_total_is_the_marks_in_cm_to_one_decimal(catalogue: Catalogue) -> None:
    result = score_answers(catalogue.get("ors"), lines(73, 48, 61, 55), age=15)
    assert result.scores == {"total": Decimal("23.7")}
    assert score_answers(catalogue.get("ors"), lines(0, 0, 0, 0), age=15).scores["total"] == 0
    full = score_answers(catalogue.get("ors"), lines(100, 100, 100, 100), age=15)
    assert full.scores["total"] == Decimal("40.0")


@pytest.mark.parametrize(
    ("instrument", "age", "cutoff"),
    [
        ("ors", 18, "25"),
        ("ors", 40, "25"),
        ("ors", 13, "28"),
        ("ors", 17, "28"),
        ("cors", 6, "32"),
        ("cors", 12, "32"),
    ],
)
def test_the_cutoff_follows_the_age_group(
    catalogue: Catalogue, instrument: str, age: int, cutoff: str
) -> None:
    definition = catalogue.get(instrument)
    line = Decimal(cutoff)
    below = score_answers(definition, ors_total(float(line) - 0.1), age=age)
    at = score_answers(definition, ors_total(float(line)), age=age)
    assert below.bands == {"total": "below_cutoff"}
    assert at.bands == {"total": "at_or_above_cutoff"}


def test_a_parent_or_teacher_rating_uses_the_students_age_group(catalogue: Catalogue) -> None:
    ors = catalogue.get("ors")
    for respondent in ("parent", "teacher"):
        rating = score_answers(ors, ors_total(26.0), respondent=respondent, age=14)
        assert rating.bands == {"total": "below_cutoff"}  # 28 at 14, not the adults' 25
        adult = score_answers(ors, ors_total(26.0), respondent=respondent, age=19)
        assert adult.bands == {"total": "at_or_above_cutoff"}


def test_ors_needs_the_age_where_the_cutoff_depends_on_it(catalogue: Catalogue) -> None:
    with pytest.raises(AnswerError, match="different cut-offs by age"):
        score_answers(catalogue.get("ors"), ors_total(20))
    # one age group only: no age needed
    assert score_answers(catalogue.get("cors"), ors_total(33)).bands == {
        "total": "at_or_above_cutoff"
    }


@pytest.mark.parametrize(
    ("instrument", "age", "ages"),
    [("ors", 12, "13+"), ("cors", 13, "6-12"), ("cors", 5, "6-12"), ("ycors", 6, "0-5")],
)
def test_an_age_outside_the_form_is_refused(
    catalogue: Catalogue, instrument: str, age: int, ages: str
) -> None:
    with pytest.raises(AnswerError, match=re.escape(f"meant for ages {ages}, not {age}.")):
        score_answers(catalogue.get(instrument), ors_total(20), age=age)


def test_every_line_must_be_marked_and_within_the_line(catalogue: Catalogue) -> None:
    ors = catalogue.get("ors")
    with pytest.raises(AnswerError, match="overall is missing"):
        score_answers(ors, {"individual": 1, "interpersonal": 2, "social": 3}, age=30)
    with pytest.raises(AnswerError, match="item social must be a whole number from 0 to 100"):
        score_answers(ors, lines(50, 50, 101, 50), age=30)
    with pytest.raises(AnswerError, match="has no item goals"):
        score_answers(ors, {**lines(50, 50, 50, 50), "goals": 50}, age=30)
    with pytest.raises(AnswerError, match="has no respondent guardian"):
        score_answers(ors, lines(50, 50, 50, 50), respondent="guardian", age=30)


def test_srs_and_csrs_place_the_total_against_36(catalogue: Catalogue) -> None:
    below = score_answers(catalogue.get("srs"), session(90, 90, 90, 89))  # 35.9
    assert (below.scores, below.bands) == ({"total": Decimal("35.9")}, {"total": "below_cutoff"})
    at = score_answers(catalogue.get("csrs"), session(90, 90, 90, 90), age=8)
    assert at.bands == {"total": "at_or_above_cutoff"}
    parent = score_answers(
        catalogue.get("srs"), session(90, 90, 90, 90), respondent="parent", age=8
    )
    assert parent.respondent == "parent"


def test_ycors_is_recorded_but_not_scored(catalogue: Catalogue) -> None:
    result = score_answers(catalogue.get("ycors"), lines(10, 90, 50, 50), age=4)
    assert (result.scores, result.bands) == ({}, {})
    with pytest.raises(AnswerError, match="from 0 to 100"):
        score_answers(catalogue.get("ycors"), lines(10, 90, 50, 150), age=4)


def test_the_signs_of_safety_scale_is_its_answer(catalogue: Catalogue) -> None:
    sos = catalogue.get("signs_of_safety")
    assert score_answers(sos, {"scale": 7}).scores == {"scale": 7}
    assert score_answers(sos, {"scale": 0}, respondent="parent").scores == {"scale": 0}
    assert score_answers(sos, {}, respondent="self").scores == {"scale": None}
    with pytest.raises(AnswerError, match="from 0 to 10"):
        score_answers(sos, {"scale": 11})
