"""One unit of work per user action: the change, its outbox entries and audit events commit in
one SQLite transaction, or none of them do.

Services open a ``UnitOfWork``, add or change ORM objects through its session, call ``audit`` for
reads, prints and exports, and ``commit`` to get the typed ``ChangeSet`` screens subscribe to.
Timestamps and authors are stamped here so every write path fills them the same way. Synced records
are never deleted: a tombstone (``deleted = True``) is an update. Hard deletes happen only inside a
purge (``allow_purge=True``), which the retention job opens.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import TracebackType
from typing import Any, TypeVar

from sqlalchemy import Engine, event, insert, inspect, select, text
from sqlalchemy.orm import Session

from sst_desktop.clock import Clock
from sst_desktop.errors import NotAllowedError, error_code
from sst_desktop.ids import new_id
from sst_desktop.models.audit import AuditEvent, AuditHead
from sst_desktop.models.base import Base, RecordMeta
from sst_desktop.models.outbox import OutboxEntry
from sst_rules.audit_chain import GENESIS, ChainFields, event_hash

HARD_DELETE = error_code(
    "store.hard_delete", "Records are never deleted directly; mark them deleted or purge them."
)
_META_FIELDS = frozenset({"created_at", "created_by", "updated_at", "updated_by", "server_version"})


_T = TypeVar("_T")
_OUTBOX = Base.metadata.tables[OutboxEntry.__tablename__]
_AUDIT_EVENTS = Base.metadata.tables[AuditEvent.__tablename__]
_BATCH_ROWS = 20_000  # outbox and audit rows a batch holds before writing them


@dataclass(frozen=True)
class Actor:
    """Who acts: the profile's staff member on this device."""

    staff_id: str
    authority: str
    team_id: str | None
    role: str
    device_id: str


@dataclass(frozen=True)
class Change:
    entity_type: str
    entity_id: str
    operation: str  # insert | update | tombstone | purge
    case_id: str | None


@dataclass(frozen=True)
class ChangeSet:
    changes: tuple[Change, ...] = ()

    def entity_types(self) -> frozenset[str]:
        return frozenset(change.entity_type for change in self.changes)

    def case_ids(self) -> frozenset[str]:
        return frozenset(c.case_id for c in self.changes if c.case_id is not None)


@dataclass
class _PendingAudit:
    action: str
    entity_type: str
    entity_id: str | None
    case_id: str | None
    details: dict[str, Any] = field(default_factory=dict)


