"""`sst case list` and `sst case show REF`: the same read services as the window.

`case list` prints references, programme, status and dates; names and identity numbers only
with ``--names``. `case show` prints the case it is asked for (and is audited as a view).
"""

from __future__ import annotations

import argparse
from dataclasses import replace
from typing import Any

from sst_desktop.casework.dto import CaseDetail, CaseListItem
from sst_desktop.casework.queries import CaseFilter, case_detail, list_cases
from sst_desktop.cli.common import open_app
from sst_desktop.cli.output import Output, table
from sst_desktop.errors import ValidationError, error_code

NO_SUCH_CASE = error_code("cli.no_such_case", "No case with reference {reference} in your list.")


def register(sub: Any) -> None:
    parser = sub.add_parser("case", help="list cases or show one")
    case_sub = parser.add_subparsers(dest="case_command", required=True)
    listing = case_sub.add_parser("list", help="your team's cases")
    listing.add_argument("--programme", choices=["sst", "sst_plus"])
    listing.add_argument("--status")
    listing.add_argument("--search", help="name, identity number, school or reference")
    listing.add_argument("--mine", action="store_true", help="only cases assigned to you")
    listing.add_argument("--names", action="store_true", help="include names and id numbers")
    listing.set_defaults(run=run_list)
    show = case_sub.add_parser("show", help="one case with its timeline")
    show.add_argument("reference")
    show.set_defaults(run=run_show)


def run_list(args: argparse.Namespace, out: Output) -> int:
    context = open_app(args)
    try:
        items = list_cases(
            context.services,
            CaseFilter(
                text=args.search, programme=args.programme, status=args.status, mine_only=args.mine
            ),
        )
    finally:
        context.close()
    if not args.names:
        items = [replace(i, student_name=None, personal_id=None) for i in items]
    out.emit(items, format_list(items, with_names=args.names))
    return 0


def format_list(items: list[CaseListItem], *, with_names: bool) -> str:
    headers = ["reference", "programme", "status", "year", "opened", "mine"]
    rows = [
        [
            i.reference,
            i.programme,
            i.status,
            "F" if i.school_year == 0 else str(i.school_year or "-"),
            i.opened_on.isoformat(),
            "*" if i.mine else "",
        ]
        for i in items
    ]
    if with_names:
        headers += ["student", "identity number", "school"]
        for row, item in zip(rows, items, strict=True):
            row += [item.student_name or "-", item.personal_id or "-", item.school_name or "-"]
    return f"{table(rows, headers)}\n{len(items)} case(s)"


def run_show(args: argparse.Namespace, out: Output) -> int:
    context = open_app(args)
    try:
        matches = [i for i in list_cases(context.services) if i.reference == args.reference]
        if not matches:
            raise ValidationError(NO_SUCH_CASE, reference=args.reference)
        detail = case_detail(context.services, matches[0].case_id)
    finally:
        context.close()
    out.emit(detail, format_detail(detail))
    return 0


def format_detail(detail: CaseDetail) -> str:
    item = detail.item
    lines = [
        f"{item.reference}  {item.programme}  {item.status}",
        f"student: {item.student_name or '(not identified yet)'}  "
        f"{item.personal_id or ''}".rstrip(),
        f"school: {item.school_name or '-'}  year: {item.school_year}",
        f"staff: {', '.join(item.staff_names) or '-'}",
    ]
    if item.protected_identity:
        lines.insert(0, "!! SKYDDADE PERSONUPPGIFTER / PROTECTED IDENTITY !!")
    lines += [
        f"consent: {', '.join(c.purposes)} -> {c.recipient_authority} "
        f"({'active' if c.active else 'inactive'})"
        for c in detail.consents
    ]
    lines.append("")
    lines += [f"{e.at:%Y-%m-%d}  {e.label}" for e in detail.timeline]
    if detail.hidden_records:
        lines.append(f"({detail.hidden_records} record(s) not shared with your authority)")
    return "\n".join(lines)
