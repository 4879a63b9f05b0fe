"""`sst-desktop --self-test`: the Qt-free checks of ``sst_desktop.self_check`` plus the window's.

The Swedish catalogue loads; the scratch profile is unlocked through the real unlock screen of
a real main window (on the task thread, as a user would); the unlocked window is drawn
offscreen into an in-memory pixmap. The window is drawn with the ``offscreen`` platform unless
``QT_QPA_PLATFORM`` names another (a check must not pop up on someone's screen; set it to
``xcb``, ``windows`` or ``cocoa`` to check that plugin instead). Exit status 0: every check
passed.
"""

from __future__ import annotations

import os
import sys
import time
from typing import TextIO

from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication

from sst_desktop import __version__
from sst_desktop.config.resources import resource_path
from sst_desktop.config.settings import Settings
from sst_desktop.self_check import (
    Check,
    ScratchProfile,
    SelfCheckFailed,
    check_version,
    content_checks,
    in_scratch_directory,
    profile_checks,
)

UNLOCK_TIMEOUT_SECONDS = 60.0


class WindowChecks:
    """The checks that need the QApplication; ``close`` locks the window (closes the profile)."""

    def __init__(self, app: QApplication, profile: ScratchProfile) -> None:
        from sst_desktop.ui.main_window import MainWindow  # after the QApplication exists

        self._app, self._profile = app, profile
        self._window_class = MainWindow
        self.window: MainWindow | None = None

    def translations(self) -> str:
        from sst_desktop.ui.i18n import install_language

        catalogue = QTranslator()
        if not catalogue.load(str(resource_path("i18n") / "sst_sv.qm")):
            raise SelfCheckFailed("sst_sv.qm not found or not readable")
        if catalogue.translate("SettingsScreen", "Settings") in ("", "Settings"):
            raise SelfCheckFailed("sst_sv.qm holds no Swedish")
        install_language("sv")
        return "sv"

    def unlock_in_window(self) -> None:
        self._profile.close()  # the window opens it again, as after a restart
        settings = Settings(self._profile.directory.parent / "settings")
        self.window = self._window_class(self._profile.directory, settings)
        self.window.resize(1200, 800)
        self.window.show()
        screen = self.window.unlock_screen
        if screen is None:
            raise SelfCheckFailed("the window did not offer to unlock the profile")
        screen.passphrase.setText(self._profile.passphrase)
        screen.unlock_button.click()
        deadline = time.monotonic() + UNLOCK_TIMEOUT_SECONDS
        while self.window.locked and time.monotonic() < deadline:
            if screen.error.isVisibleTo(screen):
                raise SelfCheckFailed(f"unlock failed: {screen.error.text()}")
            self._app.processEvents()
            time.sleep(0.01)
        if self.window.locked:
            raise SelfCheckFailed("the window did not unlock in time")

    def draw(self) -> str:
        assert self.window is not None
        for _ in range(5):
            self._app.processEvents()
        pixmap = self.window.grab()
        if pixmap.isNull() or pixmap.width() == 0 or pixmap.height() == 0:
            raise SelfCheckFailed("the window drew nothing")
        image = pixmap.toImage()
        step_x, step_y = max(1, image.width() // 16), max(1, image.height() // 16)
        colours = {
            image.pixel(x, y)
            for x in range(0, image.width(), step_x)
            for y in range(0, image.height(), step_y)
        }
        if len(colours) < 2:
            raise SelfCheckFailed("the window is one flat colour")
        return f"{pixmap.width()}x{pixmap.height()}, platform {self._app.platformName()}"

    def close(self) -> None:
        if self.window is not None:
            self.window.close()  # locks: waits for running work, closes the database
            self.window.deleteLater()
            self.window = None
            QCoreApplication.sendPostedEvents()
            self._app.processEvents()


def run_self_test(out: TextIO) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication.instance() or QApplication(["sst-desktop"])
    assert isinstance(app, QApplication)
    app.setApplicationName("SST Desktop")
    app.setApplicationVersion(__version__)
    window: list[WindowChecks] = []

    errors = SlotErrors()

    def checks(profile: ScratchProfile) -> list[Check]:
        window.append(WindowChecks(app, profile))
        gui = window[0]
        return [
            ("version", check_version),
            ("translations loaded", gui.translations),
            *profile_checks(profile),
            ("profile unlocked in the main window", gui.unlock_in_window),
            ("main window drawn offscreen", gui.draw),
            ("no error inside the window", errors.check),
            *content_checks(),
        ]

    with errors:
        return in_scratch_directory(checks, out, before_cleanup=lambda: _close(window))


class SlotErrors:
    """Exceptions raised in the window's slots and overrides: Qt goes on after printing them
    (``sys.excepthook``), so a broken screen would otherwise pass the self-test."""

    def __init__(self) -> None:
        self.caught: list[BaseException] = []
        self._previous = sys.excepthook

    def __enter__(self) -> SlotErrors:
        self._previous = sys.excepthook
        sys.excepthook = self._hook
        return self

    def __exit__(self, *exc_info: object) -> None:
        sys.excepthook = self._previous

    def _hook(self, kind: type[BaseException], error: BaseException, tb: object) -> None:
        self.caught.append(error)
        self._previous(kind, error, tb)  # type: ignore[arg-type]

    def check(self) -> str:
        if self.caught:
            first = self.caught[0]
            raise SelfCheckFailed(
                f"{len(self.caught)} error(s), first {type(first).__name__}: {first}"
            )
        return "none"


def _close(window: list[WindowChecks]) -> None:
    for checks in window:
        checks.close()
