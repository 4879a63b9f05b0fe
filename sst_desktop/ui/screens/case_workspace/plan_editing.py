"""The draft's actions of the Plan tab: the overall aims and review date, a goal or sub-goal,
an intervention, and editing or removing what is selected. Each opens its form window-modal
and writes through the tab when it is accepted."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from sst_desktop.casework import plan_drafting, plan_service
from sst_desktop.ui.screens.case_workspace.plan_content_view import GOAL, INTERVENTION
from sst_desktop.ui.screens.case_workspace.plan_dialogs import (
    AimsDialog,
    GoalDialog,
    InterventionDialog,
)

if TYPE_CHECKING:
    from sst_desktop.ui.screens.case_workspace.plan_tab import PlanTab


class PlanEditing(QObject):
    def __init__(self, tab: PlanTab) -> None:
        super().__init__(tab)
        self.tab = tab

    def edit_aims(self) -> AimsDialog | None:
        revision = self.tab.revision
        if revision is None or not revision.editable:
            return None
        suggested = self.tab.plans.suggested_review if self.tab.plans else None
        dialog = AimsDialog(revision.overall_aims, revision.review_on, suggested, self.tab)
        services, revision_id = self.tab.services, revision.revision_id

        def save() -> None:
            aims, review_on = dialog.value()
            self.tab.write(
                lambda: plan_service.set_overall_aims(services, revision_id, aims, review_on)
            )

        dialog.accepted.connect(save)
        dialog.open()
        return dialog

    def add_goal(self) -> GoalDialog | None:
        return self._goal_dialog(GoalDialog(self.tab))

    def add_sub_goal(self) -> GoalDialog | None:
        picked, revision = self.tab.content.selected(), self.tab.revision
        goal = revision.goal(picked[1]) if picked and revision and picked[0] == GOAL else None
        if goal is None:
            return None
        return self._goal_dialog(GoalDialog(self.tab, parent_goal=goal))

    def _goal_dialog(self, dialog: GoalDialog, goal_id: str | None = None) -> GoalDialog | None:
        revision = self.tab.revision
        if revision is None or not revision.editable:
            return None
        services, revision_id = self.tab.services, revision.revision_id

        def save() -> None:
            data = dialog.value()
            if goal_id is None:
                self.tab.write(lambda: plan_service.add_goal(services, revision_id, data))
            else:
                self.tab.write(lambda: plan_drafting.update_goal(services, goal_id, data))

        dialog.accepted.connect(save)
        dialog.open()
        return dialog

    def add_intervention(self) -> InterventionDialog | None:
        picked = self.tab.content.selected()
        goal_id = picked[1] if picked and picked[0] == GOAL else None
        return self._intervention_dialog(None, goal_id)

    def _intervention_dialog(
        self, intervention_id: str | None, goal_id: str | None = None
    ) -> InterventionDialog | None:
        revision, plans = self.tab.revision, self.tab.plans
        if revision is None or plans is None or not revision.editable:
            return None
        item = next(
            (i for i in revision.interventions if i.intervention_id == intervention_id), None
        )
        dialog = InterventionDialog(revision.goals, plans.toolbox, self.tab, item, goal_id=goal_id)
        services, revision_id = self.tab.services, revision.revision_id

        def save() -> None:
            data = dialog.value()
            if intervention_id is None:
                self.tab.write(lambda: plan_service.add_intervention(services, revision_id, data))
            else:
                self.tab.write(
                    lambda: plan_drafting.update_intervention(services, intervention_id, data)
                )

        dialog.accepted.connect(save)
        dialog.open()
        return dialog

    def edit_selected(self) -> GoalDialog | InterventionDialog | None:
        picked, revision = self.tab.content.selected(), self.tab.revision
        if picked is None or revision is None:
            return None
        kind, record_id = picked
        if kind == INTERVENTION:
            return self._intervention_dialog(record_id)
        goal = revision.goal(record_id)
        return self._goal_dialog(GoalDialog(self.tab, goal), record_id) if goal else None

    def remove_selected(self) -> None:
        picked = self.tab.content.selected()
        if picked is None:
            return
        kind, record_id = picked
        services = self.tab.services
        if kind == GOAL:
            self.tab.write(lambda: plan_drafting.remove_goal(services, record_id))
        else:
            self.tab.write(lambda: plan_drafting.remove_intervention(services, record_id))
