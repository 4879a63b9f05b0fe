"""An ordinary SST case: anonymous request, decision, information meeting, the family's yes,
start with a signed handlingsplan, reviews every 4-6 weeks, closure; or one of the exits."""

from __future__ import annotations

from datetime import date, timedelta

from sst_desktop.casework import case_service, referral_service
from sst_desktop.casework.context import ServiceContext
from sst_desktop.demo.family import create_family
from sst_desktop.demo.organisation import DemoTeam
from sst_desktop.demo.story import (
    Story,
    closure,
    give_consent,
    meeting,
    record_absence,
    signed_plan,
    support_period,
)
from sst_rules.enums import (
    Authority,
    CaseStatus,
    ClosureReason,
    ConsentPurpose,
    Gender,
    MeetingKind,
    PlanKind,
    Programme,
    Role,
    SignerRole,
)

# How far each target gets, as the ordered list of SST states (exits handled separately).
PATH = (
    CaseStatus.REQUESTED,
    CaseStatus.DECIDED,
    CaseStatus.INFORMATION_MEETING,
    CaseStatus.STARTED,
    CaseStatus.ACTIVE,
    CaseStatus.CLOSING,
    CaseStatus.CLOSED,
)
SIGNERS = (SignerRole.STUDENT, SignerRole.GUARDIAN, SignerRole.SCHOOL, SignerRole.SOCIAL_SERVICES)


def sst_case(
    story: Story, team: DemoTeam, school: tuple[str, str], target: str, opened: date, serial: int
) -> str:
    worker = team.first(Role.SCHOOL_SOCIAL_WORKER)
    ctx = story.as_(worker)
    story.at(opened)
    year = story.rng.randrange(4, 10)
    _request, case_id = referral_service.receive_referral_request(
        ctx,
        referral_service.RequestInput(
            received_on=opened,
            district_id=school[1],
            school_id=school[0],
            school_year=year,
            gender=story.rng.choice(list(Gender)),
            absence_percent=story.rng.randrange(20, 95),
            cause_student_view="Oro inför lektioner och svårt att komma iväg på morgonen.",
            cause_guardian_view="Sover dåligt, konflikter hemma om skolan.",
            concern_report_last_6_months=story.rng.random() < 0.2,
            adaptations_tried="Anpassat schema, samtal med kurator.",
            measures_taken="Kartläggning av mentor.",
            expected_of_team="Stöd till elev och familj.",
        ),
        team.team_id,
    )
    case_service.assign_staff(ctx, case_id, worker.staff_id, "school_social_worker", opened)
    if target == "declined":
        referral_service.decide_referral_request(
            ctx, _request, accept=False, guided_to="Elevhälsan och föräldrarådgivning"
        )
        return case_id
    # Exits leave from a random open state: decided .. active.
    stop = PATH.index(CaseStatus(target)) if target in PATH else story.rng.randrange(1, 5)
    day = opened + timedelta(days=story.rng.randrange(3, 10))
    for status in PATH[1 : stop + 1]:
        if story.future(day):
            break
        story.at(day)
        day = _step(story, ctx, team, school, case_id, _request, status, day, serial)
    _exit(story, ctx, team, case_id, target, day)
    return case_id


def _step(
    story: Story,
    ctx: ServiceContext,
    team: DemoTeam,
    school: tuple[str, str],
    case_id: str,
    request_id: str,
    status: CaseStatus,
    day: date,
    serial: int,
) -> date:
    if status == CaseStatus.DECIDED:
        referral_service.decide_referral_request(ctx, request_id, accept=True)
        return day + timedelta(days=story.rng.randrange(5, 15))
    if status == CaseStatus.INFORMATION_MEETING:
        meeting(ctx, story, case_id, MeetingKind.INFORMATION, day)
        family = create_family(
            ctx,
            story.fake,
            story.rng,
            school_id=school[0],
            school_year=story.rng.randrange(4, 10),
            serial=serial,
        )
        give_consent(
            ctx,
            story,
            case_id,
            family,
            (
                ConsentPurpose.INFORMATION_MEETING_PARTICIPATION,
                ConsentPurpose.SST_INTERVENTION,
                ConsentPurpose.FOLLOW_UP_AFTER_CLOSURE,
            ),
            Authority.SCHOOL,
        )
        referral_service.link_student(ctx, case_id, family.student_id)
        case_service.transition(ctx, case_id, CaseStatus.INFORMATION_MEETING)
        return day + timedelta(days=story.rng.randrange(5, 12))
    if status == CaseStatus.STARTED:
        meeting(ctx, story, case_id, MeetingKind.START, day)
        signed_plan(ctx, story, case_id, PlanKind.ACTION_PLAN, SIGNERS)
        meeting(ctx, story, case_id, MeetingKind.GUARDIAN, day + timedelta(days=3))
        story.at(day)
        record_absence(ctx, story, case_id, day, percent=story.rng.uniform(40, 90))
        case_service.transition(ctx, case_id, CaseStatus.STARTED)
        return day + timedelta(days=14)
    if status == CaseStatus.ACTIVE:
        case_service.transition(ctx, case_id, CaseStatus.ACTIVE)
        end = day + timedelta(weeks=story.rng.randrange(10, 22))
        support_period(ctx, story, case_id, day, end, per_week=0.8)
        review = day + timedelta(weeks=5)
        while review < min(end, story.today):
            meeting(ctx, story, case_id, MeetingKind.REVIEW, review)
            review += timedelta(weeks=story.rng.choice((4, 5, 6)))
        if review >= story.today:
            meeting(ctx, story, case_id, MeetingKind.REVIEW, review, hold=False)
        return end
    if status == CaseStatus.CLOSING:
        story.at(day)
        _reason_if_late(story, ctx, case_id)
        case_service.transition(ctx, case_id, CaseStatus.CLOSING)
        return day + timedelta(days=story.rng.randrange(10, 30))
    if status == CaseStatus.CLOSED:
        meeting(ctx, story, case_id, MeetingKind.CLOSING, day)
        story.at(day)
        _reason_if_late(story, ctx, case_id)
        case_service.transition(
            ctx,
            case_id,
            CaseStatus.CLOSED,
            closure=closure(
                ctx,
                story,
                story.rng.choice((ClosureReason.GOALS_MET, ClosureReason.ENDED_EARLY)),
                story.rng.choice(("yes", "partly", "no")),
            ),
        )
        return day
    raise AssertionError(status)


def _reason_if_late(story: Story, ctx: ServiceContext, case_id: str) -> None:
    # SST may run past six months only with a written reason (001:L343).
    if not case_service.is_past_time_limit(ctx, case_id):
        return
    case_service.record_time_limit_reason(
        ctx, case_id, "Eleven och familjen vill fortsätta; stödet behövs under terminsstarten."
    )


def _exit(
    story: Story, ctx: ServiceContext, team: DemoTeam, case_id: str, target: str, day: date
) -> None:
    day = min(day, story.today)
    story.at(day)
    if target == "withdrawn":
        case_service.transition(ctx, case_id, CaseStatus.WITHDRAWN, reason="Familjen avböjde.")
    elif target == "handed_over":
        case_service.transition(
            ctx, case_id, CaseStatus.HANDED_OVER, reason="Behovsprövad insats beviljades."
        )
    elif target == "stepped_up":
        case_service.step_programme(
            ctx, case_id, Programme.SST_PLUS, "Behov av mer intensivt stöd (SST plus)."
        )
