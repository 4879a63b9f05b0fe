"""Small-cell suppression for the summary tables (domain.md: 28 students in two districts
re-identify; 000:L341).

A count from 1 to ``threshold - 1`` is shown as ``<threshold`` (primary suppression). A table's
rows and its total row add up, so a single hidden count in a line with its total could be worked
out by subtraction; whenever a line (its cells and its total) holds exactly one hidden entry, the
smallest other non-zero count in it is hidden too and shown as ``..`` (secondary suppression),
until no line has exactly one. Zeros are shown: an empty category says nothing a reader could
not see from the others, and hiding them would make every table unreadable.
"""

from __future__ import annotations

from dataclasses import dataclass

SECONDARY = ".."


@dataclass(frozen=True)
class CountTable:
    title: str
    row_header: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, tuple[int, ...]], ...]
    # True when the columns split each row's total (then a "Totalt" column is added).
    columns_partition: bool = True
    total_row: bool = True
    # The total row when it is not the sum of the rows (unique individuals over districts).
    totals: tuple[int, ...] | None = None


def suppress(table: CountTable, threshold: int) -> list[list[str | int]]:
    """The table with its total row (and total column) and every count to hide hidden; the
    first row holds the headers."""
    grid = _with_totals(table)
    hidden = {
        (i, j): "primary"
        for i, line in enumerate(grid)
        for j, value in enumerate(line)
        if 0 < value < threshold
    }
    _hide_secondary(grid, hidden, table)
    return [_header(table), *_render(table, grid, hidden, threshold)]


def _with_totals(table: CountTable) -> list[list[int]]:
    grid = [list(counts) for _label, counts in table.rows]
    if table.columns_partition:
        grid = [[*line, sum(line)] for line in grid]
    if table.total_row:
        width = len(table.columns) + (1 if table.columns_partition else 0)
        sums = [sum(line[j] for line in grid) for j in range(width)]
        grid.append(list(table.totals) if table.totals is not None else sums)
    return grid


def _lines(grid: list[list[int]], table: CountTable) -> list[list[tuple[int, int]]]:
    """Each line's positions with its total last: every column when there is a total row, and
    every row when the columns split the row total."""
    height, width = len(grid), len(grid[0]) if grid else 0
    lines = [[(i, j) for i in range(height)] for j in range(width)] if table.total_row else []
    if table.columns_partition:
        lines += [[(i, j) for j in range(width)] for i in range(height)]
    return lines


def _hide_secondary(
    grid: list[list[int]], hidden: dict[tuple[int, int], str], table: CountTable
) -> None:
    changed = True
    while changed:
        changed = False
        for line in _lines(grid, table):
            if sum(1 for pos in line if pos in hidden) != 1:
                continue
            candidates = [p for p in line[:-1] if p not in hidden and grid[p[0]][p[1]] > 0]
            if not candidates:
                candidates = [p for p in line if p not in hidden]
            if candidates:
                chosen = min(candidates, key=lambda p: grid[p[0]][p[1]])
                hidden[chosen] = "secondary"
                changed = True


def _header(table: CountTable) -> list[str | int]:
    total = ["Totalt"] if table.columns_partition else []
    return [table.row_header, *table.columns, *total]


def _render(
    table: CountTable,
    grid: list[list[int]],
    hidden: dict[tuple[int, int], str],
    threshold: int,
) -> list[list[str | int]]:
    labels = [label for label, _counts in table.rows] + (["Totalt"] if table.total_row else [])
    out: list[list[str | int]] = []
    for i, line in enumerate(grid):
        cells: list[str | int] = [labels[i]]
        for j, value in enumerate(line):
            kind = hidden.get((i, j))
            cells.append(
                value if kind is None else f"<{threshold}" if kind == "primary" else SECONDARY
            )
        out.append(cells)
    return out
