"""R3 (security.md): unique strings written through every path are never found in raw files.

Canaries (``CANARY`` plus 32 random letters, no digits so the referral services' identity-number
check never trips on one) go into every text and JSON column of every table through the unit of
work, and through every write path of the casework services. The raw bytes of every file in the
database directory (database, ``-wal``, ``-shm``) are then searched for each canary as UTF-8,
UTF-16-LE and UTF-16-BE: after a checkpoint, and again with a second batch left only in the WAL
while the engine is still open. A large sort and group-by over 20,000 canary rows runs in a child
process whose SQLite and Python temp directories point at a fresh directory, while a thread watches
every file descriptor the process opens (deleted temp files included) and reads what they hold.
Positive controls show each search finds plaintext where it exists.

The profile's key file is not written here (the profile tests cover it); logs are covered by
``tests/unit/test_logging_setup.py``.
"""

from __future__ import annotations

import json
import logging
import os
import random
import secrets
import sqlite3
import subprocess
import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import JSON, Engine, Enum, insert, inspect, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.types import TypeDecorator

from sst_desktop.clock import FixedClock
from sst_desktop.models.base import Base, RecordMeta
from sst_desktop.models.people import Student
from sst_desktop.store import schema
from sst_desktop.store.engine import create_cipher_engine
from sst_desktop.store.unit_of_work import Actor, UnitOfWork

ROOT = Path(__file__).resolve().parents[3]
_LETTERS = str.maketrans("0123456789", "ghijklmnop")
# Written only by the unit of work from ids, codes and field names; purge_session has no text.
SKIP_TABLES = frozenset({"audit_events", "audit_head", "outbox", "purge_session"})
META = frozenset(
    {"created_at", "created_by", "updated_at", "updated_by", "deleted", "server_version"}
)
CODES = {"authority": "social_services", "record_class": "social_services_record"}
DAY = date(2026, 3, 2)
MOMENT = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)


class Canaries:
    """Hands out unique strings and remembers where each one was written."""

    def __init__(self) -> None:
        self.where: dict[str, str] = {}
        self.overwritten: set[str] = set()  # searched for on disk, no longer stored

    def __call__(self, label: str) -> str:
        value = "CANARY" + secrets.token_hex(16).translate(_LETTERS).upper()
        self.where[value] = label
        return value

    def add(self, value: str, label: str) -> str:
        self.where[value] = label
        return value


def raw_hits(directory: Path, canaries: Iterable[str]) -> list[str]:
    """``file: canary`` for every canary found in the raw bytes of any file, in UTF-8 or UTF-16
    (either byte order: for ASCII canaries the two UTF-16 forms overlap anyway)."""
    encodings = ("utf-8", "utf-16-le", "utf-16-be")
    needles = [(c, [c.encode(enc) for enc in encodings]) for c in canaries]
    hits = []
    for path in sorted(p for p in directory.rglob("*") if p.is_file()):
        data = path.read_bytes()
        hits += [f"{path.name}: {c}" for c, forms in needles if any(f in data for f in forms)]
    return hits


def db_files(db_path: Path) -> dict[str, int]:
    return {p.name: p.stat().st_size for p in sorted(db_path.parent.iterdir()) if p.is_file()}


def checkpoint(engine: Engine) -> None:
    """Outside any transaction (the engine's BEGIN IMMEDIATE would block the checkpoint)."""
    raw = engine.raw_connection()
    try:
        busy, _, _ = raw.driver_connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    finally:
        raw.close()
    assert busy == 0


def stored_text(engine: Engine) -> str:
    """Every text and JSON value in every table, decrypted through the engine."""
    parts: list[str] = []
    with engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            columns = [c for c in table.columns if _is_text(c)]
            if not columns:
                continue
            for row in conn.execute(select(*columns)):
                parts += [
                    v if isinstance(v, str) else json.dumps(v, ensure_ascii=False)
                    for v in row
                    if v is not None
                ]
    return "\n".join(parts)


def _is_text(column: Any) -> bool:
    if isinstance(column.type, JSON):
        return True
    return not isinstance(column.type, Enum) and _python_type(column) is str


def _python_type(column: Any) -> type:
    kind = column.type.impl if isinstance(column.type, TypeDecorator) else column.type
    return kind.python_type  # type: ignore[no-any-return]


def assert_stored_but_not_on_disk(engine: Engine, db_path: Path, canaries: Canaries) -> None:
    stored = stored_text(engine)
    missing = [
        label
        for c, label in canaries.where.items()
        if c not in stored and c not in canaries.overwritten
    ]
    assert missing == [], "canaries that never reached the database (the test would be blind)"
    assert raw_hits(db_path.parent, canaries.where) == []


