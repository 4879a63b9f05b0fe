"""The sync engine of the device (no Qt): enroll with a code, then push the outbox and pull the
change feed, resumable after any cut.

Push: outbox entries in order, in batches; each becomes one mutation (its own id, so a retried
batch is applied once) carrying the current values of the fields it changed. An entry leaves the
outbox only in the local transaction that records its answer: the record's new server version,
or a rejection kept for the user to see.

Pull: pages after the stored cursor; each page and its new cursor commit in one local
transaction. A pulled record with local changes not yet pushed is left alone: the next push
sends them against their old base, the server merges, and the merged record comes back later.
A record purged here never comes back. Conflicts arrive as records and land in
``sync_conflicts`` for the Conflicts screen.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.engine import Connection, Engine

import sst_desktop.models  # noqa: F401 - every table on the metadata
from sst_desktop.config.organisation import load_organisation_config
from sst_desktop.models.base import Base
from sst_desktop.retention.purge import compact as compact_file
from sst_desktop.sync import audit_upload, large_items, reconcile
from sst_desktop.sync.local_apply import (
    CONFLICTS,
    NOT_SENT,
    OUTBOX,
    REJECTIONS,
    SETTINGS,
    apply_page,
    evict,
)
from sst_desktop.sync.pinning import pins_after_round
from sst_desktop.sync.protocol import (
    EnrollResponse,
    Mutation,
    PullResponse,
    PushResponse,
    StaffInfo,
)
from sst_desktop.sync.transport import SyncError, Tokens, Transport, check_address
from sst_desktop.sync.wire_values import to_wire
from sst_rules.enums import RecordClass

log = logging.getLogger(__name__)

URL, DEVICE, ACCESS, REFRESH, CURSOR, LAST_SUCCESS, STAFF = (
    "sync.server_url",
    "sync.device_id",
    "sync.access_token",
    "sync.refresh_token",
    "sync.cursor",
    "sync.last_success",
    "sync.staff_id",
)
PINS = "sync.key_pins"  # the server keys this device accepts, space separated
LAST_CHECK = "sync.last_check"  # when the device last compared its records with the server's
# The comparison walks every record in reach on the server (1-2 s at 50,000 records on this
# machine's 2 cores): twice an hour, not every few minutes (measured, decisions.md).
CHECK_EVERY = timedelta(minutes=30)
NEXT_REFRESH = "sync.next_refresh_token"  # chosen for a refresh not yet answered (transport)
OWNER_KEY = "owner_staff_id"
# Decided by the server's administrators; the device never pushes them.
SERVER_OWNED = frozenset({"municipalities", "districts", "schools", "teams", "staff"})
PUSH_BATCH = 200
PULL_PAGE = 500
CASEWORK = ("cases", "students", "referral_requests")


@dataclass(frozen=True)
class SyncReport:
    pushed: int = 0
    accepted: int = 0
    conflicts: int = 0
    rejected: int = 0
    pulled: int = 0
    skipped_pending: int = 0
    pending: int = 0  # outbox entries still waiting
    purged: int = 0  # records removed by the server's retention purge
    full_resync: bool = False  # away past the tombstone horizon: everything taken again
    repaired: int = 0  # records the sanity check fetched again or removed


def _settings(conn: Connection) -> dict[str, str]:
    table = SETTINGS
    return {row.key: row.value for row in conn.execute(select(table.c.key, table.c.value))}


def _put(conn: Connection, values: dict[str, str]) -> None:
    table = SETTINGS
    for key, value in values.items():
        done = conn.execute(update(table).where(table.c.key == key).values(value=value))
        if done.rowcount == 0:
            conn.execute(insert(table).values(key=key, value=value))


def is_connected(engine: Engine) -> bool:
    with engine.connect() as conn:
        return DEVICE in _settings(conn)


# -- enrollment --------------------------------------------------------------------------------
class NotEmptyError(SyncError):
    def __init__(self) -> None:
        super().__init__("profile_not_empty", "this profile already holds casework")


def enroll(engine: Engine, url: str, code: str, device_name: str = "") -> StaffInfo:
    """Connect this profile to the central store as the staff member the code was issued for,
    pinning the key of the certificate the server presents now. Only a profile without
    casework can be connected (its records would carry a local identity the server does not
    know). A profile connected to the same server can be enrolled again with a fresh code:
    new credentials and a new pin, everything else kept (the way back after the server's key
    changed without being announced)."""
    address = check_address(url)
    with engine.connect() as conn:
        settings = _settings(conn)
        again = DEVICE in settings and settings.get(URL) == address
        for table_name in () if again else CASEWORK:
            table = Base.metadata.tables[table_name]
            if conn.execute(select(table.c.id).limit(1)).first() is not None:
                raise NotEmptyError()
    transport = Transport(address, ca_bundle=load_organisation_config().ca_bundle_path())
    try:
        answer = EnrollResponse.model_validate(
            transport.post("/v1/enroll", {"code": code, "device_name": device_name}, auth=False)
        )
        pins = sorted(transport.seen_pins)
    finally:
        transport.close()
    if again:
        _renew_device(engine, answer, pins, settings.get(STAFF))
    else:
        _adopt_identity(engine, address, answer, pins)
    log.info("profile connected to the central store as device %s", answer.device_id)
    return answer.staff


def _renew_device(
    engine: Engine, answer: EnrollResponse, pins: list[str], staff_id: str | None
) -> None:
    """Enrolled again: the new device credentials and pins; outbox, cursor and data stay."""
    if answer.staff.staff_id != staff_id:
        log.warning("device %s was enrolled for another staff member; not used", answer.device_id)
        raise SyncError("enrollment_other_staff", "the code was issued for someone else")
    with engine.begin() as conn:
        _put(
            conn,
            {
                DEVICE: answer.device_id,
                ACCESS: answer.access_token,
                REFRESH: answer.refresh_token,
                PINS: " ".join(pins),
            },
        )


def _adopt_identity(engine: Engine, address: str, answer: EnrollResponse, pins: list[str]) -> None:
    """The server's staff member becomes the owner; the team comes with the first pull."""
    staff, teams = Base.metadata.tables["staff"], Base.metadata.tables["teams"]
    now = datetime.now(UTC)
    who = answer.staff
    stamps = {"created_at": now, "updated_at": now, "created_by": who.staff_id}
    stamps |= {"updated_by": who.staff_id, "record_class": RecordClass.ORGANISATION}
    with engine.begin() as conn:
        conn.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
        if (
            who.team_id
            and conn.execute(select(teams.c.id).where(teams.c.id == who.team_id)).first() is None
        ):
            conn.execute(
                insert(teams).values(
                    id=who.team_id, name="", authority=who.authority, deleted=False, **stamps
                )
            )
        if conn.execute(select(staff.c.id).where(staff.c.id == who.staff_id)).first() is None:
            conn.execute(
                insert(staff).values(
                    id=who.staff_id,
                    name=who.name,
                    role=who.role,
                    authority=who.authority,
                    team_id=who.team_id,
                    active=True,
                    deleted=False,
                    **stamps,
                )
            )
        conn.execute(delete(OUTBOX))  # local set-up rows are not the team's
        _put(
            conn,
            {
                URL: address,
                DEVICE: answer.device_id,
                ACCESS: answer.access_token,
                REFRESH: answer.refresh_token,
                STAFF: who.staff_id,
                OWNER_KEY: who.staff_id,
                CURSOR: "",
                PINS: " ".join(pins),
            },
        )


