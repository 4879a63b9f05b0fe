"""A signed plan revision is immutable in the domain and in the database; a change is a new
revision that is signed again."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select, text

from sst_desktop.casework import plan_service
from sst_desktop.casework.organisation_service import seed_toolbox
from sst_desktop.errors import NotAllowedError, ValidationError, WorkflowError
from sst_desktop.models.plan import PlanGoal, PlanIntervention, PlanRevision
from sst_rules.enums import PlanKind, PlanPerspective, PlanRevisionStatus, SignerRole
from tests.unit.casework.test_sst_plus_workflow import run_to_active

ALL_SIGNERS = (
    SignerRole.STUDENT,
    SignerRole.GUARDIAN,
    SignerRole.SCHOOL,
    SignerRole.SOCIAL_SERVICES,
)


def drafted(world, case_id) -> tuple[str, str]:
    seed_toolbox(world.therapist, [("weekly_planning", "Veckoplanering", "Weekly planning")])
    revision = plan_service.create_plan(world.therapist, case_id, PlanKind.IMPLEMENTATION_PLAN)
    goal = plan_service.add_goal(
        world.therapist,
        revision,
        plan_service.GoalInput(
            PlanPerspective.SCHOOL, "Delta i matematik", "Två lektioner i veckan", date(2026, 5, 1)
        ),
    )
    plan_service.add_goal(
        world.therapist,
        revision,
        plan_service.GoalInput(PlanPerspective.SCHOOL, "Första lektionen", parent_id=goal),
    )
    plan_service.add_intervention(
        world.therapist,
        revision,
        plan_service.InterventionInput(
            responsible="Specialpedagog", toolbox_code="weekly_planning", goal_id=goal
        ),
    )
    return revision, goal


def sign(world, revision, signers=ALL_SIGNERS) -> None:
    plan_service.submit_for_signatures(world.therapist, revision)
    for role in signers:
        plan_service.add_signature(world.therapist, revision, role, "Namn", date(2026, 3, 2))
    plan_service.complete_signing(world.therapist, revision)


def test_signing_needs_every_required_signer(world):
    revision, _goal = drafted(world, run_to_active(world))
    with pytest.raises(ValidationError) as err:
        sign(world, revision, signers=(SignerRole.STUDENT,))
    assert err.value.code == "plan.missing_signers"
    assert "guardian" in err.value.message


def test_a_signed_revision_cannot_be_changed_by_any_path(world, engine):
    revision, goal = drafted(world, run_to_active(world))
    sign(world, revision)
    with pytest.raises(NotAllowedError) as err:
        plan_service.add_goal(
            world.therapist, revision, plan_service.GoalInput(PlanPerspective.SOCIAL, "Nytt mål")
        )
    assert err.value.code == "plan.signed_immutable"
    with pytest.raises(NotAllowedError):
        plan_service.set_overall_aims(world.therapist, revision, "Ändrat")
    for statement in (
        f"UPDATE plan_revisions SET overall_aims = 'x' WHERE id = '{revision}'",
        f"UPDATE plan_goals SET text = 'x' WHERE id = '{goal}'",
        f"DELETE FROM plan_goals WHERE id = '{goal}'",
        f"DELETE FROM plan_revisions WHERE id = '{revision}'",
        f"UPDATE plan_signatures SET signer_name = 'x' WHERE revision_id = '{revision}'",
        f"UPDATE plan_revisions SET status = 'draft' WHERE id = '{revision}'",
    ):
        with pytest.raises(Exception, match="signed_plan_immutable"), engine.begin() as conn:
            conn.execute(text(statement))
    with engine.connect() as conn:
        assert conn.execute(select(PlanGoal.text).where(PlanGoal.id == goal)).scalar_one() == (
            "Delta i matematik"
        )


def test_a_new_revision_copies_the_last_and_supersedes_it_when_signed(world, engine):
    first, _goal = drafted(world, run_to_active(world))
    sign(world, first)
    with engine.connect() as conn:
        plan_id = conn.execute(
            select(PlanRevision.plan_id).where(PlanRevision.id == first)
        ).scalar_one()
    second = plan_service.new_revision(world.therapist, plan_id)
    with pytest.raises(WorkflowError):
        plan_service.new_revision(world.therapist, plan_id)  # one open draft at a time
    plan_service.add_goal(
        world.therapist, second, plan_service.GoalInput(PlanPerspective.SOCIAL, "Fritidsaktivitet")
    )
    sign(world, second)
    with engine.connect() as conn:
        revisions = dict(
            conn.execute(
                select(PlanRevision.number, PlanRevision.status).where(
                    PlanRevision.plan_id == plan_id
                )
            ).all()
        )
        goals = conn.execute(
            select(PlanGoal.text, PlanGoal.parent_id).where(PlanGoal.revision_id == second)
        ).all()
        copied = conn.execute(
            select(PlanIntervention.goal_id).where(PlanIntervention.revision_id == second)
        ).scalar_one()
    assert revisions == {1: PlanRevisionStatus.SUPERSEDED, 2: PlanRevisionStatus.SIGNED}
    assert {g.text for g in goals} == {"Delta i matematik", "Första lektionen", "Fritidsaktivitet"}
    parent_ids = {g.parent_id for g in goals} - {None}
    assert len(parent_ids) == 1 and copied in parent_ids  # links point inside revision 2


def test_an_intervention_needs_a_known_tool_or_a_description(world):
    revision, _goal = drafted(world, run_to_active(world))
    with pytest.raises(ValidationError) as err:
        plan_service.add_intervention(
            world.therapist,
            revision,
            plan_service.InterventionInput(responsible="Teamet", toolbox_code="no_such_tool"),
        )
    assert err.value.code == "plan.unknown_tool"
    with pytest.raises(ValidationError):
        plan_service.add_intervention(
            world.therapist, revision, plan_service.InterventionInput(responsible="Teamet")
        )


def test_a_paper_signature_dated_after_today_is_refused(world, clock):
    revision, _goal = drafted(world, run_to_active(world))
    plan_service.submit_for_signatures(world.therapist, revision)
    with pytest.raises(ValidationError) as refused:
        plan_service.add_signature(
            world.therapist, revision, SignerRole.STUDENT, "Elsa", clock.today() + timedelta(days=1)
        )
    assert refused.value.code == "plan.signed_in_future"
