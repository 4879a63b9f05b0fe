"""`sst plan pdf --case REF --out FILE`: a plan revision as a PDF, as the window's "Save as
PDF..." makes it (same service, same audit event).

The student is shown by initials unless ``--full-name`` (or the ``print_full_name`` setting
is on; ``--initials`` overrides it); ``--password-file`` protects the PDF with the password in
that file (AES-256); a student with a protected identity needs ``--reason``, which the audit
log keeps. Prints the revision, its fingerprint and the page count; never the student's name.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from sst_desktop.cli.common import open_app
from sst_desktop.cli.output import Output
from sst_desktop.config.settings import Settings
from sst_desktop.errors import SstError, error_code
from sst_desktop.reports.pdf_output import save_pdf
from sst_desktop.reports.plan_print_service import PlanPrintRequest, PrintedPlan, print_plan

UNREADABLE = error_code("cli.password_file", "Cannot read the password file {file}.")
NAMES_IN_TEXT = (
    "sst: warning: the plan's own text mentions the student or a guardian by name; initials "
    "replace only the name fields."
)


def register(sub: Any) -> None:
    parser = sub.add_parser("plan", help="plans: print a revision to PDF")
    plan_sub = parser.add_subparsers(dest="plan_command", required=True)
    pdf = plan_sub.add_parser("pdf", help="write a plan revision as a PDF")
    pdf.add_argument("--case", required=True, help="the case's reference (or id)")
    pdf.add_argument("--out", required=True, help="the PDF file to write")
    pdf.add_argument("--revision", type=int, help="revision number (default: the newest)")
    add_print_options(pdf)
    pdf.set_defaults(run=run_pdf)


def add_print_options(parser: argparse.ArgumentParser) -> None:
    """The options every printed document about a student takes (plan, case summary)."""
    names = parser.add_mutually_exclusive_group()
    names.add_argument(
        "--full-name",
        dest="full_name",
        action="store_true",
        default=None,
        help="the student's full name (default: the print_full_name setting, off: initials)",
    )
    names.add_argument("--initials", dest="full_name", action="store_false", help="initials only")
    parser.add_argument("--password-file", help="protect the PDF with the password in this file")
    parser.add_argument("--reason", help="why (required for a student with a protected identity)")


def full_name_wanted(args: argparse.Namespace) -> bool:
    setting: bool = Settings().get("print_full_name")
    return setting if args.full_name is None else bool(args.full_name)


def run_pdf(args: argparse.Namespace, out: Output) -> int:
    target = Path(args.out)
    request = PlanPrintRequest(
        case=args.case,
        revision=args.revision,
        full_name=full_name_wanted(args),
        reason=args.reason,
        password=read_password(args.password_file) if args.password_file else None,
    )
    context = open_app(args)
    try:
        printed = print_plan(context.services, request)
    finally:
        context.close()
    save_pdf(target, printed.pdf)
    out.emit(summary(printed, target), format_summary(printed, target))
    if printed.names_in_text:
        print(NAMES_IN_TEXT, file=sys.stderr)
    return 0


def read_password(file: str) -> str:
    try:
        return Path(file).read_text(encoding="utf-8").rstrip("\r\n")
    except (OSError, UnicodeDecodeError) as exc:
        raise SstError(UNREADABLE, file=Path(file).name) from exc


def summary(printed: PrintedPlan, target: Path) -> dict[str, Any]:
    return {
        "file": str(target),
        "case": printed.case_reference,
        "revision": printed.revision_number,
        "fingerprint": printed.fingerprint,
        "pages": printed.pages,
        "password_protected": printed.protected,
        "names_in_text": printed.names_in_text,
    }


def format_summary(printed: PrintedPlan, target: Path) -> str:
    protected = ", password protected" if printed.protected else ""
    return (
        f"{printed.case_reference} revision {printed.revision_number}: {printed.pages} page(s), "
        f"fingerprint {printed.fingerprint}{protected} -> {target}"
    )
