"""Audit: who saw and changed what on this case, newest first (reading it is logged too)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sst_desktop.app_context import AppContext
from sst_desktop.casework.audit_queries import AuditRow, case_audit
from sst_desktop.ui.errors import error_text
from sst_desktop.ui.labels import label
from sst_desktop.ui.tasks import TaskRunner


class AuditTab(QWidget):
    def __init__(self, context: AppContext, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self._context, self._runner = context, runner
        self._case_id: str | None = None
        self.rows: list[AuditRow] = []
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Record")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAccessibleName(self.tr("Who saw and changed what"))
        QVBoxLayout(self).addWidget(self.table)

    def show_case(self, case_id: str) -> None:
        """Loaded when the tab is opened, not with the case: reading the log is logged."""
        self._case_id = case_id
        self.rows = []
        self.table.setRowCount(0)

    def refresh(self) -> None:
        case_id = self._case_id
        if case_id is None:
            return
        services = self._context.services
        self._runner.run(lambda control: case_audit(services, case_id), self._loaded, self._failed)

    def _loaded(self, rows: list[AuditRow]) -> None:
        self.rows = rows
        self.table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            cells = (
                f"{row.at.astimezone():%Y-%m-%d %H:%M}",
                row.actor_name,
                label(row.action, "AuditAction"),
                label(row.entity_type, "RecordType"),
            )
            for column, text in enumerate(cells):
                self.table.setItem(index, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()

    def _failed(self, error: BaseException) -> None:
        self.table.setRowCount(1)
        self.table.setItem(0, 0, QTableWidgetItem(error_text(error)))

    def clear(self) -> None:
        self._case_id = None
        self.rows = []
        self.table.setRowCount(0)
