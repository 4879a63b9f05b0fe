"""Conflicts: a field two people changed at once. The server kept one value and nothing was
lost; here the user sees both side by side and decides: keep the saved value, use the other,
or write a merge. The decision is an ordinary edit of the record and closes the conflict on
every device at the next sync."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sst_desktop.app_context import AppContext
from sst_desktop.sync.resolution import ConflictRow, open_conflicts, resolve
from sst_desktop.ui.errors import error_text
from sst_desktop.ui.labels import label
from sst_desktop.ui.tasks import TaskRunner

COLUMNS = (
    QT_TRANSLATE_NOOP("ConflictsScreen", "When"),
    QT_TRANSLATE_NOOP("ConflictsScreen", "Case"),
    QT_TRANSLATE_NOOP("ConflictsScreen", "Record"),
    QT_TRANSLATE_NOOP("ConflictsScreen", "Field"),
    QT_TRANSLATE_NOOP("ConflictsScreen", "Changed by"),
)


def shown(value: Any) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


class ConflictsScreen(QWidget):
    resolved = Signal()

    def __init__(self, context: AppContext, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self._context, self._runner = context, runner
        self.rows: list[ConflictRow] = []
        title = QLabel(self.tr("Conflicts"), self)
        title.setObjectName("screenTitle")
        self.summary = QLabel(self)
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setHorizontalHeaderLabels(
            [QCoreApplication.translate("ConflictsScreen", c) for c in COLUMNS]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAccessibleName(self.tr("Conflicts to resolve"))
        self.kept = self._text(self.tr("The value that was saved"))
        self.other = self._text(self.tr("The other value"))
        self.merge = QPlainTextEdit(self)
        self.merge.setAccessibleName(self.tr("Your merge"))
        self.keep_button = QPushButton(self.tr("&Keep the saved value"), self)
        self.other_button = QPushButton(self.tr("&Use the other value"), self)
        self.merge_button = QPushButton(self.tr("Save my &merge"), self)
        self.problem = QLabel(self)
        self.problem.setObjectName("error")
        self.problem.setWordWrap(True)
        sides = QGridLayout()
        self.kept_label = QLabel(self.tr("Saved"), self)
        self.other_label = QLabel(self)
        sides.addWidget(self.kept_label, 0, 0)
        sides.addWidget(self.other_label, 0, 1)
        sides.addWidget(self.kept, 1, 0)
        sides.addWidget(self.other, 1, 1)
        sides.addWidget(self.keep_button, 2, 0)
        sides.addWidget(self.other_button, 2, 1)
        merge_row = QHBoxLayout()
        merge_row.addWidget(self.merge, 1)
        merge_row.addWidget(self.merge_button)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(sides)
        layout.addWidget(QLabel(self.tr("Or write a merge of both"), self))
        layout.addLayout(merge_row)
        layout.addWidget(self.problem)
        self.table.itemSelectionChanged.connect(self._selected)
        self.keep_button.clicked.connect(lambda: self._resolve("kept"))
        self.other_button.clicked.connect(lambda: self._resolve("other"))
        self.merge_button.clicked.connect(lambda: self._resolve("merge"))
        self._selected()

    def _text(self, name: str) -> QPlainTextEdit:
        box = QPlainTextEdit(self)
        box.setReadOnly(True)
        box.setAccessibleName(name)
        box.setMaximumHeight(140)
        return box

    def refresh(self) -> None:
        services = self._context.services
        self._runner.run(lambda control: open_conflicts(services), self._loaded, self._failed)

    def _loaded(self, rows: list[ConflictRow]) -> None:
        self.rows = rows
        self.summary.setText(
            self.tr("%n conflict(s) to resolve.", "", len(rows))
            if rows
            else self.tr("No conflicts: everything synced merged cleanly.")
        )
        self.table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            cells = (
                row.created_at.astimezone().strftime("%Y-%m-%d %H:%M"),
                row.case_reference or "",
                label(row.entity_type, "RecordType"),
                label(row.field, "RecordField"),
                row.other_author,
            )
            for column, text in enumerate(cells):
                self.table.setItem(index, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        if rows:
            self.table.selectRow(0)
        self._selected()

    def selected(self) -> ConflictRow | None:
        chosen = self.table.selectionModel().selectedRows()
        return self.rows[chosen[0].row()] if chosen and chosen[0].row() < len(self.rows) else None

    def _selected(self) -> None:
        row = self.selected()
        for button in (self.keep_button, self.other_button, self.merge_button):
            button.setEnabled(row is not None)
        self.kept.setPlainText(shown(row.kept_value) if row else "")
        self.other.setPlainText(shown(row.other_value) if row else "")
        self.other_label.setText(
            self.tr("By %1").replace("%1", row.other_author) if row else self.tr("Other")
        )
        textual = row is not None and all(
            isinstance(v, str | None) for v in (row.kept_value, row.other_value)
        )
        self.merge.setEnabled(textual)
        self.merge_button.setEnabled(textual)
        self.merge.setPlainText(
            "\n".join(v for v in (shown(row.kept_value), shown(row.other_value)) if v)
            if row and textual
            else ""
        )

    def _resolve(self, choice: str) -> None:
        row = self.selected()
        if row is None:
            return
        value = {
            "kept": row.kept_value,
            "other": row.other_value,
            "merge": self.merge.toPlainText(),
        }[choice]
        services = self._context.services
        self.problem.clear()
        self._runner.run(
            lambda control: resolve(services, row.conflict_id, value), self._done, self._failed
        )

    def _done(self, _result: object) -> None:
        self.resolved.emit()
        self.refresh()

    def _failed(self, error: BaseException) -> None:
        self.problem.setText(error_text(error))

    def clear(self) -> None:
        self.rows = []
        self.table.setRowCount(0)
        self.kept.clear()
        self.other.clear()
        self.merge.clear()
