"""A plan revision as an A4 PDF, rendered in memory: ``render_plan_pdf(document) -> bytes``.

No file is written here and nothing is cached on disk; the caller decides where the bytes go
(a file the user chose, written atomically, or a print job). The PDF's title names the kind
of plan, the case reference and the revision, never the child.
"""

from __future__ import annotations

from reportlab.platypus import Flowable

from sst_desktop.reports import plan_labels as sv
from sst_desktop.reports.pdf_page import PageFurniture, RenderedPdf, render_document
from sst_desktop.reports.plan_document import PlanDocument
from sst_desktop.reports.plan_pdf_sections import (
    aims_section,
    copies_section,
    goals_section,
    signatures_section,
    title,
    title_block,
)


def render_plan_pdf(doc: PlanDocument) -> RenderedPdf:
    def story() -> list[Flowable]:
        return [
            *title_block(doc),
            *aims_section(doc),
            *goals_section(doc),
            *signatures_section(doc),
            *copies_section(doc),
        ]

    return render_document(
        story,
        furniture(doc),
        title=document_title(doc),
        author=doc.team_name or "",
        subject=f"{sv.FINGERPRINT} {doc.fingerprint}",
    )


def document_title(doc: PlanDocument) -> str:
    """For the PDF's metadata and a print job's name: no personal data."""
    return f"{title(doc.kind, doc.maintenance)} {doc.case_reference} revision {doc.revision_number}"


def furniture(doc: PlanDocument) -> PageFurniture:
    status = sv.label(sv.STATUS, doc.status)
    footer = (
        f"{title(doc.kind, doc.maintenance)} · {sv.REVISION} {doc.revision_number} ({status}) · "
        f"{doc.revision_date.isoformat()} · {sv.FINGERPRINT} {doc.fingerprint}"
    )
    return PageFurniture(
        header_left=" · ".join(n for n in (doc.municipality_name, doc.team_name) if n),
        header_right=f"{sv.CASE} {doc.case_reference}",
        footer_left=footer,
        page_label=lambda page, pages: sv.PAGE.format(page=page, pages=pages),
    )
