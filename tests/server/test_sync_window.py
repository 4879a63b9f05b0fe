"""Sync in the window, against the real server: connecting from Settings, the status bar, the
Conflicts screen, and a revoked laptop erasing its profile after saying so."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from sst_desktop.app_context import OwnerInput, create_context
from sst_desktop.config.settings import Settings
from sst_desktop.sync import client, resolution
from sst_desktop.ui.main_window import MainWindow
from sst_desktop.ui.screens.conflicts.conflicts_screen import ConflictsScreen
from sst_desktop.ui.screens.settings.settings_screen import SettingsScreen
from sst_desktop.ui.tasks import TaskRunner
from sst_rules.enums import Authority, Role
from sst_server import admin
from tests.server.conftest import Server
from tests.server.helpers import organisation
from tests.server.laptops import PASSPHRASE, _edit_meeting, _meeting, _open_case

pytestmark = pytest.mark.usefixtures("_fast_kdf")


def _window(qtbot: QtBot, tmp_path: Path) -> MainWindow:
    folder = tmp_path / "profile"
    context, _code = create_context(
        folder, PASSPHRASE, OwnerInput("Ny", Role.FAMILY_THERAPIST, Authority.SOCIAL_SERVICES)
    )
    context.close()
    window = MainWindow(folder, Settings(tmp_path / "config"))
    qtbot.addWidget(window)
    window.show()
    assert window.unlock_screen is not None
    window.unlock_screen.passphrase.setText(PASSPHRASE)
    window.unlock_screen.unlock_button.click()
    qtbot.waitUntil(lambda: not window.locked, timeout=15_000)
    return window


def test_connect_from_settings_then_the_status_bar_shows_the_sync(
    qtbot: QtBot, server: Server, tmp_path: Path
) -> None:
    org = organisation(server)
    window = _window(qtbot, tmp_path)
    assert "Not connected" in window.sync_state.text()
    assert window.workspace is not None
    settings = window.workspace.show_screen("settings")
    assert isinstance(settings, SettingsScreen)
    box = settings.server
    box.address.setText("http://sst.example.se")
    assert "https://" in box.problem.text() and not box.connect_button.isEnabled()
    box.address.setText(server.url)
    box.code.setText(admin.issue_enrollment_code(server.engine, org.therapist).code)
    qtbot.waitUntil(box.connect_button.isEnabled)  # the first screens may still be loading
    box.connect_button.click()
    # Enrolment, then the first sync of a new profile: generous on a loaded CI machine (a wait,
    # not a timed assertion).
    qtbot.waitUntil(
        lambda: window.context is not None and window.context.actor.staff_id == org.therapist,
        timeout=45_000,
    )
    qtbot.waitUntil(lambda: "Synced" in window.sync_state.text(), timeout=45_000)
    assert "0 change" in window.sync_state.text()
    shown = window.workspace.show_screen("settings")
    assert isinstance(shown, SettingsScreen)
    box = shown.server  # connected: the address and code rows are gone, the address is said
    assert not box.address.isVisibleTo(box) and not box.code.isVisibleTo(box)
    assert server.url in box.state.text()


def test_a_revoked_laptop_says_so_and_erases_its_profile(
    qtbot: QtBot, server: Server, tmp_path: Path
) -> None:
    org = organisation(server)
    window = _window(qtbot, tmp_path)
    assert window.context is not None
    code = admin.issue_enrollment_code(server.engine, org.therapist).code
    client.enroll(window.context.engine, server.url, code)
    (device,) = admin.list_devices(server.engine)
    admin.revoke_device(server.engine, device["device_id"])
    assert window.sync is not None
    window.sync.sync_now()
    qtbot.waitUntil(lambda: window.revoked_message is not None, timeout=15_000)
    assert window.locked and not (tmp_path / "profile").exists()
    assert window.first_run is not None  # nothing of the profile is left to unlock


def test_the_conflicts_screen_resolves_with_a_merge(qtbot: QtBot, team) -> None:  # type: ignore[no-untyped-def]
    laptop, tablet, _school, team_id = team
    case_id = _open_case(laptop, team_id)
    meeting_id = _meeting(laptop, case_id, "Start")
    laptop.sync()
    tablet.sync()
    _edit_meeting(laptop, meeting_id, agenda="Mål")
    _edit_meeting(tablet, meeting_id, agenda="Närvaro")
    laptop.sync()
    tablet.sync()
    screen = ConflictsScreen(tablet.context, TaskRunner(synchronous=True))
    qtbot.addWidget(screen)
    screen.refresh()
    assert len(screen.rows) == 1 and screen.table.rowCount() == 1
    assert screen.table.item(0, 3).text() == "Agenda"  # the field's name in words, not its code
    assert (screen.kept.toPlainText(), screen.other.toPlainText()) == ("Mål", "Närvaro")
    screen.merge.setPlainText("Mål och närvaro")
    screen.merge_button.click()
    assert screen.problem.text() == "" and screen.rows == []
    assert resolution.open_conflicts(tablet.context.services) == []
