"""Swedish personal identity numbers (personnummer) and coordination numbers
(samordningsnummer, day + 60). python-stdnum's Luhn does the checksum; the date rule is ours
because ``stdnum.se.personnummer`` refuses coordination numbers (it reads day 61 as a date).

Errors never carry the number itself: the reason is one of ``format``, ``checksum``, ``date``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from stdnum import luhn

from sst_desktop.errors import ValidationError, error_code

INVALID = error_code(
    "personal_id.invalid",
    "The personal identity number is not valid ({reason}). Check the digits, or leave it empty.",
)
_SHAPE = re.compile(r"^(\d{2})?(\d{6})([-+]?)(\d{4})$")
# Demo numbers use birth numbers 980-999: real, Luhn-valid format, rarely issued, and easy to
# recognise as synthetic in a support call (decisions.md).
SYNTHETIC_SERIAL_BASE = 980


@dataclass(frozen=True)
class PersonalId:
    canonical: str  # YYYYMMDDNNNN
    birth_date: date
    is_coordination_number: bool


def parse_personal_id(text: str, *, today: date) -> PersonalId:
    match = _SHAPE.match(text.strip().replace(" ", ""))
    if match is None:
        raise ValidationError(INVALID, reason="format")
    century, short, separator, serial = match.groups()
    if not luhn.is_valid(short + serial):
        raise ValidationError(INVALID, reason="checksum")
    birth = _birth_date(century, short, separator, today)
    if birth is None or birth > today:
        raise ValidationError(INVALID, reason="date")
    return PersonalId(f"{birth.year // 100:02d}{short}{serial}", birth, int(short[4:6]) > 60)


def _birth_date(century: str | None, short: str, separator: str, today: date) -> date | None:
    yy, month, day = int(short[:2]), int(short[2:4]), int(short[4:6])
    day = day - 60 if day > 60 else day
    if century is not None:
        year = int(century) * 100 + yy
    else:
        year = (today.year // 100) * 100 + yy
        if year > today.year:
            year -= 100
        if separator == "+":  # a '+' marks someone 100 years or older
            year -= 100
    try:
        return date(year, month, day)
    except ValueError:
        return None


def format_personal_id(pid: PersonalId) -> str:
    return f"{pid.canonical[:8]}-{pid.canonical[8:]}"


def synthetic_personal_id(birth_date: date, serial: int) -> str:
    """A valid 12-digit number for demo data, birth number in the synthetic 980-999 range."""
    nine = f"{birth_date:%y%m%d}{SYNTHETIC_SERIAL_BASE + serial % 20:03d}"
    return f"{birth_date.year // 100:02d}{nine}{luhn.calc_check_digit(nine)}"
