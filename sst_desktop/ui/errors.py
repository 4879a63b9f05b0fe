"""Domain errors in the user's language: the code picks a translated template, the parameters
fill it. Anything that is not an ``SstError`` is a bug: the user gets a calm general message and
the log gets the type (never the text, which may quote data)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication

from sst_desktop.errors import SstError
from sst_desktop.ui.error_catalogue import ERROR_TEMPLATES

log = logging.getLogger(__name__)


def error_text(error: BaseException) -> str:
    if not isinstance(error, SstError):
        log.error("unexpected failure in the window", exc_info=error)
        return QCoreApplication.translate(
            "SstError",
            "Something went wrong and the step was not saved. Everything saved before is safe. "
            "Please report it to support.",
        )
    template = ERROR_TEMPLATES.get(error.code)
    if template is None:
        log.warning("no translatable template for error %s", error.code)
        return error.message
    translated = QCoreApplication.translate("SstError", template)
    try:
        return translated.format(**error.params)
    except (KeyError, IndexError, ValueError):
        return translated
