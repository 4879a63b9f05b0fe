"""Contacts: log a home visit or a daily contact in seconds (kind, time, minutes, where, note;
Ctrl+Enter), book one ahead, and mark a booking held, rebooked or cancelled. Nothing is deleted:
rebooked and cancelled bookings stay in the list, struck through."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import QDateTime, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sst_desktop.app_context import AppContext
from sst_desktop.casework import support_service
from sst_desktop.casework.support_queries import ContactRow, case_contacts
from sst_desktop.ui.drafts import DraftKeeper
from sst_desktop.ui.errors import error_text
from sst_desktop.ui.itemmodels.contact_table_model import ContactTableModel
from sst_desktop.ui.labels import label
from sst_desktop.ui.tasks import TaskRunner
from sst_rules.enums import ContactKind, MeetingStatus, Setting


class ContactsTab(QWidget):
    changed = Signal()

    def __init__(self, context: AppContext, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self._context, self._runner = context, runner
        self._case_id: str | None = None
        self.model = ContactTableModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAccessibleName(self.tr("Contacts of the case"))
        self._build_form()
        self._build_actions()
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addLayout(self.actions)
        layout.addWidget(self.table, 1)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        self._update_actions()
        self.draft = DraftKeeper(context, "contacts", self._draft_fields, self._apply_draft, self)

    def _draft_fields(self) -> dict[str, object]:
        if not self.note.text().strip():
            return {}  # nothing typed that could be lost
        return {
            "kind": self.kind.currentData(),
            "booked": self.booked.currentData(),
            "minutes": self.minutes.value(),
            "setting": self.setting.currentData(),
            "note": self.note.text(),
        }

    def _apply_draft(self, fields: dict[str, object]) -> None:
        for combo, key in ((self.kind, "kind"), (self.booked, "booked"), (self.setting, "setting")):
            index = combo.findData(fields.get(key))
            if index >= 0:
                combo.setCurrentIndex(index)
        minutes = fields.get("minutes")
        if isinstance(minutes, int):
            self.minutes.setValue(minutes)
        self.note.setText(str(fields.get("note") or ""))

    def _build_form(self) -> None:
        self.kind = QComboBox(self)
        for kind in ContactKind:
            self.kind.addItem(label(kind), kind.value)
        self.kind.setCurrentIndex(self.kind.findData(ContactKind.DAILY_CONTACT.value))
        self.when = QDateTimeEdit(QDateTime.currentDateTime(), self)
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.minutes = QSpinBox(self)
        self.minutes.setRange(0, 1440)  # the service's range: nothing else can be typed
        self.minutes.setSuffix(self.tr(" min"))
        self.minutes.setValue(15)
        self.setting = QComboBox(self)
        self.setting.addItem(self.tr("(not stated)"), None)
        for setting in Setting:
            self.setting.addItem(label(setting), setting.value)
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(self.tr("What happened, in a sentence or two"))
        self.booked = QComboBox(self)
        self.booked.addItem(self.tr("Held"), MeetingStatus.HELD.value)
        self.booked.addItem(self.tr("Booked ahead"), MeetingStatus.BOOKED.value)
        self.log_button = QPushButton(self.tr("&Log contact"), self)
        self.log_button.setToolTip(self.tr("Ctrl+Enter"))
        self.problem = QLabel(self)
        self.problem.setObjectName("error")
        self.problem.setWordWrap(True)
        self.form = QFormLayout()
        row = QHBoxLayout()
        for widget in (self.kind, self.when, self.minutes, self.setting, self.booked):
            row.addWidget(widget)
        self.form.addRow(self.tr("&Contact"), row)
        self.form.addRow(self.tr("&Note"), self.note)
        buttons = QHBoxLayout()
        buttons.addWidget(self.log_button)
        buttons.addWidget(self.problem, 1)
        self.form.addRow("", buttons)
        self.log_button.clicked.connect(self.log)
        QShortcut(QKeySequence("Ctrl+Return"), self, activated=self.log)
        self.when.dateTimeChanged.connect(lambda _v: self._validate())
        self.booked.currentIndexChanged.connect(lambda _i: self._validate())

    def _build_actions(self) -> None:
        self.held_button = QPushButton(self.tr("Mark &held"), self)
        self.rebook_button = QPushButton(self.tr("&Rebook to the time above"), self)
        self.cancel_button = QPushButton(self.tr("Cancel &booking"), self)
        self.actions = QHBoxLayout()
        for button in (self.held_button, self.rebook_button, self.cancel_button):
            self.actions.addWidget(button)
        self.actions.addStretch(1)
        self.held_button.clicked.connect(lambda: self._set_status(MeetingStatus.HELD))
        self.cancel_button.clicked.connect(lambda: self._set_status(MeetingStatus.CANCELLED))
        self.rebook_button.clicked.connect(self._rebook)

    def _validate(self) -> bool:
        """A contact marked held cannot lie in the future; said at once, in the form."""
        held = self.booked.currentData() == MeetingStatus.HELD.value
        future = self._when_utc() > datetime.now(UTC)
        self.problem.setText(
            self.tr("A held contact cannot be in the future; choose Booked ahead.")
            if held and future
            else ""
        )
        ok = not (held and future)
        self.log_button.setEnabled(ok and self._case_id is not None)
        return ok

    def _when_utc(self) -> datetime:
        return self.when.dateTime().toPython().astimezone(UTC)  # type: ignore[no-any-return]

    def show_case(self, case_id: str) -> None:
        self._case_id = case_id
        self.when.setDateTime(QDateTime.currentDateTime())
        self.draft.open(case_id)
        self._validate()
        self.refresh()

    def refresh(self) -> None:
        case_id = self._case_id
        if case_id is None:
            return
        self._runner.run(
            lambda control: case_contacts(self._context.services, case_id),
            self._loaded,
            self._failed,
        )

    def _loaded(self, rows: list[ContactRow]) -> None:
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        self._update_actions()

    def _failed(self, error: BaseException) -> None:
        self.problem.setText(error_text(error))

    def log(self) -> None:
        case_id = self._case_id
        if case_id is None or not self._validate():
            return
        data = support_service.ContactInput(
            kind=ContactKind(self.kind.currentData()),
            at=self._when_utc(),
            status=MeetingStatus(self.booked.currentData()),
            duration_minutes=self.minutes.value(),
            setting=Setting(self.setting.currentData()) if self.setting.currentData() else None,
            note=self.note.text().strip() or None,
        )
        self._write(
            lambda: support_service.log_contact(self._context.services, case_id, data),
            self._logged,
        )

    def _write(self, action: object, done: Callable[[object], None] | None = None) -> None:
        self.problem.clear()
        self._runner.run(lambda control: action(), done or self._written, self._failed)  # type: ignore[operator]

    def _logged(self, result: object) -> None:
        """The form's contact is saved: the form empties and its draft goes."""
        self.note.clear()
        self.draft.saved()
        self._written(result)

    def _written(self, _result: object) -> None:
        self.changed.emit()
        self.refresh()

    def _selected(self) -> ContactRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    def _update_actions(self) -> None:
        row = self._selected()
        booked = row is not None and row.status == MeetingStatus.BOOKED.value
        for button in (self.held_button, self.rebook_button, self.cancel_button):
            button.setEnabled(booked)

    def _set_status(self, status: MeetingStatus) -> None:
        row = self._selected()
        if row is not None:
            services = self._context.services
            self._write(
                lambda: support_service.change_contact_status(services, row.contact_id, status)
            )

    def _rebook(self) -> None:
        row, when = self._selected(), self._when_utc()
        if row is not None:
            services = self._context.services
            self._write(lambda: support_service.rebook_contact(services, row.contact_id, when))

    def clear(self) -> None:
        self.draft.close()  # what was typed is saved before the form empties
        self._case_id = None
        self.model.set_rows([])
        self.note.clear()
