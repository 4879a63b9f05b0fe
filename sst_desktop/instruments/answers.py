"""Checking what comes in before anything is scored: the respondent, the age, the answers.

Every answer must be a whole number in its item's range and belong to the respondent's form;
anything else is an ``AnswerError`` naming the key (never the value of a free text: there is
none). Nothing is scored until all of it passes.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import cast

from sst_desktop.instruments.errors import (
    AGE_OUTSIDE,
    ANSWER_RANGE,
    ANSWER_UNKNOWN,
    RESPONDENT_REQUIRED,
    RESPONDENT_UNKNOWN,
    AnswerError,
)
from sst_desktop.instruments.memo import memo
from sst_desktop.instruments.schema import Definition

Answers = dict[str, int]


def resolve_respondent(definition: Definition, respondent: str | None) -> str:
    """The respondent given, or the definition's default; it must have a form."""
    known = ", ".join(r.id for r in definition.respondents)
    chosen = respondent or definition.default_respondent
    if chosen is None:
        raise AnswerError(RESPONDENT_REQUIRED, instrument=definition.id, known=known)
    if definition.respondent(chosen) is None:
        raise AnswerError(
            RESPONDENT_UNKNOWN, instrument=definition.id, respondent=chosen, known=known
        )
    return chosen


def check_age(definition: Definition, respondent: str, age: int | None) -> None:
    form = definition.respondent(respondent)
    if age is not None and form is not None and not form.age.contains(age):
        raise AnswerError(
            AGE_OUTSIDE,
            instrument=definition.id,
            respondent=respondent,
            ages=form.age.describe(),
            age=age,
        )


def answer_ranges(definition: Definition, respondent: str) -> dict[str, tuple[int, int]]:
    """The items on the respondent's form with the answers each allows."""

    def build() -> dict[str, tuple[int, int]]:
        return {item.key: item.answer_range for item in definition.items_for(respondent)}

    return memo(definition, f"ranges:{respondent}", build)


def check_answers(
    definition: Definition, respondent: str, answers: Mapping[str, object]
) -> Answers:
    """The answers as ints, each checked against its item; raises on the first bad one."""
    ranges = answer_ranges(definition, respondent)
    for key, value in answers.items():
        bounds = ranges.get(key)
        if bounds is None:
            raise AnswerError(
                ANSWER_UNKNOWN, instrument=definition.id, respondent=respondent, key=key
            )
        if type(value) is not int or not bounds[0] <= value <= bounds[1]:  # bool is no answer
            raise AnswerError(ANSWER_RANGE, key=key, low=bounds[0], high=bounds[1])
    return cast(Answers, dict(answers))
