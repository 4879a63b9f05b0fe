"""Consent scope decides what the other authority sees; withdrawal stops sharing at once; a
concern report is for social services only; reads are audited."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from sst_desktop.casework import consent_service, queries, support_service
from sst_desktop.errors import NotAllowedError, ValidationError
from sst_desktop.models.audit import AuditEvent
from sst_rules.enums import (
    AbsenceMeasure,
    Authority,
    ConsentPurpose,
    ContactKind,
)
from tests.unit.casework.test_sst_plus_workflow import run_to_active


def record_both_kinds(world, case_id) -> None:
    support_service.log_contact(
        world.therapist,
        case_id,
        support_service.ContactInput(
            kind=ContactKind.HOME_VISIT, at=datetime(2026, 3, 3, 10, tzinfo=UTC), note="Hembesök"
        ),
    )
    support_service.record_absence(
        world.therapist,
        case_id,
        support_service.AbsenceInput(
            period_start=date(2026, 2, 1),
            period_end=date(2026, 2, 28),
            measured_on=date(2026, 3, 1),
            source="Skolan",
            measure=AbsenceMeasure.TOTAL,
            percent=62.5,
        ),
    )
    consent_service.report_concern(
        world.therapist, case_id, date(2026, 3, 3), "Mottagningsenheten", "Oro för hemsituationen"
    )


def kinds(detail) -> set[str]:
    return {entry.kind for entry in detail.timeline}


def test_the_school_sees_only_what_consent_covers(world):
    case_id = run_to_active(world)  # consent to the school covers meetings and absence
    record_both_kinds(world, case_id)
    school_view = queries.case_detail(world.educator, case_id)
    assert "absence_records" in kinds(school_view)
    assert "contacts" not in kinds(school_view)
    assert "concern_reports" not in kinds(school_view)
    assert school_view.hidden_records >= 2
    own_view = queries.case_detail(world.therapist, case_id)
    assert {"contacts", "absence_records", "concern_reports"} <= kinds(own_view)


def test_withdrawal_stops_sharing_from_that_day(world, engine, clock):
    case_id = run_to_active(world)
    record_both_kinds(world, case_id)
    with engine.connect() as conn:
        from sst_desktop.models.consent import Consent

        consent_id = conn.execute(select(Consent.id).where(Consent.case_id == case_id)).scalar()
    consent_service.withdraw_consent(world.officer, consent_id, clock.today(), "guardian")
    school_view = queries.case_detail(world.educator, case_id)
    assert "absence_records" not in kinds(school_view)
    assert not any(c.active for c in school_view.consents)


def test_everything_is_not_a_valid_scope(world):
    case_id = run_to_active(world)
    with pytest.raises(ValidationError):
        consent_service.give_consent(
            world.officer,
            case_id,
            consent_service.ConsentInput(
                purposes=(ConsentPurpose.SHARING_BETWEEN_AUTHORITIES,),
                categories=(),
                recipient_authority=Authority.SCHOOL,
                given_on=date(2026, 3, 2),
                valid_until=None,
                form="written",
                parties=(consent_service.PartyAnswer("student", True),),
            ),
        )


def test_another_team_cannot_open_the_case(world):
    case_id = run_to_active(world)
    with pytest.raises(NotAllowedError):
        queries.case_detail(world.outsider, case_id)


def test_a_view_is_audited_before_it_is_returned(world, engine):
    case_id = run_to_active(world)
    queries.case_detail(world.educator, case_id)
    with engine.connect() as conn:
        views = conn.execute(
            select(AuditEvent.actor_id, AuditEvent.details).where(
                AuditEvent.action == "view", AuditEvent.case_id == case_id
            )
        ).all()
    assert [v.actor_id for v in views] == [world.educator.actor.staff_id]
    assert set(views[0].details) == {"records", "withheld"}


def test_search_as_you_type_over_name_id_and_school(world):
    case_id = run_to_active(world)
    for text in ("elsa", "andersson", "20120314", "120314-2383", "ekskolan"):
        found = queries.list_cases(world.therapist, queries.CaseFilter(text=text))
        assert [i.case_id for i in found] == [case_id], text
    assert queries.list_cases(world.therapist, queries.CaseFilter(text="nobody")) == []
