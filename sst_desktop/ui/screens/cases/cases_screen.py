"""Cases: the team's cases in a sortable table; search as you type; filters; open on Enter.

The list is read once per refresh through ``list_cases`` on the task runner; typing filters the
rows already in memory (no query per keystroke).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sst_desktop.app_context import AppContext
from sst_desktop.casework.dto import CaseListItem
from sst_desktop.casework.queries import list_cases
from sst_desktop.ui.errors import error_text
from sst_desktop.ui.itemmodels.case_table_model import (
    COLUMN_INDEX,
    CaseFilterProxy,
    CaseListFilter,
    CaseTableModel,
    ItemRole,
)
from sst_desktop.ui.labels import label
from sst_desktop.ui.tasks import TaskRunner
from sst_rules.enums import CaseStatus, Programme


class CasesScreen(QWidget):
    open_case = Signal(str)  # case id

    def __init__(self, context: AppContext, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self._context, self._runner = context, runner
        self.model = CaseTableModel(self)
        self.proxy = CaseFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self._build()
        self._connect()

    def _build(self) -> None:
        title = QLabel(self.tr("Cases"), self)
        title.setObjectName("screenTitle")
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search name, identity number, school or case"))
        self.search.setAccessibleName(self.tr("Search cases"))
        self.search.setClearButtonEnabled(True)
        self.programme = self._combo(
            self.tr("All programmes"), [(label(p), p.value) for p in Programme]
        )
        self.programme.setAccessibleName(self.tr("Programme"))
        self.status = self._combo(
            self.tr("All statuses"), [(label(s), s.value) for s in CaseStatus]
        )
        self.status.setAccessibleName(self.tr("Status"))
        self.school = self._combo(self.tr("All schools"), [])
        self.school.setAccessibleName(self.tr("School"))
        self.district = self._combo(self.tr("All districts"), [])
        self.district.setAccessibleName(self.tr("District"))
        self.mine = QCheckBox(self.tr("&Mine only"), self)
        self.count = QLabel(self)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COLUMN_INDEX["opened"], Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setResizeContentsPrecision(200)
        self.table.setAccessibleName(self.tr("Case list"))
        self.table.setAlternatingRowColors(True)
        filters = QHBoxLayout()
        for widget in (self.programme, self.status, self.school, self.district, self.mine):
            filters.addWidget(widget)
        filters.addStretch(1)
        filters.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.search)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)

    def _combo(self, everything: str, entries: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox(self)
        combo.addItem(everything, None)
        for text, value in entries:
            combo.addItem(text, value)
        return combo

    def _connect(self) -> None:
        self.search.textChanged.connect(self._apply_filter)
        for combo in (self.programme, self.status, self.school, self.district):
            combo.currentIndexChanged.connect(self._apply_filter)
        self.mine.toggled.connect(self._apply_filter)
        self.table.activated.connect(self._activated)
        QShortcut(QKeySequence.StandardKey.Find, self, activated=self.focus_search)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def refresh(self) -> None:
        self._runner.run(
            lambda control: list_cases(self._context.services), self._loaded, self._failed
        )

    def _loaded(self, items: list[CaseListItem]) -> None:
        self.model.set_items(items)
        header = self.table.horizontalHeader()
        self.proxy.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        self._fill_choices(self.school, sorted({i.school_name for i in items if i.school_name}))
        self._fill_choices(
            self.district, sorted({i.district_name for i in items if i.district_name})
        )
        self._apply_filter()
        self.table.resizeColumnsToContents()  # measures the first rows only (precision below)

    def _fill_choices(self, combo: QComboBox, names: list[str]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        while combo.count() > 1:
            combo.removeItem(1)
        for name in names:
            combo.addItem(name, name)
        combo.setCurrentIndex(max(0, combo.findData(current)) if current else 0)
        combo.blockSignals(False)

    def _failed(self, error: BaseException) -> None:
        self.count.setText(error_text(error))

    def _apply_filter(self) -> None:
        self.proxy.set_filter(
            CaseListFilter(
                text=self.search.text(),
                programme=self.programme.currentData(),
                status=self.status.currentData(),
                school=self.school.currentData(),
                district=self.district.currentData(),
                mine_only=self.mine.isChecked(),
            )
        )
        self.count.setText(
            self.tr("%1 of %2 cases")
            .replace("%1", str(self.proxy.rowCount()))
            .replace("%2", str(self.model.rowCount()))
        )

    def _activated(self, index: object) -> None:
        item = self.proxy.data(index, ItemRole)  # type: ignore[arg-type]
        if isinstance(item, CaseListItem):
            self.open_case.emit(item.case_id)

    def clear(self) -> None:
        self.model.clear()
        self.search.clear()
