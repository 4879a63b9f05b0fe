"""Closure and follow-up: the closure as recorded, and a follow-up recorded when done."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from sst_desktop.app_context import AppContext
from sst_desktop.casework.queries import list_cases
from sst_desktop.ui.screens.case_workspace.closure_tab import ClosureTab
from sst_desktop.ui.tasks import TaskRunner


def test_a_follow_up_is_recorded_once(qtbot: QtBot, demo_context: AppContext) -> None:
    from sst_desktop.casework import case_service
    from sst_desktop.casework.closure_service import ClosureInput
    from sst_rules.enums import CaseStatus, ClosureReason

    services = demo_context.services
    case_id = next(
        i.case_id
        for i in list_cases(services)
        if i.programme == "sst_plus" and i.status == "active"
    )
    case_service.transition(services, case_id, CaseStatus.SIX_MONTH_EVALUATION)
    case_service.transition(
        services,
        case_id,
        CaseStatus.CLOSED,
        closure=ClosureInput(
            closed_on=demo_context.clock.today(), reason=ClosureReason.GOALS_MET, goals_met="yes"
        ),
    )
    tab = ClosureTab(demo_context, TaskRunner(synchronous=True))
    qtbot.addWidget(tab)
    tab.show_case(case_id)
    assert "Closed" in tab.closure.text()
    assert not tab.record_button.isEnabled()
    row = next(r for r, f in enumerate(tab.follow_ups) if f.done_on is None)
    tab.table.selectRow(row)
    assert tab.record_button.isEnabled()
    tab.level.setCurrentIndex(tab.level.findData("most_lessons"))
    tab.knowledge.setCurrentIndex(tab.knowledge.findData(True))
    tab.record_button.click()
    assert tab.problem.text() == ""
    done = tab.follow_ups[row]
    assert done.done_on is not None and done.participation_level == "most_lessons"
    assert done.acceptable_knowledge is True
    tab.table.selectRow(row)
    assert not tab.record_button.isEnabled()  # recorded once
