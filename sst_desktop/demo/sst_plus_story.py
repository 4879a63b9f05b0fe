"""An SST plus case: application with consent, assessment, the admission group, decisions by
both authorities, start, mapping from three perspectives with ratings, a signed
genomförandeplan, support with daily contact, the 3-month meeting, the six-month evaluation,
closure and the 3- and 6-month follow-ups; or one of the exits."""

from __future__ import annotations

from datetime import date, timedelta

from sst_desktop.casework import (
    case_service,
    closure_service,
    mapping_revisions,
    mapping_scaling,
    mapping_service,
    rating_service,
    referral_service,
    support_service,
)
from sst_desktop.casework.context import ServiceContext
from sst_desktop.demo.family import create_family
from sst_desktop.demo.organisation import DemoTeam
from sst_desktop.demo.story import (
    Story,
    closure,
    give_consent,
    meeting,
    signed_plan,
    support_period,
)
from sst_rules.enums import (
    AdmissionOutcome,
    Authority,
    CaseStatus,
    ClosureReason,
    ConsentPurpose,
    DecisionKind,
    LegalBasis,
    MappingItemKind,
    MappingPart,
    MappingPerspective,
    MeetingKind,
    ParticipationLevel,
    PlanKind,
    RatingEntry,
    ReferralRoute,
    Role,
    SignerRole,
)

PATH = (
    CaseStatus.APPLIED,
    CaseStatus.ASSESSED,
    CaseStatus.ADMITTED,
    CaseStatus.DECIDED,
    CaseStatus.STARTED,
    CaseStatus.MAPPING,
    CaseStatus.ACTIVE,
    CaseStatus.SIX_MONTH_EVALUATION,
    CaseStatus.CLOSED,
    CaseStatus.FOLLOWED_UP,
)
SIGNERS = (SignerRole.STUDENT, SignerRole.GUARDIAN, SignerRole.SOCIAL_SERVICES, SignerRole.SCHOOL)
PERSPECTIVE_ROLE = {
    MappingPerspective.PEDAGOGICAL: Role.SPECIAL_EDUCATOR,
    MappingPerspective.PSYCHOLOGICAL: Role.SCHOOL_PSYCHOLOGIST,
    MappingPerspective.SOCIAL_THERAPEUTIC: Role.FAMILY_THERAPIST,
}
# The Signs of Safety columns of a demo mapping: (kind, text, who writes it). Fixed, never drawn
# from the story's random numbers: those would shift every case generated after it.
SIGNS_OF_SAFETY = (
    (
        MappingItemKind.WORRY,
        "Eleven har inte varit i skolan på tre veckor och sover oroligt.",
        Role.FAMILY_THERAPIST,
    ),
    (
        MappingItemKind.DANGER_STATEMENT,
        "Vi är oroliga att eleven isolerar sig hemma och tappar kamrater och skolarbete om "
        "ingenting förändras.",
        Role.FAMILY_THERAPIST,
    ),
    (
        MappingItemKind.WORKING_WELL,
        "Eleven kommer till korta möten med specialpedagogen.",
        Role.SPECIAL_EDUCATOR,
    ),
    (
        MappingItemKind.STRENGTH,
        "Nyfiken, tecknar gärna och har en nära relation till sin mormor.",
        Role.FAMILY_THERAPIST,
    ),
    (
        MappingItemKind.NEEDS_TO_HAPPEN,
        "En tydlig plan för dagens första lektion.",
        Role.SPECIAL_EDUCATOR,
    ),
    (
        MappingItemKind.NEEDS_TO_HAPPEN,
        "Fasta sovtider hemma under skolveckan.",
        Role.FAMILY_THERAPIST,
    ),
    (
        MappingItemKind.SAFETY_GOAL,
        "Eleven är i skolan minst tre förmiddagar i veckan.",
        Role.FAMILY_THERAPIST,
    ),
)
SCALING = (("self", 3), ("parent", 4), ("team", 5))
ROUTES = (
    ReferralRoute.SCHOOL_APPLICATION,
    ReferralRoute.SOCIAL_SERVICES_APPLICATION,
    ReferralRoute.OWN_APPLICATION,
    ReferralRoute.CONCERN_REPORT,
    ReferralRoute.ALREADY_KNOWN,
)


