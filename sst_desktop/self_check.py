"""The self-test of an installed app or a bundle (``sst self-test``, ``sst-desktop --self-test``).

Each check is a named step that returns a short detail or raises; ``run_checks`` prints one line
per step ("ok   name: detail (0.9 s)" or "FAIL name: why") and stops at the first failure: later
steps need what earlier ones made. The scratch profile lives in a temporary directory with a
random passphrase and the production KDF (the check is of the real bundle, so the test switch
``SST_INSECURE_TEST_KDF`` is ignored); nothing personal is written and the directory is removed.
Qt-free: the window's own checks are added by ``sst_desktop.ui.self_test``.
"""

from __future__ import annotations

import secrets
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TextIO

from sst_desktop import __version__
from sst_desktop.app_context import AppContext, OwnerInput, create_context, open_context
from sst_desktop.charts.chart_check import check_sample_chart
from sst_desktop.instruments.catalogue import shipped_catalogue
from sst_desktop.reports.plan_pdf_check import check_sample_plan_pdf
from sst_desktop.security.kdf import KdfPolicy
from sst_desktop.store.schema import current_revision, head_revision
from sst_rules.enums import Authority, Role

Check = tuple[str, Callable[[], str | None]]
OWNER = OwnerInput("Self-test", Role.SCHOOL_COUNSELLOR, Authority.SCHOOL, team_name="Self-test")


class SelfCheckFailed(Exception):
    """A check found the bundle wrong (as opposed to crashing)."""


def run_checks(checks: Iterable[Check], out: TextIO) -> bool:
    """Run in order, one line each; False at the first failure."""
    for name, check in checks:
        started = time.perf_counter()
        try:
            detail = check()
        except Exception as error:  # any failure is the check's result, printed as one line
            why = str(error) or type(error).__name__
            print(f"FAIL {name}: {type(error).__name__}: {why}", file=out, flush=True)
            return False
        seconds = time.perf_counter() - started
        shown = f": {detail}" if detail else ""
        print(f"ok   {name}{shown} ({seconds:.1f} s)", file=out, flush=True)
    return True


def check_version() -> str:
    if __version__.endswith("+unknown"):
        raise SelfCheckFailed("no package metadata for sst-desktop in this build")
    return __version__


class ScratchProfile:
    """A new encrypted profile in ``root`` for the checks; ``close`` before removing ``root``."""

    def __init__(self, root: Path) -> None:
        self.directory = root / "profile"
        self.passphrase = secrets.token_urlsafe(24)
        self.policy = KdfPolicy.production()
        self.context: AppContext | None = None

    def create(self) -> str:
        self.context, _recovery_code = create_context(
            self.directory, self.passphrase, OWNER, policy=self.policy
        )
        return "Argon2id, production parameters"

    def schema_at_head(self) -> str:
        assert self.context is not None
        revision, head = current_revision(self.context.engine), head_revision()
        if revision != head:
            raise SelfCheckFailed(f"schema {revision}, expected {head}")
        return head

    def reopen(self) -> None:
        self.close()
        self.context = open_context(self.directory, self.passphrase, policy=self.policy)

    def close(self) -> None:
        if self.context is not None:
            self.context.close()
            self.context = None


def check_instruments() -> str:
    definitions = shipped_catalogue().all()
    if not definitions:
        raise SelfCheckFailed("no instrument definitions found")
    return f"{len(definitions)} definitions"


def profile_checks(profile: ScratchProfile) -> list[Check]:
    return [
        ("encrypted profile created", profile.create),
        ("schema at the migration head", profile.schema_at_head),
    ]


def content_checks() -> list[Check]:
    return [
        ("plan PDF rendered with embedded fonts", check_sample_plan_pdf),
        ("instrument definitions loaded", check_instruments),
        ("ratings chart drawn", check_sample_chart),
    ]


def in_scratch_directory(
    checks_for: Callable[[ScratchProfile], Iterable[Check]],
    out: TextIO,
    *,
    before_cleanup: Callable[[], None] = lambda: None,
) -> int:
    """Run the checks on a scratch profile in a temporary directory, then remove it and check
    that it is gone. Exit status: 0 when every check passed, else 1."""
    scratch = tempfile.TemporaryDirectory(prefix="sst-self-test-")
    root = Path(scratch.name)
    profile = ScratchProfile(root)
    try:
        passed = run_checks(checks_for(profile), out)
    finally:
        before_cleanup()
        profile.close()
    removed = run_checks([("temporary profile removed", lambda: _remove(scratch, root))], out)
    return 0 if passed and removed else 1


def _remove(scratch: tempfile.TemporaryDirectory[str], root: Path) -> None:
    scratch.cleanup()
    if root.exists():
        raise SelfCheckFailed(f"{root} is still there")


def run_self_check(out: TextIO) -> int:
    """The checks that need no Qt (`sst self-test`)."""

    def checks(profile: ScratchProfile) -> list[Check]:
        reopen = ("profile closed and unlocked again", profile.reopen)
        return [
            ("version", check_version),
            *profile_checks(profile),
            reopen,
            *content_checks(),
        ]

    return in_scratch_directory(checks, out)
