"""Choose a passphrase: two fields, a strength meter with advice, valid only when strong and equal.

Used by first run and by "Use recovery code". The meter uses the same rule as the profile
(``security.passphrase_strength``), so what the meter accepts the profile accepts.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QProgressBar, QWidget

from sst_desktop.security.passphrase_strength import Strength, assess_passphrase
from sst_desktop.ui.widgets.passphrase_field import PassphraseField

_ADVICE = {
    "too_short": QT_TRANSLATE_NOOP("NewPassphraseForm", "Use at least 10 characters."),
    "common_password": QT_TRANSLATE_NOOP("NewPassphraseForm", "This is a common password."),
    "name": QT_TRANSLATE_NOOP("NewPassphraseForm", "Names are easy to guess."),
    "app_word": QT_TRANSLATE_NOOP(
        "NewPassphraseForm", "Words about school or the app are easy to guess."
    ),
    "keyboard_pattern": QT_TRANSLATE_NOOP(
        "NewPassphraseForm", "Keyboard patterns are easy to guess."
    ),
    "repeat": QT_TRANSLATE_NOOP("NewPassphraseForm", "Repeated characters add little."),
    "sequence": QT_TRANSLATE_NOOP(
        "NewPassphraseForm", "Sequences such as abc or 123 are easy to guess."
    ),
    "year": QT_TRANSLATE_NOOP("NewPassphraseForm", "Years are easy to guess."),
    "date": QT_TRANSLATE_NOOP("NewPassphraseForm", "Dates are easy to guess."),
    "predictable_substitution": QT_TRANSLATE_NOOP(
        "NewPassphraseForm", "Look-alike symbols and reversed words do not help much."
    ),
    "common_word": QT_TRANSLATE_NOOP("NewPassphraseForm", "A single common word is easy to guess."),
}
_SCORE_WORDS = (
    QT_TRANSLATE_NOOP("NewPassphraseForm", "Very weak"),
    QT_TRANSLATE_NOOP("NewPassphraseForm", "Weak"),
    QT_TRANSLATE_NOOP("NewPassphraseForm", "Fair"),
    QT_TRANSLATE_NOOP("NewPassphraseForm", "Strong"),
    QT_TRANSLATE_NOOP("NewPassphraseForm", "Very strong"),
)


def advice_text(code: str) -> str:
    source = _ADVICE.get(code)
    return QCoreApplication.translate("NewPassphraseForm", source) if source else ""


class NewPassphraseForm(QObject):
    """The fields of a new passphrase; ``add_rows`` puts them into the caller's form, so the
    labels line up with the rest of it."""

    validity_changed = Signal(bool)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.first = PassphraseField(parent)
        self.second = PassphraseField(parent)
        self.first.setAccessibleName(self.tr("New passphrase"))
        self.second.setAccessibleName(self.tr("New passphrase again"))
        self.meter = QProgressBar(parent)
        self.meter.setRange(0, 4)
        self.meter.setTextVisible(True)
        self.meter.setAccessibleName(self.tr("Passphrase strength"))
        self.advice = QLabel(parent)
        self.advice.setWordWrap(True)
        self.advice.setObjectName("hint")
        self.first.textChanged.connect(self._update)
        self.second.textChanged.connect(self._update)
        self._valid = False
        self._update()

    def add_rows(self, form: QFormLayout) -> None:
        """The fields go into the caller's form; the caller puts ``advice`` below the form (a
        wrapped label inside a form row gets no height for its second line)."""
        form.addRow(self.tr("New &passphrase"), self.first)
        form.addRow(self.tr("&Again"), self.second)
        form.addRow(self.tr("Strength"), self.meter)

    def setEnabled(self, enabled: bool) -> None:
        for widget in (self.first, self.second, self.meter):
            widget.setEnabled(enabled)

    def _update(self) -> None:
        strength = assess_passphrase(self.first.text()) if self.first.text() else None
        self._show(strength)
        valid = bool(strength and strength.acceptable and self.first.text() == self.second.text())
        if valid != self._valid:
            self._valid = valid
            self.validity_changed.emit(valid)

    def _show(self, strength: Strength | None) -> None:
        score = strength.score if strength else 0
        self.meter.setValue(score)
        word = QCoreApplication.translate("NewPassphraseForm", _SCORE_WORDS[score])
        self.meter.setFormat(word if strength else "")
        hints = [advice_text(c) for c in (strength.feedback if strength else ())]
        if strength and strength.acceptable and self.second.text() and not self._same():
            hints.append(self.tr("The two passphrases differ."))
        if not strength:
            hints.append(self.tr("Several unrelated words are easy to remember and hard to guess."))
        self.advice.setText(" ".join(h for h in hints if h))

    def _same(self) -> bool:
        return self.first.text() == self.second.text()

    @property
    def valid(self) -> bool:
        return self._valid

    def take(self) -> str:
        value = self.first.take()
        self.second.clear()
        return value
