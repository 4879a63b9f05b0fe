"""Subscale scoring (the SDQ's shape): reverse items, prorating, sums and an impact score.

A subscale with every item answered is their sum. With at least ``prorate_min_answered`` but not
all, it is the mean times the number of items, rounded half up (2.5 -> 3, as the publisher's
SPSS syntax ``RND`` does; Python's ``round`` would give 2). With fewer it is ``None``, and so is
every sum that needs it.
"""

from __future__ import annotations

from sst_desktop.instruments.answers import Answers
from sst_desktop.instruments.memo import memo
from sst_desktop.instruments.schema import Impact, Subscales

LIKERT_MAX = 2  # a reversed 0/1/2 answer is 2 minus the answer


def prorate(total: int, answered: int, items: int, min_answered: int) -> int | None:
    """``total`` of ``answered`` items scaled to ``items`` items, rounded half up."""
    if answered < min_answered:
        return None
    if answered == items:
        return total
    return (2 * total * items + answered) // (2 * answered)


def _plan(scoring: Subscales) -> tuple[tuple[str, tuple[tuple[str, bool], ...]], ...]:
    """Each subscale with its items and whether each is reversed."""

    def build() -> tuple[tuple[str, tuple[tuple[str, bool], ...]], ...]:
        reverse = scoring.reverse_items
        return tuple(
            (name, tuple((key, key in reverse) for key in keys))
            for name, keys in scoring.subscales.items()
        )

    return memo(scoring, "subscales", build)


def subscale_scores(scoring: Subscales, respondent: str, answers: Answers) -> dict[str, int | None]:
    scores: dict[str, int | None] = {}
    minimum = scoring.prorate_min_answered
    for name, items in _plan(scoring):
        total = answered = 0
        for key, reversed_ in items:
            value = answers.get(key)
            if value is not None:
                total += LIKERT_MAX - value if reversed_ else value
                answered += 1
        scores[name] = prorate(total, answered, len(items), minimum)
    for name, parts in scoring.sums.items():
        values = [scores[p] for p in parts]
        scores[name] = None if None in values else sum(v for v in values if v is not None)
    if scoring.impact is not None:
        scores[scoring.impact.score] = impact_score(scoring.impact, respondent, answers)
    return scores


def impact_score(impact: Impact, respondent: str, answers: Answers) -> int | None:
    """0 when the gate says no difficulties; else the recoded items summed, all needed."""
    if answers.get(impact.gate) == impact.gate_zero:
        return 0
    keys = impact.items.get(respondent, ())
    if not keys or any(k not in answers for k in keys):
        return None
    return sum(impact.recode[answers[k]] for k in keys)
