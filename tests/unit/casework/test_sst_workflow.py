"""Ordinary SST end to end, with every exit, through the real services."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import inspect, select

from sst_desktop.casework import case_service, consent_service, plan_service, referral_service
from sst_desktop.casework.closure_service import ClosureInput
from sst_desktop.errors import ValidationError, WorkflowError
from sst_desktop.models.case import Case, CaseStatusChange
from sst_desktop.models.closure import FollowUp
from sst_desktop.models.referral import ReferralRequest
from sst_rules.enums import (
    Authority,
    CaseStatus,
    ClosureReason,
    ConsentPurpose,
    Gender,
    PlanKind,
    PlanPerspective,
    RecordCategory,
    SignerRole,
)


def request(world, **overrides) -> tuple[str, str]:
    data = referral_service.RequestInput(
        received_on=date(2026, 3, 2),
        district_id=world.district_id,
        school_id=world.school_id,
        school_year=8,
        gender=Gender.GIRL,
        absence_percent=60,
        cause_student_view="Oro inför lektioner.",
        expected_of_team="Stöd hemma och i skolan.",
    )
    for key, value in overrides.items():
        data = type(data)(**{**data.__dict__, key: value})
    return referral_service.receive_referral_request(world.worker, data, world.team_id)


def status(engine, case_id) -> CaseStatus:
    with engine.connect() as conn:
        return conn.execute(select(Case.status).where(Case.id == case_id)).scalar_one()


def family_yes(
    world,
    case_id,
    purposes=(ConsentPurpose.INFORMATION_MEETING_PARTICIPATION, ConsentPurpose.SST_INTERVENTION),
) -> str:
    return consent_service.give_consent(
        world.worker,
        case_id,
        consent_service.ConsentInput(
            purposes=purposes,
            categories=(RecordCategory.MEETINGS, RecordCategory.PLANS),
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


def signed_action_plan(world, case_id) -> str:
    revision = plan_service.create_plan(world.worker, case_id, PlanKind.ACTION_PLAN)
    plan_service.add_goal(
        world.worker,
        revision,
        plan_service.GoalInput(
            PlanPerspective.INDIVIDUAL, "Komma till första lektionen", "3 dagar i veckan"
        ),
    )
    plan_service.submit_for_signatures(world.worker, revision)
    for role in (
        SignerRole.STUDENT,
        SignerRole.GUARDIAN,
        SignerRole.SCHOOL,
        SignerRole.SOCIAL_SERVICES,
    ):
        plan_service.add_signature(world.worker, revision, role, "Namn", date(2026, 3, 2))
    plan_service.complete_signing(world.worker, revision)
    return revision


def run_to_active(world, engine) -> str:
    request_id, case_id = request(world)
    referral_service.decide_referral_request(world.worker, request_id, accept=True)
    family_yes(world, case_id)
    referral_service.link_student(world.worker, case_id, world.student())
    case_service.transition(world.worker, case_id, CaseStatus.INFORMATION_MEETING)
    signed_action_plan(world, case_id)
    case_service.transition(world.worker, case_id, CaseStatus.STARTED)
    case_service.transition(world.worker, case_id, CaseStatus.ACTIVE)
    assert status(engine, case_id) == CaseStatus.ACTIVE
    return case_id


@pytest.mark.parametrize("follow_up_consent", [False, True])
def test_the_whole_sst_path_to_closed(world, engine, clock, follow_up_consent):
    case_id = run_to_active(world, engine)
    if follow_up_consent:
        family_yes(world, case_id, (ConsentPurpose.FOLLOW_UP_AFTER_CLOSURE,))
    case_service.transition(world.worker, case_id, CaseStatus.CLOSING)
    case_service.transition(
        world.worker,
        case_id,
        CaseStatus.CLOSED,
        closure=ClosureInput(
            closed_on=clock.today(), reason=ClosureReason.GOALS_MET, goals_met="yes"
        ),
    )
    with engine.connect() as conn:
        steps = (
            conn.execute(
                select(CaseStatusChange.to_status)
                .where(CaseStatusChange.case_id == case_id)
                .order_by(CaseStatusChange.at, CaseStatusChange.created_at)
            )
            .scalars()
            .all()
        )
        follow_ups = (
            conn.execute(select(FollowUp.months_after).where(FollowUp.case_id == case_id))
            .scalars()
            .all()
        )
    assert list(steps)[-1] == CaseStatus.CLOSED
    config = world.worker.rules.for_case("sst", world.district_id, clock.today())
    # SST follows up after closure only if the student agrees (001:L403).
    assert sorted(follow_ups) == (sorted(config.follow_up_months) if follow_up_consent else [])
    assert status(engine, case_id) == CaseStatus.CLOSED


def test_closing_needs_closure_details(world, engine):
    case_id = run_to_active(world, engine)
    case_service.transition(world.worker, case_id, CaseStatus.CLOSING)
    with pytest.raises(ValidationError) as err:
        case_service.transition(world.worker, case_id, CaseStatus.CLOSED)
    assert err.value.code == "case.closure_required"
    assert status(engine, case_id) == CaseStatus.CLOSING


def test_an_illegal_step_explains_itself(world, engine):
    _request, case_id = request(world)
    with pytest.raises(WorkflowError) as err:
        case_service.transition(world.worker, case_id, CaseStatus.CLOSED)
    assert err.value.code == "workflow.illegal_transition"
    assert "requested" in err.value.message and "decided" in err.value.message
    assert status(engine, case_id) == CaseStatus.REQUESTED


def test_start_needs_the_familys_consent(world, engine):
    request_id, case_id = request(world)
    referral_service.decide_referral_request(world.worker, request_id, accept=True)
    case_service.transition(world.worker, case_id, CaseStatus.INFORMATION_MEETING)
    with pytest.raises(WorkflowError):
        case_service.transition(world.worker, case_id, CaseStatus.STARTED)
    assert status(engine, case_id) == CaseStatus.INFORMATION_MEETING


def test_declined_request_always_carries_guidance(world, engine):
    request_id, case_id = request(world)
    with pytest.raises(ValidationError):
        referral_service.decide_referral_request(world.worker, request_id, accept=False)
    assert status(engine, case_id) == CaseStatus.REQUESTED
    referral_service.decide_referral_request(
        world.worker, request_id, accept=False, guided_to="Elevhälsan"
    )
    assert status(engine, case_id) == CaseStatus.DECLINED


@pytest.mark.parametrize("exit_status", [CaseStatus.WITHDRAWN, CaseStatus.HANDED_OVER])
@pytest.mark.parametrize("stage", ["decided", "active"])
def test_exits_from_open_states(world, engine, exit_status, stage):
    if stage == "active":
        case_id = run_to_active(world, engine)
    else:
        request_id, case_id = request(world)
        referral_service.decide_referral_request(world.worker, request_id, accept=True)
    case_service.transition(world.worker, case_id, exit_status, reason="Familjen avböjde.")
    assert status(engine, case_id) == exit_status
    with pytest.raises(WorkflowError):
        case_service.transition(world.worker, case_id, CaseStatus.ACTIVE)


def test_past_the_time_limit_closing_needs_a_reason(world, engine, clock):
    case_id = run_to_active(world, engine)
    clock.advance(timedelta(days=200))
    with pytest.raises(WorkflowError) as err:
        case_service.transition(world.worker, case_id, CaseStatus.CLOSING)
    assert "reason" in err.value.code or "time" in err.value.code
    case_service.transition(
        world.worker,
        case_id,
        CaseStatus.CLOSING,
        reason="Familjen vill fortsätta över terminsstarten.",
    )
    assert status(engine, case_id) == CaseStatus.CLOSING


def test_stepping_up_keeps_the_case_and_its_history(world, engine):
    case_id = run_to_active(world, engine)
    case_service.step_programme(world.worker, case_id, "sst_plus", "Behov av mer stöd.")
    with engine.connect() as conn:
        case = conn.execute(select(Case.programme, Case.status).where(Case.id == case_id)).one()
        history = conn.execute(
            select(CaseStatusChange).where(CaseStatusChange.case_id == case_id)
        ).all()
    assert case.programme == "sst_plus"
    assert len(history) >= 6  # nothing was re-created


def test_the_referral_request_holds_no_identity(world, engine):
    columns = {c.key for c in inspect(ReferralRequest).columns}
    assert not columns & {"name", "first_name", "last_name", "personal_id", "student_id"}
    with pytest.raises(ValidationError) as err:
        request(world, cause_student_view="Gäller eleven 201203142383 i klass 8B")
    assert err.value.code == "referral.holds_identity"
    assert "201203142383" not in err.value.message
    with pytest.raises(ValidationError):
        request(world, measures_taken="pnr 120314-2383 har kartlagts")
    _request_id, case_id = request(world)
    with engine.connect() as conn:
        assert conn.execute(select(Case.student_id).where(Case.id == case_id)).scalar() is None


def test_a_student_is_linked_only_after_the_familys_yes(world, engine):
    request_id, case_id = request(world)
    referral_service.decide_referral_request(world.worker, request_id, accept=True)
    student = world.student()
    with pytest.raises(WorkflowError) as err:
        referral_service.link_student(world.worker, case_id, student)
    assert err.value.code == "referral.no_family_consent"
    family_yes(world, case_id)
    referral_service.link_student(world.worker, case_id, student)
    with engine.connect() as conn:
        assert conn.execute(select(Case.student_id).where(Case.id == case_id)).scalar() == student
