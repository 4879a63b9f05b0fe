"""Consent in force and its scope; the admission group's priority suggestion."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sst_desktop.errors import ValidationError
from sst_desktop.models.rules.consent import validate_consent_scope
from sst_desktop.models.rules.priority import Candidate, check_override, suggest_priority
from sst_rules.consent import ConsentState, covers, is_active
from sst_rules.enums import ConsentPurpose, RecordCategory

GIVEN = date(2026, 9, 1)


def _consent(**changes: object) -> ConsentState:
    values: dict[str, object] = {
        "case_id": "c1",
        "recipient_authority": "school",
        "purposes": frozenset({"sst_intervention"}),
        "categories": frozenset({"meetings", "plans"}),
        "given_on": GIVEN,
        "valid_until": GIVEN + timedelta(days=180),
        "withdrawn_on": None,
        "all_parties_agreed": True,
    }
    values.update(changes)
    return ConsentState(**values)  # type: ignore[arg-type]


@given(offset=st.integers(-400, 400))
def test_active_exactly_between_given_and_valid_until(offset: int) -> None:
    day = GIVEN + timedelta(days=offset)
    assert is_active(_consent(), day) is (0 <= offset <= 180)


@given(withdrawn=st.integers(0, 180), offset=st.integers(0, 200))
def test_withdrawal_ends_it_from_that_day(withdrawn: int, offset: int) -> None:
    consent = _consent(withdrawn_on=GIVEN + timedelta(days=withdrawn))
    assert is_active(consent, GIVEN + timedelta(days=offset)) is (offset < withdrawn)


def test_every_party_must_agree() -> None:
    assert not is_active(_consent(all_parties_agreed=False), GIVEN)


def test_scope_is_by_case_recipient_and_category() -> None:
    consent = _consent()
    assert covers(consent, "c1", "meetings", "school", GIVEN)
    assert not covers(consent, "c1", "mapping_social", "school", GIVEN)
    assert not covers(consent, "c2", "meetings", "school", GIVEN)
    assert not covers(consent, "c1", "meetings", "social_services", GIVEN)


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"purposes": frozenset()}, "consent.no_purposes"),
        ({"categories": frozenset()}, "consent.no_categories"),
        ({"party_kinds": ["guardian"]}, "consent.student_required"),
        ({"valid_until": GIVEN - timedelta(days=1)}, "consent.until_before_given"),
    ],
)
def test_invalid_scopes_are_refused(changes: dict[str, object], code: str) -> None:
    values: dict[str, object] = {
        "purposes": frozenset({ConsentPurpose.SST_INTERVENTION}),
        "categories": frozenset({RecordCategory.MEETINGS}),
        "given_on": GIVEN,
        "valid_until": None,
        "party_kinds": ["student", "guardian"],
    }
    values.update(changes)
    with pytest.raises(ValidationError) as refused:
        validate_consent_scope(**values)  # type: ignore[arg-type]
    assert refused.value.code == code


candidates = st.lists(
    st.builds(
        Candidate,
        case_id=st.uuids().map(str),
        school_year=st.integers(0, 9),
        absence_percent=st.one_of(st.none(), st.floats(0, 100)),
        applied_on=st.dates(date(2026, 1, 1), date(2026, 12, 31)),
    ),
    max_size=30,
    unique_by=lambda c: c.case_id,
)


@given(candidates)
def test_younger_students_come_first(pool: list[Candidate]) -> None:
    ranked = suggest_priority(pool)
    assert [r.rank for r in ranked] == list(range(1, len(pool) + 1))
    by_id = {c.case_id: c for c in pool}
    years = [by_id[r.case_id].school_year <= 6 for r in ranked]
    assert years == sorted(years, reverse=True)  # all F-6 before any 7-9
    for r in ranked:
        assert ("younger_student" in r.reasons) is (by_id[r.case_id].school_year <= 6)


def test_ties_go_to_higher_absence_then_earlier_application() -> None:
    pool = [
        Candidate("late", 3, 60.0, date(2026, 3, 2)),
        Candidate("early", 3, 60.0, date(2026, 3, 1)),
        Candidate("more-absent", 3, 80.0, date(2026, 3, 9)),
        Candidate("older", 8, 100.0, date(2026, 1, 1)),
    ]
    assert [r.case_id for r in suggest_priority(pool)] == ["more-absent", "early", "late", "older"]


@pytest.mark.parametrize("reason", [None, "", "   "])
def test_an_override_needs_a_reason(reason: str | None) -> None:
    with pytest.raises(ValidationError):
        check_override(1, 3, reason)
    check_override(2, 2, reason)  # keeping the suggestion needs none
    check_override(1, 3, "Sibling already in the team's care")
