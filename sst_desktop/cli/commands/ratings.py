"""`sst ratings export` and `sst ratings import`: ratings in the CSV of docs/ratings-csv.md, for a
team that also keeps them on a FIT platform.

    sst ratings export --case REF --out ratings.csv      (or --all: every case you may see)
    sst ratings import --case REF ratings.csv [--dry-run]

An import checks the whole file first and writes nothing unless every row is good; the error
names every bad row by its line. Rows the case already holds are skipped as duplicates. Prints
counts, and with --dry-run the rows it would write; never a name.
"""

from __future__ import annotations

import argparse
from decimal import Decimal
from pathlib import Path
from typing import Any

from sst_desktop.casework.rating_csv_export import ExportResult, export_ratings
from sst_desktop.casework.rating_csv_import import ImportResult, import_ratings
from sst_desktop.cli.common import open_app
from sst_desktop.cli.output import Output, table
from sst_desktop.errors import SstError, error_code

UNREADABLE = error_code("cli.ratings_file", "Cannot read the ratings file {file}.")


def register(sub: Any) -> None:
    parser = sub.add_parser("ratings", help="ratings in and out of a CSV (docs/ratings-csv.md)")
    ratings_sub = parser.add_subparsers(dest="ratings_command", required=True)
    export = ratings_sub.add_parser("export", help="write ratings to a CSV file")
    which = export.add_mutually_exclusive_group(required=True)
    which.add_argument("--case", help="the case's reference (or id)")
    which.add_argument("--all", action="store_true", help="every case you may see")
    export.add_argument("--out", required=True, help="the CSV file to write")
    export.set_defaults(run=run_export)
    into = ratings_sub.add_parser("import", help="add the ratings of a CSV file to a case")
    into.add_argument("--case", required=True, help="the case's reference (or id)")
    into.add_argument("file", help="the CSV file to read")
    into.add_argument(
        "--dry-run", action="store_true", help="check the file and say what would be written"
    )
    into.set_defaults(run=run_import)


def run_export(args: argparse.Namespace, out: Output) -> int:
    path = Path(args.out).expanduser().resolve()
    context = open_app(args)
    try:
        result = export_ratings(context.services, path, case=None if args.all else args.case)
    finally:
        context.close()
    out.emit({"file": str(path), **vars(result)}, format_export(path, result))
    return 0


def format_export(path: Path, result: ExportResult) -> str:
    lines = [f"{result.ratings} rating(s) of {result.cases} case(s) written to {path}."]
    if result.left_out:
        lines.append(
            f"{result.left_out} rating(s) of forms this file does not hold (SDQ, YCORS, the "
            "Signs of Safety scale) were left out."
        )
    if result.withheld:
        lines.append(
            f"{result.withheld} record(s) were left out: you may not read them "
            "(the other authority's, without a consent in force)."
        )
    return "\n".join(lines)


def run_import(args: argparse.Namespace, out: Output) -> int:
    file = Path(args.file).expanduser()
    try:
        data = file.read_bytes()  # before the passphrase is asked for
    except OSError as exc:
        raise SstError(UNREADABLE, file=file.name) from exc
    context = open_app(args)
    try:
        result = import_ratings(context.services, args.case, data, dry_run=args.dry_run)
    finally:
        context.close()
    out.emit(import_summary(result), format_import(result))
    return 0


def import_summary(result: ImportResult) -> dict[str, Any]:
    return {
        "case": result.case_reference,
        "dry_run": result.dry_run,
        "written": result.written,
        "duplicates": result.duplicates,
        "rows": [{**vars(row), "total": _total(row.total)} for row in result.rows],
    }


def _total(total: Decimal | None) -> str | None:
    return None if total is None else str(total)


def format_import(result: ImportResult) -> str:
    counts = f"{result.written} rating(s), {result.duplicates} duplicate(s) skipped"
    if not result.dry_run:
        return f"Imported into {result.case_reference}: {counts}."
    rows = [
        [
            str(row.line),
            row.rated_on.isoformat(),
            row.instrument,
            row.respondent + (f" {row.guardian}" if row.guardian else ""),
            row.kind,
            _total(row.total) or "",
            "duplicate: skipped" if row.duplicate else "write",
        ]
        for row in result.rows
    ]
    headers = ["line", "rated on", "form", "respondent", "scores", "total", "action"]
    return (
        f"{table(rows, headers)}\nDry run, nothing written. Into {result.case_reference}: {counts}."
    )
