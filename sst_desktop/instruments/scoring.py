"""Scores from checked answers, by the definition's scoring method.

A score is an ``int`` (item sums), a ``Decimal`` (line totals in cm, exact to 0.1) or ``None``
where it cannot be computed from what was answered.
"""

from __future__ import annotations

from decimal import Decimal

from sst_desktop.instruments.answers import Answers
from sst_desktop.instruments.errors import ANSWER_MISSING, AnswerError
from sst_desktop.instruments.schema import Definition, LineTotal, SingleItem, Subscales
from sst_desktop.instruments.subscales import subscale_scores

Score = int | Decimal | None
Scores = dict[str, Score]


def compute_scores(definition: Definition, respondent: str, answers: Answers) -> Scores:
    scoring = definition.scoring
    if isinstance(scoring, LineTotal):
        return {"total": line_total(definition, respondent, answers)}
    if isinstance(scoring, SingleItem):
        return {scoring.score: answers.get(scoring.item)}
    if isinstance(scoring, Subscales):
        return {**subscale_scores(scoring, respondent, answers)}
    return {}


def line_total(definition: Definition, respondent: str, answers: Answers) -> Decimal:
    """The sum of the marks in mm as cm to one decimal (four 10 cm lines: 0.0-40.0)."""
    millimetres = 0
    for item in definition.items_for(respondent):
        if item.key not in answers:
            raise AnswerError(ANSWER_MISSING, instrument=definition.id, key=item.key)
        millimetres += answers[item.key]
    return Decimal(millimetres).scaleb(-1)
