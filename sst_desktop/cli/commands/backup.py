"""`sst backup DIR`: an encrypted copy of the profile that opens with the same secrets."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from sst_desktop.cli.common import open_app
from sst_desktop.cli.output import Output
from sst_desktop.store import profile


def register(sub: Any) -> None:
    parser = sub.add_parser("backup", help="write an encrypted backup to a new directory")
    parser.add_argument("destination", help="directory to create (must not exist)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, out: Output) -> int:
    context = open_app(args)
    target = Path(args.destination).expanduser().resolve()
    try:
        profile.backup_engine(context.engine, context.profile_dir, target)
    finally:
        context.close()
    out.emit({"backup": str(target)}, f"Encrypted backup written to {target}.")
    return 0
