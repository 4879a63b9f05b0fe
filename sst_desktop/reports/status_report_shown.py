"""The sections as the documents print them: every count below the organisation's small-cell
threshold hidden, by the follow-up file's rule (``followup_suppress``).

The report leaves the municipality's organisation (to the ESF project, the city's
administration, an evaluator), and a team has tens of students: a count of 1-4 next to a
period, a district and a reason can point at one child. A breakdown hides its small cells and
whatever would give them away by subtraction; a part of a whole ("3 av 12") hides the part
when it or the rest is small; a median or mean over fewer cases than the threshold is not
shown at all (over one case it would be that child's figure)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sst_desktop.reports import status_report_labels as sv
from sst_desktop.reports.followup_suppress import SECONDARY, suppress
from sst_desktop.reports.status_report_model import Breakdown, Count, Item, Section, Statistic


@dataclass(frozen=True)
class ShownFigures:
    rows: tuple[tuple[str, str, str], ...]  # (figure, value, what it counts)


@dataclass(frozen=True)
class ShownTable:
    caption: str
    grid: tuple[tuple[str, ...], ...]  # the header row first
    counts: str


Block = ShownFigures | ShownTable


@dataclass(frozen=True)
class ShownSection:
    key: str
    heading: str
    goal: str | None
    blocks: tuple[Block, ...]
    note: str | None


def show(section: Section, threshold: int) -> ShownSection:
    blocks: list[Block] = []
    rows: list[tuple[str, str, str]] = []
    for item in section.items:
        if isinstance(item, Breakdown):
            if rows:
                blocks.append(ShownFigures(tuple(rows)))
                rows = []
            blocks.append(_table(item, threshold))
        else:
            rows.append((item.label, value_of(item, threshold), item.counts))
    if rows:
        blocks.append(ShownFigures(tuple(rows)))
    return ShownSection(section.key, section.heading, section.goal, tuple(blocks), section.note)


def value_of(item: Item, threshold: int) -> str:
    if isinstance(item, Statistic):
        return statistic(item, threshold)
    assert isinstance(item, Count)
    if item.whole is None:
        return count(item.value, threshold)
    return part_of(item.value, item.whole, threshold)


def count(value: int, threshold: int) -> str:
    return f"<{threshold}" if 0 < value < threshold else str(value)


def part_of(part: int, whole: int, threshold: int) -> str:
    """ "7 av 12"; the part hidden when it is small, or when the rest (whole - part) is."""
    if 0 < part < threshold:
        shown = f"<{threshold}"
    elif 0 < whole - part < threshold:
        shown = SECONDARY
    else:
        shown = str(part)
    return sv.OF.format(part=shown, whole=count(whole, threshold))


def statistic(item: Statistic, threshold: int) -> str:
    if item.value is None or item.n == 0:
        return sv.NOT_APPLICABLE
    if item.n < threshold:
        return f"{sv.HIDDEN_STATISTIC} (n<{threshold})"
    sign = "+" if item.signed and item.value > 0 else ""
    return f"{sign}{decimal_text(item.value)}{item.unit}"


def decimal_text(value: Decimal) -> str:
    return str(value).replace(".", ",").replace("-", "−")


def _table(item: Breakdown, threshold: int) -> ShownTable:
    grid = suppress(item.table, threshold)
    return ShownTable(
        item.caption, tuple(tuple(str(cell) for cell in row) for row in grid), item.counts
    )
