"""Signing the plan on screen, in client-facing mode: the signer reads the revision they sign
(its aims, goals and interventions, nothing else of the case), signs on the pad, and confirms
(saved at once, the pad locks) or clears and signs again."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from sst_desktop.casework.plan_dto import RevisionView
from sst_desktop.casework.signature_strokes import SignatureStrokes
from sst_desktop.ui.errors import error_text
from sst_desktop.ui.screens.case_workspace.plan_words import PlanWords
from sst_desktop.ui.widgets.signature_pad import SignaturePad


class ClientSigningPage(QWidget):
    saved = Signal()

    def __init__(self, revision: RevisionView, signer: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.save: Callable[[SignatureStrokes], None] = lambda strokes: None  # set by the tab
        self.plan = QTextBrowser(self)
        self.plan.setHtml(PlanWords(self).plan_html(revision))
        self.plan.setAccessibleName(self.tr("The plan you sign"))
        self.who = QLabel(self.tr("Signing: %1").replace("%1", signer), self)
        self.who.setWordWrap(True)
        self.hint = QLabel(
            self.tr("Read the plan. If you agree with it, sign on the line below."), self
        )
        self.hint.setWordWrap(True)
        self.pad = SignaturePad(self)
        self.confirm_button = QPushButton(self.tr("&This is my signature"), self)
        self.clear_button = QPushButton(self.tr("&Clear and sign again"), self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        buttons.addWidget(self.confirm_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.plan, 1)
        layout.addWidget(self.hint)
        layout.addWidget(self.who)
        layout.addWidget(self.pad)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.pad.changed.connect(self._refresh)
        self.clear_button.clicked.connect(self.pad.clear)
        self.confirm_button.clicked.connect(self.confirm)
        self.done = False
        self._refresh()

    def _refresh(self) -> None:
        self.confirm_button.setEnabled(self.pad.is_signed and not self.done)
        self.clear_button.setEnabled(not self.done)

    def confirm(self) -> None:
        if self.done or not self.pad.is_signed:
            return
        try:
            self.save(self.pad.strokes())
        except Exception as error:  # shown in words; the signature stays for another try
            self.message.setText(error_text(error))
            return
        self.done = True
        self.pad.set_locked(True)
        self.message.setText(self.tr("Thank you! Your signature is saved."))
        self._refresh()
        self.saved.emit()
