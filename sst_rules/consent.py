"""Consent as pure data: is it in force on a day, and does it cover a record category."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any


@dataclass(frozen=True)
class ConsentState:
    """What the authorisation rule needs to know about one consent."""

    case_id: str
    recipient_authority: str
    purposes: frozenset[str]
    categories: frozenset[str]
    given_on: date
    valid_until: date | None
    withdrawn_on: date | None
    all_parties_agreed: bool

    @classmethod
    def from_record(cls, consent: Any) -> ConsentState:
        parties = list(consent.parties)
        return cls(
            case_id=consent.case_id,
            recipient_authority=str(consent.recipient_authority),
            purposes=frozenset(consent.purposes),
            categories=frozenset(consent.categories),
            given_on=consent.given_on,
            valid_until=consent.valid_until,
            withdrawn_on=consent.withdrawn_on,
            all_parties_agreed=bool(parties) and all(p.agreed for p in parties),
        )


def is_active(consent: ConsentState, on: date) -> bool:
    """Given, not yet expired, not withdrawn (from the day of withdrawal), and every party
    (the student and each guardian) said yes."""
    if not consent.all_parties_agreed or consent.given_on > on:
        return False
    if consent.withdrawn_on is not None and consent.withdrawn_on <= on:
        return False
    return consent.valid_until is None or consent.valid_until >= on


def covers(consent: ConsentState, case_id: str, category: str, recipient: str, on: date) -> bool:
    return (
        consent.case_id == case_id
        and consent.recipient_authority == recipient
        and category in consent.categories
        and is_active(consent, on)
    )
