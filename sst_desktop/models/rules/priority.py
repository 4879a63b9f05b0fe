"""The admission group's priority suggestion when places are short (000:L258): younger
students (F-6) first, other things equal; then higher absence; then the earlier application.
The group may override with a written reason."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sst_desktop.errors import ValidationError, error_code

OVERRIDE_REASON = error_code(
    "admission.override_reason", "Changing the suggested priority needs a written reason."
)
YOUNGER_LAST_YEAR = 6


@dataclass(frozen=True)
class Candidate:
    case_id: str
    school_year: int
    absence_percent: float | None
    applied_on: date


@dataclass(frozen=True)
class Ranked:
    case_id: str
    rank: int
    reasons: tuple[str, ...]


def suggest_priority(candidates: list[Candidate]) -> list[Ranked]:
    def key(c: Candidate) -> tuple[int, float, date]:
        return (
            0 if c.school_year <= YOUNGER_LAST_YEAR else 1,
            -(c.absence_percent or 0),
            c.applied_on,
        )

    ordered = sorted(candidates, key=key)
    return [Ranked(c.case_id, rank, _reasons(c)) for rank, c in enumerate(ordered, start=1)]


def _reasons(candidate: Candidate) -> tuple[str, ...]:
    reasons = ["younger_student"] if candidate.school_year <= YOUNGER_LAST_YEAR else []
    if (candidate.absence_percent or 0) >= 50:
        reasons.append("high_absence")
    return tuple(reasons)


def check_override(suggested: int | None, final: int | None, reason: str | None) -> None:
    if suggested != final and not (reason or "").strip():
        raise ValidationError(OVERRIDE_REASON)
