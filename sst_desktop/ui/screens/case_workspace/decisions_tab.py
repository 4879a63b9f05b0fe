"""Referral and decisions: move the case along its programme's workflow (only the steps the
rules allow from here; closing asks for the closure), write the reason past the time limit,
record a decision, step between SST and SST plus, hand the case over, and report concern."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sst_desktop.app_context import AppContext
from sst_desktop.casework import case_service, consent_service, referral_service
from sst_desktop.casework.case_service import CaseSteps
from sst_desktop.casework.closure_service import ClosureInput
from sst_desktop.ui.errors import error_text
from sst_desktop.ui.labels import label
from sst_desktop.ui.tasks import TaskRunner
from sst_rules.enums import CaseStatus, ClosureReason, DecisionKind, Programme

GOALS_MET = ("yes", "partly", "no")


class DecisionsTab(QWidget):
    changed = Signal()

    def __init__(self, context: AppContext, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self._context, self._runner = context, runner
        self._case_id: str | None = None
        self.steps: CaseSteps | None = None
        self.problem = QLabel(self)
        self.problem.setObjectName("error")
        self.problem.setWordWrap(True)
        layout = QVBoxLayout(self)
        for box in (
            self._workflow_box(),
            self._decision_box(),
            self._people_box(),
            self._concern_box(),
        ):
            layout.addWidget(box)
        layout.addWidget(self.problem)
        layout.addStretch(1)

    def _workflow_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Where the case is"), self)
        self.status = QLabel(box)
        self.next_step = QComboBox(box)
        self.next_step.setAccessibleName(self.tr("Next step"))
        self.move_button = QPushButton(self.tr("&Move the case"), box)
        self.closure_reason = QComboBox(box)
        for reason in ClosureReason:
            self.closure_reason.addItem(label(reason), reason.value)
        self.goals_met = QComboBox(box)
        for value, text in zip(
            GOALS_MET, (self.tr("Yes"), self.tr("Partly"), self.tr("No")), strict=True
        ):
            self.goals_met.addItem(text, value)
        self.time_limit = QLineEdit(box)
        self.time_limit.setPlaceholderText(self.tr("Why the support goes on past the time limit"))
        self.time_limit_button = QPushButton(self.tr("Save the &reason"), box)
        self.step_reason = QLineEdit(box)
        self.step_reason.setPlaceholderText(self.tr("Why the case changes programme"))
        self.step_button = QPushButton(box)
        row = QHBoxLayout()
        for widget in (self.status, self.next_step, self.move_button):
            row.addWidget(widget)
        closing = QHBoxLayout()
        for widget in (
            QLabel(self.tr("Closing:"), box),
            self.closure_reason,
            QLabel(self.tr("goals met"), box),
            self.goals_met,
        ):
            closing.addWidget(widget)
        limit = QHBoxLayout()
        limit.addWidget(self.time_limit, 1)
        limit.addWidget(self.time_limit_button)
        step = QHBoxLayout()
        step.addWidget(self.step_reason, 1)
        step.addWidget(self.step_button)
        form = QVBoxLayout(box)
        for part in (row, closing, limit, step):
            form.addLayout(part)
        self.move_button.clicked.connect(self._move)
        self.time_limit_button.clicked.connect(self._save_time_limit_reason)
        self.step_button.clicked.connect(self._step_programme)
        self.next_step.currentIndexChanged.connect(lambda _i: self._show_closing())
        return box

    def _decision_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Record a decision"), self)
        self.decision_kind = QComboBox(box)
        for kind in DecisionKind:
            self.decision_kind.addItem(label(kind), kind.value)
        self.granted = QCheckBox(self.tr("Granted"), box)
        self.granted.setChecked(True)
        self.overall_goal = QLineEdit(box)
        self.overall_goal.setPlaceholderText(self.tr("Overall goal of the assignment"))
        self.decision_button = QPushButton(self.tr("Record &decision"), box)
        row = QHBoxLayout(box)
        for widget in (self.decision_kind, self.granted, self.overall_goal, self.decision_button):
            row.addWidget(widget)
        self.decision_button.clicked.connect(self._decide)
        return box

    def _people_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Hand over to a colleague"), self)
        self.hand_from = QComboBox(box)
        self.hand_to = QComboBox(box)
        self.hand_note = QLineEdit(box)
        self.hand_note.setPlaceholderText(self.tr("What the colleague needs to know"))
        self.hand_button = QPushButton(self.tr("&Hand over"), box)
        form = QFormLayout(box)
        form.addRow(self.tr("From"), self.hand_from)
        form.addRow(self.tr("To"), self.hand_to)
        form.addRow(self.tr("Note"), self.hand_note)
        form.addRow("", self.hand_button)
        self.hand_button.clicked.connect(self._hand_over)
        return box

    def _concern_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Report of concern"), self)
        self.concern_to = QLineEdit(box)
        self.concern_to.setPlaceholderText(self.tr("Reported to (unit)"))
        self.concern_summary = QLineEdit(box)
        self.concern_summary.setPlaceholderText(self.tr("What the concern is"))
        self.concern_button = QPushButton(self.tr("Record report of &concern"), box)
        row = QHBoxLayout(box)
        for widget in (self.concern_to, self.concern_summary, self.concern_button):
            row.addWidget(widget)
        self.concern_button.clicked.connect(self._report_concern)
        return box

    # -- loading ----------------------------------------------------------------------------
    def show_case(self, case_id: str) -> None:
        self._case_id = case_id
        self.refresh()

    def refresh(self) -> None:
        case_id = self._case_id
        if case_id is None:
            return
        services = self._context.services
        self._runner.run(
            lambda control: case_service.case_steps(services, case_id), self._loaded, self._failed
        )

    def _loaded(self, steps: CaseSteps) -> None:
        self.steps = steps
        self.status.setText(self.tr("Now: %1").replace("%1", label(steps.status, "CaseStatus")))
        self.next_step.clear()
        for status in steps.allowed:
            self.next_step.addItem(label(status, "CaseStatus"), status)
        self.move_button.setEnabled(bool(steps.allowed))
        needs_reason = steps.past_time_limit and not steps.has_time_limit_reason
        self.time_limit.setVisible(needs_reason)
        self.time_limit_button.setVisible(needs_reason)
        target = "sst" if steps.programme == "sst_plus" else "sst_plus"
        self.step_button.setText(
            self.tr("Step down to SST") if target == "sst" else self.tr("Step up to SST plus")
        )
        for combo, people in ((self.hand_from, steps.assigned), (self.hand_to, steps.colleagues)):
            combo.clear()
            for staff_id, name in people:
                combo.addItem(name, staff_id)
        self.hand_button.setEnabled(bool(steps.assigned) and bool(steps.colleagues))
        self._show_closing()

    def _show_closing(self) -> None:
        closing = self.next_step.currentData() == CaseStatus.CLOSED.value
        self.closure_reason.setEnabled(closing)
        self.goals_met.setEnabled(closing)

    # -- actions ----------------------------------------------------------------------------
    def _move(self) -> None:
        case_id, target = self._case_id, self.next_step.currentData()
        if case_id is None or target is None:
            return
        closure = None
        if target == CaseStatus.CLOSED.value:
            closure = ClosureInput(
                closed_on=self._context.clock.today(),
                reason=ClosureReason(self.closure_reason.currentData()),
                goals_met=str(self.goals_met.currentData()),
            )
        reason = self.time_limit.text().strip() or None
        services = self._context.services
        self._write(
            lambda: case_service.transition(
                services, case_id, CaseStatus(target), reason=reason, closure=closure
            )
        )

    def _save_time_limit_reason(self) -> None:
        case_id, reason = self._case_id, self.time_limit.text().strip()
        if case_id is not None:
            services = self._context.services
            self._write(lambda: case_service.record_time_limit_reason(services, case_id, reason))

    def _step_programme(self) -> None:
        case_id, steps, reason = self._case_id, self.steps, self.step_reason.text().strip()
        if case_id is None or steps is None:
            return
        target = Programme.SST if steps.programme == "sst_plus" else Programme.SST_PLUS
        services = self._context.services
        self._write(lambda: case_service.step_programme(services, case_id, target, reason))

    def _decide(self) -> None:
        case_id = self._case_id
        if case_id is None:
            return
        data = referral_service.DecisionInput(
            kind=DecisionKind(self.decision_kind.currentData()),
            decided_on=self._context.clock.today(),
            granted=self.granted.isChecked(),
            overall_goal=self.overall_goal.text().strip() or None,
        )
        services = self._context.services
        self._write(lambda: referral_service.record_decision(services, case_id, data))

    def _hand_over(self) -> None:
        case_id = self._case_id
        source, target = self.hand_from.currentData(), self.hand_to.currentData()
        if case_id is None or source is None or target is None:
            return
        note, today = self.hand_note.text().strip() or None, self._context.clock.today()
        services = self._context.services
        self._write(lambda: case_service.hand_over(services, case_id, source, target, today, note))

    def _report_concern(self) -> None:
        case_id = self._case_id
        if case_id is None:
            return
        to, summary = self.concern_to.text().strip(), self.concern_summary.text().strip()
        today, services = self._context.clock.today(), self._context.services
        self._write(lambda: consent_service.report_concern(services, case_id, today, to, summary))

    def _write(self, action: object) -> None:
        self.problem.clear()
        self._runner.run(lambda control: action(), self._written, self._failed)  # type: ignore[operator]

    def _written(self, _result: object) -> None:
        for edit in (
            self.time_limit,
            self.step_reason,
            self.overall_goal,
            self.hand_note,
            self.concern_to,
            self.concern_summary,
        ):
            edit.clear()
        self.changed.emit()
        self.refresh()

    def _failed(self, error: BaseException) -> None:
        self.problem.setText(error_text(error))

    def clear(self) -> None:
        self._case_id = None
        self.steps = None
        self.next_step.clear()
