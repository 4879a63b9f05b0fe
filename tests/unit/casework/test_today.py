"""Today: each kind of item appears when the rules say, and not otherwise."""

from __future__ import annotations

from datetime import datetime, timedelta

from sst_desktop.casework import (
    case_service,
    consent_service,
    plan_service,
    rating_service,
    support_service,
)
from sst_desktop.casework.closure_service import ClosureInput
from sst_desktop.casework.dto import TodayKind, WorkspaceTab
from sst_desktop.casework.today import today_items
from sst_rules.enums import (
    CaseStatus,
    ClosureReason,
    ConsentPurpose,
    ContactKind,
    MeetingKind,
    PlanKind,
    PlanPerspective,
)
from tests.unit.casework.test_sst_workflow import family_yes, run_to_active


def kinds(ctx, kind: TodayKind) -> list:
    return [i for i in today_items(ctx) if i.kind == kind]


def at(clock, hours: int = 0) -> datetime:
    return clock.now() + timedelta(hours=hours)


def test_meetings_booked_for_today_are_listed_in_order(world, engine, clock):
    case_id = run_to_active(world, engine)
    late = support_service.book_meeting(
        world.worker, case_id, support_service.MeetingInput(MeetingKind.REVIEW, at(clock, 5))
    )
    early = support_service.book_meeting(
        world.worker, case_id, support_service.MeetingInput(MeetingKind.GUARDIAN, at(clock, 1))
    )
    cancelled = support_service.book_meeting(
        world.worker, case_id, support_service.MeetingInput(MeetingKind.REVIEW, at(clock, 2))
    )
    support_service.cancel_meeting(world.worker, cancelled, "Sjuk")
    support_service.book_meeting(
        world.worker, case_id, support_service.MeetingInput(MeetingKind.REVIEW, at(clock, 30))
    )
    items = kinds(world.worker, TodayKind.MEETING_TODAY)
    assert [i.record_id for i in items] == [early, late]
    assert all(i.target == WorkspaceTab.MEETINGS and i.case_id == case_id for i in items)


def test_daily_contact_only_for_those_who_asked_and_not_yet_contacted(world, engine, clock):
    asked = run_to_active(world, engine)
    declined = run_to_active(world, engine)
    support_service.record_daily_contact_offer(world.worker, asked, clock.today(), wanted=True)
    support_service.record_daily_contact_offer(world.worker, declined, clock.today(), wanted=False)
    items = kinds(world.worker, TodayKind.DAILY_CONTACT_MISSING)
    assert [i.case_id for i in items] == [asked]
    support_service.log_contact(
        world.worker, asked, support_service.ContactInput(ContactKind.DAILY_CONTACT, at(clock))
    )
    assert kinds(world.worker, TodayKind.DAILY_CONTACT_MISSING) == []
    clock.advance(timedelta(days=1))
    assert [i.case_id for i in kinds(world.worker, TodayKind.DAILY_CONTACT_MISSING)] == [asked]


def test_an_sst_review_is_due_four_to_six_weeks_after_the_start(world, engine, clock):
    case_id = run_to_active(world, engine)
    clock.advance(timedelta(weeks=3))
    assert kinds(world.worker, TodayKind.REVIEW_DUE) == []
    clock.advance(timedelta(weeks=1, days=1))
    (item,) = kinds(world.worker, TodayKind.REVIEW_DUE)
    assert item.case_id == case_id
    meeting = support_service.book_meeting(
        world.worker, case_id, support_service.MeetingInput(MeetingKind.REVIEW, at(clock))
    )
    support_service.hold_meeting(world.worker, meeting)
    assert kinds(world.worker, TodayKind.REVIEW_DUE) == []


def test_past_the_time_limit_without_a_reason(world, engine, clock):
    case_id = run_to_active(world, engine)
    clock.advance(timedelta(days=200))
    (item,) = kinds(world.worker, TodayKind.TIME_LIMIT_REASON_MISSING)
    assert item.case_id == case_id and item.target == WorkspaceTab.DECISIONS
    case_service.record_time_limit_reason(world.worker, case_id, "Skolbyte pågår")
    assert kinds(world.worker, TodayKind.TIME_LIMIT_REASON_MISSING) == []


def test_plans_waiting_for_signatures(world, engine, clock):
    case_id = run_to_active(world, engine)
    already = {i.record_id for i in kinds(world.worker, TodayKind.PLAN_AWAITING_SIGNATURES)}
    revision = plan_service.create_plan(world.worker, case_id, PlanKind.ACTION_PLAN)
    assert revision not in already  # a draft is not waiting for anyone
    plan_service.add_goal(
        world.worker,
        revision,
        plan_service.GoalInput(PlanPerspective.SCHOOL, "Närvaro", "Tre dagar i veckan"),
    )
    plan_service.submit_for_signatures(world.worker, revision)
    items = kinds(world.worker, TodayKind.PLAN_AWAITING_SIGNATURES)
    assert revision in [i.record_id for i in items]
    assert all(i.target == WorkspaceTab.PLAN for i in items)