# -- the search itself works ----------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["UTF-8", "UTF-16le", "UTF-16be"])
def test_the_search_finds_canaries_in_a_plain_sqlite_file(tmp_path, encoding):
    canaries = Canaries()
    value = canaries("control")
    conn = sqlite3.connect(tmp_path / "plain.db")
    conn.execute(f"PRAGMA encoding = '{encoding}'")
    conn.execute("CREATE TABLE t (x TEXT)")
    conn.execute("INSERT INTO t VALUES (?)", (f"note: {value}",))
    conn.commit()
    conn.close()
    assert raw_hits(tmp_path, canaries.where) == [f"plain.db: {value}"]
    if encoding != "UTF-8":  # the file really is UTF-16: the UTF-8 form alone is not there
        assert value.encode("utf-8") not in (tmp_path / "plain.db").read_bytes()


# -- every text column of every table, through the unit of work -----------------------------------


class RowBuilder:
    """One row per table with a canary in every text and JSON column, parents created first."""

    def __init__(self, uow: UnitOfWork, canaries: Canaries) -> None:
        self.uow, self.canaries = uow, canaries
        self.mappers = {m.local_table.name: m for m in Base.registry.mappers}
        self.rows: dict[str, Any] = {}

    def build_all(self) -> dict[str, Any]:
        for table in Base.metadata.sorted_tables:
            if table.name in self.mappers and table.name not in SKIP_TABLES:
                self.build(table.name)
        return self.rows

    def build(self, table: str, **given: Any) -> Any:
        mapper = self.mappers[table]
        values = dict(given)
        for attr in mapper.column_attrs:
            column = attr.columns[0]
            stamped = issubclass(mapper.class_, RecordMeta)  # the unit of work fills META
            if attr.key in values or (stamped and attr.key in META):
                continue
            if attr.key == "id" and issubclass(mapper.class_, RecordMeta):
                continue
            values[attr.key] = self.value(table, attr.key, column)
        obj = self.uow.add(mapper.class_(**values))
        self.uow.session.flush()  # no relationships: parents must be written before children
        self.rows[table] = obj
        return obj

    def value(self, table: str, key: str, column: Any) -> Any:
        if key in CODES:
            return CODES[key]
        if column.foreign_keys:
            target = next(iter(column.foreign_keys)).column.table.name
            parent = self.rows.get(target) if target != table else None
            if parent is None and not column.nullable:
                parent = self.build(target)
            return None if parent is None else inspect(parent).identity[0]
        if isinstance(column.type, Enum):
            return (
                next(iter(column.type.enum_class))
                if column.type.enum_class
                else column.type.enums[0]
            )
        if isinstance(column.type, JSON):
            return [{"note": self.canaries(f"{table}.{key}")}]
        kind = _python_type(column)
        if kind is str:
            return self.canaries(f"{table}.{key}")
        if column.nullable:  # e.g. a plan revision's signed_at would seal it
            return None
        return {bool: False, int: 5, float: 5.0, datetime: MOMENT, date: DAY}[kind]


def write_every_column(
    engine: Engine, actor: Actor, clock: FixedClock, canaries: Canaries
) -> dict[str, Any]:
    with UnitOfWork(engine, actor, clock) as uow:
        rows = RowBuilder(uow, canaries).build_all()
        uow.commit()
    with UnitOfWork(engine, actor, clock) as uow:  # updates and tombstones are writes too
        for table, column in (
            ("students", "address"),
            ("guardians", "name"),
            ("meetings", "notes"),
        ):
            obj = uow.session.get(type(rows[table]), rows[table].id)
            canaries.overwritten.add(getattr(obj, column))
            setattr(obj, column, canaries(f"{table}.{column} (update)"))
        participant = rows["case_participants"]
        uow.session.get(type(participant), participant.id).deleted = True
        uow.commit()
    return rows


def text_columns() -> set[str]:
    """``table.column`` for every text and JSON column the builder must fill."""
    out = set()
    for mapper in Base.registry.mappers:
        table = mapper.local_table.name
        if table in SKIP_TABLES:
            continue
        for attr in mapper.column_attrs:
            column = attr.columns[0]
            if (
                attr.key in META
                or attr.key in CODES
                or column.foreign_keys
                or (attr.key == "id" and issubclass(mapper.class_, RecordMeta))
            ):
                continue
            if _is_text(column):
                out.add(f"{table}.{attr.key}")
    return out


