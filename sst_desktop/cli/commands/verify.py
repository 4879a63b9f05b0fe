"""`sst verify`: cipher integrity of every page, SQLite integrity, foreign keys, audit chain.
Exits non-zero on any fault."""

from __future__ import annotations

import argparse
from typing import Any

from sst_desktop.cli.common import open_app
from sst_desktop.cli.output import Output
from sst_desktop.store.verify import verify_profile


def register(sub: Any) -> None:
    parser = sub.add_parser("verify", help="check encryption, integrity and the audit chain")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, out: Output) -> int:
    context = open_app(args)
    try:
        report = verify_profile(context.engine)
    finally:
        context.close()
    summary = f"{report.audit_events_checked} audit events checked; " + (
        "no faults." if report.ok else f"{len(report.lines())} fault(s):"
    )
    out.emit(
        {
            "ok": report.ok,
            "faults": report.lines(),
            "audit_events_checked": report.audit_events_checked,
        },
        "\n".join([summary, *report.lines()]),
    )
    return 0 if report.ok else 1