def test_follow_ups_after_closure(world, engine, clock):
    case_id = run_to_active(world, engine)
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
    assert kinds(world.worker, TodayKind.FOLLOW_UP_DUE) == []
    months = world.worker.rules.for_case("sst", world.district_id, clock.today()).follow_up_months
    clock.advance(timedelta(days=31 * months[0] - 5))
    (item,) = kinds(world.worker, TodayKind.FOLLOW_UP_DUE)
    assert item.case_id == case_id and item.target == WorkspaceTab.CLOSURE


def test_consents_expiring_within_a_month_unless_withdrawn(world, engine, clock):
    case_id = run_to_active(world, engine)
    consents = [i for i in today_items(world.worker) if i.kind == TodayKind.CONSENT_EXPIRING]
    assert consents == []  # the consents of run_to_active run a year
    clock.advance(timedelta(days=340))
    items = kinds(world.worker, TodayKind.CONSENT_EXPIRING)
    assert items and {i.case_id for i in items} == {case_id}
    for item in items:
        consent_service.withdraw_consent(world.worker, item.record_id, clock.today(), "guardian")
    assert kinds(world.worker, TodayKind.CONSENT_EXPIRING) == []


def test_another_teams_cases_never_appear(world, engine, clock):
    case_id = run_to_active(world, engine)
    support_service.book_meeting(
        world.worker, case_id, support_service.MeetingInput(MeetingKind.REVIEW, at(clock, 1))
    )
    assert today_items(world.worker)
    assert today_items(world.outsider) == []


def test_overdue_first_then_by_date(world, engine, clock):
    run_to_active(world, engine)
    second = run_to_active(world, engine)
    clock.advance(timedelta(days=200))
    support_service.book_meeting(
        world.worker, second, support_service.MeetingInput(MeetingKind.REVIEW, at(clock, 1))
    )
    items = today_items(world.worker)
    overdue = [i.due_on < clock.today() for i in items]
    assert overdue == sorted(overdue, reverse=True)
    assert any(i.kind == TodayKind.MEETING_TODAY for i in items)


def test_sst_plus_three_month_meeting_evaluation_and_continuation(world, engine, clock):
    from sst_desktop.casework import referral_service
    from sst_rules.enums import DecisionKind
    from tests.unit.casework import test_sst_plus_workflow as plus

    case_id = plus.run_to_active(world)
    therapist = world.therapist
    assert kinds(therapist, TodayKind.REVIEW_DUE) == []
    clock.advance(timedelta(days=80))
    (review,) = kinds(therapist, TodayKind.REVIEW_DUE)
    assert review.case_id == case_id
    clock.advance(timedelta(days=90))
    (evaluation,) = kinds(therapist, TodayKind.SIX_MONTH_EVALUATION_DUE)
    assert evaluation.case_id == case_id
    case_service.transition(therapist, case_id, CaseStatus.SIX_MONTH_EVALUATION)
    (continuation,) = kinds(therapist, TodayKind.CONTINUATION_DECISION_DUE)
    assert continuation.target == WorkspaceTab.DECISIONS
    referral_service.record_decision(
        world.officer,
        case_id,
        referral_service.DecisionInput(
            kind=DecisionKind.CONTINUATION, decided_on=clock.today(), granted=True
        ),
    )
    assert kinds(therapist, TodayKind.CONTINUATION_DECISION_DUE) == []
    assert kinds(therapist, TodayKind.TIME_LIMIT_REASON_MISSING) == []  # SST only


def test_rating_signals_of_the_latest_session_say_themselves(world, engine, clock):
    case_id = run_to_active(world, engine)
    quiet = run_to_active(world, engine)
    today = clock.today()
    for weeks_ago, mm in ((3, 40), (2, 45), (1, 60), (0, 80)):  # 16 -> 32 cm: past the cut-off
        answers = dict.fromkeys(("individual", "interpersonal", "social", "overall"), mm)
        rating_service.record_rating_session(
            world.worker,
            case_id,
            rating_service.RatingSessionInput(
                "outcome", "self", today - timedelta(weeks=weeks_ago), answers
            ),
        )
    items = kinds(world.worker, TodayKind.RATING_SIGNAL)
    assert [(i.case_id, i.target) for i in items] == [(case_id, WorkspaceTab.RATINGS)]
    assert items[0].due_on == today and quiet not in {i.case_id for i in items}
    assert "cut-off" in items[0].note.en and items[0].note.sv
    assert kinds(world.outsider, TodayKind.RATING_SIGNAL) == []
    clock.advance(timedelta(days=40))  # old news: no longer on Today
    assert kinds(world.worker, TodayKind.RATING_SIGNAL) == []
