"""The Plan tab: the handlingsplan (SST) or genomförandeplan (SST plus) of the case.

The latest revision (number, status, when it took effect, the next review by the programme),
its overall aims and its goals by perspective with their interventions, edited while it is a
draft; sent for signatures and signed by each required signer on paper, on screen (handed over
in client-facing mode) or declined; sealed once every required signer has signed; revised into
a new draft; each goal's status at a review; the history with what changed between two
revisions; and the plan saved as a PDF through the same service as `sst plan pdf`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sst_desktop.app_context import AppContext
from sst_desktop.casework import plan_drafting, plan_reviews, plan_service
from sst_desktop.casework.context import ServiceContext
from sst_desktop.casework.plan_dto import CasePlans, PlanView, RevisionView
from sst_desktop.casework.plan_queries import case_plans
from sst_desktop.ui.errors import error_text
from sst_desktop.ui.labels import label
from sst_desktop.ui.screens.case_workspace.plan_content_view import GOAL, PlanContentView
from sst_desktop.ui.screens.case_workspace.plan_editing import PlanEditing
from sst_desktop.ui.screens.case_workspace.plan_history import PlanHistory
from sst_desktop.ui.screens.case_workspace.plan_pdf_saver import PlanPdfSaver
from sst_desktop.ui.screens.case_workspace.plan_signers_view import PlanSignersView
from sst_desktop.ui.screens.case_workspace.plan_signing_dialogs import ReviewDialog, SignerMode
from sst_desktop.ui.screens.case_workspace.plan_signing_flow import PlanSigningFlow
from sst_desktop.ui.screens.case_workspace.plan_words import PlanWords
from sst_desktop.ui.tasks import TaskRunner
from sst_rules.enums import PlanKind


class PlanTab(QWidget):
    changed = Signal()

    def __init__(self, context: AppContext, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self._context, self.runner = context, runner
        self.case_id: str | None = None
        self.plans: CasePlans | None = None
        self.words = PlanWords(self)
        self.editing = PlanEditing(self)
        self.signing = PlanSigningFlow(self)
        self.pdf = PlanPdfSaver(self)
        self.plan_choice = QComboBox(self)
        self.plan_choice.setAccessibleName(self.tr("Which plan of the case"))
        self.plan_choice.currentIndexChanged.connect(lambda _i: self._show())
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        bold = QFont(self.heading.font())
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.2)
        self.heading.setFont(bold)
        self.facts = QLabel(self)
        self.facts.setWordWrap(True)
        self.create_button = QPushButton(self.tr("&Start the plan"), self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.problem = QLabel(self)
        self.problem.setObjectName("error")
        self.problem.setWordWrap(True)
        self.content = PlanContentView(self)
        self.signers = PlanSignersView(self)
        self.history = PlanHistory(self)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.plan_choice)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.facts)
        layout.addWidget(self.create_button)
        layout.addWidget(self._aims_box())
        layout.addWidget(self._content_box())
        layout.addWidget(self._signing_box())
        layout.addLayout(self._actions_row())
        layout.addWidget(self.message)
        layout.addWidget(self.problem)
        layout.addWidget(self._history_box())
        layout.addStretch(1)
        self.create_button.clicked.connect(self.create_plan)
        self.content.itemSelectionChanged.connect(self._enable)
        self._enable()

    # -- layout ---------------------------------------------------------------------------------

    def _aims_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Overall aims"), self)
        self.aims = QLabel(box)
        self.aims.setWordWrap(True)
        self.aims_button = QPushButton(self.tr("Edit aims and review &date…"), box)
        self.aims_button.clicked.connect(self.editing.edit_aims)
        row = QHBoxLayout(box)
        row.addWidget(self.aims, 1)
        row.addWidget(self.aims_button)
        return box

    def _content_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Goals and interventions"), self)
        self.add_goal_button = QPushButton(self.tr("Add &goal…"), box)
        self.add_sub_goal_button = QPushButton(self.tr("Add s&ub-goal…"), box)
        self.add_intervention_button = QPushButton(self.tr("Add &intervention…"), box)
        self.edit_button = QPushButton(self.tr("&Edit…"), box)
        self.remove_button = QPushButton(self.tr("&Remove"), box)
        self.add_goal_button.clicked.connect(self.editing.add_goal)
        self.add_sub_goal_button.clicked.connect(self.editing.add_sub_goal)
        self.add_intervention_button.clicked.connect(self.editing.add_intervention)
        self.edit_button.clicked.connect(self.editing.edit_selected)
        self.remove_button.clicked.connect(self.editing.remove_selected)
        buttons = QHBoxLayout()
        for button in (
            self.add_goal_button,
            self.add_sub_goal_button,
            self.add_intervention_button,
            self.edit_button,
            self.remove_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.sealed_note = QLabel(box)
        self.sealed_note.setWordWrap(True)
        layout = QVBoxLayout(box)
        layout.addWidget(self.content)
        layout.addWidget(self.sealed_note)
        layout.addLayout(buttons)
        return box

    def _signing_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Signatures"), self)
        self.submit_button = QPushButton(self.tr("Send for &signatures"), box)
        self.paper_button = QPushButton(self.tr("Signed on &paper…"), box)
        self.screen_button = QPushButton(self.tr("Sign on scree&n…"), box)
        self.decline_button = QPushButton(self.tr("De&clined…"), box)
        self.scan_button = QPushButton(self.tr("Attach the signed &scan…"), box)
        self.back_button = QPushButton(self.tr("Back to dra&ft"), box)
        self.back_button.setToolTip(
            self.tr("Change the plan before it is signed: what was signed so far is withdrawn.")
        )
        self.submit_button.clicked.connect(self.submit)
        self.paper_button.clicked.connect(lambda: self.signing.record_signer(SignerMode.PAPER))
        self.screen_button.clicked.connect(lambda: self.signing.record_signer(SignerMode.SCREEN))
        self.decline_button.clicked.connect(lambda: self.signing.record_signer(SignerMode.DECLINED))
        self.scan_button.clicked.connect(self.signing.attach_scan)
        self.back_button.clicked.connect(self.back_to_draft)
        first, second = QHBoxLayout(), QHBoxLayout()
        for button in (self.submit_button, self.paper_button, self.screen_button):
            first.addWidget(button)
        for button in (self.decline_button, self.scan_button, self.back_button):
            second.addWidget(button)
        first.addStretch(1)
        second.addStretch(1)
        layout = QVBoxLayout(box)
        layout.addWidget(self.signers)
        layout.addLayout(first)
        layout.addLayout(second)
        return box

    def _actions_row(self) -> QHBoxLayout:
        self.review_button = QPushButton(self.tr("Goal status at a re&view…"), self)
        self.revise_button = QPushButton(self.tr("Re&vise"), self)
        self.revise_button.setToolTip(self.tr("Start a new draft from the signed revision."))
        self.pdf_button = QPushButton(self.tr("Save as P&DF…"), self)
        self.review_button.clicked.connect(self.review)
        self.revise_button.clicked.connect(self.revise)
        self.pdf_button.clicked.connect(lambda: self.pdf.save_pdf())
        row = QHBoxLayout()
        for button in (self.review_button, self.revise_button, self.pdf_button):
            row.addWidget(button)
        row.addStretch(1)
        return row

    def _history_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("History"), self)
        QVBoxLayout(box).addWidget(self.history)
        return box

    # -- state ----------------------------------------------------------------------------------

    @property
    def services(self) -> ServiceContext:
        return self._context.services

    def today(self) -> date:
        return self._context.clock.today()

    @property
    def plan(self) -> PlanView | None:
        if self.plans is None or not self.plans.plans:
            return None
        index = max(self.plan_choice.currentIndex(), 0)
        return self.plans.plans[min(index, len(self.plans.plans) - 1)]

    @property
    def revision(self) -> RevisionView | None:
        plan = self.plan
        return plan.latest if plan else None

    def _enable(self) -> None:
        """Only what the revision's state allows is shown; a selection enables the rest."""
        revision, plan = self.revision, self.plan
        status = revision.status if revision else None
        draft, awaiting = status == "draft", status == "awaiting_signatures"
        picked = self.content.selected()
        self.create_button.setVisible(self.plans is not None and plan is None)
        drafting = (
            self.aims_button,
            self.add_goal_button,
            self.add_sub_goal_button,
            self.add_intervention_button,
            self.edit_button,
            self.remove_button,
            self.submit_button,
        )
        for button in drafting:
            button.setVisible(draft)
        self.add_sub_goal_button.setEnabled(picked is not None and picked[0] == GOAL)
        self.edit_button.setEnabled(picked is not None)
        self.remove_button.setEnabled(picked is not None)
        self.submit_button.setEnabled(bool(revision and revision.goals))
        for button in (self.paper_button, self.screen_button, self.decline_button):
            button.setVisible(awaiting)
        self.back_button.setVisible(awaiting)
        self.scan_button.setVisible(status in ("awaiting_signatures", "signed"))
        self.review_button.setVisible(plan is not None and plan.in_force is not None)
        self.revise_button.setVisible(status in ("signed", "superseded"))
        self.pdf_button.setVisible(revision is not None)
        self.sealed_note.setText(self._sealed_note(status))
        self.sealed_note.setVisible(bool(self.sealed_note.text()))

    def _sealed_note(self, status: str | None) -> str:
        if status == "awaiting_signatures":
            return self.tr(
                "Waiting for signatures: the content is fixed. To change it, go back to draft."
            )
        if status in ("signed", "superseded"):
            return self.tr("A signed revision is never changed: Revise starts a new draft.")
        return ""

    # -- loading and showing --------------------------------------------------------------------

    def show_case(self, case_id: str) -> None:
        self.case_id = case_id
        self.message.clear()
        self.problem.clear()
        self.refresh()

    def refresh(self) -> None:
        case_id = self.case_id
        if case_id is None:
            return
        services = self.services
        self.runner.run(
            lambda control: case_plans(services, case_id), self._loaded, self.show_error
        )

    def _loaded(self, plans: CasePlans) -> None:
        if plans.case_id != self.case_id:
            return  # another case was opened while this one loaded
        self.plans = plans
        current = self.plan_choice.currentIndex()
        self.plan_choice.blockSignals(True)
        self.plan_choice.clear()
        for plan in plans.plans:
            kind = label(plan.kind, "PlanKind")
            if plan.maintenance:
                kind = self.tr("%1 (maintenance plan)").replace("%1", kind)
            self.plan_choice.addItem(kind, plan.plan_id)
        self.plan_choice.setCurrentIndex(min(max(current, 0), len(plans.plans) - 1))
        self.plan_choice.setVisible(len(plans.plans) > 1)
        self.plan_choice.blockSignals(False)
        self._show()

    def _show(self) -> None:
        plan, revision = self.plan, self.revision
        self.heading.setText(self._heading(plan, revision))
        self.facts.setText(self._facts(plan, revision))
        self.aims.setText(
            (revision.overall_aims if revision else None) or self.tr("No overall aims written yet.")
        )
        picked = self.content.selected()
        self.content.show_revision(revision)
        if picked:
            self.content.select(*picked)
        self.signers.show_revision(revision)
        self.history.show_plan(plan)
        self._enable()
        self.say()

    def say(self) -> None:
        """Empty messages take no room."""
        for note in (self.message, self.problem):
            note.setVisible(bool(note.text()))

    def _heading(self, plan: PlanView | None, revision: RevisionView | None) -> str:
        if plan is None or revision is None:
            kind = label(self.plans.plan_kind, "PlanKind") if self.plans else ""
            return self.tr("%1: not started").replace("%1", kind)
        return (
            self.tr("%1 · revision %2 · %3")
            .replace("%1", label(plan.kind, "PlanKind"))
            .replace("%2", str(revision.number))
            .replace("%3", label(revision.status, "PlanRevisionStatus"))
        )

    def _facts(self, plan: PlanView | None, revision: RevisionView | None) -> str:
        if plan is None or revision is None:
            withheld = self.plans.withheld if self.plans else 0
            if withheld:
                return self.tr("Part of the plan is not shared with your authority.")
            return self.tr("The case has no plan yet.")
        parts = []
        if revision.valid_from:
            parts.append(self.tr("In force from %1").replace("%1", revision.valid_from.isoformat()))
        elif plan.in_force is not None and plan.in_force.valid_from:
            parts.append(
                self.tr("Revision %1 is in force from %2")
                .replace("%1", str(plan.in_force.number))
                .replace("%2", plan.in_force.valid_from.isoformat())
            )
        if plan.in_force is not None or revision.review_on:
            parts.append(self.words.next_review(plan.next_review))
        elif self.plans and self.plans.suggested_review:
            parts.append(
                self.tr("Review suggested by the programme: %1").replace(
                    "%1", self.plans.suggested_review.isoformat()
                )
            )
        if self.plans and self.plans.withheld:
            parts.append(self.tr("Part of the plan is not shared with your authority."))
        return " · ".join(parts)

    def show_error(self, error: BaseException) -> None:
        self.problem.setText(error_text(error))
        self.say()

    def clear(self) -> None:
        self.case_id = None
        self.plans = None
        self.plan_choice.clear()
        self.heading.clear()
        self.facts.clear()
        self.aims.clear()
        self.message.clear()
        self.problem.clear()
        self.content.show_revision(None)
        self.signers.show_revision(None)
        self.history.show_plan(None)
        self._enable()

    # -- writing --------------------------------------------------------------------------------

    def write(self, work: Callable[[], Any], done: str = "") -> None:
        """Run ``work`` in the background; then say ``done``, tell the workspace, reload."""
        self.problem.clear()
        self.message.clear()

        def written(_result: object) -> None:
            if done:
                self.message.setText(done)
            self.changed.emit()
            self.refresh()

        self.runner.run(lambda control: work(), written, self.show_error)

    def create_plan(self) -> None:
        case_id, plans = self.case_id, self.plans
        if case_id is None or plans is None:
            return
        services, kind = self.services, PlanKind(plans.plan_kind)
        self.write(lambda: plan_service.create_plan(services, case_id, kind))

    # -- signing --------------------------------------------------------------------------------

    def submit(self) -> None:
        revision = self.revision
        if revision is None:
            return
        services, revision_id = self.services, revision.revision_id
        self.write(
            lambda: plan_service.submit_for_signatures(services, revision_id),
            self.tr("Sent for signatures: print it or let each signer sign on screen."),
        )

    def back_to_draft(self) -> None:
        revision = self.revision
        if revision is None:
            return
        services, revision_id = self.services, revision.revision_id
        self.write(lambda: plan_drafting.back_to_draft(services, revision_id))

    # -- after signing --------------------------------------------------------------------------

    def revise(self) -> None:
        plan = self.plan
        if plan is None:
            return
        services, plan_id = self.services, plan.plan_id
        self.write(
            lambda: plan_service.new_revision(services, plan_id),
            self.tr("A new draft: change what is needed and send it for signatures."),
        )

    def review(self) -> ReviewDialog | None:
        plan = self.plan
        in_force = plan.in_force if plan else None
        if in_force is None:
            return None
        dialog = ReviewDialog(in_force.goals, self.today(), self)
        services = self.services

        def save() -> None:
            day, reviews = dialog.value()
            if day is not None:
                self.write(lambda: plan_reviews.review_goals(services, day, reviews))

        dialog.accepted.connect(save)
        dialog.open()
        return dialog
