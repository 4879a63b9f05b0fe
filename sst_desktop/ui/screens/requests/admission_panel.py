"""The admission group's meeting: the applicants in the suggested order (younger students
first, then higher absence, then the earlier application), and the group's outcome for each.
Changing the suggested rank needs a written reason; declining needs guidance."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from sst_desktop.casework.intake_queries import IntakeItem
from sst_desktop.casework.referral_service import AdmissionInput
from sst_desktop.models.rules.priority import Candidate, Ranked, suggest_priority
from sst_desktop.ui.labels import label
from sst_rules.enums import AdmissionOutcome


class AdmissionPanel(QWidget):
    submitted = Signal(str, object)  # case id, AdmissionInput

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self._ranked: list[Ranked] = []
        title = QLabel(self.tr("Admission group"), self)
        title.setObjectName("screenTitle")
        self.candidates = QListWidget(self)
        self.candidates.setAccessibleName(self.tr("Applicants in the suggested order"))
        self.outcome = QComboBox(self)
        for outcome in AdmissionOutcome:
            self.outcome.addItem(label(outcome), outcome.value)
        self.rank = QSpinBox(self)
        self.rank.setRange(1, 999)
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("Why the group changed the suggested order"))
        self.guidance = QLineEdit(self)
        self.guidance.setPlaceholderText(self.tr("Guidance to other support (when declined)"))
        self.members = QLineEdit(self)
        self.members.setPlaceholderText(self.tr("Roles present, e.g. samordnare, enhetschef"))
        self.save_button = QPushButton(self.tr("&Record the group's outcome"), self)
        form = QFormLayout()
        form.addRow(self.tr("Outcome"), self.outcome)
        form.addRow(self.tr("Rank"), self.rank)
        form.addRow(self.tr("Reason for a new rank"), self.reason)
        form.addRow(self.tr("Guidance"), self.guidance)
        form.addRow(self.tr("Members"), self.members)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.candidates, 1)
        layout.addLayout(form)
        layout.addWidget(self.save_button)
        self.candidates.currentRowChanged.connect(self._select)
        self.save_button.clicked.connect(self._submit)

    def show_candidates(self, items: list[IntakeItem]) -> None:
        waiting = [
            i for i in items if i.programme == "sst_plus" and i.status in ("applied", "assessed")
        ]
        by_id = {i.case_id: i for i in waiting}
        self._ranked = suggest_priority(
            [
                Candidate(i.case_id, i.school_year or 0, i.absence_percent, i.received_on)
                for i in waiting
            ]
        )
        self.candidates.clear()
        for ranked in self._ranked:
            item = by_id[ranked.case_id]
            text = (
                self.tr("%1. %2, year %3, absence %4 %")
                .replace("%1", str(ranked.rank))
                .replace("%2", item.reference)
                .replace("%3", "F" if item.school_year == 0 else str(item.school_year))
                .replace("%4", str(item.absence_percent or 0))
            )
            QListWidgetItem(text, self.candidates)
        if self._ranked:
            self.candidates.setCurrentRow(0)

    def _select(self, row: int) -> None:
        if 0 <= row < len(self._ranked):
            self.rank.setValue(self._ranked[row].rank)

    def _submit(self) -> None:
        row = self.candidates.currentRow()
        if not 0 <= row < len(self._ranked):
            return
        ranked = self._ranked[row]
        members = tuple(m.strip() for m in self.members.text().split(",") if m.strip())
        self.submitted.emit(
            ranked.case_id,
            AdmissionInput(
                met_on=self._today,
                outcome=AdmissionOutcome(self.outcome.currentData()),
                suggested_rank=ranked.rank,
                final_rank=self.rank.value(),
                members=members,
                override_reason=self.reason.text().strip() or None,
                guided_to=self.guidance.text().strip() or None,
            ),
        )

    def reset(self) -> None:
        for edit in (self.reason, self.guidance):
            edit.clear()
