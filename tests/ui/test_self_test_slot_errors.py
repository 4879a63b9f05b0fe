"""An exception in a slot does not stop Qt (it is printed and the window goes on), so the
self-test collects them and fails: a broken screen must not pass a bundle's check."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QObject, Signal
from pytestqt.qtbot import QtBot

from sst_desktop.self_check import SelfCheckFailed
from sst_desktop.ui.self_test import SlotErrors


class Emitter(QObject):
    fired = Signal()


@pytest.mark.qt_no_exception_capture  # the hook under test, not pytest-qt's, sees the error
def test_an_error_in_a_slot_fails_the_check(qtbot: QtBot, capsys) -> None:
    emitter = Emitter()
    emitter.fired.connect(lambda: 1 / 0)
    with SlotErrors() as errors:
        assert errors.check() == "none"
        emitter.fired.emit()
        with pytest.raises(SelfCheckFailed, match="ZeroDivisionError"):
            errors.check()
    assert "ZeroDivisionError" in capsys.readouterr().err  # still printed, as Qt does
