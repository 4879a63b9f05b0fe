"""Closure and follow-up: how the case closed (recorded when it is moved to closed) and the
follow-ups the programme schedules after it, each recorded when it is done: participation in
teaching, acceptable knowledge, eligibility for upper-secondary school."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sst_desktop.app_context import AppContext
from sst_desktop.casework import closure_service
from sst_desktop.casework.support_queries import ClosureRow, FollowUpRow, case_closure
from sst_desktop.ui.errors import error_text
from sst_desktop.ui.labels import label
from sst_desktop.ui.tasks import TaskRunner
from sst_rules.enums import ParticipationLevel


class ClosureTab(QWidget):
    changed = Signal()

    def __init__(self, context: AppContext, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self._context, self._runner = context, runner
        self._case_id: str | None = None
        self.follow_ups: list[FollowUpRow] = []
        self.closure = QLabel(self)
        self.closure.setWordWrap(True)
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Due"), self.tr("Months after"), self.tr("Done"), self.tr("Participation")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAccessibleName(self.tr("Follow-ups after closure"))
        box = QGroupBox(self.tr("Record the selected follow-up"), self)
        self.level = QComboBox(box)
        for level in ParticipationLevel:
            self.level.addItem(label(level), level.value)
        self.knowledge = self._yes_no(box)
        self.eligible = self._yes_no(box)
        self.note = QLineEdit(box)
        self.record_button = QPushButton(self.tr("Record &follow-up"), box)
        form = QFormLayout(box)
        form.addRow(self.tr("Participation in teaching"), self.level)
        form.addRow(self.tr("Acceptable knowledge"), self.knowledge)
        form.addRow(self.tr("Eligible for upper-secondary"), self.eligible)
        form.addRow(self.tr("Note"), self.note)
        form.addRow("", self.record_button)
        self.problem = QLabel(self)
        self.problem.setObjectName("error")
        self.problem.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.closure)
        layout.addWidget(self.table, 1)
        layout.addWidget(box)
        layout.addWidget(self.problem)
        self.table.itemSelectionChanged.connect(self._update)
        self.record_button.clicked.connect(self._record)
        self._update()

    def _yes_no(self, parent: QWidget) -> QComboBox:
        combo = QComboBox(parent)
        combo.addItem(self.tr("Not known"), None)
        combo.addItem(self.tr("Yes"), True)
        combo.addItem(self.tr("No"), False)
        return combo

    def show_case(self, case_id: str) -> None:
        self._case_id = case_id
        self.refresh()

    def refresh(self) -> None:
        case_id = self._case_id
        if case_id is None:
            return
        services = self._context.services
        self._runner.run(
            lambda control: case_closure(services, case_id), self._loaded, self._failed
        )

    def _loaded(self, result: tuple[ClosureRow | None, list[FollowUpRow]]) -> None:
        closure, self.follow_ups = result
        if closure is None:
            self.closure.setText(self.tr("The case is not closed."))
        else:
            self.closure.setText(
                self.tr("Closed %1: %2; goals met: %3.")
                .replace("%1", closure.closed_on.isoformat())
                .replace("%2", label(closure.reason, "ClosureReason"))
                .replace("%3", closure.goals_met)
            )
        self.table.setRowCount(len(self.follow_ups))
        for row, item in enumerate(self.follow_ups):
            cells = (
                item.due_on.isoformat(),
                str(item.months_after),
                item.done_on.isoformat() if item.done_on else "",
                label(item.participation_level, "ParticipationLevel")
                if item.participation_level
                else "",
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self._update()

    def selected(self) -> FollowUpRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.follow_ups[rows[0].row()] if rows else None

    def _update(self) -> None:
        item = self.selected()
        self.record_button.setEnabled(item is not None and item.done_on is None)

    def _record(self) -> None:
        item = self.selected()
        if item is None:
            return
        data = closure_service.FollowUpInput(
            done_on=self._context.clock.today(),
            participation_level=ParticipationLevel(self.level.currentData()),
            acceptable_knowledge=self.knowledge.currentData(),
            upper_secondary_eligible=self.eligible.currentData(),
            note=self.note.text().strip() or None,
        )
        services = self._context.services
        self.problem.clear()
        self._runner.run(
            lambda control: closure_service.record_follow_up(services, item.follow_up_id, data),
            self._written,
            self._failed,
        )

    def _written(self, _result: object) -> None:
        self.note.clear()
        self.changed.emit()
        self.refresh()

    def _failed(self, error: BaseException) -> None:
        self.problem.setText(error_text(error))

    def clear(self) -> None:
        self._case_id = None
        self.follow_ups = []
        self.table.setRowCount(0)
        self.closure.clear()
