"""A small organisation on the server and enrolled devices speaking the protocol over HTTP."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import httpx

from sst_desktop.ids import new_id
from sst_server import admin
from tests.server.conftest import Server


@dataclass
class Device:
    http: httpx.Client
    device_id: str
    staff_id: str
    authority: str
    team_id: str | None
    access: str
    refresh: str

    def post(self, path: str, body: dict[str, Any]) -> httpx.Response:
        return self.http.post(path, json=body, headers={"Authorization": f"Bearer {self.access}"})

    def push(self, *mutations: dict[str, Any]) -> list[dict[str, Any]]:
        answer = self.post("/v1/push", {"protocol": 1, "mutations": list(mutations)})
        assert answer.status_code == 200, answer.text
        return list(answer.json()["results"])

    def pull_all(self, cursor: str | None = None) -> tuple[dict[str, dict[str, Any]], str]:
        seen: dict[str, dict[str, Any]] = {}
        while True:
            answer = self.post("/v1/pull", {"protocol": 1, "cursor": cursor, "limit": 200})
            assert answer.status_code == 200, answer.text
            page = answer.json()
            for change in page["changes"]:
                seen[change["entity_id"]] = change
            cursor = page["cursor"]
            if not page["more"]:
                return seen, str(cursor)


@dataclass
class Organisation:
    team_id: str
    other_team_id: str
    therapist: str  # social services, the team
    psychologist: str  # school, the team
    outsider: str  # social services, the other team


def organisation(server: Server) -> Organisation:
    team = admin.add_team(server.engine, "SST plus Norr", "sst_plus")
    other = admin.add_team(server.engine, "SST plus Syd", "sst_plus")
    return Organisation(
        team,
        other,
        admin.add_staff(
            server.engine, "Familjebehandlare", "family_therapist", "social_services", team
        ),
        admin.add_staff(server.engine, "Skolpsykolog", "school_psychologist", "school", team),
        admin.add_staff(server.engine, "Utanför", "family_therapist", "social_services", other),
    )


def enroll(server: Server, staff_id: str) -> Device:
    code = admin.issue_enrollment_code(server.engine, staff_id).code
    http = server.client()
    answer = http.post("/v1/enroll", json={"protocol": 1, "code": code, "device_name": "laptop"})
    assert answer.status_code == 200, answer.text
    body = answer.json()
    return Device(
        http,
        body["device_id"],
        staff_id,
        body["staff"]["authority"],
        body["staff"]["team_id"],
        body["access_token"],
        body["refresh_token"],
    )


def mutation(
    entity_type: str,
    fields: dict[str, Any],
    *,
    authority: str,
    case_id: str | None = None,
    entity_id: str | None = None,
    operation: str = "insert",
    base_version: int | None = None,
    record_class: str = "social_services_record",
) -> dict[str, Any]:
    entity_id = entity_id or fields.get("id") or new_id()
    return {
        "mutation_id": new_id(),
        "entity_type": entity_type,
        "entity_id": entity_id,
        "operation": operation,
        "base_version": base_version,
        "authority": authority,
        "record_class": record_class,
        "case_id": case_id,
        "fields": {"id": entity_id, **fields} if operation == "insert" else fields,
    }