def connected_transport(engine: Engine) -> Transport:
    with engine.connect() as conn:
        settings = _settings(conn)
    if DEVICE not in settings:
        raise SyncError("not_connected", "this profile is not connected to a server")

    def store(tokens: Tokens) -> None:
        with engine.begin() as conn:
            stored = {ACCESS: tokens.access, REFRESH: tokens.refresh}
            _put(conn, stored | {NEXT_REFRESH: tokens.next_refresh or ""})

    next_refresh = settings.get(NEXT_REFRESH) or None
    tokens = Tokens(settings[DEVICE], settings[ACCESS], settings[REFRESH], next_refresh)
    pins = settings.get(PINS, "").split()
    if not pins and settings[URL].startswith("https://"):
        # Connected before pinning existed: the key seen this round becomes the pin.
        log.warning("no server key pinned yet; pinning the key presented now")
    ca_bundle = load_organisation_config().ca_bundle_path()
    return Transport(settings[URL], tokens, on_tokens=store, pins=pins, ca_bundle=ca_bundle)


# -- one round -----------------------------------------------------------------------------------
def sync_once(
    engine: Engine,
    transport: Transport,
    progress: Callable[[str, int], None] | None = None,
    check_every: timedelta = CHECK_EVERY,
) -> SyncReport:
    """Push everything waiting, then pull until the feed is drained, then (at most every
    ``check_every``) compare with the server. Over HTTPS the round starts by asking which keys
    the server will present next (a certificate roll) and ends by keeping the pins of the keys
    seen plus those announced."""
    announced = transport.announced_pins() if transport.pinned else []
    large_items.upload_waiting(engine, transport)  # an attachment's file before its record
    report = _push_all(engine, transport, progress)
    audit_upload.upload(engine, transport)
    report = _pull_all(engine, transport, report, progress)
    report = _sanity_check(engine, transport, report, check_every)
    large_items.download_missing(engine, transport)
    with engine.begin() as conn:
        pins = _pins(conn, transport, announced)
        _put(conn, {LAST_SUCCESS: datetime.now(UTC).isoformat(), **pins})
    return report


