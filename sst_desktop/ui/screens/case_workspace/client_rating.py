"""The rating as the child or guardian does it in client-facing mode: mark every line, then
confirm (the rating is saved at once and the lines lock) or start again. Nothing of the record
is on this page; the clinician's view comes back only with the session PIN."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from sst_desktop.ui.errors import error_text
from sst_desktop.ui.widgets.rating_form import RatingForm


class ClientRatingPage(QWidget):
    saved = Signal()

    def __init__(self, form: RatingForm, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = form
        self.save: Callable[[dict[str, int]], None] = lambda marks: None  # set by the tab
        self.hint = QLabel(self.tr("Put a mark on each line. You can move it until you confirm."))
        self.hint.setWordWrap(True)
        self.confirm_button = QPushButton(self.tr("&These are my answers"), self)
        self.redo_button = QPushButton(self.tr("&Start again"), self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.redo_button)
        buttons.addStretch(1)
        buttons.addWidget(self.confirm_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(form, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        form.changed.connect(self._refresh)
        self.confirm_button.clicked.connect(self.confirm)
        self.redo_button.clicked.connect(self.redo)
        self.done = False
        self._refresh()

    def _refresh(self) -> None:
        self.confirm_button.setEnabled(self.form.is_complete and not self.done)
        self.redo_button.setEnabled(not self.done)

    def redo(self) -> None:
        self.form.clear()

    def confirm(self) -> None:
        if self.done or not self.form.is_complete:
            return
        marks = {k: v for k, v in self.form.millimetres().items() if v is not None}
        try:
            self.save(marks)
        except Exception as error:  # shown in words; the marks stay for another try
            self.message.setText(error_text(error))
            return
        self.done = True
        self.form.set_locked(True)
        self.message.setText(self.tr("Thank you! Your answers are saved."))
        self._refresh()
        self.saved.emit()
