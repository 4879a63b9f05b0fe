"""A student's age in full years on a day: the instrument and its cut-offs follow it."""

from __future__ import annotations

from datetime import date


def age_on(birth_date: date, on: date) -> int:
    """Full years on ``on``; the birthday itself counts (a 13th birthday rates as 13).

    Born on 29 February: in a year without one the new year of age starts on 1 March.
    """
    before_birthday = (on.month, on.day) < (birth_date.month, birth_date.day)
    return on.year - birth_date.year - int(before_birthday)
