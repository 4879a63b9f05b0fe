"""Checks every generated PDF must pass, and what tests read out of one.

``assert_valid_pdf`` is qpdf's structural check through pikepdf (the qpdf library, no binary
to find or skip), plus the font rule: every font is embedded as a TrueType program.
"""

from __future__ import annotations

import io
from typing import Any

import pikepdf
from pypdf import PdfReader


def page_texts(data: bytes, password: str | None = None) -> list[str]:
    reader = PdfReader(io.BytesIO(data))
    if password is not None:
        reader.decrypt(password)
    return [page.extract_text() or "" for page in reader.pages]


def metadata_values(data: bytes, password: str | None = None) -> list[str]:
    reader = PdfReader(io.BytesIO(data))
    if password is not None:
        reader.decrypt(password)
    return [str(value) for value in (reader.metadata or {}).values()]


def assert_valid_pdf(data: bytes, password: str = "") -> None:
    with pikepdf.open(io.BytesIO(data), password=password) as pdf:
        problems = pdf.check_pdf_syntax()
        assert problems == [], problems
        fonts = list(_fonts(pdf))
        assert fonts, "no fonts on any page"
        for name, font in fonts:
            assert _embedded_program(font) == "/FontFile2", f"font {name} is not embedded"


def _fonts(pdf: pikepdf.Pdf) -> Any:
    for page in pdf.pages:
        resources = page.obj.get("/Resources", {})
        yield from resources.get("/Font", {}).items()


def _embedded_program(font: Any) -> str | None:
    """Which font program the descriptor embeds (a Type0 font's is in its descendant)."""
    if font.get("/Subtype") == "/Type0":
        font = font["/DescendantFonts"][0]
    descriptor = font.get("/FontDescriptor")
    if descriptor is None:
        return None
    for key in ("/FontFile2", "/FontFile", "/FontFile3"):
        if key in descriptor:
            return key
    return None