class UnitOfWork:
    """A session in one transaction with outbox and audit; use as a context manager."""

    def __init__(
        self, engine: Engine, actor: Actor, clock: Clock, *, allow_purge: bool = False
    ) -> None:
        self._engine, self.actor, self._clock = engine, actor, clock
        self._allow_purge = allow_purge
        self._changes: list[Change] = []
        # Outbox and audit rows are plain dicts written by one Core executemany: they never
        # change after they are written, so ORM bookkeeping would be pure cost.
        self._outbox: list[dict[str, Any]] = []
        self._audit_rows: list[dict[str, Any]] = []
        self._audits: list[_PendingAudit] = []
        self._head: AuditHead | None = None
        self._added: dict[tuple[type[Any], str], Any] = {}
        self.session = Session(engine, expire_on_commit=False, autoflush=True)
        event.listen(self.session, "before_flush", self._before_flush)

    def __enter__(self) -> UnitOfWork:
        self._begin()
        return self

    def _begin(self) -> None:
        self.session.begin()
        # Foreign keys are checked at COMMIT, not per statement: the ORM does not order the
        # INSERTs of rows that refer to each other without a relationship(), and ``get`` hands
        # back unflushed rows. SQLite resets the pragma at the end of every transaction.
        self.session.execute(text("PRAGMA defer_foreign_keys = ON"))

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self.session.in_transaction():
            self.session.rollback()
        self.session.close()

    def add(self, obj: _T) -> _T:
        """Add a new object; a synced record gets its id and who/when stamps right now."""
        if isinstance(obj, RecordMeta):
            self._stamp_new(obj, self._clock.now())
            self._added[(type(obj), obj.id)] = obj
        self.session.add(obj)
        return obj

    def get(self, model: type[_T], record_id: str) -> _T | None:
        """``Session.get`` that also finds a record added in this unit of work but not yet
        flushed, without the flush a lookup would otherwise force (speed only)."""
        added = self._added.get((model, record_id))
        if added is not None:
            return added  # type: ignore[no-any-return]
        return self.session.get(model, record_id)

    def audit(
        self,
        action: str,
        entity_type: str,
        entity_id: str | None,
        case_id: str | None,
        **details: Any,
    ) -> None:
        """Record a read, print, export, share or sign; details hold ids and field names only."""
        self._audits.append(_PendingAudit(action, entity_type, entity_id, case_id, details))

    def commit(self) -> ChangeSet:
        self.session.flush()
        self._write_outbox_and_audit()
        self._insert_rows()
        self.session.commit()
        return ChangeSet(tuple(self._changes))

    # -- change capture ------------------------------------------------------------------------

    def _before_flush(self, session: Session, _context: Any, _instances: Any) -> None:
        now = self._clock.now()
        for obj in list(session.new):
            if isinstance(obj, RecordMeta):
                self._stamp_new(obj, now)
        for obj in list(session.dirty):
            if isinstance(obj, RecordMeta) and session.is_modified(obj):
                self._stamp_update(obj, now)
        for obj in list(session.deleted):
            if isinstance(obj, RecordMeta):
                self._record_purge(obj)

    def _stamp_new(self, obj: RecordMeta, now: Any) -> None:
        if getattr(obj, "_sst_noted", False):
            return  # stamped and noted when it was added
        if obj.id is None:
            obj.id = new_id()
        if obj.created_at is None:
            obj.created_at = obj.updated_at = now
            obj.created_by = obj.updated_by = self.actor.staff_id
        if obj.deleted is None:
            obj.deleted = False
        self._note(obj, "insert", sorted(_column_names(obj)))
        obj._sst_noted = True  # type: ignore[attr-defined]

    def _stamp_update(self, obj: RecordMeta, now: Any) -> None:
        changed = _changed_columns(obj)
        if not changed:
            return
        obj.updated_at, obj.updated_by = now, self.actor.staff_id
        operation = "tombstone" if "deleted" in changed and obj.deleted else "update"
        self._note(obj, operation, changed)

    def _record_purge(self, obj: RecordMeta) -> None:
        if not self._allow_purge:
            raise NotAllowedError(HARD_DELETE)
        self._changes.append(Change(_entity_type(obj), obj.id, "purge", _case_of(obj)))
        self._audits.append(_PendingAudit("purge", _entity_type(obj), obj.id, _case_of(obj)))

    def _note(self, obj: RecordMeta, operation: str, fields: list[str]) -> None:
        entity_type, case_id = _entity_type(obj), _case_of(obj)
        self._changes.append(Change(entity_type, obj.id, operation, case_id))
        self._outbox.append(
            {
                "mutation_id": new_id(),
                "created_at": self._clock.now(),
                "entity_type": entity_type,
                "entity_id": obj.id,
                "operation": operation,
                "changed_fields": fields,
                "base_version": obj.server_version,
                "sent_at": None,
            }
        )
        action = {"insert": "create", "update": "update", "tombstone": "delete"}[operation]
        self._audits.append(_PendingAudit(action, entity_type, obj.id, case_id, {"fields": fields}))

    # -- outbox and audit chain ----------------------------------------------------------------

    def _write_outbox_and_audit(self) -> None:
        """Turn what was captured into outbox and audit rows; ``_insert_rows`` writes them."""
        if self._audits:
            self._append_audit_events()
        self._audits = []

    def _insert_rows(self) -> None:
        if self._outbox:
            self.session.execute(insert(_OUTBOX), self._outbox)
        if self._audit_rows:
            self.session.execute(insert(_AUDIT_EVENTS), self._audit_rows)
        self._outbox, self._audit_rows = [], []

    def _chain_head(self) -> AuditHead:
        # Read once per transaction: BEGIN IMMEDIATE holds the write lock, so nobody else
        # can move the head while this unit of work is open.
        if self._head is None:
            device = self.actor.device_id
            head = self.session.scalar(select(AuditHead).where(AuditHead.device_id == device))
            if head is None:
                head = AuditHead(device_id=device, seq=0, hash=GENESIS)
                self.session.add(head)
            self._head = head
        return self._head

    def _append_audit_events(self) -> None:
        device = self.actor.device_id
        head = self._chain_head()
        for pending in self._audits:
            fields = ChainFields(
                seq=head.seq + 1,
                id=new_id(),
                at=self._clock.now(),
                device_id=device,
                actor_id=self.actor.staff_id,
                action=pending.action,
                entity_type=pending.entity_type,
                entity_id=pending.entity_id,
                case_id=pending.case_id,
                details=pending.details,
                prev_hash=head.hash,
            )
            digest = event_hash(fields)
            self._audit_rows.append({**vars(fields), "hash": digest, "server_version": None})
            head.seq, head.hash = fields.seq, digest


