"""`sst report status --out F.pdf [--docx F.docx] [--period 2026Q3 | --from D --to D]
[--texts texts.json]`: the team's status report for a period (the last complete quarter by
default), as a PDF and, with ``--docx``, the same report as a Word document to edit. The
texts file (docs/status-report.md) is checked before the passphrase is asked for. Counts below
the organisation's ``small_cell_threshold`` are hidden. Prints counts only."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from sst_desktop.cli.common import open_app
from sst_desktop.cli.output import Output
from sst_desktop.config.organisation import load_organisation_config
from sst_desktop.reports.pdf_output import save_pdf
from sst_desktop.reports.status_report_period import named_period
from sst_desktop.reports.status_report_service import (
    PrintedStatusReport,
    StatusReportRequest,
    print_status_report,
)
from sst_desktop.reports.status_report_texts import ReportTexts, load_texts


def register(report_sub: Any) -> None:
    status = report_sub.add_parser(
        "status", help="write the team's status report for a period (PDF, and DOCX to edit)"
    )
    status.add_argument("--out", required=True, help="the PDF file to write")
    status.add_argument("--docx", help="also write the report to edit as this .docx file")
    when = status.add_mutually_exclusive_group()
    when.add_argument("--period", help="a quarter (2026Q3) or a month (2026-05)")
    when.add_argument("--from", dest="period_from", type=date.fromisoformat, help="YYYY-MM-DD")
    status.add_argument("--to", dest="period_to", type=date.fromisoformat, help="YYYY-MM-DD")
    status.add_argument("--texts", help="JSON file with the free texts (docs/status-report.md)")
    status.set_defaults(run=run_status)


def run_status(args: argparse.Namespace, out: Output) -> int:
    request = _request(args)
    context = open_app(args)
    try:
        printed = print_status_report(context.services, request)
    finally:
        context.close()
    target = Path(args.out)
    save_pdf(target, printed.pdf)
    if args.docx and printed.docx is not None:
        save_pdf(Path(args.docx), printed.docx)
    out.emit(_facts(args, printed), _summary(args, printed))
    return 0


def _request(args: argparse.Namespace) -> StatusReportRequest:
    start, end = args.period_from, args.period_to
    if args.period:
        if end is not None:
            raise SystemExit("sst report status: --period and --to do not go together")
        chosen = named_period(args.period)
        start, end = chosen.start, chosen.end
    return StatusReportRequest(
        period_from=start,
        period_to=end,
        texts=load_texts(Path(args.texts)) if args.texts else ReportTexts(),
        small_cell_threshold=load_organisation_config().small_cell_threshold,
        docx=bool(args.docx),
    )


def _facts(args: argparse.Namespace, printed: PrintedStatusReport) -> dict[str, Any]:
    return {
        "file": str(args.out),
        "docx": str(args.docx) if args.docx else None,
        "from": printed.period_from.isoformat(),
        "to": printed.period_to.isoformat(),
        "pages": printed.pages,
        "episodes": printed.episodes,
        "withheld": printed.withheld,
    }


def _summary(args: argparse.Namespace, printed: PrintedStatusReport) -> str:
    files = f"{args.out} and {args.docx}" if args.docx else str(args.out)
    lines = [
        f"Status report {printed.period_from.isoformat()} – {printed.period_to.isoformat()}: "
        f"{printed.episodes} episodes, {printed.pages} page(s) -> {files}"
    ]
    if printed.withheld:
        lines.append(
            f"{printed.withheld} records were left out: you may not read them "
            "(the other authority's, without a consent in force)."
        )
    return "\n".join(lines)
