"""Print or save a case summary for a follow-up meeting: one service for the window and for
`sst report case`. The case is found among those the actor may see; a student with a protected
identity needs a reason; the PDF is rendered in memory and audited (``print`` or ``export``,
with the period and the options) in the transaction that reads it. Records the reader may not
see are left out and counted in the audit event; the summary is not a signed document."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sst_desktop.casework import access
from sst_desktop.casework.context import ServiceContext
from sst_desktop.errors import ValidationError, error_code
from sst_desktop.reports.case_lookup import find_case, print_reason
from sst_desktop.reports.case_summary_content import load_summary
from sst_desktop.reports.case_summary_pdf import document_title, render_case_summary
from sst_desktop.reports.pdf_protect import protect_pdf
from sst_desktop.reports.plan_print_service import PrintPurpose

DEFAULT_PERIOD = timedelta(days=92)  # a quarter back from the end, unless the case is younger
REASON_REQUIRED = error_code(
    "case_summary.reason_required",
    "The student has a protected identity: a case summary needs a reason, which is recorded "
    "in the audit log.",
)
BAD_PERIOD = error_code(
    "case_summary.period", "The period must start on or before its end ({start} – {end})."
)


@dataclass(frozen=True)
class CaseSummaryRequest:
    case: str  # id or reference
    period_from: date | None = None  # default: a quarter before the end, not before the start
    period_to: date | None = None  # default: today
    full_name: bool = False
    reason: str | None = None
    purpose: PrintPurpose = PrintPurpose.EXPORT
    password: str | None = field(default=None, repr=False)


@dataclass(frozen=True)
class PrintedSummary:
    pdf: bytes = field(repr=False)
    title: str  # for the print job: the case reference, never the child
    case_reference: str
    period_from: date
    period_to: date
    pages: int
    protected: bool
    withheld: int


def print_case_summary(ctx: ServiceContext, request: CaseSummaryRequest) -> PrintedSummary:
    with ctx.unit_of_work() as uow:
        case = find_case(uow, ctx, request.case)
        reason = print_reason(access.case_scope(uow, case), request.reason, REASON_REQUIRED)
        end = request.period_to or ctx.clock.today()
        start = request.period_from or max(case.opened_on, end - DEFAULT_PERIOD)
        if start > end:
            raise ValidationError(BAD_PERIOD, start=start.isoformat(), end=end.isoformat())
        summary = load_summary(uow, ctx, case, (start, end), full_name=request.full_name)
        rendered = render_case_summary(summary)
        data = protect_pdf(rendered.data, request.password) if request.password else rendered.data
        details: dict[str, Any] = {
            "report": "case_summary",
            "period_from": start.isoformat(),
            "period_to": end.isoformat(),
            "pages": rendered.pages,
            "full_name": request.full_name,
            "password": request.password is not None,
            "withheld": summary.withheld,
        }
        if reason is not None:
            details["reason"] = reason
        uow.audit(request.purpose.value, "cases", case.id, case.id, **details)
        uow.commit()
        reference = case.reference
    return PrintedSummary(
        pdf=data,
        title=document_title(summary),
        case_reference=reference,
        period_from=start,
        period_to=end,
        pages=rendered.pages,
        protected=request.password is not None,
        withheld=summary.withheld,
    )
