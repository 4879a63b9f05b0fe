"""A case's ratings as the actor may see them, scored by the instrument engine: every form with
its scores and bands, each respondent's series with its signals and change, and the school's
absence and participation for the same time axis. Reading is audited.

A rating imported by its total alone (a FIT platform's CSV without the answers) takes its place
in its series with that total: no items and no item bands, but it counts for the signals and
the change like any other form."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select

from sst_desktop.casework import access
from sst_desktop.casework.context import ServiceContext, get_or_fail
from sst_desktop.charts.rating_chart_data import SchoolPoint
from sst_desktop.errors import NotAllowedError
from sst_desktop.instruments import Catalogue, Definition, Signal, shipped_catalogue
from sst_desktop.instruments.age import age_on
from sst_desktop.instruments.answers import check_answers
from sst_desktop.instruments.change import series_change
from sst_desktop.instruments.errors import AnswerError
from sst_desktop.instruments.norms import Bands, bands_for, norm_for
from sst_desktop.instruments.schema import Norm
from sst_desktop.instruments.scoring import Scores, compute_scores
from sst_desktop.instruments.signals import series_signals
from sst_desktop.models.case import Case
from sst_desktop.models.closure import Rating
from sst_desktop.models.people import Student
from sst_desktop.models.school_outcomes import AbsenceRecord, ParticipationRecord
from sst_desktop.store.unit_of_work import UnitOfWork
from sst_rules.enums import AbsenceMeasure, RatingEntry

from .rating_service import NOT_YOUR_CASE, guardian_numbers

# Ratings written before the instrument engine (demo data, schema 0001-0006) named the form
# and the respondent differently.
_LEGACY_RESPONDENT = {"student": "self", "guardian": "parent"}


@dataclass(frozen=True)
class RatingRow:
    rating_id: str
    rated_on: date
    instrument: str  # the definition's id: ors, srs, sdq...
    version: int
    family: str  # outcome, session, sdq...: empty when the instrument is unknown here
    respondent: str  # self, parent, teacher
    guardian_number: int | None  # 1 for the student's first guardian, when a parent rated
    entry: RatingEntry
    skipped: bool
    contact_id: str | None
    session: int | None  # place in its series, 1 first; None when skipped or unscorable
    items: dict[str, int]
    scores: Scores
    bands: Bands
    session_number: int | None = None  # as recorded: counts the sessions it was skipped in too

    @property
    def series_key(self) -> str:
        guardian = f":{self.guardian_number}" if self.guardian_number else ""
        return f"{self.instrument}:{self.respondent}{guardian}"


@dataclass(frozen=True)
class RatingSeries:
    key: str
    definition: Definition
    respondent: str
    guardian_number: int | None
    rows: tuple[RatingRow, ...]  # scored forms, oldest first
    signals: tuple[Signal, ...]
    change: str | None
    cutoffs: dict[str, Decimal]
    reliable_change: dict[str, Decimal]

    def current_signals(self) -> tuple[Signal, ...]:
        """The signals of the latest session: what the team should act on now."""
        last = len(self.rows)
        return tuple(s for s in self.signals if s.session == last)


@dataclass(frozen=True)
class CaseRatings:
    case_id: str
    birth_date: date | None
    rows: tuple[RatingRow, ...]  # every visible rating, newest first, skipped ones too
    series: tuple[RatingSeries, ...]
    school: tuple[SchoolPoint, ...]
    withheld: int  # ratings the actor may not read (the other authority, no consent)
    guardian_ids: tuple[str, ...] = ()  # the student's guardians: "Guardian 1" is the first


def case_ratings(
    ctx: ServiceContext, case_id: str, *, catalogue: Catalogue | None = None
) -> CaseRatings:
    with ctx.unit_of_work() as uow:
        case: Case = get_or_fail(uow, Case, case_id)
        scope = access.case_scope(uow, case)
        if not access.case_visible(ctx.actor, scope):
            raise NotAllowedError(NOT_YOUR_CASE)
        consents = access.consent_scopes(uow, case.id)
        records = rating_records(uow, case.id)
        visible, withheld = access.readable(ctx.actor, records, scope, consents, ctx.clock.today())
        result = ratings_of(uow, case, visible, withheld, catalogue or shipped_catalogue())
        uow.audit("view", "ratings", None, case.id, records=len(result.rows), withheld=withheld)
        uow.commit()
    return result


def rating_records(uow: UnitOfWork, case_id: str) -> list[Any]:
    """What ``ratings_of`` reads, before the read rule: the ratings no correction replaced and
    the school's figures (for a caller that reads them in its own transaction)."""
    return [*_current(uow, case_id), *_school_records(uow, case_id)]


