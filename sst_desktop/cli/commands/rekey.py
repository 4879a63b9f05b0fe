"""`sst rekey`: rotate the database key (PRAGMA rekey and every slot rewrapped)."""

from __future__ import annotations

import argparse
import os
from typing import Any

from sst_desktop.app_context import kdf_policy
from sst_desktop.cli.common import profile_dir, read_secret
from sst_desktop.cli.output import Output
from sst_desktop.store import profile


def register(sub: Any) -> None:
    parser = sub.add_parser("rekey", help="rotate the database encryption key")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, out: Output) -> int:
    # With the recovery code instead of the passphrase, a new passphrase must come with it.
    new_passphrase = os.environ.get("SST_NEW_PASSPHRASE") or None
    result = profile.rotate_key(
        profile_dir(args), read_secret(args), kdf_policy(), new_passphrase=new_passphrase
    )
    code = result.recovery_code
    text = "Database key rotated."
    if code:
        text += f"\n\nNew recovery code (the old one no longer works):\n\n    {code}\n"
    out.emit({"rotated": True, "recovery_code": code}, text)
    # Printed: only now may the sealed copy go (a crash before this shows it at the next unlock).
    profile.confirm_recovery_code_shown(profile_dir(args))
    return 0
