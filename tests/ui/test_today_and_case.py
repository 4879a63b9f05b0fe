"""Today on a demo profile: items listed, each opening its case on the right tab; the case
workspace shows the header and the timeline."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from sst_desktop.casework.dto import TodayItem, WorkspaceTab
from sst_desktop.config.settings import Settings
from sst_desktop.ui.itemmodels.today_table_model import TodayTableModel
from sst_desktop.ui.main_window import MainWindow
from sst_desktop.ui.screens.case_workspace.case_workspace import TABS
from sst_desktop.ui.screens.today.today_screen import TodayScreen
from tests.ui.conftest import PASSPHRASE


def _unlocked(qtbot: QtBot, profile: Path, settings: Settings) -> MainWindow:
    window = MainWindow(profile, settings)
    qtbot.addWidget(window)
    window.show()
    assert window.unlock_screen is not None
    window.unlock_screen.passphrase.setText(PASSPHRASE)
    window.unlock_screen.unlock_button.click()
    qtbot.waitUntil(lambda: not window.locked, timeout=15_000)
    return window


def test_today_lists_items_that_open_their_case(
    qtbot: QtBot, demo_profile: Path, settings: Settings, qtmodeltester
) -> None:  # type: ignore[no-untyped-def]
    window = _unlocked(qtbot, demo_profile, settings)
    assert window.workspace is not None
    today = window.workspace.screens["today"]
    assert isinstance(today, TodayScreen)
    assert window.workspace.current_screen() is today  # Today comes first
    today.mine.setChecked(False)
    qtbot.waitUntil(lambda: today.model.rowCount() > 0, timeout=15_000)
    qtmodeltester.check(today.model)
    item = today.model.item(0)
    assert isinstance(item, TodayItem)
    index = today.model.index(0, 0)
    today.table.setCurrentIndex(index)
    today.table.activated.emit(index)
    case = window.workspace.case_workspace
    assert window.workspace.current_screen() is case
    qtbot.waitUntil(lambda: case.detail is not None, timeout=15_000)
    assert case.detail is not None and case.detail.item.case_id == item.case_id
    assert [key for key, _t in TABS][case.tabs.currentIndex()] == item.target
    assert item.reference in case.title.text()


def test_the_case_workspace_from_the_case_list(
    qtbot: QtBot, demo_profile: Path, settings: Settings
) -> None:
    window = _unlocked(qtbot, demo_profile, settings)
    assert window.workspace is not None
    cases = window.workspace.show_screen("cases")
    qtbot.waitUntil(lambda: cases.model.rowCount() > 0, timeout=15_000)  # type: ignore[attr-defined]
    index = cases.proxy.index(0, 0)  # type: ignore[attr-defined]
    cases.table.activated.emit(index)  # type: ignore[attr-defined]
    case = window.workspace.case_workspace
    qtbot.waitUntil(lambda: case.detail is not None, timeout=15_000)
    assert case.timeline.count() > 0
    assert case.tabs.currentIndex() == 0
    assert case.tabs.count() == len(TABS)
    assert window.windowTitle() == "SST Desktop"
    qtbot.keyClick(case, Qt.Key.Key_Escape)
    assert window.workspace.current_screen() is cases
    assert case.detail is None and case.timeline.count() == 0  # dropped on leaving


def test_overdue_rows_are_bold() -> None:
    from datetime import date

    from sst_desktop.casework.dto import TodayKind

    model = TodayTableModel()
    late = TodayItem(
        TodayKind.REVIEW_DUE,
        "c",
        "SST-26-AAAAAA",
        "sst",
        None,
        date(2026, 1, 1),
        None,
        WorkspaceTab.MEETINGS,
        None,
        True,
    )
    model.set_items([late], date(2026, 2, 1))
    assert model.index(0, 0).data(Qt.ItemDataRole.FontRole).bold()
    model.set_items([late], date(2026, 1, 1))
    assert model.index(0, 0).data(Qt.ItemDataRole.FontRole) is None
