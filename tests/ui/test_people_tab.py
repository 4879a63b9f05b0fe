"""Family and participants: a guardian and a participant added from the case workspace, with the
identity number and e-mail checked as they are typed."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from sst_desktop.app_context import AppContext
from sst_desktop.casework.queries import case_detail, list_cases
from sst_desktop.ui.screens.case_workspace.people_tab import PeopleTab
from sst_desktop.ui.tasks import TaskRunner


def _tab_on_a_case(qtbot: QtBot, context: AppContext) -> PeopleTab:
    case_id = next(i.case_id for i in list_cases(context.services) if i.student_name)
    detail = case_detail(context.services, case_id)
    tab = PeopleTab(context, TaskRunner(synchronous=True))
    qtbot.addWidget(tab)
    tab.show_case(case_id, detail.student_id)
    return tab


def test_a_guardian_is_added_and_listed(qtbot: QtBot, demo_context: AppContext) -> None:
    tab = _tab_on_a_case(qtbot, demo_context)
    before = len(tab.people.guardians)
    tab.g_name.setText("Leyla Karimi")
    tab.g_relation.setEditText("Mamma")
    tab.g_phone.setText("070-111 22 33")
    tab.g_language.setText("persiska")
    tab.g_interpreter.setChecked(True)
    tab.add_guardian_button.click()
    assert tab.problem.text() == ""
    added = next(g for g in tab.people.guardians if g.name == "Leyla Karimi")
    assert len(tab.people.guardians) == before + 1
    assert (added.relation, added.phone, added.needs_interpreter) == (
        "Mamma",
        "070-111 22 33",
        True,
    )
    assert tab.g_name.text() == "" and not tab.add_guardian_button.isEnabled()
    shown = [tab.guardians.item(r, 0).text() for r in range(tab.guardians.rowCount())]
    assert "Leyla Karimi" in shown


def test_a_wrong_identity_number_or_e_mail_is_refused_as_you_type(
    qtbot: QtBot, demo_context: AppContext
) -> None:
    tab = _tab_on_a_case(qtbot, demo_context)
    tab.g_name.setText("Leyla Karimi")
    assert tab.add_guardian_button.isEnabled()
    tab.g_personal_id.setText("19800101-0002")  # checksum wrong
    assert tab.g_problem.text() and not tab.add_guardian_button.isEnabled()
    tab.g_personal_id.setText("19800101-0001")
    assert tab.g_problem.text() == "" and tab.add_guardian_button.isEnabled()
    tab.g_email.setText("leyla@")
    assert tab.g_problem.text() and not tab.add_guardian_button.isEnabled()
    tab.p_name.setText("Karin")
    tab.p_role.setEditText("Mentor")
    tab.p_email.setText("karin.skolan.se")
    assert tab.p_problem.text() and not tab.add_participant_button.isEnabled()


def test_a_participant_is_added_with_a_role(qtbot: QtBot, demo_context: AppContext) -> None:
    tab = _tab_on_a_case(qtbot, demo_context)
    assert not tab.add_participant_button.isEnabled()  # name and role needed
    tab.p_name.setText("Karin Berg")
    tab.p_role.setCurrentIndex(0)
    tab.p_organisation.setText("Ekskolan")
    tab.add_participant_button.click()
    added = next(p for p in tab.people.participants if p.name == "Karin Berg")
    assert (added.role, added.organisation) == ("Mentor", "Ekskolan")
