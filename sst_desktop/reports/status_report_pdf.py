"""The status report as an A4 PDF, rendered in memory: the title block and how to read the
figures, the overview with the chart, one section per impact and project goal (the goal in the
programme's words, its figures with what each counts, a comment), and the team's assessment
(how the work goes, deviations, improvement areas). A free text not given prints as ruled
lines to write on."""

from __future__ import annotations

import io

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Image, KeepTogether, Paragraph, Spacer

from sst_desktop.charts.status_chart import render_png
from sst_desktop.reports import status_report_labels as sv
from sst_desktop.reports.pdf_page import PageFurniture, RenderedPdf, render_document
from sst_desktop.reports.pdf_table import grid_table
from sst_desktop.reports.plan_pdf_styles import BLOCK_HEAD, SECTION, SMALL, SUBTITLE, TITLE
from sst_desktop.reports.status_report_content import StatusReport
from sst_desktop.reports.status_report_pdf_parts import (
    FINE,
    GOAL,
    NOTE,
    breakdown,
    figures_table,
    free_text,
)
from sst_desktop.reports.status_report_shown import ShownFigures, ShownSection

CHART_WIDTH_MM, CHART_HEIGHT_MM = 170, 76
COMMENT_LINES, ASSESSMENT_LINES = 4, 7


def render_status_report(report: StatusReport) -> RenderedPdf:
    def story() -> list[Flowable]:
        overview, *goals = report.sections
        flowables = [*_title_block(report), *_section(report, overview, chart=True)]
        for section in goals:
            flowables += _section(report, section)
        return flowables + _assessment(report)

    return render_document(
        story, _furniture(report), title=report.title, author=report.team_name or ""
    )


def _furniture(report: StatusReport) -> PageFurniture:
    names = (report.municipality_name, report.team_name)
    return PageFurniture(
        header_left=" · ".join(n for n in names if n),
        header_right=sv.TITLE,
        footer_left=f"{sv.TITLE} · {report.period_text} · {sv.PRINTED} "
        f"{report.printed_on.isoformat()}",
        page_label=lambda page, pages: sv.PAGE.format(page=page, pages=pages),
    )


def _title_block(report: StatusReport) -> list[Flowable]:
    names = (report.municipality_name, report.team_name)
    facts = [
        [sv.PERIOD, report.period_text],
        [sv.PRINTED, report.printed_on.isoformat()],
    ]
    about = sv.about(report.threshold)
    flowables: list[Flowable] = [
        Paragraph(sv.TITLE, TITLE),
        Paragraph(", ".join(n for n in names if n) or "&nbsp;", SUBTITLE),
        _left(grid_table(facts, (30 * mm, 90 * mm), header=False, label_columns=(0,))),
        Spacer(1, 3 * mm),
        Paragraph(about, SMALL),
    ]
    if report.withheld:
        flowables.append(Paragraph(sv.withheld(report.withheld), SMALL))
    return flowables


def _section(report: StatusReport, section: ShownSection, *, chart: bool = False) -> list[Flowable]:
    """The heading stays with the first block, a table with its caption and small print, the
    comment with its heading (a KeepTogether never holds another: reportlab would break the
    page before it every time)."""
    parts: list[list[Flowable]] = [
        [figures_table(block), Spacer(1, 2 * mm)]
        if isinstance(block, ShownFigures)
        else breakdown(block)
        for block in section.blocks
    ]
    if section.note:  # stays with the table it explains, if there is one
        note = Paragraph(section.note, NOTE)
        parts[-1:] = [[*parts[-1], note]] if parts else [[note]]
    if chart:
        parts.append(_chart(report))
    head: list[Flowable] = [Paragraph(section.heading, SECTION)]
    if section.goal:
        head.append(Paragraph(section.goal, GOAL))
    given = free_text(report.texts.get(section.key), COMMENT_LINES)
    parts.append([Paragraph(sv.COMMENT, BLOCK_HEAD), *given])
    parts[0] = head + parts[0]
    return [KeepTogether(part) for part in parts]


def _chart(report: StatusReport) -> list[Flowable]:
    png = render_png(report.chart, width_in=CHART_WIDTH_MM / 25.4, height_in=CHART_HEIGHT_MM / 25.4)
    image = Image(io.BytesIO(png), width=CHART_WIDTH_MM * mm, height=CHART_HEIGHT_MM * mm)
    return [Spacer(1, 3 * mm), image, Paragraph(sv.CHART_CAPTION, FINE)]


def _assessment(report: StatusReport) -> list[Flowable]:
    """The team's own words; the heading stays with the first of them."""
    flowables: list[Flowable] = []
    head: list[Flowable] = [Paragraph(sv.ASSESSMENT, SECTION)]
    for key, heading in (
        ("how_the_work_goes", sv.HOW_IT_GOES),
        ("deviations", sv.DEVIATIONS),
        ("improvement_areas", sv.IMPROVEMENTS),
    ):
        given = free_text(report.texts.get(key), ASSESSMENT_LINES)
        flowables.append(KeepTogether([*head, Paragraph(heading, BLOCK_HEAD), *given]))
        flowables.append(Spacer(1, 3 * mm))
        head = []
    return flowables


def _left(table: Flowable) -> Flowable:
    table.hAlign = "LEFT"
    return table
