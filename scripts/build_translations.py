"""Compile the Qt Linguist sources (resources/i18n/*.ts) to the .qm catalogues the app loads.
The build (scripts/bootstrap.sh, the installer) runs it; the .qm files are not in git."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    if not lrelease.exists():
        print("build_translations: PySide6 not installed; skipped (the CLI needs no catalogue)")
        return 0
    for source in sorted((ROOT / "resources" / "i18n").glob("*.ts")):
        subprocess.run(
            [str(lrelease), "-silent", str(source), "-qm", str(source.with_suffix(".qm"))],
            check=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
