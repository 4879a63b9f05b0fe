"""The team meeting screen: the agenda of the team's open cases, notes written at the meeting."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from sst_desktop.app_context import AppContext
from sst_desktop.ui.screens.team_meeting.team_meeting_screen import TeamMeetingScreen
from sst_desktop.ui.tasks import TaskRunner


def test_the_agenda_and_a_note(qtbot: QtBot, demo_context: AppContext) -> None:
    screen = TeamMeetingScreen(demo_context, TaskRunner(synchronous=True))
    qtbot.addWidget(screen)
    screen.show()
    screen.refresh()
    assert screen.table.rowCount() == len(screen.items) > 0
    assert all(i.status not in ("closed", "declined", "withdrawn") for i in screen.items)
    assert not screen.add_button.isEnabled()  # no case chosen yet
    screen.table.selectRow(0)
    case_id = screen.items[0].case_id
    before = len(screen.items[0].notes)
    screen.note.setPlainText("Mamma vill ha ett möte med mentorn.")
    screen.add_button.click()
    item = next(i for i in screen.items if i.case_id == case_id)
    assert len(item.notes) == before + 1
    assert screen.notes.count() == before + 1
    assert "Mamma vill ha ett möte med mentorn." in screen.notes.item(before).text()
    assert screen.note.toPlainText() == ""


def test_a_half_written_note_stays_with_its_case(qtbot: QtBot, demo_context: AppContext) -> None:
    screen = TeamMeetingScreen(demo_context, TaskRunner(synchronous=True))
    qtbot.addWidget(screen)
    screen.refresh()
    assert screen.items
    screen.table.selectRow(0)
    screen.note.setPlainText("Halvskriven anteckning")
    screen.table.clearSelection()
    assert screen.note.toPlainText() == ""  # no case chosen: no note on screen
    screen.table.selectRow(0)
    assert screen.note.toPlainText() == "Halvskriven anteckning"
