"""The unlocked application: navigation on the left, one screen at a time on the right.

Built for one ``AppContext`` and thrown away on lock, so no screen can outlive the key.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from sst_desktop.app_context import AppContext
from sst_desktop.casework.dto import WorkspaceTab
from sst_desktop.config.settings import Settings
from sst_desktop.ui.screens.case_workspace.case_workspace import CaseWorkspace
from sst_desktop.ui.screens.cases.cases_screen import CasesScreen
from sst_desktop.ui.screens.requests.requests_screen import RequestsScreen
from sst_desktop.ui.screens.settings.settings_screen import SettingsScreen
from sst_desktop.ui.screens.team_meeting.team_meeting_screen import TeamMeetingScreen
from sst_desktop.ui.screens.today.today_screen import TodayScreen
from sst_desktop.ui.tasks import TaskRunner
from sst_desktop.ui.widgets.scrolling import scrolling

NAVIGATION = (
    ("today", QT_TRANSLATE_NOOP("Workspace", "Today")),
    ("cases", QT_TRANSLATE_NOOP("Workspace", "Cases")),
    ("requests", QT_TRANSLATE_NOOP("Workspace", "Requests and applications")),
    ("team_meeting", QT_TRANSLATE_NOOP("Workspace", "Team meeting")),
    ("conflicts", QT_TRANSLATE_NOOP("Workspace", "Conflicts")),
    ("reports", QT_TRANSLATE_NOOP("Workspace", "Reports")),
    ("settings", QT_TRANSLATE_NOOP("Workspace", "Settings")),
)


class NotYetScreen(QWidget):
    """Honest placeholder for a screen a later release brings."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        heading = QLabel(title, self)
        heading.setObjectName("screenTitle")
        note = QLabel(self.tr("This part of SST Desktop comes in a later version."), self)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(note)
        layout.addStretch(1)


LISTS = frozenset({"today", "cases", "team_meeting", "conflicts"})


class Workspace(QWidget):
    language_changed = Signal(str)
    auto_lock_changed = Signal(int)
    text_size_changed = Signal(int)
    server_connected = Signal()

    def __init__(
        self,
        context: AppContext,
        runner: TaskRunner,
        settings: Settings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context, self._runner, self._settings = context, runner, settings
        self.navigation = QListWidget(self)
        self.navigation.setAccessibleName(self.tr("Navigation"))
        self.navigation.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.stack = QStackedWidget(self)
        self.screens: dict[str, QWidget] = {}
        self._areas: dict[str, QScrollArea] = {}
        for key, title in NAVIGATION:
            self._add_screen(key, QCoreApplication.translate("Workspace", title))
        self.case_workspace = CaseWorkspace(context, runner, self)
        self.case_workspace.closed.connect(self._back_from_case)
        self.stack.addWidget(self.case_workspace)
        layout = QHBoxLayout(self)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        self.navigation.currentRowChanged.connect(self._show_row)
        self.navigation.itemClicked.connect(
            lambda _item: self._show_row(self.navigation.currentRow())
        )
        self.navigation.setCurrentRow(0)
        self._fit_navigation()

    def current_screen(self) -> QWidget:
        """The screen shown (the navigation's screens sit in scroll areas)."""
        shown = self.stack.currentWidget()
        return shown.widget() if isinstance(shown, QScrollArea) else shown

    def _fit_navigation(self) -> None:
        """As wide as its longest title at the current text size (200 % included), no wider."""
        frame = 2 * self.navigation.frameWidth()
        self.navigation.setFixedWidth(self.navigation.sizeHintForColumn(0) + frame + 16)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.LanguageChange):
            # After the list itself has taken the new font (children hear of it after us).
            QTimer.singleShot(0, self._fit_navigation)
        super().changeEvent(event)

    def _builders(self) -> dict[str, Callable[[], QWidget]]:
        return {
            "today": self._today_screen,
            "cases": self._cases_screen,
            "requests": self._requests_screen,
            "team_meeting": self._team_meeting_screen,
            "conflicts": self._conflicts_screen,
            "settings": self._settings_screen,
        }

    def _today_screen(self) -> QWidget:
        screen = TodayScreen(self.context, self._runner, self)
        screen.open_item.connect(lambda item: self.open_case(item.case_id, item.target))
        return screen

    def _requests_screen(self) -> QWidget:
        screen = RequestsScreen(self.context, self._runner, self)
        screen.open_case.connect(self.open_case)
        return screen

    def _team_meeting_screen(self) -> QWidget:
        screen = TeamMeetingScreen(self.context, self._runner, self)
        screen.open_case.connect(self.open_case)
        return screen

    def _conflicts_screen(self) -> QWidget:
        from sst_desktop.ui.screens.conflicts.conflicts_screen import ConflictsScreen

        return ConflictsScreen(self.context, self._runner, self)

    def _cases_screen(self) -> QWidget:
        screen = CasesScreen(self.context, self._runner, self)
        screen.open_case.connect(self.open_case)
        return screen

    def _settings_screen(self) -> QWidget:
        screen = SettingsScreen(self._settings, self.context, self._runner, self)
        screen.server_connected.connect(self.server_connected)
        screen.language_changed.connect(self.language_changed)
        screen.auto_lock_changed.connect(self.auto_lock_changed)
        screen.text_size_changed.connect(self.text_size_changed)
        return screen

    def _add_screen(self, key: str, title: str) -> None:
        build = self._builders().get(key)
        screen = build() if build else NotYetScreen(title, self)
        screen.setObjectName(f"screen_{key}")
        self.screens[key] = screen
        self._areas[key] = scrolling(screen)
        self.stack.addWidget(self._areas[key])
        item = QListWidgetItem(title, self.navigation)
        item.setData(0x0100, key)

    def _show_row(self, row: int) -> None:
        key = NAVIGATION[row][0]
        screen = self.screens[key]
        self.stack.setCurrentWidget(self._areas[key])
        refresh = getattr(screen, "refresh", None)
        if callable(refresh):
            refresh()

    def refresh_current(self) -> None:
        """After a sync: lists show what arrived. Forms and an open case are left alone, so
        nothing the user is typing moves under their hands."""
        if self.stack.currentWidget() is self.case_workspace:
            return
        key = NAVIGATION[self.navigation.currentRow()][0]
        refresh = getattr(self.screens[key], "refresh", None)
        if key in LISTS and callable(refresh):
            refresh()

    def open_case(self, case_id: str, tab: WorkspaceTab = WorkspaceTab.OVERVIEW) -> CaseWorkspace:
        self.case_workspace.open_case(case_id, tab)
        self.stack.setCurrentWidget(self.case_workspace)
        return self.case_workspace

    def _back_from_case(self) -> None:
        self.case_workspace.clear()
        self._show_row(self.navigation.currentRow())

    def show_screen(self, key: str) -> QWidget:
        self.navigation.setCurrentRow([k for k, _t in NAVIGATION].index(key))
        return self.screens[key]

    def tear_down(self) -> None:
        """Drop every row of personal data the screens hold (the lock calls it)."""
        for screen in [*self.screens.values(), self.case_workspace]:
            clear = getattr(screen, "clear", None)
            if callable(clear):
                clear()
