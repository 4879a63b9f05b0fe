"""The central store over real HTTP on both back ends: enrollment, push exactly once, three-way
merge with recorded conflicts, pull in commit order within the user's scope, refusals."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from sst_server import admin
from sst_server.db import applied_mutations, records
from tests.server.conftest import Server
from tests.server.helpers import Device, Organisation, enroll, mutation, organisation

SOCIAL = "social_services"


def _case(org: Organisation, device: Device) -> tuple[str, int]:
    case = mutation("cases", {"team_id": org.team_id, "status": "active"}, authority=SOCIAL)
    (answer,) = device.push(case)
    assert answer["status"] == "accepted", answer
    return case["entity_id"], answer["version"]


def _count(server: Server, table: Any) -> int:
    with server.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(table)).scalar_one())


def test_a_mutation_applies_exactly_once_and_is_pulled_by_the_team(server: Server) -> None:
    org = organisation(server)
    therapist, colleague = enroll(server, org.therapist), enroll(server, org.therapist)
    case_id, _ = _case(org, therapist)
    visit = mutation(
        "contacts", {"kind": "home_visit", "note": "Hembesök"}, authority=SOCIAL, case_id=case_id
    )
    first = therapist.push(visit)
    again = therapist.push(visit)  # the answer was lost on the way: the device retries
    assert first == again and first[0]["status"] == "accepted"
    assert _count(server, applied_mutations) == 2  # the case and the visit, once each
    seen, _cursor = colleague.pull_all()
    assert seen[visit["entity_id"]]["fields"]["note"] == "Hembesök"
    assert seen[case_id]["entity_type"] == "cases"


def test_both_sides_changing_one_field_records_a_conflict_and_loses_nothing(server: Server) -> None:
    org = organisation(server)
    laptop, tablet = enroll(server, org.therapist), enroll(server, org.therapist)
    case_id, _ = _case(org, laptop)
    meeting = mutation(
        "meetings", {"agenda": "Start", "place": "Skolan"}, authority=SOCIAL, case_id=case_id
    )
    (made,) = laptop.push(meeting)
    base = made["version"]
    edit = {"authority": SOCIAL, "case_id": case_id, "entity_id": meeting["entity_id"]}
    (mine,) = laptop.push(
        mutation(
            "meetings", {"agenda": "Start, mål"}, operation="update", base_version=base, **edit
        )
    )
    (theirs,) = tablet.push(
        mutation(
            "meetings",
            {"agenda": "Start, närvaro", "place": "Hemma"},
            operation="update",
            base_version=base,
            **edit,
        )
    )
    assert mine["status"] == "accepted"
    assert theirs["status"] == "conflict" and len(theirs["conflicts"]) == 1
    seen, _ = tablet.pull_all()
    merged = seen[meeting["entity_id"]]["fields"]
    assert merged["agenda"] == "Start, mål" and merged["place"] == "Hemma"  # place merged
    conflict = seen[theirs["conflicts"][0]]["fields"]
    assert (conflict["kept_value"], conflict["other_value"], conflict["base_value"]) == (
        "Start, mål",
        "Start, närvaro",
        "Start",
    )


def test_the_school_sees_social_services_records_only_under_consent(server: Server) -> None:
    org = organisation(server)
    therapist, psychologist = enroll(server, org.therapist), enroll(server, org.psychologist)
    outsider = enroll(server, org.outsider)
    case_id, _ = _case(org, therapist)
    visit = mutation("contacts", {"note": "Hembesök"}, authority=SOCIAL, case_id=case_id)
    therapist.push(visit)
    seen, cursor = psychologist.pull_all()
    assert case_id in seen and visit["entity_id"] not in seen  # raw HTTP: not delivered
    consent = mutation(
        "consents",
        {
            "recipient_authority": "school",
            "purposes": ["sharing_between_authorities"],
            "categories": ["contacts"],
            "given_on": "2026-01-01",
            "valid_until": None,
            "withdrawn_on": None,
        },
        authority=SOCIAL,
        case_id=case_id,
    )
    party = mutation(
        "consent_parties",
        {"consent_id": consent["entity_id"], "party": "student", "agreed": True},
        authority=SOCIAL,
        case_id=case_id,
    )
    assert [r["status"] for r in therapist.push(consent, party)] == ["accepted", "accepted"]
    seen, cursor = psychologist.pull_all(cursor)  # older than the cursor, sent all the same
    assert seen[visit["entity_id"]]["fields"]["note"] == "Hembesök"
    outside, _ = outsider.pull_all()
    assert case_id not in outside and visit["entity_id"] not in outside
    (withdrawn,) = therapist.push(
        mutation(
            "consents",
            {"withdrawn_on": "2026-02-01"},
            authority=SOCIAL,
            case_id=case_id,
            entity_id=consent["entity_id"],
            operation="update",
            base_version=seen[consent["entity_id"]]["version"],
        )
    )
    assert withdrawn["status"] == "accepted"
    page = psychologist.post("/v1/pull", {"protocol": 1, "cursor": cursor}).json()
    assert {e["entity_id"] for e in page["evictions"]} == {visit["entity_id"]}
    assert visit["entity_id"] not in {c["entity_id"] for c in page["changes"]}


def test_writes_the_user_may_not_make_are_refused_one_by_one(server: Server) -> None:
    org = organisation(server)
    therapist, psychologist = enroll(server, org.therapist), enroll(server, org.psychologist)
    outsider = enroll(server, org.outsider)
    case_id, _ = _case(org, therapist)
    mine = mutation("contacts", {"note": "ok"}, authority=SOCIAL, case_id=case_id)
    other_authority = mutation("contacts", {"note": "x"}, authority=SOCIAL, case_id=case_id)
    results = psychologist.push(other_authority)
    assert results[0]["status"] == "rejected" and results[0]["reason"] == "other_authority"
    results = outsider.push(mutation("contacts", {"note": "x"}, authority=SOCIAL, case_id=case_id))
    assert results[0]["reason"] == "case_not_on_team"
    forged_team = mutation("staff", {"name": "x"}, authority=SOCIAL)
    both = therapist.push(forged_team, mine)
    assert [r["status"] for r in both] == ["rejected", "accepted"]  # that mutation alone
    with server.engine.connect() as conn:
        stored = set(conn.execute(select(records.c.entity_id)).scalars())
    assert other_authority["entity_id"] not in stored and forged_team["entity_id"] not in stored


def test_a_signed_plan_revision_cannot_be_changed(server: Server) -> None:
    org = organisation(server)
    therapist = enroll(server, org.therapist)
    case_id, _ = _case(org, therapist)
    revision = mutation(
        "plan_revisions",
        {"status": "signed", "signed_at": "2026-03-01T10:00:00+00:00", "text": "Mål"},
        authority=SOCIAL,
        case_id=case_id,
    )
    (made,) = therapist.push(revision)
    (edit,) = therapist.push(
        mutation(
            "plan_revisions",
            {"text": "Ändrat"},
            authority=SOCIAL,
            case_id=case_id,
            entity_id=revision["entity_id"],
            operation="update",
            base_version=made["version"],
        )
    )
    assert edit["status"] == "rejected" and edit["reason"] == "signed_plan_immutable"


def test_enrollment_codes_work_once_and_a_revoked_device_gets_nothing(server: Server) -> None:
    org = organisation(server)
    code = admin.issue_enrollment_code(server.engine, org.therapist).code
    http = server.client()
    first = http.post("/v1/enroll", json={"protocol": 1, "code": code})
    second = http.post("/v1/enroll", json={"protocol": 1, "code": code})
    assert first.status_code == 200 and second.status_code == 401
    assert second.json()["code"] == "enrollment_code_invalid"
    device = enroll(server, org.therapist)
    admin.revoke_device(server.engine, device.device_id)
    answer = device.post("/v1/pull", {"protocol": 1})
    assert answer.status_code == 403 and answer.json()["code"] == "device_revoked"
    token = http.post(
        "/v1/token",
        json={"protocol": 1, "device_id": device.device_id, "refresh_token": device.refresh},
    )
    assert token.status_code == 403


def test_a_reused_refresh_token_revokes_the_device(server: Server) -> None:
    org = organisation(server)
    device = enroll(server, org.therapist)
    body = {"protocol": 1, "device_id": device.device_id, "refresh_token": device.refresh}
    rotated = device.http.post("/v1/token", json=body)
    assert rotated.status_code == 200 and rotated.json()["refresh_token"] != device.refresh
    stolen = device.http.post("/v1/token", json=body)  # the old one again
    assert stolen.status_code == 403
    fresh = {**body, "refresh_token": rotated.json()["refresh_token"]}
    assert device.http.post("/v1/token", json=fresh).status_code == 403


def test_bad_requests_get_a_reason_and_change_nothing(server: Server) -> None:
    org = organisation(server)
    device = enroll(server, org.therapist)
    before = _count(server, records)
    headers = {"Authorization": f"Bearer {device.access}", "Content-Type": "application/json"}
    cases: list[tuple[Any, int, str]] = [
        (b"{not json", 422, "malformed_request"),
        ({"protocol": 1, "mutations": "many"}, 422, "malformed_request"),
        ({"protocol": 99, "mutations": []}, 426, "protocol_unsupported"),
        ({"protocol": 99, "mutations": [], "future_field": 1}, 426, "protocol_unsupported"),
        ({"protocol": 1, "mutations": [{"mutation_id": "x"}]}, 422, "malformed_request"),
        ({"protocol": 1, "mutations": [], "extra": True}, 422, "malformed_request"),
    ]
    for body, status, code in cases:
        content = body if isinstance(body, bytes) else None
        answer = device.http.post(
            "/v1/push", content=content, json=None if content else body, headers=headers
        )
        assert (answer.status_code, answer.json()["code"]) == (status, code), body
    huge = device.http.post("/v1/push", content=b"x" * (9 * 1024 * 1024), headers=headers)
    assert huge.status_code == 413
    forged = device.http.post(
        "/v1/pull", json={"protocol": 1}, headers={"Authorization": "Bearer abc.def"}
    )
    assert forged.status_code == 401
    missing = device.http.post("/v1/pull", json={"protocol": 1})
    assert missing.status_code == 401
    bad_cursor = device.post("/v1/pull", {"protocol": 1, "cursor": "yesterday"})
    assert bad_cursor.status_code == 400
    assert _count(server, records) == before


def test_the_openapi_schema_is_published(server: Server) -> None:
    schema = server.client().get("/openapi.json").json()
    assert {"/v1/enroll", "/v1/token", "/v1/push", "/v1/pull"} <= set(schema["paths"])
    assert "Mutation" in schema["components"]["schemas"]
