"""Enrolling a device with a one-time code, refreshing its tokens, and knowing who calls.

The refresh token rotates on every use; presenting an old one (a stolen copy racing the real
device) revokes the device. A device that chose the token to rotate to (``refresh_chain``) and
asks again with the same pair after losing the answer gets the answer again. A revoked device
gets nothing more, whatever token it holds."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from sqlalchemy import insert, select, update
from sqlalchemy.engine import Engine

from sst_desktop.ids import new_id
from sst_desktop.sync.protocol import EnrollResponse, StaffInfo, TokenResponse
from sst_rules import refresh_chain
from sst_server import tokens
from sst_server.db import devices, enrollment_codes, staff
from sst_server.scope import Staff
from sst_server.settings import ServerSettings

log = logging.getLogger(__name__)


class AuthError(Exception):
    """Refused: ``code`` is what the client shows (translated), never why in detail."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def enroll(engine: Engine, settings: ServerSettings, code: str, device_name: str) -> EnrollResponse:
    now = datetime.now(UTC)
    with engine.begin() as conn:
        row = conn.execute(
            select(enrollment_codes).where(
                enrollment_codes.c.code_hash == tokens.digest(tokens.normalise_code(code))
            )
        ).first()
        if row is None or row.used_at is not None or _aware(row.expires_at) < now:
            raise AuthError("enrollment_code_invalid")
        claimed = conn.execute(
            update(enrollment_codes)
            .where(
                enrollment_codes.c.code_hash == row.code_hash, enrollment_codes.c.used_at.is_(None)
            )
            .values(used_at=now)
        )
        if claimed.rowcount != 1:  # another process took it a moment ago
            raise AuthError("enrollment_code_invalid")
        person = conn.execute(select(staff).where(staff.c.id == row.staff_id)).one()
        device_id, refresh = new_id(), tokens.new_secret()
        conn.execute(
            insert(devices).values(
                id=device_id,
                staff_id=person.id,
                name=device_name[:100],
                refresh_hash=tokens.digest(refresh),
                enrolled_at=now,
            )
        )
    log.info("device %s enrolled for staff %s", device_id, person.id)
    return EnrollResponse(
        device_id=device_id,
        staff=StaffInfo(
            staff_id=person.id,
            name=person.name,
            role=person.role,
            authority=person.authority,
            team_id=person.team_id,
        ),
        access_token=tokens.issue_access(
            settings.secret, device_id, person.id, settings.access_token_seconds
        ),
        refresh_token=refresh,
        expires_in=settings.access_token_seconds,
    )


def refresh(
    engine: Engine,
    settings: ServerSettings,
    device_id: str,
    presented: str,
    chosen: str | None = None,
) -> TokenResponse:
    new_refresh = chosen or tokens.new_secret()
    with engine.begin() as conn:
        row = conn.execute(select(devices).where(devices.c.id == device_id)).first()
        if row is None or row.revoked_at is not None:
            raise AuthError("device_revoked" if row is not None else "device_unknown")
        # Rotated to ``chosen`` already, from ``presented``: the answer was lost on the way.
        again = (
            chosen is not None
            and tokens.digest(chosen) == row.refresh_hash
            and refresh_chain.follows(chosen, presented)
        )
        reused = tokens.digest(presented) != row.refresh_hash and not again
        if reused:
            # An old token: someone holds a copy. Stop the device (committed before the
            # refusal goes out); IT enrolls it again.
            conn.execute(
                update(devices)
                .where(devices.c.id == device_id)
                .values(revoked_at=datetime.now(UTC), revoked_reason="refresh_reuse")
            )
    if reused:
        log.warning("device %s presented an old refresh token; revoked", device_id)
        raise AuthError("device_revoked")
    if again:
        log.info("device %s asked again for a refresh whose answer it lost", device_id)
    with engine.begin() as conn:
        rotated = conn.execute(
            update(devices)
            .where(devices.c.id == device_id, devices.c.refresh_hash == row.refresh_hash)
            .values(refresh_hash=tokens.digest(new_refresh), last_seen_at=datetime.now(UTC))
        )
        if rotated.rowcount != 1:  # two refreshes raced with one token: one of them wins
            raise AuthError("token_invalid")
    return TokenResponse(
        access_token=tokens.issue_access(
            settings.secret, device_id, row.staff_id, settings.access_token_seconds
        ),
        refresh_token=new_refresh,
        expires_in=settings.access_token_seconds,
    )


def caller(engine: Engine, settings: ServerSettings, token: str) -> tuple[Staff, str]:
    """The staff member and device behind an access token, checked against revocation now."""
    # A header may carry any Latin-1 byte; the signature check compares ASCII only.
    claims = tokens.read_access(settings.secret, token) if token.isascii() else None
    if claims is None:
        raise AuthError("token_invalid")
    with engine.connect() as conn:
        row = conn.execute(
            select(
                devices.c.revoked_at, staff.c.id, staff.c.role, staff.c.authority, staff.c.team_id
            )
            .join(staff, staff.c.id == devices.c.staff_id)
            .where(devices.c.id == claims.device_id)
        ).first()
    if row is None or row.id != claims.staff_id:
        raise AuthError("token_invalid")
    if row.revoked_at is not None:
        raise AuthError("device_revoked")
    return Staff(row.id, row.role, row.authority, row.team_id), claims.device_id


def _aware(moment: datetime) -> datetime:
    """SQLite hands back naive datetimes; they were written in UTC."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
