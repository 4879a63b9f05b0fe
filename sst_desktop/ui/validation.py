"""Checks a form runs as the user types, each returning the problem in the user's language
(empty when there is none)."""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QCoreApplication

from sst_desktop.errors import SstError
from sst_desktop.models.rules.personal_id import parse_personal_id
from sst_desktop.ui.errors import error_text

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def personal_id_problem(text: str, today: date) -> str:
    """An empty field is no problem: the number may be unknown."""
    text = text.strip()
    if not text:
        return ""
    try:
        parse_personal_id(text, today=today)
    except SstError as error:
        return error_text(error)
    return ""


def email_problem(text: str) -> str:
    text = text.strip()
    if not text or _EMAIL.match(text):
        return ""
    return QCoreApplication.translate("Validation", "The e-mail address is not complete.")
