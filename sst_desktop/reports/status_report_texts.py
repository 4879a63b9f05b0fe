"""The status report's free texts: how the work goes, deviations, improvement areas and a comment
per section, from an optional JSON file (docs/status-report.md). A field left out prints as
empty ruled lines in the PDF and an empty box in the editable document.

The file is checked whole before anything is read from the profile: an unknown field (a typo
would silently drop a paragraph) or a value that is not text is an error naming the field."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sst_desktop.errors import ValidationError, error_code

TEXTS_UNREADABLE = error_code(
    "status_report.texts_unreadable",
    "Cannot read the texts file {file}: it must be a JSON object in UTF-8 ({problem}).",
)
TEXTS_FIELD = error_code(
    "status_report.texts_field",
    "The texts file {file} has an unknown field '{field}' (docs/status-report.md lists them).",
)
TEXTS_VALUE = error_code(
    "status_report.texts_value", "In the texts file {file}, '{field}' must be text."
)
GENERAL = ("how_the_work_goes", "deviations", "improvement_areas")
SECTIONS = (
    "overview",
    *(f"impact_{n}" for n in range(1, 5)),
    *(f"project_{n}" for n in range(1, 5)),
)
FIELDS = (*GENERAL, *SECTIONS)
MAX_CHARACTERS = 20_000  # a field longer than this is not a comment: refused as not text


@dataclass(frozen=True)
class ReportTexts:
    values: Mapping[str, str] = field(default_factory=dict)

    def get(self, key: str) -> str:
        return self.values.get(key, "").strip()

    @property
    def given(self) -> tuple[str, ...]:
        """The fields with text, for the audit event (never the text)."""
        return tuple(key for key in FIELDS if self.get(key))


def load_texts(path: Path) -> ReportTexts:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ValidationError(TEXTS_UNREADABLE, file=path.name, problem=exc.strerror) from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValidationError(TEXTS_UNREADABLE, file=path.name, problem=_problem(exc)) from exc
    return parse_texts(data, path.name)


def parse_texts(data: Any, file: str) -> ReportTexts:
    if not isinstance(data, dict):
        raise ValidationError(TEXTS_UNREADABLE, file=file, problem="not an object")
    for key, value in data.items():
        if key not in FIELDS:
            raise ValidationError(TEXTS_FIELD, file=file, field=str(key)[:40])
        if not isinstance(value, str) or len(value) > MAX_CHARACTERS:
            raise ValidationError(TEXTS_VALUE, file=file, field=key)
    return ReportTexts(dict(data))


def _problem(exc: ValueError) -> str:
    if isinstance(exc, json.JSONDecodeError):
        return f"line {exc.lineno}, column {exc.colno}"
    return "not UTF-8"
