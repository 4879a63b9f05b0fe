"""Meetings: book one (the programme's suggested participants and agenda filled in for its kind),
then mark it held with notes, rebook it, or cancel it with a reason. A rebooked or cancelled
meeting stays in the list."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDateTime, QLocale, QTime, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sst_desktop.app_context import AppContext
from sst_desktop.casework import support_service
from sst_desktop.casework.support_queries import MeetingRow, case_meetings
from sst_desktop.config.agenda_templates import agenda_template
from sst_desktop.ui.errors import error_text
from sst_desktop.ui.labels import label
from sst_desktop.ui.tasks import TaskRunner
from sst_rules.enums import MeetingKind, MeetingStatus, Setting

HEADERS = (
    QT_TRANSLATE_NOOP("MeetingsTab", "When"),
    QT_TRANSLATE_NOOP("MeetingsTab", "Meeting"),
    QT_TRANSLATE_NOOP("MeetingsTab", "Status"),
    QT_TRANSLATE_NOOP("MeetingsTab", "Where"),
    QT_TRANSLATE_NOOP("MeetingsTab", "Notes or reason"),
)


class MeetingsTab(QWidget):
    changed = Signal()

    def __init__(self, context: AppContext, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self._context, self._runner = context, runner
        self._case_id: str | None = None
        self._programme = "sst"
        self.rows: list[MeetingRow] = []
        self.table = QTableWidget(0, len(HEADERS), self)
        self.table.setHorizontalHeaderLabels(
            [QCoreApplication.translate("MeetingsTab", h) for h in HEADERS]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAccessibleName(self.tr("Meetings of the case"))
        self._build_form()
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.table, 1)
        self.table.itemSelectionChanged.connect(self._update_actions)
        self._update_actions()

    def _build_form(self) -> None:
        self.kind = QComboBox(self)
        for kind in MeetingKind:
            self.kind.addItem(label(kind), kind.value)
        tomorrow = QDateTime(QDateTime.currentDateTime().date().addDays(1), QTime(9, 0))
        self.when = QDateTimeEdit(tomorrow, self)
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.minutes = QSpinBox(self)
        self.minutes.setRange(0, 1440)
        self.minutes.setValue(60)
        self.minutes.setSuffix(self.tr(" min"))
        self.setting = QComboBox(self)
        for setting in Setting:
            self.setting.addItem(label(setting), setting.value)
        self.place = QLineEdit(self)
        self.participants = QLineEdit(self)
        self.agenda = QPlainTextEdit(self)
        self.agenda.setMaximumHeight(90)
        self.notes = QLineEdit(self)
        self.notes.setPlaceholderText(self.tr("Notes when held, or the reason when cancelled"))
        self.book_button = QPushButton(self.tr("&Book meeting"), self)
        self.held_button = QPushButton(self.tr("Mark &held"), self)
        self.rebook_button = QPushButton(self.tr("&Rebook to the time above"), self)
        self.cancel_button = QPushButton(self.tr("&Cancel meeting"), self)
        self.problem = QLabel(self)
        self.problem.setObjectName("error")
        self.problem.setWordWrap(True)
        row = QHBoxLayout()
        for widget in (self.kind, self.when, self.minutes, self.setting, self.place):
            row.addWidget(widget)
        actions = QHBoxLayout()
        for button in (self.book_button, self.held_button, self.rebook_button, self.cancel_button):
            actions.addWidget(button)
        actions.addWidget(self.problem, 1)
        self.form = QFormLayout()
        self.form.addRow(self.tr("&Meeting"), row)
        self.form.addRow(self.tr("&Participants"), self.participants)
        self.form.addRow(self.tr("&Agenda"), self.agenda)
        self.form.addRow(self.tr("&Notes"), self.notes)
        self.form.addRow("", actions)
        self.kind.currentIndexChanged.connect(lambda _i: self._fill_template())
        self.book_button.clicked.connect(self._book)
        self.held_button.clicked.connect(self._hold)
        self.rebook_button.clicked.connect(self._rebook)
        self.cancel_button.clicked.connect(self._cancel)

    def _language(self) -> str:
        return "sv" if QLocale().language() == QLocale.Language.Swedish else "en"

    def _fill_template(self) -> None:
        """The programme's participants and agenda for this kind, unless the user wrote some."""
        template = agenda_template(self._programme, str(self.kind.currentData()), self._language())
        if template is None:
            return
        self.participants.setText(template.participants)
        self.agenda.setPlainText(template.agenda)

    @property
    def case_id(self) -> str | None:
        return self._case_id

    def show_case(self, case_id: str, programme: str) -> None:
        self._case_id, self._programme = case_id, programme
        self._fill_template()
        self.refresh()

    def refresh(self) -> None:
        case_id = self._case_id
        if case_id is None:
            return
        services = self._context.services
        self._runner.run(
            lambda control: case_meetings(services, case_id), self._loaded, self._failed
        )

    def _loaded(self, rows: list[MeetingRow]) -> None:
        self.rows = rows
        self.table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            cells = (
                f"{row.scheduled_at.astimezone():%Y-%m-%d %H:%M}",
                label(row.kind, "MeetingKind"),
                label(row.status, "MeetingStatus"),
                label(row.setting, "Setting") if row.setting else (row.place or ""),
                row.cancel_reason or row.notes or "",
            )
            for column, text in enumerate(cells):
                self.table.setItem(index, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self._update_actions()

    def selected(self) -> MeetingRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.rows[rows[0].row()] if rows and rows[0].row() < len(self.rows) else None

    def _update_actions(self) -> None:
        row = self.selected()
        booked = row is not None and row.status == MeetingStatus.BOOKED.value
        for button in (self.held_button, self.rebook_button, self.cancel_button):
            button.setEnabled(booked)
        self.book_button.setEnabled(self._case_id is not None)

    def _when_utc(self) -> datetime:
        return self.when.dateTime().toPython().astimezone(UTC)  # type: ignore[no-any-return]

    def _book(self) -> None:
        case_id = self._case_id
        if case_id is None:
            return
        agenda = self.agenda.toPlainText().strip()
        participants = self.participants.text().strip()
        if participants:
            agenda = self.tr("Participants: %1").replace("%1", participants) + "\n\n" + agenda
        data = support_service.MeetingInput(
            kind=MeetingKind(self.kind.currentData()),
            scheduled_at=self._when_utc(),
            duration_minutes=self.minutes.value(),
            setting=Setting(self.setting.currentData()),
            place=self.place.text().strip() or None,
            agenda=agenda or None,
        )
        services = self._context.services
        self._write(lambda: support_service.book_meeting(services, case_id, data))

    def _hold(self) -> None:
        row, notes = self.selected(), self.notes.text().strip() or None
        if row is not None:
            services = self._context.services
            self._write(lambda: support_service.hold_meeting(services, row.meeting_id, notes))

    def _rebook(self) -> None:
        row, when = self.selected(), self._when_utc()
        if row is not None:
            services = self._context.services
            self._write(lambda: support_service.rebook_meeting(services, row.meeting_id, when))

    def _cancel(self) -> None:
        row, reason = self.selected(), self.notes.text().strip()
        if row is None:
            return
        if not reason:
            self.problem.setText(self.tr("Write why the meeting is cancelled in Notes."))
            self.notes.setFocus()
            return
        services = self._context.services
        self._write(lambda: support_service.cancel_meeting(services, row.meeting_id, reason))

    def _write(self, action: object) -> None:
        self.problem.clear()
        self._runner.run(lambda control: action(), self._written, self._failed)  # type: ignore[operator]

    def _written(self, _result: object) -> None:
        self.notes.clear()
        self.changed.emit()
        self.refresh()

    def _failed(self, error: BaseException) -> None:
        self.problem.setText(error_text(error))

    def clear(self) -> None:
        self._case_id = None
        self.rows = []
        self.table.setRowCount(0)
