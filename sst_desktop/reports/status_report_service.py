"""Make the status report for a period: one service for the window and for `sst report status`.

The figures are the actor's team's, read under the read rule in one transaction, with small
cells hidden; the PDF and the editable DOCX are rendered in memory from the same content, and
the report is audited (``export`` or ``print``, ``status_report``) with its period and counts
only: no case, no student, no free text."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sst_desktop.casework.context import ServiceContext
from sst_desktop.errors import SstError, error_code
from sst_desktop.reports.followup import DEFAULT_SMALL_CELL_THRESHOLD
from sst_desktop.reports.plan_print_service import PrintPurpose
from sst_desktop.reports.status_report_content import ReportInput, StatusReport, load_report
from sst_desktop.reports.status_report_pdf import render_status_report
from sst_desktop.reports.status_report_period import resolve_period
from sst_desktop.reports.status_report_texts import ReportTexts

DOCX_UNAVAILABLE = error_code(
    "status_report.docx_unavailable",
    "This installation cannot write the report to edit (.docx): python-docx or lxml is missing.",
)


@dataclass(frozen=True)
class StatusReportRequest:
    period_from: date | None = None  # default: the last complete quarter before today
    period_to: date | None = None
    texts: ReportTexts = field(default_factory=ReportTexts)
    small_cell_threshold: int = DEFAULT_SMALL_CELL_THRESHOLD  # organisation.json's
    docx: bool = True  # the editable version too
    purpose: PrintPurpose = PrintPurpose.EXPORT


@dataclass(frozen=True)
class PrintedStatusReport:
    pdf: bytes = field(repr=False)
    docx: bytes | None = field(repr=False)
    title: str  # for the print job and the file dialog: the period, never a person
    period_from: date
    period_to: date
    pages: int
    episodes: int
    withheld: int


def print_status_report(ctx: ServiceContext, request: StatusReportRequest) -> PrintedStatusReport:
    today = ctx.clock.today()
    period = resolve_period(request.period_from, request.period_to, today)
    months: dict[str, set[int]] = {}
    for entry in ctx.rules.entries:
        months.setdefault(str(entry.programme), set()).update(entry.follow_up_months)
    given = ReportInput(
        ctx.actor, period, today, request.small_cell_threshold, months, request.texts
    )
    with ctx.unit_of_work() as uow:
        report = load_report(uow, given)
        rendered = render_status_report(report)
        docx = editable(report) if request.docx else None
        uow.audit(request.purpose.value, "status_report", None, None,
                  **_audit_details(report, rendered.pages, docx is not None))  # fmt: skip
        uow.commit()
    return PrintedStatusReport(
        pdf=rendered.data,
        docx=docx,
        title=report.title,
        period_from=period.start,
        period_to=period.end,
        pages=rendered.pages,
        episodes=report.episodes,
        withheld=report.withheld,
    )


def editable(report: StatusReport) -> bytes:
    """The DOCX. Imported here, not at the top: python-docx needs lxml, which a bundle built
    to leave lxml out lacks; there the PDF still works and the DOCX is refused in words."""
    try:
        from sst_desktop.reports.status_report_docx import render_docx
    except ImportError as exc:
        raise SstError(DOCX_UNAVAILABLE) from exc
    return render_docx(report)


def _audit_details(report: StatusReport, pages: int, docx: bool) -> dict[str, object]:
    return {
        "report": "status_report",
        "period_from": report.period.start.isoformat(),
        "period_to": report.period.end.isoformat(),
        "episodes": report.episodes,
        "withheld": report.withheld,
        "small_cell_threshold": report.threshold,
        "pages": pages,
        "docx": docx,
        "texts": list(report.texts.given),  # which fields were given, never their words
        "counts": dict(report.counts),
    }
