"""Team meeting: the weekly internal meeting's agenda. Every open case of the team, what happened
in the week before (as far as the consents let this member see), the plan and what is due;
select a case to read and write the meeting's notes on it."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sst_desktop.app_context import AppContext
from sst_desktop.casework.team_meeting import AgendaItem, add_team_note, team_agenda
from sst_desktop.ui.drafts import DraftKeeper
from sst_desktop.ui.errors import error_text
from sst_desktop.ui.labels import label
from sst_desktop.ui.tasks import TaskRunner

HEADERS = (
    QT_TRANSLATE_NOOP("TeamMeetingScreen", "Case"),
    QT_TRANSLATE_NOOP("TeamMeetingScreen", "Student"),
    QT_TRANSLATE_NOOP("TeamMeetingScreen", "Status"),
    QT_TRANSLATE_NOOP("TeamMeetingScreen", "Contacts"),
    QT_TRANSLATE_NOOP("TeamMeetingScreen", "Meetings"),
    QT_TRANSLATE_NOOP("TeamMeetingScreen", "Ratings"),
    QT_TRANSLATE_NOOP("TeamMeetingScreen", "Plan"),
    QT_TRANSLATE_NOOP("TeamMeetingScreen", "Next due"),
    QT_TRANSLATE_NOOP("TeamMeetingScreen", "Notes"),
)


class TeamMeetingScreen(QWidget):
    open_case = Signal(str)

    def __init__(self, context: AppContext, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self._context, self._runner = context, runner
        self.items: list[AgendaItem] = []
        title = QLabel(self.tr("Team meeting"), self)
        title.setObjectName("screenTitle")
        today = context.clock.today()
        self.meeting_on = QDateEdit(QDate(today.year, today.month, today.day), self)
        self.meeting_on.setCalendarPopup(True)
        self.meeting_on.setDisplayFormat("yyyy-MM-dd")
        self.table = QTableWidget(0, len(HEADERS), self)
        self.table.setHorizontalHeaderLabels(
            [QCoreApplication.translate("TeamMeetingScreen", h) for h in HEADERS]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAccessibleName(self.tr("The meeting's agenda"))
        self.notes = QListWidget(self)
        self.notes.setAccessibleName(self.tr("Notes on the selected case"))
        self.withheld = QLabel(self)
        self.withheld.setWordWrap(True)
        self.note = QPlainTextEdit(self)
        self.note.setPlaceholderText(self.tr("Note for this case from today's meeting"))
        self.note.setMaximumHeight(80)
        self.add_button = QPushButton(self.tr("&Add note"), self)
        self.problem = QLabel(self)
        self.problem.setObjectName("error")
        self.problem.setWordWrap(True)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Meeting on"), self))
        bar.addWidget(self.meeting_on)
        bar.addStretch(1)
        side = QVBoxLayout()
        for widget in (self.notes, self.withheld, self.note, self.add_button, self.problem):
            side.addWidget(widget)
        body = QHBoxLayout()
        body.addWidget(self.table, 3)
        body.addLayout(side, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(bar)
        layout.addLayout(body, 1)
        self.meeting_on.dateChanged.connect(lambda _d: self.refresh())
        self.table.itemSelectionChanged.connect(self._show_selected)
        self.table.itemActivated.connect(lambda _item: self._open_selected())
        self.add_button.clicked.connect(self._add_note)
        self.draft = DraftKeeper(
            context,
            "team_note",
            lambda: {"note": self.note.toPlainText()} if self.note.toPlainText().strip() else {},
            lambda fields: self.note.setPlainText(str(fields.get("note") or "")),
            self,
        )
        self._show_selected()

    def _date(self) -> date:
        return self.meeting_on.date().toPython()  # type: ignore[no-any-return]

    def refresh(self) -> None:
        services, on = self._context.services, self._date()
        self._runner.run(lambda control: team_agenda(services, on), self._loaded, self._failed)

    def _loaded(self, items: list[AgendaItem]) -> None:
        selected = self.selected()
        self.items = items
        self.table.setRowCount(len(items))
        for row, item in enumerate(items):
            cells = (
                item.reference,
                item.student_name or "",
                label(item.status, "CaseStatus"),
                str(item.contacts),
                str(item.meetings),
                str(item.ratings),
                label(item.plan_status, "PlanRevisionStatus") if item.plan_status else "",
                item.next_due.isoformat() if item.next_due else "",
                str(len(item.notes)),
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
            if selected is not None and item.case_id == selected.case_id:
                self.table.selectRow(row)
        self.table.resizeColumnsToContents()
        self._show_selected()

    def selected(self) -> AgendaItem | None:
        rows = self.table.selectionModel().selectedRows()
        return self.items[rows[0].row()] if rows and rows[0].row() < len(self.items) else None

    def _show_selected(self) -> None:
        item = self.selected()
        if item is None or item.case_id != self.draft.case_id:
            self.draft.close()  # the half-written note is saved with the case it was written for
            self.note.clear()
            if item is not None:
                self.draft.open(item.case_id)
        self.notes.clear()
        self.add_button.setEnabled(item is not None)
        self.note.setEnabled(item is not None)
        if item is None:
            self.withheld.clear()
            return
        for note in item.notes:
            self.notes.addItem(f"{note.meeting_on.isoformat()} {note.author_name}: {note.text}")
        self.withheld.setText(
            self.tr("Not shared with your authority: %n record(s) of the week.", "", item.withheld)
            if item.withheld
            else ""
        )

    def _add_note(self) -> None:
        item, text = self.selected(), self.note.toPlainText().strip()
        if item is None or not text:
            return
        services, on = self._context.services, self._date()
        self._runner.run(
            lambda control: add_team_note(services, item.case_id, on, text),
            self._note_added,
            self._failed,
        )

    def _note_added(self, _note_id: object) -> None:
        self.note.clear()
        self.draft.saved()
        self.problem.clear()
        self.refresh()

    def _failed(self, error: BaseException) -> None:
        self.problem.setText(error_text(error))

    def _open_selected(self) -> None:
        item = self.selected()
        if item is not None:
            self.open_case.emit(item.case_id)

    def clear(self) -> None:
        self.draft.close()
        self.items = []
        self.table.setRowCount(0)
        self.notes.clear()
        self.note.clear()
