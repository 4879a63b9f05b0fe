"""Today's items as a table: when, what, which case, whose. A thin adapter over ``TodayItem``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from sst_desktop.casework.dto import TodayItem, TodayKind
from sst_desktop.ui.labels import label

ItemRole = Qt.ItemDataRole.UserRole + 1
AnyIndex = QModelIndex | QPersistentModelIndex

KIND_TEXT = {
    TodayKind.MEETING_TODAY: QT_TRANSLATE_NOOP("TodayTableModel", "Meeting today"),
    TodayKind.DAILY_CONTACT_MISSING: QT_TRANSLATE_NOOP(
        "TodayTableModel", "Daily contact not yet made"
    ),
    TodayKind.REVIEW_DUE: QT_TRANSLATE_NOOP("TodayTableModel", "Review meeting due"),
    TodayKind.SIX_MONTH_EVALUATION_DUE: QT_TRANSLATE_NOOP(
        "TodayTableModel", "Six-month evaluation due"
    ),
    TodayKind.CONTINUATION_DECISION_DUE: QT_TRANSLATE_NOOP(
        "TodayTableModel", "Continuation decision needed"
    ),
    TodayKind.TIME_LIMIT_REASON_MISSING: QT_TRANSLATE_NOOP(
        "TodayTableModel", "Past the time limit: reason missing"
    ),
    TodayKind.PLAN_AWAITING_SIGNATURES: QT_TRANSLATE_NOOP(
        "TodayTableModel", "Plan waiting for signatures"
    ),
    TodayKind.FOLLOW_UP_DUE: QT_TRANSLATE_NOOP("TodayTableModel", "Follow-up after closure due"),
    TodayKind.CONSENT_EXPIRING: QT_TRANSLATE_NOOP("TodayTableModel", "Consent expires soon"),
    TodayKind.RATING_SIGNAL: QT_TRANSLATE_NOOP("TodayTableModel", "Rating signal"),
}


@dataclass(frozen=True)
class TodayColumn:
    title: str
    display: Callable[[TodayItem], str]


def _when(item: TodayItem) -> str:
    if item.at is not None:
        return item.at.astimezone().strftime("%H:%M")
    return item.due_on.isoformat()


def _what(item: TodayItem) -> str:
    """The kind of item; a rating signal says itself in one sentence."""
    kind = QCoreApplication.translate("TodayTableModel", KIND_TEXT[item.kind])
    if item.note is None:
        return kind
    swedish = QLocale().language() == QLocale.Language.Swedish
    return f"{kind}: {item.note.sv if swedish else item.note.en}"


COLUMNS: tuple[TodayColumn, ...] = (
    TodayColumn(QT_TRANSLATE_NOOP("TodayTableModel", "When"), _when),
    TodayColumn(QT_TRANSLATE_NOOP("TodayTableModel", "What"), lambda i: _what(i)),
    TodayColumn(QT_TRANSLATE_NOOP("TodayTableModel", "Case"), lambda i: i.reference),
    TodayColumn(QT_TRANSLATE_NOOP("TodayTableModel", "Student"), lambda i: i.student_name or ""),
    TodayColumn(
        QT_TRANSLATE_NOOP("TodayTableModel", "Programme"), lambda i: label(i.programme, "Programme")
    ),
)


class TodayTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[TodayItem] = []
        self._today = date.today()

    def set_items(self, items: list[TodayItem], today: date) -> None:
        self.beginResetModel()
        self._items, self._today = list(items), today
        self.endResetModel()

    def clear(self) -> None:
        self.set_items([], self._today)

    def item(self, row: int) -> TodayItem:
        return self._items[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[index.column()].display(item)
        if role == ItemRole:
            return item
        if role == Qt.ItemDataRole.FontRole and item.due_on < self._today:
            font = QFont()
            font.setBold(True)  # overdue
            return font
        if role == Qt.ItemDataRole.ToolTipRole and item.due_on < self._today:
            return QCoreApplication.translate("TodayTableModel", "Overdue")
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(COLUMNS):
            return QCoreApplication.translate("TodayTableModel", COLUMNS[section].title)
        return None
