"""Today: what needs doing now (``casework.today``), overdue first; Enter opens the right place."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sst_desktop.app_context import AppContext
from sst_desktop.casework.dto import TodayItem
from sst_desktop.casework.today import today_items
from sst_desktop.ui.errors import error_text
from sst_desktop.ui.itemmodels.today_table_model import ItemRole, TodayTableModel
from sst_desktop.ui.tasks import TaskRunner


class TodayScreen(QWidget):
    open_item = Signal(object)  # TodayItem

    def __init__(self, context: AppContext, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self._context, self._runner = context, runner
        self._items: list[TodayItem] = []
        title = QLabel(self.tr("Today"), self)
        title.setObjectName("screenTitle")
        self.mine = QCheckBox(self.tr("Only &my cases"), self)
        self.mine.setChecked(True)
        self.summary = QLabel(self)
        self.model = TodayTableModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAccessibleName(self.tr("What needs doing today"))
        self.empty = QLabel(self.tr("Nothing needs doing right now."), self)
        self.empty.hide()
        bar = QHBoxLayout()
        bar.addWidget(self.mine)
        bar.addStretch(1)
        bar.addWidget(self.summary)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(bar)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        self.mine.toggled.connect(lambda _on: self._show())
        self.table.activated.connect(self._activated)

    def refresh(self) -> None:
        self._runner.run(
            lambda control: today_items(self._context.services), self._loaded, self._failed
        )

    def _loaded(self, items: list[TodayItem]) -> None:
        self._items = items
        self._show()

    def _show(self) -> None:
        shown = [i for i in self._items if i.mine] if self.mine.isChecked() else self._items
        self.model.set_items(shown, self._context.clock.today())
        self.table.resizeColumnsToContents()
        overdue = sum(1 for i in shown if i.due_on < self._context.clock.today())
        self.summary.setText(
            self.tr("%1 items, %2 overdue")
            .replace("%1", str(len(shown)))
            .replace("%2", str(overdue))
        )
        self.empty.setVisible(not shown)

    def _failed(self, error: BaseException) -> None:
        self.summary.setText(error_text(error))

    def _activated(self, index: QModelIndex) -> None:
        item = self.model.data(index, ItemRole)
        if isinstance(item, TodayItem):
            self.open_item.emit(item)

    def clear(self) -> None:
        self._items = []
        self.model.clear()