def _entity_type(obj: Any) -> str:
    return str(obj.__tablename__)


def _case_of(obj: Any) -> str | None:
    if type(obj).__tablename__ == "cases":
        return str(obj.id)
    case_id = getattr(obj, "case_id", None)
    return None if case_id is None else str(case_id)


def _column_names(obj: Any) -> set[str]:
    return {attr.key for attr in inspect(obj).mapper.column_attrs} - _META_FIELDS


def _changed_columns(obj: Any) -> list[str]:
    state = inspect(obj)
    return sorted(
        attr.key
        for attr in state.mapper.column_attrs
        if attr.key not in _META_FIELDS and state.attrs[attr.key].history.has_changes()
    )


class BatchUnitOfWork(UnitOfWork):
    """Many services' units of work in one transaction, for bulk loads (the demo, imports).

    Each inner ``commit`` flushes and appends its outbox entries and audit events exactly as a
    normal commit would, but the transaction commits only in ``finish``. An error anywhere
    rolls the whole batch back. Re-entering the context is allowed; leaving it does nothing.
    """

    def __init__(self, engine: Engine, actor: Actor, clock: Clock) -> None:
        super().__init__(engine, actor, clock)
        # Strong references keep written rows in the identity map, so ``session.get`` needs
        # no SQL (speed only).
        self._keep: list[Any] = []
        event.listen(self.session, "after_flush", self._keep_flushed)
        self._begin()

    def _keep_flushed(self, session: Session, _context: Any) -> None:
        self._keep.extend(session.new)  # still "new" here; persistent right after

    def __enter__(self) -> UnitOfWork:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if exc_type is not None:
            self.abort()

    def commit(self) -> ChangeSet:
        """Append what has been captured so far; rows reach the file with the next flush.
        (New records were captured when added; updates when the session next flushes.)"""
        self._write_outbox_and_audit()
        if len(self._outbox) + len(self._audit_rows) >= _BATCH_ROWS:
            self._insert_rows()
        changes = ChangeSet(tuple(self._changes))
        self._changes = []
        return changes

    def switch_actor(self, actor: Actor) -> None:
        """Flush pending updates under the actor who made them before another one acts."""
        if actor != self.actor:
            self.session.flush()
            self.commit()
            self.actor = actor

    def finish(self) -> None:
        self.session.flush()
        self.commit()
        self._insert_rows()
        self.session.commit()
        self.session.close()

    def abort(self) -> None:
        if self.session.in_transaction():
            self.session.rollback()
        self.session.close()
