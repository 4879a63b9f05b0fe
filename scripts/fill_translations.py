"""Fill Swedish translations into resources/i18n/sst_sv.ts from a JSON file and mark them
finished; list what is still unfinished.

    python scripts/fill_translations.py            # list unfinished messages
    python scripts/fill_translations.py new.json   # {"Context": {"source": "svenska" | [forms]}}

A list gives the plural forms (%n) in order. Run ``update_translations.py`` first and
``build_translations.py`` after.
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

TS = Path(__file__).resolve().parent.parent / "resources" / "i18n" / "sst_sv.ts"
HEADER = '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'


def _set(translation: ET.Element, value: str | list[str]) -> None:
    if isinstance(value, list):
        for child in list(translation):
            translation.remove(child)
        for form in value:
            ET.SubElement(translation, "numerusform").text = form
    else:
        translation.text = value
    translation.attrib.pop("type", None)


def main(argv: list[str]) -> int:
    wanted: dict[str, dict[str, str | list[str]]] = (
        json.loads(Path(argv[0]).read_text(encoding="utf-8")) if argv else {}
    )
    tree = ET.parse(TS)
    left = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            source = message.findtext("source", "")
            translation = message.find("translation")
            if translation is None or translation.get("type") != "unfinished":
                continue
            value = wanted.get(name, {}).get(source)
            if value is not None:
                _set(translation, value)
            else:
                left += 1
                print(f"{name} | {source} | {translation.text or ''}")
    if wanted:
        TS.write_text(HEADER + ET.tostring(tree.getroot(), encoding="unicode") + "\n", "utf-8")
    print(f"{left} unfinished", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
