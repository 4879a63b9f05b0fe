"""A screenshot of the rating form (ORS, three of four lines marked) in Swedish, and of the child
version with faces, into docs/screenshots/ (``sv-rating-line.png``, ``sv-rating-line-child.png``).

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python scripts/take_rating_screenshot.py

No profile: the widgets are drawn from the shipped definitions alone.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scripts.take_screenshots import settle  # noqa: E402

MARKS = {"individual": 74, "interpersonal": 55, "social": 81}  # "overall" left unmarked


def main() -> int:
    from PySide6.QtWidgets import QApplication

    from sst_desktop.instruments import shipped_catalogue
    from sst_desktop.ui.appearance import apply_appearance
    from sst_desktop.ui.i18n import install_language
    from sst_desktop.ui.widgets.rating_form import RatingForm

    app = QApplication.instance() or QApplication([])
    install_language("sv")
    apply_appearance(app, 100)  # type: ignore[arg-type]
    out = ROOT / "docs" / "screenshots"
    catalogue = shipped_catalogue()
    for instrument, age, faces, name in (
        ("ors", 15, False, "sv-rating-line"),
        ("cors", 9, True, "sv-rating-line-child"),
    ):
        form = RatingForm(catalogue.get(instrument), age=age, faces=faces)
        for key, millimetres in MARKS.items():
            form.lines[key].set_value(millimetres)
        form.show()
        form.activateWindow()
        form.lines["overall"].setFocus()
        settle(app, 0.4)
        form.grab().save(str(out / f"{name}.png"))
        print("saved", out / f"{name}.png")
        form.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
