"""`sst-desktop`: start the window on a profile (``--profile DIR`` or ``SST_PROFILE``)."""

from __future__ import annotations

import argparse
import contextlib
import logging
import sys
from collections.abc import Sequence
from types import TracebackType

from sst_desktop import __version__
from sst_desktop.config.paths import log_dir, resolve_profile_dir
from sst_desktop.config.settings import Settings
from sst_desktop.logging_setup import configure_logging

log = logging.getLogger(__name__)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="sst-desktop", description="SST Desktop")
    parser.add_argument("--version", action="version", version=f"sst-desktop {__version__}")
    parser.add_argument("--profile", help="profile directory (default: $SST_PROFILE or user data)")
    parser.add_argument("--language", choices=["sv", "en", "xx"], help="override the setting")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation on a temporary profile offscreen, then exit (0: all ok)",
    )
    parser.add_argument(
        "--startup-probe",
        action="store_true",
        help="print when the first screen is drawn, then quit (bench/bundle_start.py)",
    )
    return parser.parse_args(argv)


def _log_uncaught(
    kind: type[BaseException], error: BaseException, tb: TracebackType | None
) -> None:
    """A bug in a slot must not print data to a console: log type and stack only."""
    log.critical("uncaught exception in the window", exc_info=(kind, error, tb))


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.self_test:  # before logging: the check leaves nothing behind, not even a log
        from sst_desktop.ui.self_test import run_self_test

        return run_self_test(sys.stdout)
    try:
        configure_logging(log_dir())
    except OSError:
        print("sst-desktop: cannot write the log file; continuing without it", file=sys.stderr)
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from sst_desktop.config.resources import resource_path
    from sst_desktop.ui.appearance import apply_appearance
    from sst_desktop.ui.i18n import install_language
    from sst_desktop.ui.main_window import MainWindow

    sys.excepthook = _log_uncaught
    app = QApplication(sys.argv[:1])
    app.setApplicationName("SST Desktop")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("sst-desktop")  # Wayland takes the icon from sst-desktop.desktop
    with contextlib.suppress(FileNotFoundError):  # a source tree without resources/icons
        app.setWindowIcon(QIcon(str(resource_path("icons", "sst-desktop.svg"))))
    settings = Settings()
    install_language(args.language or settings.get("language"))
    apply_appearance(app, settings.get("text_size_percent"))
    window = MainWindow(resolve_profile_dir(args.profile), settings)
    window.resize(1200, 800)
    if args.startup_probe:
        from sst_desktop.ui.startup_probe import exit_when_drawn

        exit_when_drawn(app, window)
    window.show()
    return int(app.exec())


if __name__ == "__main__":
    sys.exit(main())
