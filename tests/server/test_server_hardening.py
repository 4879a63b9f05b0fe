"""R6, our own cases: bad input to the real server on both back ends gets a 4xx with a reason and
changes nothing in the database; failed enrollments and refreshes are throttled across server
processes and logged with ids only; every endpoint has a request limit and a body limit.

(``test_sync_protocol`` has the first bad-request cases on push and pull; these cover the rest.)
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from sst_desktop.ids import new_id
from sst_desktop.sync.protocol import MAX_BODY_BYTES
from sst_desktop.sync.transport import SyncError, Tokens, Transport
from sst_desktop.ui.sync_controller import RETRY_MS, retry_delay_ms, sync_message
from sst_server import admin, tokens
from sst_server.db import applied_mutations, devices, metadata
from sst_server.throttle import auth_failures
from tests.server.conftest import Server
from tests.server.helpers import Device, Organisation, enroll, mutation, organisation
from tests.server.serving import SECRET, serve, start_server

SOCIAL = "social_services"
ENDPOINTS = ("/v1/enroll", "/v1/token", "/v1/push", "/v1/pull", "/v1/audit")
WELL_FORMED_CODE = "ABCD-EFGH-JKLM"


# -- helpers ------------------------------------------------------------------------------------
def snapshot(server: Server, *skip: str) -> dict[str, list[str]]:
    """Every row of every table (but ``skip``), comparable before and after."""
    with server.engine.connect() as conn:
        return {
            table.name: sorted(repr(tuple(row)) for row in conn.execute(select(table)))
            for table in metadata.sorted_tables
            if table.name not in skip
        }


def _post(
    http: httpx.Client, path: str, body: Any, token: str | None = None, **headers: str
) -> httpx.Response:
    if token is not None:
        headers["Authorization"] = f"Bearer {token}"
    if isinstance(body, bytes):
        headers.setdefault("Content-Type", "application/json")
        return http.post(path, content=body, headers=headers)
    return http.post(path, json=body, headers=headers)


def _refused(answer: httpx.Response, status: int, code: str) -> dict[str, Any]:
    assert answer.status_code == status, (answer.status_code, answer.text)
    body: dict[str, Any] = answer.json()
    assert body["code"] == code and body["message"] and body["protocol"] == 1, body
    return body


def _case(org: Organisation, device: Device) -> str:
    case = mutation("cases", {"team_id": org.team_id, "status": "active"}, authority=SOCIAL)
    assert device.push(case)[0]["status"] == "accepted"
    return str(case["entity_id"])


def _log(tmp_path: Path) -> str:
    """What the application logged (uvicorn's own start-up lines name the listening address)."""
    time.sleep(0.2)  # the server process writes its log line after it answers
    text = "\n".join(p.read_text() for p in sorted(tmp_path.glob("server-*.log")))
    return "\n".join(line for line in text.splitlines() if " sst_server." in line)


def _refresh(device: Device) -> dict[str, str]:
    return {"protocol": 1, "device_id": device.device_id, "refresh_token": device.refresh}


# -- malformed and mistyped ---------------------------------------------------------------------
def _push_with(**wrong: Any) -> dict[str, Any]:
    return {"protocol": 1, "mutations": [{**mutation("cases", {}, authority=SOCIAL), **wrong}]}


def _escaped(body: dict[str, Any]) -> bytes:
    """As JSON with every non-ASCII character escaped, so half a UTF-16 pair can travel."""
    return json.dumps(body, ensure_ascii=True).encode()


def _audit_event(**wrong: Any) -> dict[str, Any]:
    event = {
        "seq": 1,
        "id": new_id(),
        "at": "2026-03-01T10:00:00+00:00",
        "device_id": new_id(),
        "actor_id": new_id()[:40],
        "action": "view",
        "entity_type": "cases",
        "entity_id": None,
        "case_id": None,
        "details": {},
        "prev_hash": "0" * 64,
        "hash": "0" * 64,
    }
    return {"protocol": 1, "events": [{**event, **wrong}]}


MALFORMED: list[bytes] = [
    b"{not json",
    b'{"protocol": 1, "code": "\xff\xfe"}',  # not UTF-8
    b"[]",
    b'"text"',
    b"null",
    b"",
    b'{"protocol": "one"}',
]
MISTYPED: dict[str, list[dict[str, Any] | bytes]] = {
    "/v1/enroll": [
        {"protocol": 1, "code": 12345678},
        {"protocol": 1, "code": "short"},
        {"protocol": 1, "code": WELL_FORMED_CODE, "device_name": ["laptop"]},
        {"protocol": 1, "code": WELL_FORMED_CODE, "extra": True},
    ],
    "/v1/token": [
        {"protocol": 1, "device_id": "not-a-uuid", "refresh_token": "x" * 20},
        {"protocol": 1, "device_id": new_id(), "refresh_token": 1234567890123456789},
        {"protocol": 1, "device_id": new_id()},
    ],
    "/v1/push": [
        _push_with(base_version="three"),  # (a numeric string is coerced: lax pydantic)
        _push_with(operation="upsert"),
        _push_with(entity_type="Cases!"),
        _push_with(case_id=5),
        _push_with(fields=[1]),
        {"protocol": 1, "mutations": [mutation("cases", {}, authority=SOCIAL)] * 501},
        {"protocol": 1, "mutations": [mutation("cases", {}, authority=SOCIAL)] * 2},  # one id twice
        _escaped(_push_with(fields={"status": "half a pair: \ud800"})),  # PostgreSQL: was a 500
    ],
    "/v1/pull": [
        {"protocol": 1, "limit": "all"},
        {"protocol": 1, "limit": 0},
        {"protocol": 1, "limit": 1_000_000},
        {"protocol": 1, "cursor": 17},
        {"protocol": 1, "cursor": "x" * 1001},
    ],
    "/v1/audit": [
        _audit_event(at="yesterday"),  # was a 500
        _audit_event(seq=0),
        _audit_event(hash="not a hash"),
        _escaped(_audit_event(details={"note": "\udc00"})),
    ],
}


def test_malformed_or_mistyped_bodies_get_422_and_change_nothing(server: Server) -> None:
    org = organisation(server)
    device = enroll(server, org.therapist)
    _case(org, device)
    before = snapshot(server)
    for path in ENDPOINTS:
        for body in [*MALFORMED, *MISTYPED[path]]:
            answer = _post(device.http, path, body, device.access)
            _refused(answer, 422, "malformed_request")
        plain = _post(
            device.http, path, b"protocol=1", device.access, **{"Content-Type": "text/plain"}
        )
        _refused(plain, 422, "malformed_request")
    assert snapshot(server) == before  # not even a counted failure: nothing was tried


# -- body size ----------------------------------------------------------------------------------
def _chunks(total: int, size: int = 64 * 1024) -> Iterator[bytes]:
    """A streamed body without Content-Length (Transfer-Encoding: chunked)."""
    yield b'{"protocol": 1'
    sent = 0
    while sent < total:
        yield b" " * size
        sent += size
    yield b"}"


def _send_large(http: httpx.Client, path: str, content: Any, token: str) -> httpx.Response | None:
    """The answer, or None if the server hung up while the body was still going out (allowed:
    it answered before reading it all)."""
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    try:
        return http.post(path, content=content, headers=headers)
    except (httpx.WriteError, httpx.RemoteProtocolError, httpx.ReadError):
        return None


def test_bodies_over_the_limit_are_refused_declared_or_streamed(server: Server) -> None:
    org = organisation(server)
    device = enroll(server, org.therapist)
    before = snapshot(server)
    for path in ENDPOINTS:
        declared = b'{"protocol": 1' + b" " * MAX_BODY_BYTES + b"}"
        answers = [
            _send_large(device.http, path, declared, device.access),
            _send_large(device.http, path, _chunks(MAX_BODY_BYTES + 1), device.access),
        ]
        assert any(a is not None for a in answers), path
        for answer in answers:
            if answer is not None:
                _refused(answer, 413, "body_too_large")
    assert snapshot(server) == before
    # Just under the limit, streamed: read in full and answered.
    near = _send_large(
        device.http, "/v1/pull", _chunks(MAX_BODY_BYTES - 1024 * 1024), device.access
    )
    assert near is not None and near.status_code == 200, near and near.text


# -- protocol version ---------------------------------------------------------------------------
def test_an_unknown_protocol_version_is_told_to_update_and_changes_nothing(server: Server) -> None:
    org = organisation(server)
    device = enroll(server, org.therapist)
    code = admin.issue_enrollment_code(server.engine, org.psychologist).code
    bodies = {
        "/v1/enroll": {"code": code},
        "/v1/token": {"device_id": device.device_id, "refresh_token": device.refresh},
        "/v1/push": {"mutations": [mutation("cases", {"team_id": org.team_id}, authority=SOCIAL)]},
        "/v1/pull": {},
    }
    before = snapshot(server)
    for path, body in bodies.items():
        for version in (0, 2, 99, 10**7):
            answer = _post(device.http, path, {**body, "protocol": version}, device.access)
            refusal = _refused(answer, 426, "protocol_unsupported")
            assert "Update SST Desktop" in refusal["message"]
    assert snapshot(server) == before  # the code unused, the refresh token not rotated
    assert _post(device.http, "/v1/enroll", {"protocol": 1, "code": code}).status_code == 200


# -- tokens -------------------------------------------------------------------------------------
def test_forged_expired_and_mismatched_access_tokens_are_refused(server: Server) -> None:
    org = organisation(server)
    device = enroll(server, org.therapist)
    _case(org, device)
    body, signature = device.access.split(".")
    other = tokens.issue_access(b"another deployment's secret", device.device_id, org.therapist, 60)
    forged = {
        "expired": tokens.issue_access(SECRET.encode(), device.device_id, org.therapist, -1),
        "another secret": other,
        "body swapped": other.split(".")[0] + "." + signature,
        "signature swapped": body + "." + other.split(".")[1],
        "someone else's staff id": tokens.issue_access(
            SECRET.encode(), device.device_id, org.psychologist, 60
        ),
        "unknown device": tokens.issue_access(SECRET.encode(), new_id(), org.therapist, 60),
        "not ASCII": body + "." + signature[:-1] + "é",
        "garbage": "x" * 500,
    }
    push = {
        "protocol": 1,
        "mutations": [mutation("cases", {"team_id": org.team_id}, authority=SOCIAL)],
    }
    before = snapshot(server)
    for what, token in forged.items():
        for path, payload in (("/v1/push", push), ("/v1/pull", {"protocol": 1})):
            headers = {"Authorization": ("Bearer " + token).encode("latin-1")}
            answer = device.http.post(path, json=payload, headers=headers)
            assert answer.status_code == 401, (what, path, answer.text)
            assert answer.json()["code"] == "token_invalid", what
    for header in ("Basic " + device.access, device.access, "Bearer"):
        answer = device.http.post(
            "/v1/pull", json={"protocol": 1}, headers={"Authorization": header}
        )
        _refused(answer, 401, "token_missing")
    assert snapshot(server) == before


def test_a_replayed_refresh_token_revokes_the_device_and_all_its_tokens(
    server: Server, tmp_path: Path
) -> None:
    org = organisation(server)
    device = enroll(server, org.therapist)
    rotated = _post(device.http, "/v1/token", _refresh(device)).json()
    before = snapshot(server, "devices", "auth_failures")
    replay = _post(device.http, "/v1/token", _refresh(device))  # the old one: a copy exists
    _refused(replay, 403, "device_revoked")
    # The whole device is cut off: the access token the rotation gave is refused at once too.
    answer = _post(device.http, "/v1/pull", {"protocol": 1}, rotated["access_token"])
    _refused(answer, 403, "device_revoked")
    with server.engine.connect() as conn:
        row = conn.execute(select(devices).where(devices.c.id == device.device_id)).one()
    assert row.revoked_at is not None and row.revoked_reason == "refresh_reuse"
    assert snapshot(server, "devices", "auth_failures") == before
    log = _log(tmp_path)
    assert f"device {device.device_id} presented an old refresh token" in log
    for secret in (device.refresh, rotated["refresh_token"], rotated["access_token"]):
        assert secret not in log


# -- what the user may not write ----------------------------------------------------------------
def _only_rejections_remembered(
    server: Server, before: dict[str, list[str]], sent: list[str]
) -> None:
    """Nothing changed but the refusals kept for a retry (``applied_mutations``)."""
    assert snapshot(server, "applied_mutations") == {
        k: v for k, v in before.items() if k != "applied_mutations"
    }
    with server.engine.connect() as conn:
        kept = conn.execute(
            select(applied_mutations.c.mutation_id, applied_mutations.c.status).where(
                applied_mutations.c.mutation_id.in_(sent)
            )
        ).all()
    assert sorted(kept) == sorted((m, "rejected") for m in sent)


def test_another_teams_case_ids_are_refused_and_its_records_unchanged(server: Server) -> None:
    org = organisation(server)
    therapist, outsider = enroll(server, org.therapist), enroll(server, org.outsider)
    case_id = _case(org, therapist)
    visit = mutation("contacts", {"note": "Hembesök"}, authority=SOCIAL, case_id=case_id)
    (made,) = therapist.push(visit)
    seen, _ = therapist.pull_all()
    tags = {"authority": SOCIAL, "operation": "update"}
    attempts = [
        mutation("contacts", {"note": "x"}, authority=SOCIAL, case_id=case_id),
        mutation(
            "contacts",
            {"note": "changed"},
            case_id=case_id,
            entity_id=visit["entity_id"],
            base_version=made["version"],
            **tags,
        ),
        mutation(
            "cases",
            {"team_id": org.other_team_id},  # taking the case over
            entity_id=case_id,
            base_version=seen[case_id]["version"],
            **tags,
        ),
        mutation(
            "contacts",
            {},
            authority=SOCIAL,
            case_id=case_id,
            entity_id=visit["entity_id"],
            operation="tombstone",
            base_version=made["version"],
        ),
        mutation("cases", {"team_id": org.team_id, "status": "active"}, authority=SOCIAL),
    ]
    before = snapshot(server)
    results = outsider.push(*attempts)
    assert [r["status"] for r in results] == ["rejected"] * len(attempts), results
    assert {r["reason"] for r in results} <= {"case_not_on_team", "unknown_case"}, results
    assert all(r["current"] is None for r in results)  # no copy of another team's record
    _only_rejections_remembered(server, before, [m["mutation_id"] for m in attempts])


def test_a_signed_plan_revision_cannot_be_changed_or_deleted(server: Server) -> None:
    org = organisation(server)
    therapist = enroll(server, org.therapist)
    case_id = _case(org, therapist)
    revision = mutation(
        "plan_revisions",
        {"status": "signed", "signed_at": "2026-03-01T10:00:00+00:00", "text": "Mål"},
        authority=SOCIAL,
        case_id=case_id,
    )
    (made,) = therapist.push(revision)
    plan = {
        "authority": SOCIAL,
        "case_id": case_id,
        "entity_id": revision["entity_id"],
        "base_version": made["version"],
    }
    attempts = [
        mutation(
            "plan_revisions", {"signed_at": None, "status": "draft"}, operation="update", **plan
        ),
        mutation("plan_revisions", {"text": "Ändrat"}, operation="update", **plan),
        mutation("plan_revisions", {}, operation="tombstone", **plan),
    ]
    before = snapshot(server)
    results = therapist.push(*attempts)
    assert [(r["status"], r["reason"]) for r in results] == [
        ("rejected", "signed_plan_immutable")
    ] * 3
    assert results[0]["current"]["fields"]["text"] == "Mål"  # the device puts it back
    _only_rejections_remembered(server, before, [m["mutation_id"] for m in attempts])


# -- throttling ---------------------------------------------------------------------------------
def test_failed_enrollments_are_throttled_and_logged_without_the_code(
    server: Server, tmp_path: Path
) -> None:
    org = organisation(server)
    http = server.client()
    wrong = [f"WRNG-CODE-{n:04d}" for n in range(10)]
    for code in wrong:
        _refused(
            _post(http, "/v1/enroll", {"protocol": 1, "code": code}), 401, "enrollment_code_invalid"
        )
    good = admin.issue_enrollment_code(server.engine, org.therapist).code
    before = snapshot(server)
    throttled = _post(http, "/v1/enroll", {"protocol": 1, "code": good})
    _refused(throttled, 429, "too_many_attempts")
    assert 1 <= int(throttled.headers["Retry-After"]) <= 15 * 60
    assert snapshot(server) == before  # the good code was not even looked at, nor consumed
    # Another address is not held back, and its success does not free the first one.
    elsewhere = _post(
        http, "/v1/enroll", {"protocol": 1, "code": good}, **{"X-Forwarded-For": "10.1.2.3"}
    )
    assert elsewhere.status_code == 200, elsewhere.text
    _refused(_post(http, "/v1/enroll", {"protocol": 1, "code": wrong[0]}), 429, "too_many_attempts")
    log = _log(tmp_path)
    assert log.count("enrollment refused (enrollment_code_invalid) from address ") == 10
    assert "enrollment throttled" in log
    for secret in [*wrong, good, good.replace("-", ""), "127.0.0.1", "10.1.2.3"]:
        assert secret not in log
    with server.engine.connect() as conn:
        stored = " ".join(map(repr, conn.execute(select(auth_failures)).all()))
    assert len(stored) > 0 and "127.0.0.1" not in stored


def test_failed_refreshes_are_throttled_per_device_and_per_address(server: Server) -> None:
    org = organisation(server)
    http = server.client()
    stranger = new_id()  # a device id the server never issued
    for n in range(5):
        body = {"protocol": 1, "device_id": stranger, "refresh_token": "r" * 43}
        answer = _post(http, "/v1/token", body, **{"X-Forwarded-For": f"10.0.0.{n}"})
        _refused(answer, 401, "device_unknown")
    body = {"protocol": 1, "device_id": stranger, "refresh_token": "r" * 43}
    _refused(
        _post(http, "/v1/token", body, **{"X-Forwarded-For": "10.0.0.9"}), 429, "too_many_attempts"
    )
    # Per address: ten failures with ten different device ids from one address.
    for _ in range(10):
        body = {"protocol": 1, "device_id": new_id(), "refresh_token": "r" * 43}
        _refused(
            _post(http, "/v1/token", body, **{"X-Forwarded-For": "10.0.1.1"}), 401, "device_unknown"
        )
    device = enroll(server, org.therapist)
    refresh = _refresh(device)
    _refused(
        _post(http, "/v1/token", refresh, **{"X-Forwarded-For": "10.0.1.1"}),
        429,
        "too_many_attempts",
    )
    # The device's own refresh from its own address still works and was not consumed above.
    assert _post(http, "/v1/token", refresh).status_code == 200


@pytest.fixture(params=["sqlite", "postgresql"])
def two_processes(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[Server, str]]:
    """Two server processes over one database, with a short failure window and a low request
    limit (the environment every process of a deployment reads)."""
    monkeypatch.setenv("SST_SERVER_AUTH_FAILURES_PER_ADDRESS", "4")
    monkeypatch.setenv("SST_SERVER_AUTH_FAILURE_WINDOW_SECONDS", "3")
    monkeypatch.setenv("SST_SERVER_REQUESTS_PER_MINUTE", "20")
    serving = serve(request.param, tmp_path)
    first = next(serving)
    second, url, _env = start_server(str(first.engine.url.render_as_string(False)), tmp_path)
    try:
        yield first, url
    finally:
        second.terminate()
        second.wait(10)
        next(serving, None)


def test_throttling_holds_across_processes_and_failures_age_out(
    two_processes: tuple[Server, str],
) -> None:
    server, other_url = two_processes
    one, two = server.client(), httpx.Client(base_url=other_url, timeout=30)
    wrong = {"protocol": 1, "code": WELL_FORMED_CODE}
    for http in (one, two, one, two):
        _refused(_post(http, "/v1/enroll", wrong), 401, "enrollment_code_invalid")
    for http in (one, two):
        throttled = _post(http, "/v1/enroll", wrong)
        _refused(throttled, 429, "too_many_attempts")
        wait = int(throttled.headers["Retry-After"])
        assert 1 <= wait <= 3
    time.sleep(wait + 0.5)
    _refused(_post(two, "/v1/enroll", wrong), 401, "enrollment_code_invalid")  # aged out


def _until_limited(send: Callable[[], httpx.Response]) -> tuple[int, httpx.Response]:
    """How many requests passed before the first 429, and that 429."""
    for allowed in range(40):
        answer = send()
        if answer.status_code == 429:
            return allowed, answer
        assert answer.status_code == 200, answer.text
    raise AssertionError("never limited")


def _the_app_waits_as_asked(url: str, device: Device) -> None:
    """The app's transport carries the server's Retry-After, and the window waits at least
    that long (and never less than its usual minute) before it tries again."""
    transport = Transport(url, Tokens(device.device_id, device.access, device.refresh))
    with pytest.raises(SyncError) as refused:
        for _ in range(40):
            transport.post("/v1/pull", {})
    transport.close()
    assert refused.value.code == "rate_limited"
    assert refused.value.retry_after is not None and 1 <= refused.value.retry_after <= 3
    assert retry_delay_ms(refused.value) == RETRY_MS
    assert retry_delay_ms(SyncError("too_many_attempts", retry_after=900)) == 900_000
    assert sync_message("rate_limited") != sync_message("some_new_code")


def test_every_endpoint_has_a_request_limit_per_device_or_address(
    two_processes: tuple[Server, str],
) -> None:
    server, other_url = two_processes
    org = organisation(server)
    busy, calm = enroll(server, org.therapist), enroll(server, org.therapist)
    allowed, limited = _until_limited(lambda: busy.post("/v1/pull", {"protocol": 1}))
    assert 20 <= allowed <= 22  # a minute's worth at once, then one every 3 s
    _refused(limited, 429, "rate_limited")
    assert 1 <= int(limited.headers["Retry-After"]) <= 3
    assert calm.post("/v1/pull", {"protocol": 1}).status_code == 200  # its own bucket
    # Without a (valid) token the address is the key: two enrollments came from it already.
    http = server.client()
    allowed, limited = _until_limited(lambda: http.get("/v1/health"))
    assert 17 <= allowed <= 20  # 20 less the start-up probe and two enrollments, plus refills
    forged = _post(http, "/v1/pull", {"protocol": 1}, "forged.token")
    _refused(forged, 429, "rate_limited")
    # The buckets are per process: the other process has its own (documented: N x the limit).
    other = httpx.Client(base_url=other_url, timeout=30)
    answer = other.post(
        "/v1/pull", json={"protocol": 1}, headers={"Authorization": f"Bearer {busy.access}"}
    )
    assert answer.status_code == 200
    _the_app_waits_as_asked(server.url, calm)
