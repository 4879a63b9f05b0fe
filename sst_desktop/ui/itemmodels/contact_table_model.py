"""A case's contacts as a table; rebooked, cancelled and corrected ones stay, marked as such."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from sst_desktop.casework.support_queries import ContactRow
from sst_desktop.ui.labels import label

ItemRole = Qt.ItemDataRole.UserRole + 1
AnyIndex = QModelIndex | QPersistentModelIndex
TITLES = (
    QT_TRANSLATE_NOOP("ContactTableModel", "When"),
    QT_TRANSLATE_NOOP("ContactTableModel", "Contact"),
    QT_TRANSLATE_NOOP("ContactTableModel", "Status"),
    QT_TRANSLATE_NOOP("ContactTableModel", "Minutes"),
    QT_TRANSLATE_NOOP("ContactTableModel", "Where"),
    QT_TRANSLATE_NOOP("ContactTableModel", "Note"),
)


def _cells(row: ContactRow) -> tuple[str, ...]:
    return (
        f"{row.at.astimezone():%Y-%m-%d %H:%M}",
        label(row.kind, "ContactKind"),
        label(row.status, "MeetingStatus"),
        "" if row.duration_minutes is None else str(row.duration_minutes),
        label(row.setting, "Setting") if row.setting else (row.place or ""),
        (row.note or "").splitlines()[0] if row.note else "",
    )


class ContactTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ContactRow] = []

    def set_rows(self, rows: list[ContactRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row(self, index: int) -> ContactRow:
        return self._rows[index]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(TITLES)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return _cells(row)[index.column()]
        if role == ItemRole:
            return row
        inactive = row.corrected or row.status in ("rebooked", "cancelled")
        if role == Qt.ItemDataRole.FontRole and inactive:
            font = QFont()
            font.setStrikeOut(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and row.corrected:
            return QCoreApplication.translate("ContactTableModel", "Replaced by a correction")
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(TITLES):
            return QCoreApplication.translate("ContactTableModel", TITLES[section])
        return None
