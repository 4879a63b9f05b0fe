"""The status report as a Word document (.docx) the coordinator edits in Word or LibreOffice
(decision 125): the same headings, figures, chart and small print as the PDF, and every free
text in a framed box, filled from the texts file or left empty to write in. Rendered in memory
with python-docx; the chart is the PDF's PNG."""

from __future__ import annotations

import io
from collections.abc import Sequence

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from sst_desktop.charts.status_chart import render_png
from sst_desktop.reports import status_report_labels as sv
from sst_desktop.reports.status_report_content import StatusReport
from sst_desktop.reports.status_report_pdf import CHART_HEIGHT_MM, CHART_WIDTH_MM
from sst_desktop.reports.status_report_shown import ShownFigures, ShownSection, ShownTable

MUTED = RGBColor(0x55, 0x55, 0x55)
SHADE = "ECECEC"
FIGURE_WIDTHS_MM = (55, 24, 91)
EMPTY_BOX_LINES = 3


def render_docx(report: StatusReport) -> bytes:
    document = Document()
    _page_and_language(document)
    _properties(document, report)
    _footer(document, report)
    overview, *goals = report.sections
    _title(document, report)
    _section(document, report, overview, chart=True)
    for section in goals:
        _section(document, report, section)
    document.add_heading(sv.ASSESSMENT, level=1)
    for key, heading in (
        ("how_the_work_goes", sv.HOW_IT_GOES),
        ("deviations", sv.DEVIATIONS),
        ("improvement_areas", sv.IMPROVEMENTS),
    ):
        document.add_heading(heading, level=2)
        _box(document, report.texts.get(key), lines=EMPTY_BOX_LINES * 2)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _page_and_language(document: DocxDocument) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(20))
    normal = document.styles["Normal"]
    normal.font.size = Pt(10)
    properties = normal.element.get_or_add_rPr()
    language = OxmlElement("w:lang")
    language.set(qn("w:val"), "sv-SE")
    properties.append(language)  # Word's spelling and hyphenation in Swedish


def _properties(document: DocxDocument, report: StatusReport) -> None:
    """The file's own metadata: the report's title and the team, never a person (python-docx's
    template would say it wrote the file)."""
    core = document.core_properties
    core.title, core.author, core.last_modified_by = report.title, report.team_name or "", ""
    core.comments, core.subject, core.keywords = "", sv.TITLE, ""
    core.language = "sv-SE"


def _footer(document: DocxDocument, report: StatusReport) -> None:
    paragraph = document.sections[0].footer.paragraphs[0]
    run = paragraph.add_run(f"{sv.TITLE} · {report.period_text} · ")
    run.font.size = Pt(8)
    for words, field in (("Sida ", "PAGE"), (" (", "NUMPAGES")):
        paragraph.add_run(words).font.size = Pt(8)
        _field(paragraph, field)
    paragraph.add_run(")").font.size = Pt(8)


