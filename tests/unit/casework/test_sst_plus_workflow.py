"""SST plus end to end, with every exit, through the real services."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from sst_desktop.casework import case_service, closure_service, consent_service, referral_service
from sst_desktop.casework.closure_service import ClosureInput
from sst_desktop.errors import NotAllowedError, ValidationError, WorkflowError
from sst_desktop.models.case import Assignment, Case
from sst_desktop.models.closure import FollowUp
from sst_desktop.models.referral import Guidance
from sst_rules.enums import (
    AdmissionOutcome,
    Authority,
    CaseStatus,
    ClosureReason,
    ConsentPurpose,
    DecisionKind,
    ParticipationLevel,
    RecordCategory,
    ReferralRoute,
)
from tests.unit.casework.test_sst_workflow import status


def apply(world, route=ReferralRoute.SCHOOL_APPLICATION) -> str:
    case_id = referral_service.receive_application(
        world.officer,
        referral_service.ApplicationInput(
            route=route,
            received_on=date(2026, 3, 2),
            student_id=world.student(),
            team_id=world.team_id,
            district_id=world.district_id,
            absence_percent=55,
        ),
    )
    consent_service.give_consent(
        world.officer,
        case_id,
        consent_service.ConsentInput(
            purposes=(
                ConsentPurpose.REFERRAL_TO_SST_PLUS,
                ConsentPurpose.SHARING_BETWEEN_AUTHORITIES,
                ConsentPurpose.FOLLOW_UP_AFTER_CLOSURE,
            ),
            categories=(RecordCategory.MEETINGS, RecordCategory.ABSENCE),
            recipient_authority=Authority.SCHOOL,
            given_on=date(2026, 3, 2),
            valid_until=date(2027, 3, 1),
            form="written",
            parties=(
                consent_service.PartyAnswer("student", True),
                consent_service.PartyAnswer("guardian", True),
            ),
        ),
    )
    return case_id


def admit(world, case_id) -> None:
    referral_service.record_assessment(
        world.officer, case_id, "needs_assessment", date(2026, 3, 5), "Behov av familjebehandling."
    )
    referral_service.record_admission(
        world.officer,
        case_id,
        referral_service.AdmissionInput(
            met_on=date(2026, 3, 9),
            outcome=AdmissionOutcome.GRANTED,
            suggested_rank=1,
            final_rank=1,
            members=("samordnare",),
        ),
    )


def decide(world, case_id) -> None:
    referral_service.record_decision(
        world.officer,
        case_id,
        referral_service.DecisionInput(
            kind=DecisionKind.ASSISTANCE,
            decided_on=date(2026, 3, 10),
            granted=True,
            overall_goal="Ökad närvaro",
            recipient_unit="Familjebehandlargruppen",
        ),
    )
    referral_service.record_decision(
        world.educator,
        case_id,
        referral_service.DecisionInput(
            kind=DecisionKind.SPECIAL_SUPPORT, decided_on=date(2026, 3, 10), granted=True
        ),
    )
    case_service.transition(world.officer, case_id, CaseStatus.DECIDED)


def run_to_active(world) -> str:
    case_id = apply(world)
    admit(world, case_id)
    decide(world, case_id)
    for step in (CaseStatus.STARTED, CaseStatus.MAPPING, CaseStatus.ACTIVE):
        case_service.transition(world.therapist, case_id, step)
    return case_id


@pytest.mark.parametrize("route", list(ReferralRoute)[1:])
def test_every_application_route_opens_an_applied_case(world, engine, route):
    assert status(engine, apply(world, route)) == CaseStatus.APPLIED


def test_the_whole_sst_plus_path_with_continuation(world, engine, clock):
    case_id = run_to_active(world)
    case_service.transition(world.therapist, case_id, CaseStatus.SIX_MONTH_EVALUATION)
    with pytest.raises(WorkflowError):  # continuing needs a continuation decision
        case_service.transition(world.therapist, case_id, CaseStatus.ACTIVE)
    referral_service.record_decision(
        world.officer,
        case_id,
        referral_service.DecisionInput(
            kind=DecisionKind.CONTINUATION, decided_on=clock.today(), granted=True
        ),
    )
    case_service.transition(world.therapist, case_id, CaseStatus.ACTIVE)
    case_service.transition(world.therapist, case_id, CaseStatus.SIX_MONTH_EVALUATION)
    case_service.transition(
        world.therapist,
        case_id,
        CaseStatus.CLOSED,
        closure=ClosureInput(
            closed_on=clock.today(),
            reason=ClosureReason.GOALS_MET,
            goals_met="partly",
            declined_recommendations=("Byte av skola",),
        ),
    )
    with engine.connect() as conn:
        due = conn.execute(
            select(FollowUp.id, FollowUp.months_after, FollowUp.due_on)
            .where(FollowUp.case_id == case_id)
            .order_by(FollowUp.months_after)
        ).all()
    assert [d.months_after for d in due] == [3, 6]
    assert due[0].due_on == clock.today().replace(month=clock.today().month + 3)
    for follow_up in due:
        closure_service.record_follow_up(
            world.educator,
            follow_up.id,
            closure_service.FollowUpInput(
                done_on=follow_up.due_on,
                participation_level=ParticipationLevel.PARTIAL,
                acceptable_knowledge=True,
            ),
        )
    case_service.transition(world.educator, case_id, CaseStatus.FOLLOWED_UP)
    assert status(engine, case_id) == CaseStatus.FOLLOWED_UP


def test_the_assignment_carries_the_overall_goal(world, engine):
    case_id = apply(world)
    admit(world, case_id)
    decide(world, case_id)
    with engine.connect() as conn:
        goal = conn.execute(
            select(Assignment.overall_goal).where(Assignment.case_id == case_id)
        ).scalar_one()
    assert goal == "Ökad närvaro"


def test_assessments_and_assistance_decisions_belong_to_social_services(world, engine):
    case_id = apply(world)
    with pytest.raises(NotAllowedError):
        referral_service.record_assessment(world.educator, case_id, "needs", date(2026, 3, 5), "x")
    with pytest.raises(NotAllowedError):
        referral_service.record_decision(
            world.educator,
            case_id,
            referral_service.DecisionInput(
                kind=DecisionKind.ASSISTANCE,
                decided_on=date(2026, 3, 5),
                granted=True,
                overall_goal="x",
            ),
        )
    assert status(engine, case_id) == CaseStatus.APPLIED


def test_declining_needs_guidance_and_is_final(world, engine):
    case_id = apply(world)
    referral_service.record_assessment(
        world.officer, case_id, "preliminary", date(2026, 3, 5), "Annat stöd passar bättre."
    )
    with pytest.raises(ValidationError):
        referral_service.record_admission(
            world.officer,
            case_id,
            referral_service.AdmissionInput(
                met_on=date(2026, 3, 9),
                outcome=AdmissionOutcome.DECLINED,
                suggested_rank=2,
                final_rank=2,
                members=("samordnare",),
            ),
        )
    referral_service.record_admission(
        world.officer,
        case_id,
        referral_service.AdmissionInput(
            met_on=date(2026, 3, 9),
            outcome=AdmissionOutcome.DECLINED,
            suggested_rank=2,
            final_rank=2,
            members=("samordnare",),
            guided_to="Ordinarie SST",
        ),
    )
    assert status(engine, case_id) == CaseStatus.DECLINED
    with engine.connect() as conn:
        assert (
            conn.execute(select(Guidance.guided_to).where(Guidance.case_id == case_id)).scalar_one()
            == "Ordinarie SST"
        )
    with pytest.raises(WorkflowError):
        case_service.transition(world.officer, case_id, CaseStatus.ADMITTED)


def test_overriding_the_priority_needs_a_reason(world, engine):
    case_id = apply(world)
    referral_service.record_assessment(world.officer, case_id, "needs", date(2026, 3, 5), "x")
    data = referral_service.AdmissionInput(
        met_on=date(2026, 3, 9),
        outcome=AdmissionOutcome.GRANTED,
        suggested_rank=3,
        final_rank=1,
        members=("samordnare",),
    )
    with pytest.raises(ValidationError) as err:
        referral_service.record_admission(world.officer, case_id, data)
    assert err.value.code == "admission.override_reason"
    referral_service.record_admission(
        world.officer,
        case_id,
        referral_service.AdmissionInput(
            **{**data.__dict__, "override_reason": "Syskon i samma familj har insats."}
        ),
    )
    assert status(engine, case_id) == CaseStatus.ADMITTED


@pytest.mark.parametrize("exit_status", [CaseStatus.WITHDRAWN, CaseStatus.HANDED_OVER])
def test_exits_from_active(world, engine, exit_status):
    case_id = run_to_active(world)
    case_service.transition(world.therapist, case_id, exit_status, reason="Avslutas.")
    assert status(engine, case_id) == exit_status


def test_stepping_down_to_sst(world, engine):
    case_id = run_to_active(world)
    case_service.step_programme(world.therapist, case_id, "sst", "Mindre intensivt stöd räcker.")
    with engine.connect() as conn:
        programme = conn.execute(select(Case.programme).where(Case.id == case_id)).scalar_one()
    assert programme == "sst"


def test_hand_over_to_a_colleague(world, engine, clock):
    case_id = run_to_active(world)
    me = world.therapist.actor.staff_id
    case_service.assign_staff(
        world.therapist, case_id, me, "responsible_family_therapist", clock.today()
    )
    colleague = world.officer.actor.staff_id
    case_service.hand_over(
        world.therapist, case_id, me, colleague, clock.today() + timedelta(days=1), "Föräldraledig"
    )
    with pytest.raises(WorkflowError):
        case_service.hand_over(world.therapist, case_id, me, colleague, clock.today())
