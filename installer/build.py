"""Build the one-folder bundle of SST Desktop for the OS this runs on.

    .venv/bin/python installer/build.py [--dist DIR] [--work DIR]

Installs PyInstaller (and Pillow, for the icons) into this Python if missing, compiles the
translations, renders the icons, runs PyInstaller with ``installer/sst_desktop.spec`` and prints
the bundle's size. The bundle is ``DIR/sst-desktop/`` (default ``dist/``, gitignored); on macOS
also ``DIR/SST Desktop.app``. Exit status non-zero when a step fails.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "installer" / "sst_desktop.spec"
BUILD_REQUIREMENTS = {"PyInstaller": "pyinstaller>=6.10", "PIL": "pillow>=10"}


class BuildFailed(Exception):
    pass


def run(step: str, command: list[str], env: dict[str, str] | None = None) -> None:
    print(f"build: {step}", flush=True)
    if subprocess.run(command, cwd=ROOT, env=env, check=False).returncode != 0:
        raise BuildFailed(step)


def ensure_build_tools() -> None:
    missing = [req for module, req in BUILD_REQUIREMENTS.items() if not _importable(module)]
    if missing:
        run("install " + " ".join(missing), [sys.executable, "-m", "pip", "install", *missing])


def _importable(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


def ensure_package_metadata() -> None:
    """The bundle's version comes from the installed package's metadata (copied by the spec)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        version("sst-desktop")
    except PackageNotFoundError as error:
        raise BuildFailed("sst-desktop is not installed in this Python (pip install .)") from error


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def build(dist: Path, work: Path) -> Path:
    ensure_build_tools()
    ensure_package_metadata()
    run("translations", [sys.executable, str(ROOT / "scripts" / "build_translations.py")])
    icons = work / "icons"
    run("icons", [sys.executable, str(ROOT / "installer" / "make_icons.py"), str(icons)])
    env = {**os.environ, "SST_BUNDLE_ICONS": str(icons)}
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN"]
    command += ["--distpath", str(dist), "--workpath", str(work / "pyinstaller"), str(SPEC)]
    run("PyInstaller", command, env)
    bundle = dist / "sst-desktop"
    for program in ("sst-desktop", "sst"):
        suffix = ".exe" if sys.platform == "win32" else ""
        if not (bundle / f"{program}{suffix}").is_file():
            raise BuildFailed(f"{program}{suffix} missing from {bundle}")
    return bundle


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the SST Desktop bundle for this OS.")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output directory")
    parser.add_argument("--work", type=Path, default=ROOT / "build", help="PyInstaller's work")
    args = parser.parse_args(argv)
    try:
        bundle = build(args.dist.resolve(), args.work.resolve())
    except BuildFailed as failure:
        print(f"build: FAILED at {failure}", file=sys.stderr)
        return 1
    print(f"build: {bundle} ({folder_size(bundle) / 1_000_000:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
