"""The one window: first run or unlock while locked, the workspace while unlocked.

Locking (Ctrl+L, the idle timer, or closing) waits for running work, clears every screen, closes
the database (the key goes with the engine) and shows the unlock screen again. The window title
never names a person.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QStackedWidget, QWidget

from sst_desktop.config.settings import Settings
from sst_desktop.ui.appearance import apply_text_size
from sst_desktop.ui.client_mode import ChoosePinDialog, ClientFacingWindow, SessionPin
from sst_desktop.ui.i18n import install_language
from sst_desktop.ui.idle_lock import IdleWatcher
from sst_desktop.ui.screens.unlock.unlock_screen import UnlockScreen
from sst_desktop.ui.session import damaged_pages, profile_exists, warm_up
from sst_desktop.ui.tasks import TaskRunner

if TYPE_CHECKING:  # imported when first needed: the unlock screen must not wait for them
    from sst_desktop.app_context import AppContext
    from sst_desktop.ui.screens.first_run.first_run_screen import FirstRunScreen
    from sst_desktop.ui.sync_controller import SyncController
    from sst_desktop.ui.workspace import Workspace

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    def __init__(
        self,
        profile_dir: Path,
        settings: Settings,
        runner: TaskRunner | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("SST Desktop")
        self.profile_dir, self.settings = profile_dir, settings
        self.runner = runner or TaskRunner(self)
        self.checker = TaskRunner(self)  # the after-unlock check of every page
        self.context: AppContext | None = None
        self.damage_message: QMessageBox | None = None
        self.client_window: ClientFacingWindow | None = None
        self.workspace: Workspace | None = None
        self.sync: SyncController | None = None
        self.revoked_message: QMessageBox | None = None
        self.stack = QStackedWidget(self)
        self.setCentralWidget(self.stack)
        self.unlock_screen: UnlockScreen | None = None
        self.first_run: FirstRunScreen | None = None
        self.idle = IdleWatcher(settings.get("auto_lock_minutes"), self)
        self.idle.idle.connect(self.lock)
        self.sync_state = QLabel(self.tr("Not connected to a server"), self)
        self.statusBar().addPermanentWidget(self.sync_state)
        self._build_menu()
        self._show_locked()

    def _build_menu(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&File"))
        self.lock_action = QAction(self.tr("&Lock"), self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.lock_action.setEnabled(False)
        self.lock_action.triggered.connect(self.lock)
        menu.addAction(self.lock_action)
        self.sync_action = QAction(self.tr("&Sync now"), self)
        self.sync_action.setShortcut(QKeySequence("Ctrl+Shift+S"))
        self.sync_action.setEnabled(False)
        self.sync_action.triggered.connect(lambda: self.sync.sync_now() if self.sync else None)
        menu.addAction(self.sync_action)
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        menu.addAction(quit_action)

    def _show_locked(self) -> None:
        if profile_exists(self.profile_dir):
            if self.unlock_screen is None:
                self.unlock_screen = UnlockScreen(self.profile_dir, self.runner, self)
                self.unlock_screen.unlocked.connect(self._unlocked)
                self.stack.addWidget(self.unlock_screen)
            self.unlock_screen.reset()
            self.stack.setCurrentWidget(self.unlock_screen)
            self.unlock_screen.passphrase.setFocus()
            self.runner.run(warm_up, lambda _none: None, lambda _error: None)
        else:
            from sst_desktop.ui.screens.first_run.first_run_screen import FirstRunScreen

            self.first_run = FirstRunScreen(self.profile_dir, self.runner, self)
            self.first_run.created.connect(self._unlocked)
            self.stack.addWidget(self.first_run)
            self.stack.setCurrentWidget(self.first_run)

    def _unlocked(self, context: AppContext) -> None:
        self.context = context
        if self.first_run is not None:
            self.stack.removeWidget(self.first_run)
            self.first_run.deleteLater()
            self.first_run = None
        self._build_workspace(context)
        self.lock_action.setEnabled(True)
        # On its own thread and connection: the first screens must not wait for every page.
        self.checker.run(lambda control: damaged_pages(context), self._checked, self._check_failed)
        self.idle.start()
        self._start_sync(context)
        log.info("profile unlocked")

    def _start_sync(self, context: AppContext) -> None:
        from sst_desktop.ui.sync_controller import SyncController  # httpx: not before unlock

        self.sync = SyncController(context, self)
        self.sync.state_changed.connect(self.sync_state.setText)
        self.sync.revoked.connect(self._device_revoked)
        self.sync.synced.connect(self._synced)
        self.sync_action.setEnabled(True)
        self.sync.start()

    def _synced(self, _report: object) -> None:
        if self.workspace is not None:
            self.workspace.refresh_current()

    def _server_connected(self) -> None:
        """The owner is now the server's staff member: rebuild the screens as them."""
        from sst_desktop.app_context import read_actor

        assert self.context is not None
        self.context.actor = read_actor(self.context.engine, self.profile_dir)
        self.runner.wait()
        self._drop_workspace()
        self._build_workspace(self.context).show_screen("settings")
        if self.sync is not None:
            self.sync.start()
            self.sync.sync_now()

    def _device_revoked(self) -> None:
        """IT has disconnected this laptop (lost or stolen): say so, then erase the profile."""
        from sst_desktop.store.profile_erase import erase_profile

        log.warning("device revoked by the server; erasing the profile")
        self.lock()
        erase_profile(self.profile_dir)
        self._show_locked()  # the first-run screen: nothing of the profile is left
        self.revoked_message = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("This computer has been disconnected"),
            self.tr(
                "IT has disconnected this computer from the team's server, for example because "
                "it was reported lost. The profile on it has been erased. Everything that had "
                "been synced is safe on the server."
            ),
            QMessageBox.StandardButton.Ok,
            self,
        )
        self.revoked_message.open()

    def _build_workspace(self, context: AppContext) -> Workspace:
        from sst_desktop.ui.workspace import Workspace

        self.workspace = Workspace(context, self.runner, self.settings, self)
        self.workspace.auto_lock_changed.connect(self.idle.set_minutes)
        self.workspace.language_changed.connect(self._language_changed)
        self.workspace.text_size_changed.connect(apply_text_size)
        self.workspace.server_connected.connect(self._server_connected)
        self.stack.addWidget(self.workspace)
        self.stack.setCurrentWidget(self.workspace)
        return self.workspace

    def _drop_workspace(self) -> None:
        if self.workspace is not None:
            self.workspace.tear_down()
            self.stack.removeWidget(self.workspace)
            self.workspace.deleteLater()
            self.workspace = None

    def _language_changed(self, language: str) -> None:
        """Rebuild the screens in the new language (every text comes from tr() at build)."""
        install_language(language)
        self._retranslate_chrome()
        if self.context is not None:
            self.runner.wait()
            self._drop_workspace()
            self._build_workspace(self.context).show_screen("settings")

    def _retranslate_chrome(self) -> None:
        self.menuBar().clear()
        self._build_menu()
        self.lock_action.setEnabled(self.context is not None)
        self.sync_action.setEnabled(self.sync is not None)
        self.sync_state.setText(self.tr("Not connected to a server"))
        if self.sync is not None:
            self.sync.show_status()

    def _checked(self, damaged: int) -> None:
        """Every page of the database checked after unlock: damage stops the work at once,
        before anything is written over it."""
        if damaged:
            self._report_damage()

    def _check_failed(self, error: BaseException) -> None:
        log.error("background integrity check failed", exc_info=error)
        self._report_damage()

    def _report_damage(self) -> None:
        log.error("database damaged: pages fail their check")
        self.lock()
        self.damage_message = QMessageBox(
            QMessageBox.Icon.Critical,
            self.tr("The profile is damaged"),
            self.tr(
                "Parts of the database file sst.db are damaged, so SST Desktop has locked the "
                "profile without writing anything more to it. Contact support: they can restore "
                "it from your backup. Do not delete any files in the profile folder."
            ),
            QMessageBox.StandardButton.Ok,
            self,
        )
        self.damage_message.open()  # window-modal, not a nested event loop

    def hand_over(self, form: QWidget, title: str) -> ChoosePinDialog:
        """Ask the clinician for a session PIN, then enter client-facing mode with ``form``.
        The instruments and plan-signing screens call this."""
        dialog = ChoosePinDialog(self)
        dialog.accepted.connect(lambda: self.enter_client_mode(form, dialog.session_pin(), title))
        dialog.open()  # window-modal, not a nested event loop
        return dialog

    def enter_client_mode(self, form: QWidget, pin: SessionPin, title: str) -> ClientFacingWindow:
        """Hand the laptop over: only ``form``, full screen; back with the PIN (or, after too
        many wrong ones, with the passphrase: the profile locks)."""
        self.client_window = ClientFacingWindow(form, pin, title)
        self.client_window.handed_back.connect(self._client_mode_ended)
        self.client_window.locked_out.connect(self._client_locked_out)
        self.hide()
        self.client_window.start()
        return self.client_window

    def _client_mode_ended(self) -> None:
        self.client_window = None
        self.show()
        self.activateWindow()

    def _client_locked_out(self) -> None:
        self.lock()
        self._client_mode_ended()

    def lock(self) -> None:
        """Close everything that holds data; show the unlock screen. Safe to call twice."""
        if self.context is None:
            return
        self.idle.stop()
        if self.client_window is not None:  # idle while handed over: nothing stays on screen
            self.client_window.end()
            self._client_mode_ended()
        if self.sync is not None:
            self.sync.stop()
            self.sync.deleteLater()
            self.sync = None
        self.sync_action.setEnabled(False)
        self.runner.wait()
        self.checker.wait()
        self._drop_workspace()
        self.context.close()
        self.context = None
        self.lock_action.setEnabled(False)
        self._show_locked()
        log.info("profile locked")

    @property
    def locked(self) -> bool:
        return self.context is None

    def closeEvent(self, event: QCloseEvent) -> None:
        self.lock()
        super().closeEvent(event)
