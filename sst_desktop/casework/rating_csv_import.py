"""Importing a ratings CSV into one case: every row is checked first, by the format and then by
the rules a rating made in a session passes (``rating_service.check_rating``: the form for the
student's age on the date, answers in range, the guardian of this student), and every bad row
is reported with its line; only a file without one is written, in one transaction.

Imported ratings are marked ``imported``; a totals-only row keeps its total in
``imported_scores``. A row the case already holds (same form, respondent, guardian and date, the
same scores) is a duplicate and skipped, so the same file can be imported again.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select

from sst_desktop.casework import access, rating_service
from sst_desktop.casework.context import ServiceContext
from sst_desktop.casework.rating_csv import (
    CsvRating,
    RatingCsvError,
    RowProblem,
    read_ratings_csv,
)
from sst_desktop.casework.rating_service import RatingSessionInput
from sst_desktop.errors import SstError, ValidationError, error_code
from sst_desktop.instruments import AnswerError, Catalogue, Definition, shipped_catalogue
from sst_desktop.instruments.answers import resolve_respondent
from sst_desktop.instruments.schema import LineTotal
from sst_desktop.instruments.scoring import line_total
from sst_desktop.models.case import Case
from sst_desktop.models.closure import Rating
from sst_desktop.store.unit_of_work import UnitOfWork
from sst_rules.enums import RatingEntry

OTHER_CASE = error_code(
    "rating_csv.other_case",
    "case_ref is another case than the one imported into ({expected}); empty it or import the "
    "row into its own case.",
)
WRONG_FORM = error_code(
    "rating_csv.wrong_form",
    "{instrument} is not the form for the student's age on that date; {chosen} is.",
)
GUARDIAN_EMPTY = error_code(
    "rating_csv.guardian_empty",
    "guardian is empty: a parent's rating says which guardian (1, 2...).",
)
GUARDIAN_NOT_PARENT = error_code(
    "rating_csv.guardian_not_parent", "guardian is only filled in for a parent's rating."
)
NO_GUARDIAN = error_code("rating_csv.no_guardian", "The student has no guardian {number} recorded.")
TOTAL_MISMATCH = error_code(
    "rating_csv.total_mismatch",
    "total is not the sum of the items in cm; leave it empty and it is worked out.",
)

Key = tuple[str, str, str | None, date]  # instrument, respondent, guardian id, date
Signature = tuple[object, ...]


@dataclass(frozen=True)
class PlannedRating:
    """A row of the file as the import reads it; ``duplicate`` ones are not written."""

    line: int
    rated_on: date
    instrument: str
    respondent: str
    guardian: int | None
    kind: str  # items, total (totals-only) or skipped
    total: Decimal | None
    duplicate: bool


@dataclass(frozen=True)
class ImportResult:
    case_reference: str
    rows: tuple[PlannedRating, ...]
    dry_run: bool

    @property
    def written(self) -> int:
        """Written, or with a dry run, that would be."""
        return sum(1 for row in self.rows if not row.duplicate)

    @property
    def duplicates(self) -> int:
        return sum(1 for row in self.rows if row.duplicate)


@dataclass(frozen=True)
class _Checked:
    row: CsvRating
    data: RatingSessionInput
    definition: Definition
    planned: PlannedRating


def import_ratings(
    ctx: ServiceContext,
    case: str,
    data: bytes,
    *,
    dry_run: bool = False,
    catalogue: Catalogue | None = None,
) -> ImportResult:
    """Import the file into the case (its reference or id). A dry run checks everything and
    says what would be written, and writes nothing."""
    chosen = catalogue or shipped_catalogue()
    rows, problems = read_ratings_csv(data)
    with ctx.unit_of_work() as uow:
        target = rating_service.find_visible_case(uow, ctx, case)
        checker = _Checker(uow, ctx, target, chosen)
        checked = []
        for row in rows:
            try:
                checked.append(checker.check(row))
            except SstError as err:
                problems.append(RowProblem(row.line, err))
        if problems:
            raise RatingCsvError(problems)
        result = ImportResult(target.reference, tuple(c.planned for c in checked), dry_run)
        if not dry_run:
            _write(uow, ctx, target, checked, chosen)
            uow.audit(
                "import",
                "ratings",
                None,
                target.id,
                format="csv",
                rows=len(checked),
                written=result.written,
                duplicates=result.duplicates,
            )
            uow.commit()
    return result


def _write(
    uow: UnitOfWork,
    ctx: ServiceContext,
    case: Case,
    checked: list[_Checked],
    catalogue: Catalogue,
) -> None:
    """Oldest first, so that a row without a session number follows the ones before it."""
    for item in sorted(checked, key=lambda c: (c.row.rated_on, c.row.line)):
        if not item.planned.duplicate:
            rating_service.add_rating(
                uow,
                ctx,
                case,
                item.definition,
                item.data,
                catalogue,
                session_number=item.row.session,
            )


class _Checker:
    """Checks rows one by one against the case, remembering what it holds and what the file
    has brought so far (a row twice in the file is a duplicate the second time)."""

    def __init__(
        self, uow: UnitOfWork, ctx: ServiceContext, case: Case, catalogue: Catalogue
    ) -> None:
        self.uow, self.ctx, self.case, self.catalogue = uow, ctx, case, catalogue
        student = case.student_id
        self.guardians = rating_service.guardians_by_number(uow, student) if student else {}
        self.held: dict[Key, set[Signature]] = defaultdict(set)
        for rating in _readable_ratings(uow, ctx, case):
            self._remember(rating.instrument, rating.respondent, rating.guardian_id, rating)

    def check(self, row: CsvRating) -> _Checked:
        if row.case_ref and row.case_ref != self.case.reference:
            raise ValidationError(OTHER_CASE, expected=self.case.reference)
        in_file = self.catalogue.get(row.instrument)
        resolve_respondent(in_file, row.respondent)
        data = RatingSessionInput(
            family=in_file.family,
            respondent=row.respondent,
            rated_on=row.rated_on,
            answers=dict(row.items),
            entry=RatingEntry.IMPORTED,
            guardian_id=self._guardian(row),
            skipped=row.skipped,
            imported_scores=_imported(row),
        )
        definition = rating_service.check_rating(
            self.uow, self.ctx, self.case, data, self.catalogue
        )
        if definition.id != row.instrument:
            raise ValidationError(WRONG_FORM, instrument=row.instrument, chosen=definition.id)
        total = self._total(definition, row)
        key: Key = (row.instrument, row.respondent, data.guardian_id, row.rated_on)
        wanted = _wanted(row, total)
        duplicate = bool(wanted & self.held[key])
        if not duplicate:
            self.held[key] |= _held(row.skipped, row.items, total, row.totals_only)
        kind = "skipped" if row.skipped else ("total" if row.totals_only else "items")
        planned = PlannedRating(
            row.line,
            row.rated_on,
            row.instrument,
            row.respondent,
            row.guardian,
            kind,
            total,
            duplicate,
        )
        return _Checked(row, data, definition, planned)

    def _guardian(self, row: CsvRating) -> str | None:
        if row.guardian is None:
            if row.respondent == "parent":
                raise ValidationError(GUARDIAN_EMPTY)
            return None
        if row.respondent != "parent":
            raise ValidationError(GUARDIAN_NOT_PARENT)
        guardian_id = self.guardians.get(row.guardian)
        if guardian_id is None:
            raise ValidationError(NO_GUARDIAN, number=row.guardian)
        return guardian_id

    def _total(self, definition: Definition, row: CsvRating) -> Decimal | None:
        """The row's total: worked out from its items (a total given beside them must agree),
        or the one it brought alone."""
        if not row.items:
            return row.total
        derived = _line_total(definition, row.respondent, row.items)
        if row.total is not None and row.total != derived:
            raise ValidationError(TOTAL_MISMATCH)
        return derived

    def _remember(
        self, instrument: str, respondent: str, guardian_id: str | None, rating: Rating
    ) -> None:
        try:
            definition = self.catalogue.get(instrument, int(rating.instrument_version))
        except (AnswerError, ValueError):
            return  # a form this version does not know cannot be in the file either
        items = dict(rating.item_scores)
        imported = rating.imported_scores or {}
        if items:
            total = _line_total(definition, respondent, items)
        else:
            total = Decimal(str(imported["total"])) if "total" in imported else None
        key: Key = (instrument, respondent, guardian_id, rating.rated_on)
        self.held[key] |= _held(rating.skipped, items, total, not items and total is not None)


def _imported(row: CsvRating) -> dict[str, Decimal] | None:
    """A totals-only row's total (0 is a total like any other; an empty cell is none)."""
    return {"total": row.total} if row.totals_only and row.total is not None else None


