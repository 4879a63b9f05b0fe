"""Shared steps of the demo's case histories: the clock walks forward through each case while
the real services write it, so every record passes the same rules as in the app."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sst_desktop.casework import closure_service, consent_service, plan_service, support_service
from sst_desktop.casework.context import ServiceContext
from sst_desktop.clock import FixedClock
from sst_desktop.demo.family import DemoFamily
from sst_desktop.demo.organisation import DemoStaff
from sst_desktop.demo.ratings import rate_visit
from sst_rules.enums import (
    AbsenceMeasure,
    Authority,
    ConsentPurpose,
    ContactKind,
    MeetingKind,
    MeetingStatus,
    PlanKind,
    PlanPerspective,
    RecordCategory,
    Setting,
    SignerRole,
)

TOOLBOX = (
    "weekly_planning",
    "motivational_supportive_talks",
    "school_day_support",
    "teacher_relations",
    "parenting_support",
    "home_routines",
    "leisure_interest",
    "study_planning",
    "coordination",
)
RATED_VISITS = (ContactKind.HOME_VISIT, ContactKind.SCHOOL_VISIT)
NOTES = (
    "Samtal om hur morgnarna ser ut.",
    "Eleven följde med till skolan första lektionen.",
    "Vårdnadshavare berättade om sömnen.",
    "Planerade veckan tillsammans.",
    "Pratade om vad som fungerat bra.",
    "Kort avstämning, eleven mår bättre.",
)


@dataclass
class Story:
    """One case's history in the making: who acts, and the clock that walks forward."""

    base: ServiceContext
    clock: FixedClock
    rng: random.Random
    fake: Any
    device_id: str
    today: date

    def at(self, day: date) -> None:
        minute = self.rng.randrange(8 * 60, 16 * 60)
        self.clock.current = datetime.combine(day, time(minute // 60, minute % 60), UTC)

    def as_(self, staff: DemoStaff) -> ServiceContext:
        from dataclasses import replace

        return replace(self.base, actor=staff.actor(self.device_id))

    def future(self, day: date) -> bool:
        return day > self.today


def give_consent(
    ctx: ServiceContext,
    story: Story,
    case_id: str,
    family: DemoFamily,
    purposes: tuple[ConsentPurpose, ...],
    recipient: Authority,
) -> str:
    parties = (
        consent_service.PartyAnswer("student", True),
        *(consent_service.PartyAnswer("guardian", True, g) for g in family.guardian_ids),
    )
    given = story.clock.today()
    return consent_service.give_consent(
        ctx,
        case_id,
        consent_service.ConsentInput(
            purposes=purposes,
            categories=tuple(RecordCategory),
            recipient_authority=recipient,
            given_on=given,
            valid_until=given + timedelta(days=story.rng.choice((365, 540, 200))),
            form="written",
            parties=parties,
            information_given="Informationsblad och samtyckesblankett lämnades och gicks igenom.",
        ),
    )


def meeting(
    ctx: ServiceContext,
    story: Story,
    case_id: str,
    kind: MeetingKind,
    day: date,
    *,
    hold: bool = True,
) -> str:
    story.at(day)
    meeting_id = support_service.book_meeting(
        ctx,
        case_id,
        support_service.MeetingInput(
            kind=kind,
            scheduled_at=story.clock.now(),
            duration_minutes=60,
            setting=story.rng.choice(list(Setting)),
            participants=({"kind": "student"},),
            agenda="Dagordning enligt mall.",
        ),
    )
    if hold and not story.future(day):
        if story.rng.random() < 0.1:
            meeting_id = support_service.rebook_meeting(
                ctx, meeting_id, story.clock.now() + timedelta(days=2)
            )
        support_service.hold_meeting(ctx, meeting_id, notes=story.rng.choice(NOTES))
    return meeting_id


def support_period(
    ctx: ServiceContext, story: Story, case_id: str, start: date, end: date, *, per_week: float
) -> None:
    """Contacts, home visits and monthly absence figures between two dates (not the future)."""
    end = min(end, story.today)
    day = start
    visits = 0
    while day < end:
        story.at(day)
        if story.rng.random() < per_week:
            kind = story.rng.choice(
                (
                    ContactKind.HOME_VISIT,
                    ContactKind.DAILY_CONTACT,
                    ContactKind.PHONE,
                    ContactKind.SCHOOL_VISIT,
                )
            )
            status = MeetingStatus.CANCELLED if story.rng.random() < 0.08 else MeetingStatus.HELD
            contact_id = support_service.log_contact(
                ctx,
                case_id,
                support_service.ContactInput(
                    kind=kind,
                    at=story.clock.now(),
                    status=status,
                    duration_minutes=story.rng.choice((15, 30, 45, 60, 90)),
                    setting=Setting.HOME if kind == ContactKind.HOME_VISIT else Setting.SCHOOL,
                    note=story.rng.choice(NOTES),
                ),
            )
            if status == MeetingStatus.HELD and kind in RATED_VISITS:
                visits += 1
                rate_visit(ctx, case_id, contact_id, day, visits)
        if day.day <= 7 and day > start:
            record_absence(ctx, story, case_id, day)
        day += timedelta(days=7)


def record_absence(
    ctx: ServiceContext, story: Story, case_id: str, measured_on: date, percent: float | None = None
) -> None:
    period_end = measured_on - timedelta(days=1)
    support_service.record_absence(
        ctx,
        case_id,
        support_service.AbsenceInput(
            period_start=period_end - timedelta(days=29),
            period_end=period_end,
            measured_on=measured_on,
            source="Skolans frånvarosystem",
            measure=AbsenceMeasure.TOTAL,
            percent=percent if percent is not None else round(story.rng.uniform(10, 90), 1),
        ),
    )


def signed_plan(
    ctx: ServiceContext,
    story: Story,
    case_id: str,
    kind: PlanKind,
    signers: tuple[SignerRole, ...],
    *,
    sign: bool = True,
) -> str:
    revision = plan_service.create_plan(ctx, case_id, kind)
    plan_service.set_overall_aims(
        ctx, revision, "Eleven deltar i undervisningen, når godtagbara kunskaper och mår bättre."
    )
    for perspective in PlanPerspective:
        goal = plan_service.add_goal(
            ctx,
            revision,
            plan_service.GoalInput(
                perspective=perspective,
                text=f"Delmål ({perspective.value})",
                criterion="Närvaro minst 3 dagar i veckan",
                target_date=story.clock.today() + timedelta(days=60),
            ),
        )
        plan_service.add_intervention(
            ctx,
            revision,
            plan_service.InterventionInput(
                responsible="Teamet",
                toolbox_code=story.rng.choice(TOOLBOX),
                goal_id=goal,
                recipient="Eleven",
                setting="school",
                active_from=story.clock.today(),
            ),
        )
    if not sign:
        return revision
    plan_service.submit_for_signatures(ctx, revision)
    for role in signers:
        plan_service.add_signature(ctx, revision, role, story.fake.name(), story.clock.today())
    plan_service.complete_signing(ctx, revision)
    return revision


def closure(ctx: ServiceContext, story: Story, reason: Any, goals_met: str) -> Any:
    return closure_service.ClosureInput(
        closed_on=story.clock.today(),
        reason=reason,
        goals_met=goals_met,
        declined_recommendations=("Byte av skola",) if story.rng.random() < 0.2 else (),
        maintenance_plan_wanted=story.rng.random() < 0.4,
        student_view="Det har blivit lättare att gå till skolan.",
        guardian_view="Rutinerna hemma fungerar bättre.",
    )
