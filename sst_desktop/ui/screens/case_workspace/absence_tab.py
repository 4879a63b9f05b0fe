"""Absence and participation: absence per period as the school measured it, and the student's
participation in teaching on the programme's ordinal scale. The form says what is wrong as it
is typed (no period, end before start, a percentage over 100, measured before the period ended)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sst_desktop.app_context import AppContext
from sst_desktop.casework import support_service
from sst_desktop.casework.support_queries import AbsenceRow, ParticipationRow, case_absence
from sst_desktop.ui.errors import error_text
from sst_desktop.ui.labels import label
from sst_desktop.ui.tasks import TaskRunner
from sst_rules.enums import AbsenceMeasure, ParticipationLevel

NO_DATE = QDate(2000, 1, 1)  # shown as "–": the date is not given yet


class AbsenceTab(QWidget):
    changed = Signal()

    def __init__(self, context: AppContext, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self._context, self._runner = context, runner
        self._case_id: str | None = None
        self.absence = QTableWidget(0, 4, self)
        self.absence.setHorizontalHeaderLabels(
            [self.tr("Period"), self.tr("Absence"), self.tr("Measure"), self.tr("Source")]
        )
        self.absence.verticalHeader().hide()
        self.absence.setAccessibleName(self.tr("Absence per period"))
        self.participation = QTableWidget(0, 2, self)
        self.participation.setHorizontalHeaderLabels([self.tr("Assessed"), self.tr("Level")])
        self.participation.verticalHeader().hide()
        self.participation.setAccessibleName(self.tr("Participation in teaching"))
        self.problem = QLabel(self)
        self.problem.setObjectName("error")
        self.problem.setWordWrap(True)
        tables = QHBoxLayout()
        tables.addWidget(self.absence, 3)
        tables.addWidget(self.participation, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(tables, 1)
        layout.addWidget(self._absence_form())
        layout.addWidget(self._participation_form())
        layout.addWidget(self.problem)

    def _date_edit(self, parent: QWidget) -> QDateEdit:
        edit = QDateEdit(parent)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText("–")
        edit.setDate(NO_DATE)
        return edit

    def _absence_form(self) -> QGroupBox:
        box = QGroupBox(self.tr("Record absence"), self)
        self.start = self._date_edit(box)
        self.end = self._date_edit(box)
        self.measured = self._date_edit(box)
        today = self._context.clock.today()
        self.measured.setDate(QDate(today.year, today.month, today.day))
        self.measure = QComboBox(box)
        for measure in AbsenceMeasure:
            self.measure.addItem(label(measure), measure.value)
        self.percent = QLineEdit(box)
        self.percent.setPlaceholderText("0-100")
        self.percent.setAccessibleName(self.tr("Absence in percent"))
        self.source = QLineEdit(self.tr("The school's absence system"), box)
        self.absence_problem = QLabel(box)
        self.absence_problem.setObjectName("error")
        self.absence_problem.setWordWrap(True)
        self.absence_button = QPushButton(self.tr("Record &absence"), box)
        form = QFormLayout(box)
        period = QHBoxLayout()
        for widget in (self.start, QLabel("–", box), self.end):
            period.addWidget(widget)
        form.addRow(self.tr("Period"), period)
        form.addRow(self.tr("Measured on"), self.measured)
        row = QHBoxLayout()
        for widget in (self.measure, self.percent, QLabel("%", box)):
            row.addWidget(widget)
        form.addRow(self.tr("Absence"), row)
        form.addRow(self.tr("Source"), self.source)
        form.addRow("", self.absence_problem)
        form.addRow("", self.absence_button)
        for edit in (self.start, self.end, self.measured):
            edit.dateChanged.connect(lambda _d: self._validate())
        self.percent.textChanged.connect(lambda _t: self._validate())
        self.absence_button.clicked.connect(self._record_absence)
        self._validate()
        return box

    def _participation_form(self) -> QGroupBox:
        box = QGroupBox(self.tr("Record participation"), self)
        self.level = QComboBox(box)
        for level in ParticipationLevel:
            self.level.addItem(label(level), level.value)
        self.participation_note = QLineEdit(box)
        self.participation_note.setPlaceholderText(self.tr("What it rests on"))
        self.participation_button = QPushButton(self.tr("Record &participation"), box)
        row = QHBoxLayout(box)
        for widget in (self.level, self.participation_note, self.participation_button):
            row.addWidget(widget)
        self.participation_button.clicked.connect(self._record_participation)
        return box

    @staticmethod
    def _date(edit: QDateEdit) -> date | None:
        return None if edit.date() == NO_DATE else edit.date().toPython()  # type: ignore[return-value]

    def _percent(self) -> float | None:
        try:
            return float(self.percent.text().replace(",", ".").strip())
        except ValueError:
            return None

    def _problems(self) -> list[str]:
        start, end, measured = (
            self._date(self.start),
            self._date(self.end),
            self._date(self.measured),
        )
        problems = []
        if start is None or end is None:
            problems.append(self.tr("Give the period the absence was measured over."))
        elif end < start:
            problems.append(self.tr("The period ends before it starts."))
        elif measured is not None and measured < end:
            problems.append(self.tr("Absence is measured after the period has ended."))
        percent = self._percent()
        if not self.percent.text().strip():
            problems.append(self.tr("Give the absence in percent."))
        elif percent is None:
            problems.append(self.tr("The percentage is not a number."))
        elif not 0 <= percent <= 100:
            problems.append(self.tr("A percentage is between 0 and 100."))
        return problems

    def _validate(self) -> bool:
        problems = self._problems()
        self.absence_problem.setText(" ".join(problems))
        self.absence_button.setEnabled(not problems and self._case_id is not None)
        return not problems

    def show_case(self, case_id: str) -> None:
        self._case_id = case_id
        self._validate()
        self.refresh()

    def refresh(self) -> None:
        case_id = self._case_id
        if case_id is None:
            return
        services = self._context.services
        self._runner.run(
            lambda control: case_absence(services, case_id), self._loaded, self._failed
        )

    def _loaded(self, result: tuple[list[AbsenceRow], list[ParticipationRow]]) -> None:
        absence, participation = result
        self.absence.setRowCount(len(absence))
        for row, item in enumerate(absence):
            cells = (
                f"{item.period_start.isoformat()} – {item.period_end.isoformat()}",
                f"{item.percent:g} %",
                label(item.measure, "AbsenceMeasure"),
                item.source,
            )
            for column, text in enumerate(cells):
                self.absence.setItem(row, column, QTableWidgetItem(text))
        self.participation.setRowCount(len(participation))
        for row, level in enumerate(participation):
            self.participation.setItem(row, 0, QTableWidgetItem(level.assessed_on.isoformat()))
            self.participation.setItem(
                row, 1, QTableWidgetItem(label(level.level, "ParticipationLevel"))
            )
        self.absence.resizeColumnsToContents()
        self.participation.resizeColumnsToContents()

    def _record_absence(self) -> None:
        case_id, start, end = self._case_id, self._date(self.start), self._date(self.end)
        measured, percent = self._date(self.measured), self._percent()
        if not self._validate() or None in (case_id, start, end, measured, percent):
            return
        data = support_service.AbsenceInput(
            period_start=start,  # type: ignore[arg-type]
            period_end=end,  # type: ignore[arg-type]
            measured_on=measured,  # type: ignore[arg-type]
            source=self.source.text().strip(),
            measure=AbsenceMeasure(self.measure.currentData()),
            percent=percent,  # type: ignore[arg-type]
        )
        services = self._context.services
        self._write(lambda: support_service.record_absence(services, case_id, data))  # type: ignore[arg-type]

    def _record_participation(self) -> None:
        case_id = self._case_id
        if case_id is None:
            return
        level = ParticipationLevel(self.level.currentData())
        note = self.participation_note.text().strip() or None
        today, services = self._context.clock.today(), self._context.services
        self._write(
            lambda: support_service.record_participation(services, case_id, today, level, note=note)
        )

    def _write(self, action: object) -> None:
        self.problem.clear()
        self._runner.run(lambda control: action(), self._written, self._failed)  # type: ignore[operator]

    def _written(self, _result: object) -> None:
        self.percent.clear()
        self.participation_note.clear()
        for edit in (self.start, self.end):
            edit.setDate(NO_DATE)
        self.changed.emit()
        self.refresh()

    def _failed(self, error: BaseException) -> None:
        self.problem.setText(error_text(error))

    def clear(self) -> None:
        self._case_id = None
        self.absence.setRowCount(0)
        self.participation.setRowCount(0)
