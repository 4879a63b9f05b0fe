"""The Qt binding keeps Python's reference counts right: PySide6 6.12.0 on Python 3.11 dropped
a reference to None on every call that returns nothing, and a day's work ended in a crash
("deallocating None"). A future upgrade must not bring that back."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot


def test_calls_returning_nothing_keep_none_alive(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(20_000):
        label.setText("x")
        QCoreApplication.processEvents()
    assert sys.getrefcount(None) >= before - 100  # other threads may hold a few briefly
