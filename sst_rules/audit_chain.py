"""The audit hash chain: each event's hash covers its fields and the previous hash.

Editing an event changes its hash; deleting one breaks the next event's ``prev_hash`` and leaves a
gap in ``seq``; cutting off the tail disagrees with the stored head. The server re-checks the chain
on sync, which covers an attacker who holds the key and rewrites the whole local chain.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

GENESIS = "0" * 64


@dataclass(frozen=True)
class ChainFields:
    seq: int
    id: str
    at: datetime
    device_id: str
    actor_id: str
    action: str
    entity_type: str
    entity_id: str | None
    case_id: str | None
    details: dict[str, Any]
    prev_hash: str


def event_hash(fields: ChainFields) -> str:
    body = [
        fields.seq,
        fields.id,
        fields.at.isoformat(),
        fields.device_id,
        fields.actor_id,
        fields.action,
        fields.entity_type,
        fields.entity_id,
        fields.case_id,
        fields.details,
        fields.prev_hash,
    ]
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class ChainFault:
    seq: int
    kind: str  # edited | gap | broken_link | head_mismatch

    def describe(self) -> str:
        return f"audit event {self.seq}: {self.kind.replace('_', ' ')}"


def verify_chain(
    events: Iterable[tuple[ChainFields, str]], head: tuple[int, str] | None
) -> list[ChainFault]:
    """Check (fields, stored hash) pairs in seq order against each other and the head."""
    faults: list[ChainFault] = []
    expected_seq, expected_prev = 1, GENESIS
    for fields, stored in events:
        if fields.seq != expected_seq:
            faults.append(ChainFault(expected_seq, "gap"))
        if fields.prev_hash != expected_prev:
            faults.append(ChainFault(fields.seq, "broken_link"))
        if event_hash(fields) != stored:
            faults.append(ChainFault(fields.seq, "edited"))
        expected_seq, expected_prev = fields.seq + 1, stored
    last_seq = expected_seq - 1
    if head is not None and (head[0] != last_seq or head[1] != expected_prev):
        faults.append(ChainFault(head[0], "head_mismatch"))
    if head is None and last_seq > 0:
        faults.append(ChainFault(last_seq, "head_mismatch"))
    return faults