def _field(paragraph: Paragraph, instruction: str) -> None:
    """A field Word and LibreOffice fill in (the page number, the page count)."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    properties, size = OxmlElement("w:rPr"), OxmlElement("w:sz")
    size.set(qn("w:val"), "16")  # half-points: the footer's 8 pt
    properties.append(size)
    run.append(properties)
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _title(document: DocxDocument, report: StatusReport) -> None:
    document.add_heading(sv.TITLE, level=0)
    names = ", ".join(n for n in (report.municipality_name, report.team_name) if n)
    if names:
        document.add_paragraph(names)
    facts = [(sv.PERIOD, report.period_text),
             (sv.PRINTED, report.printed_on.isoformat())]  # fmt: skip
    table = _table(document, facts, (30, 90), header=False)
    for row in table.rows:
        _shade(row.cells[0])
    _small(document, sv.about(report.threshold))
    if report.withheld:
        _small(document, sv.withheld(report.withheld))


def _section(
    document: DocxDocument, report: StatusReport, section: ShownSection, *, chart: bool = False
) -> None:
    document.add_heading(section.heading, level=1)
    if section.goal:
        _small(document, section.goal, size=9.5)
    for block in section.blocks:
        if isinstance(block, ShownFigures):
            _figures(document, block)
        else:
            _breakdown(document, block)
    if section.note:
        _small(document, section.note)
    if chart:
        png = render_png(
            report.chart, width_in=CHART_WIDTH_MM / 25.4, height_in=CHART_HEIGHT_MM / 25.4
        )
        document.add_picture(io.BytesIO(png), width=Mm(CHART_WIDTH_MM))
        _small(document, sv.CHART_CAPTION)
    document.add_heading(sv.COMMENT, level=3)
    _box(document, report.texts.get(section.key), lines=EMPTY_BOX_LINES)


def _figures(document: DocxDocument, block: ShownFigures) -> None:
    rows = [(sv.FIGURE, sv.VALUE, sv.COUNTS), *block.rows]
    table = _table(document, rows, FIGURE_WIDTHS_MM, header=True)
    for row in table.rows[1:]:
        _style_cell(row.cells[1], bold=True, align=WD_ALIGN_PARAGRAPH.RIGHT)
        _style_cell(row.cells[2], size=7.5, colour=MUTED)
    document.add_paragraph()


def _breakdown(document: DocxDocument, block: ShownTable) -> None:
    caption = document.add_paragraph()
    caption.add_run(block.caption).bold = True
    widths = (62, *([22] * (len(block.grid[0]) - 1)))
    table = _table(document, block.grid, widths, header=True)
    for row in table.rows:
        _shade(row.cells[0])
        for cell in row.cells[1:]:
            _style_cell(cell, align=WD_ALIGN_PARAGRAPH.RIGHT)
    _small(document, block.counts)


def _table(
    document: DocxDocument,
    rows: Sequence[Sequence[str]],
    widths_mm: Sequence[float],
    *,
    header: bool,
) -> Table:
    table: Table = document.add_table(rows=0, cols=len(widths_mm))
    table.style = "Table Grid"
    _widths(table, widths_mm)
    for r, values in enumerate(rows):
        cells = table.add_row().cells  # type: ignore[no-untyped-call]  # python-docx 1.2
        for cell, value, width in zip(cells, values, widths_mm, strict=True):
            cell.width = Mm(width)
            cell.text = value
            _style_cell(cell, size=9, bold=header and r == 0)
            if header and r == 0:
                _shade(cell)
    return table


def _widths(table: Table, widths_mm: Sequence[float]) -> None:
    """Column widths as Word and LibreOffice read them (the grid; else equal columns)."""
    table.autofit = False
    for column, width in zip(table.columns, widths_mm, strict=True):
        column.width = Mm(width)


def _style_cell(
    cell: _Cell,
    *,
    size: float | None = None,
    bold: bool | None = None,
    colour: RGBColor | None = None,
    align: int | None = None,
) -> None:
    for paragraph in cell.paragraphs:
        if align is not None:
            paragraph.alignment = align
        for run in paragraph.runs:
            if size is not None:
                run.font.size = Pt(size)
            if bold is not None:
                run.bold = bold
            if colour is not None:
                run.font.color.rgb = colour


def _shade(cell: _Cell) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:fill"), SHADE)
    cell._tc.get_or_add_tcPr().append(shading)


def _small(document: DocxDocument, words: str, *, size: float = 8) -> None:
    run = document.add_paragraph().add_run(words)
    run.font.size, run.font.color.rgb = Pt(size), MUTED


def _box(document: DocxDocument, value: str, *, lines: int) -> None:
    """A framed one-cell table holding the text, or empty lines to write in."""
    table = document.add_table(rows=1, cols=1)
    table.style = "Table Grid"
    _widths(table, (170,))
    cell = table.rows[0].cells[0]
    cell.width = Mm(170)
    parts = [p.strip() for p in value.split("\n\n") if p.strip()] if value else [""] * lines
    cell.text = parts[0]
    for part in parts[1:]:
        cell.add_paragraph(part)
    document.add_paragraph()
