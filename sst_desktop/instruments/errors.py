"""The errors of the instrument engine: a broken definition file, or answers it cannot score.

Parameters are file names, instrument ids, answer keys and numbers: never a person's data.
"""

from __future__ import annotations

from sst_desktop.errors import SstError, ValidationError, error_code

DEFINITION_INVALID = error_code(
    "instrument.definition_invalid",
    "The instrument definition {file} is not valid: {field}: {problem}",
)
UNKNOWN_INSTRUMENT = error_code(
    "instrument.unknown", "No instrument {instrument} is installed (see `sst instruments`)."
)
UNKNOWN_VERSION = error_code(
    "instrument.unknown_version", "Version {version} of {instrument} is not installed."
)
NO_VERSION_FOR_AGE = error_code(
    "instrument.no_version_for_age",
    "No version of {family} is meant for a {respondent} rating of a student aged {age}.",
)
RESPONDENT_UNKNOWN = error_code(
    "instrument.respondent_unknown",
    "{instrument} has no respondent {respondent}; it has {known}.",
)
RESPONDENT_REQUIRED = error_code(
    "instrument.respondent_required", "{instrument} needs a respondent: one of {known}."
)
AGE_OUTSIDE = error_code(
    "instrument.age_outside",
    "{instrument} for {respondent} is meant for ages {ages}, not {age}.",
)
AGE_REQUIRED = error_code(
    "instrument.age_required",
    "{instrument} has different cut-offs by age: give the student's age.",
)
ANSWER_UNKNOWN = error_code(
    "instrument.answer_unknown",
    "{instrument} ({respondent}) has no item {key}.",
)
ANSWER_RANGE = error_code(
    "instrument.answer_range",
    "The answer to item {key} must be a whole number from {low} to {high}.",
)
ANSWER_MISSING = error_code(
    "instrument.answer_missing", "{instrument} needs an answer to every item; {key} is missing."
)
INPUT_INVALID = error_code("instrument.input_invalid", "The answers are not valid input: {problem}")


class DefinitionError(SstError):
    """A shipped or organisation definition file that cannot be used as it is."""


class AnswerError(ValidationError):
    """Answers (or the respondent and age they are for) that the definition cannot score."""
