"""Refresh the translation sources: regenerate the error-message catalogue from the registered
error codes, then run lupdate over ``sst_desktop/ui`` into ``resources/i18n/sst_sv.ts`` (kept
translations stay; new strings arrive unfinished for Qt Linguist).

Run after adding a visible string or an error code:  .venv/bin/python scripts/update_translations.py
"""

from __future__ import annotations

import importlib
import pkgutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = ROOT / "sst_desktop" / "ui" / "error_catalogue.py"
TS_FILE = ROOT / "resources" / "i18n" / "sst_sv.ts"
EN_TS_FILE = ROOT / "resources" / "i18n" / "sst_en.ts"
HEADER = '''"""Generated from the registered error codes by scripts/update_translations.py.

Each template is marked for Qt Linguist (context "SstError") so the UI can translate it.
"""

from PySide6.QtCore import QT_TRANSLATE_NOOP

ERROR_TEMPLATES: dict[str, str] = {
'''


def registered_codes() -> dict[str, str]:
    import sst_desktop
    from sst_desktop.errors import known_codes

    for module in pkgutil.walk_packages(sst_desktop.__path__, "sst_desktop."):
        if ".ui" not in module.name:
            importlib.import_module(module.name)
    return known_codes()


def catalogue_text(codes: dict[str, str]) -> str:
    lines = [
        f'    {code!r}: QT_TRANSLATE_NOOP("SstError", {template!r}),'
        for code, template in sorted(codes.items())
    ]
    return HEADER + "\n".join(lines) + "\n}\n"


def main() -> int:
    sys.path.insert(0, str(ROOT))
    CATALOGUE.write_text(catalogue_text(registered_codes()), encoding="utf-8")
    TS_FILE.parent.mkdir(parents=True, exist_ok=True)
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    sources = sorted(str(p) for p in (ROOT / "sst_desktop" / "ui").rglob("*.py"))
    subprocess.run(
        [str(lupdate), *sources, "-no-obsolete", "-locations", "none", "-ts", str(TS_FILE)],
        check=True,
    )
    # English needs a catalogue only for plurals ("%n change(s)" -> "1 change", "2 changes").
    subprocess.run(
        [
            str(lupdate),
            *sources,
            "-pluralonly",
            "-no-obsolete",
            "-locations",
            "none",
            "-target-language",
            "en",
            "-ts",
            str(EN_TS_FILE),
        ],
        check=True,
    )
    fill_english_plurals(EN_TS_FILE)
    return 0


def fill_english_plurals(path: Path) -> None:
    """ "(s)" gives the singular without it and the plural with an s."""
    tree = ET.parse(path)
    for message in tree.getroot().iter("message"):
        source = message.findtext("source", "")
        translation = message.find("translation")
        if translation is None or message.get("numerus") != "yes":
            continue
        for child in list(translation):
            translation.remove(child)
        for form in (source.replace("(s)", ""), source.replace("(s)", "s")):
            ET.SubElement(translation, "numerusform").text = form
        translation.attrib.pop("type", None)
    header = '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
    path.write_text(header + ET.tostring(tree.getroot(), encoding="unicode") + "\n", "utf-8")


if __name__ == "__main__":
    sys.exit(main())
