"""Meetings: booked with the programme's agenda, held with notes, rebooked, cancelled with a
reason; none disappears."""

from __future__ import annotations

from PySide6.QtCore import QDateTime
from pytestqt.qtbot import QtBot

from sst_desktop.app_context import AppContext
from sst_desktop.casework.queries import list_cases
from sst_desktop.casework.support_queries import case_meetings
from sst_desktop.ui.screens.case_workspace.meetings_tab import MeetingsTab
from sst_desktop.ui.tasks import TaskRunner


def _tab(qtbot: QtBot, context: AppContext) -> tuple[MeetingsTab, str]:
    item = next(i for i in list_cases(context.services) if i.status == "active")
    tab = MeetingsTab(context, TaskRunner(synchronous=True))
    qtbot.addWidget(tab)
    tab.show_case(item.case_id, item.programme)
    return tab, item.case_id


def _select(tab: MeetingsTab, meeting_id: str) -> None:
    tab.table.selectRow(next(r for r, m in enumerate(tab.rows) if m.meeting_id == meeting_id))


def test_book_hold_rebook_cancel(qtbot: QtBot, demo_context: AppContext) -> None:
    tab, case_id = _tab(qtbot, demo_context)
    tab.kind.setCurrentIndex(tab.kind.findData("review"))
    assert tab.agenda.toPlainText()  # the programme's template for a review
    assert tab.participants.text()
    before = {m.meeting_id for m in case_meetings(demo_context.services, case_id)}
    tab.book_button.click()
    booked = next(
        m for m in case_meetings(demo_context.services, case_id) if m.meeting_id not in before
    )
    assert booked.status == "booked" and booked.agenda and "1." in booked.agenda
    _select(tab, booked.meeting_id)
    tab.when.setDateTime(QDateTime.currentDateTime().addDays(5))
    tab.rebook_button.click()
    rows = {m.meeting_id: m for m in case_meetings(demo_context.services, case_id)}
    assert rows[booked.meeting_id].status == "rebooked"
    again = next(m for m in rows.values() if m.meeting_id not in before | {booked.meeting_id})
    _select(tab, again.meeting_id)
    tab.cancel_button.click()
    assert "why" in tab.problem.text()  # a cancellation needs its reason
    tab.notes.setText("Eleven sjuk")
    tab.cancel_button.click()
    rows = {m.meeting_id: m for m in case_meetings(demo_context.services, case_id)}
    assert rows[again.meeting_id].status == "cancelled"
    assert rows[again.meeting_id].cancel_reason == "Eleven sjuk"
    tab.book_button.click()
    third = next(
        m for m in case_meetings(demo_context.services, case_id) if m.meeting_id not in rows
    )
    _select(tab, third.meeting_id)
    tab.notes.setText("Bra möte, nya delmål")
    tab.held_button.click()
    held = next(
        m for m in case_meetings(demo_context.services, case_id) if m.meeting_id == third.meeting_id
    )
    assert (held.status, held.notes) == ("held", "Bra möte, nya delmål")
    _select(tab, third.meeting_id)
    assert not tab.cancel_button.isEnabled()  # a held meeting is final
