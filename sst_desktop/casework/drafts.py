"""Drafts: what a form held, autosaved every few seconds so nothing typed is lost to a lock, a
crash or a killed process. Kept in the encrypted database, on this device only (not records:
never synced or audited), removed when the form is saved or discarded, purged with the case."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import delete
from sqlalchemy.orm import Session

from sst_desktop.casework.context import ServiceContext
from sst_desktop.models.profile_meta import Draft


def draft_key(form: str, case_id: str | None) -> str:
    return f"{form}:{case_id or '-'}"


def save_draft(ctx: ServiceContext, form: str, case_id: str | None, fields: dict[str, Any]) -> None:
    key = draft_key(form, case_id)
    with Session(ctx.engine) as session, session.begin():
        draft = session.get(Draft, key)
        payload = json.dumps(fields, ensure_ascii=False, sort_keys=True)
        if draft is None:
            session.add(Draft(key=key, case_id=case_id, payload=payload, saved_at=ctx.clock.now()))
        else:
            draft.payload, draft.saved_at = payload, ctx.clock.now()


def load_draft(ctx: ServiceContext, form: str, case_id: str | None) -> dict[str, Any] | None:
    with Session(ctx.engine) as session:
        draft = session.get(Draft, draft_key(form, case_id))
        return None if draft is None else dict(json.loads(draft.payload))


def discard_draft(ctx: ServiceContext, form: str, case_id: str | None) -> None:
    with Session(ctx.engine) as session, session.begin():
        session.execute(delete(Draft).where(Draft.key == draft_key(form, case_id)))
