"""First run: a profile is created only with a name and a strong passphrase typed twice; the
recovery code is shown once and the user goes on only after saying it is stored."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from sst_desktop.app_context import AppContext, open_context
from sst_desktop.ui.screens.first_run.first_run_screen import FirstRunScreen
from sst_desktop.ui.session import profile_exists
from sst_desktop.ui.tasks import TaskRunner
from tests.ui.conftest import PASSPHRASE


def test_create_profile_then_store_the_code(qtbot: QtBot, tmp_path: Path) -> None:
    printed: list[str] = []
    profile = tmp_path / "new"
    screen = FirstRunScreen(profile, TaskRunner(), print_code=lambda _w, code: printed.append(code))
    qtbot.addWidget(screen)
    screen.show()
    assert not screen.create_button.isEnabled()
    qtbot.keyClicks(screen.name, "Maja Lind")
    screen.role.setCurrentIndex(screen.role.findData("special_educator"))
    screen.authority.setCurrentIndex(screen.authority.findData("school"))
    screen.team.setText("SST Söder")  # QTest types ASCII only
    screen.passphrase.first.setText("short")
    screen.passphrase.second.setText("short")
    assert not screen.create_button.isEnabled()
    assert "10 characters" in screen.passphrase.advice.text()
    screen.passphrase.first.setText(PASSPHRASE)
    screen.passphrase.second.setText(PASSPHRASE + "x")
    assert not screen.create_button.isEnabled()
    screen.passphrase.second.setText(PASSPHRASE)
    assert screen.create_button.isEnabled()
    screen.create_button.click()
    qtbot.waitUntil(lambda: screen.pages.currentIndex() == 1, timeout=15_000)
    code = screen.code.text()
    assert len(code.replace("-", "")) >= 26
    assert not screen.stored.isEnabled()
    screen.print_button.click()
    assert printed == [code]
    screen.confirm.setChecked(True)
    with qtbot.waitSignal(screen.created) as signal:
        screen.stored.click()
    context: AppContext = signal.args[0]
    assert context.actor.authority == "school"
    assert screen.code.text() == ""  # dropped once stored
    context.close()
    assert profile_exists(profile)
    reopened = open_context(profile, PASSPHRASE)
    assert reopened.actor.team_id is not None
    reopened.close()


def test_creating_over_an_existing_profile_fails_and_changes_nothing(
    qtbot: QtBot, empty_profile: Path
) -> None:
    before = {p.name: p.read_bytes() for p in empty_profile.iterdir() if p.is_file()}
    screen = FirstRunScreen(empty_profile, TaskRunner())
    qtbot.addWidget(screen)
    screen.show()
    qtbot.keyClicks(screen.name, "Someone Else")
    screen.passphrase.first.setText("another strong passphrase for this test")
    screen.passphrase.second.setText("another strong passphrase for this test")
    screen.create_button.click()
    qtbot.waitUntil(lambda: screen.error.isVisible(), timeout=15_000)
    assert "already" in screen.error.text()
    assert screen.pages.currentIndex() == 0
    after = {p.name: p.read_bytes() for p in empty_profile.iterdir() if p.is_file()}
    assert after == before
