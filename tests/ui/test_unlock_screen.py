"""Unlock: right, wrong (inline error, field re-selected), throttled countdown, recovery code."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from sst_desktop.app_context import AppContext, open_context
from sst_desktop.errors import SstError
from sst_desktop.ui.screens.unlock.unlock_screen import UnlockScreen
from sst_desktop.ui.tasks import TaskRunner
from tests.ui.conftest import OTHER_PASSPHRASE, PASSPHRASE


@pytest.fixture
def screen(qtbot: QtBot, empty_profile: Path) -> UnlockScreen:
    runner = TaskRunner()
    widget = UnlockScreen(empty_profile, runner)
    widget._test_runner = runner  # type: ignore[attr-defined]  # keep it alive with the widget
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _try(qtbot: QtBot, screen: UnlockScreen, secret: str) -> None:
    screen.passphrase.setText(secret)
    qtbot.mouseClick(screen.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.passphrase.isEnabled(), timeout=10_000)


def test_the_right_passphrase_unlocks(qtbot: QtBot, screen: UnlockScreen) -> None:
    screen.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(screen.unlocked, timeout=10_000) as signal:
        screen.unlock_button.click()
    context = signal.args[0]
    assert isinstance(context, AppContext)
    assert context.actor.role.value == "family_therapist"
    assert screen.passphrase.text() == ""  # not kept after use
    context.close()


def test_a_wrong_passphrase_shows_an_inline_error_and_reselects(
    qtbot: QtBot, screen: UnlockScreen
) -> None:
    unlocked: list[object] = []
    screen.unlocked.connect(unlocked.append)
    _try(qtbot, screen, "not the passphrase at all")
    assert screen.error.isVisible()
    assert "wrong" in screen.error.text()
    assert screen.passphrase.selectedText() == "not the passphrase at all"
    assert screen.passphrase.hasFocus() or not screen.isActiveWindow()
    assert unlocked == []


def test_repeated_failures_show_a_countdown(qtbot: QtBot, screen: UnlockScreen) -> None:
    for _ in range(3):
        _try(qtbot, screen, "wrong wrong wrong wrong")
    assert not screen.unlock_button.isEnabled()
    assert "Try again in" in screen.unlock_button.text()
    qtbot.waitUntil(lambda: screen.unlock_button.isEnabled(), timeout=10_000)
    screen.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(screen.unlocked, timeout=10_000) as signal:
        screen.unlock_button.click()
    signal.args[0].close()


def test_the_recovery_code_sets_a_new_passphrase(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sst_desktop.app_context import OwnerInput, create_context
    from sst_rules.enums import Authority, Role

    profile = tmp_path / "recoverable"
    context, code = create_context(
        profile, PASSPHRASE, OwnerInput("R", Role.SCHOOL_PSYCHOLOGIST, Authority.SCHOOL)
    )
    context.close()
    runner = TaskRunner()
    screen = UnlockScreen(profile, runner)
    qtbot.addWidget(screen)
    screen.show()
    qtbot.mouseClick(screen.recovery_link, Qt.MouseButton.LeftButton)
    assert screen.pages.currentIndex() == 1
    screen.recovery_code.setText(code)
    screen.new_passphrase.first.setText(OTHER_PASSPHRASE)
    assert not screen.recover_button.isEnabled()  # not yet typed twice
    screen.new_passphrase.second.setText(OTHER_PASSPHRASE)
    assert screen.recover_button.isEnabled()
    with qtbot.waitSignal(screen.unlocked, timeout=10_000) as signal:
        screen.recover_button.click()
    signal.args[0].close()
    with pytest.raises(SstError, match="wrong"):
        open_context(profile, PASSPHRASE)
    open_context(profile, OTHER_PASSPHRASE).close()


def test_a_wrong_recovery_code_is_refused_inline(qtbot: QtBot, screen: UnlockScreen) -> None:
    screen.show_recovery(True)
    screen.recovery_code.setText("AAAAA-AAAAA-AAAAA-AAAAA-AAAAA-AAAAA-AAAAA-AAAAA")
    screen.new_passphrase.first.setText(OTHER_PASSPHRASE)
    screen.new_passphrase.second.setText(OTHER_PASSPHRASE)
    screen.recover_button.click()
    qtbot.waitUntil(lambda: screen.recovery_error.isVisible(), timeout=10_000)
    assert screen.recovery_code.selectedText().startswith("AAAAA")
    open_context(screen._profile_dir, PASSPHRASE).close()  # the old passphrase still works


def test_caps_lock_is_inferred_from_typing(qtbot: QtBot, screen: UnlockScreen) -> None:
    qtbot.keyClicks(screen.passphrase, "A")  # upper case without Shift
    assert screen.caps_warning.isVisibleTo(screen)
    qtbot.keyClicks(screen.passphrase, "a")
    assert not screen.caps_warning.isVisibleTo(screen)