def ratings_of(
    uow: UnitOfWork, case: Case, visible: list[Any], withheld: int, catalogue: Catalogue
) -> CaseRatings:
    """The case's ratings scored, from records the actor may read (``access.readable``)."""
    student = uow.session.get(Student, case.student_id) if case.student_id else None
    birth = student.birth_date if student else None
    guardians = guardian_numbers(uow, {case.student_id}).get(case.student_id or "", {})
    ratings = [r for r in visible if isinstance(r, Rating)]
    series = scored_series(catalogue, ratings, guardians, birth)
    rows = _rows(catalogue, ratings, guardians, series)
    school = _school_points(
        [r for r in visible if isinstance(r, AbsenceRecord | ParticipationRecord)]
    )
    return CaseRatings(case.id, birth, rows, tuple(series), school, withheld, tuple(guardians))


def _current(uow: UnitOfWork, case_id: str) -> list[Rating]:
    return unreplaced(
        uow.session.scalars(
            select(Rating).where(Rating.case_id == case_id, Rating.deleted.is_(False))
        )
    )


def unreplaced(ratings: Iterable[Rating]) -> list[Rating]:
    """The ratings that no correction has replaced."""
    held = list(ratings)
    replaced = {r.supersedes_id for r in held if r.supersedes_id}
    return [r for r in held if r.id not in replaced]


def _school_records(uow: UnitOfWork, case_id: str) -> list[Any]:
    return [
        *uow.session.scalars(
            select(AbsenceRecord).where(
                AbsenceRecord.case_id == case_id,
                AbsenceRecord.deleted.is_(False),
                AbsenceRecord.measure == AbsenceMeasure.TOTAL,
            )
        ),
        *uow.session.scalars(
            select(ParticipationRecord).where(
                ParticipationRecord.case_id == case_id, ParticipationRecord.deleted.is_(False)
            )
        ),
    ]


def _identity(catalogue: Catalogue, rating: Rating) -> tuple[Definition | None, str]:
    respondent = _LEGACY_RESPONDENT.get(rating.respondent, rating.respondent)
    try:
        version = int(rating.instrument_version)
        definition = catalogue.get(rating.instrument.lower(), version)
    except (AnswerError, ValueError):
        return None, respondent  # a form this version does not know: shown, not scored
    return definition, respondent


def _chronological(ratings: Iterable[Rating]) -> list[Rating]:
    return sorted(ratings, key=lambda r: (r.rated_on, r.session_number or 0, r.created_at))


def scored_series(
    catalogue: Catalogue,
    ratings: list[Rating],
    guardians: dict[str, int],
    birth: date | None,
) -> list[RatingSeries]:
    """One case's ratings (``unreplaced``) scored as a series per instrument and respondent."""
    groups: dict[tuple[str, int, str, int | None], list[Rating]] = defaultdict(list)
    scored = (r for r in ratings if not r.skipped and (r.item_scores or r.imported_scores))
    for rating in _chronological(scored):
        definition, respondent = _identity(catalogue, rating)
        if definition is not None and definition.scoring.method != "not_scored":
            number = guardians.get(rating.guardian_id) if rating.guardian_id else None
            groups[(definition.id, definition.version, respondent, number)].append(rating)
    series = []
    for (instrument, version, respondent, number), forms in groups.items():
        definition = catalogue.get(instrument, version)
        age = age_on(birth, forms[-1].rated_on) if birth else None
        series.append(_series(definition, respondent, number, forms, age))
    return sorted(series, key=lambda s: (s.definition.family, s.key))


