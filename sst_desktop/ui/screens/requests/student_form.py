"""Who the student is, entered once the family has said yes: names, identity number (checked as
it is typed: date, checksum, coordination numbers; it may stay empty), year, gender and the
protected-identity marking."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sst_desktop.casework.student_service import StudentInput
from sst_desktop.ui.labels import label
from sst_desktop.ui.validation import personal_id_problem
from sst_rules.enums import Gender


class StudentForm(QWidget):
    submitted = Signal(object)  # StudentInput

    changed = Signal()

    def __init__(
        self, today: date, parent: QWidget | None = None, *, with_button: bool = True
    ) -> None:
        super().__init__(parent)
        self._today = today
        title = QLabel(self.tr("The student"), self)
        title.setObjectName("screenTitle")
        self.first_name = QLineEdit(self)
        self.last_name = QLineEdit(self)
        self.personal_id = QLineEdit(self)
        self.personal_id.setPlaceholderText(self.tr("YYYYMMDD-NNNN (may be left empty)"))
        self.id_problem = QLabel(self)
        self.id_problem.setObjectName("error")
        self.id_problem.setWordWrap(True)
        self.year = QComboBox(self)
        for year in range(0, 11):
            self.year.addItem("F" if year == 0 else str(year), year)
        self.gender = QComboBox(self)
        for gender in Gender:
            self.gender.addItem(label(gender), gender.value)
        self.protected = QCheckBox(self.tr("Protected identity (skyddade personuppgifter)"), self)
        self.save_button = QPushButton(self.tr("&Link the student to the case"), self)
        form = QFormLayout()
        form.addRow(self.tr("&First name"), self.first_name)
        form.addRow(self.tr("&Last name"), self.last_name)
        form.addRow(self.tr("&Identity number"), self.personal_id)
        form.addRow("", self.id_problem)
        form.addRow(self.tr("Year"), self.year)
        form.addRow(self.tr("Gender"), self.gender)
        form.addRow("", self.protected)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(self.save_button)
        for edit in (self.first_name, self.last_name, self.personal_id):
            edit.textChanged.connect(lambda _t: self._validate())
        self.save_button.clicked.connect(self._submit)
        self.save_button.setVisible(with_button)
        self._validate()

    def _id_problem(self) -> str:
        return personal_id_problem(self.personal_id.text(), self._today)

    def is_valid(self) -> bool:
        names = bool(self.first_name.text().strip() and self.last_name.text().strip())
        return names and not self._id_problem()

    def _validate(self) -> bool:
        """Say what is wrong as it is typed; tell a containing form (``changed``)."""
        self.id_problem.setText(self._id_problem())
        valid = self.is_valid()
        self.save_button.setEnabled(valid)
        self.changed.emit()
        return valid

    def _submit(self) -> None:
        value = self.value()
        if value is not None:
            self.submitted.emit(value)

    def value(self) -> StudentInput | None:
        """The student as entered, or None while something is missing or wrong."""
        if not self.is_valid():
            return None
        return StudentInput(
            first_name=self.first_name.text().strip(),
            last_name=self.last_name.text().strip(),
            personal_id=self.personal_id.text().strip() or None,
            gender=Gender(self.gender.currentData()),
            school_year=self.year.currentData(),
            protected_identity=self.protected.isChecked(),
        )

    def reset(self) -> None:
        for edit in (self.first_name, self.last_name, self.personal_id):
            edit.clear()
        self.protected.setChecked(False)
