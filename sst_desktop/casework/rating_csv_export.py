"""Exporting ratings to the CSV (docs/ratings-csv.md): one case's, or every case's the actor may
see, as the Ratings tab shows them (the same read rule, the same totals), keyed by the case
reference and the guardian's number, never a name or an identity number.

The file is personal data leaving the encrypted profile, so it is written only where the user
asks, after one audit event (ids and counts) is committed, and atomically beside the target;
no other copy is made.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from sqlalchemy import or_, select

from sst_desktop.casework import access, rating_service
from sst_desktop.casework.context import ServiceContext
from sst_desktop.casework.rating_csv import FORMAT_INSTRUMENTS, CsvRating, render_ratings_csv
from sst_desktop.casework.rating_queries import RatingRow, case_ratings
from sst_desktop.instruments import Catalogue, shipped_catalogue
from sst_desktop.models.case import Case, CaseAssignment
from sst_desktop.reports.followup_file import write_export


@dataclass(frozen=True)
class ExportResult:
    """What the caller may show: counts only."""

    cases: int  # cases with at least one rating in the file
    ratings: int
    left_out: int  # forms this format does not hold (SDQ, YCORS, the Signs of Safety scale)
    withheld: int  # records of those cases the actor may not read


def export_ratings(
    ctx: ServiceContext,
    path: Path,
    *,
    case: str | None = None,
    catalogue: Catalogue | None = None,
) -> ExportResult:
    """The case's ratings (its reference or id), or with no case every case's the actor may
    see, written to ``path``."""
    rows, result, case_ids = collect_ratings(ctx, case=case, catalogue=catalogue)
    with ctx.unit_of_work() as uow:
        uow.audit(
            "export",
            "ratings",
            None,
            case_ids[0] if case and case_ids else None,
            format="csv",
            cases=result.cases,
            ratings=result.ratings,
            left_out=result.left_out,
            withheld=result.withheld,
            case_ids=case_ids,
        )
        uow.commit()
    write_export(path, render_ratings_csv(rows))
    return result


def collect_ratings(
    ctx: ServiceContext, *, case: str | None = None, catalogue: Catalogue | None = None
) -> tuple[list[CsvRating], ExportResult, list[str]]:
    """The file's rows (by case reference, then date), the counts, and the exported cases' ids."""
    chosen = catalogue or shipped_catalogue()
    rows: list[CsvRating] = []
    left_out = withheld = 0
    case_ids: list[str] = []
    for case_id, reference in _cases(ctx, case):
        ratings = case_ratings(ctx, case_id, catalogue=chosen)
        withheld += ratings.withheld
        own = [_csv_row(reference, row) for row in ratings.rows]
        left_out += sum(1 for row in own if row is None)
        kept = [row for row in own if row is not None]
        if kept:
            case_ids.append(case_id)
            rows += kept
    rows.sort(key=_order)
    return rows, ExportResult(len(case_ids), len(rows), left_out, withheld), sorted(case_ids)


def _cases(ctx: ServiceContext, wanted: str | None) -> list[tuple[str, str]]:
    """Id and reference of the case asked for, or of every case the actor may see."""
    with ctx.unit_of_work() as uow:
        if wanted is not None:
            found = rating_service.find_visible_case(uow, ctx, wanted)
            return [(found.id, found.reference)]
        mine = select(CaseAssignment.case_id).where(
            CaseAssignment.staff_id == ctx.actor.staff_id, CaseAssignment.ended_on.is_(None)
        )
        candidates = uow.session.scalars(
            select(Case).where(
                Case.deleted.is_(False),
                or_(Case.team_id == ctx.actor.team_id, Case.id.in_(mine)),
            )
        )
        return [
            (c.id, c.reference)
            for c in candidates
            if access.case_visible(ctx.actor, access.case_scope(uow, c))
        ]


def _csv_row(reference: str, row: RatingRow) -> CsvRating | None:
    if row.instrument not in FORMAT_INSTRUMENTS or not row.family:
        return None
    total = row.scores.get("total")
    return CsvRating(
        case_ref=reference,
        rated_on=row.rated_on,
        instrument=row.instrument,
        respondent=row.respondent,
        guardian=row.guardian_number,
        session=row.session_number,
        entry=row.entry,
        skipped=row.skipped,
        items=dict(row.items),
        total=total if isinstance(total, Decimal) else None,
    )


def _order(row: CsvRating) -> tuple[str, str, str, str, int, int]:
    return (
        row.case_ref,
        row.rated_on.isoformat(),
        row.instrument,
        row.respondent,
        row.guardian or 0,
        row.session or 0,
    )
