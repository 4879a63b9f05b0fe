"""Before consent only de-identified information moves (001:L393): the referral request has no
name or identity column, and its free text is refused when it holds an identity number."""

from __future__ import annotations

import re
from datetime import date

from sst_desktop.errors import SstError, ValidationError, error_code
from sst_desktop.models.rules.personal_id import parse_personal_id

HOLDS_IDENTITY = error_code(
    "referral.holds_identity",
    "The field {field} seems to hold a personal identity number; a referral request must be "
    "anonymous until the family has said yes.",
)
# Not inside a longer word or number (a UUID's hex groups hold digit runs that look like one).
_CANDIDATE = re.compile(r"(?<![\w-])(?:\d{2})?\d{6}\s?[-+]?\s?\d{4}(?![\w-])")


def contains_personal_id(text: str, today: date) -> bool:
    for match in _CANDIDATE.finditer(text):
        try:
            parse_personal_id(match.group(0).replace(" ", ""), today=today)
        except SstError:
            continue
        return True
    return False


def require_no_identity(fields: dict[str, str | None], today: date) -> None:
    for name, value in fields.items():
        if value and contains_personal_id(value, today):
            raise ValidationError(HOLDS_IDENTITY, field=name)


def mask_identity_like(text: str, mask: str) -> str:
    """``text`` with everything shaped like an identity number replaced by ``mask``, valid or
    not: a mistyped number identifies a child as well as a correct one (exports, prints)."""
    return _CANDIDATE.sub(mask, text)
