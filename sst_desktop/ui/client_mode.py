"""Client-facing mode: the clinician hands the laptop to the child or a guardian.

Full screen, only the form being filled in, nothing of the record: the main window is hidden
while the mode lasts. Getting back needs the session PIN the clinician chose on entering; after
``MAX_PIN_TRIES`` wrong PINs the profile locks and only the passphrase opens it again. Where
the platform allows (Windows 10 2004+), the window is excluded from screen capture.

The instruments and plan-signing issues put their forms in it; it takes any widget.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
import sys

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

log = logging.getLogger(__name__)
MAX_PIN_TRIES = 5
MIN_PIN_DIGITS = 4
_WDA_EXCLUDEFROMCAPTURE = 0x11


def valid_pin(pin: str) -> bool:
    return pin.isdigit() and MIN_PIN_DIGITS <= len(pin) <= 8


class SessionPin:
    """A PIN kept only as a salted hash, in memory, for one hand-over."""

    def __init__(self, pin: str) -> None:
        if not valid_pin(pin):
            raise ValueError("a session PIN is 4 to 8 digits")
        self._salt = secrets.token_bytes(16)
        self._hash = self._digest(pin)
        self.tries_left = MAX_PIN_TRIES

    def _digest(self, pin: str) -> bytes:
        return hashlib.pbkdf2_hmac("sha256", pin.encode(), self._salt, 50_000)

    def check(self, pin: str) -> bool:
        if self.tries_left <= 0:
            return False
        ok = hmac.compare_digest(self._digest(pin), self._hash)
        self.tries_left = MAX_PIN_TRIES if ok else self.tries_left - 1
        return ok


def exclude_from_capture(widget: QWidget) -> bool:
    """Ask the window system to leave this window out of screenshots and screen sharing."""
    if sys.platform != "win32":
        return False  # X11, Wayland and macOS without extra bindings offer no such switch
    import ctypes

    user32 = ctypes.windll.user32  # type: ignore[attr-defined]
    return bool(user32.SetWindowDisplayAffinity(int(widget.winId()), _WDA_EXCLUDEFROMCAPTURE))


class ClientFacingWindow(QWidget):
    """Full screen: the form, and a button to hand the laptop back (which asks for the PIN)."""

    handed_back = Signal()
    locked_out = Signal()  # too many wrong PINs: the caller locks the profile

    def __init__(self, form: QWidget, pin: SessionPin, title: str) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.setWindowTitle("SST Desktop")  # never a name
        self._pin = pin
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._form_page(form, title))
        self.pages.addWidget(self._pin_page())
        QVBoxLayout(self).addWidget(self.pages)
        self.capture_protected = False
        self._may_close = False

    def _form_page(self, form: QWidget, title: str) -> QWidget:
        page = QWidget(self)
        heading = QLabel(title, page)
        heading.setObjectName("screenTitle")
        self.done_button = QPushButton(self.tr("I am &done: give the computer back"), page)
        layout = QVBoxLayout(page)
        layout.addWidget(heading)
        layout.addWidget(form, 1)
        layout.addWidget(self.done_button, 0, Qt.AlignmentFlag.AlignRight)
        self.done_button.clicked.connect(self.ask_pin)
        return page

    def _pin_page(self) -> QWidget:
        page = QWidget(self)
        note = QLabel(self.tr("For the staff member: type the session PIN to go back."), page)
        self.pin = QLineEdit(page)
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setAccessibleName(self.tr("Session PIN"))
        self.pin.setMaxLength(8)
        self.pin_error = QLabel(page)
        self.pin_error.setObjectName("error")
        self.pin_error.setWordWrap(True)
        self.back_button = QPushButton(self.tr("&Return to the form"), page)
        self.forgot_button = QPushButton(
            self.tr("&Forgot the PIN: lock, open with passphrase"), page
        )
        self.ok_button = QPushButton(self.tr("&Go back to the record"), page)
        self.ok_button.setDefault(True)
        form = QFormLayout()
        form.addRow(self.tr("&PIN"), self.pin)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.forgot_button)
        buttons.addWidget(self.ok_button)
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.pin_error)
        layout.addLayout(buttons)
        layout.addStretch(2)
        self.ok_button.clicked.connect(self._check_pin)
        self.pin.returnPressed.connect(self._check_pin)
        self.back_button.clicked.connect(lambda: self.pages.setCurrentIndex(0))
        self.forgot_button.clicked.connect(lambda: self._leave(self.locked_out))
        return page

    def start(self) -> None:
        self.showFullScreen()
        self.capture_protected = exclude_from_capture(self)
        log.info("client-facing mode started; capture excluded: %s", self.capture_protected)

    def ask_pin(self) -> None:
        self.pin.clear()
        self.pin_error.clear()
        self.pages.setCurrentIndex(1)
        self.pin.setFocus()

    def _check_pin(self) -> None:
        if self._pin.check(self.pin.text()):
            self.pin.clear()
            self._leave(self.handed_back)
            return
        self.pin.clear()
        if self._pin.tries_left <= 0:
            log.warning("client-facing mode: too many wrong PINs; locking")
            self._leave(self.locked_out)
            return
        self.pin_error.setText(
            self.tr("Wrong PIN. Tries left before the profile locks: %n.", "", self._pin.tries_left)
        )

    def keyPressEvent(self, event) -> None:
        """Escape asks for the PIN instead of leaving."""
        if event.key() == Qt.Key.Key_Escape:
            self.ask_pin()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event) -> None:
        """Closing from the window manager (Alt+F4) asks for the PIN instead."""
        if self._may_close:
            event.accept()
        else:
            event.ignore()
            self.ask_pin()

    def end(self) -> None:
        """Close without the PIN: the profile is locking anyway (idle or Ctrl+L)."""
        self._may_close = True
        self.close()

    def _leave(self, signal: object) -> None:
        self.end()
        signal.emit()  # type: ignore[attr-defined]


class ChoosePinDialog(QDialog):
    """The clinician picks the short PIN that ends client-facing mode, typed twice."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Hand the computer over"))
        note = QLabel(
            self.tr(
                "Only the form is shown while the student or guardian fills it in. Choose a "
                "PIN of 4 to 8 digits that you will type to get back."
            ),
            self,
        )
        note.setWordWrap(True)
        self.pin = QLineEdit(self)
        self.again = QLineEdit(self)
        for edit in (self.pin, self.again):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setMaxLength(8)
            edit.textChanged.connect(lambda _t: self._validate())
        self.problem = QLabel(self)
        self.problem.setObjectName("error")
        self.problem.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Hand over"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("&PIN"), self.pin)
        form.addRow(self.tr("PIN &again"), self.again)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self._validate()

    def _validate(self) -> None:
        pin, again = self.pin.text(), self.again.text()
        problem = ""
        if pin and not valid_pin(pin):
            problem = self.tr("The PIN is 4 to 8 digits.")
        elif again and pin != again:
            problem = self.tr("The two PINs differ.")
        self.problem.setText(problem)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(valid_pin(pin) and pin == again)

    def session_pin(self) -> SessionPin:
        """The chosen PIN, hashed; the fields are emptied."""
        pin = SessionPin(self.pin.text())
        self.pin.clear()
        self.again.clear()
        return pin
