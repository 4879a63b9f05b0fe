"""Absence and participation: what is wrong is said as it is typed; nothing half-saved."""

from __future__ import annotations

from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from sst_desktop.app_context import AppContext
from sst_desktop.casework.queries import list_cases
from sst_desktop.casework.support_queries import case_absence
from sst_desktop.ui.screens.case_workspace.absence_tab import AbsenceTab
from sst_desktop.ui.tasks import TaskRunner


def test_the_form_says_what_is_wrong_then_saves(qtbot: QtBot, demo_context: AppContext) -> None:
    case_id = list_cases(demo_context.services)[0].case_id
    tab = AbsenceTab(demo_context, TaskRunner(synchronous=True))
    qtbot.addWidget(tab)
    tab.show_case(case_id)
    before = len(case_absence(demo_context.services, case_id)[0])
    assert not tab.absence_button.isEnabled()
    assert "period" in tab.absence_problem.text()  # absence without a period
    tab.start.setDate(QDate(2026, 9, 1))
    tab.end.setDate(QDate(2026, 8, 1))
    assert "ends before it starts" in tab.absence_problem.text()
    tab.end.setDate(QDate(2026, 10, 31))
    tab.measured.setDate(QDate(2026, 11, 2))
    tab.percent.setText("120")
    assert "between 0 and 100" in tab.absence_problem.text()
    assert not tab.absence_button.isEnabled()
    tab.percent.setText("62,5")
    assert tab.absence_problem.text() == "" and tab.absence_button.isEnabled()
    tab.absence_button.click()
    rows = case_absence(demo_context.services, case_id)[0]
    assert len(rows) == before + 1
    assert any(r.percent == 62.5 and r.period_end.isoformat() == "2026-10-31" for r in rows)
    assert tab.percent.text() == "" and not tab.absence_button.isEnabled()

    levels_before = len(case_absence(demo_context.services, case_id)[1])
    tab.level.setCurrentIndex(tab.level.findData("partial"))
    tab.participation_button.click()
    assert len(case_absence(demo_context.services, case_id)[1]) == levels_before + 1
