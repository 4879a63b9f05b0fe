"""Settings → Server: connect this profile to the team's central store with the address and
the one-time code IT gives (valid 24 hours). The connection runs off the window's thread; once
connected, the box says where to and the status bar takes over."""

from __future__ import annotations

import platform

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QLineEdit, QPushButton, QWidget

from sst_desktop.app_context import AppContext
from sst_desktop.sync import client
from sst_desktop.sync.protocol import StaffInfo
from sst_desktop.sync.transport import SyncError, check_address
from sst_desktop.ui.sync_controller import sync_message
from sst_desktop.ui.tasks import TaskRunner


class ServerBox(QGroupBox):
    connected = Signal()

    def __init__(self, context: AppContext, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("Server"))
        self._context, self._runner = context, runner
        self.address = QLineEdit(self)
        self.address.setPlaceholderText("https://sst.kommun.se")
        self.code = QLineEdit(self)
        self.code.setPlaceholderText("ABCD-EFGH-JKLM")
        self.connect_button = QPushButton(self.tr("&Connect to server"), self)
        self.state = QLabel(self)
        self.state.setWordWrap(True)
        self.problem = QLabel(self)
        self.problem.setObjectName("error")
        self.problem.setWordWrap(True)
        form = self._form = QFormLayout(self)
        form.addRow(self.tr("Server &address"), self.address)
        form.addRow(self.tr("Enrollment c&ode"), self.code)
        form.addRow("", self.connect_button)
        form.addRow("", self.state)
        form.addRow("", self.problem)
        self.address.textChanged.connect(lambda _t: self._validate())
        self.code.textChanged.connect(lambda _t: self._validate())
        # Connect waits while the window's worker is busy; it must come back when it is not
        # (on a slow machine the first screens were still loading and it stayed off).
        # A method of this box, not a lambda: the connection ends with the box (the runner is
        # the window's and outlives it).
        runner.busy_changed.connect(self._runner_busy)
        self.connect_button.clicked.connect(self._connect)
        self._show_state()

    def _show_state(self) -> None:
        status = client.status(self._context.engine)
        for widget in (self.address, self.code, self.connect_button):
            self._form.setRowVisible(widget, not status.connected)  # label and field together
        self.state.setText(
            self.tr("Connected to %1.").replace("%1", status.server_url or "")
            if status.connected
            else self.tr("Not connected. IT gives you the address and a code valid 24 hours.")
        )
        self._validate()

    def _address_problem(self) -> str:
        text = self.address.text().strip()
        if not text:
            return ""
        try:
            check_address(text)
        except SyncError as error:
            return sync_message(error.code)
        return ""

    def _runner_busy(self, _busy: bool) -> None:
        self._validate()

    def _validate(self) -> None:
        problem = self._address_problem()
        self.problem.setText(problem)
        ready = bool(self.address.text().strip() and len(self.code.text().strip()) >= 8)
        self.connect_button.setEnabled(ready and not problem and not self._runner.is_busy())

    def _connect(self) -> None:
        engine = self._context.engine
        url, code = self.address.text().strip(), self.code.text().strip()
        self.connect_button.setEnabled(False)
        self.problem.clear()
        self.state.setText(self.tr("Connecting…"))
        self._runner.run(
            lambda control: client.enroll(engine, url, code, platform.node()),
            self._done,
            self._failed,
        )

    def _done(self, staff: StaffInfo) -> None:
        self.code.clear()
        self._show_state()
        self.connected.emit()

    def _failed(self, error: BaseException) -> None:
        code = error.code if isinstance(error, SyncError) else "internal"
        self._show_state()
        self.problem.setText(sync_message(code))
