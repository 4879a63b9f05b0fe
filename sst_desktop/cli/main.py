"""`sst`: the command line over the same services as the window (like calibre's calibredb).

One module per command in ``commands/``, each with ``register(subparsers)`` and
``run(args, out) -> int``. Errors print one line and exit non-zero; nothing personal goes to
stdout unless a command is asked for it.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from types import ModuleType

from sst_desktop import __version__
from sst_desktop.cli.commands import (
    backup,
    case,
    demo,
    export,
    init,
    instruments,
    passwd,
    plan,
    purge,
    ratings,
    rekey,
    report,
    restore,
    score,
    self_test,
    stats,
    sync,
    verify,
)
from sst_desktop.cli.output import Output
from sst_desktop.config.paths import log_dir
from sst_desktop.errors import SstError
from sst_desktop.logging_setup import configure_logging

log = logging.getLogger("sst_desktop.cli")
COMMANDS: tuple[ModuleType, ...] = (
    init,
    passwd,
    rekey,
    verify,
    demo,
    backup,
    restore,
    stats,
    purge,
    case,
    sync,
    score,
    instruments,
    plan,
    export,
    ratings,
    report,
    self_test,
)
EXIT_ERROR, EXIT_INTERNAL = 1, 3


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="sst", description="SST Desktop command line.")
    parser.add_argument("--version", action="version", version=f"sst {__version__}")
    parser.add_argument(
        "--profile", help="profile directory (default: $SST_PROFILE or the user data directory)"
    )
    parser.add_argument(
        "--passphrase-file",
        help="read the passphrase from this file (default: $SST_PASSPHRASE, else a prompt)",
    )
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in COMMANDS:
        module.register(sub)
    _accept_json_everywhere(parser)
    return parser


def _accept_json_everywhere(parser: argparse.ArgumentParser) -> None:
    """``sst stats --json`` as well as ``sst --json stats``: every subcommand takes it too."""
    for action in parser._subparsers._group_actions if parser._subparsers else []:
        for child in getattr(action, "choices", {}).values():
            child.add_argument(
                "--json", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS
            )
            _accept_json_everywhere(child)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    _start_logging()
    out = Output(json_mode=args.json)
    try:
        code: int = args.run(args, out)
        return code
    except SstError as err:
        log.warning("command %s failed: %s", f"cli.{args.command}", err.code)
        print(f"sst: error: {err.message}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("sst: interrupted", file=sys.stderr)
        return EXIT_ERROR
    except Exception as exc:  # a bug: never show locals or data, only the type
        log.error("command %s crashed", f"cli.{args.command}", exc_info=exc)
        print(
            f"sst: internal error ({type(exc).__name__}); nothing was changed by the failed "
            "step. Please report it.",
            file=sys.stderr,
        )
        return EXIT_INTERNAL


def _start_logging() -> None:
    """Ids-only log file in the user log directory; a CLI that cannot log still works."""
    try:
        configure_logging(log_dir())
    except OSError:
        print("sst: warning: cannot write the log file; continuing without it", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
