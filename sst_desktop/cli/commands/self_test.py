"""`sst self-test`: check this installation or bundle without touching any profile (see
``sst_desktop.self_check``); the window's own checks are ``sst-desktop --self-test``."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from sst_desktop.cli.output import Output
from sst_desktop.self_check import run_self_check


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "self-test",
        help="check this installation on a temporary profile, then remove it (exit 0: all ok)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, out: Output) -> int:
    return run_self_check(sys.stdout)