def test_no_canary_from_any_table_in_the_database_wal_or_shm(engine, db_path, social_actor, clock):
    first = Canaries()
    write_every_column(engine, social_actor, clock, first)
    assert text_columns() <= set(first.where.values())
    assert len(text_columns()) > 100  # every table's free text, names, JSON participants...
    checkpoint(engine)
    assert db_files(db_path)["sst.db-wal"] == 0
    assert_stored_but_not_on_disk(engine, db_path, first)

    second = Canaries()  # this batch lives only in the WAL: no checkpoint, engine still open
    write_every_column(engine, social_actor, clock, second)
    files = db_files(db_path)
    assert files["sst.db-wal"] > 0 and "sst.db-shm" in files
    assert_stored_but_not_on_disk(engine, db_path, second)
    assert raw_hits(db_path.parent, first.where) == []
    print(
        f"{len(text_columns())} text columns, {len(first.where) + len(second.where)} canaries, "
        f"files {files}: 0 found"
    )


# -- every write path of the casework services ----------------------------------------------------


def personnummer(rng: random.Random, born: date) -> str:
    """A valid 12-digit Swedish personal identity number (Luhn check digit) for ``born``."""
    serial = rng.randrange(1000)
    body = f"{born:%y%m%d}{serial:03d}"
    total = sum(sum(divmod(int(d) * (2 - i % 2), 10)) for i, d in enumerate(body))
    return f"{born:%Y%m%d}{serial:03d}{(10 - total % 10) % 10}"


def test_personnummer_has_a_valid_check_digit():
    assert personnummer(random.Random(0), date(2012, 3, 14))[-1].isdigit()
    body = "120314238"  # 201203142383 from the casework tests
    total = sum(sum(divmod(int(d) * (2 - i % 2), 10)) for i, d in enumerate(body))
    assert (10 - total % 10) % 10 == 3


