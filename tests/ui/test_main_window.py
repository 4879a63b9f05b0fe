"""The window: unlock into the workspace; Ctrl+L and idle time lock it and drop the data."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from sst_desktop.config.settings import Settings
from sst_desktop.ui.main_window import MainWindow
from sst_desktop.ui.screens.cases.cases_screen import CasesScreen
from tests.ui.conftest import PASSPHRASE


def _unlocked_window(qtbot: QtBot, profile: Path, settings: Settings) -> MainWindow:
    window = MainWindow(profile, settings)
    qtbot.addWidget(window)
    window.show()
    assert window.unlock_screen is not None
    window.unlock_screen.passphrase.setText(PASSPHRASE)
    window.unlock_screen.unlock_button.click()
    qtbot.waitUntil(lambda: not window.locked, timeout=15_000)
    return window


def test_no_profile_starts_with_first_run(qtbot: QtBot, tmp_path: Path, settings: Settings):
    window = MainWindow(tmp_path / "none", settings)
    qtbot.addWidget(window)
    assert window.first_run is not None
    assert window.stack.currentWidget() is window.first_run
    assert window.windowTitle() == "SST Desktop"


def test_unlock_shows_the_cases_and_ctrl_l_locks(
    qtbot: QtBot, demo_profile: Path, settings: Settings
) -> None:
    window = _unlocked_window(qtbot, demo_profile, settings)
    assert window.workspace is not None
    cases = window.workspace.show_screen("cases")
    assert isinstance(cases, CasesScreen)
    qtbot.waitUntil(lambda: cases.model.rowCount() > 0, timeout=15_000)
    assert window.windowTitle() == "SST Desktop"  # never a name
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.locked
    assert window.workspace is None
    assert cases.model.rowCount() == 0  # rows dropped before the screen goes
    assert window.stack.currentWidget() is window.unlock_screen
    assert window.unlock_screen is not None and window.unlock_screen.passphrase.text() == ""


def test_idle_time_locks(qtbot: QtBot, demo_profile: Path, settings: Settings) -> None:
    window = _unlocked_window(qtbot, demo_profile, settings)
    window.idle.set_interval_ms(300)
    window.idle.start()
    qtbot.waitUntil(lambda: window.locked, timeout=5_000)
    assert window.workspace is None


def test_input_postpones_the_idle_lock(qtbot: QtBot, demo_profile: Path, settings: Settings):
    window = _unlocked_window(qtbot, demo_profile, settings)
    window.idle.set_interval_ms(600)
    window.idle.start()
    for _ in range(4):
        qtbot.wait(250)
        qtbot.keyClick(window.workspace, Qt.Key.Key_Shift)
    assert not window.locked
    qtbot.waitUntil(lambda: window.locked, timeout=5_000)


def test_language_switch_rebuilds_the_screens(
    qtbot: QtBot, demo_profile: Path, settings: Settings
) -> None:
    from sst_desktop.ui.i18n import install_language

    settings.set("language", "en")
    window = _unlocked_window(qtbot, demo_profile, settings)
    assert window.workspace is not None
    assert window.workspace.navigation.item(1).text() == "Cases"  # after Today
    screen = window.workspace.show_screen("settings")
    screen.language.setCurrentIndex(screen.language.findData("sv"))  # type: ignore[attr-defined]
    try:
        assert window.workspace is not None
        assert window.workspace.navigation.item(1).text() == "Ärenden"
        assert settings.get("language") == "sv"
        assert Settings(settings._file.parent).get("language") == "sv"  # saved
    finally:
        install_language("en")


def test_a_damaged_page_found_after_unlock_locks_the_profile(
    qtbot: QtBot, demo_profile: Path, settings: Settings
) -> None:
    database = demo_profile / "sst.db"
    data = bytearray(database.read_bytes())
    middle = (len(data) // 4096 // 2) * 4096 + 1000  # a page the unlock itself does not read
    data[middle] ^= 0xFF
    database.write_bytes(bytes(data))
    window = MainWindow(demo_profile, settings)
    qtbot.addWidget(window)
    window.show()
    assert window.unlock_screen is not None
    window.unlock_screen.passphrase.setText(PASSPHRASE)
    window.unlock_screen.unlock_button.click()
    qtbot.waitUntil(lambda: window.damage_message is not None, timeout=20_000)
    assert window.locked
    assert window.damage_message is not None and "sst.db" in window.damage_message.text()
    after = database.read_bytes()
    assert after[middle] == data[middle] and len(after) >= len(data)  # the damage left as found
