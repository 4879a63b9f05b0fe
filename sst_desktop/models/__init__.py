"""ORM models and pure domain rules. No session, no Qt.

Importing this package registers every table on ``Base.metadata`` (Alembic relies on it).
"""

from sst_desktop.models import (
    attachment,
    audit,
    case,
    closure,
    consent,
    contact,
    mapping,
    organisation,
    outbox,
    people,
    plan,
    profile_meta,
    referral,
    school_outcomes,
    sync,
)
from sst_desktop.models.base import Base

__all__ = [
    "Base",
    "attachment",
    "audit",
    "case",
    "closure",
    "consent",
    "contact",
    "mapping",
    "organisation",
    "outbox",
    "people",
    "plan",
    "profile_meta",
    "referral",
    "school_outcomes",
    "sync",
]
