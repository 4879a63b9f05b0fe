"""The anonymous SST referral request (uppdragsförfrågan): the fields of domain.md and, on
purpose, no name or identity-number field. Free text is checked as it is typed: text that
holds a personal identity number is refused before anything is saved."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from sst_desktop.casework.deidentification import contains_personal_id
from sst_desktop.casework.intake_queries import IntakeChoices
from sst_desktop.casework.referral_service import RequestInput
from sst_desktop.ui.labels import label
from sst_rules.enums import Gender


class RequestForm(QWidget):
    submitted = Signal(object)  # RequestInput

    def __init__(self, choices: IntakeChoices, today: date, parent: QWidget | None = None):
        super().__init__(parent)
        self._today = today
        title = QLabel(self.tr("New referral request (anonymous)"), self)
        title.setObjectName("screenTitle")
        note = QLabel(
            self.tr(
                "No name or identity number: the request stays anonymous until the family "
                "has said yes."
            ),
            self,
        )
        note.setWordWrap(True)
        self.received = QDateEdit(QDate(today.year, today.month, today.day), self)
        self.received.setCalendarPopup(True)
        self.received.setDisplayFormat("yyyy-MM-dd")
        self.district = self._combo(choices.districts)
        self.school = self._combo(choices.schools)
        self.year = QComboBox(self)
        self.year.addItem(self.tr("(not stated)"), None)
        for year in range(0, 11):
            self.year.addItem("F" if year == 0 else str(year), year)
        self.gender = QComboBox(self)
        self.gender.addItem(self.tr("(not stated)"), None)
        for gender in Gender:
            self.gender.addItem(label(gender), gender.value)
        self.absence = QSpinBox(self)
        self.absence.setRange(0, 100)  # a percentage: nothing else can be typed
        self.absence.setSuffix(" %")
        self.concern = QCheckBox(self.tr("A report of concern in the last six months"), self)
        self.texts = {
            "cause_student_view": self._text(self.tr("The student's view of the causes")),
            "cause_guardian_view": self._text(self.tr("The guardians' view of the causes")),
            "adaptations_tried": self._text(self.tr("Adaptations tried at school")),
            "measures_taken": self._text(self.tr("Other measures taken")),
            "expected_of_team": self._text(self.tr("What the school expects of the team")),
        }
        self.problem = QLabel(self)
        self.problem.setObjectName("error")
        self.problem.setWordWrap(True)
        self.save_button = QPushButton(self.tr("&Save request"), self)
        form = QFormLayout()
        form.addRow(self.tr("Received"), self.received)
        form.addRow(self.tr("District"), self.district)
        form.addRow(self.tr("School"), self.school)
        form.addRow(self.tr("Year"), self.year)
        form.addRow(self.tr("Gender"), self.gender)
        form.addRow(self.tr("Absence, last two months"), self.absence)
        form.addRow("", self.concern)
        for edit in self.texts.values():
            form.addRow(edit.accessibleName(), edit)
        layout = QVBoxLayout(self)
        for widget in (title, note):
            layout.addWidget(widget)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.save_button)
        for edit in self.texts.values():
            edit.textChanged.connect(self._validate)
        self.save_button.clicked.connect(self._submit)

    def _combo(self, entries: tuple[tuple[str, str], ...]) -> QComboBox:
        combo = QComboBox(self)
        combo.addItem(self.tr("(not stated)"), None)
        for entry_id, name in entries:
            combo.addItem(name, entry_id)
        return combo

    def _text(self, name: str) -> QPlainTextEdit:
        edit = QPlainTextEdit(self)
        edit.setAccessibleName(name)
        edit.setMaximumHeight(60)
        return edit

    def _validate(self) -> bool:
        holding = [
            edit.accessibleName()
            for edit in self.texts.values()
            if contains_personal_id(edit.toPlainText(), self._today)
        ]
        self.problem.setText(
            self.tr(
                "Remove the identity number from: %1. The request must stay anonymous."
            ).replace("%1", ", ".join(holding))
            if holding
            else ""
        )
        self.save_button.setEnabled(not holding)
        return not holding

    def _submit(self) -> None:
        if not self._validate():
            return
        texts = {key: edit.toPlainText().strip() or None for key, edit in self.texts.items()}
        self.submitted.emit(
            RequestInput(
                received_on=self.received.date().toPython(),  # type: ignore[arg-type]
                district_id=self.district.currentData(),
                school_id=self.school.currentData(),
                school_year=self.year.currentData(),
                gender=Gender(self.gender.currentData()) if self.gender.currentData() else None,
                absence_percent=self.absence.value(),
                concern_report_last_6_months=self.concern.isChecked(),
                **texts,
            )
        )

    def reset(self) -> None:
        for edit in self.texts.values():
            edit.clear()
        self.absence.setValue(0)
        self.concern.setChecked(False)
