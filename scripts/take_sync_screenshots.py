"""Screenshots of sync in the window, against a real server: the status bar after a round, the
Conflicts screen holding a real conflict, and Settings → Server of a connected laptop; in Swedish
and English, into docs/screenshots/ (``<language>-sync-*.png``).

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python scripts/take_sync_screenshots.py

A pilot server on SQLite in a temporary directory, two laptops of one family therapist (real
encrypted profiles, synthetic data, insecure test KDF so it is quick) who edit one meeting's
agenda differently while offline.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("SST_INSECURE_TEST_KDF", "1")

from scripts.take_screenshots import settle, shoot  # noqa: E402
from sst_rules.enums import Authority, Role  # noqa: E402
from tests.server.helpers import organisation  # noqa: E402
from tests.server.laptops import (  # noqa: E402
    PASSPHRASE,
    Laptop,
    _edit_meeting,
    _meeting,
    _open_case,
)
from tests.server.serving import serve  # noqa: E402


def make_conflict(folder: Path, server: object) -> Path:
    """Two laptops, one meeting, two agendas: returns the profile folder holding the conflict."""
    org = organisation(server)  # type: ignore[arg-type]
    social = Authority.SOCIAL_SERVICES
    laptop = Laptop(server, folder / "a", org.therapist, Role.FAMILY_THERAPIST, social)  # type: ignore[arg-type]
    tablet = Laptop(server, folder / "b", org.therapist, Role.FAMILY_THERAPIST, social)  # type: ignore[arg-type]
    case_id = _open_case(laptop, org.team_id)
    meeting_id = _meeting(laptop, case_id, "Uppstart: mål och närvaro")
    laptop.sync()
    tablet.sync()
    _edit_meeting(laptop, meeting_id, agenda="Uppstart: mål, närvaro och morgonrutiner")
    _edit_meeting(tablet, meeting_id, agenda="Uppstart: närvaro, skolskjuts och mentor")
    laptop.sync()
    tablet.sync()
    laptop.close()
    tablet.close()
    return folder / "b"


def run(out: Path, language: str, profile: Path) -> None:
    from PySide6.QtWidgets import QApplication

    from sst_desktop.config.settings import Settings
    from sst_desktop.ui.appearance import apply_appearance
    from sst_desktop.ui.i18n import install_language
    from sst_desktop.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as config:
        settings = Settings(Path(config))
        settings.set("language", language)
        install_language(language)
        apply_appearance(app, 100)  # type: ignore[arg-type]
        window = MainWindow(profile, settings)
        window.resize(1280, 800)
        window.show()
        window.unlock_screen.passphrase.setText(PASSPHRASE)  # type: ignore[union-attr]
        window.unlock_screen.unlock_button.click()  # type: ignore[union-attr]
        while window.locked:
            settle(app, 0.1)
        window.sync.sync_now()  # type: ignore[union-attr]
        settle(app, 3)
        conflicts = window.workspace.show_screen("conflicts")  # type: ignore[union-attr]
        settle(app, 0.8)
        conflicts.table.selectRow(0)  # type: ignore[union-attr]
        settle(app, 0.5)
        shoot(window, out, f"{language}-sync-conflicts", app)
        window.workspace.show_screen("settings")  # type: ignore[union-attr]
        settle(app, 0.8)
        shoot(window, out, f"{language}-sync-settings", app)
        window.close()


def main() -> int:
    out = ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        serving = serve("sqlite", folder)
        server = next(serving)
        try:
            profile = make_conflict(folder, server)
            for language in ("sv", "en"):
                run(out, language, profile)
        finally:
            next(serving, None)
    return 0


if __name__ == "__main__":
    sys.exit(main())
