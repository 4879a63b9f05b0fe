"""The team meeting's agenda: the week's work per case, seen through each member's consents;
notes belong to their author's authority."""

from __future__ import annotations

from datetime import timedelta

from sst_desktop.casework import support_service
from sst_desktop.casework.team_meeting import add_team_note, team_agenda
from sst_rules.enums import ContactKind
from tests.unit.casework.test_sst_workflow import run_to_active


def test_the_week_per_case_as_each_authority_may_see_it(world, engine, clock):
    case_id = run_to_active(world, engine)
    when = clock.now() - timedelta(days=2)
    for ctx in (world.worker, world.educator):  # social services and school
        support_service.log_contact(
            ctx, case_id, support_service.ContactInput(ContactKind.PHONE, when)
        )
    old = clock.now() - timedelta(days=20)
    support_service.log_contact(
        world.worker, case_id, support_service.ContactInput(ContactKind.PHONE, old)
    )
    note_id = add_team_note(world.worker, case_id, clock.today(), "Hembesök nästa vecka.")

    social = next(i for i in team_agenda(world.worker, clock.today()) if i.case_id == case_id)
    school = next(i for i in team_agenda(world.educator, clock.today()) if i.case_id == case_id)
    # The consent of run_to_active shares meetings and plans with the school, not contacts.
    assert social.contacts == 1 and social.withheld >= 1  # the school's contact is not shared
    assert school.contacts == 1  # its own; social services' contact is not shared with it
    assert social.plan_status == school.plan_status == "signed"
    assert [n.note_id for n in social.notes] == [note_id]
    assert [n.text for n in school.notes] == ["Hembesök nästa vecka."]  # meetings are shared
    assert social.notes[0].authority == "social_services"


def test_other_teams_and_closed_cases_are_not_on_the_agenda(world, engine, clock):
    case_id = run_to_active(world, engine)
    assert case_id in {i.case_id for i in team_agenda(world.worker, clock.today())}
    assert team_agenda(world.outsider, clock.today()) == []
