"""Scoring a form or a series of forms: checks, scores, bands, signals and change in one call.

Everything is checked before anything is computed: a bad answer in the fifth session of a
series fails the whole series, so nothing is half-scored.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from sst_desktop.instruments.answers import check_age, check_answers, resolve_respondent
from sst_desktop.instruments.change import series_change
from sst_desktop.instruments.dto import FormResult, SeriesResult
from sst_desktop.instruments.errors import INPUT_INVALID, AnswerError
from sst_desktop.instruments.norms import bands_for, norm_for
from sst_desktop.instruments.schema import Definition, Norm
from sst_desktop.instruments.scoring import compute_scores
from sst_desktop.instruments.signals import series_signals


def score_answers(
    definition: Definition,
    answers: Mapping[str, object],
    *,
    respondent: str | None = None,
    age: int | None = None,
) -> FormResult:
    """One form. ``age`` is the student's age on the rating date (``age.age_on``)."""
    who = resolve_respondent(definition, respondent)
    check_age(definition, who, age)
    norm = norm_for(definition, who, age)
    return _form(definition, who, norm, answers)


def score_series(
    definition: Definition,
    sessions: Sequence[Mapping[str, object]],
    *,
    respondent: str | None = None,
    age: int | None = None,
    no_improvement_after: int | None = None,
) -> SeriesResult:
    """Forms of one respondent, oldest first, with the signals of each session and the change
    from the first to the last. ``no_improvement_after`` overrides the definition's N."""
    if no_improvement_after is not None and no_improvement_after < 2:
        raise AnswerError(INPUT_INVALID, problem="sessions without improvement: 2 or more")
    who = resolve_respondent(definition, respondent)
    check_age(definition, who, age)
    norm = norm_for(definition, who, age)
    forms = tuple(_form(definition, who, norm, answers) for answers in sessions)
    series = [form.scores for form in forms]
    return SeriesResult(
        instrument=definition.id,
        version=definition.version,
        respondent=who,
        sessions=forms,
        signals=tuple(
            series_signals(definition, norm, series, no_improvement_after=no_improvement_after)
        ),
        change=series_change(definition, norm, series),
    )


def _form(
    definition: Definition, respondent: str, norm: Norm | None, answers: Mapping[str, object]
) -> FormResult:
    checked = check_answers(definition, respondent, answers)
    scores = compute_scores(definition, respondent, checked)
    return FormResult(
        instrument=definition.id,
        version=definition.version,
        respondent=respondent,
        scores=scores,
        bands=bands_for(norm, scores),
    )
