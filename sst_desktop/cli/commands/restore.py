"""`sst restore DIR`: put an encrypted backup in place after checking that it opens."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from sst_desktop.app_context import kdf_policy
from sst_desktop.cli.common import profile_dir, read_secret
from sst_desktop.cli.output import Output
from sst_desktop.store import profile


def register(sub: Any) -> None:
    parser = sub.add_parser("restore", help="restore a profile from an encrypted backup")
    parser.add_argument("source", help="backup directory written by `sst backup`")
    parser.add_argument(
        "--replace",
        action="store_true",
        help="replace an existing profile (it is kept aside, not deleted)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, out: Output) -> int:
    source = Path(args.source).expanduser().resolve()
    target = profile_dir(args)
    profile.restore_profile(source, target, read_secret(args), kdf_policy(), replace=args.replace)
    out.emit({"restored": str(target)}, f"Profile restored to {target}.")
    return 0
