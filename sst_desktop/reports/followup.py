"""The follow-up file (issue 7; domain.md, What the programme reports): one row per episode of
the user's team, without name, identity number, address or database id, keyed by a pseudonym
that holds within one export only, with the column dictionary and a summary whose small counts
are suppressed. XLSX (three sheets) or CSV (the data sheet).

``export_followup`` reads, writes one audit event and commits it before a byte is written (an
export the audit does not know of must not exist), then writes the file atomically.
"""

from __future__ import annotations

import random
import secrets
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from sst_desktop.casework.context import ServiceContext
from sst_desktop.errors import ValidationError, error_code
from sst_desktop.models.plan import ToolboxItem
from sst_desktop.reports import followup_labels as sv
from sst_desktop.reports.followup_columns import Column, columns
from sst_desktop.reports.followup_csv import render_csv
from sst_desktop.reports.followup_facts import EpisodeFacts
from sst_desktop.reports.followup_file import write_export
from sst_desktop.reports.followup_load import Period, load_episodes
from sst_desktop.reports.followup_redact import load_redactor
from sst_desktop.reports.followup_rows import Cell, Row, RowContext, build_row
from sst_desktop.reports.followup_summary import Summary, summarise
from sst_desktop.reports.followup_xlsx import render_xlsx
from sst_desktop.store.unit_of_work import UnitOfWork

FORMATS = ("xlsx", "csv")
DEFAULT_SMALL_CELL_THRESHOLD = 5
UNKNOWN_FORMAT = error_code(
    "export.format", "Cannot tell the file type from '{suffix}'; name the file .xlsx or .csv."
)


@dataclass(frozen=True)
class FollowupOptions:
    by_school: bool = False
    period: Period = field(default_factory=Period)
    free_text: bool = False
    small_cell_threshold: int = DEFAULT_SMALL_CELL_THRESHOLD


@dataclass(frozen=True)
class FollowupTable:
    columns: list[Column]
    rows: list[Row]
    summary: Summary


@dataclass(frozen=True)
class FollowupResult:
    """What the caller may show: counts only."""

    format: str
    episodes: int
    individuals: int
    re_referred: int
    withheld: int


def format_for(path: Path, requested: str | None = None) -> str:
    chosen = requested or path.suffix.lower().lstrip(".")
    if chosen not in FORMATS:
        raise ValidationError(UNKNOWN_FORMAT, suffix=path.suffix or requested or "")
    return chosen


def export_followup(
    ctx: ServiceContext,
    path: Path,
    options: FollowupOptions,
    *,
    fmt: str | None = None,
    rng: random.Random | None = None,
) -> FollowupResult:
    chosen = format_for(path, fmt)
    table = build_followup(ctx, options, fmt=chosen, rng=rng)
    if chosen == "csv":
        data = render_csv(table.columns, table.rows)
    else:
        blocks: list[tuple[str, Sequence[Sequence[Cell]]]] = [
            _about(ctx, options),
            *table.summary.tables,
        ]
        data = render_xlsx(table.columns, table.rows, blocks, ctx.clock.now())
    write_export(path, data)
    s = table.summary
    return FollowupResult(chosen, s.episodes, s.individuals, s.re_referred, s.withheld)


def build_followup(
    ctx: ServiceContext, options: FollowupOptions, *, fmt: str, rng: random.Random | None = None
) -> FollowupTable:
    """Read the episodes, audit the export (committed), and make the rows and the summary."""
    today = ctx.clock.today()
    with ctx.unit_of_work() as uow:
        episodes = load_episodes(uow, ctx.actor, options.period, today)
        row_context = RowContext(
            today,
            options.free_text,
            load_redactor(uow),
            _toolbox(uow),
            _follow_up_months(ctx, episodes),
        )
        _audit(uow, options, fmt, episodes)
        uow.commit()
    rows = _rows(episodes, row_context, rng or secrets.SystemRandom())
    place = "school" if options.by_school else "district"
    summary = summarise(rows, place_key=place, threshold=options.small_cell_threshold)
    cols = columns(by_school=options.by_school, follow_up_months=row_context.follow_up_months)
    return FollowupTable(cols, rows, summary)


def pseudonyms(individuals: Sequence[str], rng: random.Random) -> dict[str, str]:
    """P0001... in a random order drawn for this export: the same student gets another
    pseudonym next time, and the numbering says nothing about when a case was created."""
    keys = sorted(set(individuals))
    rng.shuffle(keys)
    width = max(4, len(str(len(keys))))
    return {key: f"P{n:0{width}d}" for n, key in enumerate(keys, start=1)}


def _rows(episodes: list[EpisodeFacts], ctx: RowContext, rng: random.Random) -> list[Row]:
    names = pseudonyms([e.individual for e in episodes], rng)
    by_individual: dict[str, list[EpisodeFacts]] = defaultdict(list)
    for facts in episodes:
        by_individual[facts.individual].append(facts)
    rows = []
    for key, own in by_individual.items():
        own.sort(key=lambda f: (f.opened_on, f.started_on))
        rows += [build_row(f, names[key], n, ctx) for n, f in enumerate(own, start=1)]
    return sorted(rows, key=lambda r: (str(r["individual"]), int(r["episode"] or 0)))


def _toolbox(uow: UnitOfWork) -> dict[str, str]:
    rows = uow.session.execute(select(ToolboxItem.code, ToolboxItem.label_sv))
    return {code: label for code, label in rows}


def _follow_up_months(ctx: ServiceContext, episodes: list[EpisodeFacts]) -> list[int]:
    """Every follow-up the programme rules schedule, and any the records hold."""
    months = {m for entry in ctx.rules.entries for m in entry.follow_up_months}
    months |= {f.months_after for e in episodes for f in e.follow_ups}
    return sorted(months)


def _audit(
    uow: UnitOfWork, options: FollowupOptions, fmt: str, episodes: list[EpisodeFacts]
) -> None:
    period = options.period
    uow.audit(
        "export",
        "followup_file",
        None,
        None,
        format=fmt,
        by="school" if options.by_school else "district",
        free_text=options.free_text,
        period_start=period.start.isoformat() if period.start else None,
        period_end=period.end.isoformat() if period.end else None,
        episodes=len(episodes),
        withheld=sum(e.withheld for e in episodes),
        case_ids=sorted(e.case_id for e in episodes),
    )


def _about(ctx: ServiceContext, options: FollowupOptions) -> tuple[str, list[list[Cell]]]:
    period = options.period
    t = options.small_cell_threshold
    lines: list[list[Cell]] = [
        ["Uppgift", "Värde"],
        ["Framtagen", ctx.clock.today().isoformat()],
        ["Period från", period.start.isoformat() if period.start else "alla"],
        ["Period till", period.end.isoformat() if period.end else "alla"],
        ["Indelning", "skola" if options.by_school else "stadsdel"],
        ["Fritext", "ingår, maskerad" if options.free_text else "ingår inte"],
        ["Små tal", f"1–{t - 1} visas som <{t}; '..' döljer ett tal som annars kan räknas fram"],
        ["Urval", "insatser i användarens team som har startat; en rad per insatsomgång"],
        ["Saknas", sv.MISSING + " = uppgiften finns inte i ärendet"],
    ]
    return ("Om filen", lines)
