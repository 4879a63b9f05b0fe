"""`sst-desktop --self-test` as IT runs it on a bundle: a real subprocess, the production KDF,
the window drawn offscreen; every check reported, nothing left in the temporary directory.
A broken organisation configuration (an existing deployment setting, not a test hook) makes the
first profile check fail: exit 1, the failing check named, still nothing left behind."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from sst_desktop import __version__

CHECKS = (
    f"version: {__version__}",
    "translations loaded",
    "encrypted profile created",
    "schema at the migration head",
    "profile unlocked in the main window",
    "main window drawn offscreen",
    "no error inside the window",
    "plan PDF rendered with embedded fonts",
    "instrument definitions loaded",
    "ratings chart drawn",
    "temporary profile removed",
)


def _self_test(tmp_path: Path, **extra: str) -> subprocess.CompletedProcess[str]:
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SST_", "XDG_"))}
    env.update(
        QT_QPA_PLATFORM="offscreen",
        TMPDIR=str(scratch),
        HOME=str(tmp_path / "home"),
        SST_LOG_DIR=str(tmp_path / "logs"),
        SST_CONFIG_DIR=str(tmp_path / "config"),
        SST_INSECURE_TEST_KDF="1",  # must be ignored: the self-test checks the real KDF
        **extra,
    )
    script = shutil.which("sst-desktop", path=str(Path(sys.executable).parent))
    command = [script] if script else [sys.executable, "-m", "sst_desktop.ui.app"]
    return subprocess.run(
        [*command, "--self-test"], env=env, capture_output=True, text=True, timeout=120
    )


def test_the_self_test_passes_and_leaves_nothing(tmp_path: Path) -> None:
    result = _self_test(tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == len(CHECKS)
    for line, check in zip(lines, CHECKS, strict=True):
        assert line.startswith(f"ok   {check}"), line
        assert line.endswith(" s)"), line
    assert "production parameters" in lines[2]
    assert list((tmp_path / "tmp").iterdir()) == []
    assert not (tmp_path / "logs").exists() and not (tmp_path / "config").exists()


def test_a_failing_check_is_named_and_exits_1(tmp_path: Path) -> None:
    broken = tmp_path / "organisation.json"
    broken.write_text("{ not json", encoding="utf-8")
    result = _self_test(tmp_path, SST_ORGANISATION_CONFIG=str(broken))
    assert result.returncode == 1, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("ok   version")
    assert lines[-2].startswith("FAIL encrypted profile created: ")
    assert lines[-1].startswith("ok   temporary profile removed")
    assert list((tmp_path / "tmp").iterdir()) == []
