"""Records leaving the central store for good: retention purges and tombstone compaction.

A purge deletes the record, its history and the conflicts about it, keeps its id in
``removals`` and announces it in the feed at a fresh version, so every device that holds it
removes it too. Compaction drops tombstones older than a number of days (their ids move to
``removals`` as well) and raises the feed's horizon: a device whose cursor is below it may have
missed one of those tombstones, so it resyncs in full instead (see ``pull``). A removed id is
never written again: push refuses it.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.engine import Connection, Engine

from sst_rules.retention import RetentionRule, is_due
from sst_server import blobs
from sst_server.db import among, feed_state, record_history, records, removals, take_versions

log = logging.getLogger(__name__)
HORIZON = "horizon"
CONFLICTS = "sync_conflicts"


@dataclass(frozen=True)
class Removed:
    """What a purge or a compaction removed (or would remove), by entity type."""

    by_type: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.by_type.values())


def purge_due(
    engine: Engine, rules: list[RetentionRule], today: date, *, dry_run: bool = False
) -> Removed:
    """Apply the retention rules to every closed case, as the device's own purge does: the due
    records, then a case left with nothing, then a student (and guardians) left with no case."""
    with engine.begin() as conn:
        rows = _due(conn, rules, today)
        if not dry_run:
            _purge(conn, rows)
    log.info("retention purge: %d records%s", len(rows), " (dry run)" if dry_run else "")
    return _summary(rows)


def purge_case(engine: Engine, case_id: str, rule: str) -> Removed:
    """Purge one case whole (a decision outside the rule table, e.g. a case opened in error)."""
    with engine.begin() as conn:
        rows = _rows(conn, (records.c.case_id == case_id) | (records.c.entity_id == case_id))
        rows += _orphaned_people(conn, {r.entity_id for r in rows})
        _purge(conn, [(r, rule) for r in rows])
    return _summary([(r, rule) for r in rows])


def purge_records(engine: Engine, entity_ids: list[str], rule: str) -> Removed:
    """Purge these records only (a decision outside the rule table, or a test's)."""
    with engine.begin() as conn:
        rows = [(r, rule) for r in _rows(conn, records.c.entity_id.in_(entity_ids))]
        _purge(conn, rows)
    return _summary(rows)


def compact(engine: Engine, older_than_days: int, now: datetime | None = None) -> Removed:
    """Drop tombstones older than ``older_than_days``; raise the horizon past them."""
    limit = (now or datetime.now(UTC)) - timedelta(days=older_than_days)
    with engine.begin() as conn:
        rows = _rows(conn, records.c.deleted.is_(True) & (records.c.updated_at < limit))
        if rows:
            _forget(conn, rows, "compacted", None, {r.entity_id: r.version for r in rows})
            _raise_horizon(conn, max(r.version for r in rows))
    log.info("tombstone compaction: %d tombstones", len(rows))
    return _summary([(r, "") for r in rows])


def horizon(conn: Connection) -> int:
    value = conn.execute(select(feed_state.c.value).where(feed_state.c.key == HORIZON)).scalar()
    return int(value or 0)


def removed_ids(conn: Connection, ids: Iterable[str]) -> set[str]:
    wanted = list(set(ids))
    if not wanted:
        return set()
    found = conn.execute(
        select(removals.c.entity_id).where(among(conn, removals.c.entity_id, wanted))
    )
    return set(found.scalars())


def _due(conn: Connection, rules: list[RetentionRule], today: date) -> list[tuple[Any, str]]:
    due: list[tuple[Any, str]] = []
    closed = _rows(conn, (records.c.entity_type == "cases") & records.c.deleted.is_(False))
    for case in closed:
        closed_on = _day(case.fields.get("closed_on"))
        programme = str(case.fields.get("programme", ""))
        for rule in rules:
            if not is_due(rule, programme, closed_on, today):
                continue
            due += [
                (row, rule.rule_id)
                for row in _rows(
                    conn,
                    (records.c.case_id == case.entity_id)
                    & records.c.record_class.in_(rule.record_classes),
                )
            ]
    due += _emptied(conn, due)
    unique = {row.entity_id: (row, rule) for row, rule in reversed(due)}  # first rule wins
    return list(unique.values())


def _emptied(conn: Connection, due: list[tuple[Any, str]]) -> list[tuple[Any, str]]:
    """Cases with nothing left after the purge, and the people left with no case."""
    going = {r.entity_id for r, _ in due}
    cases = {r.case_id for r, _ in due if r.case_id}
    emptied: list[Any] = []
    for case_id in cases:
        left = conn.execute(
            select(records.c.entity_id).where(records.c.case_id == case_id)
        ).scalars()
        if set(left) <= going:
            emptied += _rows(conn, records.c.entity_id == case_id)
    people = _orphaned_people(conn, going | {c.entity_id for c in emptied})
    return [(r, "case_purged") for r in emptied + people]


def _orphaned_people(conn: Connection, going: set[str]) -> list[Any]:
    """Students whose every case is going, and their guardians."""
    cases = _rows(conn, records.c.entity_type == "cases")
    students = {str(c.fields.get("student_id")) for c in cases if c.entity_id in going}
    kept = {str(c.fields.get("student_id")) for c in cases if c.entity_id not in going}
    orphans = students - kept - {"None"}
    if not orphans:
        return []
    people = _rows(conn, records.c.entity_type.in_(("students", "guardians")))
    return [
        p
        for p in people
        if p.entity_id in orphans
        or (p.entity_type == "guardians" and p.fields.get("student_id") in orphans)
    ]


def _purge(conn: Connection, due: list[tuple[Any, str]]) -> None:
    if not due:
        return
    rows = [r for r, _ in due]
    rows += _conflicts_about(conn, {r.entity_id for r in rows})
    rule_of = {r.entity_id: rule for r, rule in due}
    first = take_versions(conn, len(rows))
    versions = {row.entity_id: first + i for i, row in enumerate(rows)}
    for rule in set(rule_of.values()) | {None}:
        group = [r for r in rows if rule_of.get(r.entity_id) == rule]
        if group:
            _forget(conn, group, "purged", rule, versions)


def _conflicts_about(conn: Connection, ids: set[str]) -> list[Any]:
    """A conflict holds the purged record's values: it goes with it."""
    conflicts = _rows(conn, records.c.entity_type == CONFLICTS)
    return [c for c in conflicts if c.fields.get("entity_id") in ids]


def _forget(
    conn: Connection, rows: list[Any], reason: str, rule: str | None, versions: dict[str, int]
) -> None:
    ids = [r.entity_id for r in rows]
    now = datetime.now(UTC)
    conn.execute(delete(record_history).where(record_history.c.entity_id.in_(ids)))
    conn.execute(delete(records).where(records.c.entity_id.in_(ids)))
    named = [r.fields.get("sha256") for r in rows if r.entity_type == blobs.ATTACHMENTS]
    blobs.drop_unnamed(conn, [str(sha256) for sha256 in named if sha256])
    conn.execute(
        insert(removals),
        [
            {
                "entity_id": r.entity_id,
                "entity_type": r.entity_type,
                "team_id": r.team_id,
                "version": versions[r.entity_id],
                "reason": reason,
                "rule": rule,
                "removed_at": now,
            }
            for r in rows
        ],
    )


def _raise_horizon(conn: Connection, version: int) -> None:
    changed = conn.execute(
        update(feed_state)
        .where(feed_state.c.key == HORIZON)
        .values(value=func.greatest(feed_state.c.value, version))
        if conn.dialect.name == "postgresql"
        else update(feed_state)
        .where(feed_state.c.key == HORIZON)
        .values(value=func.max(feed_state.c.value, version))
    ).rowcount
    if not changed:
        conn.execute(insert(feed_state).values(key=HORIZON, value=version))


def _rows(conn: Connection, condition: Any) -> list[Any]:
    return list(conn.execute(select(records).where(condition).order_by(records.c.entity_id)))


def _day(value: object) -> date | None:
    try:
        return date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def _summary(rows: list[tuple[Any, str]]) -> Removed:
    counts: dict[str, int] = {}
    for row, _rule in rows:
        counts[row.entity_type] = counts.get(row.entity_type, 0) + 1
    return Removed(counts)
