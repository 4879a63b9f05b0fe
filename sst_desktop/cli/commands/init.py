"""`sst init`: create a profile for its owner and print the recovery code once."""

from __future__ import annotations

import argparse
from typing import Any

from sst_desktop.app_context import OwnerInput, create_context
from sst_desktop.cli.common import new_secret, profile_dir
from sst_desktop.cli.output import Output
from sst_rules.enums import Authority, Role


def register(sub: Any) -> None:
    parser = sub.add_parser("init", help="create a new encrypted profile")
    parser.add_argument("--name", required=True, help="your name (stored encrypted)")
    parser.add_argument("--role", required=True, choices=[r.value for r in Role])
    parser.add_argument("--authority", required=True, choices=[a.value for a in Authority])
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, out: Output) -> int:
    directory = profile_dir(args)
    passphrase = new_secret(args, "SST_PASSPHRASE")
    owner = OwnerInput(args.name, Role(args.role), Authority(args.authority))
    context, recovery_code = create_context(directory, passphrase, owner)
    context.close()
    out.emit(
        {"profile": str(directory), "recovery_code": recovery_code},
        f"Profile created in {directory}.\n\nRecovery code (shown only now; print it or write "
        f"it down and keep it locked away):\n\n    {recovery_code}\n",
    )
    return 0