def _line_total(definition: Definition, respondent: str, items: dict[str, int]) -> Decimal | None:
    """The total of a line form's items in cm; None for a stored form that cannot be scored."""
    if not isinstance(definition.scoring, LineTotal):
        return None
    try:
        return line_total(definition, respondent, items)
    except AnswerError:
        return None


def _held(
    skipped: bool, items: dict[str, int], total: Decimal | None, totals_only: bool
) -> set[Signature]:
    """What a rating's scores match: its items exactly; a totals-only rating its total."""
    if skipped:
        return {("skipped",)}
    found: set[Signature] = {("total", total)} if total is not None else set()
    if items:
        found.add(("items", frozenset(items.items())))
    if totals_only:
        found.add(("totals_only", total))
    return found


def _wanted(row: CsvRating, total: Decimal | None) -> set[Signature]:
    """A row is a duplicate of a rating with the same items, or, with a total alone, of one with
    the same total; a row with items also of a totals-only rating with the same total."""
    if row.skipped:
        return {("skipped",)}
    if row.totals_only:
        return {("total", total)}
    return {("items", frozenset(row.items.items())), ("totals_only", total)}


def _readable_ratings(uow: UnitOfWork, ctx: ServiceContext, case: Case) -> list[Rating]:
    """The case's current ratings that the actor may read: a duplicate of one they may not
    read is written, so the import never tells them it exists."""
    held = list(
        uow.session.scalars(
            select(Rating).where(Rating.case_id == case.id, Rating.deleted.is_(False))
        )
    )
    replaced = {r.supersedes_id for r in held if r.supersedes_id}
    current: Iterable[Rating] = (r for r in held if r.id not in replaced)
    scope = access.case_scope(uow, case)
    consents = access.consent_scopes(uow, case.id)
    readable, _withheld = access.readable(
        ctx.actor, list(current), scope, consents, ctx.clock.today()
    )
    return readable
