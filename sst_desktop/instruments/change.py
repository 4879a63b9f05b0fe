"""Reliable and clinically significant change between two ratings of one score.

Improvement is signed: positive when the score moved the good way. A change is reliable when
it is at least the norm's reliable-change value; clinically significant when it is reliable and
crosses the cut-off from the clinical side (below it, when higher is better) to the other.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from sst_desktop.instruments.schema import Definition, Norm
from sst_desktop.instruments.scoring import Scores

NONE = "none"
RELIABLE_IMPROVEMENT = "reliable_improvement"
CLINICALLY_SIGNIFICANT = "clinically_significant_improvement"
RELIABLE_DETERIORATION = "reliable_deterioration"
Number = int | Decimal


def improvement(first: Number, last: Number, higher_is_better: bool) -> Number:
    return last - first if higher_is_better else first - last


def clinical(value: Number, cutoff: Number, higher_is_better: bool) -> bool:
    return value < cutoff if higher_is_better else value >= cutoff


def classify(
    first: Number, last: Number, norm: Norm, score: str, higher_is_better: bool
) -> str | None:
    reliable = norm.reliable_change.get(score)
    if reliable is None:
        return None
    gained = improvement(first, last, higher_is_better)
    if gained <= -reliable:
        return RELIABLE_DETERIORATION
    if gained < reliable:
        return NONE
    cutoff = norm.cutoffs.get(score)
    crossed = cutoff is not None and (
        clinical(first, cutoff, higher_is_better) and not clinical(last, cutoff, higher_is_better)
    )
    return CLINICALLY_SIGNIFICANT if crossed else RELIABLE_IMPROVEMENT


def series_change(
    definition: Definition, norm: Norm | None, series: Sequence[Scores]
) -> str | None:
    """First to last session on the definition's change score; None when not computable."""
    rule = definition.change
    if rule is None or norm is None or not series:
        return None
    first, last = series[0].get(rule.score), series[-1].get(rule.score)
    if first is None or last is None:
        return None
    return classify(first, last, norm, rule.score, rule.higher_is_better)
