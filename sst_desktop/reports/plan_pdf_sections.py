"""The flowables of a printed plan, section by section: title block, overall aims, goals and
interventions per perspective, signature blocks and the copy list."""

from __future__ import annotations

import io
from collections import Counter
from datetime import date
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Image,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
)

from sst_desktop.reports import plan_labels as sv
from sst_desktop.reports.pdf_page import CONTENT_WIDTH
from sst_desktop.reports.pdf_table import GRID, grid_table
from sst_desktop.reports.plan_document import GoalLine, InterventionLine, PlanDocument, SignerSlot
from sst_desktop.reports.plan_pdf_styles import (
    BLOCK_HEAD,
    BODY,
    PERSPECTIVE,
    SECTION,
    SMALL,
    SUBTITLE,
    TABLE_CAPTION,
    TITLE,
    table_style,
    text,
)

GOAL_WIDTHS = (11 * mm, 68 * mm, 64 * mm, CONTENT_WIDTH - 143 * mm)
INTERVENTION_WIDTHS = (11 * mm, CONTENT_WIDTH - 122 * mm, 34 * mm, 31 * mm, 20 * mm, 26 * mm)
KEEP_BELOW_HEADING = 30 * mm
SIGNATURE_BOX = (60 * mm, 18 * mm)
FACT_WIDTHS = (36 * mm, CONTENT_WIDTH / 2 - 36 * mm) * 2


def title(kind: str, maintenance: bool) -> str:
    return sv.MAINTENANCE_TITLE if maintenance else sv.label(sv.KIND, kind)


def title_block(doc: PlanDocument) -> list[Flowable]:
    where = ", ".join(n for n in (doc.municipality_name, doc.team_name) if n)
    facts = [
        [sv.STUDENT, doc.student, sv.CASE, doc.case_reference],
        [
            sv.REVISION,
            f"{doc.revision_number} ({sv.label(sv.STATUS, doc.status)})",
            sv.REVISION_DATE,
            _day(doc.revision_date),
        ],
        [sv.NEXT_REVIEW, _day(doc.review_on) or "–", sv.PRINTED, _day(doc.printed_on)],
    ]
    table = grid_table(facts, FACT_WIDTHS, header=False, label_columns=(0, 2))
    return [text(title(doc.kind, doc.maintenance), TITLE), text(where, SUBTITLE), table]


def heading(words: str, style: ParagraphStyle) -> list[Flowable]:
    """A heading never ends a page: it moves on with at least a table's first rows (tables
    split, header repeated; a heading glued to a whole table would leave half pages blank)."""
    return [CondPageBreak(KEEP_BELOW_HEADING), Paragraph(words, style)]


def aims_section(doc: PlanDocument) -> list[Flowable]:
    return [
        *heading(sv.OVERALL_AIMS, SECTION),
        text(doc.overall_aims or sv.NO_AIMS, BODY),
    ]


def goals_section(doc: PlanDocument) -> list[Flowable]:
    flowables: list[Flowable] = heading(sv.GOALS, SECTION)
    if not doc.goals:
        flowables.append(text(sv.NO_GOALS, BODY))
    for perspective, name in sv.PERSPECTIVE.items():
        goals = [g for g in doc.goals if g.perspective == perspective]
        if goals:
            actions = [i for i in doc.interventions if i.perspective == perspective]
            flowables += _perspective(name, goals, actions)
    loose = [i for i in doc.interventions if i.goal_number is None]
    if loose:
        flowables += [*heading(sv.OTHER_INTERVENTIONS, PERSPECTIVE), _interventions(loose)]
    return flowables


def _perspective(
    name: str, goals: list[GoalLine], actions: list[InterventionLine]
) -> list[Flowable]:
    rows = [list(sv.GOAL_COLUMNS)] + [
        [g.number, g.text, g.criterion, _day(g.target_date)] for g in goals
    ]
    sub_goals = [(row, 1) for row, g in enumerate(goals, start=1) if g.sub_goal]
    table = grid_table(rows, GOAL_WIDTHS, indented=sub_goals)
    parts: list[Flowable] = [*heading(name, PERSPECTIVE), table]
    if actions:
        parts += heading(sv.INTERVENTIONS, TABLE_CAPTION)
        parts.append(_interventions(actions))
    return parts


