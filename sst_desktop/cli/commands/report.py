"""`sst report case --case REF --out FILE.pdf [--from DATE] [--to DATE]`: the case summary for a
follow-up meeting (contacts by kind and month, absence and participation, the ratings chart,
the plan's goals and their status), as the window's "Save as PDF..." makes it (same service,
same audit event). Initials unless ``--full-name`` (or the ``print_full_name`` setting);
``--password-file`` protects it; a protected identity needs ``--reason``. `sst report status`
is ``report_status``."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from sst_desktop.cli.commands import report_status
from sst_desktop.cli.commands.plan import add_print_options, full_name_wanted, read_password
from sst_desktop.cli.common import open_app
from sst_desktop.cli.output import Output
from sst_desktop.reports.case_summary_service import CaseSummaryRequest, print_case_summary
from sst_desktop.reports.pdf_output import save_pdf


def register(sub: Any) -> None:
    parser = sub.add_parser("report", help="reports: the case summary, the status report")
    report_sub = parser.add_subparsers(dest="report_command", required=True)
    case = report_sub.add_parser("case", help="write a case summary for a follow-up meeting")
    case.add_argument("--case", required=True, help="the case's reference (or id)")
    case.add_argument("--out", required=True, help="the PDF file to write")
    case.add_argument("--from", dest="period_from", type=date.fromisoformat, help="YYYY-MM-DD")
    case.add_argument("--to", dest="period_to", type=date.fromisoformat, help="YYYY-MM-DD")
    add_print_options(case)
    case.set_defaults(run=run_case)
    report_status.register(report_sub)


def run_case(args: argparse.Namespace, out: Output) -> int:
    target = Path(args.out)
    request = CaseSummaryRequest(
        case=args.case,
        period_from=args.period_from,
        period_to=args.period_to,
        full_name=full_name_wanted(args),
        reason=args.reason,
        password=read_password(args.password_file) if args.password_file else None,
    )
    context = open_app(args)
    try:
        printed = print_case_summary(context.services, request)
    finally:
        context.close()
    save_pdf(target, printed.pdf)
    facts = {
        "file": str(target),
        "case": printed.case_reference,
        "from": printed.period_from.isoformat(),
        "to": printed.period_to.isoformat(),
        "pages": printed.pages,
        "password_protected": printed.protected,
        "withheld": printed.withheld,
    }
    out.emit(
        facts,
        f"{printed.case_reference} {facts['from']} – {facts['to']}: {printed.pages} page(s)"
        f" -> {target}",
    )
    return 0
