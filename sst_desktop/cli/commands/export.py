"""`sst export followup --out F.xlsx`: the programme's follow-up file of your team's episodes,
without names, identity numbers, addresses or ids (XLSX, or CSV by extension or --format).

Prints counts only. The small-cell threshold is the organisation's (organisation.json,
``small_cell_threshold``), not a per-run choice.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from sst_desktop.cli.common import open_app
from sst_desktop.cli.output import Output
from sst_desktop.config.organisation import load_organisation_config
from sst_desktop.reports.followup import (
    FORMATS,
    FollowupOptions,
    FollowupResult,
    export_followup,
    format_for,
)
from sst_desktop.reports.followup_load import Period


def register(sub: Any) -> None:
    parser = sub.add_parser("export", help="de-identified exports for the programme")
    export_sub = parser.add_subparsers(dest="export_command", required=True)
    followup = export_sub.add_parser(
        "followup", help="the follow-up file: one row per episode, no names or ids"
    )
    followup.add_argument("--out", required=True, help="file to write (.xlsx or .csv)")
    followup.add_argument("--format", choices=FORMATS, help="default: from the file name")
    followup.add_argument(
        "--by", choices=("district", "school"), default="district", help="default: district"
    )
    followup.add_argument("--from", dest="start", type=date.fromisoformat, help="YYYY-MM-DD")
    followup.add_argument("--to", dest="end", type=date.fromisoformat, help="YYYY-MM-DD")
    followup.add_argument(
        "--free-text",
        action="store_true",
        help="include causes and views as masked free text (read it before sharing)",
    )
    followup.set_defaults(run=run_followup)


def run_followup(args: argparse.Namespace, out: Output) -> int:
    options = FollowupOptions(
        by_school=args.by == "school",
        period=Period(args.start, args.end),
        free_text=args.free_text,
        small_cell_threshold=load_organisation_config().small_cell_threshold,
    )
    path = Path(args.out).expanduser().resolve()
    chosen = format_for(path, args.format)  # before the passphrase is asked for
    context = open_app(args)
    try:
        result = export_followup(context.services, path, options, fmt=chosen)
    finally:
        context.close()
    out.emit({"file": str(path), **vars(result)}, format_result(path, result))
    return 0


def format_result(path: Path, result: FollowupResult) -> str:
    lines = [
        f"Follow-up file written to {path} ({result.format}).",
        f"{result.episodes} episodes, {result.individuals} individuals "
        f"({result.re_referred} with more than one episode).",
    ]
    if result.withheld:
        lines.append(
            f"{result.withheld} records were left out: you may not read them "
            "(the other authority's, without a consent in force)."
        )
    return "\n".join(lines)
