"""Masking free text before it leaves the profile: every word of every name and address the
profile holds, anything shaped like an identity number, phone number, e-mail address or postcode.

It cannot know a name the profile does not hold (a friend's, a nickname), which is why free text
is left out of the follow-up file unless asked for, and the column dictionary says to read it
before sharing. It over-masks rather than under-masks: a guardian called Rosa masks the colour.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from sqlalchemy import select

from sst_desktop.casework.deidentification import mask_identity_like
from sst_desktop.models.organisation import Staff
from sst_desktop.models.people import CaseParticipant, Guardian, Student
from sst_desktop.models.plan import PlanSignature
from sst_desktop.store.unit_of_work import UnitOfWork

MASK = "[borttaget]"
_WORD = re.compile(r"\w+")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"(?<![\w-])(?:\+46|0)[\d \-]{6,14}\d(?![\w-])")
_POSTCODE = re.compile(r"(?<!\d)\d{3} ?\d{2}(?!\d)")


class Redactor:
    def __init__(self, names: Iterable[str]) -> None:
        self._words = frozenset(
            w.casefold() for name in names for w in _WORD.findall(name) if _is_name_word(w)
        )

    def mask(self, text: str) -> str:
        for pattern in (_EMAIL, _PHONE):
            text = pattern.sub(MASK, text)
        text = mask_identity_like(text, MASK)
        text = _POSTCODE.sub(MASK, text)
        return _WORD.sub(self._mask_word, text)

    def _mask_word(self, match: re.Match[str]) -> str:
        return MASK if match.group(0).casefold() in self._words else match.group(0)


def _is_name_word(word: str) -> bool:
    return len(word) >= 2 and not word.isdigit()


def load_redactor(uow: UnitOfWork) -> Redactor:
    """Every name and address in the profile, whatever the case or the reader's rights: they
    are only used to mask, never shown."""
    columns = (
        Student.first_name,
        Student.last_name,
        Student.address,
        Guardian.name,
        Guardian.address,
        CaseParticipant.name,
        Staff.name,
        PlanSignature.signer_name,
    )
    names: list[str] = []
    for column in columns:
        names.extend(v for v in uow.session.scalars(select(column)) if v)
    return Redactor(names)
