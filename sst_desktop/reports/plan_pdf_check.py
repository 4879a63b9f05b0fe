"""The self-test's PDF check: a small made-up plan rendered in memory, read back with pikepdf,
every font embedded as a TrueType program (a bundle missing the fonts or a font table would
fail here, not in front of a family). Nothing is written to disk; nothing in it is personal."""

from __future__ import annotations

import io
from datetime import date
from typing import Any

import pikepdf

from sst_desktop.reports.plan_document import GoalLine, PlanDocument, SignerSlot
from sst_desktop.reports.plan_pdf import render_plan_pdf

_DAY = date(2026, 1, 15)
SAMPLE_PLAN = PlanDocument(
    kind="action_plan",
    maintenance=False,
    case_reference="SST-00-SELFTEST",
    student="X. Y.",
    team_name="Självtest",
    municipality_name=None,
    revision_number=1,
    status="draft",
    revision_date=_DAY,
    review_on=None,
    printed_on=_DAY,
    overall_aims="Närvaro och trivsel i skolan (å ä ö).",
    goals=(GoalLine("1", "school", "Eleven går till skolan", None, None, False),),
    interventions=(),
    signers=(SignerSlot("student", None),),
    copy_to=(),
    fingerprint="0000-0000-0000",
)


class PdfCheckFailed(Exception):
    pass


def check_sample_plan_pdf() -> str:
    rendered = render_plan_pdf(SAMPLE_PLAN)
    if not rendered.data.startswith(b"%PDF"):
        raise PdfCheckFailed("the output is not a PDF")
    with pikepdf.open(io.BytesIO(rendered.data)) as pdf:
        fonts = [font for page in pdf.pages for font in _page_fonts(page)]
        if not fonts:
            raise PdfCheckFailed("no fonts in the PDF")
        if not all(_embedded(font) for font in fonts):
            raise PdfCheckFailed("a font is not embedded")
    return f"{rendered.pages} page(s), {len(rendered.data) // 1024} KiB, {len(fonts)} font(s)"


def _page_fonts(page: pikepdf.Page) -> list[Any]:
    resources: Any = page.obj.get("/Resources", {})
    return list(resources.get("/Font", {}).values())


def _embedded(font: Any) -> bool:
    if font.get("/Subtype") == "/Type0":
        font = font["/DescendantFonts"][0]
    descriptor = font.get("/FontDescriptor")
    return descriptor is not None and "/FontFile2" in descriptor
