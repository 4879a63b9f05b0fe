"""The case summary as an A4 PDF, rendered in memory for a follow-up meeting: the period's
contacts by kind and month, absence and participation, the ratings chart and each respondent's
change, and the plan's goals with their status. The chart is matplotlib's PNG at 200 dpi, made
in memory (decision 120); no file is written here."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Image, Paragraph, Spacer, Table

from sst_desktop.charts.rating_chart import render_png
from sst_desktop.reports import case_summary_labels as sv
from sst_desktop.reports.case_summary_content import CaseSummary
from sst_desktop.reports.pdf_page import (
    CONTENT_WIDTH,
    PageFurniture,
    RenderedPdf,
    render_document,
)
from sst_desktop.reports.pdf_table import grid_table
from sst_desktop.reports.plan_pdf_styles import BODY, SECTION, SUBTITLE, TITLE

CHART_WIDTH_MM, CHART_HEIGHT_MM = 170, 115


def render_case_summary(summary: CaseSummary) -> RenderedPdf:
    def story() -> list[Flowable]:
        return [
            *_title_block(summary),
            *_contacts(summary),
            *_school(summary),
            *_ratings(summary),
            *_goals(summary),
        ]

    return render_document(
        story, _furniture(summary), title=document_title(summary), author=summary.team_name or ""
    )


def document_title(summary: CaseSummary) -> str:
    """For the PDF's metadata and a print job's name: no personal data."""
    return f"{sv.TITLE} {summary.case_reference}"


def _furniture(summary: CaseSummary) -> PageFurniture:
    names = (summary.municipality_name, summary.team_name)
    return PageFurniture(
        header_left=" · ".join(n for n in names if n),
        header_right=f"{sv.CASE} {summary.case_reference}",
        footer_left=f"{sv.TITLE} · {_period(summary)} · {sv.PRINTED} {_day(summary.printed_on)}",
        page_label=lambda page, pages: sv.PAGE.format(page=page, pages=pages),
    )


def _title_block(summary: CaseSummary) -> list[Flowable]:
    facts = [
        [sv.STUDENT, summary.student, sv.CASE, summary.case_reference],
        [sv.PROGRAMME, summary.programme, sv.PERIOD, _period(summary)],
    ]
    quarter = CONTENT_WIDTH / 4
    names = (summary.municipality_name, summary.team_name)
    return [
        Paragraph(sv.TITLE, TITLE),
        Paragraph(", ".join(n for n in names if n), SUBTITLE),
        grid_table(facts, (quarter * 0.7, quarter * 1.3) * 2, header=False, label_columns=(0, 2)),
    ]


def _contacts(summary: CaseSummary) -> list[Flowable]:
    head = [Paragraph(sv.CONTACTS, SECTION)]
    if not summary.months:
        return [*head, Paragraph(sv.NO_CONTACTS, BODY)]
    rows = [[sv.MONTH, *(sv.label(sv.CONTACT_KIND, k) for k in summary.kinds), sv.TOTAL]]
    rows += [[m.month, *(str(n) for n in m.counts), str(m.total)] for m in summary.months]
    totals = [sum(m.counts[i] for m in summary.months) for i in range(len(summary.kinds))]
    rows.append([sv.TOTAL, *(str(n) for n in totals), str(sum(totals))])
    first = 24 * mm
    rest = (CONTENT_WIDTH - first) / (len(summary.kinds) + 1)
    return [*head, grid_table(rows, (first, *[rest] * (len(summary.kinds) + 1)))]


def _school(summary: CaseSummary) -> list[Flowable]:
    head = [Paragraph(sv.SCHOOL, SECTION)]
    if not summary.absence and not summary.participation:
        return [*head, Paragraph(sv.NO_SCHOOL_FIGURES, BODY)]
    flowables: list[Flowable] = [*head]
    if summary.absence:
        rows = [[sv.PERIOD, sv.ABSENCE]]
        rows += [[f"{_day(a)} – {_day(b)}", f"{_number(p)} %"] for a, b, p in summary.absence]
        flowables.append(_left(grid_table(rows, (60 * mm, 30 * mm))))
        flowables.append(Spacer(1, 4 * mm))
    if summary.participation:
        rows = [[sv.ASSESSED, sv.PARTICIPATION]]
        rows += [[_day(on), level] for on, level in summary.participation]
        flowables.append(_left(grid_table(rows, (30 * mm, 60 * mm))))
    return flowables


def _ratings(summary: CaseSummary) -> list[Flowable]:
    head = [Paragraph(sv.RATINGS, SECTION)]
    if not summary.series:
        return [*head, Paragraph(sv.NO_RATINGS, BODY)]
    png = render_png(
        summary.chart, width_in=CHART_WIDTH_MM / 25.4, height_in=CHART_HEIGHT_MM / 25.4
    )
    chart = Image(io.BytesIO(png), width=CHART_WIDTH_MM * mm, height=CHART_HEIGHT_MM * mm)
    rows = [[sv.RESPONDENT, sv.FORM, sv.SESSIONS, sv.FIRST, sv.LATEST, sv.CHANGE]]
    rows += [
        [
            s.respondent,
            s.form,
            str(s.sessions),
            _number(s.first),
            _number(s.latest),
            sv.label(sv.CHANGES, s.change) if s.change else "–",
        ]
        for s in summary.series
    ]
    widths = (26 * mm, 46 * mm, 14 * mm, 18 * mm, 18 * mm, CONTENT_WIDTH - 122 * mm)
    return [*head, chart, Spacer(1, 3 * mm), grid_table(rows, widths)]


def _goals(summary: CaseSummary) -> list[Flowable]:
    head = [Paragraph(sv.GOALS, SECTION)]
    if summary.plan is None:
        return [*head, Paragraph(sv.NO_PLAN, BODY)]
    rows = [[sv.PERSPECTIVE, sv.GOAL, sv.CRITERION, sv.TARGET, sv.STATUS]]
    for goal in summary.goals:
        status = (
            f"{sv.label(sv.GOAL_STATUS, goal.status)} ({_day(goal.reviewed_on)})"
            if goal.status
            else sv.NOT_REVIEWED
        )
        rows.append([goal.perspective, goal.text, goal.criterion or "–", _day(goal.target), status])
    widths = (25 * mm, 46 * mm, 37 * mm, 22 * mm, CONTENT_WIDTH - 130 * mm)
    return [*head, Paragraph(summary.plan, BODY), Spacer(1, 2 * mm), grid_table(rows, widths)]


def _left(table: Table) -> Table:
    table.hAlign = "LEFT"  # a narrow table under a heading, not centred on the page
    return table


def _period(summary: CaseSummary) -> str:
    return f"{_day(summary.period_from)} – {_day(summary.period_to)}"


def _day(value: date | None) -> str:
    return value.isoformat() if value else "–"


def _number(value: Decimal | int | None) -> str:
    if value is None:
        return "–"
    return str(value).replace(".", ",")
