"""Ratings in and out of the CSV on a real SQLCipher file: a file checked whole before anything
is written, imported ratings with their totals alone, duplicates skipped on a second import,
the export audited and read back, and a totals-only rating in its series."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from sst_desktop.casework import rating_queries, rating_service, referral_service
from sst_desktop.casework import student_service as students
from sst_desktop.casework.rating_csv import RatingCsvError, read_ratings_csv
from sst_desktop.casework.rating_csv_export import collect_ratings, export_ratings
from sst_desktop.casework.rating_csv_import import import_ratings
from sst_desktop.casework.rating_service import RatingSessionInput
from sst_desktop.errors import ValidationError
from sst_desktop.models.audit import AuditEvent
from sst_desktop.models.case import Case
from sst_desktop.models.closure import Rating
from sst_rules.enums import RatingEntry
from tests.unit.casework.test_sst_workflow import family_yes, request

HEADER = (
    "case_ref;rated_on;instrument;respondent;guardian;session;entry;skipped;"
    "individual;interpersonal;social;overall;relationship;goals;approach;total\n"
)
ORS = ("individual", "interpersonal", "social", "overall")


def csv(*rows: str) -> bytes:
    return (HEADER + "".join(f"{row}\n" for row in rows)).encode()


@pytest.fixture
def case_id(world) -> str:
    """An SST case of a student born 2012-03-14 (13 in February 2026: ORS) with two guardians."""
    request_id, case = request(world)
    referral_service.decide_referral_request(world.worker, request_id, accept=True)
    family_yes(world, case)
    student = world.student()
    referral_service.link_student(world.worker, case, student)
    for name in ("Anna Andersson", "Per Andersson"):
        students.add_guardian(world.officer, student, students.GuardianInput(name=name))
    return case


@pytest.fixture
def reference(case_id, engine) -> str:
    with engine.connect() as conn:
        return str(conn.execute(select(Case.reference).where(Case.id == case_id)).scalar_one())


def count(engine, model=Rating, **where) -> int:
    query = select(func.count()).select_from(model)
    for column, value in where.items():
        query = query.where(getattr(model, column) == value)
    with engine.connect() as conn:
        return int(conn.execute(query).scalar_one())


def test_a_totals_only_rating_takes_its_place_in_its_series(world, case_id):
    rating_service.record_rating_session(
        world.worker,
        case_id,
        RatingSessionInput("outcome", "self", date(2026, 2, 2), dict.fromkeys(ORS, 40)),
    )
    rating_service.record_rating_session(
        world.worker,
        case_id,
        RatingSessionInput(
            "outcome",
            "self",
            date(2026, 2, 9),
            entry=RatingEntry.IMPORTED,
            imported_scores={"total": Decimal("31.2")},
        ),
    )
    (series,) = rating_queries.case_ratings(world.worker, case_id).series
    assert [row.scores["total"] for row in series.rows] == [16, Decimal("31.2")]
    assert series.rows[1].items == {} and series.rows[1].session == 2
    assert series.change == "clinically_significant_improvement"
    with pytest.raises(ValidationError, match="from 0 to 40 with at most one decimal"):
        rating_service.record_rating_session(
            world.worker,
            case_id,
            RatingSessionInput(
                "outcome", "self", date(2026, 2, 9), imported_scores={"total": Decimal("31.25")}
            ),
        )


def test_every_kind_of_row_is_imported_in_one_go(world, case_id, reference, engine):
    result = import_ratings(
        world.worker,
        reference,
        csv(
            f"{reference};2026-02-02;ors;self;;1;clinician;0;52;61;0;48;;;;16,1",
            ";2026-02-02;srs;self;;;;0;;;;90;85;88;92;",
            ";2026-02-09;ors;parent;2;;;0;;;;;;;;31,2",
            ";2026-02-09;ors;self;;2;;1;;;;;;;;",
        ),
    )
    assert (result.written, result.duplicates) == (4, 0)
    assert [row.kind for row in result.rows] == ["items", "items", "total", "skipped"]
    assert count(engine) == 4 and count(engine, entry=RatingEntry.IMPORTED) == 4
    ratings = rating_queries.case_ratings(world.worker, case_id)
    by_key = {(r.instrument, r.respondent, r.guardian_number, r.skipped): r for r in ratings.rows}
    assert by_key[("ors", "self", None, False)].items["social"] == 0  # a zero is a score
    assert by_key[("ors", "self", None, False)].scores["total"] == Decimal("16.1")
    assert by_key[("srs", "self", None, False)].scores["total"] == Decimal("35.5")
    assert by_key[("ors", "parent", 2, False)].scores["total"] == Decimal("31.2")
    assert by_key[("ors", "self", None, True)].session_number == 2
    with engine.connect() as conn:
        assert conn.execute(select(Rating.imported_scores).where(Rating.guardian_id.is_not(None)))
        assert ("import",) in conn.execute(
            select(AuditEvent.action).where(AuditEvent.entity_type == "ratings")
        ).all()


def test_a_file_with_bad_rows_writes_nothing_and_names_every_line(world, reference, engine):
    with pytest.raises(RatingCsvError) as raised:
        import_ratings(
            world.worker,
            reference,
            csv(
                ";2026-02-02;ors;self;;;;0;52;61;0;48;;;;",  # good
                ";2026-03-03;ors;self;;;;0;52;61;0;48;;;;",  # after today
                ";2026-02-02;ors;self;;;;0;52;61;170;48;;;;",  # out of range
                ";2026-02-02;ors;self;;;;0;52;;0;48;;;;",  # a line left unmarked
                ";2026-02-02;ors;parent;3;;;0;;;;;;;;20",  # no third guardian
                ";2026-02-02;ors;parent;;;;0;;;;;;;;20",  # which guardian?
                ";2026-02-02;cors;self;;;;0;;;;;;;;20",  # CORS is for 6-12
                ";2026-02-02;ors;self;;;;0;;;;;;;;40,1",  # a total above 40
                ";2026-02-02;ors;self;;;;0;50;50;50;50;;;;20,1",  # not the items' total
                "SST-26-OTHER1;2026-02-02;ors;self;;;;0;;;;;;;;20",  # another case's row
            ),
        )
    lines = {p.line: p.message for p in raised.value.problems}
    assert sorted(lines) == list(range(3, 12))
    assert "after today" in lines[3]
    assert "item social must be a whole number from 0 to 100" in lines[4]
    assert "interpersonal is missing" in lines[5]
    assert "no guardian 3" in lines[6]
    assert "guardian is empty" in lines[7]
    assert "cors is not the form for the student's age" in lines[8]
    assert "from 0 to 40" in lines[9]
    assert "not the sum of the items" in lines[10]
    assert f"({reference})" in lines[11]
    assert "9 row(s)" in raised.value.message
    assert count(engine) == 0


def test_importing_the_same_file_again_skips_every_row(world, reference, engine):
    data = csv(
        ";2026-02-02;ors;self;;;;0;40;40;40;40;;;;",
        ";2026-02-02;ors;self;;;;0;40;40;40;40;;;;",  # twice in the file
        ";2026-02-09;ors;self;;;;0;;;;;;;;31,2",
        ";2026-02-16;ors;self;;;;1;;;;;;;;",
    )
    first = import_ratings(world.worker, reference, data)
    assert (first.written, first.duplicates) == (3, 1)
    again = import_ratings(world.worker, reference, data)
    assert (again.written, again.duplicates) == (0, 4)
    # The same ratings by their totals alone, or the totals-only one with its items: the same.
    totals = import_ratings(
        world.worker,
        reference,
        csv(";2026-02-02;ors;self;;;;0;;;;;;;;16", ";2026-02-09;ors;self;;;;0;78;78;78;78;;;;"),
    )
    assert (totals.written, totals.duplicates) == (0, 2)
    assert count(engine) == 3


def test_a_dry_run_says_what_it_would_write_and_writes_nothing(world, reference, engine):
    result = import_ratings(
        world.worker, reference, csv(";2026-02-02;ors;self;;;;0;;;;;;;;0"), dry_run=True
    )
    assert result.dry_run and result.written == 1 and result.rows[0].total == 0
    assert count(engine) == 0
    assert count(engine, AuditEvent, action="import") == 0


def test_the_export_reads_back_and_is_audited(world, case_id, reference, engine, tmp_path: Path):
    import_ratings(
        world.worker,
        reference,
        csv(
            ";2026-02-02;ors;self;;;;0;52;61;0;48;;;;",
            ";2026-02-09;ors;parent;1;;;0;;;;;;;;31,2",
            ";2026-02-09;ors;self;;;;1;;;;;;;;",
        ),
    )
    out = tmp_path / "ratings.csv"
    result = export_ratings(world.therapist, out, case=reference)
    assert (result.cases, result.ratings, result.left_out) == (1, 3, 0)
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b";16,1\r\n" in data
    rows, problems = read_ratings_csv(data)
    assert problems == []
    assert [(r.case_ref, r.rated_on.day, r.respondent, r.guardian, r.skipped) for r in rows] == [
        (reference, 2, "self", None, False),
        (reference, 9, "parent", 1, False),
        (reference, 9, "self", None, True),
    ]
    assert rows[0].items == {"individual": 52, "interpersonal": 61, "social": 0, "overall": 48}
    assert [r.session for r in rows] == [1, 1, 2]
    assert {r.entry for r in rows} == {RatingEntry.IMPORTED}
    with engine.connect() as conn:
        details = conn.execute(
            select(AuditEvent.details).where(AuditEvent.action == "export")
        ).scalar_one()
    assert details["case_ids"] == [case_id] and details["ratings"] == 3
    again = import_ratings(world.worker, reference, data)
    assert (again.written, again.duplicates) == (0, 3)


def test_all_cases_are_the_teams_and_other_teams_see_none(world, case_id, reference):
    import_ratings(world.worker, reference, csv(";2026-02-02;ors;self;;;;0;;;;;;;;20"))
    rows, result, ids = collect_ratings(world.worker)
    assert (result.cases, result.ratings, ids) == (1, 1, [case_id])
    assert [r.case_ref for r in rows] == [reference]
    assert collect_ratings(world.outsider)[1].ratings == 0
    with pytest.raises(ValidationError, match="No case"):
        collect_ratings(world.outsider, case=reference)
    with pytest.raises(ValidationError, match="No case"):
        import_ratings(world.outsider, reference, csv(";2026-02-02;ors;self;;;;0;;;;;;;;20"))
