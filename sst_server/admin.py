"""`sst-server admin`: the organisation's teams and staff, enrollment codes, revoking a device.
Teams and staff are records of the feed as well, so every device knows its colleagues."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.engine import Connection, Engine

from sst_desktop.ids import new_id
from sst_server import tokens
from sst_server.db import devices, enrollment_codes, records, staff, take_versions, teams
from sst_server.settings import ENROLLMENT_CODE_HOURS

ROLES = (
    "family_therapist",
    "school_psychologist",
    "special_educator",
    "school_social_worker",
    "case_officer",
    "unit_manager",
    "coordinator",
)
AUTHORITIES = ("school", "social_services")
PROGRAMMES = ("sst", "sst_plus")


class AdminError(ValueError):
    """A bad admin request: the message says what to change."""


@dataclass(frozen=True)
class IssuedCode:
    code: str
    expires_at: datetime


def add_team(engine: Engine, name: str, programme: str) -> str:
    if programme not in PROGRAMMES:
        raise AdminError(f"programme must be one of {', '.join(PROGRAMMES)}")
    team_id = new_id()
    with engine.begin() as conn:
        now = datetime.now(UTC)
        conn.execute(
            insert(teams).values(id=team_id, name=name, programme=programme, created_at=now)
        )
        _feed(conn, "teams", team_id, {"id": team_id, "name": name, "programme": programme})
    return team_id


def add_staff(engine: Engine, name: str, role: str, authority: str, team_id: str | None) -> str:
    if role not in ROLES:
        raise AdminError(f"role must be one of {', '.join(ROLES)}")
    if authority not in AUTHORITIES:
        raise AdminError(f"authority must be one of {', '.join(AUTHORITIES)}")
    staff_id = new_id()
    with engine.begin() as conn:
        if (
            team_id is not None
            and conn.execute(select(teams.c.id).where(teams.c.id == team_id)).first() is None
        ):
            raise AdminError(f"no team {team_id}")
        now = datetime.now(UTC)
        conn.execute(
            insert(staff).values(
                id=staff_id,
                name=name,
                role=role,
                authority=authority,
                team_id=team_id,
                created_at=now,
            )
        )
        fields = {
            "id": staff_id,
            "name": name,
            "role": role,
            "authority": authority,
            "team_id": team_id,
        }
        _feed(conn, "staff", staff_id, fields)
    return staff_id


def issue_enrollment_code(engine: Engine, staff_id: str, now: datetime | None = None) -> IssuedCode:
    """A one-time code, valid 24 hours, for one of the staff member's devices."""
    now = now or datetime.now(UTC)
    code = tokens.new_enrollment_code()
    expires = now + timedelta(hours=ENROLLMENT_CODE_HOURS)
    with engine.begin() as conn:
        if conn.execute(select(staff.c.id).where(staff.c.id == staff_id)).first() is None:
            raise AdminError(f"no staff member {staff_id}")
        conn.execute(
            insert(enrollment_codes).values(
                code_hash=tokens.digest(tokens.normalise_code(code)),
                staff_id=staff_id,
                created_at=now,
                expires_at=expires,
                used_at=None,
            )
        )
    return IssuedCode(code, expires)


def revoke_device(engine: Engine, device_id: str, reason: str = "lost") -> None:
    with engine.begin() as conn:
        done = conn.execute(
            update(devices)
            .where(devices.c.id == device_id, devices.c.revoked_at.is_(None))
            .values(revoked_at=datetime.now(UTC), revoked_reason=reason)
        )
        if done.rowcount == 0:
            raise AdminError(f"no active device {device_id}")


def list_devices(engine: Engine) -> list[dict[str, Any]]:
    with engine.connect() as conn:
        rows = conn.execute(select(devices).order_by(devices.c.enrolled_at))
        return [
            {
                "device_id": r.id,
                "staff_id": r.staff_id,
                "name": r.name,
                "enrolled_at": r.enrolled_at.isoformat(),
                "revoked_at": r.revoked_at.isoformat() if r.revoked_at else None,
            }
            for r in rows
        ]


def _feed(conn: Connection, entity_type: str, entity_id: str, fields: dict[str, Any]) -> None:
    """Organisation data goes out to every device like any record (team_id NULL: everyone)."""
    version = take_versions(conn, 1)
    conn.execute(
        insert(records).values(
            entity_id=entity_id,
            entity_type=entity_type,
            authority="social_services" if entity_type == "teams" else fields.get("authority", ""),
            record_class="organisation",
            category="organisation",
            case_id=None,
            team_id=None,
            version=version,
            deleted=False,
            fields=fields,
            field_versions={k: version for k in fields},
            updated_by="admin",
            updated_at=datetime.now(UTC),
        )
    )
