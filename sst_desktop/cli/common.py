"""What most commands share: the profile directory, the passphrase, an opened context."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from sst_desktop.app_context import AppContext, open_context
from sst_desktop.config.paths import resolve_profile_dir
from sst_desktop.errors import SstError, ValidationError, error_code

NO_PASSPHRASE = error_code(
    "cli.no_passphrase",
    "No passphrase given: set SST_PASSPHRASE, use --passphrase-file, or run in a terminal.",
)
NO_NEW_PASSPHRASE = error_code(
    "cli.no_new_passphrase",
    "No new passphrase given: set SST_NEW_PASSPHRASE, or run in a terminal.",
)
MISMATCH = error_code("cli.passphrase_mismatch", "The two passphrases differ.")
UNREADABLE = error_code("cli.passphrase_file", "Cannot read the passphrase file {file}.")


def profile_dir(args: argparse.Namespace) -> Path:
    return resolve_profile_dir(args.profile)


def read_secret(args: argparse.Namespace, prompt: str = "Passphrase: ") -> str:
    """The passphrase (or recovery code) from the file, the environment, or a prompt."""
    if args.passphrase_file:
        try:
            return Path(args.passphrase_file).read_text(encoding="utf-8").rstrip("\r\n")
        except (OSError, UnicodeDecodeError) as exc:  # missing, unreadable, or not text
            raise SstError(UNREADABLE, file=Path(args.passphrase_file).name) from exc
    from_env = os.environ.get("SST_PASSPHRASE")
    if from_env:
        return from_env
    return prompt_secret(prompt)


def prompt_secret(prompt: str, *, confirm: bool = False) -> str:
    if not sys.stdin.isatty():
        raise SstError(NO_PASSPHRASE)
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass("Again: ") != first:
        raise ValidationError(MISMATCH)
    return first


def new_secret(args: argparse.Namespace, env_name: str) -> str:
    """A new passphrase: for a new profile (``SST_PASSPHRASE``) the passphrase file or the
    environment, for a change ``SST_NEW_PASSPHRASE`` (the file holds the old one); else asked
    twice in a terminal."""
    if env_name == "SST_PASSPHRASE" and args.passphrase_file:
        return read_secret(args)
    from_env = os.environ.get(env_name)
    if from_env:
        return from_env
    if not sys.stdin.isatty():
        raise SstError(NO_PASSPHRASE if env_name == "SST_PASSPHRASE" else NO_NEW_PASSPHRASE)
    return prompt_secret("New passphrase: ", confirm=True)


def open_app(args: argparse.Namespace) -> AppContext:
    context = open_context(profile_dir(args), read_secret(args))
    if context.pending_recovery_code:
        show_pending_recovery_code(context.pending_recovery_code)
    return context


def show_pending_recovery_code(code: str) -> None:
    """A key rotation was interrupted before its new code was shown: show it now. On stderr, so
    a script reading --json from stdout still gets clean JSON and the person still sees it."""
    print(
        "sst: a key rotation finished after an interruption. New recovery code (the old one no "
        f"longer works; store it now, it is not shown again):\n\n    {code}\n",
        file=sys.stderr,
    )
