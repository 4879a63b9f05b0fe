"""The revision's goals grouped by perspective (individual, school-related, social), each with
its criterion, target date and latest review status, its sub-goals and its interventions
(toolbox or free text; who, for whom, where, how often, from and to) beneath it."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from sst_desktop.casework.plan_dto import GoalView, InterventionView, RevisionView
from sst_desktop.ui.labels import label
from sst_desktop.ui.screens.case_workspace.plan_words import PERSPECTIVES, PlanWords

GOAL, INTERVENTION = "goal", "intervention"
ROLE = Qt.ItemDataRole.UserRole  # (kind, id) of the row
COLUMNS = 4  # what; criterion or details; date or period; review status


class PlanContentView(QTreeWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.words = PlanWords(self)
        self.setColumnCount(COLUMNS)
        self.setHeaderLabels(
            [
                self.tr("Goal or intervention"),
                self.tr("Criterion, or who, for whom, where, how often"),
                self.tr("Target date or period"),
                self.tr("Status at the latest review"),
            ]
        )
        self.setAccessibleName(self.tr("Goals and interventions of the plan"))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(True)
        self.setUniformRowHeights(False)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column in (2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

    def show_revision(self, revision: RevisionView | None) -> None:
        self.clear()
        if revision is None:
            return
        for perspective in PERSPECTIVES:
            group = QTreeWidgetItem(self, [label(perspective, "PlanPerspective")])
            font = QFont(group.font(0))
            font.setBold(True)
            group.setFont(0, font)
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            goals = [g for g in revision.goals if g.perspective == perspective]
            placed: dict[str, QTreeWidgetItem] = {}
            for goal in goals:
                under = placed.get(goal.parent_id or "", group)
                placed[goal.goal_id] = self._goal(under, goal, revision)
            if not goals:
                QTreeWidgetItem(group, [self.tr("No goals in this perspective")]).setFlags(
                    Qt.ItemFlag.ItemIsEnabled
                )
        loose = revision.interventions_of(None)
        if loose:
            group = QTreeWidgetItem(self, [self.tr("Not tied to a goal")])
            for item in loose:
                self._intervention(group, item)
        self.expandAll()
        self.setCurrentIndex(QModelIndex())  # no group row looks chosen
        self.fit_height()

    def fit_height(self, most: int = 640) -> None:
        """As tall as the rows (the tab scrolls, not the list), up to ``most`` pixels."""
        self.doItemsLayout()
        rows = sum(self.visualItemRect(row).height() for row in self._rows())
        frame = 2 * self.frameWidth() + self.header().sizeHint().height() + 4
        self.setFixedHeight(min(max(rows, 3 * self.fontMetrics().height()) + frame, most))

    def _goal(
        self, parent: QTreeWidgetItem, goal: GoalView, revision: RevisionView
    ) -> QTreeWidgetItem:
        row = QTreeWidgetItem(
            parent,
            [
                f"{goal.number}. {goal.text}",
                goal.criterion or "",
                goal.target_date.isoformat() if goal.target_date else "",
                self.words.status(goal.latest_status),
            ],
        )
        row.setData(0, ROLE, (GOAL, goal.goal_id))
        row.setToolTip(0, goal.text)
        for item in revision.interventions_of(goal.goal_id):
            self._intervention(row, item)
        return row

    def _intervention(self, parent: QTreeWidgetItem, item: InterventionView) -> None:
        row = QTreeWidgetItem(
            parent,
            [
                "↳ " + self.words.tool(item),
                self.words.details(item),
                self.words.period(item.active_from, item.active_to),
                "",
            ],
        )
        row.setData(0, ROLE, (INTERVENTION, item.intervention_id))
        row.setToolTip(0, self.words.tool(item))
        row.setToolTip(1, self.words.details(item))

    def selected(self) -> tuple[str, str] | None:
        """(kind, id) of the selected goal or intervention."""
        items = self.selectedItems()
        data = items[0].data(0, ROLE) if items else None
        return (str(data[0]), str(data[1])) if data else None

    def select(self, kind: str, record_id: str) -> bool:
        for row in self._rows():
            data = row.data(0, ROLE)
            if data and tuple(data) == (kind, record_id):
                self.setCurrentItem(row)
                return True
        return False

    def _rows(self) -> list[QTreeWidgetItem]:
        """Every row, top to bottom as shown."""
        found: list[QTreeWidgetItem] = []

        def walk(row: QTreeWidgetItem | None) -> None:
            if row is not None:
                found.append(row)
                for index in range(row.childCount()):
                    walk(row.child(index))

        for index in range(self.topLevelItemCount()):
            walk(self.topLevelItem(index))
        return found

    def texts(self) -> list[str]:
        """Every row's first column, for tests and screen readers' summaries."""
        return [row.text(0) for row in self._rows()]
