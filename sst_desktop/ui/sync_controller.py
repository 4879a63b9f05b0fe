"""Sync in the window: on demand, every few minutes while unlocked, and soon after a failed
attempt (the network coming back is noticed by the retry). Runs on its own worker so a slow
network never holds up the screens; the status bar says where things stand, in the user's
language."""

from __future__ import annotations

import logging
from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, QTimer, Signal

from sst_desktop.app_context import AppContext
from sst_desktop.sync import client
from sst_desktop.sync.transport import SyncError
from sst_desktop.ui.tasks import TaskRunner

log = logging.getLogger(__name__)
EVERY_MS = 3 * 60_000
RETRY_MS = 60_000

# What a social worker is told, per error code of the sync engine.
MESSAGES = {
    "offline": QT_TRANSLATE_NOOP(
        "SyncController", "No network: changes are kept here and sent when the network is back."
    ),
    "server_unavailable": QT_TRANSLATE_NOOP(
        "SyncController", "The server does not answer right now; trying again soon."
    ),
    "protocol_unsupported": QT_TRANSLATE_NOOP(
        "SyncController", "The server needs a newer SST Desktop. Ask IT to update it."
    ),
    "device_revoked": QT_TRANSLATE_NOOP(
        "SyncController", "This computer has been disconnected from the server by IT."
    ),
    "token_invalid": QT_TRANSLATE_NOOP(
        "SyncController", "The server did not accept this computer's credentials. Ask IT."
    ),
    "insecure_address": QT_TRANSLATE_NOOP(
        "SyncController", "The server address must start with https://."
    ),
    "pin_mismatch": QT_TRANSLATE_NOOP(
        "SyncController",
        "The server could not be verified: its certificate was replaced without notice. "
        "Nothing was sent. Contact IT.",
    ),
    "certificate_invalid": QT_TRANSLATE_NOOP(
        "SyncController",
        "The server's certificate is not valid (expired, or issued for another address). "
        "Nothing was sent. Contact IT.",
    ),
    "enrollment_other_staff": QT_TRANSLATE_NOOP(
        "SyncController", "The code was issued for someone else. Ask IT for a code in your name."
    ),
    "enrollment_code_invalid": QT_TRANSLATE_NOOP(
        "SyncController", "The code is wrong, used or more than 24 hours old. Ask IT."
    ),
    "profile_not_empty": QT_TRANSLATE_NOOP(
        "SyncController", "Only a new profile without cases can be connected to a server."
    ),
    "not_connected": QT_TRANSLATE_NOOP("SyncController", "Not connected to a server."),
    "rate_limited": QT_TRANSLATE_NOOP(
        "SyncController", "The server is busy; trying again in a few minutes."
    ),
    "too_many_attempts": QT_TRANSLATE_NOOP(
        "SyncController",
        "Too many failed attempts from this computer; the server asks it to wait. "
        "Trying again later.",
    ),
}
FALLBACK = QT_TRANSLATE_NOOP("SyncController", "Sync failed ({code}); trying again soon.")


def sync_message(code: str) -> str:
    text = MESSAGES.get(code, FALLBACK)
    return QCoreApplication.translate("SyncController", text).replace("{code}", code)


def retry_delay_ms(error: BaseException) -> int:
    """A minute, or longer when the server has asked the device to wait (429 Retry-After)."""
    asked = error.retry_after if isinstance(error, SyncError) else None
    return max(RETRY_MS, (asked or 0) * 1000)


class SyncController(QObject):
    state_changed = Signal(str)
    revoked = Signal()  # the server has disconnected this device
    synced = Signal(object)  # SyncReport

    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.runner = TaskRunner(self)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.sync_now)
        self.last_error: str | None = None

    def start(self) -> None:
        """After unlock: say where things stand, and sync soon if connected."""
        self.show_status()
        if client.is_connected(self._context.engine):
            self._timer.start(2_000)

    def stop(self) -> None:
        self._timer.stop()
        self.runner.wait()

    def sync_now(self) -> None:
        if self.runner.is_busy() or not client.is_connected(self._context.engine):
            return
        self._timer.stop()
        self.state_changed.emit(self.tr("Syncing…"))
        engine = self._context.engine

        def work(control: object) -> client.SyncReport:
            transport = client.connected_transport(engine)
            try:
                return client.sync_once(engine, transport)
            finally:
                transport.close()

        self.runner.run(work, self._done, self._failed)

    def _done(self, report: client.SyncReport) -> None:
        self.last_error = None
        self.show_status(report)
        self.synced.emit(report)
        self._timer.start(EVERY_MS)

    def _failed(self, error: BaseException) -> None:
        code = error.code if isinstance(error, SyncError) else "internal"
        if not isinstance(error, SyncError):
            log.error("sync crashed", exc_info=error)
        self.last_error = code
        if code == "device_revoked":
            self.revoked.emit()
            return
        status = client.status(self._context.engine)
        self.state_changed.emit(
            sync_message(code) + " " + self.tr("%n change(s) waiting.", "", status.pending)
        )
        self._timer.start(retry_delay_ms(error))

    def show_status(self, report: client.SyncReport | None = None) -> None:
        status = client.status(self._context.engine)
        if not status.connected:
            self.state_changed.emit(self.tr("Not connected to a server"))
            return
        when = (
            datetime.fromisoformat(status.last_success).astimezone().strftime("%H:%M")
            if status.last_success
            else self.tr("never")
        )
        text = self.tr("Synced %1 · %n change(s) waiting", "", status.pending).replace("%1", when)
        if status.conflicts_open:
            text += " · " + self.tr("%n conflict(s) to resolve", "", status.conflicts_open)
        if report is not None and report.full_resync:
            text += " · " + self.tr("everything fetched again (away a long time)")
        self.state_changed.emit(text)
