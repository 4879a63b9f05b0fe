"""Pure choices behind single cells: the age band, which absence figure is "at intake" and "at
closure", the latest outcome before closure, the state of a follow-up."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import TypeVar

from sst_desktop.reports.followup_facts import AbsenceFigure, EpisodeFacts, FollowUpFact, Outcome

_T = TypeVar("_T")
# (youngest age in the band, label); exact ages are quasi-identifiers in a class of 28 (000:L341).
AGE_BANDS: tuple[tuple[int, str], ...] = (
    (0, "under 10 år"),
    (10, "10–12 år"),
    (13, "13–15 år"),
    (16, "16 år eller äldre"),
)


def age_on(birth: date, day: date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def age_band(birth: date | None, day: date) -> str | None:
    if birth is None:
        return None
    age = age_on(birth, day)
    return [label for youngest, label in AGE_BANDS if age >= youngest][-1]


def month(day: date | None) -> str | None:
    return None if day is None else f"{day:%Y-%m}"


def weeks(facts: EpisodeFacts, today: date) -> int:
    return max(0, ((facts.closed_on or today) - facts.started_on).days // 7)


def _latest(items: Iterable[_T], key: Callable[[_T], date]) -> _T | None:
    return max(items, key=key, default=None)


def absence_at_start(facts: EpisodeFacts) -> AbsenceFigure | None:
    """The last figure measured on or before the start; else the referral's own figure."""
    before = [a for a in facts.absences if a.measured_on <= facts.started_on]
    return _latest(before, lambda a: a.measured_on) or facts.referral_absence


def absence_at_end(facts: EpisodeFacts) -> AbsenceFigure | None:
    """The last figure measured after the start and on or before the closure."""
    if facts.closed_on is None:
        return None
    closed_on = facts.closed_on
    during = [a for a in facts.absences if facts.started_on < a.measured_on <= closed_on]
    return _latest(during, lambda a: a.measured_on)


def period_days(figure: AbsenceFigure) -> int | None:
    if figure.period_start is None or figure.period_end is None:
        return None
    return (figure.period_end - figure.period_start).days + 1


def outcome_at_end(facts: EpisodeFacts, field: str) -> Outcome | None:
    """The latest outcome with ``field`` known, assessed on or before the closure."""
    if facts.closed_on is None:
        return None
    closed_on = facts.closed_on
    known = [o for o in facts.outcomes if o.on <= closed_on and getattr(o, field) is not None]
    return _latest(known, lambda o: o.on)


def latest_eligibility(facts: EpisodeFacts) -> bool | None:
    dated: list[tuple[date, bool]] = [
        (o.on, o.upper_secondary_eligible)
        for o in facts.outcomes
        if o.upper_secondary_eligible is not None
    ]
    dated += [
        (f.done_on, f.upper_secondary_eligible)
        for f in facts.follow_ups
        if f.done_on is not None and f.upper_secondary_eligible is not None
    ]
    chosen = _latest(dated, lambda pair: pair[0])
    return None if chosen is None else chosen[1]


def follow_up(facts: EpisodeFacts, months: int) -> FollowUpFact | None:
    return next((f for f in facts.follow_ups if f.months_after == months), None)


def follow_up_state(fact: FollowUpFact | None, today: date) -> str:
    if fact is None:
        return "none"
    if fact.done_on is not None:
        return "done"
    return "overdue" if fact.due_on < today else "waiting"
