"""Settings → Server: Connect waits while the window's worker is busy and comes back when it
is not (on a slow machine the first screens were still loading and it stayed off for good)."""

from __future__ import annotations

import threading

from pytestqt.qtbot import QtBot

from sst_desktop.app_context import AppContext
from sst_desktop.ui.screens.settings.server_box import ServerBox
from sst_desktop.ui.tasks import TaskRunner


def test_connect_comes_back_when_the_worker_is_done(qtbot: QtBot, demo_context: AppContext) -> None:
    runner = TaskRunner()
    box = ServerBox(demo_context, runner)
    qtbot.addWidget(box)
    release = threading.Event()
    runner.run(lambda control: release.wait(10), lambda _r: None, lambda _e: None)
    box.address.setText("https://sst.example.se")
    box.code.setText("ABCD-EFGH-JKLM")
    assert not box.connect_button.isEnabled()  # busy: not now
    release.set()
    qtbot.waitUntil(box.connect_button.isEnabled, timeout=5_000)
    runner.wait()