def write_through_every_service(
    engine: Engine, clock: FixedClock, c: Canaries, rng: random.Random
) -> None:
    """Every casework write path with a canary in every free-text argument."""
    from sst_desktop.casework import (
        case_service,
        closure_service,
        consent_service,
        mapping_service,
        plan_service,
        rating_service,
        referral_service,
        student_service,
        support_service,
    )
    from sst_desktop.casework import organisation_service as org
    from sst_desktop.casework.context import ServiceContext
    from sst_desktop.config.programmes import load_default_rules
    from sst_desktop.models.closure import FollowUp
    from sst_desktop.models.plan import PlanRevision
    from sst_rules import enums as e
    from tests.conftest import DEVICE

    admin = Actor(
        "0190a000-0000-7000-8000-0000000000ad",
        e.Authority.SOCIAL_SERVICES,
        None,
        e.Role.UNIT_MANAGER,
        DEVICE,
    )
    with UnitOfWork(engine, admin, clock) as uow:
        municipality = org.add_municipality(uow, c("municipality"), "9999")
        uow.session.flush()
        district = org.add_district(uow, municipality.id, c("district"), date(2020, 1, 1))
        uow.session.flush()
        school = org.add_school(
            uow, org.SchoolInput(c("school"), e.SchoolKind.MUNICIPAL, district.id)
        )
        team = org.add_team(uow, c("team"), district.id, e.Programme.SST_PLUS)
        uow.session.flush()
        roles = {
            e.Role.FAMILY_THERAPIST: e.Authority.SOCIAL_SERVICES,
            e.Role.CASE_OFFICER: e.Authority.SOCIAL_SERVICES,
            e.Role.SCHOOL_SOCIAL_WORKER: e.Authority.SOCIAL_SERVICES,
            e.Role.SPECIAL_EDUCATOR: e.Authority.SCHOOL,
        }
        staff = {
            role: org.add_staff(uow, c(f"staff {role.value}"), role, authority, team.id)
            for role, authority in roles.items()
        }
        uow.session.flush()
        staff_ids = {role: s.id for role, s in staff.items()}
        uow.commit()
    rules = load_default_rules()

    def ctx(role: e.Role) -> ServiceContext:
        actor = Actor(staff_ids[role], roles[role], team.id, role, DEVICE)
        return ServiceContext(engine, actor, clock, rules)

    therapist, officer = ctx(e.Role.FAMILY_THERAPIST), ctx(e.Role.CASE_OFFICER)
    worker, educator = ctx(e.Role.SCHOOL_SOCIAL_WORKER), ctx(e.Role.SPECIAL_EDUCATOR)
    org.seed_toolbox(therapist, [(tool := c("toolbox code"), c("label sv"), c("label en"))])

    # Students and guardians; identity numbers are canaries too.
    student_pnr = c.add(personnummer(rng, date(2012, 3, 14)), "student personal_id")
    c.add(student_pnr[2:], "student personal_id (10 digits)")
    student_id = student_service.register_student(
        officer,
        student_service.StudentInput(
            first_name=c("first_name"),
            last_name=c("last_name"),
            personal_id=student_pnr,
            school_id=school.id,
            school_year=8,
            address=c("address"),
            phone=c("phone"),
            language=c("language"),
        ),
    )
    guardian_pnr = c.add(personnummer(rng, date(1984, 6, 1)), "guardian personal_id")
    guardian_id = student_service.add_guardian(
        officer,
        student_id,
        student_service.GuardianInput(
            name=c("guardian name"),
            relation=c("relation"),
            personal_id=guardian_pnr,
            phone=c("guardian phone"),
            email=c("guardian email"),
            address=c("guardian address"),
            language=c("guardian language"),
        ),
    )

    # SST: an anonymous request accepted, the family's yes, the student linked; one declined.
    def request() -> tuple[str, str]:
        return referral_service.receive_referral_request(
            worker,
            referral_service.RequestInput(
                received_on=DAY,
                district_id=district.id,
                school_id=school.id,
                school_year=8,
                gender=e.Gender.GIRL,
                absence_percent=60,
                cause_student_view=c("cause student"),
                cause_guardian_view=c("cause guardian"),
                adaptations_tried=c("adaptations"),
                assessments_done=c("assessments done"),
                measures_taken=c("measures"),
                expected_of_team=c("expected"),
            ),
            team.id,
        )

    request_id, sst_case = request()
    referral_service.decide_referral_request(worker, request_id, accept=True)
    consent_service.give_consent(
        worker,
        sst_case,
        consent_service.ConsentInput(
            purposes=(
                e.ConsentPurpose.INFORMATION_MEETING_PARTICIPATION,
                e.ConsentPurpose.SST_INTERVENTION,
            ),
            categories=(e.RecordCategory.MEETINGS, e.RecordCategory.PLANS),
            recipient_authority=e.Authority.SCHOOL,
            given_on=DAY,
            valid_until=date(2027, 3, 1),
            form=c("consent form"),
            information_given=c("information given"),
            parties=(
                consent_service.PartyAnswer("student", True),
                consent_service.PartyAnswer("guardian", True, guardian_id),
            ),
        ),
    )
    referral_service.link_student(worker, sst_case, student_id)
    declined_request, _ = request()
    referral_service.decide_referral_request(
        worker, declined_request, accept=False, guided_to=c("guided to (request)")
    )
    referral_service.log_consultation(
        worker,
        referral_service.ConsultationInput(
            held_on=DAY,
            topic=c("consultation topic"),
            team_id=team.id,
            asked_by_role=c("asked by"),
            school_id=school.id,
            school_year=7,
            advice=c("consultation advice"),
        ),
    )

    # SST plus: application, consent, assessment, admission, decisions, to active.
    case_id = referral_service.receive_application(
        officer,
        referral_service.ApplicationInput(
            route=e.ReferralRoute.SCHOOL_APPLICATION,
            received_on=DAY,
            student_id=student_id,
            team_id=team.id,
            district_id=district.id,
            applicant=c("applicant"),
            reason=c("application reason"),
            absence_percent=55,
            other_indicators=c("other indicators"),
        ),
    )
    consent_service.give_consent(
        officer,
        case_id,
        consent_service.ConsentInput(
            purposes=(
                e.ConsentPurpose.REFERRAL_TO_SST_PLUS,
                e.ConsentPurpose.SHARING_BETWEEN_AUTHORITIES,
                e.ConsentPurpose.FOLLOW_UP_AFTER_CLOSURE,
            ),
            categories=(e.RecordCategory.MEETINGS, e.RecordCategory.ABSENCE),
            recipient_authority=e.Authority.SCHOOL,
            given_on=DAY,
            valid_until=date(2027, 3, 1),
            form=c("consent form plus"),
            information_given=c("information plus"),
            parties=(
                consent_service.PartyAnswer("student", True),
                consent_service.PartyAnswer("guardian", True, guardian_id),
            ),
        ),
    )
    referral_service.record_assessment(
        officer, case_id, c("assessment kind"), date(2026, 3, 5), c("assessment summary")
    )
    referral_service.record_admission(
        officer,
        case_id,
        referral_service.AdmissionInput(
            met_on=date(2026, 3, 9),
            outcome=e.AdmissionOutcome.GRANTED,
            suggested_rank=3,
            final_rank=1,
            members=(c("admission member"),),
            override_reason=c("override reason"),
        ),
    )
    referral_service.record_decision(
        officer,
        case_id,
        referral_service.DecisionInput(
            kind=e.DecisionKind.ASSISTANCE,
            decided_on=date(2026, 3, 10),
            granted=True,
            decided_by=c("decided by"),
            reference=c("decision reference"),
            overall_goal=c("overall goal"),
            recipient_unit=c("recipient unit"),
        ),
    )
    referral_service.record_decision(
        educator,
        case_id,
        referral_service.DecisionInput(
            kind=e.DecisionKind.SPECIAL_SUPPORT, decided_on=date(2026, 3, 10), granted=True
        ),
    )
    case_service.transition(officer, case_id, e.CaseStatus.DECIDED)
    for step in (e.CaseStatus.STARTED, e.CaseStatus.MAPPING, e.CaseStatus.ACTIVE):
        case_service.transition(therapist, case_id, step, reason=c(f"reason {step.value}"))
    me, colleague = staff_ids[e.Role.FAMILY_THERAPIST], staff_ids[e.Role.CASE_OFFICER]
    case_service.assign_staff(therapist, case_id, me, c("responsibility"), DAY)
    case_service.hand_over(
        therapist, case_id, me, colleague, DAY + timedelta(days=1), c("handover note")
    )
    case_service.record_time_limit_reason(therapist, case_id, c("time limit reason"))
    student_service.add_participant(
        officer,
        case_id,
        c("participant name"),
        c("participant role"),
        c("participant organisation"),
    )

    # Consent: a concern report, and a consent given and withdrawn.
    consent_service.report_concern(educator, case_id, DAY, c("reported to"), c("concern"))
    withdrawn = consent_service.give_consent(
        officer,
        case_id,
        consent_service.ConsentInput(
            purposes=(e.ConsentPurpose.HOME_FIRST_MEETING,),
            categories=(e.RecordCategory.CONTACTS,),
            recipient_authority=e.Authority.SCHOOL,
            given_on=DAY,
            valid_until=date(2027, 3, 1),
            form=c("consent form withdrawn"),
            parties=(
                consent_service.PartyAnswer("student", True),
                consent_service.PartyAnswer("guardian", True, guardian_id),
            ),
        ),
    )
    consent_service.withdraw_consent(officer, withdrawn, date(2026, 3, 20), c("withdrawn by"))

    # Support: absence, participation, grades, meetings, contacts, daily contact, SIP.
    support_service.record_absence(
        educator,
        case_id,
        support_service.AbsenceInput(
            period_start=date(2026, 2, 1),
            period_end=date(2026, 2, 28),
            measured_on=date(2026, 3, 1),
            source=c("absence source"),
            measure=e.AbsenceMeasure.TOTAL,
            percent=40.0,
        ),
    )
    support_service.record_participation(
        educator,
        case_id,
        DAY,
        e.ParticipationLevel.PARTIAL,
        source=c("participation source"),
        note=c("participation note"),
    )
    support_service.record_grades(
        educator,
        case_id,
        DAY,
        acceptable_knowledge=True,
        subjects_passed=3,
        subjects_total=5,
        source=c("grades source"),
    )

    def meeting(label: str) -> support_service.MeetingInput:
        return support_service.MeetingInput(
            kind=e.MeetingKind.REVIEW,
            scheduled_at=MOMENT,
            duration_minutes=60,
            setting=e.Setting.SCHOOL,
            place=c(f"{label} place"),
            participants=({"name": c(f"{label} participant"), "role": "mentor"},),
            agenda=c(f"{label} agenda"),
        )

    held = support_service.book_meeting(therapist, case_id, meeting("meeting held"))
    support_service.hold_meeting(therapist, held, notes=c("meeting notes"))
    rebooked = support_service.book_meeting(therapist, case_id, meeting("meeting rebooked"))
    moved = support_service.rebook_meeting(therapist, rebooked, MOMENT + timedelta(days=7))
    support_service.cancel_meeting(therapist, moved, c("cancel reason"))

    def contact(label: str, status: e.MeetingStatus) -> support_service.ContactInput:
        return support_service.ContactInput(
            kind=e.ContactKind.HOME_VISIT,
            at=MOMENT,
            status=status,
            duration_minutes=30,
            setting=e.Setting.HOME,
            place=c(f"{label} place"),
            participants=({"name": c(f"{label} participant")},),
            note=c(f"{label} note"),
        )

    logged = support_service.log_contact(
        therapist, case_id, contact("contact", e.MeetingStatus.HELD)
    )
    support_service.correct_contact(
        therapist, logged, contact("correction", e.MeetingStatus.HELD), c("correction reason")
    )
    booked = support_service.log_contact(
        therapist, case_id, contact("contact booked", e.MeetingStatus.BOOKED)
    )
    support_service.change_contact_status(therapist, booked, e.MeetingStatus.CANCELLED)
    support_service.record_daily_contact_offer(therapist, case_id, DAY, True, c("channel"))
    support_service.record_sip(
        therapist,
        case_id,
        DAY,
        coordinator=c("sip coordinator"),
        participants=({"name": c("sip participant")},),
        agreed_actions=c("sip actions"),
        next_review_on=date(2026, 6, 1),
    )

    # Mapping.
    mapping_id = mapping_service.start_mapping(therapist, case_id, DAY)
    mapping_service.write_section(
        therapist,
        mapping_id,
        mapping_service.SectionInput(
            perspective=e.MappingPerspective.SOCIAL_THERAPEUTIC,
            student_view=c("section student"),
            guardian_view=c("section guardian"),
            absence_function=c("absence function"),
            observations=c("observations"),
        ),
    )
    mapping_service.add_trial(
        therapist, mapping_id, c("trial intervention"), DAY, child_response=c("child response")
    )
    mapping_service.write_analysis(therapist, mapping_id, c("analysis"))
    first = c("signs of safety item")
    c.overwritten.add(first)  # searched for on disk, replaced by the edit in the database
    item = mapping_service.add_item(therapist, mapping_id, e.MappingItemKind.WORRY, first)
    mapping_service.edit_item(therapist, item, c("signs of safety item edited"))
    mapping_service.set_absence_function(therapist, mapping_id, [], c("absence function note"))
    mapping_service.mark_missing(therapist, mapping_id, e.MappingPart.TRIALS, c("missing reason"))

    # Plan: draft, goal, intervention, signatures, signed, a new revision.
    revision = plan_service.create_plan(therapist, case_id, e.PlanKind.IMPLEMENTATION_PLAN)
    plan_service.set_overall_aims(therapist, revision, c("overall aims"), date(2026, 6, 1))
    goal = plan_service.add_goal(
        therapist,
        revision,
        plan_service.GoalInput(e.PlanPerspective.INDIVIDUAL, c("goal text"), c("goal criterion")),
    )
    plan_service.add_intervention(
        therapist,
        revision,
        plan_service.InterventionInput(
            responsible=c("responsible"),
            toolbox_code=tool,
            free_text=c("intervention text"),
            goal_id=goal,
            recipient=c("intervention recipient"),
            setting=c("intervention setting"),
        ),
    )
    plan_service.submit_for_signatures(therapist, revision)
    for role in e.SignerRole:
        plan_service.add_signature(therapist, revision, role, c(f"signer {role.value}"), DAY)
    plan_service.complete_signing(therapist, revision)
    with engine.connect() as conn:
        plan_id = conn.execute(
            select(PlanRevision.plan_id).where(PlanRevision.id == revision)
        ).scalar_one()
    plan_service.new_revision(therapist, plan_id)

    # Closure: a rating, closing with its views, the follow-ups.
    rating_service.record_rating_session(
        therapist,
        case_id,
        rating_service.RatingSessionInput(
            family="outcome",
            respondent="self",
            rated_on=DAY,
            answers={"individual": 41, "interpersonal": 52, "social": 63, "overall": 74},
        ),
    )
    case_service.transition(therapist, case_id, e.CaseStatus.SIX_MONTH_EVALUATION)
    case_service.transition(
        therapist,
        case_id,
        e.CaseStatus.CLOSED,
        closure=closure_service.ClosureInput(
            closed_on=clock.today(),
            reason=e.ClosureReason.GOALS_MET,
            goals_met="partly",
            declined_recommendations=(c("declined recommendation"),),
            student_view=c("closure student view"),
            guardian_view=c("closure guardian view"),
            note=c("closure note"),
        ),
    )
    with engine.connect() as conn:
        due = conn.execute(
            select(FollowUp.id, FollowUp.due_on).where(FollowUp.case_id == case_id)
        ).all()
    assert due, "closing with follow-up consent schedules follow-ups"
    for follow_up in due:
        closure_service.record_follow_up(
            educator,
            follow_up.id,
            closure_service.FollowUpInput(
                done_on=follow_up.due_on,
                participation_level=e.ParticipationLevel.PARTIAL,
                acceptable_knowledge=True,
                note=c("follow-up note"),
            ),
        )

    # A second SST plus application that is assessed and declined with guidance.
    other = student_service.register_student(
        officer,
        student_service.StudentInput(
            first_name=c("first_name 2"),
            last_name=c("last_name 2"),
            school_id=school.id,
            school_year=7,
        ),
    )
    declined = referral_service.receive_application(
        officer,
        referral_service.ApplicationInput(
            route=e.ReferralRoute.OWN_APPLICATION,
            received_on=DAY,
            student_id=other,
            team_id=team.id,
            district_id=district.id,
            applicant=c("applicant 2"),
        ),
    )
    referral_service.record_assessment(
        officer, declined, c("assessment kind 2"), DAY, c("assessment summary 2")
    )
    referral_service.decline_with_guidance(
        officer, declined, c("guided to (plus)"), c("guidance note")
    )


