"""Consent in the case workspace: giving one shows the other authority's records it covers;
withdrawing it hides them again at once."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from sst_desktop.app_context import AppContext
from sst_desktop.casework.dto import WorkspaceTab
from sst_desktop.casework.queries import case_detail, list_cases
from sst_desktop.ui.screens.case_workspace.case_workspace import TABS, CaseWorkspace
from sst_desktop.ui.tasks import TaskRunner
from sst_rules.enums import ConsentPurpose, RecordCategory


def _case_with_hidden_records(context: AppContext) -> str:
    details = [case_detail(context.services, i.case_id) for i in list_cases(context.services)]
    best = max(details, key=lambda d: d.hidden_records)
    assert best.hidden_records > 0, "the demo shares nothing by default with someone"
    return best.item.case_id


def test_consent_given_then_withdrawn(qtbot: QtBot, demo_context: AppContext) -> None:
    case_id = _case_with_hidden_records(demo_context)
    hidden_before = case_detail(demo_context.services, case_id).hidden_records
    workspace = CaseWorkspace(demo_context, TaskRunner(synchronous=True))
    qtbot.addWidget(workspace)
    workspace.show()
    workspace.open_case(case_id, WorkspaceTab.CONSENT)
    tab = workspace.consent
    assert TABS[workspace.tabs.currentIndex()][0] == WorkspaceTab.CONSENT
    assert not tab.give_button.isEnabled()  # nothing ticked yet: said, not saved
    tab.purposes[ConsentPurpose.SHARING_BETWEEN_AUTHORITIES].setChecked(True)
    for check in tab.categories.values():
        check.setChecked(True)
    assert tab.recipient.currentData() != demo_context.actor.authority  # shares outwards first
    tab.recipient.setCurrentIndex(tab.recipient.findData(demo_context.actor.authority))
    tab.give_button.click()
    assert tab.problem.text() == ""
    shared = case_detail(demo_context.services, case_id)
    assert shared.hidden_records < hidden_before
    assert workspace.timeline.count() > 0
    shown_while_shared = workspace.timeline.count()
    newest = max(
        (tab.consents.item(r).data(0x0100) for r in range(tab.consents.count())),
        key=lambda c: (c.given_on, c.active, c.withdrawn_on is None),
    )
    row = next(
        r
        for r in range(tab.consents.count())
        if tab.consents.item(r).data(0x0100).consent_id == newest.consent_id
    )
    tab.consents.setCurrentRow(row)
    assert tab.withdraw_button.isEnabled()
    tab.withdraw_button.click()
    after = case_detail(demo_context.services, case_id)
    assert after.hidden_records == hidden_before
    assert workspace.timeline.count() < shown_while_shared
    withdrawn = next(c for c in after.consents if c.consent_id == newest.consent_id)
    assert withdrawn.withdrawn_on is not None and not withdrawn.active


def test_an_end_before_the_start_is_refused_as_you_type(
    qtbot: QtBot, demo_context: AppContext
) -> None:
    case_id = list_cases(demo_context.services)[0].case_id
    workspace = CaseWorkspace(demo_context, TaskRunner(synchronous=True))
    qtbot.addWidget(workspace)
    workspace.open_case(case_id, WorkspaceTab.CONSENT)
    tab = workspace.consent
    tab.purposes[ConsentPurpose.SST_INTERVENTION].setChecked(True)
    tab.categories[RecordCategory.MEETINGS].setChecked(True)
    assert tab.give_button.isEnabled()
    tab.valid_until.setDate(tab.given_on.date().addDays(-1))
    assert not tab.give_button.isEnabled()
    assert "before" in tab.give_button.toolTip()
