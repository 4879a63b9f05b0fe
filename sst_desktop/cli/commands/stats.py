"""`sst stats`: how much the profile holds (counts only, nothing personal)."""

from __future__ import annotations

import argparse
from typing import Any

from sst_desktop.casework.dto import ProfileStats
from sst_desktop.casework.stats import profile_stats
from sst_desktop.cli.common import open_app
from sst_desktop.cli.output import Output, table


def register(sub: Any) -> None:
    parser = sub.add_parser("stats", help="counts of what the profile holds")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, out: Output) -> int:
    context = open_app(args)
    try:
        stats = profile_stats(context.engine)
    finally:
        context.close()
    out.emit(stats, format_stats(stats))
    return 0


def format_stats(stats: ProfileStats) -> str:
    records = table([[k, str(v)] for k, v in stats.counts.items()], ["records", "count"])
    states = table(
        [[k, str(v)] for k, v in stats.cases_by_programme_status.items()],
        ["programme:status", "cases"],
    )
    footer = (
        f"schema {stats.schema_revision}; {stats.audit_events} audit events; "
        f"{stats.outbox_pending} changes waiting to sync"
    )
    return f"{records}\n\n{states}\n\n{footer}"
