"""Loading the definition files, and finding the one that applies to a rating.

The shipped files are ``resources/instruments/*.json``; an organisation's directory may add
instruments or newer versions (a file with the same id and version replaces the shipped one).
Every file is parsed and checked in full before any is used: a broken file stops loading with
its name and the first bad field.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path

from pydantic import ValidationError

from sst_desktop.config.resources import resource_path
from sst_desktop.instruments.age import age_on
from sst_desktop.instruments.checks import problems
from sst_desktop.instruments.errors import (
    DEFINITION_INVALID,
    NO_VERSION_FOR_AGE,
    UNKNOWN_INSTRUMENT,
    UNKNOWN_VERSION,
    AnswerError,
    DefinitionError,
)
from sst_desktop.instruments.schema import Definition


def load_definition(path: Path) -> Definition:
    """One file, parsed and checked; ``DefinitionError`` names the file and the field."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        definition = Definition.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first["loc"]) or "(definition)"
        raise DefinitionError(
            DEFINITION_INVALID, file=path.name, field=field, problem=first["msg"]
        ) from exc
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        problem = "cannot be read" if isinstance(exc, OSError) else "is not JSON"
        raise DefinitionError(
            DEFINITION_INVALID, file=path.name, field="(file)", problem=problem
        ) from exc
    found = problems(definition)
    if found:
        field, problem = found[0]
        raise DefinitionError(DEFINITION_INVALID, file=path.name, field=field, problem=problem)
    return definition


class Catalogue:
    """Every loaded definition by id and version."""

    def __init__(self, definitions: Iterable[Definition]) -> None:
        self._by_key = {(d.id, d.version): d for d in definitions}

    def all(self) -> list[Definition]:
        return sorted(self._by_key.values(), key=lambda d: (d.family, d.id, d.version))

    def get(self, instrument_id: str, version: int | None = None) -> Definition:
        """That version, or the newest when ``version`` is None."""
        if version is not None and (instrument_id, version) in self._by_key:
            return self._by_key[(instrument_id, version)]
        versions = [v for (i, v) in self._by_key if i == instrument_id]
        if not versions:
            raise AnswerError(UNKNOWN_INSTRUMENT, instrument=instrument_id)
        if version is not None:
            raise AnswerError(UNKNOWN_VERSION, instrument=instrument_id, version=version)
        return self._by_key[(instrument_id, max(versions))]

    def newest(self) -> list[Definition]:
        return [self.get(i) for i in sorted({i for (i, _v) in self._by_key})]

    def choose(self, family: str, respondent: str, birth_date: date, on: date) -> Definition:
        """The instrument of ``family`` for the student's age on the rating date."""
        age = age_on(birth_date, on)
        for definition in self.newest():
            form = definition.respondent(respondent)
            if definition.family == family and form is not None and form.age.contains(age):
                return definition
        raise AnswerError(NO_VERSION_FOR_AGE, family=family, respondent=respondent, age=age)


def load_catalogue(directories: Sequence[Path]) -> Catalogue:
    """Every ``*.json`` of each directory in order; later files replace earlier ones."""
    loaded: dict[tuple[str, int], tuple[Definition, Path]] = {}
    for directory in directories:
        for path in sorted(directory.glob("*.json")):
            definition = load_definition(path)
            loaded[(definition.id, definition.version)] = (definition, path)
    catalogue = Catalogue(d for d, _path in loaded.values())
    files = {d.id: path.name for d, path in loaded.values() if catalogue.get(d.id) is d}
    _check_families(catalogue.newest(), files)
    return catalogue


def shipped_catalogue() -> Catalogue:
    return load_catalogue([resource_path("instruments")])


def _check_families(newest: list[Definition], files: dict[str, str]) -> None:
    """Within a family two instruments never claim the same respondent at the same age."""
    for n, one in enumerate(newest):
        for other in newest[n + 1 :]:
            if one.family != other.family:
                continue
            for form in one.respondents:
                twin = other.respondent(form.id)
                if twin is not None and twin.age.overlaps(form.age):
                    raise DefinitionError(
                        DEFINITION_INVALID,
                        file=files[other.id],
                        field=f"respondents.{form.id}.age",
                        problem=f"overlaps {one.id} (family {one.family})",
                    )
