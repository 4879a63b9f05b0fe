"""Checks of a request that its wire model cannot make, each a 422 ``malformed_request``
instead of a failure deeper down (found by schemathesis, R6)."""

from __future__ import annotations

import json
from datetime import datetime

from fastapi import Request

from sst_desktop.sync.protocol import AuditPushRequest, PushRequest


class Malformed(Exception):
    """Refused as ``malformed_request``; the message says what, never a value."""


async def unicode_only(request: Request) -> None:
    """JSON may escape half of a UTF-16 pair (``\\ud800``). Pydantic refuses that in a string
    field but not inside free-form values (a record's fields, an audit event's details), and
    neither database can store it: PostgreSQL failed the whole push with a 500."""
    if request.method != "POST":
        return
    try:
        body = await request.json()  # parsed once already; Starlette keeps it
    except ValueError:
        return  # not JSON: the body's own validation says so
    try:
        json.dumps(body, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        raise Malformed("The request holds text that is not valid Unicode.") from None


def distinct_mutations(request: PushRequest) -> None:
    """A mutation id names one change; twice in one batch is a broken client, not a retry."""
    ids = [m.mutation_id for m in request.mutations]
    if len(set(ids)) != len(ids):
        raise Malformed("A mutation id appears twice in one push.")


def readable_times(request: AuditPushRequest) -> None:
    """An audit event's time travels as the text it was hashed from; it must be ISO 8601."""
    for event in request.events:
        try:
            datetime.fromisoformat(event.at)
        except ValueError:
            raise Malformed(f"Audit event {event.seq}: 'at' is not an ISO 8601 time.") from None
