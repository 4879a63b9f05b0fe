"""The Ratings tab's file buttons: export the case's ratings to the documented CSV
(docs/ratings-csv.md) for a FIT platform, and import one: checked whole first, then the user
sees what would be written and confirms; a file with bad rows names every row and writes
nothing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sst_desktop.app_context import AppContext
from sst_desktop.casework.rating_csv import RatingCsvError
from sst_desktop.casework.rating_csv_export import ExportResult, export_ratings
from sst_desktop.casework.rating_csv_import import ImportResult, import_ratings
from sst_desktop.ui.errors import error_text
from sst_desktop.ui.tasks import TaskRunner


class RatingsCsvBar(QWidget):
    imported = Signal()

    def __init__(self, context: AppContext, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self._context, self._runner = context, runner
        self._case_id: str | None = None
        self._pending: bytes | None = None  # a checked file waiting for the user's yes
        self.export_button = QPushButton(self.tr("E&xport ratings (CSV)…"), self)
        self.import_button = QPushButton(self.tr("&Import ratings (CSV)…"), self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.confirm: QMessageBox | None = None
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.export_button.clicked.connect(self._ask_export_path)
        self.import_button.clicked.connect(self._ask_import_path)

    def show_case(self, case_id: str | None) -> None:
        self._case_id, self._pending = case_id, None
        self.message.clear()
        for button in (self.export_button, self.import_button):
            button.setEnabled(case_id is not None)

    def _ask_export_path(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export ratings"), "skattningar.csv", self.tr("CSV files (*.csv)")
        )
        if path:
            self.export_to(Path(path))

    def _ask_import_path(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Import ratings"), "", self.tr("CSV files (*.csv)")
        )
        if path:
            self.check_file(Path(path))

    def export_to(self, path: Path) -> None:
        case_id, services = self._case_id, self._context.services
        if case_id is None:
            return
        self._runner.run(
            lambda control: export_ratings(services, path, case=case_id),
            lambda result: self._exported(result, path),
            self._failed,
        )

    def _exported(self, result: ExportResult, path: Path) -> None:
        text = self.tr("%n rating(s) written to %1.", "", result.ratings).replace("%1", path.name)
        if result.left_out:
            text += " " + self.tr(
                "%n form(s) the file cannot hold were left out.", "", result.left_out
            )
        self.message.setText(text)

    def check_file(self, path: Path) -> None:
        """Read and check the whole file (a dry run), then ask before anything is written."""
        case_id, services = self._case_id, self._context.services
        try:
            data = path.read_bytes()
        except OSError as error:
            self.message.setText(
                self.tr("Cannot read %1: %2")
                .replace("%1", path.name)
                .replace("%2", error.strerror or "")
            )
            return
        if case_id is None:
            return
        self._runner.run(
            lambda control: import_ratings(services, case_id, data, dry_run=True),
            lambda result: self._checked(result, data),
            self._failed,
        )

    def _checked(self, result: ImportResult, data: bytes) -> None:
        if result.written == 0:
            self.message.setText(self.tr("Every rating in the file is already recorded."))
            return
        self._pending = data
        question = self.tr("%n rating(s) will be added to the case.", "", result.written)
        if result.duplicates:
            question += " " + self.tr(
                "%n are already recorded and are skipped.", "", result.duplicates
            )
        self.confirm = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Import ratings"),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        self.confirm.finished.connect(self._answered)
        self.confirm.open()  # window-modal, not a nested event loop

    def _answered(self, button: int) -> None:
        if button == QMessageBox.StandardButton.Yes:
            self.import_checked()
        else:
            self._pending = None

    def import_checked(self) -> None:
        case_id, services, data = self._case_id, self._context.services, self._pending
        if case_id is None or data is None:
            return
        self._pending = None
        self._runner.run(
            lambda control: import_ratings(services, case_id, data),
            self._imported,
            self._failed,
        )

    def _imported(self, result: ImportResult) -> None:
        self.message.setText(self.tr("%n rating(s) imported.", "", result.written))
        self.imported.emit()

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, RatingCsvError):  # every bad row, each in the UI language
            lines = [
                self.tr("Row %1: %2").replace("%1", str(p.line)).replace("%2", error_text(p.error))
                for p in error.problems
            ]
            self.message.setText(self.tr("Nothing was imported.") + "\n" + "\n".join(lines))
            return
        self.message.setText(error_text(error))
