"""The Family and participants read: guardians and how to reach them for everyone on the case,
contact details withheld under protected identity from all but the responsible social-services
staff, participants as consent allows the other authority."""

from __future__ import annotations

from datetime import date

from sst_desktop.casework import case_service, people_queries, student_service
from sst_desktop.casework.context import get_or_fail
from sst_desktop.models.case import Case
from tests.unit.casework.test_sst_plus_workflow import run_to_active

PARENT = student_service.GuardianInput(
    name="Maria Andersson",
    relation="Mother",
    personal_id="19800101-0001",
    phone="070-123 45 67",
    email="maria@example.se",
    address="Storgatan 1",
    language="arabiska",
    needs_interpreter=True,
)


def _student_of(world, case_id: str) -> str:
    with world.officer.unit_of_work() as uow:
        return str(get_or_fail(uow, Case, case_id).student_id)


def test_both_authorities_see_the_guardians_and_how_to_reach_them(world):
    case_id = run_to_active(world)
    student_service.add_guardian(world.officer, _student_of(world, case_id), PARENT)
    for ctx in (world.officer, world.educator):
        (guardian,) = people_queries.case_people(ctx, case_id).guardians
        assert (guardian.name, guardian.phone, guardian.language) == (
            "Maria Andersson",
            "070-123 45 67",
            "arabiska",
        )
        assert guardian.needs_interpreter and not guardian.details_withheld
        assert guardian.personal_id == "198001010001"


def test_protected_identity_hides_contact_details_from_all_but_the_responsible(world):
    case_id = run_to_active(world)
    student_id = _student_of(world, case_id)
    student_service.add_guardian(world.officer, student_id, PARENT)
    student_service.set_protected_identity(world.officer, student_id, True)
    officer = world.officer.actor.staff_id
    case_service.assign_staff(world.officer, case_id, officer, "case_officer", date(2026, 3, 2))
    (hidden,) = people_queries.case_people(world.educator, case_id).guardians
    assert hidden.name == "Maria Andersson" and hidden.details_withheld
    assert (hidden.phone, hidden.email, hidden.address, hidden.personal_id) == (None,) * 4
    (shown,) = people_queries.case_people(world.officer, case_id).guardians
    assert shown.address == "Storgatan 1" and not shown.details_withheld


def test_participants_follow_the_consent_and_other_teams_see_nothing(world):
    case_id = run_to_active(world)  # the consent shares meetings with the school
    student_service.add_participant(
        world.therapist, case_id, "Karin Lärare", "Mentor", "Ekskolan", phone="08-123"
    )
    (seen,) = people_queries.case_people(world.educator, case_id).participants
    assert (seen.name, seen.role, seen.organisation, seen.phone) == (
        "Karin Lärare",
        "Mentor",
        "Ekskolan",
        "08-123",
    )
    outside = people_queries.case_people(world.outsider, case_id)
    assert outside.guardians == () and outside.participants == ()
