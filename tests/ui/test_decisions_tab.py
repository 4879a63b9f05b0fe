"""Referral and decisions: only the workflow's next steps are offered; closing asks for the
closure; concern, hand-over and a change of programme are one form each."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from sst_desktop.app_context import AppContext
from sst_desktop.casework.case_service import case_steps
from sst_desktop.casework.dto import WorkspaceTab
from sst_desktop.casework.queries import case_detail, list_cases
from sst_desktop.ui.screens.case_workspace.case_workspace import TABS, CaseWorkspace
from sst_desktop.ui.screens.case_workspace.decisions_tab import DecisionsTab
from sst_desktop.ui.tasks import TaskRunner


def _tab(qtbot: QtBot, context: AppContext, status: str) -> tuple[DecisionsTab, str]:
    case_id = next(i.case_id for i in list_cases(context.services) if i.status == status)
    tab = DecisionsTab(context, TaskRunner(synchronous=True))
    qtbot.addWidget(tab)
    tab.show_case(case_id)
    return tab, case_id


def test_only_allowed_steps_and_a_step_taken(qtbot: QtBot, demo_context: AppContext) -> None:
    tab, case_id = _tab(qtbot, demo_context, "active")
    offered = [tab.next_step.itemData(i) for i in range(tab.next_step.count())]
    assert offered == list(case_steps(demo_context.services, case_id).allowed)
    assert "requested" not in offered and offered
    assert not tab.closure_reason.isEnabled()
    tab.next_step.setCurrentIndex(tab.next_step.findData("withdrawn"))  # the family ends it
    tab.move_button.click()
    assert tab.problem.text() == ""
    assert case_detail(demo_context.services, case_id).item.status == "withdrawn"
    assert tab.next_step.count() == 0 and not tab.move_button.isEnabled()  # an exit is final


def test_concern_hand_over_and_programme_change(qtbot: QtBot, demo_context: AppContext) -> None:
    tab, case_id = _tab(qtbot, demo_context, "active")
    tab.concern_button.click()
    assert "required" in tab.problem.text()
    tab.concern_to.setText("Socialtjänstens mottagning")
    tab.concern_summary.setText("Oro för hemsituationen")
    tab.concern_button.click()
    assert tab.problem.text() == ""
    labels = [e.label for e in case_detail(demo_context.services, case_id).timeline]
    assert "concern_reports" in labels

    steps = case_steps(demo_context.services, case_id)
    assert tab.hand_button.isEnabled()
    newcomer = next(s for s in steps.colleagues if s not in steps.assigned)
    tab.hand_to.setCurrentIndex(tab.hand_to.findData(newcomer[0]))
    tab.hand_note.setText("Familjen vill ha morgonmöten")
    tab.hand_button.click()
    assert tab.problem.text() == ""
    assert newcomer in case_steps(demo_context.services, case_id).assigned

    before = case_steps(demo_context.services, case_id).programme
    tab.step_reason.setText("Behoven har minskat")
    tab.step_button.click()
    after = case_steps(demo_context.services, case_id).programme
    assert tab.problem.text() == "" and after != before


def test_a_concern_is_one_shortcut_away_from_any_tab(
    qtbot: QtBot, demo_context: AppContext
) -> None:
    workspace = CaseWorkspace(demo_context, TaskRunner(synchronous=True))
    qtbot.addWidget(workspace)
    workspace.show()
    workspace.activateWindow()
    qtbot.waitUntil(workspace.isActiveWindow, timeout=2_000)
    workspace.open_case(list_cases(demo_context.services)[0].case_id, WorkspaceTab.CONTACTS)
    assert TABS[workspace.tabs.currentIndex()][0] == WorkspaceTab.CONTACTS
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(workspace, Qt.Key.Key_O, ctrl_shift)
    assert TABS[workspace.tabs.currentIndex()][0] == WorkspaceTab.DECISIONS
    qtbot.waitUntil(lambda: workspace.decisions.concern_to.hasFocus(), timeout=2_000)
