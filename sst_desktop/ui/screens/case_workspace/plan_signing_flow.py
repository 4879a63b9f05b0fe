"""Signing from the Plan tab: a signer recorded as signed on paper (with the date on the paper)
or as declining (with the reason), or handed the computer in client-facing mode to read the
plan and sign on the pad; after each signature the revision is sealed if it was the last one
needed. And the scan of a signed paper copy, attached to the revision."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog

from sst_desktop.casework import attachment_service, plan_service
from sst_desktop.casework.context import ServiceContext
from sst_desktop.casework.plan_service import SignatureMethod
from sst_desktop.casework.signature_strokes import SignatureStrokes
from sst_desktop.ui.labels import label
from sst_desktop.ui.screens.case_workspace.client_signing import ClientSigningPage
from sst_desktop.ui.screens.case_workspace.plan_signing_dialogs import SignerDialog, SignerMode
from sst_rules.attachments import AttachmentPurpose
from sst_rules.enums import SignerRole

if TYPE_CHECKING:
    from sst_desktop.ui.screens.case_workspace.plan_tab import PlanTab

MEDIA_TYPES = {
    ".pdf": "application/pdf",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".tif": "image/tiff",
    ".tiff": "image/tiff",
}


class PlanSigningFlow(QObject):
    def __init__(self, tab: PlanTab) -> None:
        super().__init__(tab)
        self.tab = tab
        # A seam (style habit 10): tests answer it instead of a file dialog.
        self.ask_open_path: Callable[[], str | None] = self._ask_open_path

    def _roles(self) -> tuple[str, ...]:
        required = self.tab.plans.required_signers if self.tab.plans else ()
        waiting = [
            s.role
            for s in (self.tab.revision.signers if self.tab.revision else ())
            if s.state != "signed"
        ]
        return tuple(dict.fromkeys([*waiting, *required]))  # those still missing first

    def record_signer(self, mode: SignerMode) -> SignerDialog | None:
        revision = self.tab.revision
        if revision is None or revision.status != "awaiting_signatures":
            return None
        today = self.tab.today()
        dialog = SignerDialog(mode, self._roles(), today, self.tab)
        dialog.accepted.connect(lambda: self._signer_given(dialog))
        dialog.open()
        return dialog

    def _signer_given(self, dialog: SignerDialog) -> None:
        revision = self.tab.revision
        if revision is None:
            return
        services, revision_id = self.tab.services, revision.revision_id
        role, name = dialog.signer_role(), dialog.signer_name()
        if dialog.mode == SignerMode.SCREEN:
            self.hand_over(role.value, name)
        elif dialog.mode == SignerMode.DECLINED:
            reason = dialog.why()
            self.tab.write(
                lambda: plan_service.decline_signature(services, revision_id, role, name, reason)
            )
        else:
            day = dialog.day()
            self.tab.write(
                lambda: self._sign(services, revision_id, role, name, day),
                self.tr("Signature recorded."),
            )

    @staticmethod
    def _sign(
        services: ServiceContext,
        revision_id: str,
        role: SignerRole,
        name: str,
        day: date | None = None,
        strokes: SignatureStrokes | None = None,
    ) -> bool:
        """Record a signature, then seal the revision if it was the last one needed."""
        method = SignatureMethod.SCREEN if strokes is not None else SignatureMethod.PAPER
        plan_service.add_signature(
            services, revision_id, role, name, day, method=method, strokes=strokes
        )
        return plan_service.complete_if_signed(services, revision_id)

    def client_page(self, role: str, name: str) -> ClientSigningPage | None:
        """The revision as the signer reads it, and the pad; saves itself on confirming."""
        revision = self.tab.revision
        if revision is None:
            return None
        who = f"{name} ({label(role, 'SignerRole')})"
        page = ClientSigningPage(revision, who)
        services, revision_id = self.tab.services, revision.revision_id

        def save(strokes: SignatureStrokes) -> None:
            self._sign(services, revision_id, SignerRole(role), name, strokes=strokes)

        page.save = save
        page.saved.connect(self.tab.changed)
        page.saved.connect(self.tab.refresh)
        return page

    def hand_over(self, role: str, name: str) -> None:
        page = self.client_page(role, name)
        window = self.tab.window()
        if page is not None and hasattr(window, "hand_over"):
            window.hand_over(page, self.tr("Sign the plan"))

    def attach_scan(self) -> None:
        revision, case_id = self.tab.revision, self.tab.case_id
        path = self.ask_open_path() if revision and case_id else None
        if not path or revision is None or case_id is None:
            return
        services, revision_id = self.tab.services, revision.revision_id
        media_type = MEDIA_TYPES.get(Path(path).suffix.lower(), "application/octet-stream")

        def attach() -> str:
            data = attachment_service.AttachmentInput(
                media_type, AttachmentPurpose.SIGNED_PLAN_SCAN, revision_id
            )
            return attachment_service.attach_file(services, case_id, Path(path).read_bytes(), data)

        self.tab.write(attach, self.tr("The signed scan is attached to the revision."))

    def _ask_open_path(self) -> str | None:
        path, _filter = QFileDialog.getOpenFileName(
            self.tab,
            self.tr("The signed scan"),
            "",
            self.tr("Scans (*.pdf *.png *.jpg *.jpeg *.tif *.tiff)"),
        )
        return path or None
