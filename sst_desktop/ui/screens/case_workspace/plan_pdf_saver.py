"""Save as PDF from the Plan tab, through the same service as `sst plan pdf` (rendered in
memory, audited with the revision and its fingerprint, written atomically where the user
chose). A student with a protected identity needs a reason, asked for and then kept in the
audit event. Printing straight to a printer is not offered (decisions.md)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QInputDialog

from sst_desktop.config.settings import Settings
from sst_desktop.errors import SstError
from sst_desktop.reports.pdf_output import save_pdf
from sst_desktop.reports.plan_print_service import PlanPrintRequest, PrintedPlan, print_plan

if TYPE_CHECKING:
    from sst_desktop.ui.screens.case_workspace.plan_tab import PlanTab

REASON_REQUIRED = "plan_print.reason_required"


class PlanPdfSaver(QObject):
    def __init__(self, tab: PlanTab) -> None:
        super().__init__(tab)
        self.tab = tab
        # Seams (style habit 10): tests answer these instead of a file dialog or a question.
        self.ask_save_path: Callable[[str], str | None] = self._ask_save_path
        self.ask_reason: Callable[[], str | None] = self._ask_reason

    def save_pdf(self, reason: str | None = None) -> None:
        revision, plans = self.tab.revision, self.tab.plans
        if revision is None or plans is None:
            return
        suggested = f"{plans.case_reference}-{revision.number}.pdf"
        path = self.ask_save_path(suggested)
        if not path:
            return
        self._save_to(Path(path), revision.number, reason)

    def _save_to(self, target: Path, number: int, reason: str | None) -> None:
        case_id, services = self.tab.case_id, self.tab.services
        request = PlanPrintRequest(
            case=case_id or "",
            revision=number,
            full_name=bool(Settings().get("print_full_name")),
            reason=reason,
        )

        def work() -> PrintedPlan:
            printed = print_plan(services, request)
            save_pdf(target, printed.pdf)
            return printed

        def saved(printed: PrintedPlan) -> None:
            text = self.tr("Saved %1 (revision %2, fingerprint %3).")
            text = text.replace("%1", target.name).replace("%2", str(printed.revision_number))
            text = text.replace("%3", printed.fingerprint)
            if printed.names_in_text:
                text += " " + self.tr(
                    "The plan's own text names the student or a guardian: initials replace "
                    "only the name fields."
                )
            self.tab.message.setText(text)
            self.tab.say()

        def failed(error: BaseException) -> None:
            if isinstance(error, SstError) and error.code == REASON_REQUIRED and reason is None:
                given = self.ask_reason()
                if given:
                    self._save_to(target, number, given)
                return
            self.tab.show_error(error)

        self.tab.problem.clear()
        self.tab.runner.run(lambda control: work(), saved, failed)

    def _ask_save_path(self, suggested: str) -> str | None:
        path, _filter = QFileDialog.getSaveFileName(
            self.tab, self.tr("Save the plan as PDF"), suggested, self.tr("PDF files (*.pdf)")
        )
        return path or None

    def _ask_reason(self) -> str | None:
        text, ok = QInputDialog.getMultiLineText(
            self.tab,
            self.tr("Protected identity"),
            self.tr("The student has a protected identity. Why is the plan saved? (audited)"),
        )
        return text.strip() if ok and text.strip() else None
