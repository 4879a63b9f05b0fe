"""Mapping (kartläggning): the case's current revision, or an earlier one to read, with the state
of every part (written, or missing and why), the three perspectives, the function of the
absence, the interventions tried, the Signs of Safety columns, the 0-10 scaling and the
analysis. "Mark complete" says what is still open; a completed revision is revised into a new
draft, and the other authority brings its own parts over. "Make plan goals…" turns what needs
to happen into goals of the plan's draft.

Every write goes through ``_write`` on the task runner; the panels only ask for it."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sst_desktop.app_context import AppContext
from sst_desktop.casework import mapping_plan, mapping_revisions, mapping_service
from sst_desktop.casework.context import ServiceContext
from sst_desktop.casework.mapping_dto import MappingView, PartState
from sst_desktop.casework.mapping_plan import GoalsMade
from sst_desktop.casework.mapping_queries import mapping_view
from sst_desktop.config.absence_functions import AbsenceFunctionCatalogue, load_absence_functions
from sst_desktop.config.organisation import load_organisation_config
from sst_desktop.errors import SstError
from sst_desktop.ui.errors import error_text
from sst_desktop.ui.labels import label
from sst_desktop.ui.screens.case_workspace.mapping_goals_dialog import MakeGoalsDialog
from sst_desktop.ui.screens.case_workspace.mapping_panels import (
    AnalysisPanel,
    FunctionPanel,
    ScalingPanel,
    SectionsPanel,
    TrialsPanel,
)
from sst_desktop.ui.screens.case_workspace.mapping_sos import SignsOfSafetyPanel
from sst_desktop.ui.tasks import TaskRunner
from sst_rules.enums import MappingPart

log = logging.getLogger(__name__)
Write = Callable[[ServiceContext], object]


def _catalogue() -> tuple[AbsenceFunctionCatalogue, str]:
    """The organisation's categories; a broken file is said on the tab, the defaults stand in."""
    try:
        return load_organisation_config().absence_function_catalogue(), ""
    except SstError as error:
        log.error("absence functions not loaded: %s", error.code)
        return load_absence_functions(), error_text(error)