def _interventions(actions: list[InterventionLine]) -> Table:
    rows = [list(sv.INTERVENTION_COLUMNS)] + [
        [
            a.goal_number or "–",
            a.label,
            a.responsible,
            a.recipient,
            sv.label(sv.SETTING, a.setting),
            "\n".join(p for p in (a.frequency, _period(a.active_from, a.active_to)) if p),
        ]
        for a in actions
    ]
    return grid_table(rows, INTERVENTION_WIDTHS)


def signatures_section(doc: PlanDocument) -> list[Flowable]:
    note = sv.SIGNING_NOTE.format(revision=doc.revision_number, fingerprint=doc.fingerprint)
    blocks: list[Flowable] = [
        _signature_block(label, slot) for label, slot in _slot_labels(doc.signers)
    ]
    if len(blocks) % 2:
        blocks.append(Spacer(1, 1))
    rows = [blocks[i : i + 2] for i in range(0, len(blocks), 2)]
    grid = Table(rows, colWidths=(CONTENT_WIDTH / 2, CONTENT_WIDTH / 2))
    grid.setStyle(
        table_style(("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0))
    )
    heading = [Paragraph(sv.SIGNATURES, SECTION), text(note, SMALL), Spacer(1, 4)]
    return [KeepTogether([*heading, grid])]


def _slot_labels(slots: tuple[SignerSlot, ...]) -> list[tuple[str, SignerSlot]]:
    """ "Vårdnadshavare 1" and "Vårdnadshavare 2" where a role has more than one block."""
    totals = Counter(slot.role for slot in slots)
    seen: Counter[str] = Counter()
    labelled = []
    for slot in slots:
        seen[slot.role] += 1
        name = sv.label(sv.SIGNER, slot.role)
        labelled.append((f"{name} {seen[slot.role]}" if totals[slot.role] > 1 else name, slot))
    return labelled


def _signature_block(label: str, slot: SignerSlot) -> Table:
    rows: list[list[Flowable]] = [[Paragraph(label, BLOCK_HEAD)]]
    styles: list[tuple[Any, ...]] = [
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 10),
    ]
    signed = slot.signature
    if signed is not None:
        template = sv.SIGNED_ON.get(signed.method, "{day}")
        if signed.image:
            rows.append([_drawn(signed.image)])
        rows += [[text(template.format(day=_day(signed.signed_on)))], [text(signed.name)]]
    else:
        for caption in (sv.SIGNATURE_LINE, sv.NAME_LINE, sv.DATE_LINE):
            rows += [[Spacer(1, 9 * mm)], [text(caption, SMALL)]]
            styles.append(("LINEABOVE", (0, len(rows) - 1), (0, len(rows) - 1), 0.6, GRID))
    block = Table(rows, colWidths=(CONTENT_WIDTH / 2 - 4 * mm,))
    block.setStyle(table_style(*styles))
    return block


def copies_section(doc: PlanDocument) -> list[Flowable]:
    """One line under the signatures, as on a letter: "Kopia till: ..."."""
    if not doc.copy_to:
        return []
    names = ", ".join(escape(sv.label(sv.COPY_TO, code)) for code in doc.copy_to)
    return [Spacer(1, 10), Paragraph(f"<b>{escape(sv.COPIES)}:</b> {names}", BODY)]


def _drawn(png: bytes) -> Flowable:
    """The signature as drawn on screen, at most 60 x 18 mm, its shape kept."""
    width, height = ImageReader(io.BytesIO(png)).getSize()
    scale = min(SIGNATURE_BOX[0] / width, SIGNATURE_BOX[1] / height)
    drawn = Image(io.BytesIO(png), width=width * scale, height=height * scale)
    drawn.hAlign = "LEFT"
    return drawn


def _period(start: date | None, end: date | None) -> str:
    if start and end:
        return f"{_day(start)} –\n{_day(end)}"
    if start:
        return f"från {_day(start)}"
    return f"till {_day(end)}" if end else ""


def _day(value: date | None) -> str:
    return value.isoformat() if value else ""