def test_no_canary_from_any_service_write_path_on_disk(engine, db_path, clock):
    canaries = Canaries()
    write_through_every_service(engine, clock, canaries, random.Random(1))
    assert len(canaries.where) > 100
    checkpoint(engine)
    assert_stored_but_not_on_disk(engine, db_path, canaries)

    from sst_desktop.casework import student_service  # a second batch, left in the WAL only
    from sst_desktop.casework.context import ServiceContext
    from sst_desktop.config.programmes import load_default_rules
    from sst_rules.enums import Authority, Role
    from tests.conftest import DEVICE

    officer = ServiceContext(
        engine,
        Actor(
            "0190a000-0000-7000-8000-0000000005a2",
            Authority.SOCIAL_SERVICES,
            None,
            Role.CASE_OFFICER,
            DEVICE,
        ),
        clock,
        load_default_rules(),
    )
    wal_only = Canaries()
    student = student_service.register_student(
        officer,
        student_service.StudentInput(
            first_name=wal_only("first_name"),
            last_name=wal_only("last_name"),
            address=wal_only("address"),
        ),
    )
    student_service.add_guardian(
        officer,
        student,
        student_service.GuardianInput(
            name=wal_only("guardian"), address=wal_only("guardian address")
        ),
    )
    assert db_files(db_path)["sst.db-wal"] > 0
    assert_stored_but_not_on_disk(engine, db_path, wal_only)
    print(f"{len(canaries.where) + len(wal_only.where)} canaries through the services: 0 found")


