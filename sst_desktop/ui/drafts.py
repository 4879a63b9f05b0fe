"""Autosave of a form: every few seconds, if something changed, the form's fields go to the
encrypted database as a draft; on opening the form for the same case, they come back.

A form gives a ``collect`` (fields as a dict of plain values) and an ``apply`` (fields back
into its widgets). ``flush`` saves at once: the lock calls it before the key goes, so the last
seconds of typing survive a lock too. A crash or a killed process loses at most one interval.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer

from sst_desktop.casework import drafts

if TYPE_CHECKING:
    from sst_desktop.app_context import AppContext

log = logging.getLogger(__name__)
AUTOSAVE_MS = 3_000

Fields = dict[str, Any]


class DraftKeeper(QObject):
    def __init__(
        self,
        context: AppContext,
        form: str,
        collect: Callable[[], Fields],
        apply: Callable[[Fields], None],
        parent: QObject | None = None,
        *,
        interval_ms: int = AUTOSAVE_MS,
    ) -> None:
        super().__init__(parent)
        self._context, self._form = context, form
        self._collect, self._apply = collect, apply
        self._case_id: str | None = None
        self._saved: Fields | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.flush)

    @property
    def case_id(self) -> str | None:
        return self._case_id

    def open(self, case_id: str | None) -> bool:
        """Start keeping the form for ``case_id``; True when a draft came back into it."""
        self.flush()
        self._case_id = case_id
        restored = drafts.load_draft(self._context.services, self._form, case_id)
        if restored:
            self._apply(restored)
        self._saved = self._collect()
        self._timer.start()
        return bool(restored)

    def flush(self) -> None:
        """Save now if the form changed since the last save (an empty form removes the draft)."""
        if self._saved is None:
            return
        fields = self._collect()
        if fields == self._saved:
            return
        services = self._context.services
        try:
            if any(fields.values()):
                drafts.save_draft(services, self._form, self._case_id, fields)
            else:
                drafts.discard_draft(services, self._form, self._case_id)
        except Exception as exc:
            log.error("autosave of a draft failed", exc_info=exc)
            return
        self._saved = fields

    def saved(self) -> None:
        """The form was saved for real: its draft goes."""
        drafts.discard_draft(self._context.services, self._form, self._case_id)
        self._saved = self._collect()

    def close(self) -> None:
        self.flush()
        self._timer.stop()
        self._saved = None
        self._case_id = None
