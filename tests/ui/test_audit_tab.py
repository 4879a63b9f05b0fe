"""The case's Audit tab: who saw and changed what; reading it is logged as well."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from sst_desktop.app_context import AppContext
from sst_desktop.casework.audit_queries import case_audit
from sst_desktop.casework.dto import WorkspaceTab
from sst_desktop.casework.queries import list_cases
from sst_desktop.ui.screens.case_workspace.case_workspace import TABS, CaseWorkspace
from sst_desktop.ui.tasks import TaskRunner


def test_the_audit_shows_views_and_changes(qtbot: QtBot, demo_context: AppContext) -> None:
    case_id = list_cases(demo_context.services)[0].case_id
    workspace = CaseWorkspace(demo_context, TaskRunner(synchronous=True))
    qtbot.addWidget(workspace)
    workspace.open_case(case_id)  # viewing the case is audited
    assert workspace.audit.rows == []  # not read until the tab is opened
    workspace.tabs.setCurrentIndex([k for k, _t in TABS].index(WorkspaceTab.AUDIT))
    rows = workspace.audit.rows
    assert rows and workspace.audit.table.rowCount() == len(rows)
    assert any(r.action == "view" and r.entity_type == "cases" for r in rows[:10])  # our view
    assert any(r.action == "list" and r.entity_type == "contacts" for r in rows[:10])
    assert any(r.action == "create" for r in rows)
    assert all(r.actor_name != "?" for r in rows[:10])
    again = case_audit(demo_context.services, case_id)
    assert again[0].entity_type == "audit_events"  # reading the log was logged
