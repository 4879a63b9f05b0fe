"""Is a consent's scope a valid one (the pure in-force rule is ``sst_rules.consent``)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sst_desktop.errors import ValidationError, error_code
from sst_rules.enums import ConsentPurpose, RecordCategory

NO_CATEGORIES = error_code(
    "consent.no_categories",
    "A consent must name the kinds of records it covers; 'everything' is not a valid scope.",
)
NO_PURPOSES = error_code("consent.no_purposes", "A consent must name at least one purpose.")
NO_STUDENT = error_code(
    "consent.student_required", "The student answers for themselves: add the student's answer."
)
UNTIL_BEFORE_GIVEN = error_code(
    "consent.until_before_given", "A consent cannot end before the day it was given."
)


def validate_consent_scope(
    *,
    purposes: frozenset[ConsentPurpose],
    categories: frozenset[RecordCategory],
    given_on: date,
    valid_until: date | None,
    party_kinds: Sequence[str],
) -> None:
    if not purposes:
        raise ValidationError(NO_PURPOSES)
    if not categories:
        raise ValidationError(NO_CATEGORIES)
    if "student" not in party_kinds:
        raise ValidationError(NO_STUDENT)
    if valid_until is not None and valid_until < given_on:
        raise ValidationError(UNTIL_BEFORE_GIVEN)
