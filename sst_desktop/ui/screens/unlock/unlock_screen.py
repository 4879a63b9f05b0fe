"""Unlock: the passphrase (or the recovery code, then a new passphrase) opens the profile.

The KDF runs on the task runner's worker with the form disabled (it takes about a second). A
wrong passphrase shows an inline error and re-selects the field; after repeated failures the
growing delay is shown as a countdown and the button stays disabled until it has passed.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from sst_desktop.errors import SstError
from sst_desktop.ui.errors import error_text
from sst_desktop.ui.session import (
    open_profile,
    replace_passphrase,
    unlock_wait_seconds,
)
from sst_desktop.ui.tasks import TaskControl, TaskRunner
from sst_desktop.ui.widgets.new_passphrase_form import NewPassphraseForm
from sst_desktop.ui.widgets.passphrase_field import PassphraseField
from sst_desktop.ui.widgets.stack import fit_stack_to_current

if TYPE_CHECKING:
    from sst_desktop.app_context import AppContext

Opener = Callable[[Path, str], "AppContext"]
WRONG_SECRET, THROTTLED = "profile.wrong_secret", "profile.throttled"


class UnlockScreen(QWidget):
    """Emits ``unlocked`` with the open context; never holds the passphrase after a try."""

    unlocked = Signal(object)  # AppContext

    def __init__(
        self,
        profile_dir: Path,
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        opener: Opener = open_profile,
    ) -> None:
        super().__init__(parent)
        self._profile_dir, self._runner, self._opener = profile_dir, runner, opener
        self._countdown = QTimer(self)
        self._countdown.setInterval(250)
        self._countdown.setTimerType(Qt.TimerType.PreciseTimer)
        self._deadline = 0.0
        self._countdown.timeout.connect(self._tick)
        self._wait = 0
        # Our own unlock in flight; not the runner's busy-ness, which lags behind a lock that
        # waited for other screens' work and would leave Unlock greyed out after it.
        self._working = False
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._build_passphrase_page())
        self.pages.addWidget(self._build_recovery_page())
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.pages, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        fit_stack_to_current(self.pages)
        self._start_countdown(unlock_wait_seconds(profile_dir))

    # -- passphrase page ------------------------------------------------------------------
    def _build_passphrase_page(self) -> QWidget:
        page = QWidget(self)
        page.setMinimumWidth(440)
        page.setMaximumWidth(520)
        title = QLabel(self.tr("Unlock SST Desktop"), page)
        title.setObjectName("screenTitle")
        self.passphrase = PassphraseField(page)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.caps_warning = QLabel(self.tr("Caps Lock is on."), page)
        self.caps_warning.setObjectName("warning")
        self.caps_warning.hide()
        self.error = QLabel(page)
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.hide()
        self.unlock_button = QPushButton(self.tr("&Unlock"), page)
        self.unlock_button.setDefault(True)
        self.recovery_link = QPushButton(self.tr("Use &recovery code"), page)
        self.recovery_link.setFlat(True)
        form = QFormLayout()
        form.addRow(self.tr("&Passphrase"), self.passphrase)
        layout = QVBoxLayout(page)
        layout.addWidget(title)
        layout.addLayout(form)
        for widget in (self.caps_warning, self.error, self.unlock_button, self.recovery_link):
            layout.addWidget(widget)
        self.passphrase.caps_lock_changed.connect(self.caps_warning.setVisible)
        self.passphrase.returnPressed.connect(self.unlock_button.click)
        self.unlock_button.clicked.connect(self._unlock)
        self.recovery_link.clicked.connect(lambda: self.show_recovery(True))
        return page

    def _unlock(self) -> None:
        if not self.unlock_button.isEnabled() or not self.passphrase.text():
            return
        secret = self.passphrase.text()
        self._busy(True)
        self._runner.run(
            lambda control: self._open(control, secret), self._done, self._failed_passphrase
        )

    def _open(self, control: TaskControl, secret: str) -> AppContext:
        return self._opener(self._profile_dir, secret)

    def _failed_passphrase(self, error: BaseException) -> None:
        self._busy(False)
        self._show_error(self.error, error)
        self.passphrase.setFocus()
        self.passphrase.selectAll()

    # -- recovery page --------------------------------------------------------------------
    def _build_recovery_page(self) -> QWidget:
        page = QWidget(self)
        page.setMaximumWidth(560)
        title = QLabel(self.tr("Use your recovery code"), page)
        title.setObjectName("screenTitle")
        intro = QLabel(
            self.tr(
                "Type the recovery code you stored when the profile was created, then choose a "
                "new passphrase. The code keeps working until the key is rotated."
            ),
            page,
        )
        intro.setWordWrap(True)
        self.recovery_code = QLineEdit(page)
        self.recovery_code.setAccessibleName(self.tr("Recovery code"))
        self.recovery_code.setPlaceholderText("ABCDE-FGHJK-12345-MNPQR-67890-STVWX-YZ234-56789")
        self.new_passphrase = NewPassphraseForm(page)
        self.recovery_error = QLabel(page)
        self.recovery_error.setObjectName("error")
        self.recovery_error.setWordWrap(True)
        self.recovery_error.hide()
        self.recover_button = QPushButton(self.tr("Set new passphrase and &unlock"), page)
        self.recover_button.setEnabled(False)
        back = QPushButton(self.tr("&Back"), page)
        back.setFlat(True)
        form = QFormLayout()
        form.addRow(self.tr("Recovery &code"), self.recovery_code)
        self.new_passphrase.add_rows(form)
        layout = QVBoxLayout(page)
        for widget in (title, intro):
            layout.addWidget(widget)
        layout.addLayout(form)
        for widget in (self.new_passphrase.advice, self.recovery_error, self.recover_button, back):
            layout.addWidget(widget)
        self.new_passphrase.validity_changed.connect(lambda _valid: self._update_recover())
        self.recovery_code.textChanged.connect(lambda _text: self._update_recover())
        self.recover_button.clicked.connect(self._recover)
        back.clicked.connect(lambda: self.show_recovery(False))
        return page

    def show_recovery(self, on: bool) -> None:
        self.pages.setCurrentIndex(1 if on else 0)
        fit_stack_to_current(self.pages)
        (self.recovery_code if on else self.passphrase).setFocus()

    def _update_recover(self) -> None:
        ready = self.new_passphrase.valid and bool(self.recovery_code.text().strip())
        self.recover_button.setEnabled(ready and self._wait == 0 and not self._working)

    def _recover(self) -> None:
        code, new = self.recovery_code.text().strip(), self.new_passphrase.first.text()
        self._busy(True)
        self._runner.run(
            lambda control: self._recover_work(code, new), self._recovered, self._failed_recovery
        )

    def _recover_work(self, code: str, new: str) -> AppContext:
        replace_passphrase(self._profile_dir, code, new)
        return self._opener(self._profile_dir, new)

    def _recovered(self, context: AppContext) -> None:
        self.recovery_code.clear()
        self.new_passphrase.take()
        self._done(context)

    def _failed_recovery(self, error: BaseException) -> None:
        self._busy(False)
        self._show_error(self.recovery_error, error)
        self.recovery_code.setFocus()
        self.recovery_code.selectAll()

    # -- shared ---------------------------------------------------------------------------
    def _done(self, context: AppContext) -> None:
        self.passphrase.clear()
        self.error.hide()
        self._busy(False)
        self.unlocked.emit(context)

    def _show_error(self, label: QLabel, error: BaseException) -> None:
        wait = unlock_wait_seconds(self._profile_dir)
        if isinstance(error, SstError) and error.code == THROTTLED:
            wait = max(wait, int(error.params.get("seconds", 0)))
        label.setText(error_text(error))
        label.show()
        self._start_countdown(wait)

    def _start_countdown(self, seconds: int) -> None:
        # A deadline, not a count of ticks: timers may fire a little early or late.
        self._deadline = time.monotonic() + seconds
        self._wait = seconds
        if seconds > 0:
            self._countdown.start()
        self._render_wait()

    def _tick(self) -> None:
        self._wait = max(0, math.ceil(self._deadline - time.monotonic()))
        if self._wait == 0:
            self._countdown.stop()
        self._render_wait()

    def _render_wait(self) -> None:
        waiting = self._wait > 0
        self.unlock_button.setEnabled(not waiting and not self._working)
        self.unlock_button.setText(
            self.tr("Try again in %n s", "", self._wait) if waiting else self.tr("&Unlock")
        )
        self._update_recover()

    def _busy(self, busy: bool) -> None:
        self._working = busy
        for widget in (
            self.passphrase,
            self.recovery_link,
            self.recovery_code,
            self.new_passphrase,
        ):
            widget.setEnabled(not busy)
        self.unlock_button.setEnabled(not busy and self._wait == 0)
        self.recover_button.setEnabled(False if busy else self.recover_button.isEnabled())
        if not busy:
            self._update_recover()

    def reset(self) -> None:
        """Back to an empty passphrase page (after a lock)."""
        self.passphrase.clear()
        self.error.hide()
        self.show_recovery(False)
        self._start_countdown(unlock_wait_seconds(self._profile_dir))
