"""Applying a device's batch of mutations: exactly once, authorised, merged field by field.

One transaction per batch. Every record the batch touches is locked first, in id order (no
deadlock between two batches); each mutation is then checked and merged in memory; last, the
feed counter is advanced by the number of writes and the rows are written with their versions.
A retried batch finds its mutation ids in ``applied_mutations`` and gets the same answers
without changing anything twice.

Three-way merge: a field the device changed that nobody else changed since the device's base
version takes the device's value. A field changed on both sides to different values keeps the
server's value and records a conflict (a ``sync_conflicts`` record holding the base, both
values and both authors), which reaches both devices by the change feed: no text is lost.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from types import SimpleNamespace
from typing import Any

from sqlalchemy import bindparam, select, update
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError, IntegrityError

from sst_desktop.ids import new_id
from sst_desktop.sync.protocol import Mutation, MutationResult, RecordState
from sst_rules import authorisation as authz
from sst_rules.categories import category_of
from sst_server.blobs import ATTACHMENTS, attachment_refusal
from sst_server.db import (
    among,
    applied_mutations,
    insert_rows,
    record_history,
    records,
    take_versions,
)
from sst_server.removal import removed_ids
from sst_server.row_security import taken_ids
from sst_server.scope import (
    CONCERN_REPORTS,
    ORGANISATION_TYPES,
    CaseContext,
    Staff,
    may_read,
    visible_fields,
)

log = logging.getLogger(__name__)
CONFLICTS = "sync_conflicts"
SERVER_ONLY_TYPES = frozenset({CONFLICTS}) | ORGANISATION_TYPES  # written by admin, not devices
RETRIES = 5


@dataclass
class _State:
    """A record as the batch sees it: stored, or made earlier in this batch."""

    entity_type: str
    authority: str
    record_class: str
    category: str
    case_id: str | None
    team_id: str | None
    deleted: bool
    fields: dict[str, Any]
    field_versions: dict[str, int]
    version: int | None  # None until the batch writes it
    exists: bool  # stored before this batch


@dataclass
class _Write:
    entity_id: str
    state: _State
    author: str
    slot: int = 0  # index into the versions the counter hands out


@dataclass
class _Batch:
    conn: Connection
    staff: Staff
    device_id: str
    states: dict[str, _State]
    cases: dict[str, _State]
    removed: set[str] = field(default_factory=set)  # purged or compacted: never written again
    # Ids held by records this staff member cannot see (another team's, hidden on PostgreSQL by
    # row-level security): refused as another team's, as on SQLite, never taken as new.
    taken: set[str] = field(default_factory=set)
    writes: list[_Write] = field(default_factory=list)
    answers: list[tuple[Mutation, str, str | None, list[str], _Write | None]] = field(
        default_factory=list
    )


def push(
    engine: Engine, staff: Staff, device_id: str, mutations: list[Mutation]
) -> list[MutationResult]:
    """Apply a batch; on a lost race (unique key, deadlock, serialisation) try it again."""
    for attempt in range(RETRIES):
        try:
            with engine.begin() as conn:
                return _push_once(conn, staff, device_id, mutations)
        except (IntegrityError, DBAPIError) as error:
            if attempt == RETRIES - 1 or not _retryable(error):
                raise
            log.info("push: lost a race (%s); retrying", type(error.orig).__name__)
    raise AssertionError("unreachable")


def _retryable(error: DBAPIError) -> bool:
    text = str(error.orig).lower()
    return isinstance(error, IntegrityError) or any(
        s in text for s in ("deadlock", "could not serialize", "database is locked")
    )


def _push_once(
    conn: Connection, staff: Staff, device_id: str, mutations: list[Mutation]
) -> list[MutationResult]:
    done = _already_applied(conn, [m.mutation_id for m in mutations])
    fresh = [m for m in mutations if m.mutation_id not in done]
    batch = _Batch(conn, staff, device_id, *_load(conn, fresh))
    batch.removed = removed_ids(conn, [m.entity_id for m in fresh])
    named = {m.entity_id for m in fresh} | {m.case_id for m in fresh if m.case_id}
    batch.taken = taken_ids(conn, sorted(named - set(batch.states)))
    for mutation in fresh:
        _apply(batch, mutation)
    _write(conn, batch)
    results = {m.mutation_id: r for m, r in _answers(batch)}
    return [done.get(m.mutation_id) or results[m.mutation_id] for m in mutations]


def _already_applied(conn: Connection, ids: list[str]) -> dict[str, MutationResult]:
    rows = conn.execute(
        select(applied_mutations).where(among(conn, applied_mutations.c.mutation_id, ids))
    )
    return {
        row.mutation_id: MutationResult(
            mutation_id=row.mutation_id,
            status=row.status,
            version=row.version,
            reason=row.reason,
            conflicts=list(row.conflicts),
        )
        for row in rows
    }


def _load(
    conn: Connection, mutations: list[Mutation]
) -> tuple[dict[str, _State], dict[str, _State]]:
    """Lock and read every record the batch touches, and the cases they belong to."""
    written = sorted({m.entity_id for m in mutations})
    read_only = sorted({m.case_id for m in mutations if m.case_id} - set(written))
    states: dict[str, _State] = {}
    for ids, shared in ((written, False), (read_only, True)):
        query = (
            select(records)
            .where(among(conn, records.c.entity_id, ids))
            .order_by(records.c.entity_id)
        )
        if conn.dialect.name == "postgresql":
            # The records written are locked; a case only read (to authorise its records) is
            # shared, so devices adding contacts to one case do not queue behind each other,
            # while a change of the case's team waits for them (and they for it).
            query = query.with_for_update(read=shared)
        states |= {row.entity_id: _state(row) for row in conn.execute(query)}
    cases = {k: v for k, v in states.items() if v.entity_type == "cases"}
    return states, cases


def _state(row: Any) -> _State:
    return _State(
        row.entity_type,
        row.authority,
        row.record_class,
        row.category,
        row.case_id,
        row.team_id,
        row.deleted,
        dict(row.fields),
        dict(row.field_versions),
        row.version,
        True,
    )


def _apply(batch: _Batch, m: Mutation) -> None:
    reason = _refusal(batch, m)
    if reason is not None:
        batch.answers.append((m, "rejected", reason, [], None))
        return
    current = batch.states.get(m.entity_id)
    if m.operation == "insert":
        _insert(batch, m)
    elif (
        current is not None
        and current.entity_type == CONFLICTS
        and current.fields.get("resolved_at")
    ):
        batch.answers.append((m, "accepted", None, [], None))  # resolved twice: once is enough
    elif current is not None:
        _update(batch, m, current)


RESOLVABLE = frozenset({"resolved_at"})


def _refusal(batch: _Batch, m: Mutation) -> str | None:
    """Why this mutation may not be made (a stable code), or None."""
    if m.entity_type == CONFLICTS:
        return _conflict_refusal(batch, m)
    if m.entity_type in SERVER_ONLY_TYPES:
        return "server_only"
    if m.entity_id in batch.removed:
        return "removed"
    current = batch.states.get(m.entity_id)
    if m.operation == "insert" and (current is not None or m.entity_id in batch.taken):
        return "already_exists"
    if m.operation != "insert" and current is None:
        return _elsewhere(m) if m.entity_id in batch.taken else "unknown_record"
    if current is not None:
        if current.entity_type != m.entity_type or (
            (current.authority, current.record_class, current.case_id)
            != (m.authority, m.record_class, m.case_id)
        ):
            return "tags_changed"
        if current.deleted:
            return "deleted"
        if m.entity_type == "plan_revisions" and _changes_sealed(current.fields, m):
            return "signed_plan_immutable"
    if m.entity_type == ATTACHMENTS:  # never changed; its file held whole here first
        return _not_allowed(batch, m) or attachment_refusal(batch.conn, m)
    return _not_allowed(batch, m)


def _changes_sealed(current: dict[str, Any], m: Mutation) -> bool:
    """Would this change a signed revision? Only its replacement may touch it (signed to
    superseded); a field sent again with the value it has is no change (a device pushes
    the revision's creation and its signing as two mutations carrying the same values)."""
    if not current.get("signed_at"):
        return False
    if m.operation == "tombstone":
        return True
    for name, value in m.fields.items():
        if current.get(name) == value:
            continue
        if name == "status" and (current.get(name), value) == ("signed", "superseded"):
            continue
        return True
    return False


def _elsewhere(m: Mutation) -> str:
    """The reason for a change to another team's record, as the rule would give it."""
    return "case_not_on_team" if m.case_id or m.entity_type == "cases" else "not_your_team"


def _conflict_refusal(batch: _Batch, m: Mutation) -> str | None:
    """A device may only mark a conflict of its team's resolved; the rest is the server's."""
    current = batch.states.get(m.entity_id)
    if m.operation != "update" or current is None or current.entity_type != CONFLICTS:
        return "server_only"
    if not set(m.fields) <= RESOLVABLE:
        return "server_only"
    if current.team_id is None or current.team_id != batch.staff.team_id:
        return "case_not_on_team"
    return None


def _not_allowed(batch: _Batch, m: Mutation) -> str | None:
    staff = batch.staff
    if m.entity_type == "cases":
        current = batch.states.get(m.entity_id)
        team = current.team_id if current else m.fields.get("team_id")
        if team is None or team != staff.team_id:
            return "case_not_on_team"
        return None if m.authority == staff.authority else "other_authority"
    if m.case_id is None:  # a student or guardian, registered by the user's team
        current = batch.states.get(m.entity_id)
        if current is not None and current.team_id != staff.team_id:
            return "not_your_team"
        return None if staff.team_id is not None else "no_team"
    case = batch.cases.get(m.case_id)
    if case is None:
        return "case_not_on_team" if m.case_id in batch.taken else "unknown_case"
    scope = authz.CaseScope(m.case_id, case.team_id)
    tags = authz.RecordTags(
        m.authority,
        m.record_class,
        _category(m),
        m.case_id,
        is_concern_report=m.entity_type == CONCERN_REPORTS,
    )
    decision = authz.can_write(staff.user, tags, scope)
    return None if decision.allowed else decision.reason


def _category(m: Mutation) -> str:
    perspective = m.fields.get("perspective")
    return category_of(
        m.entity_type,
        perspective=str(perspective) if perspective else None,
        record_class=m.record_class,
    )


def _team_of(batch: _Batch, m: Mutation) -> str | None:
    if m.entity_type == "cases":
        return m.fields.get("team_id")
    if m.case_id is not None:
        return batch.cases[m.case_id].team_id
    return batch.staff.team_id


def _insert(batch: _Batch, m: Mutation) -> None:
    state = _State(
        m.entity_type,
        m.authority,
        m.record_class,
        _category(m),
        m.case_id,
        _team_of(batch, m),
        False,
        dict(m.fields),
        {},
        None,
        False,
    )
    write = _record_write(batch, m.entity_id, state)
    state.field_versions = {name: -1 for name in m.fields}  # -1: "this write's version"
    batch.answers.append((m, "accepted", None, [], write))


def _update(batch: _Batch, m: Mutation, current: _State) -> None:
    base = m.base_version if m.base_version is not None else -1
    conflicts: list[str] = []
    changed: dict[str, Any] = {}
    for name, value in m.fields.items():
        if name in ("id", "case_id", "authority", "record_class"):
            continue
        changed_since_base = current.field_versions.get(name, 0) > base
        if not changed_since_base or current.fields.get(name) == value:
            changed[name] = value
        else:
            conflicts.append(_conflict(batch, m, current, name, value))
    if m.operation == "tombstone":
        current.deleted = True
    if not changed and not conflicts and m.operation != "tombstone":
        batch.answers.append((m, "accepted", None, [], None))
        return
    current.fields.update(changed)
    for name in changed:
        current.field_versions[name] = -1
    write = _record_write(batch, m.entity_id, current)
    if m.entity_type == "cases" and "team_id" in changed:
        current.team_id = changed["team_id"]
    status = "conflict" if conflicts else "accepted"
    batch.answers.append((m, status, None, conflicts, write))


def _conflict(batch: _Batch, m: Mutation, current: _State, name: str, mine: Any) -> str:
    conflict_id = new_id()
    state = _State(
        CONFLICTS,
        current.authority,
        current.record_class,
        current.category,
        current.case_id,
        current.team_id,
        False,
        {
            "id": conflict_id,
            "entity_type": m.entity_type,
            "entity_id": m.entity_id,
            "field": name,
            "base_version": m.base_version,
            "base_value": _base_value(batch.conn, m.entity_id, m.base_version, name),
            "kept_value": current.fields.get(name),
            "other_value": mine,
            "kept_version": current.version,
            "other_author": batch.staff.staff_id,
            "other_device": batch.device_id,
            "created_at": datetime.now(UTC).isoformat(),
        },
        {},
        None,
        False,
    )
    _record_write(batch, conflict_id, state)
    return conflict_id


def _base_value(conn: Connection, entity_id: str, base_version: int | None, name: str) -> Any:
    if base_version is None:
        return None
    row = conn.execute(
        select(record_history.c.fields)
        .where(record_history.c.entity_id == entity_id, record_history.c.version <= base_version)
        .order_by(record_history.c.version.desc())
        .limit(1)
    ).first()
    return None if row is None else row.fields.get(name)


def _record_write(batch: _Batch, entity_id: str, state: _State) -> _Write:
    batch.states[entity_id] = state
    if state.entity_type == "cases":
        batch.cases[entity_id] = state
    write = _Write(entity_id, state, batch.staff.staff_id, len(batch.writes))
    batch.writes.append(write)
    return write


def _write(conn: Connection, batch: _Batch) -> None:
    """Take versions from the counter (the last lock of the transaction), then write: one
    statement per table, so the counter is held for as few round trips as possible."""
    if batch.writes:
        first = take_versions(conn, len(batch.writes))
        final: dict[str, _Write] = {}
        for write in batch.writes:
            version = first + write.slot
            write.state.field_versions = {
                k: (version if v == -1 else v) for k, v in write.state.field_versions.items()
            }
            write.state.version = version
            final[write.entity_id] = write
        _store(conn, list(final.values()), datetime.now(UTC))
    _remember(conn, batch)


def _store(conn: Connection, writes: list[_Write], now: datetime) -> None:
    insert_rows(
        conn,
        record_history,
        [
            {"entity_id": w.entity_id, "version": w.state.version, "fields": w.state.fields}
            for w in writes
        ],
    )
    for w in writes:  # a case handed to another team takes its records along
        if w.state.entity_type == "cases":
            conn.execute(
                update(records)
                .where(records.c.case_id == w.entity_id, records.c.team_id != w.state.team_id)
                .values(team_id=w.state.team_id)
            )
    stored = [_row(w, now) | {"key": w.entity_id} for w in writes if w.state.exists]
    if stored:
        conn.execute(update(records).where(records.c.entity_id == bindparam("key")), stored)
    made = [_row(w, now) | {"entity_id": w.entity_id} for w in writes if not w.state.exists]
    if made:
        insert_rows(conn, records, made)
    for w in writes:
        w.state.exists = True


def _row(write: _Write, now: datetime) -> dict[str, Any]:
    s = write.state
    return {
        "entity_type": s.entity_type,
        "authority": s.authority,
        "record_class": s.record_class,
        "category": s.category,
        "case_id": s.case_id,
        "team_id": s.team_id,
        "version": s.version,
        "deleted": s.deleted,
        "fields": s.fields,
        "field_versions": s.field_versions,
        "updated_by": write.author,
        "updated_at": now,
    }


def _remember(conn: Connection, batch: _Batch) -> None:
    now = datetime.now(UTC)
    rows = [
        {
            "mutation_id": result.mutation_id,
            "device_id": batch.device_id,
            "entity_id": m.entity_id,
            "status": result.status,
            "version": result.version,
            "reason": result.reason,
            "conflicts": result.conflicts,
            "applied_at": now,
        }
        for m, result in _answers(batch)
    ]
    if rows:
        insert_rows(conn, applied_mutations, rows)


def _answers(batch: _Batch) -> list[tuple[Mutation, MutationResult]]:
    out = []
    for m, status, reason, conflicts, write in batch.answers:
        state = batch.states.get(m.entity_id)
        version = write.state.version if write is not None else (state.version if state else None)
        current = _current(batch, m.entity_id, state) if status == "rejected" else None
        out.append(
            (
                m,
                MutationResult(
                    mutation_id=m.mutation_id,
                    status=status,
                    version=version,
                    reason=reason,
                    conflicts=conflicts,
                    current=current,
                ),
            )
        )
    return out


def _current(batch: _Batch, entity_id: str, state: _State | None) -> RecordState | None:
    """The server's copy of a refused record, when the user may see it: the device puts it
    back, so a refused edit does not linger there as if it had been accepted."""
    if state is None or not state.exists or state.version is None:
        return None
    row = SimpleNamespace(entity_id=entity_id, **vars(state))
    context = CaseContext.load(batch.conn, [state.case_id] if state.case_id else [], [])
    if not may_read(batch.staff, row, context, date.today()):
        return None
    return RecordState(
        entity_type=state.entity_type,
        entity_id=entity_id,
        version=state.version,
        deleted=state.deleted,
        authority=state.authority,
        record_class=state.record_class,
        case_id=state.case_id,
        fields=visible_fields(batch.staff, row, context),
    )
