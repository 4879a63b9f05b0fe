"""The Mapping tab on the demo profile: a completed revision read and revised, Signs of Safety lines
added and removed, a part marked missing, "Mark complete" naming what is still open, the 0-10
scaling, plan goals made from what needs to happen, an earlier revision only read, and a case
without a mapping started."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from sst_desktop.app_context import AppContext
from sst_desktop.casework import referral_service, student_service
from sst_desktop.casework.mapping_queries import mapping_view
from sst_desktop.casework.queries import list_cases
from sst_desktop.models.organisation import School
from sst_desktop.ui.screens.case_workspace.mapping_tab import MappingTab
from sst_desktop.ui.tasks import TaskRunner
from sst_rules.enums import MappingItemKind, MappingPart, PlanPerspective, ReferralRoute


def _case(context: AppContext) -> str:
    """A case of the user's team whose mapping is complete and kept by their authority."""
    for item in list_cases(context.services):
        view = mapping_view(context.services, item.case_id)
        if view is not None and view.completed_on is not None and view.ours:
            return item.case_id
    raise AssertionError("the demo profile has no such case")


def _new_case(context: AppContext) -> str:
    """A new SST plus application on the user's team (the demo maps every case it admits)."""
    services = context.services
    with services.unit_of_work() as uow:
        school_id, district_id = uow.session.execute(select(School.id, School.district_id)).first()
    student = student_service.StudentInput(
        first_name="Kim", last_name="Karlsson", school_id=school_id, school_year=6
    )
    application = referral_service.ApplicationInput(
        route=ReferralRoute.OWN_APPLICATION,
        received_on=context.clock.today(),
        student_id="",
        team_id=context.actor.team_id,
        district_id=district_id,
    )
    return referral_service.receive_application_for_new_student(services, student, application)


def _tab(qtbot: QtBot, context: AppContext, case_id: str) -> MappingTab:
    tab = MappingTab(context, TaskRunner(synchronous=True))
    qtbot.addWidget(tab)
    tab.show_case(case_id)
    return tab


def test_a_completed_mapping_is_revised_and_worked_on(
    qtbot: QtBot, demo_context: AppContext
) -> None:
    case_id = _case(demo_context)
    tab = _tab(qtbot, demo_context, case_id)
    assert tab.view is not None and not tab.view.draft
    assert tab.revise_button.isVisibleTo(tab) and not tab.complete_button.isVisibleTo(tab)
    assert all(p.accounted for p in tab.view.parts)
    assert not tab.analysis.save_button.isEnabled()  # complete: read only
    tab.revise_button.click()
    assert tab.view.revision == 2 and tab.view.draft
    assert tab.revision.count() == 2 and tab.complete_button.isEnabled()

    worries = tab.signs.lists[MappingItemKind.WORRY]
    before = worries.list.count()
    worries.new.setText("Vill inte åka buss ensam")
    worries.add_button.click()
    assert worries.list.count() == before + 1
    assert any(i.text == "Vill inte åka buss ensam" for i in tab.view.items)
    worries.list.setCurrentRow(worries.list.count() - 1)
    worries.remove_button.click()
    assert worries.list.count() == before

    row = [p.part for p in tab.view.parts].index(MappingPart.PEDAGOGICAL)
    tab.parts.setCurrentCell(row, 0)
    tab.reason.setText("Specialpedagogen är sjukskriven.")
    tab.mark_button.click()
    assert "Specialpedagogen är sjukskriven." in tab.parts.item(row, 1).text()

    tab.complete_button.click()  # says, in words, what is still open
    assert "Not complete yet" in tab.problem.text()
    assert "Psychological section" in tab.problem.text()
    assert "Pedagogical section" not in tab.problem.text()  # marked missing with a reason
    assert tab.view.draft

    tab.scaling.values["self"].setValue(7)
    tab.scaling.buttons["self"].click()
    assert "7" in tab.scaling.latest["self"].text()
    assert [s.value for s in tab.view.scalings if s.respondent == "self"] == [7]


def test_plan_goals_come_from_what_needs_to_happen(qtbot: QtBot, demo_context: AppContext) -> None:
    case_id = _case(demo_context)
    tab = _tab(qtbot, demo_context, case_id)
    assert tab.signs.goals_button.isEnabled()
    tab.signs.goals_button.click()
    dialog = tab.goals_dialog
    assert dialog.table.rowCount() == len(dialog.items) > 0
    for row in range(1, dialog.table.rowCount()):  # only the first line
        dialog.table.item(row, 0).setCheckState(Qt.CheckState.Unchecked)
    dialog.perspectives[0].setCurrentIndex(dialog.perspectives[0].findData("school"))
    assert dialog.picks()[0].perspective == PlanPerspective.SCHOOL
    with qtbot.waitSignal(tab.plan_changed, timeout=1000):
        dialog.accept()
    assert "Goals added to the plan's draft: 1" in tab.message.text()


def test_an_earlier_revision_is_only_read(qtbot: QtBot, demo_context: AppContext) -> None:
    case_id = _case(demo_context)
    tab = _tab(qtbot, demo_context, case_id)
    tab.revise_button.click()
    first = tab.revision.findData(tab.view.revisions[-1].mapping_id)
    tab.revision.setCurrentIndex(first)
    tab.revision.activated.emit(first)
    assert tab.view.revision == 1 and not tab.view.newest
    assert "earlier revision" in tab.state.text()
    assert not tab.sections.save_button.isEnabled()
    assert not tab.signs.lists[MappingItemKind.WORRY].add_button.isVisibleTo(tab)
    assert not tab.revise_button.isVisibleTo(tab) and not tab.complete_button.isVisibleTo(tab)


def test_a_case_without_a_mapping_starts_one(qtbot: QtBot, demo_context: AppContext) -> None:
    case_id = _new_case(demo_context)
    tab = _tab(qtbot, demo_context, case_id)
    assert tab.view is None and tab.start_button.isVisibleTo(tab)
    assert "No mapping yet" in tab.state.text()
    tab.start_button.click()
    assert tab.view is not None and tab.view.revision == 1 and tab.view.draft
    assert not tab.start_button.isVisibleTo(tab)
    assert sum(not p.accounted for p in tab.view.parts) == len(MappingPart)
