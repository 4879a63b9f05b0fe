"""`sst passwd`: change the passphrase (rewraps one key slot). The old secret may be the
recovery code: that is how a forgotten passphrase is replaced."""

from __future__ import annotations

import argparse
from typing import Any

from sst_desktop.app_context import kdf_policy
from sst_desktop.cli.common import new_secret, profile_dir, read_secret
from sst_desktop.cli.output import Output
from sst_desktop.store import profile


def register(sub: Any) -> None:
    parser = sub.add_parser("passwd", help="change the passphrase (old one or recovery code)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, out: Output) -> int:
    old = read_secret(args, "Current passphrase or recovery code: ")
    new = new_secret(args, "SST_NEW_PASSPHRASE")
    profile.change_passphrase(profile_dir(args), old, new, kdf_policy())
    out.emit({"changed": True}, "Passphrase changed.")
    return 0
