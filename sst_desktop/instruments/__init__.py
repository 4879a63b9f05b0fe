"""The instrument engine: rating scales as data (``resources/instruments/``), no Qt, no ORM.

Load a catalogue, pick the instrument for the student's age on the rating date, score a form
or a series::

    catalogue = shipped_catalogue()
    definition = catalogue.choose("outcome", "self", birth_date, rating_date)
    result = score_series(definition, sessions, age=age_on(birth_date, rating_date))
"""

from __future__ import annotations

from sst_desktop.instruments.age import age_on
from sst_desktop.instruments.catalogue import (
    Catalogue,
    load_catalogue,
    load_definition,
    shipped_catalogue,
)
from sst_desktop.instruments.dto import FormResult, SeriesResult, Signal, Wording
from sst_desktop.instruments.engine import score_answers, score_series
from sst_desktop.instruments.errors import AnswerError, DefinitionError
from sst_desktop.instruments.schema import Definition

__all__ = [
    "AnswerError",
    "Catalogue",
    "Definition",
    "DefinitionError",
    "FormResult",
    "SeriesResult",
    "Signal",
    "Wording",
    "age_on",
    "load_catalogue",
    "load_definition",
    "score_answers",
    "score_series",
    "shipped_catalogue",
]