def sst_plus_case(
    story: Story, team: DemoTeam, school: tuple[str, str], target: str, opened: date, serial: int
) -> str:
    officer, therapist = team.first(Role.CASE_OFFICER), team.first(Role.FAMILY_THERAPIST)
    ctx = story.as_(officer)
    story.at(opened)
    family = create_family(
        ctx,
        story.fake,
        story.rng,
        school_id=school[0],
        school_year=story.rng.randrange(0, 10),
        serial=serial,
    )
    case_id = referral_service.receive_application(
        ctx,
        referral_service.ApplicationInput(
            route=story.rng.choice(ROUTES),
            received_on=opened,
            student_id=family.student_id,
            team_id=team.team_id,
            district_id=school[1],
            applicant="Elevhälsan",
            reason="Hög frånvaro sedan höstterminen.",
            absence_percent=story.rng.randrange(35, 100),
            other_indicators="Social isolering" if story.rng.random() < 0.3 else None,
        ),
    )
    give_consent(
        ctx,
        story,
        case_id,
        family,
        (
            ConsentPurpose.REFERRAL_TO_SST_PLUS,
            ConsentPurpose.SHARING_BETWEEN_AUTHORITIES,
            ConsentPurpose.HOME_FIRST_MEETING,
            ConsentPurpose.FOLLOW_UP_AFTER_CLOSURE,
        ),
        Authority.SCHOOL,
    )
    case_service.assign_staff(
        ctx, case_id, therapist.staff_id, "responsible_family_therapist", opened
    )
    # Exits leave from a random open state (declining only before the decision).
    stop = PATH.index(CaseStatus(target)) if target in PATH else story.rng.randrange(3, 8)
    if target == "declined":
        stop = PATH.index(CaseStatus.ASSESSED)
    day = opened + timedelta(days=story.rng.randrange(5, 15))
    for status in PATH[1 : stop + 1]:
        if story.future(day):
            break
        story.at(day)
        day = _step(story, team, case_id, status, day)
    _exit(story, story.as_(officer), case_id, target, day)
    return case_id