def _sanity_check(
    engine: Engine, transport: Transport, report: SyncReport, every: timedelta
) -> SyncReport:
    """After a full resync walk what the device holds (see ``reconcile``); otherwise compare
    with the server when the last comparison is ``every`` old. The first round from nothing
    only starts the clock: it has just taken exactly what the server has."""
    now = datetime.now(UTC)
    if report.full_resync:
        result = reconcile.repair(engine, transport)
    else:
        with engine.connect() as conn:
            settings = _settings(conn)
        last = settings.get(LAST_CHECK)
        if every and (last is None or now - datetime.fromisoformat(last) < every):
            if last is None:
                with engine.begin() as conn:
                    _put(conn, {LAST_CHECK: now.isoformat()})
            return report
        result = reconcile.check(engine, transport, settings.get(CURSOR) or None)
        if not result.compared:
            return report  # not level with the server: compare next round
    with engine.begin() as conn:
        _put(conn, {LAST_CHECK: now.isoformat()})
    return replace(report, repaired=result.fetched + result.removed)


def _pins(conn: Connection, transport: Transport, announced: list[str]) -> dict[str, str]:
    if not transport.pinned:
        return {}
    stored = _settings(conn).get(PINS, "").split()
    keep = pins_after_round(stored, transport.seen_pins, announced)
    if keep != sorted(stored):
        log.info("server key pins changed: %d accepted (%d before)", len(keep), len(stored))
    return {PINS: " ".join(keep)}


def pull_only(engine: Engine, transport: Transport) -> SyncReport:
    """Take what changed without pushing (after a cut between the two halves of a round)."""
    return _pull_all(engine, transport, SyncReport(), None)


@dataclass(frozen=True)
class SyncStatus:
    connected: bool
    server_url: str | None
    pending: int
    last_success: str | None
    conflicts_open: int


def status(engine: Engine) -> SyncStatus:
    outbox, conflicts = OUTBOX, CONFLICTS
    with engine.connect() as conn:
        settings = _settings(conn)
        pending = conn.execute(select(func.count()).select_from(outbox)).scalar_one()
        open_conflicts = conn.execute(
            select(func.count()).select_from(conflicts).where(conflicts.c.resolved_at.is_(None))
        ).scalar_one()
    return SyncStatus(
        DEVICE in settings,
        settings.get(URL),
        int(pending),
        settings.get(LAST_SUCCESS),
        int(open_conflicts),
    )


def _push_all(
    engine: Engine, transport: Transport, progress: Callable[[str, int], None] | None
) -> SyncReport:
    totals = SyncReport()
    after = 0
    while True:
        with engine.connect() as conn:
            entries = _waiting(conn, after)
            mutations = [m for m in (_mutation(conn, e) for e in entries) if m is not None]
        if not entries:
            return totals
        after = entries[-1].seq
        answer = (
            PushResponse.model_validate(
                transport.post(
                    "/v1/push", {"mutations": [m.model_dump(mode="json") for m in mutations]}
                )
            )
            if mutations
            else PushResponse(results=[])
        )
        with engine.begin() as conn:
            conn.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
            counts = _record_answers(conn, entries, mutations, answer)
        totals = SyncReport(
            pushed=totals.pushed + len(mutations),
            accepted=totals.accepted + counts["accepted"],
            conflicts=totals.conflicts + counts["conflict"],
            rejected=totals.rejected + counts["rejected"],
        )
        if progress is not None:
            progress("push", totals.pushed)


