"""Signals on a series of ratings, by the definition's rules, evaluated at every session.

Each session is judged against the first (reliable change, the cut-off crossing, no reliable
improvement by session N) or the previous one (a drop), so a series yields the signals of each
session: the screens show the newest session's, a chart every session's. A rule that fires
hides the rules it ``supersedes`` at the same session (a clinically significant improvement is
also reliable: only the first is said).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from sst_desktop.instruments.change import Number, clinical, improvement
from sst_desktop.instruments.dto import Signal, Wording
from sst_desktop.instruments.schema import Definition, Norm, SignalRule
from sst_desktop.instruments.scoring import Scores


@dataclass(frozen=True)
class _Facts:
    value: Number
    previous: Number | None
    first: Number | None
    session: int
    cutoff: Number | None
    reliable: Number | None
    after: int | None  # no_reliable_improvement: from this session on


def series_signals(
    definition: Definition,
    norm: Norm | None,
    series: Sequence[Scores],
    *,
    no_improvement_after: int | None = None,
) -> list[Signal]:
    found: list[Signal] = []
    for index in range(len(series)):
        fired = [
            (rule, facts)
            for rule in definition.signals
            if (facts := _facts(rule, norm, series, index, no_improvement_after)) is not None
            and _holds(rule, facts)
        ]
        hidden = {other for rule, _facts_ in fired for other in rule.supersedes}
        found += [_signal(rule, facts) for rule, facts in fired if rule.id not in hidden]
    return found


def _facts(
    rule: SignalRule,
    norm: Norm | None,
    series: Sequence[Scores],
    index: int,
    no_improvement_after: int | None,
) -> _Facts | None:
    value, first = series[index].get(rule.score), series[0].get(rule.score)
    if value is None:
        return None
    previous = series[index - 1].get(rule.score) if index else None
    return _Facts(
        value=value,
        previous=previous,
        first=first,
        session=index + 1,
        cutoff=norm.cutoffs.get(rule.score) if norm else None,
        reliable=norm.reliable_change.get(rule.score) if norm else None,
        after=(no_improvement_after or rule.after_sessions)
        if rule.kind == "no_reliable_improvement"
        else None,
    )


def _holds(rule: SignalRule, facts: _Facts) -> bool:
    better = rule.higher_is_better
    if rule.kind == "below_cutoff":
        return facts.cutoff is not None and facts.value < facts.cutoff
    if rule.kind == "drop_from_previous":
        return (
            facts.previous is not None
            and rule.points is not None
            and -improvement(facts.previous, facts.value, better) >= rule.points
        )
    if facts.reliable is None or facts.first is None or facts.session == 1:
        return False
    gained = improvement(facts.first, facts.value, better)
    if rule.kind == "reliable_deterioration":
        return gained <= -facts.reliable
    if rule.kind == "reliable_improvement":
        return gained >= facts.reliable
    if rule.kind == "clinically_significant_improvement":
        return _crossed(facts, better) and gained >= facts.reliable
    after = facts.after or facts.session + 1  # no_reliable_improvement
    return facts.session >= after and gained < facts.reliable


def _crossed(facts: _Facts, higher_is_better: bool) -> bool:
    if facts.cutoff is None or facts.first is None:
        return False
    was = clinical(facts.first, facts.cutoff, higher_is_better)
    return was and not clinical(facts.value, facts.cutoff, higher_is_better)


def _signal(rule: SignalRule, facts: _Facts) -> Signal:
    reference = facts.previous if rule.kind == "drop_from_previous" else facts.first
    numbers: dict[str, Number | None] = {
        "value": facts.value,
        "previous": facts.previous,
        "first": facts.first,
        "cutoff": facts.cutoff,
        "change": None if reference is None else abs(Decimal(facts.value) - reference),
        "points": rule.points if rule.points is not None else facts.reliable,
        "sessions": facts.session,
        "after": facts.after,
    }
    return Signal(
        id=rule.id,
        kind=rule.kind,
        session=facts.session,
        score=rule.score,
        value=facts.value,
        explanation=_words(rule.explanation.sv, rule.explanation.en, numbers),
        rule=_words(rule.rule.sv, rule.rule.en, numbers),
    )


def _words(sv: str, en: str, numbers: dict[str, Number | None]) -> Wording:
    return Wording(
        sv=sv.format(**{k: number_text(v, "sv") for k, v in numbers.items()}),
        en=en.format(**{k: number_text(v, "en") for k, v in numbers.items()}),
    )


def number_text(value: Number | None, language: str) -> str:
    """23.5 in English, 23,5 in Swedish; whole numbers without decimals; '-' for none."""
    if value is None:
        return "-"
    text = str(value) if isinstance(value, int) else f"{value:f}"
    return text.replace(".", ",") if language == "sv" else text