def _series(
    definition: Definition,
    respondent: str,
    number: int | None,
    forms: list[Rating],
    age: int | None,
) -> RatingSeries:
    norm = _norm(definition, respondent, age)
    scored = [_form(definition, respondent, norm, rating) for rating in forms]
    series = [scores for scores, _bands in scored]
    guardian = f":{number}" if number else ""
    rows = tuple(
        _row(rating, definition, respondent, number, n, scores, bands)
        for n, (rating, (scores, bands)) in enumerate(zip(forms, scored, strict=True), start=1)
    )
    return RatingSeries(
        key=f"{definition.id}:{respondent}{guardian}",
        definition=definition,
        respondent=respondent,
        guardian_number=number,
        rows=rows,
        signals=tuple(series_signals(definition, norm, series)),
        change=series_change(definition, norm, series),
        cutoffs=dict(norm.cutoffs) if norm else {},
        reliable_change=dict(norm.reliable_change) if norm else {},
    )


def _norm(definition: Definition, respondent: str, age: int | None) -> Norm | None:
    """The age group's cut-offs; without a date of birth, none where they differ by age (the
    totals are shown, the bands and signals that need the age are not)."""
    try:
        return norm_for(definition, respondent, age)
    except AnswerError:
        return None


def _form(
    definition: Definition, respondent: str, norm: Norm | None, rating: Rating
) -> tuple[Scores, Bands]:
    """A form's scores and bands: from its answers by the engine, or from the totals it was
    imported with (``imported_scores``, exact decimals kept as text)."""
    if rating.item_scores:
        checked = check_answers(definition, respondent, rating.item_scores)
        scores = compute_scores(definition, respondent, checked)
        return scores, bands_for(norm, scores)
    imported: Scores = {k: Decimal(str(v)) for k, v in (rating.imported_scores or {}).items()}
    return imported, bands_for(norm, imported)


def _row(
    rating: Rating,
    definition: Definition | None,
    respondent: str,
    number: int | None,
    session: int | None,
    scores: Scores,
    bands: Bands,
) -> RatingRow:
    return RatingRow(
        rating_id=rating.id,
        rated_on=rating.rated_on,
        instrument=definition.id if definition else rating.instrument,
        version=definition.version if definition else 0,
        family=definition.family if definition else "",
        respondent=respondent,
        guardian_number=number,
        entry=rating.entry,
        skipped=rating.skipped,
        contact_id=rating.contact_id,
        session=session,
        items=dict(rating.item_scores),
        scores=scores,
        bands=bands,
        session_number=rating.session_number,
    )


def _rows(
    catalogue: Catalogue,
    ratings: list[Rating],
    guardians: dict[str, int],
    series: list[RatingSeries],
) -> tuple[RatingRow, ...]:
    scored = {row.rating_id: row for s in series for row in s.rows}
    rows = []
    for rating in ratings:
        if rating.id in scored:
            rows.append(scored[rating.id])
            continue
        definition, respondent = _identity(catalogue, rating)
        number = guardians.get(rating.guardian_id) if rating.guardian_id else None
        rows.append(_row(rating, definition, respondent, number, None, {}, {}))
    return tuple(sorted(rows, key=lambda r: (r.rated_on, r.session or 0), reverse=True))


def _school_points(records: list[Any]) -> tuple[SchoolPoint, ...]:
    points = []
    for record in records:
        if isinstance(record, AbsenceRecord):
            percent = Decimal(str(record.percent)).quantize(Decimal("0.1"))
            points.append(SchoolPoint(record.period_start, record.period_end, percent))
        elif isinstance(record, ParticipationRecord):
            on = record.assessed_on
            points.append(SchoolPoint(on, on, participation=record.level.rank))
    return tuple(sorted(points, key=lambda p: (p.start, p.end)))
