"""Contacts: logged in seconds, booked ahead, rebooked and cancelled; nothing disappears."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QDateTime
from pytestqt.qtbot import QtBot

from sst_desktop.app_context import AppContext
from sst_desktop.casework.queries import list_cases
from sst_desktop.casework.support_queries import case_contacts
from sst_desktop.ui.screens.case_workspace.contacts_tab import ContactsTab
from sst_desktop.ui.tasks import TaskRunner


def _tab(qtbot: QtBot, context: AppContext) -> tuple[ContactsTab, str]:
    case_id = next(i.case_id for i in list_cases(context.services) if i.status == "active")
    tab = ContactsTab(context, TaskRunner(synchronous=True))
    qtbot.addWidget(tab)
    tab.show()
    tab.show_case(case_id)
    return tab, case_id


def _select(tab: ContactsTab, contact_id: str) -> None:
    row = next(r for r in range(tab.model.rowCount()) if tab.model.row(r).contact_id == contact_id)
    tab.table.selectRow(row)


def test_a_daily_contact_is_logged_and_listed(qtbot: QtBot, demo_context: AppContext) -> None:
    tab, case_id = _tab(qtbot, demo_context)
    before = tab.model.rowCount()
    tab.note.setText("Ringde Elsa, hon kom till andra lektionen.")
    tab.log()
    assert tab.model.rowCount() == before + 1
    newest = tab.model.row(0)
    assert (newest.kind, newest.status, newest.duration_minutes) == ("daily_contact", "held", 15)
    assert tab.note.text() == ""  # ready for the next one
    stored = case_contacts(demo_context.services, case_id)
    assert any(r.note == "Ringde Elsa, hon kom till andra lektionen." for r in stored)


def test_a_booking_is_rebooked_and_cancelled_and_both_stay(
    qtbot: QtBot, demo_context: AppContext
) -> None:
    tab, case_id = _tab(qtbot, demo_context)
    tab.kind.setCurrentIndex(tab.kind.findData("home_visit"))
    tab.booked.setCurrentIndex(tab.booked.findData("booked"))
    tab.when.setDateTime(QDateTime.currentDateTime().addDays(2))
    tab.log()
    booked = next(r for r in case_contacts(demo_context.services, case_id) if r.status == "booked")
    _select(tab, booked.contact_id)
    assert tab.rebook_button.isEnabled()
    tab.when.setDateTime(QDateTime.currentDateTime().addDays(3))
    tab.rebook_button.click()
    rows = case_contacts(demo_context.services, case_id)
    old = next(r for r in rows if r.contact_id == booked.contact_id)
    again = next(r for r in rows if r.status == "booked")
    assert old.status == "rebooked"
    assert again.at - old.at > timedelta(hours=23)
    _select(tab, again.contact_id)
    tab.cancel_button.click()
    statuses = {r.contact_id: r.status for r in case_contacts(demo_context.services, case_id)}
    assert statuses[booked.contact_id] == "rebooked"
    assert statuses[again.contact_id] == "cancelled"
    _select(tab, again.contact_id)
    assert not tab.cancel_button.isEnabled()  # only a booking changes state


def test_a_held_contact_in_the_future_is_refused_as_you_type(
    qtbot: QtBot, demo_context: AppContext
) -> None:
    tab, _case_id = _tab(qtbot, demo_context)
    tab.when.setDateTime(QDateTime.currentDateTime().addDays(1))
    assert not tab.log_button.isEnabled()
    assert "future" in tab.problem.text()
    tab.booked.setCurrentIndex(tab.booked.findData("booked"))
    assert tab.log_button.isEnabled() and tab.problem.text() == ""


def test_the_model_passes_the_model_tester(
    qtbot: QtBot, demo_context: AppContext, qtmodeltester
) -> None:  # type: ignore[no-untyped-def]
    tab, _case_id = _tab(qtbot, demo_context)
    qtmodeltester.check(tab.model)
