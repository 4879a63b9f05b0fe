"""Make plan goals from the mapping: the "what needs to happen" lines and safety goals, each
ticked or not with the perspective of its goal (individual unless chosen), and whether the
analysis joins the plan's overall aims. Window-modal (``open()``, no nested event loop); the
tab reads ``picks()`` and ``with_analysis()`` when it is accepted."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sst_desktop.casework.mapping_dto import ItemView, MappingView
from sst_desktop.casework.mapping_plan import GoalPick
from sst_desktop.ui.labels import label
from sst_rules.enums import MappingItemKind, PlanPerspective


class MakeGoalsDialog(QDialog):
    def __init__(self, view: MappingView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Make plan goals"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.items: list[ItemView] = [
            *view.items_of(MappingItemKind.NEEDS_TO_HAPPEN),
            *view.items_of(MappingItemKind.SAFETY_GOAL),
        ]
        intro = QLabel(
            self.tr(
                "Each line you tick becomes a goal of the plan's draft (a draft is started if "
                "there is none). Choose the perspective of each goal."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(len(self.items), 3, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Goal"), self.tr("From"), self.tr("Perspective")]
        )
        self.table.verticalHeader().hide()
        self.table.setAccessibleName(self.tr("Lines that can become goals"))
        self.perspectives: list[QComboBox] = []
        for row, item in enumerate(self.items):
            cell = QTableWidgetItem(item.text)
            cell.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            cell.setCheckState(Qt.CheckState.Checked)
            self.table.setItem(row, 0, cell)
            self.table.setItem(row, 1, QTableWidgetItem(label(item.kind)))
            combo = QComboBox(self.table)
            for perspective in PlanPerspective:
                combo.addItem(label(perspective), perspective.value)
            self.perspectives.append(combo)
            self.table.setCellWidget(row, 2, combo)
        self.table.resizeColumnsToContents()
        self.table.itemChanged.connect(lambda _i: self._enable())
        self.analysis = QCheckBox(self.tr("Add the analysis to the plan's overall aims"), self)
        self.analysis.setEnabled(bool(view.analysis))
        self.analysis.toggled.connect(lambda _on: self._enable())
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Make the goals"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addWidget(self.analysis)
        layout.addWidget(self.buttons)
        self.resize(720, 360)
        self._enable()

    def picks(self) -> list[GoalPick]:
        return [
            GoalPick(item.item_id, PlanPerspective(self.perspectives[row].currentData()))
            for row, item in enumerate(self.items)
            if self._ticked(row)
        ]

    def _ticked(self, row: int) -> bool:
        cell = self.table.item(row, 0)
        return cell is not None and cell.checkState() == Qt.CheckState.Checked

    def with_analysis(self) -> bool:
        return self.analysis.isChecked()

    def _enable(self) -> None:
        ok = bool(self.picks()) or self.with_analysis()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)
