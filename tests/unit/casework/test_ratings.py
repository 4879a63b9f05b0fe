"""Ratings in a session on a real SQLCipher file: the version chosen by age, answers checked
before anything is written, totals derived on reading, series with their signals, corrections
that supersede, and what the other authority may not read."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from sst_desktop.casework import (
    rating_queries,
    rating_service,
    referral_service,
    student_service,
    support_service,
)
from sst_desktop.casework.rating_service import RatingSessionInput
from sst_desktop.errors import NotAllowedError, ValidationError
from sst_desktop.models.audit import AuditEvent
from sst_desktop.models.case import Case
from sst_desktop.models.closure import Rating
from sst_rules.enums import AbsenceMeasure, ContactKind, RatingEntry
from tests.unit.casework.test_sst_workflow import family_yes, request

ORS_ITEMS = ("individual", "interpersonal", "social", "overall")
SRS_ITEMS = ("relationship", "goals", "approach", "overall")
DAY = date(2026, 2, 2)


def line(values: tuple[int, int, int, int], items=ORS_ITEMS) -> dict[str, int]:
    return dict(zip(items, values, strict=True))


@pytest.fixture
def case_id(world) -> str:
    """An SST case of a student born 2012-03-14 (13 on the rating dates: ORS, not CORS)."""
    request_id, case = request(world)
    referral_service.decide_referral_request(world.worker, request_id, accept=True)
    family_yes(world, case)
    referral_service.link_student(world.worker, case, world.student())
    return case


def rate(world, case_id, answers, *, on=DAY, family="outcome", **extra) -> str:
    data = RatingSessionInput(family=family, respondent="self", rated_on=on, answers=answers)
    data = RatingSessionInput(**{**data.__dict__, **extra})
    return rating_service.record_rating_session(world.worker, case_id, data)


def count_ratings(engine) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(Rating)).scalar_one()


def test_a_session_rating_is_stored_raw_and_scored_on_reading(world, case_id, engine):
    contact = support_service.log_contact(
        world.worker,
        case_id,
        support_service.ContactInput(ContactKind.HOME_VISIT, datetime(2026, 2, 2, 10, tzinfo=UTC)),
    )
    rate(world, case_id, line((52, 61, 70, 48)), contact_id=contact)
    rate(world, case_id, line((90, 85, 88, 92), SRS_ITEMS), family="session", contact_id=contact)
    with engine.connect() as conn:
        stored = conn.execute(select(Rating.instrument, Rating.item_scores)).all()
    assert sorted(name for name, _ in stored) == ["ors", "srs"]
    assert all("total" not in items for _, items in stored)  # derived, never stored

    ratings = rating_queries.case_ratings(world.worker, case_id)
    by_instrument = {row.instrument: row for row in ratings.rows}
    assert by_instrument["ors"].scores["total"] == Decimal("23.1")
    assert by_instrument["srs"].scores["total"] == Decimal("35.5")
    assert {row.contact_id for row in ratings.rows} == {contact}
    assert by_instrument["ors"].session == 1


def test_the_version_follows_the_age_on_the_rating_date(world, engine):
    request_id, case = request(world)
    referral_service.decide_referral_request(world.worker, request_id, accept=True)
    family_yes(world, case)
    # Born 2014-03-01: 11 on 2026-02-02, so the child's version (CORS) is chosen.
    referral_service.link_student(world.worker, case, world.student("Alva", "201403012386"))
    rate(world, case, line((40, 40, 40, 40)))
    with engine.connect() as conn:
        assert conn.execute(select(Rating.instrument)).scalar_one() == "cors"


def test_an_out_of_range_answer_writes_nothing(world, case_id, engine):
    before = count_ratings(engine)
    with pytest.raises(ValidationError) as raised:
        rate(world, case_id, line((52, 61, 170, 48)))
    assert "social" in str(raised.value)
    assert count_ratings(engine) == before


def test_a_line_left_unmarked_writes_nothing(world, case_id, engine):
    with pytest.raises(ValidationError):
        rate(world, case_id, {"individual": 50, "interpersonal": 50, "social": 50})
    assert count_ratings(engine) == 0


def test_a_rating_dated_tomorrow_is_refused(world, case_id, clock):
    with pytest.raises(ValidationError):
        rate(world, case_id, line((50, 50, 50, 50)), on=clock.today() + timedelta(days=1))


def test_a_skipped_rating_is_recorded_without_scores(world, case_id):
    rate(world, case_id, {}, skipped=True)
    with pytest.raises(ValidationError):
        rate(world, case_id, line((50, 50, 50, 50)), skipped=True)
    ratings = rating_queries.case_ratings(world.worker, case_id)
    (row,) = ratings.rows
    assert row.skipped and row.scores == {} and row.session is None
    assert ratings.series == ()


def test_a_guardians_rating_says_which_guardian(world, case_id, engine):
    with engine.connect() as conn:
        student_id = conn.execute(select(Case.student_id).where(Case.id == case_id)).scalar_one()
    first = student_service.add_guardian(
        world.worker, student_id, student_service.GuardianInput(name="Anna Andersson")
    )
    second = student_service.add_guardian(
        world.worker, student_id, student_service.GuardianInput(name="Per Andersson")
    )
    with pytest.raises(ValidationError):  # a parent's form needs the parent
        rate(world, case_id, line((50, 50, 50, 50)), respondent="parent")
    rate(world, case_id, line((50, 50, 50, 50)), respondent="parent", guardian_id=second)
    rate(world, case_id, line((60, 60, 60, 60)), respondent="parent", guardian_id=first)
    series = rating_queries.case_ratings(world.worker, case_id).series
    assert sorted((s.key, len(s.rows)) for s in series) == [
        ("ors:parent:1", 1),
        ("ors:parent:2", 1),
    ]


def test_a_series_carries_its_change_and_signals(world, case_id):
    for n, total_mm in enumerate((40, 45, 60, 80)):
        rate(world, case_id, line((total_mm,) * 4), on=DAY + timedelta(days=7 * n))
    (series,) = rating_queries.case_ratings(world.worker, case_id).series
    assert [row.session for row in series.rows] == [1, 2, 3, 4]
    assert [row.scores["total"] for row in series.rows] == [16, 18, 24, 32]
    assert series.change == "clinically_significant_improvement"
    assert series.cutoffs["total"] == 28 and series.reliable_change["total"] == 5
    assert {s.kind for s in series.current_signals()} == {"clinically_significant_improvement"}


def test_a_correction_supersedes_and_keeps_the_session_number(world, case_id, engine):
    first = rate(world, case_id, line((40, 40, 40, 40)))
    rate(world, case_id, line((50, 50, 50, 50)), on=DAY + timedelta(days=7))
    data = RatingSessionInput("outcome", "self", DAY, line((44, 44, 44, 44)), RatingEntry.PAPER)
    corrected = rating_service.correct_rating(world.worker, first, data)
    with pytest.raises(ValidationError):
        rating_service.correct_rating(world.worker, first, data)
    (series,) = rating_queries.case_ratings(world.worker, case_id).series
    assert series.rows[0].rating_id == corrected
    assert [row.scores["total"] for row in series.rows] == [Decimal("17.6"), 20]
    assert series.rows[0].entry == RatingEntry.PAPER
    assert count_ratings(engine) == 3  # the first is kept, replaced


def test_a_saved_rating_cannot_be_changed_in_the_file(world, case_id, engine):
    rating_id = rate(world, case_id, line((40, 40, 40, 40)))
    with pytest.raises(Exception, match="rating_final"), engine.begin() as conn:
        conn.execute(Rating.__table__.update().values(entry="paper").where(Rating.id == rating_id))


def test_another_team_neither_rates_nor_reads(world, case_id):
    with pytest.raises(NotAllowedError):
        rate_as = RatingSessionInput("outcome", "self", DAY, line((40, 40, 40, 40)))
        rating_service.record_rating_session(world.outsider, case_id, rate_as)
    with pytest.raises(NotAllowedError):
        rating_queries.case_ratings(world.outsider, case_id)


def test_reading_is_audited_and_school_figures_come_along(world, case_id, engine):
    rate(world, case_id, line((40, 40, 40, 40)))
    support_service.record_absence(
        world.worker,
        case_id,
        support_service.AbsenceInput(
            date(2026, 1, 1),
            date(2026, 1, 31),
            date(2026, 2, 1),
            "Skola24",
            AbsenceMeasure.TOTAL,
            62.5,
        ),
    )
    ratings = rating_queries.case_ratings(world.worker, case_id)
    assert [(p.start, p.absence_percent) for p in ratings.school] == [
        (date(2026, 1, 1), Decimal("62.5"))
    ]
    with engine.connect() as conn:
        audits = conn.execute(
            select(AuditEvent.action).where(AuditEvent.entity_type == "ratings")
        ).all()
    assert ("view",) in audits


def test_ratings_from_before_the_engine_and_without_a_birth_date_are_shown(world, engine, clock):
    """Demo data of schemas 0001-0006 named the form "ORS" and the student "student"; a
    student without a date of birth gets totals without the age group's bands."""
    from sst_desktop.store.unit_of_work import UnitOfWork

    request_id, case = request(world)
    referral_service.decide_referral_request(world.worker, request_id, accept=True)
    family_yes(world, case)
    referral_service.link_student(world.worker, case, world.student("Nils", None))
    with UnitOfWork(engine, world.worker.actor, clock) as uow:
        for day, mm in ((DAY, 40), (DAY + timedelta(days=7), 60)):
            uow.add(
                Rating(
                    case_id=case,
                    instrument="ORS",
                    instrument_version="1",
                    respondent="student",
                    session_number=None,
                    rated_on=day,
                    item_scores=line((mm,) * 4),
                    supersedes_id=None,
                    imported_scores=None,
                    authority=world.worker.actor.authority,
                    record_class="social_services_record",
                )
            )
        uow.commit()
    (series,) = rating_queries.case_ratings(world.worker, case).series
    assert series.key == "ors:self"
    assert [row.scores["total"] for row in series.rows] == [16, 24]
    assert series.cutoffs == {} and all(row.bands == {} for row in series.rows)


def test_a_saved_ratings_scores_are_sealed_by_content_not_by_text(world, case_id, engine):
    """The central store may hand the scores back with the keys in its own order: no change."""
    import json

    from sqlalchemy import text

    rating_id = rate(world, case_id, line((40, 41, 42, 43)))
    reordered = json.dumps(dict(reversed(list(line((40, 41, 42, 43)).items()))))
    with engine.begin() as conn:
        conn.execute(
            text("UPDATE ratings SET item_scores = :s WHERE id = :i"),
            {"s": reordered, "i": rating_id},
        )
    with pytest.raises(Exception, match="rating_final"), engine.begin() as conn:
        conn.execute(
            text("UPDATE ratings SET item_scores = :s WHERE id = :i"),
            {"s": json.dumps(line((40, 41, 42, 99))), "i": rating_id},
        )
