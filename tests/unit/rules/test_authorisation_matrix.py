"""The authorisation rule as a matrix: every combination of who asks, whose record, which team,
what consent, concern report or not, against an oracle written from design.md's words."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

import pytest

from sst_rules.authorisation import (
    CaseScope,
    RecordTags,
    UserScope,
    can_read,
    can_read_protected_fields,
    can_write,
)
from sst_rules.consent import ConsentState

ON = date(2026, 11, 24)
CASE = "case-1"
AUTHORITIES = ("school", "social_services")
TEAMS = ("same_team", "other_team", "no_team")
CONSENTS = (
    "none",
    "covers_category",
    "other_category",
    "for_other_authority",
    "expired",
    "withdrawn",
    "not_all_parties",
    "not_yet_given",
    "other_case",
)
KINDS = ("ordinary", "concern_report", "record_of_other_case")


def _consent(state: str, recipient: str) -> list[ConsentState]:
    if state == "none":
        return []
    base = {
        "case_id": CASE,
        "recipient_authority": recipient,
        "purposes": frozenset({"sharing_between_authorities"}),
        "categories": frozenset({"meetings"}),
        "given_on": ON - timedelta(days=30),
        "valid_until": ON + timedelta(days=300),
        "withdrawn_on": None,
        "all_parties_agreed": True,
    }
    changes: dict[str, object] = {
        "covers_category": {},
        "other_category": {"categories": frozenset({"plans"})},
        "for_other_authority": {"recipient_authority": "other"},
        "expired": {"valid_until": ON - timedelta(days=1)},
        "withdrawn": {"withdrawn_on": ON},
        "not_all_parties": {"all_parties_agreed": False},
        "not_yet_given": {"given_on": ON + timedelta(days=1)},
        "other_case": {"case_id": "case-2"},
    }[state]  # type: ignore[assignment]
    return [ConsentState(**{**base, **changes})]  # type: ignore[arg-type, dict-item]


def _oracle_read(user_auth: str, owner: str, team: str, consent: str, kind: str) -> bool:
    """design.md: a record is readable when its case is on the user's team and it is the user's
    authority's own, or a valid consent of all parties covers its category for the user's
    authority; a concern report is for social services only."""
    if kind == "record_of_other_case" or team != "same_team":
        return False
    if kind == "concern_report":
        return user_auth == "social_services"
    return owner == user_auth or consent == "covers_category"


def _oracle_write(user_auth: str, owner: str, team: str, kind: str) -> bool:
    if kind == "record_of_other_case" or team != "same_team":
        return False
    return kind == "concern_report" or owner == user_auth


MATRIX = list(itertools.product(AUTHORITIES, AUTHORITIES, TEAMS, CONSENTS, KINDS))


@pytest.mark.parametrize(
    ("user_auth", "owner", "team", "consent", "kind"),
    MATRIX,
    ids=["-".join(row) for row in MATRIX],
)
def test_read_and_write_follow_the_rule(
    user_auth: str, owner: str, team: str, consent: str, kind: str
) -> None:
    user = UserScope("staff-1", "family_therapist", user_auth, None if team == "no_team" else "t1")
    case = CaseScope(CASE, "t1" if team != "other_team" else "t2")
    if team == "no_team":
        case = CaseScope(CASE, "t1")
    record = RecordTags(
        authority=owner,
        record_class="x",
        category="meetings",
        case_id="case-9" if kind == "record_of_other_case" else CASE,
        is_concern_report=kind == "concern_report",
    )
    consents = _consent(consent, user_auth)
    read = can_read(user, record, case, consents, on=ON)
    assert read.allowed is _oracle_read(user_auth, owner, team, consent, kind), read.reason
    write = can_write(user, record, case)
    assert write.allowed is _oracle_write(user_auth, owner, team, kind), write.reason
    assert read.reason and write.reason  # every answer says why


def test_no_case_means_no_access() -> None:
    user = UserScope("s", "r", "school", "t1")
    record = RecordTags("school", "x", "meetings", None)
    assert not can_read(user, record, None, [], on=ON).allowed
    assert not can_write(user, record, None).allowed


PROTECTED = list(itertools.product((True, False), AUTHORITIES, (True, False), TEAMS))


@pytest.mark.parametrize(
    ("protected", "authority", "named", "team"),
    PROTECTED,
    ids=[f"protected={p}-{a}-named={n}-{t}" for p, a, n, t in PROTECTED],
)
def test_protected_identity_fields(protected: bool, authority: str, named: bool, team: str):
    user = UserScope("staff-1", "r", authority, None if team == "no_team" else "t1")
    case = CaseScope(
        CASE,
        "t2" if team == "other_team" else "t1",
        protected_identity=protected,
        protected_access_staff_ids=frozenset({"staff-1"} if named else set()),
    )
    expected = named and authority == "social_services" if protected else team == "same_team"
    assert can_read_protected_fields(user, case) is expected
