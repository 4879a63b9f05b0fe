"""Client-facing mode: only the form is reachable; the record comes back only with the PIN, and
too many wrong PINs lock the profile."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit
from pytestqt.qtbot import QtBot

from sst_desktop.config.settings import Settings
from sst_desktop.ui.client_mode import MAX_PIN_TRIES, SessionPin
from sst_desktop.ui.main_window import MainWindow
from tests.ui.conftest import PASSPHRASE


def _unlocked(qtbot: QtBot, profile: Path, settings: Settings) -> MainWindow:
    window = MainWindow(profile, settings)
    qtbot.addWidget(window)
    window.show()
    assert window.unlock_screen is not None
    window.unlock_screen.passphrase.setText(PASSPHRASE)
    window.unlock_screen.unlock_button.click()
    qtbot.waitUntil(lambda: not window.locked, timeout=15_000)
    return window


def test_the_pin_is_checked_and_never_kept_in_clear() -> None:
    pin = SessionPin("4711")
    assert "4711" not in repr(vars(pin))
    assert not pin.check("1234") and pin.tries_left == MAX_PIN_TRIES - 1
    assert pin.check("4711") and pin.tries_left == MAX_PIN_TRIES
    with pytest.raises(ValueError):
        SessionPin("12")


def test_only_the_form_is_shown_and_the_pin_brings_the_record_back(
    qtbot: QtBot, demo_profile: Path, settings: Settings
) -> None:
    window = _unlocked(qtbot, demo_profile, settings)
    form = QLineEdit()
    client = window.enter_client_mode(form, SessionPin("4711"), "Hur har veckan varit?")
    qtbot.addWidget(client)
    assert not window.isVisible() and client.isVisible()
    assert client.isFullScreen()
    assert client.windowTitle() == "SST Desktop"
    assert window.workspace is not None and not window.workspace.isVisible()
    client.close()  # Alt+F4 asks for the PIN instead of leaving
    assert client.isVisible() and client.pages.currentIndex() == 1
    qtbot.keyClick(client, Qt.Key.Key_Escape)
    client.back_button.click()
    assert client.pages.currentIndex() == 0
    client.done_button.click()
    client.pin.setText("0000")
    client.ok_button.click()
    assert client.isVisible() and "Wrong PIN" in client.pin_error.text()
    client.pin.setText("4711")
    client.ok_button.click()
    assert not client.isVisible()
    assert window.isVisible() and not window.locked
    assert window.client_window is None


def test_too_many_wrong_pins_lock_the_profile(
    qtbot: QtBot, demo_profile: Path, settings: Settings
) -> None:
    window = _unlocked(qtbot, demo_profile, settings)
    client = window.enter_client_mode(QLineEdit(), SessionPin("4711"), "Skattning")
    qtbot.addWidget(client)
    client.done_button.click()
    for _ in range(MAX_PIN_TRIES):
        client.pin.setText("9999")
        client.ok_button.click()
    assert not client.isVisible()
    assert window.locked and window.workspace is None
    assert window.isVisible() and window.stack.currentWidget() is window.unlock_screen


def test_the_clinician_chooses_the_pin_twice_before_handing_over(
    qtbot: QtBot, demo_profile: Path, settings: Settings
) -> None:
    window = _unlocked(qtbot, demo_profile, settings)
    dialog = window.hand_over(QLineEdit(), "Skattning")
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.pin.setText("12")
    assert "4 to 8 digits" in dialog.problem.text() and not ok.isEnabled()
    dialog.pin.setText("2580")
    dialog.again.setText("2581")
    assert "differ" in dialog.problem.text() and not ok.isEnabled()
    dialog.again.setText("2580")
    assert dialog.problem.text() == "" and ok.isEnabled()
    ok.click()
    client = window.client_window
    assert client is not None and client.isVisible() and not window.isVisible()
    qtbot.addWidget(client)
    assert dialog.pin.text() == ""  # the PIN is kept only as a hash
    client.done_button.click()
    client.pin.setText("2580")
    client.ok_button.click()
    assert window.isVisible() and window.client_window is None and not window.locked


def test_a_forgotten_pin_or_the_idle_timer_locks_and_leaves_nothing_on_screen(
    qtbot: QtBot, demo_profile: Path, settings: Settings
) -> None:
    window = _unlocked(qtbot, demo_profile, settings)
    client = window.enter_client_mode(QLineEdit(), SessionPin("4711"), "Skattning")
    qtbot.addWidget(client)
    client.done_button.click()
    client.forgot_button.click()
    assert not client.isVisible() and window.locked
    window.unlock_screen.passphrase.setText(PASSPHRASE)
    window.unlock_screen.unlock_button.click()
    qtbot.waitUntil(lambda: not window.locked, timeout=15_000)
    client = window.enter_client_mode(QLineEdit(), SessionPin("4711"), "Skattning")
    qtbot.addWidget(client)
    window.lock()  # what the idle timer does
    assert not client.isVisible() and window.client_window is None
    assert window.isVisible() and window.stack.currentWidget() is window.unlock_screen