def _step(story: Story, team: DemoTeam, case_id: str, status: CaseStatus, day: date) -> date:
    officer, therapist = team.first(Role.CASE_OFFICER), team.first(Role.FAMILY_THERAPIST)
    social, rng = story.as_(officer), story.rng
    if status == CaseStatus.ASSESSED:
        referral_service.record_assessment(
            social, case_id, "needs_assessment", day, "Behov av stöd till elev och vårdnadshavare."
        )
        return day + timedelta(days=rng.randrange(7, 21))
    if status == CaseStatus.ADMITTED:
        referral_service.record_admission(
            social,
            case_id,
            referral_service.AdmissionInput(
                met_on=day,
                outcome=AdmissionOutcome.GRANTED,
                suggested_rank=1,
                final_rank=1,
                members=("samordnare", "enhetschef skola", "enhetschef socialtjänst", "mottagning"),
            ),
        )
        return day + timedelta(days=rng.randrange(3, 10))
    if status == CaseStatus.DECIDED:
        referral_service.record_decision(
            social,
            case_id,
            referral_service.DecisionInput(
                kind=DecisionKind.ASSISTANCE,
                decided_on=day,
                granted=True,
                legal_basis=LegalBasis.ASSISTANCE,
                valid_from=day,
                valid_to=day + timedelta(days=183),
                overall_goal="Ökad skolnärvaro och bättre mående.",
                recipient_unit="Familjebehandlargruppen",
            ),
        )
        school = story.as_(team.first(Role.SPECIAL_EDUCATOR))
        referral_service.record_decision(
            school,
            case_id,
            referral_service.DecisionInput(
                kind=rng.choice(
                    (DecisionKind.SPECIAL_SUPPORT, DecisionKind.ADDITIONAL_ADAPTATIONS)
                ),
                decided_on=day,
                granted=True,
            ),
        )
        case_service.transition(social, case_id, CaseStatus.DECIDED)
        return day + timedelta(days=rng.randrange(5, 15))
    if status == CaseStatus.STARTED:
        ctx = story.as_(therapist)
        meeting(ctx, story, case_id, MeetingKind.START, day)
        support_service.record_daily_contact_offer(
            ctx, case_id, day, wanted=rng.random() < 0.6, channel="sms"
        )
        case_service.transition(ctx, case_id, CaseStatus.STARTED)
        meeting(ctx, story, case_id, MeetingKind.REVIEW, day + timedelta(days=91), hold=True)
        story.at(day)
        return day + timedelta(days=7)
    if status == CaseStatus.MAPPING:
        _mapping(story, team, case_id, day)
        return day + timedelta(days=rng.randrange(28, 50))
    if status == CaseStatus.ACTIVE:
        ctx = story.as_(therapist)
        _complete_mapping(ctx, case_id)
        signed_plan(ctx, story, case_id, PlanKind.IMPLEMENTATION_PLAN, SIGNERS)
        case_service.transition(ctx, case_id, CaseStatus.ACTIVE)
        end = day + timedelta(days=rng.randrange(100, 140))
        support_period(ctx, story, case_id, day, end, per_week=2.5)
        return end
    if status == CaseStatus.SIX_MONTH_EVALUATION:
        case_service.transition(story.as_(therapist), case_id, CaseStatus.SIX_MONTH_EVALUATION)
        return day + timedelta(days=rng.randrange(7, 20))
    if status == CaseStatus.CLOSED:
        ctx = story.as_(therapist)
        meeting(ctx, story, case_id, MeetingKind.CLOSING, day)
        story.at(day)
        case_service.transition(
            ctx,
            case_id,
            CaseStatus.CLOSED,
            closure=closure(ctx, story, ClosureReason.GOALS_MET, rng.choice(("yes", "partly"))),
        )
        return day + timedelta(days=200)
    if status == CaseStatus.FOLLOWED_UP:
        _follow_ups(story, team, case_id)
        return day
    raise AssertionError(status)


def _mapping(story: Story, team: DemoTeam, case_id: str, day: date) -> None:
    therapist = story.as_(team.first(Role.FAMILY_THERAPIST))
    mapping_id = mapping_service.start_mapping(therapist, case_id, day)
    case_service.transition(therapist, case_id, CaseStatus.MAPPING)
    for perspective, role in PERSPECTIVE_ROLE.items():
        mapping_service.write_section(
            story.as_(team.first(role)),
            mapping_id,
            mapping_service.SectionInput(
                perspective=perspective,
                student_view="Skolan känns för stor och stökig.",
                guardian_view="Oro för mående och sömn.",
                absence_function="Undvikande av krävande situationer.",
                observations="Se anteckning.",
            ),
        )
    mapping_service.add_trial(
        therapist,
        mapping_id,
        "Anpassad skoldag med kortare pass",
        day + timedelta(days=7),
        day + timedelta(days=21),
        "Eleven kom tre av fem dagar.",
    )
    for session in range(1, story.rng.randrange(3, 7)):
        story.at(day + timedelta(days=7 * session))
        rating_service.record_rating_session(
            therapist,
            case_id,
            rating_service.RatingSessionInput(
                family="outcome",
                respondent="self",
                rated_on=story.clock.today(),
                answers={
                    item: story.rng.randrange(20, 90)
                    for item in ("individual", "interpersonal", "social", "overall")
                },
                entry=RatingEntry.PAPER,  # filled in at the mapping talks, entered afterwards
            ),
        )
    _signs_of_safety(story, team, case_id, mapping_id)
    mapping_service.write_analysis(
        therapist,
        mapping_id,
        "Frånvaron fyller en undvikande funktion; eleven svarar på struktur och daglig kontakt.",
    )


