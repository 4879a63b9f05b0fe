"""`sst demo --students N --seed S`: create a profile full of synthetic cases.

The demo profile is created if it does not exist (owner: a demo family therapist), using the
passphrase from the environment or a prompt. Refuses a profile that already holds cases.
"""

from __future__ import annotations

import argparse
from typing import Any

from sst_desktop.app_context import OwnerInput, create_context, open_context
from sst_desktop.casework.stats import profile_stats
from sst_desktop.cli.common import new_secret, profile_dir, read_secret
from sst_desktop.cli.output import Output
from sst_desktop.demo.generator import generate
from sst_desktop.errors import SstError, error_code
from sst_rules.enums import Authority, Role

NOT_EMPTY = error_code(
    "demo.not_empty", "The profile already holds {cases} cases; demo data goes into a new one."
)


def register(sub: Any) -> None:
    parser = sub.add_parser("demo", help="fill a new profile with synthetic demo data")
    parser.add_argument("--students", type=int, default=60)
    parser.add_argument("--seed", type=int, default=1)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, out: Output) -> int:
    directory = profile_dir(args)
    if (directory / "key.sst").exists():
        context = open_context(directory, read_secret(args))
    else:
        owner = OwnerInput("Demo Användare", Role.FAMILY_THERAPIST, Authority.SOCIAL_SERVICES)
        context, _recovery = create_context(directory, new_secret(args, "SST_PASSPHRASE"), owner)
    try:
        existing = profile_stats(context.engine).counts["cases"]
        if existing:
            raise SstError(NOT_EMPTY, cases=existing)
        result = generate(context, students=args.students, seed=args.seed)
    finally:
        context.close()
    out.emit(
        result, f"Demo profile in {directory}: {result.students} students in {result.seconds} s."
    )
    return 0
