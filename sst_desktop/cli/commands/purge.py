"""`sst purge [--dry-run]`: apply the retention rules (gallring) to this profile."""

from __future__ import annotations

import argparse
from typing import Any

from sst_desktop.cli.common import open_app
from sst_desktop.cli.output import Output, table
from sst_desktop.retention.purge import PurgePlan, plan_purge, purge
from sst_desktop.retention.rules import retention_rules


def register(sub: Any) -> None:
    parser = sub.add_parser("purge", help="purge records whose retention period has ended")
    parser.add_argument("--dry-run", action="store_true", help="only show what is due")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, out: Output) -> int:
    context = open_app(args)
    try:
        rules = retention_rules(context.rules)
        action = plan_purge if args.dry_run else purge
        result = action(context.services, rules)
    finally:
        context.close()
    out.emit(
        {
            "dry_run": args.dry_run,
            "records": result.total,
            "by_table": result.by_table,
            "cases": len(result.case_ids),
        },
        format_plan(result, dry_run=args.dry_run),
    )
    return 0


def format_plan(plan: PurgePlan, *, dry_run: bool) -> str:
    verb = "due for purging" if dry_run else "purged"
    rows = [[name, str(n)] for name, n in sorted(plan.by_table.items())]
    body = table(rows, ["records", "count"]) if rows else "nothing"
    return f"{plan.total} record(s) in {len(plan.case_ids)} case(s) {verb}:\n{body}"
