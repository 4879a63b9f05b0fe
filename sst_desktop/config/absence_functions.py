"""The catalogue of what an absence can do for the student (funktionen bakom frånvaron), as
data: ``resources/absence_functions.json`` by default, or the organisation's own file
(``absence_functions`` in organisation.json). A mapping stores the codes; the labels come from
the catalogue, in Swedish and English.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from sst_desktop.config.resources import resource_path
from sst_desktop.errors import SstError, error_code

CATALOGUE_INVALID = error_code(
    "config.absence_functions_invalid",
    "The catalogue of absence functions in {file} is not valid: {field}: {problem}",
)


class AbsenceFunction(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    code: str = Field(pattern=r"^[a-z][a-z0-9_]{0,59}$")
    sv: str = Field(min_length=1)
    en: str = Field(min_length=1)


class AbsenceFunctionCatalogue(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    description: str | None = None
    categories: tuple[AbsenceFunction, ...] = Field(min_length=1)

    @field_validator("categories")
    @classmethod
    def _codes_unique(cls, value: tuple[AbsenceFunction, ...]) -> tuple[AbsenceFunction, ...]:
        codes = [c.code for c in value]
        if len(codes) != len(set(codes)):
            raise ValueError("a code appears twice")
        return value

    def codes(self) -> tuple[str, ...]:
        return tuple(c.code for c in self.categories)

    def get(self, code: str) -> AbsenceFunction | None:
        return next((c for c in self.categories if c.code == code), None)


def load_absence_functions(path: Path | None = None) -> AbsenceFunctionCatalogue:
    """The file at ``path``, or the shipped default; a wrong file is an error naming it."""
    source = path or resource_path("absence_functions.json")
    try:
        return AbsenceFunctionCatalogue.model_validate_json(source.read_bytes())
    except ValidationError as exc:
        first = exc.errors()[0]
        raise SstError(
            CATALOGUE_INVALID,
            file=source.name,
            field=".".join(str(p) for p in first["loc"]) or "(file)",
            problem=first["msg"],
        ) from exc
    except (OSError, json.JSONDecodeError) as exc:
        raise SstError(
            CATALOGUE_INVALID, file=source.name, field="(file)", problem="cannot be read"
        ) from exc
