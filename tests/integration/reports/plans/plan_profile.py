"""A real encrypted profile with one SST plus case and a signed genomförandeplan, written
through the services (organisation, student and guardians, application, plan, signatures).

The names carry å, ä and ö on purpose; the student's name parts are distinct enough that a
test can look for any of them in a PDF."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import select

from sst_desktop.app_context import (
    AppContext,
    OwnerInput,
    create_context,
    open_context,
    set_owner,
)
from sst_desktop.casework import organisation_service as org
from sst_desktop.casework import plan_service, referral_service, student_service
from sst_desktop.casework.context import ServiceContext
from sst_desktop.clock import FixedClock
from sst_desktop.config.organisation import OrganisationConfig
from sst_desktop.models.case import Case
from sst_desktop.models.plan import PlanRevision
from sst_desktop.security.kdf import KdfPolicy
from sst_desktop.store.unit_of_work import Actor, UnitOfWork
from sst_rules.enums import (
    Authority,
    PlanKind,
    PlanPerspective,
    Programme,
    ReferralRoute,
    Role,
    SchoolKind,
    SignerRole,
)
from tests.integration.cli.sst_cli_testkit import PASSPHRASE

SIGNED_ON = date(2026, 3, 12)
REVIEW_ON = date(2026, 6, 12)
STUDENT_FIRST, STUDENT_LAST = "Märta-Linnéa", "Öhrvall"
GUARDIANS = ("Göran Öhrvall", "Åsa Öhrvall")
MUNICIPALITY, TEAM = "Östersunds kommun", "SST plus Storsjön"
AIMS = "Eleven deltar i undervisningen, når godtagbara kunskaper och mår bättre."
GOALS = (
    (PlanPerspective.INDIVIDUAL, "Sova före klockan tio på vardagar", "Fem kvällar av sju"),
    (PlanPerspective.SCHOOL, "Delta i matematiklektionerna", "Två lektioner i veckan"),
    (PlanPerspective.SOCIAL, "Hitta en fritidsaktivitet på lördagar", "Provat två aktiviteter"),
)
SUB_GOAL = "Första lektionen på måndagar"
FREE_TEXT = "Promenad till skolan med familjebehandlaren på tisdagar"
STAFF_SIGNERS = {SignerRole.SCHOOL: "Björn Ängström", SignerRole.SOCIAL_SERVICES: "Åke Nyström"}
POLICY = KdfPolicy.insecure_for_tests()
DEVICE_CLOCK = datetime(2026, 3, 12, 9, 30, tzinfo=UTC)


@dataclass(frozen=True)
class PlanCase:
    case_id: str
    reference: str
    plan_id: str
    revision_id: str
    student_id: str
    therapist_id: str
    educator_id: str
    team_id: str


def open_profile(directory: Path, clock: FixedClock | None = None) -> AppContext:
    return open_context(
        directory,
        PASSPHRASE,
        clock=clock or FixedClock(DEVICE_CLOCK),
        policy=POLICY,
        organisation=OrganisationConfig(),
    )


def build_profile(directory: Path, *, protected: bool = False) -> PlanCase:
    """The profile in ``directory`` (closed again on return), owned by the family therapist."""
    clock = FixedClock(DEVICE_CLOCK)
    ids = new_profile(directory, clock, _organisation)
    context = open_profile(directory, clock)
    try:
        return _case_with_plan(context, ids, protected)
    finally:
        context.close()


def new_profile(
    directory: Path,
    clock: FixedClock,
    organise: Callable[[AppContext, FixedClock], dict[str, str]],
) -> dict[str, str]:
    """A new profile (closed again on return) owned by the organisation's family therapist:
    ``organise`` adds the organisation and returns its ids, "therapist" among them."""
    admin = OwnerInput("Admin", Role.UNIT_MANAGER, Authority.SOCIAL_SERVICES, team_name="Start")
    context, _code = create_context(
        directory, PASSPHRASE, admin, clock=clock, policy=POLICY, organisation=OrganisationConfig()
    )
    try:
        ids = organise(context, clock)
        set_owner(context.engine, ids["therapist"])
    finally:
        context.close()
    return ids


def _organisation(context: AppContext, clock: FixedClock) -> dict[str, str]:
    with UnitOfWork(context.engine, context.actor, clock) as uow:
        municipality = org.add_municipality(uow, MUNICIPALITY, "2380")
        uow.session.flush()
        district = org.add_district(uow, municipality.id, "Frösön", date(2020, 1, 1))
        uow.session.flush()
        school = org.add_school(
            uow, org.SchoolInput("Ängsskolan", SchoolKind.MUNICIPAL, district.id)
        )
        team = org.add_team(uow, TEAM, district.id, Programme.SST_PLUS)
        uow.session.flush()
        people = {
            "therapist": ("Åsa Ödman", Role.FAMILY_THERAPIST, Authority.SOCIAL_SERVICES),
            "officer": ("Kim Lärka", Role.CASE_OFFICER, Authority.SOCIAL_SERVICES),
            "educator": ("Björn Ängström", Role.SPECIAL_EDUCATOR, Authority.SCHOOL),
        }
        ids = {"district": district.id, "school": school.id, "team": team.id}
        for key, (name, role, authority) in people.items():
            staff = org.add_staff(uow, name, role, authority, team.id)
            uow.session.flush()
            ids[key] = staff.id
        uow.commit()
    return ids


def as_staff(
    context: AppContext, staff_id: str, role: Role, authority: Authority
) -> ServiceContext:
    actor = Actor(staff_id, authority, context.actor.team_id, role, context.actor.device_id)
    return context.with_actor(actor)


def _case_with_plan(context: AppContext, ids: dict[str, str], protected: bool) -> PlanCase:
    therapist = context.services
    officer = as_staff(context, ids["officer"], Role.CASE_OFFICER, Authority.SOCIAL_SERVICES)
    student = student_service.register_student(
        officer,
        student_service.StudentInput(
            first_name=STUDENT_FIRST,
            last_name=STUDENT_LAST,
            school_id=ids["school"],
            school_year=7,
            protected_identity=protected,
        ),
    )
    for name in GUARDIANS:
        student_service.add_guardian(officer, student, student_service.GuardianInput(name=name))
    case_id = referral_service.receive_application(
        officer,
        referral_service.ApplicationInput(
            route=ReferralRoute.SCHOOL_APPLICATION,
            received_on=date(2026, 2, 2),
            student_id=student,
            team_id=ids["team"],
            district_id=ids["district"],
            absence_percent=55,
        ),
    )
    revision = draft_plan(therapist, case_id)
    sign_everyone(therapist, revision)
    return PlanCase(
        case_id,
        _reference(context, case_id),
        _plan_id(context, revision),
        revision,
        student,
        ids["therapist"],
        ids["educator"],
        ids["team"],
    )


def draft_plan(ctx: ServiceContext, case_id: str) -> str:
    org.seed_toolbox(ctx, [("weekly_planning", "Veckoplanering", "Weekly planning")])
    revision = plan_service.create_plan(ctx, case_id, PlanKind.IMPLEMENTATION_PLAN)
    plan_service.set_overall_aims(ctx, revision, AIMS, REVIEW_ON)
    first_goal = None
    for perspective, text, criterion in GOALS:
        goal = plan_service.add_goal(
            ctx,
            revision,
            plan_service.GoalInput(perspective, text, criterion, date(2026, 5, 29)),
        )
        first_goal = first_goal or goal
        plan_service.add_intervention(
            ctx,
            revision,
            plan_service.InterventionInput(
                responsible="Familjebehandlare",
                toolbox_code="weekly_planning",
                goal_id=goal,
                recipient="Eleven och vårdnadshavare",
                setting="home",
                active_from=SIGNED_ON,
                active_to=date(2026, 6, 12),
            ),
        )
    sub_goal = plan_service.add_goal(
        ctx,
        revision,
        plan_service.GoalInput(PlanPerspective.INDIVIDUAL, SUB_GOAL, parent_id=first_goal),
    )
    plan_service.add_intervention(
        ctx,
        revision,
        plan_service.InterventionInput(
            responsible="Familjebehandlare", free_text=FREE_TEXT, goal_id=sub_goal
        ),
    )
    return revision


def sign_everyone(ctx: ServiceContext, revision: str) -> None:
    plan_service.submit_for_signatures(ctx, revision)
    signers = [
        (SignerRole.STUDENT, f"{STUDENT_FIRST} {STUDENT_LAST}"),
        *((SignerRole.GUARDIAN, name) for name in GUARDIANS),
        *STAFF_SIGNERS.items(),
    ]
    for role, name in signers:
        plan_service.add_signature(ctx, revision, role, name, SIGNED_ON)
    plan_service.complete_signing(ctx, revision)


def _reference(context: AppContext, case_id: str) -> str:
    with context.engine.connect() as conn:
        return str(conn.execute(select(Case.reference).where(Case.id == case_id)).scalar_one())


def _plan_id(context: AppContext, revision_id: str) -> str:
    query = select(PlanRevision.plan_id).where(PlanRevision.id == revision_id)
    with context.engine.connect() as conn:
        return str(conn.execute(query).scalar_one())