def _waiting(conn: Connection, after: int) -> list[Any]:
    table = OUTBOX
    return list(
        conn.execute(
            select(table).where(table.c.seq > after).order_by(table.c.seq).limit(PUSH_BATCH)
        )
    )


def _mutation(conn: Connection, entry: Any) -> Mutation | None:
    if entry.entity_type in SERVER_OWNED:
        return None
    table = Base.metadata.tables.get(entry.entity_type)
    row = (
        None
        if table is None
        else conn.execute(
            select(*(c for c in table.columns if c.name not in NOT_SENT)).where(
                table.c.id == entry.entity_id
            )
        )
        .mappings()
        .first()
    )
    if table is None or row is None:
        return None  # purged here since: nothing to send
    names = (
        [c.name for c in table.columns if c.name not in NOT_SENT]
        if entry.operation == "insert"
        else list(entry.changed_fields) + (["deleted"] if entry.operation == "tombstone" else [])
    )
    return Mutation(
        mutation_id=entry.mutation_id,
        entity_type=entry.entity_type,
        entity_id=entry.entity_id,
        operation=entry.operation,
        base_version=entry.base_version,
        authority=str(row.get("authority") or ""),
        record_class=str(row.get("record_class") or ""),
        case_id=row.get("case_id") if entry.entity_type != "cases" else None,
        fields={name: to_wire(row[name]) for name in names if name in row},
    )


def _record_answers(
    conn: Connection, entries: list[Any], mutations: list[Mutation], answer: PushResponse
) -> dict[str, int]:
    counts = {"accepted": 0, "conflict": 0, "rejected": 0}
    sent = {m.mutation_id: m for m in mutations}
    outbox = OUTBOX
    now = datetime.now(UTC)
    for result in answer.results:
        mutation = sent.get(result.mutation_id)
        if mutation is None:
            continue
        counts[result.status] += 1
        if result.status == "rejected":
            conn.execute(
                insert(REJECTIONS).values(
                    mutation_id=mutation.mutation_id,
                    entity_type=mutation.entity_type,
                    entity_id=mutation.entity_id,
                    reason=result.reason or "refused",
                    rejected_at=now,
                )
            )
            log.warning(
                "server refused %s %s: %s", mutation.entity_type, mutation.entity_id, result.reason
            )
        elif result.version is not None:
            table = Base.metadata.tables[mutation.entity_type]
            conn.execute(
                update(table)
                .where(table.c.id == mutation.entity_id)
                .values(server_version=result.version)
            )
    answered = {r.mutation_id for r in answer.results} | {
        e.mutation_id for e in entries if e.mutation_id not in sent
    }
    conn.execute(delete(outbox).where(outbox.c.mutation_id.in_(answered)))
    # A refused edit does not stay here as if accepted: the server's copy goes back.
    restored = [r.current for r in answer.results if r.current is not None]
    apply_page(conn, restored)
    return counts


def _pull_all(
    engine: Engine,
    transport: Transport,
    report: SyncReport,
    progress: Callable[[str, int], None] | None,
) -> SyncReport:
    pulled = skipped = purged = 0
    full_resync = False
    while True:
        with engine.connect() as conn:
            cursor = _settings(conn).get(CURSOR) or None
        page = PullResponse.model_validate(
            transport.post("/v1/pull", {"cursor": cursor, "limit": PULL_PAGE})
        )
        if page.full_resync:
            log.warning("sync: away past the tombstone horizon; taking everything again")
            full_resync = True
        with engine.begin() as conn:
            conn.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
            purged += evict(conn, page.evictions)
            applied, held = apply_page(conn, page.changes)
            _put(conn, {CURSOR: page.cursor})
        pulled, skipped = pulled + applied, skipped + held
        if progress is not None:
            progress("pull", pulled)
        if not page.more:
            break
    if purged:
        compact_file(engine)  # purged bytes gone from the file, not only unreachable
    with engine.connect() as conn:
        waiting = len(_waiting(conn, 0))
    return replace(
        report,
        pulled=pulled,
        skipped_pending=skipped,
        pending=waiting,
        purged=purged,
        full_resync=full_resync,
    )
