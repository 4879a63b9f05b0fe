"""``sst-desktop --startup-probe``: say when the first screen (unlock, or first run) has been drawn,
then close the window and quit. ``bench/bundle_start.py`` launches the bundle with it and takes
the time from its own clock at launch to the moment printed here (both are wall-clock seconds
since the epoch, so one process can time another)."""

from __future__ import annotations

import sys
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

if TYPE_CHECKING:
    from sst_desktop.ui.main_window import MainWindow

PREFIX = "startup-probe: first screen drawn at "


class _FirstPaint(QObject):
    """Watches one widget for its first paint; reports once the event loop has finished it."""

    def __init__(self, app: QApplication, window: MainWindow, screen: QWidget) -> None:
        super().__init__(screen)
        self._app, self._window, self._screen = app, window, screen
        self._seen = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._screen and event.type() == QEvent.Type.Paint and not self._seen:
            self._seen = True
            QTimer.singleShot(0, self._report)  # after this paint, its flush included
        return False

    def _report(self) -> None:
        drawn = time.time()
        print(f"{PREFIX}{drawn:.6f} ({type(self._screen).__name__})", file=sys.stdout, flush=True)
        self._window.runner.wait()  # the warm-up task: Python must not stop under it
        self._window.close()
        self._app.quit()


def exit_when_drawn(app: QApplication, window: MainWindow) -> None:
    """Call before ``window.show()``: the first paint of the screen it opens with is watched."""
    screen = window.stack.currentWidget()
    assert screen is not None, "the window opens on the unlock or first-run screen"
    screen.installEventFilter(_FirstPaint(app, window, screen))
