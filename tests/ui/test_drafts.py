"""Nothing typed is lost: a half-written contact note survives the auto-lock and a crash."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from sst_desktop.app_context import open_context
from sst_desktop.casework import drafts
from sst_desktop.casework.dto import WorkspaceTab
from sst_desktop.casework.queries import list_cases
from sst_desktop.config.settings import Settings
from sst_desktop.ui.main_window import MainWindow
from tests.ui.conftest import PASSPHRASE

NOTE = "Hembesök: Elsa visade sitt rum, pratade om"


def _unlock(qtbot: QtBot, window: MainWindow) -> None:
    assert window.unlock_screen is not None
    window.unlock_screen.passphrase.setText(PASSPHRASE)
    window.unlock_screen.unlock_button.click()
    qtbot.waitUntil(lambda: not window.locked, timeout=15_000)


def _contacts_of_first_case(qtbot: QtBot, window: MainWindow):  # type: ignore[no-untyped-def]
    assert window.workspace is not None and window.context is not None
    case_id = list_cases(window.context.services)[0].case_id
    case = window.workspace.open_case(case_id, WorkspaceTab.CONTACTS)
    qtbot.waitUntil(lambda: case.detail is not None, timeout=15_000)
    return case.contacts, case_id


def test_a_draft_survives_the_auto_lock(qtbot: QtBot, demo_profile: Path, settings: Settings):
    window = MainWindow(demo_profile, settings)
    qtbot.addWidget(window)
    window.show()
    _unlock(qtbot, window)
    contacts, case_id = _contacts_of_first_case(qtbot, window)
    contacts.note.setText(NOTE)
    contacts.minutes.setValue(45)
    window.idle.set_interval_ms(200)
    window.idle.start()
    qtbot.waitUntil(lambda: window.locked, timeout=5_000)
    window.idle.set_interval_ms(10 * 60_000)  # or it locks again while we look
    _unlock(qtbot, window)
    again, _ = _contacts_of_first_case(qtbot, window)
    assert again.note.text() == NOTE
    assert again.minutes.value() == 45
    again.log()  # saved for real: the draft goes
    qtbot.waitUntil(lambda: again.note.text() == "", timeout=5_000)
    assert window.context is not None
    assert drafts.load_draft(window.context.services, "contacts", case_id) is None


def test_a_draft_survives_a_crash(qtbot: QtBot, demo_profile: Path, settings: Settings):
    window = MainWindow(demo_profile, settings)
    qtbot.addWidget(window)
    window.show()
    _unlock(qtbot, window)
    contacts, case_id = _contacts_of_first_case(qtbot, window)
    contacts.draft._timer.setInterval(100)
    contacts.draft._timer.start()
    contacts.note.setText(NOTE)
    assert window.context is not None
    context = window.context
    qtbot.waitUntil(
        lambda: drafts.load_draft(context.services, "contacts", case_id) is not None,
        timeout=5_000,
    )
    # The process dies here: no lock, no flush. The next start finds the draft.
    reopened = open_context(demo_profile, PASSPHRASE)
    try:
        restored = drafts.load_draft(reopened.services, "contacts", case_id)
    finally:
        reopened.close()
    assert restored is not None and restored["note"] == NOTE


def test_an_emptied_form_leaves_no_draft(qtbot: QtBot, demo_context) -> None:  # type: ignore[no-untyped-def]
    from sst_desktop.ui.screens.case_workspace.contacts_tab import ContactsTab
    from sst_desktop.ui.tasks import TaskRunner

    case_id = list_cases(demo_context.services)[0].case_id
    tab = ContactsTab(demo_context, TaskRunner(synchronous=True))
    qtbot.addWidget(tab)
    tab.show_case(case_id)
    tab.note.setText("x")
    tab.draft.flush()
    assert drafts.load_draft(demo_context.services, "contacts", case_id) is not None
    tab.note.clear()
    tab.draft.flush()
    assert drafts.load_draft(demo_context.services, "contacts", case_id) is None


def test_a_half_filled_consent_comes_back(qtbot: QtBot, demo_context) -> None:  # type: ignore[no-untyped-def]
    from sst_desktop.ui.screens.case_workspace.case_workspace import CaseWorkspace
    from sst_desktop.ui.tasks import TaskRunner
    from sst_rules.enums import RecordCategory

    case_id = list_cases(demo_context.services)[0].case_id
    workspace = CaseWorkspace(demo_context, TaskRunner(synchronous=True))
    qtbot.addWidget(workspace)
    workspace.open_case(case_id, WorkspaceTab.CONSENT)
    workspace.consent.categories[RecordCategory.PLANS].setChecked(True)
    workspace.consent.information.setPlainText("Vi berättade om sekretessen.")
    workspace.clear()  # leaving the case (or locking) saves the draft
    workspace.open_case(case_id, WorkspaceTab.CONSENT)
    assert workspace.consent.categories[RecordCategory.PLANS].isChecked()
    assert workspace.consent.information.toPlainText() == "Vi berättade om sekretessen."
