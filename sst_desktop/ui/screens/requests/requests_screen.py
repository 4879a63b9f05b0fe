"""Requests and applications: the team's intake. Enter an anonymous SST referral request,
accept it or decline it with guidance, and link the student once the family has said yes
(the consent is recorded in the case's Consent tab). Enter an SST plus application by any
route, record social services' assessment, and run the admission group with the priority
suggestion."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sst_desktop.app_context import AppContext
from sst_desktop.casework import referral_service
from sst_desktop.casework.intake_queries import IntakeItem, intake_choices, intake_items
from sst_desktop.casework.referral_service import AdmissionInput, ApplicationInput, RequestInput
from sst_desktop.casework.student_service import StudentInput
from sst_desktop.ui.errors import error_text
from sst_desktop.ui.labels import label
from sst_desktop.ui.screens.requests.admission_panel import AdmissionPanel
from sst_desktop.ui.screens.requests.application_form import ApplicationForm
from sst_desktop.ui.screens.requests.request_form import RequestForm
from sst_desktop.ui.screens.requests.student_form import StudentForm
from sst_desktop.ui.tasks import TaskRunner

HEADERS = (
    QT_TRANSLATE_NOOP("RequestsScreen", "Received"),
    QT_TRANSLATE_NOOP("RequestsScreen", "Case"),
    QT_TRANSLATE_NOOP("RequestsScreen", "Programme"),
    QT_TRANSLATE_NOOP("RequestsScreen", "Status"),
    QT_TRANSLATE_NOOP("RequestsScreen", "School"),
    QT_TRANSLATE_NOOP("RequestsScreen", "Year"),
    QT_TRANSLATE_NOOP("RequestsScreen", "Absence"),
    QT_TRANSLATE_NOOP("RequestsScreen", "Student"),
)


class RequestsScreen(QWidget):
    open_case = Signal(str)

    def __init__(self, context: AppContext, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self._context, self._runner = context, runner
        self.items: list[IntakeItem] = []
        title = QLabel(self.tr("Requests and applications"), self)
        title.setObjectName("screenTitle")
        self.table = QTableWidget(0, len(HEADERS), self)
        self.table.setHorizontalHeaderLabels(
            [QCoreApplication.translate("RequestsScreen", h) for h in HEADERS]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAccessibleName(self.tr("Requests and applications"))
        self.new_button = QPushButton(self.tr("&New referral request"), self)
        self.accept_button = QPushButton(self.tr("&Accept"), self)
        self.decline_button = QPushButton(self.tr("&Decline with guidance"), self)
        self.link_button = QPushButton(self.tr("&Link the student"), self)
        self.apply_button = QPushButton(self.tr("New SST &plus application"), self)
        self.assess_button = QPushButton(self.tr("Record a&ssessment"), self)
        self.admission_button = QPushButton(self.tr("Ad&mission group"), self)
        self.assessment = QLineEdit(self)
        self.assessment.setPlaceholderText(self.tr("Assessment summary (social services)"))
        self.problem = QLabel(self)
        self.problem.setObjectName("error")
        self.problem.setWordWrap(True)
        self.guidance = QLineEdit(self)
        self.guidance.setPlaceholderText(self.tr("Guidance to other support (required to decline)"))
        choices = intake_choices(context.services)
        self.request_form = RequestForm(choices, context.clock.today(), self)
        self.student_form = StudentForm(context.clock.today(), self)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(QWidget(self))
        self.pages.addWidget(self.request_form)
        self.pages.addWidget(self.student_form)
        self.application_form = ApplicationForm(context.clock.today(), self)
        self.admission = AdmissionPanel(context.clock.today(), self)
        self.pages.addWidget(self.application_form)
        self.pages.addWidget(self.admission)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.accept_button, self.decline_button, self.link_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        plus = QHBoxLayout()
        for button in (self.apply_button, self.assess_button, self.admission_button):
            plus.addWidget(button)
        plus.addStretch(1)
        left = QVBoxLayout()
        left.addWidget(title)
        left.addLayout(buttons)
        left.addLayout(plus)
        left.addWidget(self.guidance)
        left.addWidget(self.assessment)
        left.addWidget(self.problem)
        left.addWidget(self.table, 1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addWidget(self.pages, 2)
        self.new_button.clicked.connect(lambda: self.pages.setCurrentWidget(self.request_form))
        self.accept_button.clicked.connect(lambda: self._decide(accept=True))
        self.decline_button.clicked.connect(lambda: self._decide(accept=False))
        self.link_button.clicked.connect(lambda: self.pages.setCurrentWidget(self.student_form))
        self.apply_button.clicked.connect(
            lambda: self.pages.setCurrentWidget(self.application_form)
        )
        self.admission_button.clicked.connect(self._show_admission)
        self.assess_button.clicked.connect(self._assess)
        self.application_form.submitted.connect(self._save_application)
        self.admission.submitted.connect(self._save_admission)
        self.request_form.submitted.connect(self._save_request)
        self.student_form.submitted.connect(self._link_student)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        # The side pane shows only while a form is open: the list gets the room otherwise.
        self.pages.currentChanged.connect(lambda index: self.pages.setVisible(index != 0))
        self.pages.setVisible(False)
        self.table.itemActivated.connect(lambda _item: self._open_selected())
        self._update_buttons()

    def refresh(self) -> None:
        self._runner.run(
            lambda control: intake_items(self._context.services), self._loaded, self._failed
        )

    def _loaded(self, items: list[IntakeItem]) -> None:
        self.items = items
        self.table.setRowCount(len(items))
        for row, item in enumerate(items):
            cells = (
                item.received_on.isoformat(),
                item.reference,
                label(item.programme, "Programme"),
                label(item.status, "CaseStatus"),
                item.school_name or "",
                ""
                if item.school_year is None
                else ("F" if item.school_year == 0 else str(item.school_year)),
                "" if item.absence_percent is None else f"{item.absence_percent} %",
                self.tr("linked") if item.student_linked else self.tr("anonymous"),
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self._update_buttons()

    def selected(self) -> IntakeItem | None:
        rows = self.table.selectionModel().selectedRows()
        return self.items[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        item = self.selected()
        undecided = item is not None and item.request_id is not None and item.status == "requested"
        self.accept_button.setEnabled(undecided)
        self.decline_button.setEnabled(undecided)
        self.link_button.setEnabled(
            item is not None
            and item.request_id is not None
            and not item.student_linked
            and item.status != "requested"
        )

    def _save_request(self, data: RequestInput) -> None:
        services, team = self._context.services, self._context.actor.team_id
        self._write(
            lambda: referral_service.receive_referral_request(services, data, team),
            self.request_form.reset,
        )

    def _save_application(self, student: StudentInput, data: ApplicationInput) -> None:
        services, actor = self._context.services, self._context.actor
        data = replace(data, team_id=actor.team_id)
        self._write(
            lambda: referral_service.receive_application_for_new_student(services, student, data),
            self.application_form.reset,
        )

    def _assess(self) -> None:
        item, summary = self.selected(), self.assessment.text().strip()
        if item is None:
            return
        if not summary:
            self.problem.setText(self.tr("Write the assessment's summary first."))
            return
        services, today = self._context.services, self._context.clock.today()
        self._write(
            lambda: referral_service.record_assessment(
                services, item.case_id, "needs_assessment", today, summary
            ),
            self.assessment.clear,
        )

    def _show_admission(self) -> None:
        self.admission.show_candidates(self.items)
        self.pages.setCurrentWidget(self.admission)

    def _save_admission(self, case_id: str, data: AdmissionInput) -> None:
        services = self._context.services
        self._write(
            lambda: referral_service.record_admission(services, case_id, data),
            self.admission.reset,
        )

    def _decide(self, *, accept: bool) -> None:
        item = self.selected()
        if item is None or item.request_id is None:
            return
        guidance = self.guidance.text().strip() or None
        if not accept and guidance is None:
            self.problem.setText(self.tr("Write the guidance to other support first."))
            self.guidance.setFocus()
            return
        services, request_id = self._context.services, item.request_id
        self._write(
            lambda: referral_service.decide_referral_request(
                services, request_id, accept, guidance
            ),
            self.guidance.clear,
        )

    def _link_student(self, data: StudentInput) -> None:
        item = self.selected()
        if item is None:
            return
        services, case_id = self._context.services, item.case_id
        self._write(
            lambda: referral_service.link_new_student(services, case_id, data),
            self.student_form.reset,
        )

    def _write(self, action: object, then: object) -> None:
        self.problem.clear()

        def done(_result: object) -> None:
            then()  # type: ignore[operator]
            self.pages.setCurrentIndex(0)
            self.refresh()

        self._runner.run(lambda control: action(), done, self._failed)  # type: ignore[operator]

    def _failed(self, error: BaseException) -> None:
        self.problem.setText(error_text(error))

    def _open_selected(self) -> None:
        item = self.selected()
        if item is not None:
            self.open_case.emit(item.case_id)

    def clear(self) -> None:
        self.items = []
        self.table.setRowCount(0)
        self.request_form.reset()
        self.student_form.reset()
        self.application_form.reset()
