"""A passphrase line edit that warns when Caps Lock seems to be on.

Qt has no portable Caps Lock query; like most password forms we infer it from the keys typed: a
letter arriving in upper case without Shift (or in lower case with Shift) means Caps Lock is on.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget


class PassphraseField(QLineEdit):
    caps_lock_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEchoMode(QLineEdit.EchoMode.Password)
        self.setInputMethodHints(
            Qt.InputMethodHint.ImhHiddenText
            | Qt.InputMethodHint.ImhNoPredictiveText
            | Qt.InputMethodHint.ImhSensitiveData
        )
        self._caps = False
        self.installEventFilter(self)

    @property
    def caps_lock_on(self) -> bool:
        return self._caps

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self and event.type() == QEvent.Type.KeyPress:
            self._infer_caps(QKeyEvent(event) if not isinstance(event, QKeyEvent) else event)
        return False

    def _infer_caps(self, event: QKeyEvent) -> None:
        text = event.text()
        if len(text) != 1 or not text.isalpha() or text.lower() == text.upper():
            return
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        caps = text.isupper() != shift
        if caps != self._caps:
            self._caps = caps
            self.caps_lock_changed.emit(caps)

    def take(self) -> str:
        """The text, and the field cleared (the passphrase lives no longer than needed)."""
        value = self.text()
        self.clear()
        return value
