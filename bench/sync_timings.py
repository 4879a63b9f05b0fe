"""Sync figures of the issue, on the real server (PostgreSQL by default) over loopback HTTP:

- first sync of a new laptop of a team of 4 staff with 500 cases and 50,000 records (< 30 s),
  the real sync engine into a real encrypted profile;
- a round trip of 100 changes made on that laptop: pushed, and pulled by a colleague (< 1 s);
- push throughput with 50 devices pushing at once (>= 2,000 mutations/s on 2 cores);
- pull latency p95 with 200 devices polling at once (reported).

    .venv/bin/python bench/sync_timings.py [--backend postgresql|sqlite] [--records 50000]
        [--workers 2]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._common import write
from sst_desktop.ids import new_id
from sst_server import admin
from tests.server.helpers import Device, enroll, mutation
from tests.server.serving import Server, serve

SOCIAL = "social_services"


def seed(device: Device, team_id: str, cases: int, per_case: int) -> list[str]:
    """Cases and their records, pushed as a laptop would, 500 mutations a request."""
    case_ids: list[str] = []
    batch: list[dict[str, Any]] = []
    for number in range(cases):
        case = mutation("cases", _case_fields(team_id, number), authority=SOCIAL)
        case_ids.append(case["entity_id"])
        batch.append(case)
        for index in range(per_case - 1):
            batch.append(_contact(case["entity_id"], index))
            if len(batch) >= 500:
                _push(device, batch)
                batch = []
    if batch:
        _push(device, batch)
    return case_ids


def _case_fields(team_id: str, number: int) -> dict[str, Any]:
    stamp = datetime.now(UTC).isoformat()
    return {
        "team_id": team_id,
        "programme": "sst_plus",
        "status": "active",
        "opened_on": "2026-03-01",
        "reference": f"SSTP-26-B{number:05d}",
        "episode": 1,
        "deleted": False,
        "created_at": stamp,
        "updated_at": stamp,
        "created_by": new_id(),
        "updated_by": new_id(),
    }


def _contact(case_id: str, index: int) -> dict[str, Any]:
    stamp = datetime.now(UTC).isoformat()
    fields = {
        "case_id": case_id,
        "kind": "home_visit",
        "status": "held",
        "at": stamp,
        "duration_minutes": 45,
        "participants": [],
        "note": f"Hembesök {index}: samtal med familjen om skolgången och morgonrutinerna.",
        "deleted": False,
        "created_at": stamp,
        "updated_at": stamp,
        "created_by": new_id(),
        "updated_by": new_id(),
    }
    return mutation("contacts", fields, authority=SOCIAL, case_id=case_id)


def _push(device: Device, batch: list[dict[str, Any]]) -> None:
    results = device.push(*batch)
    assert all(r["status"] == "accepted" for r in results), results[:3]


def first_sync_and_round_trip(
    server: Server, folder: Path, staff: str, colleague: str
) -> dict[str, float]:
    from sqlalchemy import select

    from sst_desktop.app_context import OwnerInput, create_context, open_context
    from sst_desktop.models.contact import Contact
    from sst_desktop.sync import client
    from sst_rules.enums import Authority, Role

    os.environ["SST_INSECURE_TEST_KDF"] = "1"  # the KDF is not what is measured here
    laptops = []
    for name, person in (("laptop", staff), ("colleague", colleague)):
        context, _ = create_context(
            folder / name,
            "bench passphrase long enough",
            OwnerInput("B", Role.FAMILY_THERAPIST, Authority.SOCIAL_SERVICES),
        )
        client.enroll(
            context.engine, server.url, admin.issue_enrollment_code(server.engine, person).code
        )
        context.close()
        laptops.append(open_context(folder / name, "bench passphrase long enough"))
    laptop, other = laptops

    def sync(context: Any) -> client.SyncReport:
        transport = client.connected_transport(context.engine)
        try:
            return client.sync_once(context.engine, transport)
        finally:
            transport.close()

    started = time.perf_counter()
    report = sync(laptop)
    first = time.perf_counter() - started
    sync(other)
    with laptop.services.unit_of_work() as uow:
        contacts = list(uow.session.scalars(select(Contact).limit(100)))
        ids = [c.id for c in contacts]
    with laptop.services.unit_of_work() as uow:  # 100 changes: held contacts are final, so new ones
        for contact_id in ids:
            original = uow.session.get(Contact, contact_id)
            assert original is not None
            uow.add(
                Contact(
                    case_id=original.case_id,
                    kind=original.kind,
                    status=original.status,
                    at=original.at,
                    duration_minutes=30,
                    participants=[],
                    note="Rättelse: 30 minuter",
                    supersedes_id=original.id,
                    correction_reason="fel tid",
                    authority=original.authority,
                    record_class=original.record_class,
                )
            )
        uow.commit()
    started = time.perf_counter()
    pushed = sync(laptop)
    received = sync(other)
    round_trip = time.perf_counter() - started
    for context in laptops:
        context.close()
    assert pushed.accepted == 100 and received.pulled >= 100, (pushed, received)
    return {
        "first_sync_s": round(first, 2),
        "first_sync_records": report.pulled,
        "round_trip_100_s": round(round_trip, 3),
    }


def push_throughput(
    server: Server, team_id: str, case_id: str, devices: int, batches: int
) -> float:
    staff = [
        admin.add_staff(server.engine, f"P{i}", "family_therapist", SOCIAL, team_id)
        for i in range(devices)
    ]
    enrolled = [enroll(server, person) for person in staff]
    payloads = [
        [[_contact(case_id, i) for i in range(100)] for _b in range(batches)] for _d in enrolled
    ]

    def work(index: int) -> int:
        for batch in payloads[index]:
            _push(enrolled[index], batch)
        return len(payloads[index]) * 100

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=devices) as pool:
        total = sum(pool.map(work, range(devices)))
    return total / (time.perf_counter() - started)


def pull_latency(server: Server, team_id: str, devices: int) -> dict[str, float]:
    staff = [
        admin.add_staff(server.engine, f"Q{i}", "family_therapist", SOCIAL, team_id)
        for i in range(devices)
    ]
    enrolled = [enroll(server, person) for person in staff]
    cursors = {}
    for device in enrolled[:1]:
        _seen, cursors["end"] = device.pull_all()

    def poll(device: Device) -> float:
        started = time.perf_counter()
        answer = device.post("/v1/pull", {"protocol": 1, "cursor": cursors["end"], "limit": 500})
        assert answer.status_code == 200
        return time.perf_counter() - started

    with ThreadPoolExecutor(max_workers=devices) as pool:
        latencies = sorted(pool.map(poll, enrolled))
    return {
        "pull_p50_s": round(statistics.median(latencies), 3),
        "pull_p95_s": round(latencies[int(len(latencies) * 0.95) - 1], 3),
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--backend", default="postgresql", choices=("postgresql", "sqlite"))
    parser.add_argument("--records", type=int, default=50_000)
    parser.add_argument("--cases", type=int, default=500)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--parts",
        default="first,push,pull",
        help="comma-separated subset of first (first sync and round trip), push, pull",
    )
    args = parser.parse_args()
    parts = set(args.parts.split(","))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        serving = serve(args.backend, folder, workers=args.workers)
        server = next(serving)
        try:
            team = admin.add_team(server.engine, "Bench", "sst_plus")
            people = [
                admin.add_staff(server.engine, f"S{i}", role, auth, team)
                for i, (role, auth) in enumerate(
                    [
                        ("family_therapist", SOCIAL),
                        ("family_therapist", SOCIAL),
                        ("school_psychologist", "school"),
                        ("special_educator", "school"),
                    ]
                )
            ]
            seeder = enroll(server, people[0])
            started = time.perf_counter()
            case_ids = seed(seeder, team, args.cases, args.records // args.cases)
            seeding = time.perf_counter() - started
            result: dict[str, Any] = {
                "backend": args.backend,
                "records": args.records,
                "cases": args.cases,
                "server_workers": args.workers,
                "seed_push_s": round(seeding, 1),
            }
            if "first" in parts:
                result |= first_sync_and_round_trip(server, folder, people[0], people[1])
            if "push" in parts:
                result["push_mutations_per_s_50_devices"] = round(
                    push_throughput(server, team, case_ids[0], 50, 4)
                )
            if "pull" in parts:
                result |= pull_latency(server, team, 200)
            result["bars"] = {
                "first_sync_s": 30,
                "round_trip_100_s": 1,
                "push_mutations_per_s_50_devices": 2000,
            }
            result["passed"] = (
                result.get("first_sync_s", 0) < 30
                and result.get("round_trip_100_s", 0) < 1
                and result.get("push_mutations_per_s_50_devices", 2000) >= 2000
            )
        finally:
            next(serving, None)
    write(f"sync_timings_{args.backend}", result)
    return 0 if result["passed"] else 1


if __name__ == "__main__":
    sys.exit(main())
