"""An SST plus application by any route: who the student is, how it came, why, absence and the
other indicators that may stand in for the threshold."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from sst_desktop.casework.referral_service import ApplicationInput
from sst_desktop.ui.labels import label
from sst_desktop.ui.screens.requests.student_form import StudentForm
from sst_rules.enums import ReferralRoute

ROUTES = [r for r in ReferralRoute if r != ReferralRoute.REFERRAL_REQUEST]


class ApplicationForm(QWidget):
    submitted = Signal(object, object)  # StudentInput, ApplicationInput (student id filled later)

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(self.tr("New SST plus application"), self)
        title.setObjectName("screenTitle")
        self.student = StudentForm(today, self, with_button=False)
        self.route = QComboBox(self)
        for route in ROUTES:
            self.route.addItem(label(route), route.value)
        self.received = QDateEdit(QDate(today.year, today.month, today.day), self)
        self.received.setCalendarPopup(True)
        self.received.setDisplayFormat("yyyy-MM-dd")
        self.applicant = QLineEdit(self)
        self.applicant.setPlaceholderText(self.tr("Unit or role, e.g. Ekskolans elevhälsa"))
        self.absence = QSpinBox(self)
        self.absence.setRange(0, 100)
        self.absence.setSuffix(" %")
        self.reason = QPlainTextEdit(self)
        self.reason.setMaximumHeight(60)
        self.indicators = QPlainTextEdit(self)
        self.indicators.setMaximumHeight(60)
        self.save_button = QPushButton(self.tr("&Save application"), self)
        form = QFormLayout()
        form.addRow(self.tr("Route"), self.route)
        form.addRow(self.tr("Received"), self.received)
        form.addRow(self.tr("Applicant"), self.applicant)
        form.addRow(self.tr("Absence"), self.absence)
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow(self.tr("Other indicators"), self.indicators)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.student)
        layout.addLayout(form)
        layout.addWidget(self.save_button)
        self.student.changed.connect(lambda: self.save_button.setEnabled(self.student.is_valid()))
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self._submit)

    def _submit(self) -> None:
        student = self.student.value()
        if student is None:
            return
        application = ApplicationInput(
            route=ReferralRoute(self.route.currentData()),
            received_on=self.received.date().toPython(),  # type: ignore[arg-type]
            student_id="",
            team_id=None,
            district_id=None,
            applicant=self.applicant.text().strip() or None,
            reason=self.reason.toPlainText().strip() or None,
            absence_percent=self.absence.value(),
            other_indicators=self.indicators.toPlainText().strip() or None,
        )
        self.submitted.emit(student, application)

    def reset(self) -> None:
        self.student.reset()
        for edit in (self.reason, self.indicators):
            edit.clear()
        self.applicant.clear()
        self.absence.setValue(0)
