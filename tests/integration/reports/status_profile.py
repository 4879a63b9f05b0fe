"""A real encrypted profile with five SST plus cases of one team, written through the services
with the clock moved to each step's date, whose status report for the first quarter of 2026 is
known by hand (the test module's docstring lists the figures).

A  applied 2025-10, started 2025-11-01, daily contact wanted, sharing consent in force,
   participation partial -> most lessons, absence 60 % -> 20 %, ORS 14 -> 28 (clinically
   significant), acceptable knowledge at closure (the school's record), biståndsbeslut;
   closed 2026-03-01, goals met.
B  started 2025-12-01, daily contact not wanted, consent withdrawn 2026-03-01, participation
   partial -> partial (the family therapist's assessments), absence 50 % -> 50 %, ORS 20 -> 22
   (no reliable change), a grade the school recorded after the withdrawal (the reader may not
   read it); closed 2026-03-15, the family ended early.
C  applied 2026-01-05, decided 2026-01-08 (special support and a biståndsbeslut), started
   2026-01-10, daily contact wanted, a SIP on 2026-02-01; still running at the quarter's end.
D  applied 2026-01-20, declined with guidance 2026-02-10.
E  closed 2025-09-30 (goals met): the 3-month follow-up done 2026-01-15 (acceptable knowledge),
   the 6-month one due 2026-03-30 and not done.
Plus one consultation about a student the team does not take (2026-02-02)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from pathlib import Path

from sqlalchemy import select

from sst_desktop.app_context import AppContext
from sst_desktop.casework import (
    case_service,
    closure_service,
    consent_service,
    rating_service,
    referral_service,
    student_service,
    support_service,
)
from sst_desktop.casework import organisation_service as org
from sst_desktop.casework.context import ServiceContext
from sst_desktop.clock import FixedClock
from sst_desktop.models.closure import FollowUp
from sst_desktop.store.unit_of_work import UnitOfWork
from sst_rules.enums import (
    AbsenceMeasure,
    AdmissionOutcome,
    Authority,
    CaseStatus,
    ClosureReason,
    ConsentPurpose,
    DecisionKind,
    ParticipationLevel,
    Programme,
    RecordCategory,
    ReferralRoute,
    Role,
    SchoolKind,
)
from tests.integration.reports.plans.plan_profile import as_staff, new_profile, open_profile

TODAY = date(2026, 4, 15)  # the default period is then the first quarter of 2026
STUDENTS = {
    "A": ("Åsa-Linnea", "Östberg"),
    "B": ("Bertil", "Grönqvist"),
    "C": ("Cecilia", "Lindqvist"),
    "D": ("David", "Hägglund"),
    "E": ("Ebba", "Sjöström"),
}
TEAM_NAME = "SST plus Järva"
LINES = ("individual", "interpersonal", "social", "overall")


@dataclass(frozen=True)
class StatusCases:
    case_ids: dict[str, str]
    references: dict[str, str]
    team_id: str


class Builder:
    def __init__(self, context: AppContext, clock: FixedClock, ids: dict[str, str]) -> None:
        self.clock, self.ids = clock, ids
        self.therapist = context.services
        self.officer = as_staff(
            context, ids["officer"], Role.CASE_OFFICER, Authority.SOCIAL_SERVICES
        )
        self.educator = as_staff(context, ids["educator"], Role.SPECIAL_EDUCATOR, Authority.SCHOOL)
        self.context = context

    def on(self, day: date) -> None:
        self.clock.current = datetime.combine(day, time(10, 0), tzinfo=UTC)

    def application(self, key: str, received: date) -> str:
        self.on(received)
        first, last = STUDENTS[key]
        student = student_service.register_student(
            self.officer,
            student_service.StudentInput(
                first_name=first, last_name=last, birth_date=date(2012, 5, 1),
                school_id=self.ids["school"], school_year=8,
            ),
        )  # fmt: skip
        return referral_service.receive_application(
            self.officer,
            referral_service.ApplicationInput(
                route=ReferralRoute.SCHOOL_APPLICATION, received_on=received, student_id=student,
                team_id=self.ids["team"], district_id=self.ids["district"], absence_percent=55,
            ),
        )  # fmt: skip

    def admit_and_decide(self, case_id: str, day: date) -> None:
        self.on(day)
        referral_service.record_assessment(self.officer, case_id, "needs", day, "Behov finns.")
        admission = referral_service.AdmissionInput(day, AdmissionOutcome.GRANTED, 1, 1, ("x",))
        referral_service.record_admission(self.officer, case_id, admission)
        case_service.transition(self.therapist, case_id, CaseStatus.DECIDED)

    def consent(self, case_id: str, day: date) -> str:
        self.on(day)
        return consent_service.give_consent(
            self.therapist,
            case_id,
            consent_service.ConsentInput(
                purposes=(ConsentPurpose.SHARING_BETWEEN_AUTHORITIES,),
                categories=tuple(RecordCategory),
                recipient_authority=Authority.SOCIAL_SERVICES,
                given_on=day, valid_until=None, form="written",
                parties=(consent_service.PartyAnswer("student", True),),
            ),
        )  # fmt: skip

    def start(self, case_id: str, day: date) -> None:
        self.on(day)
        case_service.transition(self.therapist, case_id, CaseStatus.STARTED)
        case_service.transition(self.therapist, case_id, CaseStatus.ACTIVE)

    def close(self, case_id: str, day: date, reason: ClosureReason) -> None:
        self.on(day)
        case_service.transition(self.therapist, case_id, CaseStatus.CLOSING)
        closure = closure_service.ClosureInput(day, reason, "yes")
        case_service.transition(self.therapist, case_id, CaseStatus.CLOSED, closure=closure)

    def decide(self, ctx: ServiceContext, case_id: str, kind: DecisionKind, day: date) -> None:
        self.on(day)
        goal = "Eleven deltar i undervisningen." if kind == DecisionKind.ASSISTANCE else None
        data = referral_service.DecisionInput(kind, day, True, overall_goal=goal)
        referral_service.record_decision(ctx, case_id, data)

    def daily_contact(self, case_id: str, day: date, wanted: bool) -> None:
        self.on(day)
        support_service.record_daily_contact_offer(self.therapist, case_id, day, wanted)

    def participation(
        self, ctx: ServiceContext, case_id: str, *levels: tuple[date, ParticipationLevel]
    ) -> None:
        for day, level in levels:
            self.on(day)
            support_service.record_participation(ctx, case_id, day, level)

    def absence(self, case_id: str, month: tuple[date, date], measured: date, pct: float) -> None:
        self.on(measured)
        data = support_service.AbsenceInput(
            month[0], month[1], measured, "Skola24", AbsenceMeasure.TOTAL, pct
        )
        support_service.record_absence(self.therapist, case_id, data)

    def ors(self, case_id: str, day: date, millimetres: int) -> None:
        self.on(day)
        data = rating_service.RatingSessionInput(
            "outcome", "self", day, dict.fromkeys(LINES, millimetres)
        )
        rating_service.record_rating_session(self.therapist, case_id, data)

    def grades(self, case_id: str, day: date, acceptable: bool) -> None:
        self.on(day)
        support_service.record_grades(self.educator, case_id, day, acceptable_knowledge=acceptable)


def build_status_profile(directory: Path) -> StatusCases:
    clock = FixedClock(datetime(2025, 4, 1, 9, 0, tzinfo=UTC))
    ids = new_profile(directory, clock, _organisation)
    context = open_profile(directory, clock)
    try:
        cases = _cases(Builder(context, clock, ids))
        references = _references(context, cases)
    finally:
        context.close()
    return StatusCases(cases, references, ids["team"])


def _organisation(context: AppContext, clock: FixedClock) -> dict[str, str]:
    with UnitOfWork(context.engine, context.actor, clock) as uow:
        municipality = org.add_municipality(uow, "Stockholms stad", "0180")
        uow.session.flush()
        district = org.add_district(uow, municipality.id, "Rinkeby-Kista", date(2020, 1, 1))
        uow.session.flush()
        school = org.add_school(
            uow, org.SchoolInput("Bredbyskolan", SchoolKind.MUNICIPAL, district.id)
        )
        team = org.add_team(uow, TEAM_NAME, district.id, Programme.SST_PLUS)
        uow.session.flush()
        ids = {"district": district.id, "school": school.id, "team": team.id}
        for key, (name, role, authority) in {
            "therapist": ("Fatima Rådberg", Role.FAMILY_THERAPIST, Authority.SOCIAL_SERVICES),
            "officer": ("Olof Åkesson", Role.CASE_OFFICER, Authority.SOCIAL_SERVICES),
            "educator": ("Petra Ekström", Role.SPECIAL_EDUCATOR, Authority.SCHOOL),
        }.items():
            staff = org.add_staff(uow, name, role, authority, team.id)
            uow.session.flush()
            ids[key] = staff.id
        uow.commit()
    return ids


def _cases(b: Builder) -> dict[str, str]:
    cases = {"E": _case_e(b), "A": _case_a(b), "B": _case_b(b), "C": _case_c(b)}
    cases["D"] = b.application("D", date(2026, 1, 20))
    b.on(date(2026, 2, 10))
    referral_service.decline_with_guidance(b.therapist, cases["D"], "Elevhälsan på skolan")
    b.on(date(2026, 2, 2))
    topic = "Elev i årskurs 5 med hög frånvaro; teamet tar inte emot men ger råd."
    referral_service.log_consultation(
        b.therapist,
        referral_service.ConsultationInput(date(2026, 2, 2), topic, team_id=b.ids["team"]),
    )
    b.on(TODAY)
    return cases


def _case_e(b: Builder) -> str:
    case = b.application("E", date(2025, 4, 20))
    b.consent(case, date(2025, 5, 2))
    b.admit_and_decide(case, date(2025, 5, 10))
    b.start(case, date(2025, 6, 1))
    b.close(case, date(2025, 9, 30), ClosureReason.GOALS_MET)
    b.on(date(2026, 1, 15))
    with b.context.engine.connect() as conn:
        three = conn.execute(
            select(FollowUp.id).where(FollowUp.case_id == case, FollowUp.months_after == 3)
        ).scalar_one()
    closure_service.record_follow_up(
        b.educator,
        three,
        closure_service.FollowUpInput(date(2026, 1, 15), ParticipationLevel.FULL, True),
    )
    return case


def _case_a(b: Builder) -> str:
    case = b.application("A", date(2025, 10, 1))
    b.consent(case, date(2025, 10, 5))
    b.decide(b.officer, case, DecisionKind.ASSISTANCE, date(2025, 10, 20))
    b.admit_and_decide(case, date(2025, 10, 20))
    b.absence(case, (date(2025, 10, 1), date(2025, 10, 31)), date(2025, 11, 1), 60)
    b.start(case, date(2025, 11, 1))
    b.daily_contact(case, date(2025, 11, 3), wanted=True)
    b.participation(
        b.educator,
        case,
        (date(2025, 11, 10), ParticipationLevel.PARTIAL),
        (date(2026, 2, 20), ParticipationLevel.MOST_LESSONS),
    )
    b.ors(case, date(2025, 11, 10), 35)
    b.ors(case, date(2026, 2, 20), 70)
    b.grades(case, date(2026, 2, 25), acceptable=True)
    b.absence(case, (date(2026, 2, 1), date(2026, 2, 28)), date(2026, 3, 1), 20)
    b.close(case, date(2026, 3, 1), ClosureReason.GOALS_MET)
    return case


def _case_b(b: Builder) -> str:
    case = b.application("B", date(2025, 11, 5))
    consent = b.consent(case, date(2025, 11, 10))
    b.admit_and_decide(case, date(2025, 11, 20))
    b.absence(case, (date(2025, 11, 1), date(2025, 11, 30)), date(2025, 12, 1), 50)
    b.start(case, date(2025, 12, 1))
    b.daily_contact(case, date(2025, 12, 2), wanted=False)
    b.participation(
        b.therapist,  # the family therapist's own assessment: readable after the withdrawal
        case,
        (date(2025, 12, 10), ParticipationLevel.PARTIAL),
        (date(2026, 2, 25), ParticipationLevel.PARTIAL),
    )
    b.ors(case, date(2025, 12, 10), 50)
    b.ors(case, date(2026, 2, 25), 55)
    b.on(date(2026, 3, 1))
    consent_service.withdraw_consent(b.therapist, consent, date(2026, 3, 1), "student")
    b.grades(case, date(2026, 3, 10), acceptable=False)  # the school's, after the withdrawal
    b.absence(case, (date(2026, 2, 1), date(2026, 2, 28)), date(2026, 3, 10), 50)
    b.close(case, date(2026, 3, 15), ClosureReason.ENDED_EARLY)
    return case


def _case_c(b: Builder) -> str:
    case = b.application("C", date(2026, 1, 5))
    b.consent(case, date(2026, 1, 6))
    b.decide(b.educator, case, DecisionKind.SPECIAL_SUPPORT, date(2026, 1, 8))
    b.decide(b.officer, case, DecisionKind.ASSISTANCE, date(2026, 1, 8))
    b.admit_and_decide(case, date(2026, 1, 8))
    b.start(case, date(2026, 1, 10))
    b.daily_contact(case, date(2026, 1, 12), wanted=True)
    b.on(date(2026, 2, 1))
    support_service.record_sip(b.therapist, case, date(2026, 2, 1), coordinator="BUP")
    return case


def _references(context: AppContext, cases: dict[str, str]) -> dict[str, str]:
    from sst_desktop.models.case import Case

    with context.engine.connect() as conn:
        rows = conn.execute(select(Case.id, Case.reference).where(Case.id.in_(cases.values())))
        by_id = {row.id: row.reference for row in rows}
    return {key: by_id[case_id] for key, case_id in cases.items()}
