"""Who signs the revision and where each stands: every signature recorded (on paper, on screen,
or declined with the reason), and a row for each required signer still missing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QTableWidget, QTableWidgetItem, QWidget

from sst_desktop.casework.plan_dto import RevisionView, SignerStateKind
from sst_desktop.ui.labels import label
from sst_desktop.ui.screens.case_workspace.plan_words import PlanWords

ROLE, NAME, STATE, DATE, NOTE = range(5)


def fit_height(table: QTableWidget, least_rows: int = 2, most: int = 480) -> None:
    """As tall as the rows (the tab scrolls, not the table), up to ``most`` pixels."""
    rows = sum(table.rowHeight(r) for r in range(table.rowCount()))
    rows = max(rows, least_rows * table.verticalHeader().defaultSectionSize())
    frame = 2 * table.frameWidth() + table.horizontalHeader().sizeHint().height()
    table.setFixedHeight(min(rows + frame, most))


class PlanSignersView(QTableWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 5, parent)
        self.words = PlanWords(self)
        self.setHorizontalHeaderLabels(
            [self.tr("Signer"), self.tr("Name"), self.tr("State"), self.tr("Date"), self.tr("Note")]
        )
        self.verticalHeader().hide()
        self.horizontalHeader().setStretchLastSection(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWordWrap(True)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setAccessibleName(self.tr("Signers of the revision"))

    def show_revision(self, revision: RevisionView | None) -> None:
        rows: list[tuple[str, str, str, str, str]] = []
        for signer in revision.signers if revision else ():
            role = label(signer.role, "SignerRole")
            for signature in signer.signatures:
                rows.append(
                    (
                        role,
                        signature.name,
                        self.words.method(signature),
                        signature.signed_on.isoformat(),
                        signature.declined_reason or "",
                    )
                )
            if signer.required and signer.state != SignerStateKind.SIGNED:
                rows.append((role, "", self.words.state(signer), "", ""))
        self.setRowCount(len(rows))
        for row, cells in enumerate(rows):
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.setItem(row, column, item)
        for column in (ROLE, NAME, STATE, DATE):
            self.resizeColumnToContents(column)
        self.resizeRowsToContents()
        fit_height(self)

    def row_texts(self) -> list[tuple[str, ...]]:
        return [
            tuple(
                cell.text() if (cell := self.item(row, column)) else ""
                for column in range(self.columnCount())
            )
            for row in range(self.rowCount())
        ]