def _signs_of_safety(story: Story, team: DemoTeam, case_id: str, mapping_id: str) -> None:
    therapist = story.as_(team.first(Role.FAMILY_THERAPIST))
    for kind, text, role in SIGNS_OF_SAFETY:
        mapping_service.add_item(story.as_(team.first(role)), mapping_id, kind, text)
    mapping_service.set_absence_function(
        therapist,
        mapping_id,
        ["avoid_distress", "escape_social_evaluative"],
        "Oron inför skoldagen lättar när eleven stannar hemma.",
    )
    parent = _first_guardian(therapist, case_id)
    for respondent, value in SCALING:
        if respondent == "parent" and parent is None:
            mapping_service.mark_missing(
                therapist, mapping_id, MappingPart.SCALING_GUARDIAN, "Ingen vårdnadshavare nåddes."
            )
            continue
        mapping_scaling.record_scaling(
            therapist,
            mapping_id,
            mapping_scaling.ScalingInput(
                respondent=respondent,
                value=value,
                rated_on=story.clock.today(),
                guardian_id=parent if respondent == "parent" else None,
            ),
        )


def _first_guardian(ctx: ServiceContext, case_id: str) -> str | None:
    from sqlalchemy import select

    from sst_desktop.models.case import Case
    from sst_desktop.models.people import Guardian

    with ctx.unit_of_work() as uow:
        student = uow.session.scalar(select(Case.student_id).where(Case.id == case_id))
        found: str | None = uow.session.scalar(
            select(Guardian.id)
            .where(Guardian.student_id == student)
            .order_by(Guardian.created_at, Guardian.id)
        )
        return found


def _complete_mapping(ctx: ServiceContext, case_id: str) -> None:
    """The mapping ends before the plan is written (its analysis grounds the plan)."""
    with ctx.unit_of_work() as uow:
        current = mapping_revisions.newest_revision(uow, case_id)
        mapping_id = current.id if current and current.completed_on is None else None
    if mapping_id is not None:
        mapping_revisions.complete_mapping(ctx, mapping_id)


def _follow_ups(story: Story, team: DemoTeam, case_id: str) -> None:
    from sqlalchemy import select

    from sst_desktop.models.closure import FollowUp

    educator = story.as_(team.first(Role.SPECIAL_EDUCATOR))
    with educator.unit_of_work() as uow:
        due = [
            (f.id, f.due_on)
            for f in uow.session.scalars(select(FollowUp).where(FollowUp.case_id == case_id))
        ]
    for follow_up_id, due_on in due:
        if story.future(due_on):
            continue
        story.at(due_on)
        closure_service.record_follow_up(
            educator,
            follow_up_id,
            closure_service.FollowUpInput(
                done_on=due_on,
                participation_level=story.rng.choice(list(ParticipationLevel)[1:]),
                acceptable_knowledge=story.rng.random() < 0.6,
            ),
        )
    case_service.transition(educator, case_id, CaseStatus.FOLLOWED_UP)


def _exit(story: Story, ctx, case_id: str, target: str, day: date) -> None:  # type: ignore[no-untyped-def]
    story.at(min(day, story.today))
    if target == "declined":
        referral_service.decline_with_guidance(
            ctx, case_id, "Hänvisad till ordinarie SST och föräldrarådgivning."
        )
    elif target == "withdrawn":
        case_service.transition(ctx, case_id, CaseStatus.WITHDRAWN, reason="Familjen avböjde.")
    elif target == "handed_over":
        case_service.transition(ctx, case_id, CaseStatus.HANDED_OVER, reason="Insats via BUP.")
    elif target == "stepped_down":
        from sst_rules.enums import Programme

        case_service.step_programme(ctx, case_id, Programme.SST, "Mindre intensivt stöd räcker.")
