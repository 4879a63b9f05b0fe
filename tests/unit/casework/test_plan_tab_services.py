"""What the Plan tab reads and writes, on a real SQLCipher file: a case's plans with every
revision, editing a draft, signing on paper and on screen, a decline that blocks until the
role signs, goal reviews carried across revisions, the diff between two revisions and the
next review date by the programme."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from sst_desktop.casework import plan_drafting, plan_reviews, plan_service
from sst_desktop.casework.attachment_service import open_attachment
from sst_desktop.casework.organisation_service import seed_toolbox
from sst_desktop.casework.plan_diff import ChangeKind, diff_revisions
from sst_desktop.casework.plan_dto import (
    GoalView,
    NextReview,
    PlanView,
    RevisionView,
    SignerStateKind,
)
from sst_desktop.casework.plan_lineage import copy_id
from sst_desktop.casework.plan_queries import case_plans
from sst_desktop.casework.plan_service import GoalInput, InterventionInput, SignatureMethod
from sst_desktop.casework.signature_strokes import (
    SignatureStrokes,
    signature_png,
    strokes_from_png,
)
from sst_desktop.config.programmes import load_default_rules
from sst_desktop.errors import NotAllowedError, ValidationError, WorkflowError
from sst_desktop.models.audit import AuditEvent
from sst_rules.attachments import sniffed_type
from sst_rules.enums import GoalStatus, PlanKind, PlanPerspective, Programme, SignerRole
from tests.unit.casework.test_sst_plus_workflow import run_to_active

SIGNERS = (SignerRole.STUDENT, SignerRole.GUARDIAN, SignerRole.SCHOOL, SignerRole.SOCIAL_SERVICES)
DRAWN = SignatureStrokes(
    400, 120, (((10, 60), (60, 20), (110, 90), (160, 30)), ((200, 70), (300, 72)))
)


def draft(world) -> tuple[str, str, str]:
    """A case with a draft: one school goal with an intervention. (case, revision, goal)"""
    seed_toolbox(world.therapist, [("weekly_planning", "Veckoplanering", "Weekly planning")])
    case_id = run_to_active(world)
    revision = plan_service.create_plan(world.therapist, case_id, PlanKind.IMPLEMENTATION_PLAN)
    goal = plan_service.add_goal(
        world.therapist,
        revision,
        GoalInput(PlanPerspective.SCHOOL, "Delta i matematik", "Två lektioner i veckan"),
    )
    plan_service.add_intervention(
        world.therapist,
        revision,
        InterventionInput(
            responsible="Specialpedagog",
            toolbox_code="weekly_planning",
            goal_id=goal,
            recipient="Eleven",
            setting="school",
            frequency="Varje måndag",
        ),
    )
    return case_id, revision, goal


def sign_all(world, revision) -> None:
    plan_service.submit_for_signatures(world.therapist, revision)
    for role in SIGNERS:
        plan_service.add_signature(
            world.therapist, revision, role, f"Namn {role.value}", date(2026, 3, 1)
        )
    plan_service.complete_signing(world.therapist, revision)


def test_the_tab_reads_every_revision_with_its_goals_and_interventions(world, engine):
    case_id, revision, goal = draft(world)
    plan_service.add_goal(
        world.therapist,
        revision,
        GoalInput(PlanPerspective.SCHOOL, "Första lektionen", parent_id=goal),
    )
    plan_service.add_goal(world.therapist, revision, GoalInput(PlanPerspective.INDIVIDUAL, "Sova"))
    plans = case_plans(world.therapist, case_id)
    assert plans.plan_kind == "implementation_plan" and plans.required_signers
    latest = plans.plans[0].latest
    assert latest.status == "draft" and latest.editable
    assert [(g.number, g.text) for g in latest.goals] == [
        ("1", "Sova"),  # the individual perspective first, as printed
        ("2", "Delta i matematik"),
        ("2.1", "Första lektionen"),
    ]
    (item,) = latest.interventions_of(goal)
    assert (item.label_sv, item.frequency, item.setting) == (
        "Veckoplanering",
        "Varje måndag",
        "school",
    )
    assert [s.state for s in latest.signers] == [SignerStateKind.MISSING] * 4
    assert [t.code for t in plans.toolbox] == ["weekly_planning"]
    with engine.connect() as conn:
        viewed = conn.execute(
            select(AuditEvent.entity_type).where(
                AuditEvent.action == "view", AuditEvent.case_id == case_id
            )
        ).scalars()
        assert "plans" in list(viewed)


def test_a_draft_is_edited_and_goals_are_removed_with_what_hangs_on_them(world):
    case_id, revision, goal = draft(world)
    sub = plan_service.add_goal(
        world.therapist, revision, GoalInput(PlanPerspective.SCHOOL, "Delmål", parent_id=goal)
    )
    item = case_plans(world.therapist, case_id).plans[0].latest.interventions[0]
    plan_drafting.update_goal(
        world.therapist,
        goal,
        GoalInput(PlanPerspective.SOCIAL, "Delta i alla lektioner", "Fyra dagar", date(2026, 6, 1)),
    )
    plan_drafting.update_intervention(
        world.therapist,
        item.intervention_id,
        InterventionInput(
            responsible="Familjebehandlare", free_text="Samtal", frequency="Varannan vecka"
        ),
    )
    with pytest.raises(ValidationError) as err:
        plan_drafting.update_intervention(
            world.therapist,
            item.intervention_id,
            InterventionInput(
                responsible="X",
                free_text="Y",
                active_from=date(2026, 5, 1),
                active_to=date(2026, 4, 1),
            ),
        )
    assert err.value.code == "plan.period_order"
    latest = case_plans(world.therapist, case_id).plans[0].latest
    edited = latest.goal(goal)
    assert edited and (edited.perspective, edited.criterion) == ("social", "Fyra dagar")
    assert latest.goal(sub).perspective == "social"  # a sub-goal follows its goal
    (changed,) = latest.interventions
    assert (changed.toolbox_code, changed.free_text, changed.frequency) == (
        None,
        "Samtal",
        "Varannan vecka",
    )
    plan_service.add_intervention(
        world.therapist,
        revision,
        InterventionInput(responsible="Skolan", free_text="Läxhjälp", goal_id=sub),
    )
    plan_drafting.remove_goal(world.therapist, goal)
    latest = case_plans(world.therapist, case_id).plans[0].latest
    # the goal went with its sub-goal and the sub-goal's intervention; the unlinked one stays
    assert latest.goals == () and latest.interventions == (changed,)


def test_signing_on_paper_and_on_screen_with_a_decline_that_blocks_until_the_role_signs(world):
    case_id, revision, _goal = draft(world)
    plan_service.submit_for_signatures(world.therapist, revision)
    plan_service.add_signature(
        world.therapist,
        revision,
        SignerRole.STUDENT,
        "Elsa",
        method=SignatureMethod.SCREEN,
        strokes=DRAWN,
    )
    plan_service.decline_signature(
        world.therapist, revision, SignerRole.GUARDIAN, "Anna", "Vill läsa planen först"
    )
    plan_service.add_signature(
        world.therapist, revision, SignerRole.SCHOOL, "Rektor", date(2026, 3, 1)
    )
    plan_service.add_signature(
        world.therapist, revision, SignerRole.SOCIAL_SERVICES, "Socialsekreterare", date(2026, 3, 2)
    )
    with pytest.raises(ValidationError) as err:
        plan_service.complete_signing(world.therapist, revision)
    assert err.value.code == "plan.missing_signers" and "guardian" in err.value.message
    with pytest.raises(ValidationError) as err:  # the same person twice for a role
        plan_service.add_signature(
            world.therapist, revision, SignerRole.GUARDIAN, "anna", date(2026, 3, 2)
        )
    assert err.value.code == "plan.signer_recorded"
    with pytest.raises(ValidationError) as err:  # a tap is not a signature
        plan_service.add_signature(
            world.therapist,
            revision,
            SignerRole.GUARDIAN,
            "Bo",
            method=SignatureMethod.SCREEN,
            strokes=SignatureStrokes(400, 120, (((5, 5), (6, 6)),)),
        )
    assert err.value.code == "signature.empty"
    assert not plan_service.complete_if_signed(world.therapist, revision)  # still declined
    plan_service.add_signature(
        world.therapist, revision, SignerRole.GUARDIAN, "Bo", date(2026, 3, 2)
    )
    assert plan_service.complete_if_signed(world.therapist, revision)
    signed = case_plans(world.therapist, case_id).plans[0].latest
    assert signed.status == "signed" and signed.valid_from == date(2026, 3, 2)
    states = {s.role: s for s in signed.signers}
    assert states["guardian"].state == SignerStateKind.SIGNED
    assert [(s.name, s.method, s.declined_reason) for s in states["guardian"].signatures] == [
        ("Anna", "declined", "Vill läsa planen först"),  # the decline stays recorded
        ("Bo", "paper", None),
    ]
    (student,) = states["student"].signatures
    assert student.method == "screen" and student.signed_on == date(2026, 3, 2)
    image = open_attachment(world.therapist, student.image_id)
    assert image.media_type == "image/png" and image.purpose == "signature"
    assert strokes_from_png(image.content) == DRAWN  # the strokes themselves are kept


def test_back_to_draft_withdraws_what_was_signed(world):
    case_id, revision, _goal = draft(world)
    plan_service.submit_for_signatures(world.therapist, revision)
    plan_service.add_signature(
        world.therapist, revision, SignerRole.STUDENT, "Elsa", date(2026, 3, 1)
    )
    with pytest.raises(NotAllowedError):
        plan_service.add_goal(world.therapist, revision, GoalInput(PlanPerspective.SOCIAL, "Nytt"))
    plan_drafting.back_to_draft(world.therapist, revision)
    latest = case_plans(world.therapist, case_id).plans[0].latest
    assert latest.status == "draft" and latest.signatures == ()
    plan_service.add_goal(world.therapist, revision, GoalInput(PlanPerspective.SOCIAL, "Nytt"))


def test_reviews_need_the_signed_revision_and_follow_a_goal_into_the_next(world, clock):
    case_id, revision, goal = draft(world)
    with pytest.raises(WorkflowError) as err:
        plan_reviews.review_goal(world.therapist, goal, clock.today(), GoalStatus.PARTLY)
    assert err.value.code == "plan.review_not_in_force"
    sign_all(world, revision)
    plan_reviews.review_goal(world.therapist, goal, clock.today(), GoalStatus.PARTLY, "Två av fyra")
    plans = case_plans(world.therapist, case_id).plans[0]
    second = plan_service.new_revision(world.therapist, plans.plan_id)
    plans = case_plans(world.therapist, case_id).plans[0]
    copied = plans.latest.goal(copy_id(second, goal))
    assert copied is not None and copied.latest_status == "partly"
    assert copied.reviews[0].note == "Två av fyra"


def test_the_diff_shows_goals_and_interventions_added_removed_and_changed(world):
    case_id, first, goal = draft(world)
    kept = plan_service.add_goal(
        world.therapist, first, GoalInput(PlanPerspective.SOCIAL, "Fritid")
    )
    dropped = plan_service.add_goal(
        world.therapist, first, GoalInput(PlanPerspective.INDIVIDUAL, "Sömn")
    )
    sign_all(world, first)
    plan_id = case_plans(world.therapist, case_id).plans[0].plan_id
    second = plan_service.new_revision(world.therapist, plan_id)
    plan_drafting.update_goal(
        world.therapist,
        copy_id(second, goal),
        GoalInput(PlanPerspective.SCHOOL, "Delta i matematik", "Tre lektioner i veckan"),
    )
    plan_drafting.remove_goal(world.therapist, copy_id(second, dropped))
    plan_service.add_goal(
        world.therapist, second, GoalInput(PlanPerspective.SOCIAL, "Träna fotboll")
    )
    item = case_plans(world.therapist, case_id).plans[0].latest.interventions[0]
    plan_drafting.update_intervention(
        world.therapist,
        item.intervention_id,
        InterventionInput(
            responsible="Specialpedagog",
            toolbox_code="weekly_planning",
            goal_id=item.goal_id,
            recipient="Eleven",
            setting="school",
            frequency="Två gånger i veckan",
        ),
    )
    sign_all(world, second)
    plan = case_plans(world.therapist, case_id).plans[0]
    change = diff_revisions(plan, 1, 2)
    by_kind = {(c.kind, (c.after or c.before).text) for c in change.goals}
    assert by_kind == {
        (ChangeKind.CHANGED, "Delta i matematik"),
        (ChangeKind.REMOVED, "Sömn"),
        (ChangeKind.ADDED, "Träna fotboll"),
    }
    changed = next(c for c in change.goals if c.kind == ChangeKind.CHANGED)
    assert changed.fields == ("criterion",)
    assert kept and [(c.kind, c.fields) for c in change.interventions] == [
        (ChangeKind.CHANGED, ("frequency",))
    ]
    assert {s.name for s in change.newer_signatures} == {f"Namn {r.value}" for r in SIGNERS}
    assert diff_revisions(plan, 2, 2).empty


def test_the_diff_pairs_by_content_what_has_no_lineage():
    """Revisions copied before lineage ids: the same goal text is the same goal."""

    def goal(goal_id: str, text: str, criterion: str) -> GoalView:
        return GoalView(goal_id, None, "1", "school", text, criterion, None, 0)

    def revision(rid: str, number: int, goals) -> RevisionView:
        return RevisionView(
            rid, number, "signed", None, None, None, None, None, tuple(goals), (), (), ()
        )

    plan = PlanView(
        "p",
        "action_plan",
        False,
        (revision("r1", 1, [goal("a", "Läsa", "x")]), revision("r2", 2, [goal("b", "Läsa", "y")])),
        NextReview(None, None, "none"),
    )
    (only,) = diff_revisions(plan, 1, 2).goals
    assert only.kind == ChangeKind.CHANGED and only.fields == ("criterion",)


def test_the_next_review_follows_the_programme(world, clock):
    rules = load_default_rules()
    sst = rules.for_case(Programme.SST, None, clock.today())
    plus = rules.for_case(Programme.SST_PLUS, None, clock.today())
    signed = date(2026, 3, 2)
    weeks = plan_reviews.next_review(
        sst, started_on=signed, valid_from=signed, last_review=None, planned=None, today=signed
    )
    assert (weeks.earliest, weeks.on, weeks.rule) == (
        signed + timedelta(weeks=4),
        signed + timedelta(weeks=6),
        "weeks",
    )
    after_review = plan_reviews.next_review(
        sst,
        started_on=signed,
        valid_from=signed,
        last_review=date(2026, 4, 6),
        planned=None,
        today=signed,
    )
    assert after_review.on == date(2026, 4, 6) + timedelta(weeks=6)
    meeting = plan_reviews.next_review(
        plus,
        started_on=date(2026, 2, 1),
        valid_from=signed,
        last_review=None,
        planned=None,
        today=signed,
    )
    assert (meeting.on, meeting.rule) == (date(2026, 5, 1), "follow_up_meeting")
    evaluation = plan_reviews.next_review(
        plus,
        started_on=date(2026, 2, 1),
        valid_from=signed,
        last_review=date(2026, 5, 1),
        planned=None,
        today=signed,
    )
    assert (evaluation.on, evaluation.rule) == (date(2026, 8, 1), "evaluation")
    planned = plan_reviews.next_review(
        plus,
        started_on=date(2026, 2, 1),
        valid_from=signed,
        last_review=None,
        planned=date(2026, 4, 20),
        today=signed,
    )
    assert (planned.on, planned.rule) == (date(2026, 4, 20), "planned")


def test_a_case_shows_its_next_review_and_a_suggested_date_for_a_draft(world, clock):
    case_id, revision, _goal = draft(world)
    plans = case_plans(world.therapist, case_id)
    assert plans.suggested_review is not None and plans.suggested_review > clock.today()
    sign_all(world, revision)
    upcoming = case_plans(world.therapist, case_id).plans[0].next_review
    assert upcoming.rule == "follow_up_meeting" and upcoming.on is not None


def test_signature_png_is_a_png_that_keeps_its_strokes():
    png = signature_png(DRAWN)
    assert sniffed_type(png) == "image/png" and len(png) < 20_000
    assert strokes_from_png(png) == DRAWN
    assert strokes_from_png(b"\x89PNG\r\n\x1a\n") is None


def test_the_other_authority_without_consent_to_plans_sees_none_of_it(world):
    case_id, revision, goal = draft(world)
    sign_all(world, revision)
    plan_reviews.review_goal(world.therapist, goal, date(2026, 3, 2), GoalStatus.MET)
    school = case_plans(world.educator, case_id)  # consent covers meetings and absence only
    assert school.plans == () and school.withheld > 0