# -- temp files during a large sort ---------------------------------------------------------------


SORT_ROWS = 20_000


def test_a_large_sort_and_group_by_open_no_temp_file(tmp_path):
    """Run in a child so SQLite reads SQLITE_TMPDIR (and Python TMPDIR) at start-up."""
    temp_dir, db_dir = tmp_path / "tmp", tmp_path / "db"
    temp_dir.mkdir()
    db_dir.mkdir()
    env = {
        **os.environ,
        "SQLITE_TMPDIR": str(temp_dir),
        "TMPDIR": str(temp_dir),
        "PYTHONPATH": str(ROOT),
    }
    done = subprocess.run(
        [sys.executable, __file__, "sort-probe", str(db_dir)],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    print(json.dumps(result, indent=1))
    memory, control = result["memory"], result["file_control"]
    assert memory["rows"] == [SORT_ROWS, SORT_ROWS, SORT_ROWS]
    assert memory["new_files"] == {}, "the real engine opened files during the sort"
    assert memory["fd_scans"] > 10  # the watcher really looked while the queries ran
    # Control: with temp_store = FILE the same queries spill plaintext into deleted temp files
    # under SQLITE_TMPDIR, and the watcher sees and reads them.
    assert control["new_files"], "the watcher saw no temp file even with temp_store = FILE"
    assert all(name.startswith(str(temp_dir)) for name in control["new_files"])
    assert sum(control["new_files"].values()) > 0, "the watcher read no plaintext in them"
    assert list(temp_dir.iterdir()) == []
    assert raw_hits(db_dir, result["canaries"]) == []


class FdWatcher(threading.Thread):
    """Reads every file this process opens after ``start``; counts canaries in each."""

    def __init__(self, canaries: list[str]) -> None:
        super().__init__(daemon=True)
        self.needles = [n.encode("utf-8") for n in canaries]
        self.baseline = self.snapshot()
        self.stopping = threading.Event()
        self.found: dict[str, int] = {}
        self.sizes: dict[str, int] = {}
        self.scans = 0

    @staticmethod
    def snapshot() -> dict[str, str]:
        out = {}
        for fd in os.listdir("/proc/self/fd"):
            try:
                out[fd] = os.readlink(f"/proc/self/fd/{fd}")
            except OSError:
                continue
        return out

    def run(self) -> None:
        while not self.stopping.is_set():
            self.scans += 1
            for fd, target in self.snapshot().items():
                if self.baseline.get(fd) == target or target.startswith(
                    ("/proc/", "pipe:", "socket:", "anon_inode:")
                ):
                    continue
                self.read(fd, target)
            time.sleep(0.0005)

    def read(self, fd: str, target: str) -> None:
        try:
            size = os.stat(f"/proc/self/fd/{fd}").st_size
            if self.sizes.get(target) == size and target in self.found:
                return
            with open(f"/proc/self/fd/{fd}", "rb") as handle:
                data = handle.read()
        except OSError:
            return
        self.sizes[target] = size
        hits = sum(data.count(n) for n in self.needles)
        self.found[target] = max(self.found.get(target, 0), hits)

    def stop(self) -> dict[str, int]:
        self.stopping.set()
        self.join()
        return self.found


def _sort_probe(db_dir: Path) -> dict[str, Any]:
    canaries = Canaries()
    marks = [canaries(f"sort {i}") for i in range(20)]
    engine = create_cipher_engine(db_dir / "sst.db", os.urandom(32), must_exist=False)
    schema.upgrade_to_head(engine)
    rows = [
        {
            "id": f"{i:036d}",
            "first_name": marks[i % 20],
            "last_name": f"{marks[i % 7]} {i}",
            "address": f"{marks[i % 20]} {i} " + "x" * (700 + i % 300),
            "school_year": 5,
            "protected_identity": False,
            "authority": "social_services",
            "record_class": "social_services_record",
            "created_at": MOMENT,
            "created_by": "probe",
            "updated_at": MOMENT,
            "updated_by": "probe",
            "deleted": False,
        }
        for i in range(SORT_ROWS)
    ]
    with engine.begin() as conn:
        conn.execute(insert(Student.__table__), rows)
    checkpoint(engine)
    queries = [
        "SELECT id, address, last_name FROM students ORDER BY address DESC, last_name",
        "SELECT last_name, count(*), max(address) FROM students GROUP BY last_name",
        "SELECT DISTINCT address FROM students ORDER BY first_name, address",
    ]

    def run(setting: str) -> dict[str, Any]:
        raw = engine.raw_connection()  # the engine's own configured connection
        try:
            conn = raw.driver_connection
            conn.execute(f"PRAGMA temp_store = {setting}")
            conn.execute("SELECT count(*) FROM students").fetchone()
            watcher = FdWatcher(list(canaries.where))
            watcher.start()
            counts = [len(conn.execute(q).fetchall()) for q in queries]
            found = watcher.stop()
            conn.execute("PRAGMA temp_store = MEMORY")
        finally:
            raw.close()
        return {"rows": counts, "new_files": found, "fd_scans": watcher.scans}

    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA temp_store").scalar_one() == 2  # MEMORY
    memory = run("MEMORY")
    control = run("FILE")
    engine.dispose()
    return {"memory": memory, "file_control": control, "canaries": list(canaries.where)}


# -- exceptions and logs carry no bound values ----------------------------------------------------


def _no_canary_anywhere(canary: str, exc: BaseException, caplog: Any) -> None:
    assert canary not in str(exc)
    assert canary not in repr(exc)
    assert canary not in "".join(traceback.format_exception(exc))
    assert canary not in caplog.text
    assert all(canary not in record.getMessage() for record in caplog.records)


@pytest.mark.parametrize("violation", ["students.school_year", "absence_records.percent"])
def test_a_constraint_error_carries_no_parameter_values(
    db_path, raw_key, social_actor, clock, caplog, violation
):
    caplog.set_level(logging.DEBUG, logger="sqlalchemy")
    engine = create_cipher_engine(db_path, raw_key, must_exist=False)
    schema.upgrade_to_head(engine)
    canaries = Canaries()
    canary = canaries(violation)
    build: Callable[[RowBuilder], Any]
    if violation == "students.school_year":

        def build(rows: RowBuilder) -> Any:
            return rows.build("students", school_year=42, first_name=canary)
    else:

        def build(rows: RowBuilder) -> Any:
            return rows.build("absence_records", percent=150.0, source=canary)

    try:
        with (
            pytest.raises(IntegrityError) as caught,
            UnitOfWork(engine, social_actor, clock) as uow,
        ):
            build(RowBuilder(uow, Canaries()))
            uow.commit()
    finally:
        engine.dispose()
    assert "CHECK constraint failed" in str(caught.value)
    assert "parameters hidden" in str(caught.value)  # wrapped by SQLAlchemy: values hidden
    assert "INSERT INTO" in caplog.text  # the engine did log statements, at DEBUG...
    assert "[SQL parameters hidden due to hide_parameters=True]" in caplog.text  # ...not values
    _no_canary_anywhere(canary, caught.value, caplog)


def _main(argv: list[str]) -> int:
    if argv[1:2] == ["sort-probe"]:
        print(json.dumps(_sort_probe(Path(argv[2]))))
        return 0
    return 2


if __name__ == "__main__":
    sys.exit(_main(sys.argv))
