"""Consent is given by the student and each guardian, for purposes and record categories, to a
recipient, until a date; it can be withdrawn and sharing stops from that day. A concern report
needs no consent and is for social services only."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sst_desktop.casework.context import ServiceContext, get_or_fail, owner_tags, require_text
from sst_desktop.errors import ValidationError, WorkflowError, error_code
from sst_desktop.models.case import Case
from sst_desktop.models.consent import ConcernReport, Consent, ConsentParty
from sst_desktop.models.rules.consent import validate_consent_scope
from sst_desktop.store.unit_of_work import ChangeSet
from sst_rules.enums import Authority, ConsentPurpose, RecordCategory, RecordClass

ALREADY_WITHDRAWN = error_code("consent.withdrawn", "This consent was already withdrawn.")
WITHDRAWN_BEFORE_GIVEN = error_code(
    "consent.withdrawn_before_given", "A consent cannot be withdrawn before it was given."
)


@dataclass(frozen=True)
class PartyAnswer:
    party: str  # student | guardian
    agreed: bool
    guardian_id: str | None = None


@dataclass(frozen=True)
class ConsentInput:
    purposes: tuple[ConsentPurpose, ...]
    categories: tuple[RecordCategory, ...]
    recipient_authority: Authority
    given_on: date
    valid_until: date | None
    form: str
    parties: tuple[PartyAnswer, ...]
    information_given: str | None = None


def give_consent(ctx: ServiceContext, case_id: str, data: ConsentInput) -> str:
    validate_consent_scope(
        purposes=frozenset(data.purposes),
        categories=frozenset(data.categories),
        given_on=data.given_on,
        valid_until=data.valid_until,
        party_kinds=tuple(p.party for p in data.parties),
    )
    with ctx.unit_of_work() as uow:
        get_or_fail(uow, Case, case_id)
        consent = uow.add(
            Consent(
                case_id=case_id,
                purposes=[p.value for p in data.purposes],
                categories=[c.value for c in data.categories],
                recipient_authority=data.recipient_authority,
                given_on=data.given_on,
                valid_until=data.valid_until,
                withdrawn_on=None,
                withdrawn_by=None,
                form=require_text(data.form, "form"),
                information_given=data.information_given,
                **owner_tags(ctx.actor),
            )
        )
        for answer in data.parties:
            uow.add(
                ConsentParty(
                    case_id=case_id,
                    consent_id=consent.id,
                    party=answer.party,
                    guardian_id=answer.guardian_id,
                    agreed=answer.agreed,
                    answered_on=data.given_on,
                    **owner_tags(ctx.actor),
                )
            )
        uow.commit()
        return str(consent.id)


def withdraw_consent(
    ctx: ServiceContext, consent_id: str, withdrawn_on: date, withdrawn_by: str
) -> ChangeSet:
    """From ``withdrawn_on`` the consent covers nothing; nothing it covered is deleted here
    (sync tells other devices to drop what they may no longer hold)."""
    with ctx.unit_of_work() as uow:
        consent: Consent = get_or_fail(uow, Consent, consent_id)
        if consent.withdrawn_on is not None:
            raise WorkflowError(ALREADY_WITHDRAWN)
        if withdrawn_on < consent.given_on:
            raise ValidationError(WITHDRAWN_BEFORE_GIVEN)
        consent.withdrawn_on = withdrawn_on
        consent.withdrawn_by = require_text(withdrawn_by, "withdrawn_by")
        return uow.commit()


def report_concern(
    ctx: ServiceContext, case_id: str, reported_on: date, reported_to: str, summary: str
) -> str:
    """Always possible whatever the consent; owned by social services, whoever reports."""
    with ctx.unit_of_work() as uow:
        get_or_fail(uow, Case, case_id)
        report = uow.add(
            ConcernReport(
                case_id=case_id,
                reported_on=reported_on,
                reported_to=require_text(reported_to, "reported_to"),
                summary=require_text(summary, "summary"),
                reporter_role=ctx.actor.role,
                authority=Authority.SOCIAL_SERVICES,
                record_class=RecordClass.SOCIAL_SERVICES_RECORD,
            )
        )
        uow.commit()
        return str(report.id)
