"""Screenshots of every screen, on a demo profile, in Swedish and English, into docs/screenshots/.

Run under a real X server (Xvfb) so the window is drawn as users see it:

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python scripts/take_screenshots.py

It creates a demo profile in a temporary directory (synthetic data only; insecure test KDF so it
is quick), then for each language drives the real window: first run, unlock, each navigation
screen, and saves ``<language>-<screen>.png``.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PASSPHRASE = "demo-only correct horse battery"


def make_demo(profile: Path, students: int) -> None:
    env = dict(os.environ, SST_PASSPHRASE=PASSPHRASE, SST_INSECURE_TEST_KDF="1")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "sst_desktop.cli.main",
            "--profile",
            str(profile),
            "demo",
            "--students",
            str(students),
            "--seed",
            "1",
        ],
        check=True,
        env=env,
        stdout=subprocess.DEVNULL,
    )


CASE_TABS = ("people", "consent", "meetings", "contacts", "decisions")


def settle(app: object, seconds: float = 0.3) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()  # type: ignore[attr-defined]
        time.sleep(0.02)


def shoot(window: object, out: Path, name: str, app: object) -> None:
    settle(app)
    window.grab().save(str(out / f"{name}.png"))  # type: ignore[attr-defined]
    print("saved", out / f"{name}.png")


def run(out: Path, language: str, profile: Path, empty: Path) -> None:
    from PySide6.QtWidgets import QApplication

    from sst_desktop.config.settings import Settings
    from sst_desktop.ui.appearance import apply_appearance
    from sst_desktop.ui.i18n import install_language
    from sst_desktop.ui.main_window import MainWindow
    from sst_desktop.ui.screens.case_workspace.case_workspace import TABS
    from sst_desktop.ui.workspace import NAVIGATION

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as config:
        settings = Settings(Path(config))
        settings.set("language", language)
        install_language(language)
        apply_appearance(app, 100)  # type: ignore[arg-type]
        first = MainWindow(empty, settings)
        first.resize(1280, 800)
        first.show()
        shoot(first, out, f"{language}-first-run", app)
        first.close()
        window = MainWindow(profile, settings)
        window.resize(1280, 800)
        window.show()
        shoot(window, out, f"{language}-unlock", app)
        window.unlock_screen.passphrase.setText(PASSPHRASE)  # type: ignore[union-attr]
        window.unlock_screen.unlock_button.click()  # type: ignore[union-attr]
        while window.locked:
            settle(app, 0.1)
        for key, _title in NAVIGATION:
            window.workspace.show_screen(key)  # type: ignore[union-attr]
            settle(app, 0.8)
            shoot(window, out, f"{language}-{key}", app)
        cases = window.workspace.show_screen("cases")  # type: ignore[union-attr]
        settle(app, 0.8)
        cases.table.activated.emit(cases.proxy.index(0, 0))  # type: ignore[attr-defined]
        settle(app, 0.8)
        shoot(window, out, f"{language}-case", app)
        case = window.workspace.case_workspace  # type: ignore[union-attr]
        for index, (tab, _title) in enumerate(TABS):
            if tab.value in CASE_TABS:
                case.tabs.setCurrentIndex(index)
                settle(app, 0.5)
                shoot(window, out, f"{language}-case-{tab.value}", app)
        if language == "sv":  # how it looks in a dark OS palette at twice the text size
            app.setStyle("Fusion")  # type: ignore[attr-defined]
            app.setPalette(dark_palette())  # type: ignore[attr-defined]
            apply_appearance(app, 200)  # type: ignore[arg-type]
            case.tabs.setCurrentIndex(0)
            settle(app, 0.8)
            shoot(window, out, "sv-case-dark-200", app)
            app.setPalette(app.style().standardPalette())  # type: ignore[attr-defined]
            apply_appearance(app, 100)  # type: ignore[arg-type]
        window.close()


def dark_palette() -> object:
    """What a dark OS palette gives the app (the offscreen and Xvfb platforms have none)."""
    from PySide6.QtGui import QColor, QPalette

    palette = QPalette(QColor("#353535"), QColor("#2a2a2a"))
    for role, colour in (
        (QPalette.ColorRole.WindowText, "#ececec"),
        (QPalette.ColorRole.Text, "#ececec"),
        (QPalette.ColorRole.ButtonText, "#ececec"),
        (QPalette.ColorRole.Base, "#242424"),
        (QPalette.ColorRole.Highlight, "#3d7bd9"),
        (QPalette.ColorRole.HighlightedText, "#ffffff"),
        (QPalette.ColorRole.PlaceholderText, "#a0a0a0"),
    ):
        palette.setColor(role, QColor(colour))
    return palette


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--students", type=int, default=60)
    parser.add_argument("--languages", default="sv,en")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    os.environ["SST_INSECURE_TEST_KDF"] = "1"
    with tempfile.TemporaryDirectory() as tmp:
        profile = Path(tmp) / "demo"
        make_demo(profile, args.students)
        for language in args.languages.split(","):
            run(out, language, profile, Path(tmp) / f"empty-{language}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
