"""Reading an XLSX file with the standard library only, for the export tests: every sheet's cells
as text, and every XML part of the package as text (cells, sheet names, document properties:
a leak anywhere in the file is found, not only in cells a spreadsheet shows)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

NS = {
    "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
}
_CELL_REF = re.compile(r"([A-Z]+)(\d+)")


def all_parts_text(path: Path) -> str:
    """Every part of the package, XML entities resolved (``&amp;`` reads as ``&``)."""
    texts = []
    with zipfile.ZipFile(path) as package:
        for name in package.namelist():
            raw = package.read(name).decode("utf-8")
            texts.append(" ".join(ET.fromstring(raw).itertext()) if name.endswith(".xml") else raw)
            texts.append(raw)
    return "\n".join(texts)


def read_sheets(path: Path) -> dict[str, list[list[str]]]:
    """Sheet name -> rows of cell texts (empty cells as '')."""
    with zipfile.ZipFile(path) as package:
        shared = _shared_strings(package)
        return {
            name: _rows(ET.fromstring(package.read(part)), shared)
            for name, part in _sheet_parts(package)
        }


def _shared_strings(package: zipfile.ZipFile) -> list[str]:
    if "xl/sharedStrings.xml" not in package.namelist():
        return []
    root = ET.fromstring(package.read("xl/sharedStrings.xml"))
    return ["".join(si.itertext()) for si in root.findall("m:si", NS)]


def _sheet_parts(package: zipfile.ZipFile) -> list[tuple[str, str]]:
    workbook = ET.fromstring(package.read("xl/workbook.xml"))
    rels = ET.fromstring(package.read("xl/_rels/workbook.xml.rels"))
    targets = {r.get("Id"): r.get("Target") for r in rels.findall("rel:Relationship", NS)}
    parts = []
    for sheet in workbook.findall("m:sheets/m:sheet", NS):
        target = str(targets[sheet.get(f"{{{NS['r']}}}id")]).lstrip("/")
        parts.append(
            (str(sheet.get("name")), target if target.startswith("xl/") else f"xl/{target}")
        )
    return parts


def _rows(sheet: ET.Element, shared: list[str]) -> list[list[str]]:
    rows: list[list[str]] = []
    for row in sheet.findall("m:sheetData/m:row", NS):
        cells: dict[int, str] = {}
        for cell in row.findall("m:c", NS):
            match = _CELL_REF.fullmatch(str(cell.get("r")))
            assert match is not None
            cells[_column_index(match.group(1))] = _value(cell, shared)
        index = int(str(row.get("r"))) - 1
        rows.extend([] for _ in range(index - len(rows)))
        rows.append([cells.get(j, "") for j in range(max(cells, default=-1) + 1)])
    return rows


def _value(cell: ET.Element, shared: list[str]) -> str:
    kind, value = cell.get("t"), cell.find("m:v", NS)
    if kind == "s" and value is not None:
        return shared[int(str(value.text))]
    if kind == "inlineStr":
        return "".join(cell.find("m:is", NS).itertext())  # type: ignore[union-attr]
    return "" if value is None or value.text is None else value.text


def _column_index(letters: str) -> int:
    index = 0
    for letter in letters:
        index = index * 26 + ord(letter) - ord("A") + 1
    return index - 1