class MappingTab(QWidget):
    changed = Signal()
    plan_changed = Signal()  # goals were added to the plan's draft

    def __init__(self, context: AppContext, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self._context, self._runner = context, runner
        self._case_id: str | None = None
        self._wanted: str | None = None  # the revision asked for; None: the newest
        self.view: MappingView | None = None
        catalogue, catalogue_problem = _catalogue()
        today = context.clock.today()
        self.title = QLabel(self)
        self.state = QLabel(self)
        self.state.setWordWrap(True)
        self.revision = QComboBox(self)
        self.revision.setAccessibleName(self.tr("Which revision of the mapping"))
        self.revision.activated.connect(self._revision_chosen)
        self.start_button = QPushButton(self.tr("&Start the mapping"), self)
        self.complete_button = QPushButton(self.tr("Mark &complete"), self)
        self.revise_button = QPushButton(self.tr("&Revise"), self)
        self.carry_button = QPushButton(self)
        self.start_button.clicked.connect(self.start)
        self.complete_button.clicked.connect(self.complete)
        self.revise_button.clicked.connect(self.revise)
        self.carry_button.clicked.connect(self.carry_over)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.problem = QLabel(catalogue_problem, self)
        self.problem.setObjectName("error")
        self.problem.setWordWrap(True)
        self.sections = SectionsPanel(self)
        self.function = FunctionPanel(catalogue, self)
        self.trials = TrialsPanel(today, self)
        self.signs = SignsOfSafetyPanel(self)
        self.scaling = ScalingPanel(today, self)
        self.analysis = AnalysisPanel(self)
        self.panels = (
            self.sections,
            self.function,
            self.trials,
            self.signs,
            self.scaling,
            self.analysis,
        )
        for panel in self.panels:
            panel.request.connect(self._write)
        self.signs.make_goals.connect(self.make_goals)
        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addWidget(self.revision)
        header.addStretch(1)
        for button in (self.start_button, self.carry_button, self.revise_button):
            header.addWidget(button)
        header.addWidget(self.complete_button)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.state)
        layout.addWidget(self.problem)
        layout.addWidget(self.message)
        top = QHBoxLayout()
        self.parts_box = self._parts_box()
        top.addWidget(self.parts_box, 1)
        right = QVBoxLayout()
        right.addWidget(self.function)
        right.addWidget(self.scaling)
        right.addStretch(1)
        top.addLayout(right, 1)
        layout.addLayout(top)
        middle = QHBoxLayout()
        middle.addWidget(self.sections, 1)
        middle.addWidget(self.trials, 1)
        layout.addLayout(middle)
        layout.addWidget(self.signs)
        layout.addWidget(self.analysis)
        layout.addStretch(1)
        self._show(None)

    # -- the parts and their state -------------------------------------------------------------

    def _parts_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Parts of the mapping"), self)
        self.parts = QTableWidget(0, 2, box)
        self.parts.setHorizontalHeaderLabels([self.tr("Part"), self.tr("State")])
        self.parts.verticalHeader().hide()
        self.parts.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.parts.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.parts.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.parts.setAccessibleName(self.tr("Parts of the mapping and their state"))
        self.parts.horizontalHeader().setStretchLastSection(True)
        self.parts.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.parts.currentCellChanged.connect(lambda *_a: self._enable_marks())
        self.reason = QLineEdit(box)
        self.reason.setPlaceholderText(self.tr("Why this part is missing"))
        self.reason.setAccessibleName(self.tr("Why this part is missing"))
        self.reason.textChanged.connect(lambda _t: self._enable_marks())
        self.mark_button = QPushButton(self.tr("Mark &missing"), box)
        self.unmark_button = QPushButton(self.tr("&Undo the mark"), box)
        self.mark_button.clicked.connect(self.mark_missing)
        self.unmark_button.clicked.connect(self.unmark)
        row = QHBoxLayout()
        row.addWidget(self.reason, 1)
        row.addWidget(self.mark_button)
        row.addWidget(self.unmark_button)
        layout = QVBoxLayout(box)
        layout.addWidget(self.parts)
        layout.addLayout(row)
        return box

    def state_text(self, state: PartState) -> str:
        if state.written:
            return self.tr("Written")
        if state.marked_missing:
            if state.missing_reason:
                return self.tr("Missing: %1").replace("%1", state.missing_reason)
            return self.tr("Marked missing")
        return self.tr("Not written yet")

    def _fill_parts(self, view: MappingView | None) -> None:
        states = view.parts if view else ()
        self.parts.setRowCount(len(states))
        for row, state in enumerate(states):
            part = QTableWidgetItem(label(state.part))
            shown = QTableWidgetItem(self.state_text(state))
            if not state.accounted:
                shown.setForeground(self.palette().link())
            for column, item in enumerate((part, shown)):
                self.parts.setItem(row, column, item)
        self.parts.resizeColumnToContents(0)
        rows = self.parts.verticalHeader().length() + self.parts.horizontalHeader().height()
        self.parts.setFixedHeight(rows + 2 * self.parts.frameWidth() + 2)  # every part at once
        self._enable_marks()

    def chosen_part(self) -> MappingPart | None:
        row = self.parts.currentRow()
        view = self.view
        return view.parts[row].part if view and 0 <= row < len(view.parts) else None

    def _enable_marks(self) -> None:
        view, part = self.view, self.chosen_part()
        own = view is not None and view.draft and view.newest and view.ours and part is not None
        state = {p.part: p for p in view.parts}.get(part) if view and part else None
        self.mark_button.setEnabled(own and bool(self.reason.text().strip()))
        self.unmark_button.setEnabled(own and state is not None and state.marked_missing)
        self.reason.setEnabled(own)

    def mark_missing(self) -> None:
        part, reason, view = self.chosen_part(), self.reason.text().strip(), self.view
        if view is None or part is None or not reason or not self.mark_button.isEnabled():
            return
        mapping_id = view.mapping_id
        self.reason.clear()
        self._write(lambda s: mapping_service.mark_missing(s, mapping_id, part, reason))

    def unmark(self) -> None:
        part, view = self.chosen_part(), self.view
        if view is None or part is None or not self.unmark_button.isEnabled():
            return
        mapping_id = view.mapping_id
        self._write(lambda s: mapping_service.mark_missing(s, mapping_id, part, None))

    # -- the revision's actions ----------------------------------------------------------------

    def start(self) -> None:
        case_id, today = self._case_id, self._context.clock.today()
        if case_id is not None and self.view is None:
            self._write(lambda s: mapping_service.start_mapping(s, case_id, today))

    def complete(self) -> None:
        view = self.view
        if view is not None and self.complete_button.isEnabled():
            mapping_id = view.mapping_id
            self._write(lambda s: mapping_revisions.complete_mapping(s, mapping_id))

    def revise(self) -> None:
        view = self.view
        if view is not None and self.revise_button.isEnabled():
            mapping_id = view.mapping_id
            self._wanted = None
            self._write(lambda s: mapping_revisions.revise_mapping(s, mapping_id))

    def carry_over(self) -> None:
        view = self.view
        if view is not None and self.carry_button.isEnabled():
            mapping_id = view.mapping_id
            self._write(lambda s: mapping_revisions.carry_over(s, mapping_id))

    def make_goals(self) -> None:
        view = self.view
        if view is None:
            return
        dialog = MakeGoalsDialog(view, self)
        self.goals_dialog = dialog  # kept for tests; the dialog is window-modal
        mapping_id = view.mapping_id

        def accepted() -> None:
            picks, analysis = dialog.picks(), dialog.with_analysis()
            self._write(
                lambda s: mapping_plan.goals_from_mapping(
                    s, mapping_id, picks, with_analysis=analysis
                ),
                after=self._goals_made,
            )

        dialog.accepted.connect(accepted)
        dialog.open()

    def _goals_made(self, made: object) -> None:
        self.plan_changed.emit()
        if isinstance(made, GoalsMade):
            self.message.setText(
                self.tr("Goals added to the plan's draft: %1. Already there: %2.")
                .replace("%1", str(len(made.goal_ids)))
                .replace("%2", str(made.already))
                + (
                    " " + self.tr("The analysis was added to its overall aims.")
                    if made.analysis_added
                    else ""
                )
            )

    # -- loading, writing, showing -------------------------------------------------------------

    def show_case(self, case_id: str) -> None:
        self._case_id, self._wanted = case_id, None
        self.message.clear()
        self.refresh()

    def refresh(self) -> None:
        case_id, wanted = self._case_id, self._wanted
        if case_id is None:
            return
        services = self._context.services
        self._runner.run(
            lambda control: mapping_view(services, case_id, wanted), self._show, self._failed
        )

    def _revision_chosen(self, index: int) -> None:
        chosen = self.revision.itemData(index)
        newest = self.view is not None and self.view.revisions[0].mapping_id == chosen
        self._wanted = None if newest else chosen
        self.refresh()

    def _write(self, action: Write, after: Callable[[object], None] | None = None) -> None:
        services = self._context.services
        self.problem.clear()

        def written(result: object) -> None:
            if after is not None:
                after(result)
            self.changed.emit()
            self.refresh()

        self._runner.run(lambda control: action(services), written, self._failed)

    def _show(self, view: MappingView | None) -> None:
        self.view = view
        self.message.setVisible(bool(self.message.text()))
        self.problem.setVisible(bool(self.problem.text()))
        self._header(view)
        self._fill_parts(view)
        for panel in self.panels:
            panel.show_view(view)
        for panel in self.panels:
            panel.setVisible(view is not None)
        self.parts_box.setVisible(view is not None)

    def _header(self, view: MappingView | None) -> None:
        self.revision.clear()
        for ref in view.revisions if view else ():
            text = (
                self.tr("Revision %1: draft").replace("%1", str(ref.revision))
                if ref.completed_on is None
                else self.tr("Revision %1: complete %2")
                .replace("%1", str(ref.revision))
                .replace("%2", ref.completed_on.isoformat())
            )
            self.revision.addItem(text, ref.mapping_id)
        if view is not None:
            self.revision.setCurrentIndex(max(self.revision.findData(view.mapping_id), 0))
        self.revision.setVisible(view is not None and len(view.revisions) > 1)
        title = (
            self.tr("Mapping, revision %1").replace("%1", str(view.revision))
            if view
            else self.tr("Mapping")
        )
        self.title.setText(f"<b>{title}</b>")
        self.state.setText(self._state(view))
        self.start_button.setVisible(view is None and self._case_id is not None)
        draft = view is not None and view.draft and view.newest
        self.complete_button.setVisible(draft)
        self.complete_button.setEnabled(draft and view is not None and view.ours)
        self.revise_button.setVisible(view is not None and view.newest and not view.draft)
        self.revise_button.setEnabled(self.revise_button.isVisibleTo(self))
        waiting = view.carry_over if view and draft else 0
        superseded = view.revisions[1].revision if view and len(view.revisions) > 1 else 0
        self.carry_button.setText(
            self.tr("&Bring over our parts from revision %1").replace("%1", str(superseded))
        )
        self.carry_button.setVisible(waiting > 0)
        self.carry_button.setEnabled(waiting > 0)

    def _state(self, view: MappingView | None) -> str:
        if view is None:
            return self.tr(
                "No mapping yet. It starts after the start meeting, with the student and the "
                "guardians, from the pedagogical, psychological and social-therapeutic "
                "perspectives."
            )
        if not view.newest:
            text = self.tr("An earlier revision: it is read as it was, never changed.")
        elif view.draft:
            open_parts = sum(not p.accounted for p in view.parts)
            text = (
                self.tr("Draft, started %1. Parts still open: %2.")
                .replace("%1", view.started_on.isoformat())
                .replace("%2", str(open_parts))
            )
        else:
            text = self.tr("Complete since %1. Revise it to change it.").replace(
                "%1", view.completed_on.isoformat() if view.completed_on else "-"
            )
        if view.withheld:
            text += " " + self.tr(
                "Records of the other authority not shared with you: %1."
            ).replace("%1", str(view.withheld))
        return text

    def _failed(self, error: BaseException) -> None:
        self.problem.show()
        if isinstance(error, SstError) and error.code == mapping_revisions.INCOMPLETE:
            parts = [label(MappingPart(code), "MappingPart") for code in self._codes(error)]
            self.problem.setText(
                self.tr(
                    "Not complete yet. Write these parts or mark them missing with a reason: %1"
                ).replace("%1", ", ".join(parts))
            )
            return
        self.problem.setText(error_text(error))

    @staticmethod
    def _codes(error: SstError) -> list[str]:
        known = {p.value for p in MappingPart}
        return [c for c in str(error.params.get("missing", "")).split(", ") if c in known]

    def clear(self) -> None:
        self._case_id, self._wanted = None, None
        self.message.clear()
        self.problem.clear()
        self._show(None)
